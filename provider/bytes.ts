/**
 * Byte helpers shared by every layer: hex conversion, concatenation, constant-time compare,
 * zeroization and the fixed-width integer encodings the DRBGs use.
 */

const HEX_DIGITS = '0123456789abcdef';
/** The two hex digits of every byte value. */
const HEX_PAIRS: readonly string[] = Array.from({ length: 256 }, (_, b) => HEX_DIGITS[b >> 4] + HEX_DIGITS[b & 15]);
/** Char codes of the hex digits, for the long path. */
const HEX_CODES = Uint8Array.from(HEX_DIGITS, (c) => c.charCodeAt(0));
/** Below this many bytes, concatenation is cheaper than a decoder call. */
const HEX_SHORT = 32;
const latin1 = new TextDecoder('latin1');

/** Lower-case hex of `bytes`. Long inputs are decoded in one call from their digits' char codes:
 * one flat string, where appending digit pairs builds a rope that every later compare flattens. */
export function toHex(bytes: Uint8Array): string {
  if (bytes.length < HEX_SHORT) {
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += HEX_PAIRS[bytes[i]];
    return out;
  }
  const codes = new Uint8Array(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    codes[2 * i] = HEX_CODES[b >> 4];
    codes[2 * i + 1] = HEX_CODES[b & 15];
  }
  return latin1.decode(codes);
}

/** The value of a hex digit's char code, or -1. */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** Parses hex (either case, even length, no separators). Throws TypeError on anything else. */
export function fromHex(hex: string): Uint8Array {
  const bad = (): TypeError => new TypeError(`not an even-length hex string: ${String(hex).slice(0, 40)}`);
  if (typeof hex !== 'string' || hex.length % 2 !== 0) throw bad();
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = hexValue(hex.charCodeAt(2 * i));
    const lo = hexValue(hex.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) throw bad();
    out[i] = (hi << 4) | lo;
  }
  return out;
}

/** The bytes of optional hex: null when absent (undefined or null), as C's NULL buffer. */
export function hexOrNull(hex: string | null | undefined): Uint8Array | null {
  return hex === undefined || hex === null ? null : fromHex(hex);
}

/** Concatenation of `parts` into a new array. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(totalLength(parts));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** The total length of a message given in parts. */
export function totalLength(parts: readonly Uint8Array[]): number {
  let n = 0;
  for (const p of parts) n += p.length;
  return n;
}

/** Equality of two byte arrays. Not constant-time: only used on test data and public values. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether a[0..n) equals b[0..n). Not constant-time: the DRBG caches compare with it (CTR's
 * counter and first-block caches), whose timing the table AES they feed exposes anyway. */
export function prefixEqual(a: Uint8Array, b: Uint8Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** dst = v + n mod 2^128 on a 16-byte big-endian counter (0 <= n < 2^32; dst may be v): CTR
 * mode's counter after n blocks (SP 800-90A 10.2.1.5.1 step 4.1; drbg_ctr.c drbg_ctr_generate
 * adds the blocks to V's low 32 bits and carries with ctr96_inc, and EVP's AES-CTR increments
 * all 128 bits). */
export function add128(v: Uint8Array, n: number, dst: Uint8Array = v): void {
  let carry = n;
  for (let i = 15; i >= 0; i--) {
    const sum = v[i] + (carry & 0xff);
    dst[i] = sum & 0xff;
    carry = Math.floor(carry / 256) + (sum >> 8);
  }
}

/** Overwrites `buf` with zeros (OPENSSL_cleanse). */
export function zeroize(buf: Uint8Array | null | undefined): void {
  if (buf) buf.fill(0);
}

/** True when every byte of every buffer is zero (PROV_DRBG_VERYIFY_ZEROIZATION). */
export function isAllZero(...bufs: readonly Uint8Array[]): boolean {
  for (const b of bufs) for (let i = 0; i < b.length; i++) if (b[i] !== 0) return false;
  return true;
}

/** Writes `value` (an unsigned 32-bit integer) big-endian at `out[off..off+4)`. */
export function writeU32BE(out: Uint8Array, off: number, value: number): void {
  out[off] = (value >>> 24) & 0xff;
  out[off + 1] = (value >>> 16) & 0xff;
  out[off + 2] = (value >>> 8) & 0xff;
  out[off + 3] = value & 0xff;
}

/** Writes `value` (an unsigned 32-bit integer) little-endian at `out[off..off+4)`. */
export function writeU32LE(out: Uint8Array, off: number, value: number): void {
  out[off] = value & 0xff;
  out[off + 1] = (value >>> 8) & 0xff;
  out[off + 2] = (value >>> 16) & 0xff;
  out[off + 3] = (value >>> 24) & 0xff;
}

/** Writes `value` (taken modulo 2^64; a number must be a non-negative safe integer)
 * little-endian at `out[off..off+8)`. */
export function writeU64LE(out: Uint8Array, off: number, value: bigint | number): void {
  if (typeof value === 'number') {
    writeU32LE(out, off, value >>> 0);
    writeU32LE(out, off + 4, Math.floor(value / 0x100000000) >>> 0);
    return;
  }
  const v = BigInt.asUintN(64, value);
  writeU32LE(out, off, Number(v & 0xffffffffn));
  writeU32LE(out, off + 4, Number(v >> 32n));
}

/** Reads a little-endian unsigned 64-bit integer. */
export function readU64LE(buf: Uint8Array, off: number): bigint {
  let v = 0n;
  for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(buf[off + i]);
  return v;
}

/** UTF-8 bytes of `s`. */
export function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}
