/**
 * The direct digest fetch the Hash DRBG (3.5 on) and the HMAC DRBG (3.5, 4.0) try before the
 * full ossl_prov_digest_load path: providers/implementations/rands/drbg_hash.c
 * drbg_fetch_digest_from_prov and drbg_hmac.c drbg_fetch_algs_from_prov. A UTF-8 "digest" is
 * fetched with "properties" when that is a UTF-8 string and with no query otherwise, so a
 * mistyped "properties" (or any "engine") is never looked at when the fetch succeeds. On
 * failure the fetch's errors are dropped (ERR_set_mark / ERR_pop_to_mark) and the caller falls
 * back to the full search, which raises its own.
 *
 * OpenSSL's default provider queries "provider=default" when no properties are given; randshim
 * fetches against the DRBG's own provider definition, where no query is the same thing.
 */
import { popToMark, setMark } from '../../err/queue.js';
import { OSSL_PARAM_UTF8_STRING, type OSSL_PARAM } from '../core/param-memory.js';
import { OSSL_PARAM_locate_const, paramCString } from '../core/ossl-param.js';
import type { DigestInfo } from '../../sp800-90a/primitives/algorithms.js';
import { fetchDigest, type XofDigest } from './fetch-algorithms.js';
import { utf8Param } from './utf8-param.js';
import type { VariantEnv } from './drbg-variant.js';

/** 'absent': no "digest" parameter; null: the direct fetch failed (fall back); else the digest
 * (an XOF too: the caller takes it and ossl_drbg_verify_digest refuses it). */
export type DirectDigest = DigestInfo | XofDigest | 'absent' | null;

/** The UTF-8 "properties" value, or null when absent or of another type. */
export function utf8Properties(params: OSSL_PARAM[]): string | null {
  const p = OSSL_PARAM_locate_const(params, 'properties');
  return p !== null && p.data_type === OSSL_PARAM_UTF8_STRING ? paramCString(p) : null;
}

export function fetchDigestDirect(params: OSSL_PARAM[], env: VariantEnv): DirectDigest {
  const p = OSSL_PARAM_locate_const(params, 'digest');
  if (p === null) return 'absent';
  if (p.data_type !== OSSL_PARAM_UTF8_STRING || p.data === null) return null;
  const mark = setMark();
  const name = utf8Param(p);
  const fetched = name === null ? null : fetchDigest(name.text, utf8Properties(params), env.definition);
  popToMark(mark);
  // A digest randshim does not implement goes the full way, which refuses it with its reason.
  return typeof fetched === 'object' ? fetched : null;
}
