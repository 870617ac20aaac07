/** How the DRBGs read a UTF8_STRING parameter: `(const char *)p->data` and its data_size. */
import { loadBytes, type OSSL_PARAM } from '../core/param-memory.js';

/** The C string at p->data and the first data_size bytes there. OpenSSL dereferences the data
 * pointer without checking it, so a NULL one is refused here. */
export function utf8Param(p: OSSL_PARAM): { text: string; bytes: Uint8Array } {
  if (p.data === null) throw new TypeError(`parameter "${p.key}" has NULL data (OpenSSL would dereference it)`);
  const v = p.data.value;
  const all = v instanceof Uint8Array ? v : loadBytes(p, p.data_size);
  const end = all.indexOf(0);
  const text = new TextDecoder().decode(end < 0 ? all : all.subarray(0, end));
  return { text, bytes: all.subarray(0, Math.min(all.length, p.data_size)) };
}
