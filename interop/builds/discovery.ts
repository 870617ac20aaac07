/**
 * Finds every real OpenSSL build randshim can compare against and says, for each, which
 * library and version it loaded or why it is unavailable. Never throws.
 */
import type { Driver, Flavor } from '../suites/differential/driver.js';
import { discoverNode16 } from './openssl111/node16.js';
import { discoverSystem111 } from './openssl111/in-process.js';
import { discoverSystem3 } from './openssl3/in-process.js';

export interface OracleEntry {
  readonly name: string;
  readonly flavor: Flavor;
  readonly driver?: Driver;
  /** Why it is unavailable. */
  readonly reason?: string;
}

/** The step-level oracles: system-3 (3.x flavour), system-1.1.1 and node16-1.1.1 (1.1.1); and
 * system-3-ffi-rs (the system library through the ffi-rs engine) when `only` names it. */
export async function discoverStepOracles(only?: string): Promise<OracleEntry[]> {
  const found: OracleEntry[] = [];
  const wanted = (name: string): boolean => only === undefined || only === name;
  const add = async (name: string, flavor: Flavor, discover: () => Promise<{ available: boolean; driver?: Driver; reason?: string }>): Promise<void> => {
    if (!wanted(name)) return;
    try {
      const d = await discover();
      found.push(d.available && d.driver !== undefined ? { name, flavor, driver: d.driver } : { name, flavor, reason: d.reason ?? 'unavailable' });
    } catch (e) {
      found.push({ name, flavor, reason: e instanceof Error ? e.message : String(e) });
    }
  };
  await add('system-3', '3.x', async () => {
    const d = discoverSystem3();
    return d.available ? { available: true, driver: d.driver } : { available: false, reason: d.reason };
  });
  // The same library through ffi-rs instead of koffi: only when asked for by name (it is the
  // slower engine; the campaign's results must be identical).
  if (only === 'system-3-ffi-rs') {
    await add('system-3-ffi-rs', '3.x', async () => {
      const d = discoverSystem3({ engine: 'ffi-rs' });
      return d.available ? { available: true, driver: d.driver } : { available: false, reason: d.reason };
    });
  }
  await add('system-1.1.1', '1.1.1', async () => {
    const d = await discoverSystem111();
    return d.available ? { available: true, driver: d.driver } : { available: false, reason: d.reason };
  });
  await add('node16-1.1.1', '1.1.1', async () => {
    const d = await discoverNode16();
    return d.available ? { available: true, driver: d.driver } : { available: false, reason: d.reason };
  });
  return found;
}

export async function closeAll(entries: readonly OracleEntry[]): Promise<void> {
  for (const e of entries) await e.driver?.close();
}
