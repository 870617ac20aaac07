/**
 * A live OpenSSL line as a build randshim compares against: its child process
 * (./process.ts), the provenance shown by its hello (the library that answers is the file asked
 * for, running on the line's own C library), a differential {@link Driver} and the scenario
 * runner. Flavour `3.x`: 3.5, 3.6 and 4.0 keep 3.0's EVP_RAND/TEST-RAND interface.
 */
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { answer, serialQueue } from '../child-process.js';
import { batchCases } from '../openssl111/node16-protocol.js';
import type { CaseResult, DiffCase, Discovery, Driver, DrbgConfig, OracleInfo } from '../../suites/differential/driver.js';
import type { Scenario } from '../../suites/evp-rand/scenario.js';
import { buildName, LINE_IDS, linesCache, readLine, type LineId, type LineManifest, type LinePaths } from './lines.js';
import { LineProcess } from './process.js';
import type { ParamCall } from './param-battery.js';
import type { ProbeResults } from './probes.js';
import type { HelloInfo, LineScenarioRun } from './protocol.js';

export interface LineBuild {
  /** '3.0' for the system control. */
  readonly line: LineId | '3.0';
  readonly name: string;
  readonly paths: LinePaths;
  readonly manifest: LineManifest;
  readonly hello: HelloInfo;
  /** The step-level differential oracle (same C calls as system-3). */
  readonly driver: Driver;
  /** Runs scenarios on the line's libcrypto (each in a fresh default libctx when asked). */
  runScenarios(scenarios: readonly Scenario[], freshLibctx: boolean): Promise<LineScenarioRun[]>;
  /** The probes of ./probes.ts (with the line's fips.cnf when it has one). */
  probes(): Promise<ProbeResults>;
  /** OSSL_PARAM's own functions on the line's library (./param-battery.ts). */
  paramBattery(): Promise<ParamCall[]>;
  close(): Promise<void>;
}

const real = (f: string): string => {
  try {
    return realpathSync(f);
  } catch {
    return f;
  }
};

/** Why the hello does not show the line's own library on the line's own C library, or null. */
export function lineProvenanceProblem(hello: HelloInfo, paths: LinePaths, manifest: LineManifest): string | null {
  const want = real(paths.libcrypto);
  if (hello.evidence.file === null || real(hello.evidence.file) !== want) {
    return `OpenSSL_version lives in ${hello.evidence.file ?? 'no file'}, not ${want}`;
  }
  if (!hello.evidence.errorOnOwnQueue || hello.evidence.errorOnNodeQueue === true) {
    return 'errors raised inside the library reach Node\'s error queue (loaded without RTLD_DEEPBIND?)';
  }
  if (hello.mapped.libcrypto.map(real).some((f) => f !== want)) return `other libcrypto mapped: ${hello.mapped.libcrypto.join(', ')}`;
  const root = real(paths.root).replace(/\/$/, '');
  if (hello.mapped.libc.length !== 1 || !real(hello.mapped.libc[0]).startsWith(`${root}/`)) {
    return `the child runs on ${hello.mapped.libc.join(', ') || 'no libc'}, not the line's own C library`;
  }
  if (!hello.version.startsWith(`OpenSSL ${manifest.version}${manifest.version.endsWith('.') ? '' : ' '}`)) {
    return `the library says "${hello.version}", the installer recorded ${manifest.version}`;
  }
  return null;
}

/** Starts the line's child and checks its provenance. Throws with the reason on failure. */
export async function openLine(line: LineId): Promise<LineBuild> {
  const found = readLine(line);
  if ('reason' in found) throw new Error(found.reason);
  return openChild(line, buildName(line), found.paths, found.manifest);
}

/**
 * A control: the machine's own OpenSSL 3.0 (Debian libssl3) through the very same child
 * program, protocol and comparison, under the machine's own loader. Its scenarios must show no
 * difference from randshim's 3.0 personality (as the in-process system-3 suites do), so that
 * the differences found on a line are the line's and not the pipeline's.
 */
export async function openSystem30Child(): Promise<LineBuild> {
  const lib = '/usr/lib/x86_64-linux-gnu';
  const empty = join(linesCache(), 'system-3.0-empty.cnf');
  mkdirSync(linesCache(), { recursive: true });
  writeFileSync(empty, '');
  const paths: LinePaths = {
    line: '3.0', dir: linesCache(), root: '/', libcrypto: join(lib, 'libcrypto.so.3'), loader: join(lib, 'ld-linux-x86-64.so.2'),
    libraryPath: lib, modules: join(lib, 'ossl-modules'), openssl: '/usr/bin/openssl', emptyConfig: empty, fipsConfig: '',
    manifest: '',
  };
  const manifest: LineManifest = {
    line: '3.0', suite: 'the machine\'s', libcSuite: 'the machine\'s', version: '3.0.', versionLine: '', packages: [], mirror: '',
  };
  return openChild('3.0', 'system-3.0-child', paths, manifest);
}

async function openChild(line: LineId | '3.0', name: string, paths: LinePaths, manifest: LineManifest): Promise<LineBuild> {
  const child = new LineProcess(paths);
  const who = `${name} child`;
  let hello: HelloInfo;
  try {
    hello = answer(who, await child.request({ op: 'hello' }), 'hello');
    const problem = lineProvenanceProblem(hello, paths, manifest);
    if (problem !== null) throw new Error(`${name}: ${problem}`);
  } catch (e) {
    await child.close().catch(() => undefined);
    throw e;
  }
  /** Whole jobs one after another, so that concurrent callers cannot interleave. */
  const serial = serialQueue();
  const info: OracleInfo = { name, flavor: '3.x', library: `${paths.libcrypto} (child under ${paths.loader})`, version: hello.version };
  const driver: Driver = {
    info,
    supports: (config: DrbgConfig) => ['CTR-DRBG', 'HASH-DRBG', 'HMAC-DRBG'].includes(config.mechanism),
    runBatch: (cases: readonly DiffCase[]) => serial(async () => {
      const out: CaseResult[] = [];
      for (const batch of batchCases(cases)) out.push(...answer(who, await child.request({ op: 'cases', cases: batch }), 'results'));
      return out;
    }),
    close: () => serial(() => child.close()),
  };
  return {
    line, name, paths, manifest, hello, driver,
    runScenarios: (scenarios, freshLibctx) => serial(async () => {
      const out: LineScenarioRun[] = [];
      for (let i = 0; i < scenarios.length; i += 16) {
        const batch = scenarios.slice(i, i + 16);
        out.push(...answer(who, await child.request({ op: 'scenarios', scenarios: batch, freshLibctx }), 'runs'));
      }
      return out;
    }),
    probes: () => serial(async () =>
      answer(who, await child.request({ op: 'probes', fipsConfig: paths.fipsConfig === '' ? null : paths.fipsConfig }), 'probes')),
    paramBattery: () => serial(async () => [...answer(who, await child.request({ op: 'params' }), 'paramCalls')]),
    close: () => driver.close(),
  };
}

/** Every line: its build, or why it is unavailable. Never throws. */
export async function discoverLines(lines: readonly LineId[] = LINE_IDS): Promise<(Discovery & { readonly build?: LineBuild })[]> {
  const out: (Discovery & { readonly build?: LineBuild })[] = [];
  for (const line of lines) {
    const name = buildName(line);
    try {
      const build = await openLine(line);
      out.push({ name, available: true, driver: build.driver, build });
    } catch (e) {
      out.push({ name, available: false, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}
