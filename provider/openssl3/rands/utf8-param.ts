/** How the DRBGs read a UTF8_STRING parameter: `(const char *)p->data` and its data_size. */
import { raise } from '../../err/queue.js';
import { loadBytes, type OSSL_PARAM } from '../core/param-memory.js';

/** The C string at p->data and the first data_size bytes there. Where OpenSSL dereferences
 * the data pointer without checking it (drbg_ctr_set_ctx_params' "cipher": a crash on NULL),
 * randshim refuses a NULL one instead: null, after CRYPTO ERR_R_PASSED_NULL_PARAMETER, and the
 * caller's set_ctx_params returns 0. A box holding something C memory cannot (a string, a
 * non-finite number) is refused the same way with ERR_R_PASSED_INVALID_ARGUMENT. */
export function utf8Param(p: OSSL_PARAM): { text: string; bytes: Uint8Array } | null {
  if (p.data === null) {
    raise('CRYPTO', 'PASSED_NULL_PARAMETER');
    return null;
  }
  const v = p.data.value;
  const memory = v instanceof Uint8Array || typeof v === 'bigint' || v === null || (typeof v === 'number' && Number.isFinite(v));
  if (!memory) {
    raise('CRYPTO', 'PASSED_INVALID_ARGUMENT');
    return null;
  }
  const all = v instanceof Uint8Array ? v : loadBytes(p, p.data_size);
  const end = all.indexOf(0);
  const text = new TextDecoder().decode(end < 0 ? all : all.subarray(0, end));
  return { text, bytes: all.subarray(0, Math.min(all.length, p.data_size)) };
}
