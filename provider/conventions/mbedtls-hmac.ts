/**
 * Mbed TLS's HMAC_DRBG (library/hmac_drbg.c, 2.28 and 3.6) over any message digest, as a face
 * over randshim's SP 800-90A HMAC_DRBG mechanism, reproducing the library's bytes, return
 * codes and entropy requests for the same entropy stream.
 *
 * Mbed TLS's conventions, next to OpenSSL's (each tied to a test in test/peers/):
 * - entropy_len defaults by digest size (hmac_drbg_seed): 16 bytes for SHA-1, 24 for SHA-224,
 *   32 above. Seeding pulls entropy_len bytes, then a nonce of entropy_len / 2 bytes in a
 *   second callback call, and refuses when entropy_len * 3 / 2 + custom > MAX_SEED_INPUT (384)
 *   or custom > MAX_INPUT (256). The seed material is entropy || nonce || custom (10.1.2.3).
 * - reseed_interval is set by mbedtls_hmac_drbg_init and kept by seed. A generate reseeds
 *   first when an entropy source is set and prediction resistance is on or the counter is due:
 *   2.28 sets reseed_counter to 1 at (re)seed and tests >, 3.6.6 sets 0 and tests >= (the same
 *   as CTR_DRBG; they part after a failed seed). seed_buf sets no source: that DRBG never
 *   reseeds (and mbedtls_hmac_drbg_reseed on it would call a NULL f_entropy).
 * - Limits: MAX_REQUEST 1024 bytes, MAX_INPUT 256 bytes of additional input per generate.
 * - A generate of 0 bytes runs only the update steps (OpenSSL's drbg_hmac_generate computes
 *   V = HMAC(K, V) once even then; see hmac-drbg.ts).
 * - mbedtls_hmac_drbg_update is HMAC_DRBG_Update(additional) with no length limit.
 */
import { concatBytes, zeroize } from '../bytes.js';
import { HmacDrbgMechanism } from '../sp800-90a/hmac-drbg.js';
import { findDigest, getBackend, type PrimitiveBackend } from '../sp800-90a/primitives/index.js';
import type { EntropySource } from './entropy-source.js';
import type { MbedtlsLineConvention } from './mbedtls-ctr.js';

export const MBEDTLS_HMAC_DRBG = {
  RESEED_INTERVAL: 10000,
  MAX_INPUT: 256,
  MAX_REQUEST: 1024,
  MAX_SEED_INPUT: 384,
} as const;

/** mbedtls/hmac_drbg.h error codes. */
export const MBEDTLS_ERR_HMAC_DRBG = {
  REQUEST_TOO_BIG: -0x0003,
  INPUT_TOO_BIG: -0x0005,
  ENTROPY_SOURCE_FAILED: -0x0009,
} as const;

/** The digests Mbed TLS names SHA1 ... SHA512 (mbedtls_md_info_from_string). */
export type MbedtlsDigest = 'SHA1' | 'SHA224' | 'SHA256' | 'SHA384' | 'SHA512';

export const MBEDTLS_HMAC_DIGESTS: readonly MbedtlsDigest[] = ['SHA1', 'SHA224', 'SHA256', 'SHA384', 'SHA512'];

export class MbedtlsHmacDrbg {
  private readonly mechanism: HmacDrbgMechanism;
  private readonly mdSize: number;
  private entropyLen = 0;
  private reseedCounter = 0;
  private reseedInterval: number = MBEDTLS_HMAC_DRBG.RESEED_INTERVAL;
  private predictionResistance = false;
  private source: EntropySource | null = null;

  /** mbedtls_hmac_drbg_init, plus the md_info the seed functions take. */
  constructor(readonly line: MbedtlsLineConvention, readonly digest: MbedtlsDigest,
    backend: PrimitiveBackend = getBackend()) {
    const info = findDigest(digest);
    if (info === undefined) throw new Error(`digest ${digest} missing from the primitive table`);
    this.mdSize = info.size;
    this.mechanism = new HmacDrbgMechanism(info, backend);
  }

  setEntropyLen(length: number): void {
    this.entropyLen = length;
  }

  setPredictionResistance(on: boolean): void {
    this.predictionResistance = on;
  }

  setReseedInterval(interval: number): void {
    this.reseedInterval = interval;
  }

  /** mbedtls_hmac_drbg_seed. */
  seed(source: EntropySource, custom: Uint8Array | null): number {
    this.initialState();
    this.source = source;
    if (this.entropyLen === 0) this.entropyLen = this.mdSize <= 20 ? 16 : this.mdSize <= 28 ? 24 : 32;
    return this.reseedCore(custom, true);
  }

  /** mbedtls_hmac_drbg_seed_buf: K = 0, V = 1, Update(data); no entropy source. */
  seedBuf(data: Uint8Array | null): number {
    this.initialState();
    this.mechanism.reseed(data ?? new Uint8Array(0), null);
    return 0;
  }

  /** mbedtls_hmac_drbg_reseed. */
  reseed(additional: Uint8Array | null): number {
    return this.reseedCore(additional, false);
  }

  /** mbedtls_hmac_drbg_update (3.6) / mbedtls_hmac_drbg_update_ret (2.28). */
  update(additional: Uint8Array | null): number {
    this.mechanism.reseed(additional ?? new Uint8Array(0), null);
    return 0;
  }

  /** mbedtls_hmac_drbg_random_with_add. */
  randomWithAdd(out: Uint8Array, additional: Uint8Array | null): number {
    if (out.length > MBEDTLS_HMAC_DRBG.MAX_REQUEST) return MBEDTLS_ERR_HMAC_DRBG.REQUEST_TOO_BIG;
    let adin = additional !== null && additional.length > 0 ? additional : null;
    if ((adin?.length ?? 0) > MBEDTLS_HMAC_DRBG.MAX_INPUT) return MBEDTLS_ERR_HMAC_DRBG.INPUT_TOO_BIG;
    const due = this.line === '2.28'
      ? this.reseedCounter > this.reseedInterval
      : this.reseedCounter >= this.reseedInterval;
    if (this.source !== null && (this.predictionResistance || due)) {
      const ret = this.reseed(adin);
      if (ret !== 0) return ret;
      adin = null;
    }
    if (out.length > 0) {
      this.mechanism.generate(out, adin, this.reseedCounter);
    } else {
      // Update(adin) if any, no output block, Update(adin): HMAC_DRBG_Update of an empty
      // input is its single 0x00 round.
      if (adin !== null) this.update(adin);
      this.update(adin);
    }
    this.reseedCounter++;
    return 0;
  }

  free(): void {
    this.mechanism.uninstantiate();
    this.source = null;
    this.entropyLen = 0;
    this.reseedCounter = 0;
    this.reseedInterval = MBEDTLS_HMAC_DRBG.RESEED_INTERVAL;
    this.predictionResistance = false;
  }

  verifyZeroization(): boolean {
    return this.mechanism.verifyZeroization();
  }

  /** K = 0^outlen (the all-zero HMAC key of hmac_drbg_seed), V = 0x01^outlen. */
  private initialState(): void {
    const state = new Uint8Array(2 * this.mdSize);
    state.fill(1, this.mdSize);
    this.mechanism.importState(state);
  }

  /** hmac_drbg_reseed_core. */
  private reseedCore(additional: Uint8Array | null, useNonce: boolean): number {
    const len = additional?.length ?? 0;
    const totalEntropyLen = useNonce ? Math.floor((this.entropyLen * 3) / 2) : this.entropyLen;
    if (len > MBEDTLS_HMAC_DRBG.MAX_INPUT || totalEntropyLen + len > MBEDTLS_HMAC_DRBG.MAX_SEED_INPUT) {
      return MBEDTLS_ERR_HMAC_DRBG.INPUT_TOO_BIG;
    }
    const source = this.source as EntropySource;
    const entropy = source(this.entropyLen);
    if (entropy === null) return MBEDTLS_ERR_HMAC_DRBG.ENTROPY_SOURCE_FAILED;
    let material = entropy;
    if (useNonce) {
      const nonce = source(Math.floor(this.entropyLen / 2));
      if (nonce === null) return MBEDTLS_ERR_HMAC_DRBG.ENTROPY_SOURCE_FAILED;
      material = concatBytes(entropy, nonce);
    }
    // HMAC_DRBG_Update(entropy || [nonce] || additional): the mechanism's reseed.
    this.mechanism.reseed(material, len === 0 ? null : additional);
    if (material !== entropy) zeroize(material);
    this.reseedCounter = this.line === '2.28' ? 1 : 0;
    return 0;
  }
}
