/**
 * The FIPS-provider suites of one line, shared by test/fips/fips-provider.spec.ts and the
 * `npm start` section (scripts/report/fips.ts): per configuration the provider found (version,
 * options), the self-test DRBG event sequences (load, on demand, 4.0's deferred first use), each
 * corruptible DRBG test at load and on demand, the CRNG-TEST scenarios and the FIPS DRBG rule
 * scenarios (digest matrix under the configuration's drbg-no-trunc-md, df, caller entropy on
 * reseed, the CAVP CTR vector), every one compared with randshim's model.
 */
import { FipsModuleModel, corrupting, DRBG_KATS, type DrbgKatDesc } from '../../../provider/openssl3/fips/self-test.js';
import { compareChainRuns, compareEvents, type ChainComparison } from './compare.js';
import { configsOf, readFipsConfig, type FipsConfig, type FipsConfigId, type LineId } from './configs.js';
import { crngCases, randomCrngCases } from './crng-cases.js';
import { FipsOracle } from './oracle.js';
import type { LoadResult } from './protocol.js';
import { runChainRandshim } from './randshim-chain.js';
import { cavpCtrChain, digestMatrix, ruleChains } from './rule-cases.js';
import type { FipsChain, FipsChainRun, SelfTestEvent } from './scenario.js';

export interface EventCheck {
  readonly label: string;
  /** DRBG events of the real provider, in order, and the first difference from randshim's. */
  readonly real: readonly string[];
  readonly mismatch: string | null;
  /** The real provider's outcome: load available / self-test ret and status, or the crash. */
  readonly outcome: string;
  readonly modelOutcome: string;
}

export interface ConfigResult {
  readonly config: FipsConfig;
  readonly load: LoadResult;
  /** Every self-test callback event at load (all KATs, not only the DRBG ones). */
  readonly loadEventCount: number;
  readonly events: readonly EventCheck[];
  readonly crng: ChainComparison | null;
  /** CRNG steps the real provider refused with ENTROPY_SOURCE_FAILED_CONTINUOUS_TESTS. */
  readonly crngRefusals: number;
  readonly rules: ChainComparison;
}

export interface LineResult {
  readonly line: LineId;
  readonly configs: readonly ConfigResult[];
  /** Configurations that could not be run, with why. */
  readonly missing: readonly string[];
}

const drbgOnly = (events: readonly SelfTestEvent[]): SelfTestEvent[] => events.filter((e) => e.type === 'DRBG');
const keys = (events: readonly SelfTestEvent[]): string[] => events.map((e) => `${e.phase}:${e.desc}`);

function compareRuns(oracleRuns: readonly FipsChainRun[], chains: readonly FipsChain[], config: FipsConfig): ChainComparison {
  const model = chains.map((c) => runChainRandshim(c, { line: config.line, drbgNoTruncMd: config.drbgNoTruncMd === 1 }));
  return compareChainRuns(oracleRuns, model);
}

/** Load (optionally corrupting a DRBG test), then on demand; one child per call. */
async function corruptionChecks(config: FipsConfig, desc: DrbgKatDesc): Promise<EventCheck[]> {
  const out: EventCheck[] = [];
  const target = { desc, type: 'DRBG' };
  const deferred = config.deferTests === 1;
  // 4.0 crashes (SIGSEGV) on a corrupted HASH or HMAC DRBG test run at load or on demand
  for (const when of ['load', 'on demand'] as const) {
    const model = new FipsModuleModel({ line: config.line, deferTests: deferred });
    const oracle = new FipsOracle(config, 30_000);
    let real: SelfTestEvent[] = [];
    let outcome: string;
    let modelEvents;
    let modelOutcome: string;
    try {
      if (when === 'load') {
        const r = await oracle.load(config.fipsCnf, target);
        real = drbgOnly(r.events);
        outcome = `available ${r.load.available}`;
      } else {
        await oracle.load(config.fipsCnf, null);
        const r = await oracle.selfTest(target);
        real = drbgOnly(r.events);
        const after = await oracle.chains([cavpCtrChain()]);
        const fetched = after.runs[0].created.ret === 1;
        outcome = `ret ${r.selfTest.ret} status ${r.selfTest.status} fetch-after ${fetched ? 1 : 0}`;
      }
    } catch {
      outcome = `crash (${oracle.exitSignal ?? 'no answer'})`;
    } finally {
      await oracle.close().catch(() => undefined);
    }
    if (when === 'load') {
      const m = model.load(corrupting(target));
      modelEvents = m.events;
      modelOutcome = `available ${m.available ? 1 : 0}`;
    } else {
      model.load(corrupting(null));
      const m = model.selfTest(corrupting(target));
      modelEvents = m.events;
      modelOutcome = `ret ${m.ret} status ${m.status} fetch-after ${model.status === 'running' ? 1 : 0}`;
    }
    out.push({ label: `corrupt ${desc} ${when}`, real: keys(real), mismatch: outcome.startsWith('crash') ? null : compareEvents(real, modelEvents),
      outcome, modelOutcome });
  }
  return out;
}

export async function runConfig(config: FipsConfig, options: { randomCrng: number; corruption: boolean }): Promise<ConfigResult> {
  const model = new FipsModuleModel({ line: config.line, deferTests: config.deferTests === 1 });
  const oracle = new FipsOracle(config);
  const events: EventCheck[] = [];
  try {
    const loaded = await oracle.load(config.fipsCnf, null);
    const mLoad = model.load(corrupting(null));
    events.push({ label: 'load', real: keys(drbgOnly(loaded.events)), mismatch: compareEvents(drbgOnly(loaded.events), mLoad.events),
      outcome: `available ${loaded.load.available}`, modelOutcome: `available ${mLoad.available ? 1 : 0}` });
    if (config.deferTests === 1) {
      for (const [type, params] of [['HASH-DRBG', { digest: 'SHA2-256' }], ['CTR-DRBG', { cipher: 'AES-128-CTR' }],
        ['HMAC-DRBG', { digest: 'SHA2-256' }], ['CTR-DRBG', { cipher: 'AES-128-CTR' }]] as const) {
        const r = await oracle.chains([{ name: 'first use', drbg: { type, params }, crng: false,
          parent: { strength: 256, entropy: '00'.repeat(48) }, steps: [] }]);
        const real = drbgOnly(r.events);
        const m = model.newDrbg(type, corrupting(null));
        events.push({ label: `first ${type}`, real: keys(real), mismatch: compareEvents(real, m), outcome: `${real.length} events`,
          modelOutcome: `${m.length} events` });
      }
    }
    const crngChains = [...crngCases(), ...randomCrngCases(options.randomCrng)];
    const crngRun = config.id === 'default' || config.id === 'defer' ? await oracle.chains(crngChains) : null;
    const crng = crngRun !== null ? compareRuns(crngRun.runs, crngChains, config) : null;
    const crngRefusals = crngRun !== null
      ? crngRun.runs.flatMap((r) => r.steps).filter((s) => s.errors.some((e) => e.reason === 'ENTROPY_SOURCE_FAILED_CONTINUOUS_TESTS')).length : 0;
    const ruleSet = [cavpCtrChain(), ...digestMatrix(config.line, config.drbgNoTruncMd === 1), ...ruleChains(config.line)];
    const rulesRun = await oracle.chains(ruleSet);
    const rules = compareRuns(rulesRun.runs, ruleSet, config);
    const st = await oracle.selfTest(null);
    const mSt = model.selfTest(corrupting(null));
    events.push({ label: 'on demand', real: keys(drbgOnly(st.events)), mismatch: compareEvents(drbgOnly(st.events), mSt.events),
      outcome: `ret ${st.selfTest.ret} status ${st.selfTest.status}`, modelOutcome: `ret ${mSt.ret} status ${mSt.status}` });
    if (options.corruption) for (const desc of DRBG_KATS) events.push(...await corruptionChecks(config, desc));
    return { config, load: loaded.load, loadEventCount: loaded.events.length, events, crng, crngRefusals, rules };
  } finally {
    await oracle.close().catch(() => undefined);
  }
}

export async function runLine(line: LineId, options: { randomCrng: number; corruption: boolean }): Promise<LineResult> {
  const configs: ConfigResult[] = [];
  const missing: string[] = [];
  for (const id of configsOf(line) as FipsConfigId[]) {
    const config = readFipsConfig(line, id);
    if ('reason' in config) {
      missing.push(`${line} ${id}: ${config.reason}`);
      continue;
    }
    configs.push(await runConfig(config, options));
  }
  return { line, configs, missing };
}
