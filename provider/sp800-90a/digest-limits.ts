/**
 * Strength and lengths of the Hash and HMAC DRBGs for a digest (drbg_hash_set_ctx_params and
 * drbg_hmac_set_ctx_params in OpenSSL 3.0): strength = min(256, 64 * floor(size / 8)) bits
 * (SP 800-57 part 1 table 3), min entropy = strength / 8 bytes, min nonce = half that.
 */
import type { DigestInfo } from './primitives/algorithms.js';
import { DRBG_MAX_LENGTH, DRBG_MAX_REQUEST, type DrbgLimits } from './mechanism.js';

export function digestStrength(info: DigestInfo): number {
  return Math.min(256, 64 * (info.size >> 3));
}

export function digestDrbgLimits(info: DigestInfo, seedlen: number): DrbgLimits {
  const strength = digestStrength(info);
  const minEntropyLen = strength / 8;
  return {
    strength, seedlen,
    minEntropyLen, maxEntropyLen: DRBG_MAX_LENGTH,
    minNonceLen: minEntropyLen / 2, maxNonceLen: DRBG_MAX_LENGTH,
    maxPersLen: DRBG_MAX_LENGTH, maxAdinLen: DRBG_MAX_LENGTH, maxRequest: DRBG_MAX_REQUEST,
  };
}
