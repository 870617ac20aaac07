/**
 * TEST-RAND (OpenSSL 3.0.1+ providers/implementations/rands/test_rng.c): a deterministic
 * "generator" that hands out fixed test data, used as the parent of a DRBG under test.
 *
 * As a parent it gives every child instantiate and reseed the whole current entropy buffer
 * (capped at max_len), ignoring the read position and the requested length; its nonce function
 * returns the test nonce (capped at max_noncelen, as in 3.0.19+). As a generator it reads the
 * entropy buffer sequentially and fails when fewer than the requested bytes remain.
 */
import { RandState, type RandImpl, type RandParamName, type RandParams } from '../rand.js';

const GETTABLE: readonly RandParamName[] = ['state', 'strength', 'max_request'];
const SETTABLE: readonly RandParamName[] = ['test_entropy', 'test_nonce', 'strength', 'max_request'];

/** INT_MAX: TEST-RAND's default max_request. */
const INT_MAX = 0x7fffffff;

export class TestRand implements RandImpl {
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

  getCtxParams(wanted: readonly RandParamName[], into: RandParams): boolean {
    for (const name of wanted) {
      if (name === 'state') into.state = this.state;
      else if (name === 'strength') into.strength = this.strength;
      else if (name === 'max_request') into.max_request = this.maxRequest;
    }
    return true;
  }

  setCtxParams(params: RandParams): boolean {
    if (params.strength !== undefined) this.strength = params.strength >>> 0;
    if (params.test_entropy !== undefined) {
      this.entropy = Uint8Array.from(params.test_entropy);
      this.entropyPos = 0;
    }
    if (params.test_nonce !== undefined) this.nonceData = Uint8Array.from(params.test_nonce);
    if (params.max_request !== undefined) this.maxRequest = params.max_request;
    return true;
  }

  gettableParams(): readonly RandParamName[] {
    return GETTABLE;
  }

  settableParams(): readonly RandParamName[] {
    return SETTABLE;
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
