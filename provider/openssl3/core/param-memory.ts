/**
 * The C memory behind an OSSL_PARAM's `data` pointer, as randshim models it: a one-field box
 * `{ value }` whose value stands for the bytes at `data` (little-endian, as on the LP64
 * targets OpenSSL is compared against). crypto/params.c reads and writes those bytes through
 * casts (`*(int32_t *)p->data`) and memcpy; the helpers here do the same on the box:
 *
 * - integer types: a `number` or `bigint` holding the integer stored in `data_size` bytes
 *   (two's complement; a value outside the width is reduced to it, as the bytes would be),
 *   or a `Uint8Array` of the raw bytes (any size, e.g. the odd sizes params.c's general
 *   path handles);
 * - OSSL_PARAM_REAL: a `number` (8 bytes) or the raw bytes;
 * - UTF8 / octet strings: a `Uint8Array` buffer of at least `data_size` bytes;
 * - UTF8 / octet pointers: the pointed-to `string` / `Uint8Array`, or null.
 *
 * A write keeps the box's kind: a Uint8Array receives the bytes, a bigint box a bigint, a
 * number box a number (exact up to 2^53, as any JavaScript number).
 */
export const OSSL_PARAM_INTEGER = 1;
export const OSSL_PARAM_UNSIGNED_INTEGER = 2;
export const OSSL_PARAM_REAL = 3;
export const OSSL_PARAM_UTF8_STRING = 4;
export const OSSL_PARAM_OCTET_STRING = 5;
export const OSSL_PARAM_UTF8_PTR = 6;
export const OSSL_PARAM_OCTET_PTR = 7;

/** What a box may hold (see the module comment). */
export type ParamDataValue = number | bigint | Uint8Array | string | null;

/** C's `void *data`: a box standing for the pointed-to memory. */
export interface OSSL_PARAM_DATA {
  value: ParamDataValue;
}

/**
 * One OSSL_PARAM (include/openssl/core.h). An array of them ends with an entry whose key is
 * null ({@link OSSL_PARAM_construct_end}); a JavaScript array also ends where it ends.
 */
export interface OSSL_PARAM {
  key: string | null;
  data_type: number;
  data: OSSL_PARAM_DATA | null;
  data_size: number;
  return_size: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

export function utf8Text(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** strlen: bytes before the first NUL (or all of them). */
export function cStrlen(bytes: Uint8Array): number {
  const i = bytes.indexOf(0);
  return i < 0 ? bytes.length : i;
}

function isSigned(p: OSSL_PARAM): boolean {
  return p.data_type === OSSL_PARAM_INTEGER;
}

function toBigInt(v: number | bigint): bigint {
  if (typeof v === 'bigint') return v;
  if (!Number.isFinite(v)) throw new TypeError(`${v} is not an integer C memory can hold`);
  return BigInt(Math.trunc(v));
}

/** The little-endian two's-complement bytes of `v` in `n` bytes. */
export function intToBytes(v: bigint, n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = BigInt.asUintN(8 * n, v);
  for (let i = 0; i < n; i++) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

/** The integer `bytes` hold, read little-endian as signed or unsigned. */
export function bytesToInt(bytes: Uint8Array, signed: boolean): bigint {
  let x = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) x = (x << 8n) | BigInt(bytes[i]);
  return signed ? BigInt.asIntN(8 * bytes.length, x) : x;
}

export function f64ToBytes(d: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setFloat64(0, d, true);
  return out;
}

export function bytesToF64(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, 8).getFloat64(0, true);
}

function requireRoom(buf: Uint8Array, n: number): void {
  if (buf.length < n) {
    throw new RangeError(`OSSL_PARAM data is ${buf.length} bytes but ${n} are accessed (C would overrun the buffer)`);
  }
}

/** memcpy(out, p->data, n): the first `n` bytes of the memory behind `p.data` (non-null). */
export function loadBytes(p: OSSL_PARAM, n: number): Uint8Array {
  const v = (p.data as OSSL_PARAM_DATA).value;
  if (v instanceof Uint8Array) {
    requireRoom(v, n);
    return v.slice(0, n);
  }
  if (typeof v === 'number' && p.data_type === OSSL_PARAM_REAL) return f64ToBytes(v).slice(0, n);
  if (typeof v === 'number' || typeof v === 'bigint') return intToBytes(toBigInt(v), n);
  if (v === null) return new Uint8Array(n);
  throw new TypeError(`OSSL_PARAM "${p.key}" holds a string where memory was expected`);
}

/** memcpy(p->data, bytes, bytes.length), then the box re-read as `p.data_size` bytes. */
export function storeBytes(p: OSSL_PARAM, bytes: Uint8Array): void {
  const box = p.data as OSSL_PARAM_DATA;
  const v = box.value;
  if (v instanceof Uint8Array) {
    requireRoom(v, bytes.length);
    v.set(bytes);
    return;
  }
  const size = p.data_size;
  const full = size > bytes.length ? loadBytes(p, size) : new Uint8Array(bytes.length);
  full.set(bytes);
  if (p.data_type === OSSL_PARAM_REAL && full.length === 8) {
    box.value = bytesToF64(full);
  } else if (typeof v === 'bigint') {
    box.value = bytesToInt(full, isSigned(p));
  } else {
    box.value = Number(bytesToInt(full, isSigned(p)));
  }
}

/** Reads a C integer of `n` bytes at p->data. */
export function loadInt(p: OSSL_PARAM, n: number, signed: boolean): bigint {
  return bytesToInt(loadBytes(p, n), signed);
}

/** Writes a C integer of `n` bytes at p->data. */
export function storeInt(p: OSSL_PARAM, v: bigint, n: number): void {
  storeBytes(p, intToBytes(v, n));
}

export function loadDouble(p: OSSL_PARAM): number {
  return bytesToF64(loadBytes(p, 8));
}

export function storeDouble(p: OSSL_PARAM, d: number): void {
  storeBytes(p, f64ToBytes(d));
}

/** An out-box for a C integer (`int *val` and friends): keeps the box's kind. */
export interface IntBox {
  value: number | bigint;
}

export function writeIntBox(box: IntBox, v: bigint): void {
  box.value = typeof box.value === 'bigint' ? v : Number(v);
}

/** The C value of an integer argument: `v` converted to a `bits`-bit (un)signed integer, as C's
 * implicit conversion does. Non-integral numbers are truncated. */
export function cInt(v: number | bigint, bits: number, signed: boolean): bigint {
  const b = toBigInt(v);
  return signed ? BigInt.asIntN(bits, b) : BigInt.asUintN(bits, b);
}
