/**
 * Mbed TLS's CTR_DRBG (library/ctr_drbg.c, 2.28 and 3.6; AES-256 with the derivation function,
 * the build Debian ships: MBEDTLS_CTR_DRBG_USE_128_BIT_KEY unset) as a face over randshim's
 * SP 800-90A CTR_DRBG mechanism, reproducing the library's bytes, return codes and entropy
 * requests for the same entropy stream.
 *
 * Mbed TLS's conventions, next to OpenSSL's (each tied to a test in test/peers/):
 * - Seeding pulls `entropy_len` bytes (default MBEDTLS_CTR_DRBG_ENTROPY_LEN = 48) in one
 *   callback call and then, only if a nonce length applies, the nonce in a second call. The
 *   nonce length is set_nonce_len's, else good_nonce_len(): 0 when entropy_len >= 48 (the 48
 *   bytes already cover entropy and nonce), else (entropy_len + 1) / 2. The seed material is
 *   entropy || nonce || custom, through Block_Cipher_df (SP 800-90A 10.2.1.3.2).
 * - Before seeding, ctx->reseed_counter holds the nonce length (-1: unset). 2.28: (re)seeding
 *   sets it to 1 and a generate reseeds first when reseed_counter > reseed_interval (SP 800-90A
 *   9.3.1 step 6's reseed_counter); 3.6.6: (re)seeding sets it to 0 and the test is >=. Both
 *   allow reseed_interval generates per seed; they part after a failed seed (the counter
 *   starts from -1 or the nonce length) and when seed() is called again on a seeded context,
 *   where the counter is taken as the nonce length. Every generate adds 1; prediction
 *   resistance reseeds on every generate. The interval (default 10000) is set by init and
 *   kept by seed.
 * - Limits: MAX_REQUEST 1024 bytes per generate, MAX_INPUT 256 bytes of additional input,
 *   MAX_SEED_INPUT 384 bytes for entropy + nonce + custom/additional at (re)seed.
 * - A generate that reseeds consumes the additional input in the reseed (10.2.1.5.2 step
 *   6.b-c), as OpenSSL does. A generate of 0 bytes runs only the update steps (OpenSSL's
 *   drbg_ctr_generate adds one counter increment there; see ctr-drbg.ts).
 * - mbedtls_ctr_drbg_update (3.6; 2.28's update_ret) is SP 800-90A's CTR_DRBG_Update of
 *   df(additional), without entropy and without touching the reseed counter; 2.28's
 *   deprecated void mbedtls_ctr_drbg_update silently truncates the input to 384 bytes.
 */
import { concatBytes, zeroize } from '../bytes.js';
import { CtrDrbgMechanism } from '../sp800-90a/ctr-drbg.js';
import { findCtrCipher, getBackend, type PrimitiveBackend } from '../sp800-90a/primitives/index.js';
import type { EntropySource } from './entropy-source.js';

/** The compile-time constants of Debian's builds (mbedtls/ctr_drbg.h defaults). */
export const MBEDTLS_CTR_DRBG = {
  KEYSIZE: 32,
  SEEDLEN: 48,
  ENTROPY_LEN: 48,
  RESEED_INTERVAL: 10000,
  MAX_INPUT: 256,
  MAX_REQUEST: 1024,
  MAX_SEED_INPUT: 384,
} as const;

/** mbedtls/ctr_drbg.h error codes. */
export const MBEDTLS_ERR_CTR_DRBG = {
  ENTROPY_SOURCE_FAILED: -0x0034,
  REQUEST_TOO_BIG: -0x0036,
  INPUT_TOO_BIG: -0x0038,
} as const;

const ZERO_SEEDLEN = new Uint8Array(MBEDTLS_CTR_DRBG.SEEDLEN);

/** good_nonce_len(): no second call when the entropy already covers 1.5 x the key size. */
function goodNonceLen(entropyLen: number): number {
  return entropyLen >= (MBEDTLS_CTR_DRBG.KEYSIZE * 3) / 2 ? 0 : Math.floor((entropyLen + 1) / 2);
}

/** The Mbed TLS line whose counter convention to follow (see the header). */
export type MbedtlsLineConvention = '2.28' | '3.6';

export class MbedtlsCtrDrbg {
  /** CTR_DRBG AES-256 with the df: Mbed TLS's only configuration in these builds. */
  private readonly mechanism: CtrDrbgMechanism;
  /** The same cipher without the df, whose reseed with a seedlen-byte input is exactly
   * CTR_DRBG_Update(provided_data): used for Update(0^seedlen), which no df call reaches. */
  private readonly plainUpdate: CtrDrbgMechanism;
  private entropyLen = 0;
  /** ctx->reseed_counter: the nonce length (-1 unset) before seeding, then the counter. */
  private reseedCounter = -1;
  private reseedInterval: number = MBEDTLS_CTR_DRBG.RESEED_INTERVAL;
  private predictionResistance = false;
  private source: EntropySource | null = null;

  /** mbedtls_ctr_drbg_init. */
  constructor(readonly line: MbedtlsLineConvention, backend: PrimitiveBackend = getBackend()) {
    const aes256 = findCtrCipher('AES-256-CTR');
    if (aes256 === undefined) throw new Error('AES-256-CTR missing from the primitive table');
    this.mechanism = new CtrDrbgMechanism(aes256, true, backend);
    this.plainUpdate = new CtrDrbgMechanism(aes256, false, backend);
    // mbedtls_ctr_drbg_init zeroes the context: Key = 0, V = 0.
    this.mechanism.importState(new Uint8Array(MBEDTLS_CTR_DRBG.KEYSIZE + 16));
  }

  setEntropyLen(length: number): void {
    this.entropyLen = length;
  }

  /** mbedtls_ctr_drbg_set_nonce_len: refused once seeded (with the "closest" code the library
   * picks, ENTROPY_SOURCE_FAILED) and above MAX_SEED_INPUT. */
  setNonceLen(length: number): number {
    if (this.source !== null) return MBEDTLS_ERR_CTR_DRBG.ENTROPY_SOURCE_FAILED;
    if (length > MBEDTLS_CTR_DRBG.MAX_SEED_INPUT) return MBEDTLS_ERR_CTR_DRBG.INPUT_TOO_BIG;
    this.reseedCounter = length;
    return 0;
  }

  setPredictionResistance(on: boolean): void {
    this.predictionResistance = on;
  }

  setReseedInterval(interval: number): void {
    this.reseedInterval = interval;
  }

  /** mbedtls_ctr_drbg_seed: Key = 0 (V is left as it is: zero after init), then the
   * initial reseed with entropy || nonce || custom. */
  seed(source: EntropySource, custom: Uint8Array | null): number {
    this.source = source;
    if (this.entropyLen === 0) this.entropyLen = MBEDTLS_CTR_DRBG.ENTROPY_LEN;
    const nonceLen = this.reseedCounter >= 0 ? this.reseedCounter : goodNonceLen(this.entropyLen);
    const state = this.mechanism.exportState();
    state.fill(0, 0, MBEDTLS_CTR_DRBG.KEYSIZE);
    this.mechanism.importState(state);
    zeroize(state);
    return this.reseedInternal(custom, nonceLen);
  }

  /** mbedtls_ctr_drbg_reseed: entropy_len fresh bytes, no nonce. */
  reseed(additional: Uint8Array | null): number {
    return this.reseedInternal(additional, 0);
  }

  /** mbedtls_ctr_drbg_update (3.6) / mbedtls_ctr_drbg_update_ret (2.28). */
  update(additional: Uint8Array | null): number {
    const len = additional?.length ?? 0;
    if (len === 0 || additional === null) return 0;
    if (len > MBEDTLS_CTR_DRBG.MAX_SEED_INPUT) return MBEDTLS_ERR_CTR_DRBG.INPUT_TOO_BIG;
    this.updateWithDf(additional);
    return 0;
  }

  /** 2.28's deprecated `void mbedtls_ctr_drbg_update`: truncates to MAX_SEED_INPUT. */
  updateTruncating(additional: Uint8Array | null): void {
    const len = additional?.length ?? 0;
    this.update(additional === null ? null : additional.subarray(0, Math.min(len, MBEDTLS_CTR_DRBG.MAX_SEED_INPUT)));
  }

  /** mbedtls_ctr_drbg_random_with_add: fills all of `out` or returns an error code. */
  randomWithAdd(out: Uint8Array, additional: Uint8Array | null): number {
    if (out.length > MBEDTLS_CTR_DRBG.MAX_REQUEST) return MBEDTLS_ERR_CTR_DRBG.REQUEST_TOO_BIG;
    let adin = additional !== null && additional.length > 0 ? additional : null;
    if ((adin?.length ?? 0) > MBEDTLS_CTR_DRBG.MAX_INPUT) return MBEDTLS_ERR_CTR_DRBG.INPUT_TOO_BIG;
    if (this.reseedDue() || this.predictionResistance) {
      const ret = this.reseed(adin);
      if (ret !== 0) return ret;
      adin = null;
    }
    if (out.length > 0) {
      // Update(df(adin)) if any, CTR output, Update(df(adin) or 0^seedlen): the mechanism's
      // generate, whose only OpenSSL-specific step is for empty requests.
      this.mechanism.generate(out, adin, this.reseedCounter);
    } else if (adin !== null) {
      this.updateWithDf(adin);
      this.updateWithDf(adin);
    } else {
      this.updateWithZero();
    }
    this.reseedCounter++;
    return 0;
  }

  /** mbedtls_ctr_drbg_free: zeroizes the context (and leaves it re-initialised, as
   * 3.6 does with reseed_counter = -1). */
  free(): void {
    this.mechanism.uninstantiate();
    this.plainUpdate.uninstantiate();
    this.source = null;
    this.entropyLen = 0;
    this.reseedCounter = -1;
    this.reseedInterval = MBEDTLS_CTR_DRBG.RESEED_INTERVAL;
    this.predictionResistance = false;
  }

  /** True when the working state is all zero (after free). */
  verifyZeroization(): boolean {
    return this.mechanism.verifyZeroization() && this.plainUpdate.verifyZeroization();
  }

  /** mbedtls_ctr_drbg_reseed_internal. */
  private reseedInternal(additional: Uint8Array | null, nonceLen: number): number {
    const max = MBEDTLS_CTR_DRBG.MAX_SEED_INPUT;
    const len = additional?.length ?? 0;
    if (this.entropyLen > max || nonceLen > max - this.entropyLen || len > max - this.entropyLen - nonceLen) {
      return MBEDTLS_ERR_CTR_DRBG.INPUT_TOO_BIG;
    }
    const source = this.source as EntropySource;
    const entropy = source(this.entropyLen);
    if (entropy === null) return MBEDTLS_ERR_CTR_DRBG.ENTROPY_SOURCE_FAILED;
    let nonce: Uint8Array | null = null;
    if (nonceLen !== 0) {
      nonce = source(nonceLen);
      if (nonce === null) return MBEDTLS_ERR_CTR_DRBG.ENTROPY_SOURCE_FAILED;
    }
    // CTR_DRBG_Reseed_algorithm (10.2.1.4.2): Update(df(entropy || nonce || additional)),
    // with the whole string as the mechanism's entropy input (OpenSSL's ctr_update skips the
    // df result when its first input is empty, Mbed TLS never does).
    const none = new Uint8Array(0);
    const material = concatBytes(entropy, nonce ?? none, len === 0 || additional === null ? none : additional);
    if (material.length === 0) {
      throw new RangeError('Mbed TLS reseeding from nothing (entropy_len 0 after seeding, no nonce, no additional '
        + 'input) needs df(""), which no call of the OpenSSL-shaped CTR mechanism computes');
    }
    this.updateWithDf(material);
    zeroize(material);
    this.reseedCounter = this.line === '2.28' ? 1 : 0;
    return 0;
  }

  private reseedDue(): boolean {
    return this.line === '2.28' ? this.reseedCounter > this.reseedInterval : this.reseedCounter >= this.reseedInterval;
  }

  /** CTR_DRBG_Update(df(data)): the mechanism's reseed with `data` as its only input. */
  private updateWithDf(data: Uint8Array): void {
    this.mechanism.reseed(data, null);
  }

  /** CTR_DRBG_Update(0^seedlen), through the no-df twin. */
  private updateWithZero(): void {
    const state = this.mechanism.exportState();
    this.plainUpdate.importState(state);
    this.plainUpdate.reseed(ZERO_SEEDLEN, null);
    const updated = this.plainUpdate.exportState();
    this.mechanism.importState(updated);
    this.plainUpdate.uninstantiate();
    zeroize(state);
    zeroize(updated);
  }
}
