/**
 * Byte arguments for the 1.1.1 bindings. The interop cases carry bytes as lower-case hex, with
 * "absent" meaning NULL and "" meaning a non-NULL empty buffer (interop/suites/differential/driver.ts). koffi passes
 * an empty Buffer as NULL, so every buffer here is allocated one byte longer than its content:
 * its pointer is never NULL and the length travels separately.
 */

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/** A C input buffer: `ptr` is null for NULL, `len` is the content length. */
export interface CBytes {
  readonly ptr: Buffer | null;
  readonly len: number;
}

export const NULL_BYTES: CBytes = { ptr: null, len: 0 };

/** Hex (or undefined for NULL) to a C input buffer. Throws on malformed hex. */
export function cBytes(hex: string | undefined): CBytes {
  if (hex === undefined) return NULL_BYTES;
  if (!HEX.test(hex)) throw new TypeError(`not an even-length hex string: ${hex.slice(0, 40)}`);
  const len = hex.length / 2;
  const ptr = Buffer.alloc(len + 1);
  ptr.write(hex, 'hex');
  return { ptr, len };
}

/** A zeroed output buffer of `len` bytes plus one guard byte (non-NULL even for len 0). */
export function outBuffer(len: number): Buffer {
  return Buffer.alloc(len + 1, 0);
}

/** Hex of the first `len` bytes of an {@link outBuffer}, after checking the guard byte was not
 * written (a write past `len` means the C side overran the buffer: the run is not trustworthy). */
export function outHex(buf: Buffer, len: number): string {
  if (buf[len] !== 0) throw new Error(`C code wrote past the ${len}-byte output buffer`);
  return buf.toString('hex', 0, len);
}
