/**
 * wolfSSL's Hash_DRBG (wolfcrypt/src/random.c, 5.5.x: SHA-256 only) as a face over randshim's
 * SP 800-90A Hash_DRBG mechanism, and wc_RNG_HealthTest_ex, the library's one deterministic
 * entry point, reproduced with its return codes.
 *
 * wolfSSL's conventions, next to OpenSSL's (each tied to a test in test/peers/):
 * - Hash_DRBG_Instantiate(seed, nonce): V = Hash_df(seed || nonce), C = Hash_df(0x00 || V);
 *   no personalization string and no additional input anywhere (reseed and generate take
 *   none), where SP 800-90A 10.1.1.2-4 allow both. No length is checked: an empty seed
 *   instantiates (OpenSSL requires at least 32 bytes of entropy and 16 of nonce for SHA-256).
 * - Generate refuses (DRBG_NEED_RESEED) once reseedCtr == WC_RESEED_INTERVAL (1000000), and
 *   adds reseedCtr to V as a 4-byte big-endian integer (10.1.1.4 step 4).
 * - wc_RNG_HealthTest_ex: instantiate with seedA (+ nonce), reseed with seedB if asked, two
 *   generates of outputSz bytes, the second returned ("prescribed by the NIST DRBGVS
 *   procedure"). outputSz must be exactly RNG_HEALTH_TEST_CHECK_SIZE (128) or it returns -1
 *   with the output untouched; a NULL seedA or output, or reseed with a NULL seedB, is
 *   BAD_FUNC_ARG (-173).
 */
import { HashDrbgMechanism } from '../sp800-90a/hash-drbg.js';
import { findDigest, getBackend, type PrimitiveBackend } from '../sp800-90a/primitives/index.js';

export const WOLFSSL_DRBG = {
  /** WC_RESEED_INTERVAL. */
  RESEED_INTERVAL: 1000000,
  /** RNG_HEALTH_TEST_CHECK_SIZE = WC_SHA256_DIGEST_SIZE * 4. */
  HEALTH_TEST_CHECK_SIZE: 128,
  /** MAX_REQUEST_LEN of random.c (checked by wc_RNG_GenerateBlock, not by the DRBG). */
  MAX_REQUEST: 0x10000,
} as const;

/** Internal DRBG return codes of random.c and the public error codes used here. */
export const WOLFSSL_RESULT = {
  DRBG_SUCCESS: 0,
  DRBG_FAILURE: 1,
  DRBG_NEED_RESEED: 2,
  /** The `ret = -1` wc_RNG_HealthTest_ex starts from. */
  TEST_FAILED: -1,
  BAD_FUNC_ARG: -173,
} as const;

export class WolfsslHashDrbg {
  private readonly mechanism: HashDrbgMechanism;
  private reseedCtr = 0;

  constructor(backend: PrimitiveBackend = getBackend()) {
    const sha256 = findDigest('SHA256');
    if (sha256 === undefined) throw new Error('SHA256 missing from the primitive table');
    this.mechanism = new HashDrbgMechanism(sha256, backend);
  }

  /** Hash_DRBG_Instantiate. */
  instantiate(seed: Uint8Array, nonce: Uint8Array | null): number {
    this.mechanism.instantiate(seed, nonce !== null && nonce.length > 0 ? nonce : null, null);
    this.reseedCtr = 1;
    return WOLFSSL_RESULT.DRBG_SUCCESS;
  }

  /** Hash_DRBG_Reseed: V = Hash_df(0x01 || V || seed), C = Hash_df(0x00 || V). */
  reseed(seed: Uint8Array): number {
    this.mechanism.reseed(seed, null);
    this.reseedCtr = 1;
    return WOLFSSL_RESULT.DRBG_SUCCESS;
  }

  /** Hash_DRBG_Generate. */
  generate(out: Uint8Array): number {
    if (this.reseedCtr === WOLFSSL_DRBG.RESEED_INTERVAL) return WOLFSSL_RESULT.DRBG_NEED_RESEED;
    this.mechanism.generate(out, null, this.reseedCtr);
    this.reseedCtr++;
    return WOLFSSL_RESULT.DRBG_SUCCESS;
  }

  /** Hash_DRBG_Uninstantiate. */
  uninstantiate(): void {
    this.mechanism.uninstantiate();
    this.reseedCtr = 0;
  }

  verifyZeroization(): boolean {
    return this.mechanism.verifyZeroization();
  }
}

export interface HealthTestInput {
  readonly reseed: boolean;
  readonly nonce: Uint8Array | null;
  readonly seedA: Uint8Array | null;
  readonly seedB: Uint8Array | null;
  readonly outputSize: number;
}

export interface HealthTestResult {
  readonly ret: number;
  /** The output buffer after the call (zeros where the function did not write). */
  readonly output: Uint8Array;
}

/** wc_RNG_HealthTest_ex (wc_RNG_HealthTest is the same with no nonce). */
export function wolfsslHealthTest(input: HealthTestInput, backend?: PrimitiveBackend): HealthTestResult {
  const output = new Uint8Array(input.outputSize);
  if (input.seedA === null) return { ret: WOLFSSL_RESULT.BAD_FUNC_ARG, output };
  if (input.reseed && input.seedB === null) return { ret: WOLFSSL_RESULT.BAD_FUNC_ARG, output };
  if (input.outputSize !== WOLFSSL_DRBG.HEALTH_TEST_CHECK_SIZE) return { ret: WOLFSSL_RESULT.TEST_FAILED, output };
  const drbg = new WolfsslHashDrbg(backend);
  drbg.instantiate(input.seedA, input.nonce);
  if (input.reseed) drbg.reseed(input.seedB as Uint8Array);
  // The first block is thrown away, as in the library; it leaves the output buffer written.
  drbg.generate(output);
  drbg.generate(output);
  drbg.uninstantiate();
  return { ret: 0, output };
}
