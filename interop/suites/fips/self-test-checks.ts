/**
 * The self-test checks of one FIPS-provider configuration: the DRBG known-answer tests' callback
 * events (OSSL_SELF_TEST_set_callback: Start, Corrupt, Pass/Fail for HASH, CTR, HMAC) and what
 * follows them, at load, on demand (OSSL_PROVIDER_self_test), at 4.0's deferred first use, and
 * with each DRBG test corrupted (the callback answers 0 on its Corrupt phase, as
 * `fipsinstall -corrupt_desc/-corrupt_type` does), real provider against randshim's
 * FipsModuleModel (provider/openssl3/fips/self-test.ts).
 */
import { FipsModuleModel, corrupting, DRBG_KATS, type DrbgKatDesc } from '../../../provider/openssl3/fips/self-test.js';
import type { FipsConfig } from '../../builds/fips-provider/configs.js';
import { FipsOracle } from '../../builds/fips-provider/oracle.js';
import { compareEvents } from './compare.js';
import { cavpCtrChain } from './rule-cases.js';
import type { FipsChain, FipsParams, SelfTestEvent } from './scenario.js';

export interface EventCheck {
  readonly label: string;
  /** DRBG events of the real provider, in order, and the first difference from randshim's. */
  readonly real: readonly string[];
  readonly mismatch: string | null;
  /** The real provider's outcome: load available / self-test ret and status, or the crash. */
  readonly outcome: string;
  readonly modelOutcome: string;
  /** Event sequences compared (one per child; more than one when a child crashed). */
  readonly sequences: number;
  /** Children that crashed (a signal) before answering, each retried. */
  readonly crashes: number;
  /** Whether a child answered everything (false: every child crashed after its DRBG events). */
  readonly answered: boolean;
  /** Errors the real self-test raised beyond the model's, from failed non-DRBG KATs (4.0). */
  readonly otherKatErrors: number;
}

export const drbgOnly = (events: readonly SelfTestEvent[]): SelfTestEvent[] => events.filter((e) => e.type === 'DRBG');
const keys = (events: readonly SelfTestEvent[]): string[] => events.map((e) => `${e.phase}:${e.desc}`);

type Reasons = readonly { readonly reason: string }[];

/** OSSL_PROVIDER_self_test's return, the module status after it and the reasons it raised. */
function selfTestOutcome(r: { readonly ret: number; readonly status: number; readonly errors: Reasons }): string {
  return `ret ${r.ret} status ${r.status} [${r.errors.map((e) => e.reason).join(' ')}]`;
}

/** A one-child event check: the DRBG events and the outcome, real against randshim. */
function check(label: string, real: readonly SelfTestEvent[], model: readonly SelfTestEvent[], outcome: string,
  modelOutcome: string): EventCheck {
  const mismatch = compareEvents(real, model) ?? (outcome === modelOutcome ? null : `outcome: real ${outcome}, randshim ${modelOutcome}`);
  return { label, real: keys(real), mismatch, outcome, modelOutcome, sequences: 1, crashes: 0, answered: true, otherKatErrors: 0 };
}

/** How many children a corruption check may take. 4.0 crashes (SIGSEGV) in roughly a third of
 * its runs after a failed HASH or HMAC DRBG test: in a later, non-DRBG KAT of the same self-test
 * (they fail too: every KAT after it reports Fail), or in the next EVP_RAND_fetch. The check
 * retries until a child answers everything, and compares what each crashed child did report. */
export const CORRUPTION_ATTEMPTS = 6;

/** What one child reported: the DRBG events, the Fail events of the other KATs, then (unless it
 * crashed first) the load / self-test outcome and whether a DRBG can still be fetched. */
interface Attempt {
  readonly drbg: readonly SelfTestEvent[];
  readonly otherFails: number;
  readonly available?: number;
  readonly selfTest?: { readonly ret: number; readonly status: number; readonly errors: Reasons };
  readonly fetchAfter?: number;
  readonly signal: string | null;
}

const otherFails = (events: readonly SelfTestEvent[]): number => events.filter((e) => e.type !== 'DRBG' && e.phase === 'Fail').length;

async function corruptOnce(config: FipsConfig, target: { desc: string; type: string }, when: 'load' | 'on demand'): Promise<Attempt> {
  const oracle = new FipsOracle(config, 30_000);
  let reported: Omit<Attempt, 'signal'> = { drbg: [], otherFails: 0 };
  try {
    if (when === 'load') {
      const r = await oracle.load(config.fipsCnf, target);
      return { drbg: drbgOnly(r.events), otherFails: otherFails(r.events), available: r.load.available, signal: null };
    }
    await oracle.load(config.fipsCnf, null);
    const r = await oracle.selfTest(target);
    reported = { drbg: drbgOnly(r.events), otherFails: otherFails(r.events), selfTest: r.selfTest };
    const after = await oracle.chains([cavpCtrChain()]);
    return { ...reported, fetchAfter: after.runs[0].created.ret === 1 ? 1 : 0, signal: null };
  } catch (e) {
    await oracle.closed;
    if (oracle.exitSignal === null || oracle.exitSignal.startsWith('code')) throw e;
    const streamed = oracle.unansweredEvents;
    if (reported.selfTest === undefined) reported = { drbg: drbgOnly(streamed), otherFails: otherFails(streamed) };
    return { ...reported, signal: oracle.exitSignal };
  } finally {
    await oracle.close().catch(() => undefined);
  }
}

/** The first difference between one attempt and the model, or null. The real self-test may
 * raise more than the model: errors of the non-DRBG KATs that failed after the DRBG one (4.0),
 * before the model's own reasons, which must end the queue. */
function attemptMismatch(a: Attempt, modelEvents: readonly SelfTestEvent[],
  model: { available?: number; selfTest?: { ret: number; status: number; errors: Reasons }; fetchAfter?: number }): string | null {
  const events = compareEvents(a.drbg, modelEvents);
  if (events !== null) return events;
  if (a.available !== undefined && a.available !== model.available) return `available: real ${a.available}, randshim ${model.available}`;
  if (a.selfTest !== undefined && model.selfTest !== undefined) {
    const extra = a.selfTest.errors.length - model.selfTest.errors.length;
    const tail = extra >= 0 ? a.selfTest.errors.slice(extra) : a.selfTest.errors;
    const { ret, status } = model.selfTest;
    if (a.selfTest.ret !== ret || a.selfTest.status !== status || selfTestOutcome({ ret, status, errors: tail }) !== selfTestOutcome(model.selfTest)
      || (extra > 0 && a.otherFails === 0)) {
      return `self-test: real ${selfTestOutcome(a.selfTest)}, randshim ${selfTestOutcome(model.selfTest)}`;
    }
  }
  if (a.fetchAfter !== undefined && a.fetchAfter !== model.fetchAfter) return `fetch after: real ${a.fetchAfter}, randshim ${model.fetchAfter}`;
  return null;
}

/** Load corrupting a DRBG test, and load then corrupt it on demand; a crashed child is retried. */
async function corruptionChecks(config: FipsConfig, desc: DrbgKatDesc): Promise<EventCheck[]> {
  const out: EventCheck[] = [];
  const target = { desc, type: 'DRBG' };
  for (const when of ['load', 'on demand'] as const) {
    const model = new FipsModuleModel({ line: config.line, deferTests: config.deferTests === 1 });
    let modelEvents: readonly SelfTestEvent[];
    let expected: { available?: number; selfTest?: { ret: number; status: number; errors: Reasons }; fetchAfter?: number };
    if (when === 'load') {
      const m = model.load(corrupting(target));
      modelEvents = m.events;
      expected = { available: m.available ? 1 : 0 };
    } else {
      model.load(corrupting(null));
      const m = model.selfTest(corrupting(target));
      modelEvents = m.events;
      expected = { selfTest: m, fetchAfter: model.status === 'running' ? 1 : 0 };
    }
    const describe = (a: { available?: number; selfTest?: { ret: number; status: number; errors: Reasons }; fetchAfter?: number },
      signal: string | null = null): string => [
      a.available === undefined ? '' : `available ${a.available}`,
      a.selfTest === undefined ? '' : selfTestOutcome(a.selfTest),
      a.fetchAfter === undefined ? '' : `fetch-after ${a.fetchAfter}`,
      signal === null ? '' : `crash (${signal})`,
    ].filter((x) => x !== '').join(' ');
    const crashes: string[] = [];
    let mismatch: string | null = null;
    let last: Attempt | null = null;
    let extraErrors = 0;
    while (crashes.length < CORRUPTION_ATTEMPTS) {
      last = await corruptOnce(config, target, when);
      mismatch ??= attemptMismatch(last, modelEvents, expected);
      if (last.selfTest !== undefined && expected.selfTest !== undefined) {
        extraErrors = Math.max(extraErrors, last.selfTest.errors.length - expected.selfTest.errors.length);
      }
      if (last.signal === null) break;
      crashes.push(last.signal);
    }
    // Every child crashed: the real behaviour of 4.0, accepted when each had reported the DRBG
    // events (the corrupted test's Fail among them, compared above) before it died in a later KAT
    // or fetch: a module that ends the process serves nothing, as the model's failure does.
    if (last === null || (last.signal !== null && last.drbg.length === 0)) mismatch ??= `crashed before any DRBG event (${crashes.join(', ')})`;
    out.push({ label: `corrupt ${desc} ${when}`, real: keys(last?.drbg ?? []), mismatch,
      outcome: last === null ? '' : describe(last, last.signal), modelOutcome: describe(expected),
      sequences: crashes.length + (last?.signal === null ? 1 : 0), crashes: crashes.length, answered: last?.signal === null,
      otherKatErrors: extraErrors });
  }
  return out;
}

type DrbgType = 'HASH-DRBG' | 'CTR-DRBG' | 'HMAC-DRBG';
const FIRST_USE_PARAMS: Readonly<Record<DrbgType, FipsParams>> = {
  'HASH-DRBG': { digest: 'SHA2-256' }, 'CTR-DRBG': { cipher: 'AES-128-CTR' }, 'HMAC-DRBG': { digest: 'SHA2-256' },
};
const TYPE_OF_KAT: Readonly<Record<DrbgKatDesc, DrbgType>> = { HASH: 'HASH-DRBG', CTR: 'CTR-DRBG', HMAC: 'HMAC-DRBG' };

/** The chain whose EVP_RAND_CTX_new is a DRBG type's first use. */
const firstUse = (type: DrbgType): FipsChain => ({ name: `first ${type}`, drbg: { type, params: FIRST_USE_PARAMS[type] }, crng: false,
  parent: { strength: 256, entropy: '00'.repeat(48) }, steps: [] });

/** A self-test once the module is in its error state (after a corrupted test on demand): the
 * real one runs nothing and refuses. One child; CTR, the test no line crashes after. */
async function selfTestInErrorState(config: FipsConfig): Promise<EventCheck> {
  const model = new FipsModuleModel({ line: config.line, deferTests: config.deferTests === 1 });
  const oracle = new FipsOracle(config);
  try {
    await oracle.load(config.fipsCnf, null);
    model.load(corrupting(null));
    const target = { desc: 'CTR', type: 'DRBG' };
    await oracle.selfTest(target);
    model.selfTest(corrupting(target));
    const again = await oracle.selfTest(null);
    const m = model.selfTest(corrupting(null));
    return check('on demand in error state', drbgOnly(again.events), m.events, selfTestOutcome(again.selfTest), selfTestOutcome(m));
  } finally {
    await oracle.close().catch(() => undefined);
  }
}

/** 4.0 with defer-tests: a DRBG test corrupted at its first use refuses EVP_RAND_CTX_new and
 * puts the module in its error state; a self-test then refuses too. One child per test. */
async function deferredCorruption(config: FipsConfig, desc: DrbgKatDesc): Promise<EventCheck> {
  const model = new FipsModuleModel({ line: config.line, deferTests: true });
  const oracle = new FipsOracle(config);
  const target = { desc, type: 'DRBG' };
  try {
    await oracle.load(config.fipsCnf, null);
    model.load(corrupting(null));
    const r = await oracle.chains([firstUse(TYPE_OF_KAT[desc])], target);
    const st = await oracle.selfTest(null);
    const m = model.newDrbgResult(TYPE_OF_KAT[desc], corrupting(target));
    const mSt = model.selfTest(corrupting(null));
    const created = r.runs[0].created;
    // EVP_RAND_CTX_new adds ERR_R_EVP_LIB when the provider's newctx fails (3.5+ evp_rand.c)
    const modelErrors = m.created ? m.errors : [...m.errors, { lib: 'EVP', reason: 'EVP_LIB' }];
    const describe = (ret: number, errors: Reasons, after: string): string => `created ${ret} [${errors.map((e) => e.reason).join(' ')}] then ${after}`;
    return check(`corrupt ${desc} first use`, drbgOnly(r.events), m.events, describe(created.ret, created.errors, selfTestOutcome(st.selfTest)),
      describe(m.created ? 1 : 0, modelErrors, selfTestOutcome(mSt)));
  } finally {
    await oracle.close().catch(() => undefined);
  }
}

/** Every self-test check of `config`: load, 4.0's deferred first uses, on demand, then (with
 * `corruption`) each DRBG test corrupted at load and on demand, one child per corruption. */
export async function selfTestChecks(config: FipsConfig, options: { corruption: boolean }):
  Promise<{ checks: EventCheck[]; loadEventCount: number; load: Awaited<ReturnType<FipsOracle['load']>>['load'] }> {
  const model = new FipsModuleModel({ line: config.line, deferTests: config.deferTests === 1 });
  const oracle = new FipsOracle(config);
  const checks: EventCheck[] = [];
  try {
    const loaded = await oracle.load(config.fipsCnf, null);
    const mLoad = model.load(corrupting(null));
    checks.push(check('load', drbgOnly(loaded.events), mLoad.events, `available ${loaded.load.available}`,
      `available ${mLoad.available ? 1 : 0}`));
    if (config.deferTests === 1) {
      // drbg_*_new_wrapper runs a deferred DRBG test at the first EVP_RAND_CTX_new of its type
      for (const type of ['HASH-DRBG', 'CTR-DRBG', 'HMAC-DRBG', 'CTR-DRBG'] as const) {
        const r = await oracle.chains([firstUse(type)]);
        const m = model.newDrbg(type, corrupting(null));
        checks.push(check(`first ${type}`, drbgOnly(r.events), m, `created ${r.runs[0].created.ret}`, 'created 1'));
      }
    }
    const st = await oracle.selfTest(null);
    const mSt = model.selfTest(corrupting(null));
    checks.push(check('on demand', drbgOnly(st.events), mSt.events, selfTestOutcome(st.selfTest), selfTestOutcome(mSt)));
    if (options.corruption) {
      for (const desc of DRBG_KATS) checks.push(...await corruptionChecks(config, desc));
      if (config.deferTests === 1) for (const desc of DRBG_KATS) checks.push(await deferredCorruption(config, desc));
      checks.push(await selfTestInErrorState(config));
    }
    return { checks, loadEventCount: loaded.events.length, load: loaded.load };
  } finally {
    await oracle.close().catch(() => undefined);
  }
}
