/**
 * The FIPS provider's digests as a FIPS HASH-DRBG or HMAC-DRBG sees them (OpenSSL 3.4+
 * providers/implementations/rands/drbg.c ossl_drbg_verify_digest, providers/fips/fipsprov.c
 * fips_digests):
 * - approved (FIPS 140-3 IG D.R): SHA-1, SHA2-256, SHA2-512, SHA3-256 and SHA3-512;
 * - unapproved: the truncated ones (SHA2-224/384, SHA2-512/224, SHA2-512/256, SHA3-224/384) and
 *   the XOFs, refused under `drbg-no-trunc-md = 1` and otherwise tolerated with the
 *   fips-indicator cleared (an XOF then fails the digest size check without a reason);
 * - absent: what the FIPS provider has no implementation of (MD5, MD5-SHA1, SM3, BLAKE2,
 *   RIPEMD-160, KECCAK-n): EVP_MD_fetch fails with EVP ERR_R_UNSUPPORTED.
 */
import { lookupDigest } from '../../sp800-90a/primitives/algorithms.js';

export const APPROVED_DRBG_DIGESTS: readonly string[] = ['SHA1', 'SHA2-256', 'SHA2-512', 'SHA3-256', 'SHA3-512'];

/** The default provider's digests that fips_digests does not list. */
const NOT_IN_FIPS_PROVIDER: readonly string[] = ['MD5', 'MD5-SHA1', 'SM3', 'BLAKE2S-256', 'BLAKE2B-512', 'RIPEMD-160'];

export type FipsDrbgDigest = 'approved' | 'unapproved' | 'xof' | 'absent';

/** What the FIPS provider makes of `name` (any alias), without raising. */
export function classifyFipsDrbgDigest(name: string): FipsDrbgDigest {
  const found = lookupDigest(name);
  if (found === undefined || NOT_IN_FIPS_PROVIDER.includes(found.name)) return 'absent';
  if (found.kind === 'xof') return 'xof';
  return APPROVED_DRBG_DIGESTS.includes(found.name) ? 'approved' : 'unapproved';
}
