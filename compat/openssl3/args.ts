/**
 * C buffers arrive as (Uint8Array | null, length). C would read or write past a buffer shorter
 * than its length; randshim refuses instead, with ERR_R_PASSED_INVALID_ARGUMENT (library EVP).
 */
import { raise } from '../../provider/err/queue.js';

/** A C buffer: the first `len` bytes, null for NULL, undefined (after raising) if `len` is not
 * a length of `buf`. */
export function cBuffer(buf: Uint8Array | null, len: number): Uint8Array | null | undefined {
  if (buf === null) return null;
  if (!Number.isInteger(len) || len < 0 || len > buf.length) {
    raise('EVP', 'PASSED_INVALID_ARGUMENT');
    return undefined;
  }
  return len === buf.length ? buf : buf.subarray(0, len);
}
