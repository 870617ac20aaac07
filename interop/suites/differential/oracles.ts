/**
 * The step-level oracles of the differential campaigns: every build with the `evp-rand-3`
 * capability (the `3.x` flavour, through ./run-libcrypto.ts) or `rand-drbg-111` (the `1.1.1`
 * flavour, the build's own {@link Oracle111}), in registry order. An in-process build can also be
 * run through its other FFI engines, named `<build>-<engine>`, when asked for by that name (the
 * slower engine; the campaign's results must be identical).
 */
import type { EngineName } from '../../ffi/types.js';
import { BUILDS, buildName, discover, type BuildEntry } from '../../builds/registry.js';
import type { Driver, Flavor } from './driver.js';
import { libcrypto3Driver } from './run-libcrypto.js';

export interface OracleEntry {
  readonly name: string;
  readonly flavor: Flavor;
  readonly driver?: Driver;
  /** Why it is unavailable. */
  readonly reason?: string;
}

async function stepOracle(entry: BuildEntry, flavor: Flavor, engine?: EngineName): Promise<OracleEntry> {
  const options = engine === undefined ? {} : { engine };
  if (flavor === '3.x') {
    const d = await discover(entry, 'evp-rand-3', options);
    return d.available ? { name: d.name, flavor, driver: libcrypto3Driver(d.handle, d.name) }
      : { name: d.name, flavor, reason: d.reason };
  }
  const d = await discover(entry, 'rand-drbg-111', options);
  return d.available ? { name: d.name, flavor, driver: d.handle } : { name: d.name, flavor, reason: d.reason };
}

/** The oracles, each with its driver or why it is unavailable; `only` restricts them to the one
 * of that name. Never throws. */
export async function discoverStepOracles(only?: string, builds: readonly BuildEntry[] = BUILDS): Promise<OracleEntry[]> {
  const found: OracleEntry[] = [];
  for (const entry of builds) {
    const flavor: Flavor | null = entry.capabilities.includes('evp-rand-3') ? '3.x'
      : entry.capabilities.includes('rand-drbg-111') ? '1.1.1' : null;
    if (flavor === null) continue;
    if (only === undefined || only === entry.name) found.push(await stepOracle(entry, flavor));
    const otherEngines = entry.loading.kind === 'in-process' ? entry.loading.engines.slice(1) : [];
    for (const engine of otherEngines) {
      if (only !== undefined && only === buildName(entry, { engine })) found.push(await stepOracle(entry, flavor, engine));
    }
  }
  return found;
}

export async function closeAll(entries: readonly OracleEntry[]): Promise<void> {
  for (const e of entries) await e.driver?.close();
}
