/**
 * The FIPS provider's DRBG self-tests as OpenSSL 3.5 / 3.6 / 4.0 run them, with their
 * OSSL_SELF_TEST callback events (providers/fips/self_test.c, self_test_kats.c:self_test_drbg,
 * self_test_event.c): for each DRBG known-answer test, in the order HASH, CTR, HMAC,
 * `Start`, `Corrupt` (the callback may answer 0, which makes OSSL_SELF_TEST_oncorrupt_byte flip
 * the output), then `Pass` or `Fail`; type "DRBG" (OSSL_SELF_TEST_TYPE_DRBG), desc "HASH",
 * "CTR", "HMAC" (OSSL_SELF_TEST_DESC_DRBG_*).
 *
 * When they run: at load (the power-up self-test, once per process), on demand
 * (OSSL_PROVIDER_self_test), and with 4.0's `defer-tests = 1` not at load but at the first
 * EVP_RAND_CTX_new of each DRBG type (drbg_*_new_wrapper -> ossl_deferred_self_test).
 *
 * What a failure does: at load the provider does not start (OSSL_PROVIDER_available is 0); on
 * demand OSSL_PROVIDER_self_test returns 0 with PROV_R_SELF_TEST_KAT_FAILURE and
 * PROV_R_FIPS_MODULE_ENTERING_ERROR_STATE (4.0: KAT_FAILURE twice first), the module's status
 * becomes 0 and nothing can be fetched from it any more.
 *
 * Only the DRBG tests are modelled; the module's other KATs (integrity MAC, ciphers, digests,
 * signatures, KDFs) emit events randshim does not reproduce. The CTR test really runs on
 * randshim's CTR-DRBG with OpenSSL's test vector (CAVP CTR_DRBG.rsp, AES-128 use df, PR, COUNT 0;
 * providers/fips/self_test_data.inc); the HASH and HMAC tests are modelled by their events only.
 */
import { fromHex } from '../../bytes.js';
import type { RaisedError } from '../../err/queue.js';
import { captureErrors } from '../../err/queue.js';
import { TestRand } from '../rands/test-rand.js';
import { FipsDrbgCtx, type FipsLine } from './fips-drbg.js';

export type DrbgKatDesc = 'HASH' | 'CTR' | 'HMAC';
export const DRBG_KATS: readonly DrbgKatDesc[] = ['HASH', 'CTR', 'HMAC'];
const KAT_OF_TYPE: Readonly<Record<string, DrbgKatDesc>> = { 'HASH-DRBG': 'HASH', 'CTR-DRBG': 'CTR', 'HMAC-DRBG': 'HMAC' };

export interface SelfTestEventModel {
  readonly phase: 'Start' | 'Corrupt' | 'Pass' | 'Fail';
  readonly type: string;
  readonly desc: string;
}

/** The OSSL_CALLBACK: false on a Corrupt event corrupts that test. */
export type SelfTestCallback = (event: SelfTestEventModel) => boolean;

/** CTR_DRBG.rsp [AES-128 use df] [PredictionResistance = True] COUNT = 0, as the FIPS
 * provider's st_kat_drbg_tests carries it. */
const CTR_KAT = {
  entropy: '92898f31fa1cff6d182f260643dff818', nonce: 'c2a4d972c3b9b697', pers: 'ea65ee60264e7eb60e8268c4373c5c0b',
  entropyPr: ['20728a06f86f8dd441e272b7c42ce810', '3db0f094f305503317863e2208f7a501'],
  adin: ['1a40fae3cc6c7ca0f8daba59236dad1d', '9f72766cc746e5ed2e532012bc59318c'],
  expected: '5a3539870f4d22a40924ee71c96fac720ad6f08882d0832873ec3f93d8ab4523'
    + 'f07eac45145e939fb1d676433db6e80888f6da89087742fe1af43fc423c51f68',
} as const;

/** self_test_drbg for the CTR case: TEST-RAND parent, instantiate with the personalization,
 * two prediction-resistant generates with fresh entropy, the second output compared. */
function ctrKatOutput(line: FipsLine): Uint8Array | null {
  const parent = TestRand.create(256, fromHex(CTR_KAT.entropy), fromHex(CTR_KAT.nonce));
  const drbg = FipsDrbgCtx.createFips({ mechanism: { type: 'CTR-DRBG' }, parent }, { line, drbgNoTruncMd: false });
  if (drbg === null || !drbg.setCtxParams({ cipher: 'AES-128-CTR' })) return null;
  const out = new Uint8Array(CTR_KAT.expected.length / 2);
  try {
    if (!drbg.instantiate(128, true, fromHex(CTR_KAT.pers))) return null;
    for (let i = 0; i < 2; i++) {
      parent.setCtxParams({ test_entropy: fromHex(CTR_KAT.entropyPr[i]) });
      if (!drbg.generate(out, 128, true, fromHex(CTR_KAT.adin[i]))) return null;
    }
    return out;
  } finally {
    drbg.free();
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export type ModuleStatus = 'running' | 'error' | 'not-loaded';

export interface FipsModuleOptions {
  readonly line: FipsLine;
  /** 4.0's `defer-tests = 1`. */
  readonly deferTests: boolean;
}

/** The FIPS module's self-test state machine (DRBG tests only), with its event stream. */
export class FipsModuleModel {
  status: ModuleStatus = 'not-loaded';
  /** DRBG tests still owed under deferral (4.0 ST_ID_DRBG_*). */
  private readonly deferred = new Set<DrbgKatDesc>();

  constructor(readonly options: FipsModuleOptions) {}

  /** One known-answer test: its three events, and whether it passed. */
  private runKat(desc: DrbgKatDesc, callback: SelfTestCallback, events: SelfTestEventModel[]): boolean {
    const ev = (phase: SelfTestEventModel['phase']): SelfTestEventModel => ({ phase, type: 'DRBG', desc });
    events.push(ev('Start'));
    let corrupt = false;
    const e = ev('Corrupt');
    events.push(e);
    if (!callback(e)) corrupt = true;
    let passed = !corrupt;
    if (passed && desc === 'CTR') {
      const out = ctrKatOutput(this.options.line);
      passed = out !== null && sameBytes(out, fromHex(CTR_KAT.expected));
    }
    events.push(ev(passed ? 'Pass' : 'Fail'));
    return passed;
  }

  private runAll(callback: SelfTestCallback, events: SelfTestEventModel[]): boolean {
    let ok = true;
    for (const desc of DRBG_KATS) ok = this.runKat(desc, callback, events) && ok;
    return ok;
  }

  /** OSSL_PROVIDER_load: the power-up self-test. Returns the DRBG events in order. */
  load(callback: SelfTestCallback): { available: boolean; events: SelfTestEventModel[] } {
    const events: SelfTestEventModel[] = [];
    if (this.options.deferTests) {
      for (const d of DRBG_KATS) this.deferred.add(d);
      this.status = 'running';
    } else {
      this.status = this.runAll(callback, events) ? 'running' : 'not-loaded';
    }
    return { available: this.status === 'running', events };
  }

  /** OSSL_PROVIDER_self_test: every test again; a failure puts the module in its error state.
   * In that state it runs nothing and refuses with PROV_R_INVALID_STATE (SELF_TEST_post: the
   * state is not FIPS_STATE_RUNNING; shown on the real fips.so of 3.5, 3.6 and 4.0). */
  selfTest(callback: SelfTestCallback): { ret: number; errors: RaisedError[]; status: number; events: SelfTestEventModel[] } {
    if (this.status === 'error') return { ret: 0, errors: [{ lib: 'PROV', reason: 'INVALID_STATE' }], status: 0, events: [] };
    const events: SelfTestEventModel[] = [];
    const { result: ok, raised } = captureErrors(() => this.runAll(callback, events));
    const errors = [...raised];
    if (!ok) {
      this.status = 'error';
      if (this.options.line === '4.0') errors.push({ lib: 'PROV', reason: 'SELF_TEST_KAT_FAILURE' });
      errors.push({ lib: 'PROV', reason: 'SELF_TEST_KAT_FAILURE' }, { lib: 'PROV', reason: 'FIPS_MODULE_ENTERING_ERROR_STATE' });
    }
    this.deferred.clear();
    return { ret: ok ? 1 : 0, errors, status: this.status === 'running' ? 1 : 0, events };
  }

  /** EVP_RAND_CTX_new of a FIPS DRBG: under deferral its test runs the first time. */
  newDrbg(type: string, callback: SelfTestCallback): SelfTestEventModel[] {
    return this.newDrbgResult(type, callback).events;
  }

  /** newDrbg with the provider's answer: a failed deferred test refuses the context with
   * PROV_R_SELF_TEST_KAT_FAILURE and PROV_R_FIPS_MODULE_ENTERING_ERROR_STATE (EVP adds its own
   * reason above that) and leaves the module in its error state. */
  newDrbgResult(type: string, callback: SelfTestCallback): { events: SelfTestEventModel[]; created: boolean; errors: RaisedError[] } {
    const desc = KAT_OF_TYPE[type];
    const events: SelfTestEventModel[] = [];
    if (desc === undefined || !this.deferred.has(desc)) return { events, created: this.status === 'running', errors: [] };
    this.deferred.delete(desc);
    if (this.runKat(desc, callback, events)) return { events, created: true, errors: [] };
    this.status = 'error';
    return { events, created: false,
      errors: [{ lib: 'PROV', reason: 'SELF_TEST_KAT_FAILURE' }, { lib: 'PROV', reason: 'FIPS_MODULE_ENTERING_ERROR_STATE' }] };
  }
}

/** A callback that corrupts the test matching `desc` and `type` (each given one must match). */
export function corrupting(target: { desc?: string; type?: string } | null): SelfTestCallback {
  return (e) => target === null || e.phase !== 'Corrupt'
    || !((target.desc === undefined || target.desc === e.desc) && (target.type === undefined || target.type === e.type));
}
