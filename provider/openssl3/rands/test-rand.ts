/**
 * TEST-RAND (OpenSSL 3.0.1+ providers/implementations/rands/test_rng.c): a deterministic
 * "generator" that hands out fixed test data, used as the parent of a DRBG under test.
 *
 * As a parent it gives every child instantiate and reseed the whole current entropy buffer
 * (capped at max_len), ignoring the read position and the requested length; its nonce function
 * returns the test nonce (capped at max_noncelen, as in 3.0.19+). As a generator it reads the
 * entropy buffer sequentially and fails when fewer than the requested bytes remain.
 *
 * From 3.5 (provider/openssl3/lines.ts testRandGenerate) the `generate` parameter, when
 * non-zero, switches generate and nonce to a 32-bit xorshift PRNG (test_rng.c: gen_byte)
 * seeded at instantiate; get_seed still hands out the entropy buffer. From 3.6 the generated
 * decoders refuse a repeated key (../core/param-decoder.ts) and `strength` reads back as the
 * uint it is (testRandStrengthUint).
 */
import type { OSSL_PARAM } from '../core/param-memory.js';
import {
  OSSL_PARAM_get_octet_string, OSSL_PARAM_get_size_t, OSSL_PARAM_get_uint, OSSL_PARAM_locate, OSSL_PARAM_locate_const,
  OSSL_PARAM_set_int, OSSL_PARAM_set_size_t, OSSL_PARAM_set_uint,
} from '../core/ossl-param.js';
import { paramsDecoded, tableKeys } from '../core/param-decoder.js';
import { paramDescriptors, type RandParamName } from '../core/rand-params.js';
import { lineBehaviour } from '../lines.js';
import { RandBase } from './rand-base.js';
import { RandState, type RandImpl } from './rand-impl.js';

/** INT_MAX: TEST-RAND's default max_request. */
const INT_MAX = 0x7fffffff;

/** test_rng_instantiate's xorshift seed: "Value doesn't matter, so long as it isn't zero". */
const XORSHIFT_SEED = 221953166;

export class TestRand extends RandBase implements RandImpl {
  readonly algorithm = 'TEST-RAND';
  private state: RandState = RandState.UNINITIALISED;
  private strength = 0;
  private maxRequest = INT_MAX;
  private entropy: Uint8Array | null = null;
  private entropyPos = 0;
  private nonceData: Uint8Array | null = null;
  private locking = false;
  /** t->generate (3.5+): non-zero selects the xorshift PRNG. */
  private generateMode = 0;
  /** t->seed: the xorshift state, 0 until instantiate (so gen_byte yields zeros before it). */
  private seed = 0;

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
    this.seed = XORSHIFT_SEED;
    return true;
  }

  /** gen_byte: Marsaglia's 32-bit xorshift (13, 17, 5); the low byte of each new state. */
  private genByte(): number {
    let n = this.seed;
    n = (n ^ (n << 13)) >>> 0;
    n = (n ^ (n >>> 17)) >>> 0;
    n = (n ^ (n << 5)) >>> 0;
    this.seed = n;
    return n & 0xff;
  }

  uninstantiate(): boolean {
    this.entropyPos = 0;
    this.state = RandState.UNINITIALISED;
    return true;
  }

  generate(out: Uint8Array, strength: number): boolean {
    if (strength > this.strength) return false;
    if (this.generateMode !== 0) {
      for (let i = 0; i < out.length; i++) out[i] = this.genByte();
      return true;
    }
    const available = (this.entropy?.length ?? 0) - this.entropyPos;
    if (strength > this.strength || available < out.length) return false;
    if (this.entropy !== null) out.set(this.entropy.subarray(this.entropyPos, this.entropyPos + out.length));
    this.entropyPos += out.length;
    return true;
  }

  reseed(): boolean {
    return true;
  }

  nonce(out: Uint8Array | null, strength: number, minLen: number, maxLen: number): number {
    if (strength > this.strength) return 0;
    if (this.generateMode !== 0) {
      // test_rng_nonce writes min_noncelen bytes through `out` even when it is NULL (the size
      // query drbg.c makes first), which crashes C; randshim answers the size without writing.
      if (out !== null) for (let i = 0; i < minLen; i++) out[i] = this.genByte();
      return minLen;
    }
    if (this.nonceData === null) return 0;
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
   * of 2^31 or more is a negative int, which an unsigned parameter refuses; 3.6+: set_uint),
   * max_request, then (3.5+) generate as a uint. */
  getCtxParamArray(params: OSSL_PARAM[]): boolean {
    if (!paramsDecoded(params, tableKeys(this.gettableCtxParamArray()))) return false;
    const line = lineBehaviour();
    let p = OSSL_PARAM_locate(params, 'state');
    if (p !== null && !OSSL_PARAM_set_int(p, this.state)) return false;
    p = OSSL_PARAM_locate(params, 'strength');
    if (p !== null && !(line.testRandStrengthUint ? OSSL_PARAM_set_uint(p, this.strength) : OSSL_PARAM_set_int(p, this.strength | 0))) {
      return false;
    }
    p = OSSL_PARAM_locate(params, 'max_request');
    if (p !== null && !OSSL_PARAM_set_size_t(p, this.maxRequest)) return false;
    p = line.testRandGenerate ? OSSL_PARAM_locate(params, 'generate') : null;
    if (p !== null && !OSSL_PARAM_set_uint(p, this.generateMode)) return false;
    return true;
  }

  /** test_rng_set_ctx_params: strength, test_entropy (resets the read position), test_nonce,
   * max_request, in that order; stops at the first that does not convert. */
  override setCtxParamArray(params: OSSL_PARAM[] | null): boolean {
    if (params === null) return true;
    if (!paramsDecoded(params, tableKeys(this.settableCtxParamArray()))) return false;
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
    p = lineBehaviour().testRandGenerate ? OSSL_PARAM_locate_const(params, 'generate') : null;
    if (p !== null) {
      const g = { value: 0 };
      if (!OSSL_PARAM_get_uint(p, g)) return false;
      this.generateMode = g.value as number;
    }
    return true;
  }

  /** known_gettable_ctx_params (3.5+: and `generate`). */
  gettableCtxParamArray(): OSSL_PARAM[] {
    return paramDescriptors(withGenerate(['state', 'strength', 'max_request']));
  }

  /** known_settable_ctx_params (3.5+: and `generate`). */
  settableCtxParamArray(): OSSL_PARAM[] {
    return paramDescriptors(withGenerate(['test_entropy', 'test_nonce', 'strength', 'max_request']));
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

/** A TEST-RAND table as the running line lists it: `generate` last from 3.5 on. */
function withGenerate(names: readonly RandParamName[]): readonly RandParamName[] {
  return lineBehaviour().testRandGenerate ? [...names, 'generate'] : names;
}
