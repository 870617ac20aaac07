/**
 * The FIPS provider's approved digests for HASH-DRBG and HMAC-DRBG (FIPS 140-3 IG D.R; OpenSSL
 * 3.4+ providers/implementations/rands/drbg.c digest_allowed): SHA-1, SHA2-256, SHA2-512,
 * SHA3-256 and SHA3-512. The truncated ones (SHA2-224/384, SHA2-512/224, SHA2-512/256,
 * SHA3-224/384) are refused under `drbg-no-trunc-md = 1` and otherwise tolerated with the
 * fips-indicator cleared.
 */
import { fetchDigest } from '../rands/fetch-algorithms.js';
import { FIPS_PROVIDER_DEFINITION } from '../core/provider-store.js';

export const APPROVED_DRBG_DIGESTS: readonly string[] = ['SHA1', 'SHA2-256', 'SHA2-512', 'SHA3-256', 'SHA3-512'];

/** digest_allowed: whether `name` (any alias the FIPS provider fetches) is on the list; null
 * when the FIPS provider has no such digest (the fetch itself fails). */
export function isApprovedDrbgDigest(name: string): boolean | null {
  const fetched = fetchDigest(name, null, FIPS_PROVIDER_DEFINITION);
  if (fetched === null || fetched === 'unimplemented' || 'xof' in fetched) return null;
  return APPROVED_DRBG_DIGESTS.includes(fetched.id);
}
