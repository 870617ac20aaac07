/**
 * CRNG-TEST, the FIPS provider's continuous health-test "RAND" of OpenSSL 3.4+
 * (providers/implementations/rands/fips_crng_test.c). It sits between the seed source and the
 * FIPS DRBGs: every seed a child asks for (get_seed) is taken from the parent, or without one
 * from the core's entropy up-call, and passed through the SP 800-90B RCT and APT
 * ({@link ContinuousHealthTests}).
 *
 * On a failure it raises PROV_R_ENTROPY_SOURCE_FAILED_CONTINUOUS_TESTS, marks itself ERROR and
 * returns no seed (the DRBG above then raises ERROR_RETRIEVING_ENTROPY and enters its own ERROR
 * state). There is no module-wide error state and no self-test event (3.0's crngt.c had both),
 * and CRNG-TEST never blocks: the next seed is tested afresh. With a parent every
 * get_ctx_params is forwarded to it, so its own ERROR state is invisible through EVP_RAND.
 */
import { raise } from '../../err/queue.js';
import { osEntropy, type EntropyPoll } from '../../rand-pool/os-pool.js';
import type { OSSL_PARAM } from '../core/param-memory.js';
import { OSSL_PARAM_locate, OSSL_PARAM_set_int, OSSL_PARAM_set_uint } from '../core/ossl-param.js';
import { RandState, type RandImpl } from '../rands/rand-impl.js';
import { parentAcceptsLocking } from '../rands/rand-base.js';
import { getSourceCtxParams, SeedSource } from '../rands/seed-source.js';
import { ContinuousHealthTests, type HealthFailure } from './health-tests.js';

/** What a parentless CRNG-TEST reports (crng_test_get_ctx_params). */
const OWN_STRENGTH = 1024;
const OWN_MAX_REQUEST = 128;

export class CrngTest extends SeedSource implements RandImpl {
  readonly algorithm = 'CRNG-TEST';
  private readonly health = new ContinuousHealthTests();
  private locking = false;
  /** The test that refused the last failed seed (for reports; OpenSSL keeps no such record). */
  lastFailure: HealthFailure | null = null;

  constructor(readonly parent: RandImpl | null = null, private readonly entropySource: EntropyPoll = osEntropy) {
    super();
  }

  /** CRNG-TEST's own state (EVP_RAND_get_state shows the parent's when there is one). */
  get ownState(): RandState {
    return this.state;
  }

  // crng_test_instantiate ("Start up health tests should go here") only marks READY: the
  // seed source's instantiate.

  /** crng_test_generate: a seed of exactly out.length bytes, copied out. */
  generate(out: Uint8Array, _strength: number, predictionResistance: boolean, adin: Uint8Array | null): boolean {
    const seed = this.getSeed(0, out.length, out.length, predictionResistance, adin ?? new Uint8Array(0));
    if (seed === null) return false;
    if (seed.length < out.length) {
      // OpenSSL copies outlen bytes from a shorter parent seed (reading past it, e.g. a short
      // TEST-RAND test_entropy); randshim refuses instead of handing out unrelated memory.
      this.clearSeed(seed);
      raise('PROV', 'ERROR_RETRIEVING_ENTROPY');
      return false;
    }
    out.set(seed.subarray(0, out.length));
    this.clearSeed(seed);
    return true;
  }

  /** crng_test_reseed: nothing to do. */
  reseed(): boolean {
    return true;
  }

  /** crng_test_get_seed: the parent's (or the OS's) seed, refused unless every byte passes. */
  getSeed(entropy: number, minLen: number, maxLen: number, predictionResistance: boolean, adin: Uint8Array): Uint8Array | null {
    const parent = this.parent;
    if (parent === null || parent.getSeed === undefined) {
      const seed = this.entropySource(entropy, minLen, maxLen);
      if (seed === null || seed.length === 0) return null;
      if (!this.check(seed)) {
        seed.fill(0);
        return null;
      }
      return seed;
    }
    if (!parent.lock()) {
      raise('PROV', 'PARENT_LOCKING_NOT_ENABLED');
      return null;
    }
    try {
      const seed = parent.getSeed(entropy, minLen, maxLen, predictionResistance, adin);
      if (seed !== null && seed.length > 0 && this.check(seed)) return seed;
      if (seed !== null) parent.clearSeed?.(seed);
      return null;
    } finally {
      parent.unlock();
    }
  }

  override clearSeed(seed: Uint8Array): void {
    if (this.parent === null || this.parent.getSeed === undefined) seed.fill(0);
    else this.parent.clearSeed?.(seed);
  }

  /** crng_test: both health tests over the seed; ERROR and the reason on a refusal. */
  private check(seed: Uint8Array): boolean {
    const failure = this.health.test(seed);
    if (failure === null) return true;
    this.lastFailure = failure;
    this.state = RandState.ERROR;
    raise('PROV', 'ENTROPY_SOURCE_FAILED_CONTINUOUS_TESTS');
    return false;
  }

  override enableLocking(): boolean {
    if (!this.locking && !parentAcceptsLocking(this.parent)) return false;
    this.locking = true;
    return true;
  }

  /** crng_test_get_ctx_params: the parent answers when there is one; otherwise state,
   * strength 1024, max_request 128 and fips-indicator 0 (CRNG-TEST is not an approved DRBG). */
  getCtxParamArray(params: OSSL_PARAM[]): boolean {
    if (this.parent !== null) return this.parent.getCtxParamArray(params);
    const own = { state: this.state, strength: OWN_STRENGTH, maxRequest: OWN_MAX_REQUEST };
    if (!getSourceCtxParams(params, { ...own, setStrength: OSSL_PARAM_set_uint })) return false;
    const p = OSSL_PARAM_locate(params, 'fips-indicator');
    if (p !== null && !OSSL_PARAM_set_int(p, 0)) return false;
    return true;
  }

  override gettableCtxParamArray(): OSSL_PARAM[] | null {
    return this.parent !== null ? this.parent.gettableCtxParamArray() : super.gettableCtxParamArray();
  }
}
