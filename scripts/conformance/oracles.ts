/**
 * The oracles the conformance CLI can be pointed at, as plain data (an {@link OracleSpec}, so a
 * worker thread can open its own session of the same oracle) and how each is opened:
 *
 * - a registry build with a step-level flavour (interop/builds/registry.ts, through
 *   interop/suites/differential/oracles.ts), including `<build>-<engine>` names;
 * - the newer lines `system-3.5`, `system-3.6`, `system-4.0` (interop/builds/openssl-lines,
 *   a child under the line's own ld.so);
 * - `--lib PATH`: any libcrypto, its family found by loading it (./detect.ts), opened in this
 *   process with RTLD_DEEPBIND (1.1.1 as the system-1.1.1 oracle is, 3.x/4.x through the
 *   registry's inProcessLibcrypto3 entry);
 * - `--lib PATH --loader LD_SO`: the same library in a child started under that loader by the
 *   lines' LineProcess (interop/builds/openssl-lines/process.ts), 3.x/4.x only (the child
 *   program speaks EVP_RAND).
 *
 * The subject is randshim's engine in the oracle's flavour (run-randshim.ts / run-randshim111.ts).
 */
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { BUILDS, buildName, discover, inProcessLibcrypto3, type BuildEntry } from '../../interop/builds/registry.js';
import { openLine } from '../../interop/builds/openssl-lines/build.js';
import { buildName as lineName, LINE_IDS, type LineId } from '../../interop/builds/openssl-lines/lines.js';
import type { LinePaths } from '../../interop/builds/openssl-lines/lines.js';
import { LineProcess } from '../../interop/builds/openssl-lines/process.js';
import type { HelloInfo, Response } from '../../interop/builds/openssl-lines/protocol.js';
import { loadSharedLibcrypto111 } from '../../interop/builds/openssl111/load.js';
import { batchCases } from '../../interop/builds/openssl111/node16-protocol.js';
import { inProcessOracle111 } from '../../interop/builds/openssl111/oracle.js';
import { openSession111 } from '../../interop/builds/openssl111/session.js';
import type { CaseResult, Driver, DrbgConfig, Flavor } from '../../interop/suites/differential/driver.js';
import { discoverStepOracles } from '../../interop/suites/differential/oracles.js';
import { libcrypto3Driver } from '../../interop/suites/differential/run-libcrypto.js';
import { randshimDriver3x } from '../../interop/suites/differential/run-randshim.js';
import { randshimDriver111 } from '../../interop/suites/differential/run-randshim111.js';
import { detectLibrary, type Family } from './detect.js';

export type OracleSpec =
  | { readonly kind: 'named'; readonly name: string }
  | { readonly kind: 'lib'; readonly path: string }
  | { readonly kind: 'child'; readonly path: string; readonly loader: string; readonly libraryPath: string };

/** What a report records about an oracle, available or not. */
export interface OracleRecord {
  readonly name: string;
  readonly flavor: Flavor | null;
  /** The file that answered (or was asked for). */
  readonly library: string;
  /** OpenSSL_version(OPENSSL_VERSION) as the library reports it; null when never loaded. */
  readonly version: string | null;
  /** How it was loaded and what shows it is that file answering. */
  readonly provenance: string;
}

export type Opened =
  | { readonly ok: true; readonly driver: Driver; readonly record: OracleRecord }
  | { readonly ok: false; readonly record: OracleRecord; readonly reason: string };

/** Step-level builds of the registry, with their other FFI engines' names. */
function registryNames(builds: readonly BuildEntry[] = BUILDS): string[] {
  const names: string[] = [];
  for (const entry of builds) {
    if (!entry.capabilities.includes('evp-rand-3') && !entry.capabilities.includes('rand-drbg-111')) continue;
    names.push(entry.name);
    const engines = entry.loading.kind === 'in-process' ? entry.loading.engines.slice(1) : [];
    for (const engine of engines) names.push(buildName(entry, { engine }));
  }
  return names;
}

/** Every name `--oracle` accepts, in report order. */
export function knownOracleNames(): string[] {
  return [...registryNames(), ...LINE_IDS.map(lineName)];
}

function lineOf(name: string): LineId | undefined {
  return LINE_IDS.find((l) => lineName(l) === name);
}

/** The name an oracle spec is reported under. */
export function specName(spec: OracleSpec): string {
  if (spec.kind === 'named') return spec.name;
  return spec.kind === 'lib' ? `lib:${spec.path}` : `lib:${spec.path} (under ${basename(spec.loader)})`;
}

const DEEPBIND = 'in process, dlopen RTLD_NOW | RTLD_DEEPBIND';

function describeLoading(entry: BuildEntry | undefined): string {
  if (entry === undefined) return '';
  const l = entry.loading;
  if (l.kind === 'in-process') return `${DEEPBIND} (${entry.describes})`;
  if (l.kind === 'child-process') return `child process: ${l.program}${l.loader === null ? '' : ` under ${l.loader}`} (${entry.describes})`;
  return `WebAssembly: ${l.runtime}`;
}

function helloProvenance(hello: HelloInfo, loader: string): string {
  return `child process under ${loader}; OpenSSL_version found in ${hello.evidence.file ?? 'no file'} ` +
    `(dladdr), error probe on its own queue: ${hello.evidence.errorOnOwnQueue ? 'yes' : 'no'}; ` +
    `glibc ${hello.glibc}, libc mapped: ${hello.mapped.libc.join(', ') || 'none'}`;
}

async function openNamed(name: string): Promise<Opened> {
  const line = lineOf(name);
  const unavailable = (library: string, provenance: string, reason: string): Opened =>
    ({ ok: false, reason, record: { name, flavor: line === undefined ? null : '3.x', library, version: null, provenance } });
  if (line !== undefined) {
    try {
      const build = await openLine(line);
      return {
        ok: true, driver: build.driver,
        record: { name, flavor: '3.x', library: build.paths.libcrypto, version: build.hello.version,
          provenance: helloProvenance(build.hello, build.paths.loader) },
      };
    } catch (e) {
      return unavailable(`OpenSSL ${line} (.cache/openssl-lines/${line})`, `child process under the line's own ld.so`,
        e instanceof Error ? e.message : String(e));
    }
  }
  const entry = BUILDS.find((b) => name === b.name || name.startsWith(`${b.name}-`));
  const [found] = await discoverStepOracles(name);
  if (found === undefined) return unavailable('', '', `no oracle named ${name}`);
  if (found.driver === undefined) return unavailable(entry?.library ?? '', describeLoading(entry), found.reason ?? 'unavailable');
  const d = found.driver;
  const evidence = 'evidence' in d ? evidenceText(d.evidence as { file: string | null; errorOnOwnQueue: boolean }) : '';
  return {
    ok: true, driver: d,
    record: { name, flavor: found.flavor, library: d.info.library, version: d.info.version,
      provenance: [describeLoading(entry), evidence].filter((s) => s !== '').join('; ') },
  };
}

function evidenceText(e: { file: string | null; errorOnOwnQueue: boolean }): string {
  return `OpenSSL_version found in ${e.file ?? 'no file'} (dladdr), error probe on its own queue: ${e.errorOnOwnQueue ? 'yes' : 'no'}`;
}

function flavorOf(family: Family): Flavor {
  return family === '1.1.1' ? '1.1.1' : '3.x';
}

async function openLib(path: string): Promise<Opened> {
  const name = `lib:${path}`;
  const detected = detectLibrary(path);
  if (!detected.ok) return { ok: false, reason: detected.reason, record: { name, flavor: null, library: path, version: null, provenance: DEEPBIND } };
  const record = { name, flavor: flavorOf(detected.family), library: path, version: detected.version };
  if (detected.family === '1.1.1') {
    const loaded = loadSharedLibcrypto111([path]);
    if (!loaded.ok) return { ok: false, reason: loaded.reason, record: { ...record, provenance: DEEPBIND } };
    const session = openSession111(loaded.lib);
    const driver = inProcessOracle111({ name, flavor: '1.1.1', library: loaded.path, version: session.version }, session);
    return { ok: true, driver, record: { ...record, provenance: `${DEEPBIND}, RAND_DRBG state read: ${session.layout.ok ? 'yes' : 'no'}` } };
  }
  const d = await discover(inProcessLibcrypto3(name, path, `a libcrypto given by --lib (${detected.version})`), 'evp-rand-3');
  if (!d.available) return { ok: false, reason: d.reason, record: { ...record, provenance: DEEPBIND } };
  return {
    ok: true, driver: libcrypto3Driver(d.handle, name),
    record: { ...record, library: d.library, provenance: `${DEEPBIND}; ${evidenceText(d.handle.evidence)}` },
  };
}

/** The paths LineProcess needs for an arbitrary library and loader (no manifest, no FIPS). */
function adHocPaths(path: string, loader: string, libraryPath: string): LinePaths {
  const dir = join(tmpdir(), 'randshim-conformance');
  mkdirSync(dir, { recursive: true });
  const emptyConfig = join(dir, 'empty.cnf');
  writeFileSync(emptyConfig, '');
  return {
    line: '3.0', dir, root: dirname(dirname(loader)), libcrypto: path, loader, libraryPath,
    modules: join(dirname(path), 'ossl-modules'), openssl: '', emptyConfig, fipsConfig: '', manifest: '',
  };
}

function real(f: string | null): string | null {
  try {
    return f === null ? null : realpathSync(f);
  } catch {
    return f;
  }
}

function answer<T>(r: Response, key: string): T {
  if (!r.ok) throw new Error(r.error);
  if (!(key in r)) throw new Error(`child response without ${key}`);
  return (r as unknown as Record<string, T>)[key];
}

async function openChild(spec: Extract<OracleSpec, { kind: 'child' }>): Promise<Opened> {
  const name = specName(spec);
  const base = { name, flavor: null, library: spec.path, version: null, provenance: `child process under ${spec.loader}` };
  let child: LineProcess;
  let hello: HelloInfo;
  try {
    child = new LineProcess(adHocPaths(spec.path, spec.loader, spec.libraryPath), 120_000);
    hello = answer<HelloInfo>(await child.request({ op: 'hello' }), 'hello');
  } catch (e) {
    return { ok: false, reason: `${spec.path} under ${spec.loader}: ${e instanceof Error ? e.message : String(e)}`, record: base };
  }
  const record: OracleRecord = { ...base, flavor: '3.x', version: hello.version, provenance: helloProvenance(hello, spec.loader) };
  const problem = real(hello.evidence.file) !== real(spec.path) ? `OpenSSL_version lives in ${hello.evidence.file ?? 'no file'}, not ${spec.path}`
    : !hello.evidence.errorOnOwnQueue ? 'errors raised inside the library do not reach its own queue' : null;
  if (problem !== null) {
    await child.close().catch(() => undefined);
    return { ok: false, reason: problem, record };
  }
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };
  const driver: Driver = {
    info: { name, flavor: '3.x', library: spec.path, version: hello.version },
    supports: (config: DrbgConfig) => ['CTR-DRBG', 'HASH-DRBG', 'HMAC-DRBG'].includes(config.mechanism),
    runBatch: (cases) => serial(async () => {
      const out: CaseResult[] = [];
      for (const batch of batchCases(cases)) out.push(...answer<CaseResult[]>(await child.request({ op: 'cases', cases: batch }), 'results'));
      return out;
    }),
    close: () => serial(() => child.close()),
  };
  return { ok: true, driver, record };
}

/** Opens an oracle session. Never throws: an oracle that cannot be used says why. */
export async function openOracle(spec: OracleSpec): Promise<Opened> {
  if (spec.kind === 'named') return openNamed(spec.name);
  return spec.kind === 'lib' ? openLib(spec.path) : openChild(spec);
}

/** randshim's engine in the flavour of `flavor` (node backend). */
export function subjectFor(flavor: Flavor): Driver {
  return flavor === '1.1.1' ? randshimDriver111('node') : randshimDriver3x('node');
}
