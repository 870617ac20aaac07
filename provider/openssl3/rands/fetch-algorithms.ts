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
import {
  lookupBlockCipher, lookupDigest, lookupMac, type CtrCipherInfo, type DigestInfo,
} from '../../sp800-90a/primitives/algorithms.js';

/** What a fetch found: randshim's algorithm, one OpenSSL has but randshim does not implement
 * ('unimplemented'), or nothing (null, after raising EVP ERR_R_UNSUPPORTED). */
export type Fetched<T> = T | 'unimplemented' | null;

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
  const found = lookupBlockCipher(name, 'CTR');
  if (found === undefined || found === true || !queryAllows(propq, definition)) return unsupported();
  return found;
}

/** EVP_CIPHER_fetch for the "...-ECB" sibling; true when it exists. */
export function fetchEcbCipher(name: string, propq: string | null, definition: PropertyDefinition): Fetched<true> {
  const found = lookupBlockCipher(name, 'ECB');
  if (found === undefined || typeof found === 'object' || !queryAllows(propq, definition)) return unsupported();
  return found;
}

/** An extendable-output digest as EVP_MD_fetch finds it (EVP_MD_get0_name's name). */
export interface XofDigest {
  readonly xof: string;
}

/** EVP_MD_fetch(libctx, name, propq); XOFs are found (the DRBGs refuse them afterwards). */
export function fetchDigest(name: string, propq: string | null, definition: PropertyDefinition): Fetched<DigestInfo | XofDigest> {
  const found = lookupDigest(name);
  if (found === undefined || !queryAllows(propq, definition)) return unsupported();
  if (found.kind === 'xof') return { xof: found.name };
  return found.info ?? 'unimplemented';
}

/** EVP_MAC_fetch(libctx, name, propq): true for HMAC. */
export function fetchMac(name: string, propq: string | null, definition: PropertyDefinition): Fetched<true> {
  const found = lookupMac(name);
  if (found === undefined || !queryAllows(propq, definition)) return unsupported();
  return found;
}
