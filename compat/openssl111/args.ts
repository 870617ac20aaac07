/**
 * C buffers arrive as (Uint8Array | null, length). C would read or write past a buffer shorter
 * than its length; randshim refuses instead, with ERR_R_PASSED_INVALID_ARGUMENT.
 */
import { raise } from '../../provider/errors.js';

/** The first `len` bytes of `buf`, null for NULL, or undefined (after raising) when `len` is
 * negative or longer than the buffer. */
export function cBuffer(buf: Uint8Array | null, len: number, func: string): Uint8Array | null | undefined {
  if (buf === null) return null;
  if (!Number.isInteger(len) || len < 0 || len > buf.length) {
    raise('RAND', 'PASSED_INVALID_ARGUMENT', func);
    return undefined;
  }
  return len === buf.length ? buf : buf.subarray(0, len);
}
