/**
 * EVP_CIPHER_fetch / EVP_MD_fetch as a DRBG's set_ctx_params performs them (drbg_ctr.c,
 * providers/common/provider_util.c): by name (case-insensitive, with OpenSSL's aliases) and by
 * the "properties" parameter, against the property definition of the provider the DRBG lives
 * in ("provider=default", or "provider=fips,fips=yes" in randshim's FIPS-behaviour provider).
 * A name OpenSSL does not know, or a query the definition does not satisfy, fails the fetch
 * with ERR_LIB_EVP ERR_R_UNSUPPORTED (inner_evp_generic_fetch). A query that does not parse is
 * ignored, as the method store does (see ../core/properties.ts).
 */
import { parsePropertyQuery, propertyMatchCount, type PropertyDefinition } from '../core/properties.js';
import { raise } from '../../err/queue.js';
import { findCtrCipher, findDigest, type CtrCipherInfo, type DigestInfo } from '../../sp800-90a/primitives/algorithms.js';

/** What a fetch found: randshim's algorithm, one OpenSSL has but randshim does not implement
 * ('unimplemented'), or nothing (null, after raising EVP ERR_R_UNSUPPORTED). */
export type Fetched<T> = T | 'unimplemented' | null;

/** Block ciphers with CTR and ECB modes in OpenSSL 3.0's default provider besides AES. */
const OPENSSL_ONLY_BLOCK_CIPHERS = [
  'ARIA-128', 'ARIA-192', 'ARIA-256', 'CAMELLIA-128', 'CAMELLIA-192', 'CAMELLIA-256', 'SM4',
];

/** Non-XOF digests OpenSSL 3.0's default provider has but randshim does not implement. */
const OPENSSL_ONLY_DIGESTS = [
  'MD5', 'SSL3-MD5', 'MD5-SHA1', 'SM3', 'BLAKE2S-256', 'BLAKE2S256', 'BLAKE2B-512', 'BLAKE2B512',
  'RIPEMD-160', 'RIPEMD160', 'RIPEMD', 'RMD160', 'KECCAK-224', 'KECCAK-256', 'KECCAK-384', 'KECCAK-512',
];

/** Extendable-output digests OpenSSL 3.0 knows (fetchable, refused by the DRBGs afterwards). */
export const XOF_DIGESTS = [
  'SHAKE-128', 'SHAKE128', 'SHAKE-256', 'SHAKE256', 'KECCAK-KMAC-128', 'KECCAK-KMAC128',
  'KECCAK-KMAC-256', 'KECCAK-KMAC256',
];

function queryAllows(propq: string | null, definition: PropertyDefinition): boolean {
  if (propq === null) return true;
  const clauses = parsePropertyQuery(propq);
  return clauses === null || propertyMatchCount(clauses, definition) >= 0;
}

function unsupported(): null {
  raise('EVP', 'UNSUPPORTED');
  return null;
}

/** EVP_CIPHER_fetch(libctx, name, propq) for a "...-CTR" name. */
export function fetchCtrCipher(name: string, propq: string | null, definition: PropertyDefinition): Fetched<CtrCipherInfo> {
  const upper = name.toUpperCase();
  const info = findCtrCipher(upper);
  const known = info !== undefined || OPENSSL_ONLY_BLOCK_CIPHERS.some((c) => `${c}-CTR` === upper);
  if (!known || !queryAllows(propq, definition)) return unsupported();
  return info ?? 'unimplemented';
}

/** EVP_CIPHER_fetch for the "...-ECB" sibling; true when it exists. */
export function fetchEcbCipher(name: string, propq: string | null, definition: PropertyDefinition): Fetched<true> {
  const upper = name.toUpperCase();
  const aes = ['AES-128-ECB', 'AES-192-ECB', 'AES-256-ECB'].includes(upper);
  const known = aes || OPENSSL_ONLY_BLOCK_CIPHERS.some((c) => `${c}-ECB` === upper);
  if (!known || !queryAllows(propq, definition)) return unsupported();
  return aes ? true : 'unimplemented';
}

/** An extendable-output digest as EVP_MD_fetch finds it (EVP_MD_get0_name's name). */
export interface XofDigest {
  readonly xof: string;
}

/** EVP_MD_fetch(libctx, name, propq); XOFs are found (the DRBGs refuse them afterwards). */
export function fetchDigest(name: string, propq: string | null, definition: PropertyDefinition): Fetched<DigestInfo | XofDigest> {
  const upper = name.toUpperCase();
  const info = findDigest(upper);
  const xof = XOF_DIGESTS.includes(upper);
  const known = info !== undefined || xof || OPENSSL_ONLY_DIGESTS.includes(upper);
  if (!known || !queryAllows(propq, definition)) return unsupported();
  if (xof) return { xof: upper.replace(/^(SHAKE|KECCAK-KMAC)-?/, '$1-') };
  return info ?? 'unimplemented';
}

/** MACs OpenSSL 3.0's default provider has besides HMAC. */
const OPENSSL_ONLY_MACS = ['BLAKE2BMAC', 'BLAKE2SMAC', 'CMAC', 'GMAC', 'KMAC-128', 'KMAC128', 'KMAC-256', 'KMAC256', 'POLY1305', 'SIPHASH'];

/** EVP_MAC_fetch(libctx, name, propq): true for HMAC. */
export function fetchMac(name: string, propq: string | null, definition: PropertyDefinition): Fetched<true> {
  const upper = name.toUpperCase();
  const known = upper === 'HMAC' || OPENSSL_ONLY_MACS.includes(upper);
  if (!known || !queryAllows(propq, definition)) return unsupported();
  return upper === 'HMAC' ? true : 'unimplemented';
}
