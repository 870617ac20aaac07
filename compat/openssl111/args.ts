/**
 * C buffers arrive as (Uint8Array | null, length). C would read or write past a buffer shorter
 * than its length; randshim refuses instead, with ERR_R_PASSED_INVALID_ARGUMENT.
 */
import { raise } from '../../provider/err/queue.js';

/** The first `len` bytes of `buf`, null for NULL, or undefined (after raising) when `len` is
 * negative or longer than the buffer. `func` is a RAND_F_* suffix of 1.1.1's randerr.h, or
 * undefined (function code 0) for functions that have none there (RAND_add, RAND_seed). */
export function cBuffer(buf: Uint8Array | null, len: number, func: string | undefined): Uint8Array | null | undefined {
  if (buf === null) return null;
  if (!Number.isInteger(len) || len < 0 || len > buf.length) {
    raise('RAND', 'PASSED_INVALID_ARGUMENT', func);
    return undefined;
  }
  return len === buf.length ? buf : buf.subarray(0, len);
}
