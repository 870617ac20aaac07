/**
 * TEST-RAND (OpenSSL 3.0.1+ providers/implementations/rands/test_rng.c): a deterministic
 * "generator" that hands out fixed test data, used as the parent of a DRBG under test.
 *
 * As a parent it gives every child instantiate and reseed the whole current entropy buffer
 * (capped at max_len), ignoring the read position and the requested length; its nonce function
 * returns the test nonce (capped at max_noncelen, as in 3.0.19+). As a generator it reads the
 * entropy buffer sequentially and fails when fewer than the requested bytes remain.
 */
import type { OSSL_PARAM } from '../core/param-memory.js';
import {
  OSSL_PARAM_get_octet_string, OSSL_PARAM_get_size_t, OSSL_PARAM_get_uint, OSSL_PARAM_locate, OSSL_PARAM_locate_const,
  OSSL_PARAM_set_int, OSSL_PARAM_set_size_t,
} from '../core/ossl-param.js';
import { paramDescriptors } from '../core/rand-params.js';
import { RandBase } from './rand-base.js';
import { RandState, type RandImpl } from './rand-impl.js';

/** INT_MAX: TEST-RAND's default max_request. */
const INT_MAX = 0x7fffffff;

export class TestRand extends RandBase implements RandImpl {
  readonly algorithm = 'TEST-RAND';
  private state: RandState = RandState.UNINITIALISED;
  private strength = 0;
  private maxRequest = INT_MAX;
  private entropy: Uint8Array | null = null;
  private entropyPos = 0;
  private nonceData: Uint8Array | null = null;
  private locking = false;

  /** Convenience for tests: set strength, entropy and nonce in one go. */
  static create(strength: number, entropy?: Uint8Array, nonce?: Uint8Array): TestRand {
    const t = new TestRand();
    t.setCtxParams({ strength, test_entropy: entropy, test_nonce: nonce });
    return t;
  }

  instantiate(strength: number): boolean {
    if (strength > this.strength) return false;
    this.state = RandState.READY;
    this.entropyPos = 0;
    return true;
  }

  uninstantiate(): boolean {
    this.entropyPos = 0;
    this.state = RandState.UNINITIALISED;
    return true;
  }

  generate(out: Uint8Array, strength: number): boolean {
    const available = (this.entropy?.length ?? 0) - this.entropyPos;
    if (strength > this.strength || available < out.length) return false;
    if (this.entropy !== null) out.set(this.entropy.subarray(this.entropyPos, this.entropyPos + out.length));
    this.entropyPos += out.length;
    return true;
  }

  reseed(): boolean {
    return true;
  }

  nonce(out: Uint8Array | null, strength: number, _minLen: number, maxLen: number): number {
    if (this.nonceData === null || strength > this.strength) return 0;
    const n = Math.min(this.nonceData.length, maxLen);
    if (out !== null) out.set(this.nonceData.subarray(0, n));
    return n;
  }

  getSeed(_entropy: number, _minLen: number, maxLen: number): Uint8Array | null {
    if (this.entropy === null) return new Uint8Array(0);
    return this.entropy.subarray(0, Math.min(this.entropy.length, maxLen));
  }

  enableLocking(): boolean {
    this.locking = true;
    return true;
  }

  lock(): boolean {
    return true;
  }

  unlock(): void {}

  /** Whether enable_locking was called (JavaScript has no lock to take). */
  get lockingEnabled(): boolean {
    return this.locking;
  }

  verifyZeroization(): boolean {
    return true;
  }

  /** test_rng_get_ctx_params: state and strength through OSSL_PARAM_set_int (so a strength
   * of 2^31 or more is a negative int, which an unsigned parameter refuses), max_request. */
  getCtxParamArray(params: OSSL_PARAM[]): boolean {
    let p = OSSL_PARAM_locate(params, 'state');
    if (p !== null && !OSSL_PARAM_set_int(p, this.state)) return false;
    p = OSSL_PARAM_locate(params, 'strength');
    if (p !== null && !OSSL_PARAM_set_int(p, this.strength | 0)) return false;
    p = OSSL_PARAM_locate(params, 'max_request');
    if (p !== null && !OSSL_PARAM_set_size_t(p, this.maxRequest)) return false;
    return true;
  }

  /** test_rng_set_ctx_params: strength, test_entropy (resets the read position), test_nonce,
   * max_request, in that order; stops at the first that does not convert. */
  override setCtxParamArray(params: OSSL_PARAM[] | null): boolean {
    if (params === null) return true;
    let p = OSSL_PARAM_locate_const(params, 'strength');
    const u = { value: 0 };
    if (p !== null) {
      if (!OSSL_PARAM_get_uint(p, u)) return false;
      this.strength = u.value as number;
    }
    p = OSSL_PARAM_locate_const(params, 'test_entropy');
    if (p !== null) {
      const box = { value: null as Uint8Array | null };
      if (!OSSL_PARAM_get_octet_string(p, box, 0, null)) return false;
      this.entropy = box.value;
      this.entropyPos = 0;
    }
    p = OSSL_PARAM_locate_const(params, 'test_nonce');
    if (p !== null) {
      const box = { value: null as Uint8Array | null };
      if (!OSSL_PARAM_get_octet_string(p, box, 0, null)) return false;
      this.nonceData = box.value;
    }
    p = OSSL_PARAM_locate_const(params, 'max_request');
    if (p !== null) {
      const m = { value: 0 };
      if (!OSSL_PARAM_get_size_t(p, m)) return false;
      this.maxRequest = m.value as number;
    }
    return true;
  }

  gettableCtxParamArray(): OSSL_PARAM[] {
    return paramDescriptors(['state', 'strength', 'max_request']);
  }

  settableCtxParamArray(): OSSL_PARAM[] {
    return paramDescriptors(['test_entropy', 'test_nonce', 'strength', 'max_request']);
  }

  free(): void {
    this.entropy = null;
    this.nonceData = null;
  }

  /** Current state (for tests). */
  get currentState(): RandState {
    return this.state;
  }
}
