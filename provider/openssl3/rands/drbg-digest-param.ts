/**
 * ossl_prov_digest_load_from_params (providers/common/provider_util.c) as the Hash and HMAC
 * DRBGs call it: "properties" and "engine" must be UTF8 strings, then "digest" (a UTF8
 * string) is fetched with those properties. A failed fetch leaves the DRBG with no digest
 * (the previous one is released) and OpenSSL's fetch error on the queue.
 */
import { raise } from '../../err/queue.js';
import { OSSL_PARAM_UTF8_STRING, type OSSL_PARAM } from '../core/param-memory.js';
import { OSSL_PARAM_locate_const, paramCString } from '../core/ossl-param.js';
import type { DigestInfo } from '../../sp800-90a/primitives/algorithms.js';
import { fetchDigest } from './fetch-algorithms.js';
import { utf8Param } from './utf8-param.js';
import type { VariantEnv } from './drbg-variant.js';

/** The outcome: `ok` is the function's return value, `md` the digest held afterwards
 * (undefined: unchanged; null: none, or one randshim cannot run), `mdName` the name the
 * "digest" getter then reports (EVP_MD_get0_name, null when it fails), `propq` the
 * "properties" value read. */
export interface DigestLoad {
  readonly ok: boolean;
  readonly md?: DigestInfo | null;
  readonly mdName?: string | null;
  readonly propq: string | null;
}

export function loadDigestFromParams(params: OSSL_PARAM[], env: VariantEnv): DigestLoad {
  let propq: string | null = null;
  let p = OSSL_PARAM_locate_const(params, 'properties');
  if (p !== null) {
    if (p.data_type !== OSSL_PARAM_UTF8_STRING) return { ok: false, propq };
    propq = paramCString(p);
  }
  p = OSSL_PARAM_locate_const(params, 'engine');
  if (p !== null) {
    // ENGINE_by_id: randshim has no engines, so any engine name fails (OpenSSL would raise
    // ENGINE_R_NO_SUCH_ENGINE for an unknown one; randshim raises nothing).
    return { ok: false, propq };
  }
  p = OSSL_PARAM_locate_const(params, 'digest');
  if (p === null) return { ok: true, propq };
  if (p.data_type !== OSSL_PARAM_UTF8_STRING) return { ok: false, propq };
  // NULL data: EVP_MD_fetch(libctx, NULL, propq) finds nothing and raises nothing, and the
  // digest held before is released (what libcrypto.so.3 does, test/provider/null-params.spec.ts).
  if (p.data === null) return { ok: false, md: null, mdName: null, propq };
  const name = utf8Param(p);
  if (name === null) return { ok: false, md: null, mdName: null, propq };
  const fetched = fetchDigest(name.text, propq, env.definition);
  if (fetched === null) return { ok: false, md: null, mdName: null, propq };
  if (fetched === 'unimplemented') {
    // A digest OpenSSL has but randshim does not implement (MD5, SM3, BLAKE2, RIPEMD-160...).
    raise('PROV', 'DIGEST_NOT_ALLOWED');
    return { ok: false, md: null, mdName: null, propq };
  }
  if ('xof' in fetched) {
    // OpenSSL keeps the XOF as the digest (the getter reports it) and refuses it just after;
    // randshim keeps its name only: nothing runs with it.
    raise('PROV', 'XOF_DIGESTS_NOT_ALLOWED');
    return { ok: false, md: null, mdName: fetched.xof, propq };
  }
  return { ok: true, md: fetched, mdName: fetched.id, propq };
}
