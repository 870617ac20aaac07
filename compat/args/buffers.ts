/**
 * C buffers arrive as (Uint8Array | null, length). C would read or write past a buffer shorter
 * than its length; randshim refuses that instead, and only where C would touch the memory: the
 * limits OpenSSL checks come first (the state machines take the stated length and check the
 * buffer after their own checks), so the answer is OpenSSL's wherever OpenSSL has one.
 */

/** The first `len` bytes of `buf` (`buf` itself when it is shorter: the state machine then
 * refuses after its limit checks), or null for NULL. */
export function cView(buf: Uint8Array | null, len: number): Uint8Array | null {
  if (buf === null || buf.length <= len) return buf;
  return buf.subarray(0, len);
}

/** Whether `buf` holds the `len` bytes C would touch (NULL holds none; 0 bytes always fit). */
export function holds(buf: Uint8Array | null, len: number): boolean {
  return len === 0 || (buf !== null && buf.length >= len);
}
