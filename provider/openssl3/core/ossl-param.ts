/**
 * OSSL_PARAM (OSSL_PARAM(3), OSSL_PARAM_int(3)): OpenSSL 3.0's crypto/params.c in TypeScript,
 * function by function, with its conversion and range rules: integers convert between signed
 * and unsigned and between 4- and 8-byte sizes when the value fits (odd sizes go through the
 * byte-wise general path), doubles convert to and from integers when exact, and every setter
 * records `return_size` the way C does (also when it fails, and when `data` is NULL, which
 * asks only for the size). The C memory behind `data` is a box, see ./param-memory.ts.
 *
 * On the lines with 3.2's crypto/params.c (3.5 and later: provider/openssl3/lines.ts
 * paramErrorsRaised) a failed conversion also raises its reason (CRYPTO_R_PARAM_*,
 * CRYPTO_R_TOO_SMALL_BUFFER, ERR_R_PASSED_NULL_PARAMETER, ...), the fixed-size setters record
 * `return_size` only when they write, and the string and pointer setters refuse a wrong type
 * before recording the length; 3.0 fails silently.
 *
 * Sizes are those of the LP64 targets OpenSSL is compared against: int 4, long 8, size_t 8,
 * time_t 8, double 8.
 *
 * Arguments C cannot express (a buffer shorter than the length passed with it) return 0 with
 * CRYPTO ERR_R_PASSED_INVALID_ARGUMENT where C would overrun memory; NULL data where C would
 * write through it, 0 with ERR_R_PASSED_NULL_PARAMETER.
 *
 *   let strength = { value: 0 };
 *   const params = [OSSL_PARAM_construct_uint(OSSL_RAND_PARAM_STRENGTH, strength), OSSL_PARAM_construct_end()];
 *   EVP_RAND_CTX_get_params(ctx, params);   // strength.value === 256
 */
import {
  cInt, cStrlen, loadBytes, loadDouble, loadInt, OSSL_PARAM_INTEGER, OSSL_PARAM_OCTET_PTR, OSSL_PARAM_OCTET_STRING,
  OSSL_PARAM_REAL, OSSL_PARAM_UNSIGNED_INTEGER, OSSL_PARAM_UTF8_PTR, OSSL_PARAM_UTF8_STRING, storeBytes,
  storeDouble, storeInt, utf8Bytes, utf8Text, writeIntBox, type IntBox, type OSSL_PARAM, type OSSL_PARAM_DATA,
} from './param-memory.js';
import { popToMark, raise, setMark } from '../../err/queue.js';
import { lineBehaviour } from '../lines.js';

export {
  OSSL_PARAM_INTEGER, OSSL_PARAM_UNSIGNED_INTEGER, OSSL_PARAM_REAL, OSSL_PARAM_UTF8_STRING, OSSL_PARAM_OCTET_STRING,
  OSSL_PARAM_UTF8_PTR, OSSL_PARAM_OCTET_PTR, type OSSL_PARAM, type OSSL_PARAM_DATA, type IntBox,
} from './param-memory.js';

/** (size_t)-1: `return_size` of a parameter no setter has touched. JavaScript holds it as 2^64. */
export const OSSL_PARAM_UNMODIFIED = 18446744073709551615;

const INT32_MIN = -(2n ** 31n);
const INT32_MAX = 2n ** 31n - 1n;
const UINT32_MAX = 2n ** 32n - 1n;
const INT64_MAX = 2n ** 63n - 1n;
/** real_shift(): bits in a double's mantissa. */
const REAL_SHIFT = 53n;
/** (double)(INT64_MAX - 65535) + 65536.0 and the UINT64 counterpart: 2^63 and 2^64. */
const INT64_LIMIT_D = 2 ** 63;
const UINT64_LIMIT_D = 2 ** 64;

/** A buffer shorter than the length given with it: 0, after ERR_R_PASSED_INVALID_ARGUMENT. */
function invalidArgument(): 0 {
  raise('CRYPTO', 'PASSED_INVALID_ARGUMENT');
  return 0;
}

// ---- locate, construct, modified ----

/** OSSL_PARAM_locate(p, key): the first entry (before the terminator) whose key equals `key`
 * (strcmp: case-sensitive), or null. */
export function OSSL_PARAM_locate(p: OSSL_PARAM[] | null, key: string | null): OSSL_PARAM | null {
  if (p === null || key === null) return null;
  for (const e of p) {
    if (e.key === null) break;
    if (e.key === key) return e;
  }
  return null;
}

/** OSSL_PARAM_locate_const: the same on a read-only array. */
export function OSSL_PARAM_locate_const(p: readonly OSSL_PARAM[] | null, key: string | null): OSSL_PARAM | null {
  return OSSL_PARAM_locate(p as OSSL_PARAM[] | null, key);
}

function construct(key: string, dataType: number, data: OSSL_PARAM_DATA | null, size: number): OSSL_PARAM {
  return { key, data_type: dataType, data, data_size: size, return_size: OSSL_PARAM_UNMODIFIED };
}

/** OSSL_PARAM_DEFN(key, type, addr, size): the static form the OSSL_PARAM_int(...) macros expand to. */
export function OSSL_PARAM_DEFN(key: string, dataType: number, data: OSSL_PARAM_DATA | null, size: number): OSSL_PARAM {
  return construct(key, dataType, data, size);
}

export function OSSL_PARAM_construct_int(key: string, buf: IntBox | null): OSSL_PARAM {
  return construct(key, OSSL_PARAM_INTEGER, buf, 4);
}
export function OSSL_PARAM_construct_uint(key: string, buf: IntBox | null): OSSL_PARAM {
  return construct(key, OSSL_PARAM_UNSIGNED_INTEGER, buf, 4);
}
export function OSSL_PARAM_construct_long(key: string, buf: IntBox | null): OSSL_PARAM {
  return construct(key, OSSL_PARAM_INTEGER, buf, 8);
}
export function OSSL_PARAM_construct_ulong(key: string, buf: IntBox | null): OSSL_PARAM {
  return construct(key, OSSL_PARAM_UNSIGNED_INTEGER, buf, 8);
}
export function OSSL_PARAM_construct_int32(key: string, buf: IntBox | null): OSSL_PARAM {
  return construct(key, OSSL_PARAM_INTEGER, buf, 4);
}
export function OSSL_PARAM_construct_uint32(key: string, buf: IntBox | null): OSSL_PARAM {
  return construct(key, OSSL_PARAM_UNSIGNED_INTEGER, buf, 4);
}
export function OSSL_PARAM_construct_int64(key: string, buf: IntBox | null): OSSL_PARAM {
  return construct(key, OSSL_PARAM_INTEGER, buf, 8);
}
export function OSSL_PARAM_construct_uint64(key: string, buf: IntBox | null): OSSL_PARAM {
  return construct(key, OSSL_PARAM_UNSIGNED_INTEGER, buf, 8);
}
export function OSSL_PARAM_construct_size_t(key: string, buf: IntBox | null): OSSL_PARAM {
  return construct(key, OSSL_PARAM_UNSIGNED_INTEGER, buf, 8);
}
export function OSSL_PARAM_construct_time_t(key: string, buf: IntBox | null): OSSL_PARAM {
  return construct(key, OSSL_PARAM_INTEGER, buf, 8);
}
export function OSSL_PARAM_construct_double(key: string, buf: { value: number } | null): OSSL_PARAM {
  return construct(key, OSSL_PARAM_REAL, buf, 8);
}

/**
 * OSSL_PARAM_construct_utf8_string(key, buf, bsize). `buf` is a char buffer (Uint8Array) or,
 * for an input parameter, a JavaScript string (stored as its UTF-8 bytes plus a NUL). As in C,
 * a non-NULL buffer with `bsize` 0 takes strlen(buf) as the size.
 */
export function OSSL_PARAM_construct_utf8_string(key: string, buf: Uint8Array | string | null, bsize: number): OSSL_PARAM {
  let data: OSSL_PARAM_DATA | null = null;
  let size = bsize;
  if (buf !== null) {
    const bytes = typeof buf === 'string' ? nulTerminated(buf) : buf;
    data = { value: bytes };
    if (size === 0) size = cStrlen(bytes);
  }
  return construct(key, OSSL_PARAM_UTF8_STRING, data, size);
}

/** OSSL_PARAM_construct_octet_string(key, buf, bsize). */
export function OSSL_PARAM_construct_octet_string(key: string, buf: Uint8Array | null, bsize: number): OSSL_PARAM {
  return construct(key, OSSL_PARAM_OCTET_STRING, buf === null ? null : { value: buf }, bsize);
}

/** OSSL_PARAM_construct_utf8_ptr(key, buf, bsize): `buf` is the `char *` box. */
export function OSSL_PARAM_construct_utf8_ptr(key: string, buf: { value: string | null } | null, bsize: number): OSSL_PARAM {
  return construct(key, OSSL_PARAM_UTF8_PTR, buf, bsize);
}

/** OSSL_PARAM_construct_octet_ptr(key, buf, bsize): `buf` is the `void *` box. */
export function OSSL_PARAM_construct_octet_ptr(key: string, buf: { value: Uint8Array | null } | null, bsize: number): OSSL_PARAM {
  return construct(key, OSSL_PARAM_OCTET_PTR, buf, bsize);
}

/** OSSL_PARAM_construct_end(): the terminator, OSSL_PARAM_END = { NULL, 0, NULL, 0, 0 }. */
export function OSSL_PARAM_construct_end(): OSSL_PARAM {
  return { key: null, data_type: 0, data: null, data_size: 0, return_size: 0 };
}

/** OSSL_PARAM_modified(p): 1 when a setter has written `return_size`. */
export function OSSL_PARAM_modified(p: OSSL_PARAM | null): number {
  return p !== null && p.return_size !== OSSL_PARAM_UNMODIFIED ? 1 : 0;
}

/** OSSL_PARAM_set_all_unmodified(p). */
export function OSSL_PARAM_set_all_unmodified(p: OSSL_PARAM[] | null): void {
  if (p === null) return;
  for (const e of p) {
    if (e.key === null) break;
    e.return_size = OSSL_PARAM_UNMODIFIED;
  }
}

function nulTerminated(s: string): Uint8Array {
  const text = utf8Bytes(s);
  const out = new Uint8Array(text.length + 1);
  out.set(text);
  return out;
}

// ---- the line's error raising (crypto/params.c from 3.2 on) ----

/** The reasons crypto/params.c raises from 3.2 on (its err_* shortcuts). */
type ParamReason =
  | 'PARAM_VALUE_TOO_LARGE_FOR_DESTINATION' | 'PARAM_UNSIGNED_INTEGER_NEGATIVE_VALUE_UNSUPPORTED'
  | 'PARAM_CANNOT_BE_REPRESENTED_EXACTLY' | 'PARAM_NOT_INTEGER_TYPE' | 'TOO_SMALL_BUFFER' | 'PARAM_OF_INCOMPATIBLE_TYPE'
  | 'PASSED_NULL_PARAMETER' | 'PARAM_UNSUPPORTED_FLOATING_POINT_FORMAT' | 'NO_SPACE_FOR_TERMINATING_NULL';

/** Whether the running call's line has 3.2's crypto/params.c (provider/openssl3/lines.ts). */
const raising = (): boolean => lineBehaviour().paramErrorsRaised;

/** A failed conversion: ERR_raise(ERR_LIB_CRYPTO, reason) on lines that raise it (3.0 fails
 * silently); null, the getters' "no value". */
function failWith(reason: ParamReason): null {
  if (raising()) raise('CRYPTO', reason);
  return null;
}

/** The same for a function returning C's 0. */
function zeroWith(reason: ParamReason): 0 {
  failWith(reason);
  return 0;
}

/** 3.2's `if (p->data == NULL) { err_null_argument; return 0; }` at the top of every getter:
 * true when the getter stops there. 3.0 has no such check (and reads through NULL). */
function nullDataRefused(p: OSSL_PARAM): boolean {
  if (!raising() || p.data !== null) return false;
  raise('CRYPTO', 'PASSED_NULL_PARAMETER');
  return true;
}

// ---- the general (any size) integer path: copy_integer and friends ----

function isNegative(src: Uint8Array): boolean {
  return src.length > 0 && (src[src.length - 1] & 0x80) !== 0;
}

/** copy_integer (little-endian branch): null when the value does not fit (3.2+: err_out_of_range). */
function copyInteger(destLen: number, src: Uint8Array, pad: number, signedInt: boolean): Uint8Array | null {
  const dest = new Uint8Array(destLen);
  if (src.length < destLen) {
    dest.set(src);
    dest.fill(pad, src.length);
    return dest;
  }
  for (let i = destLen; i < src.length; i++) if (src[i] !== pad) return failWith('PARAM_VALUE_TOO_LARGE_FOR_DESTINATION');
  if (signedInt && destLen > 0 && ((pad ^ src[destLen - 1]) & 0x80) !== 0) return failWith('PARAM_VALUE_TOO_LARGE_FOR_DESTINATION');
  if (signedInt && destLen === 0) return failWith('PARAM_VALUE_TOO_LARGE_FOR_DESTINATION');
  dest.set(src.subarray(0, destLen));
  return dest;
}

const signedFromSigned = (n: number, src: Uint8Array) => copyInteger(n, src, isNegative(src) ? 0xff : 0, true);
const signedFromUnsigned = (n: number, src: Uint8Array) => copyInteger(n, src, 0, true);
const unsignedFromSigned = (n: number, src: Uint8Array) =>
  (isNegative(src) ? failWith('PARAM_UNSIGNED_INTEGER_NEGATIVE_VALUE_UNSUPPORTED') : copyInteger(n, src, 0, false));
const unsignedFromUnsigned = (n: number, src: Uint8Array) => copyInteger(n, src, 0, false);

function bytesOf(v: bigint, n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = BigInt.asUintN(8 * n, v);
  for (let i = 0; i < n; i++) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

function intOf(bytes: Uint8Array, signed: boolean): bigint {
  let x = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) x = (x << 8n) | BigInt(bytes[i]);
  return signed ? BigInt.asIntN(8 * bytes.length, x) : x;
}

/** general_get_int: `valSize`-byte signed result, or null. */
function generalGetInt(p: OSSL_PARAM, valSize: number): bigint | null {
  const src = loadBytes(p, p.data_size);
  let r: Uint8Array | null = null;
  if (p.data_type === OSSL_PARAM_INTEGER) r = signedFromSigned(valSize, src);
  else if (p.data_type === OSSL_PARAM_UNSIGNED_INTEGER) r = signedFromUnsigned(valSize, src);
  else failWith('PARAM_NOT_INTEGER_TYPE');
  return r === null ? null : intOf(r, true);
}

/** general_get_uint. */
function generalGetUint(p: OSSL_PARAM, valSize: number): bigint | null {
  const src = loadBytes(p, p.data_size);
  let r: Uint8Array | null = null;
  if (p.data_type === OSSL_PARAM_INTEGER) r = unsignedFromSigned(valSize, src);
  else if (p.data_type === OSSL_PARAM_UNSIGNED_INTEGER) r = unsignedFromUnsigned(valSize, src);
  else failWith('PARAM_NOT_INTEGER_TYPE');
  return r === null ? null : intOf(r, false);
}

/** general_set_int: writes a signed `valSize`-byte value into any size. */
function generalSetInt(p: OSSL_PARAM, val: bigint, valSize: number): number {
  let r: Uint8Array | null = null;
  p.return_size = valSize;
  if (p.data === null) return 1;
  const src = bytesOf(val, valSize);
  if (p.data_type === OSSL_PARAM_INTEGER) r = signedFromSigned(p.data_size, src);
  else if (p.data_type === OSSL_PARAM_UNSIGNED_INTEGER) r = unsignedFromSigned(p.data_size, src);
  else failWith('PARAM_NOT_INTEGER_TYPE');
  if (r !== null) storeBytes(p, r);
  p.return_size = r !== null ? p.data_size : valSize;
  return r !== null ? 1 : 0;
}

/** general_set_uint. */
function generalSetUint(p: OSSL_PARAM, val: bigint, valSize: number): number {
  let r: Uint8Array | null = null;
  p.return_size = valSize;
  if (p.data === null) return 1;
  const src = bytesOf(val, valSize);
  if (p.data_type === OSSL_PARAM_INTEGER) r = signedFromUnsigned(p.data_size, src);
  else if (p.data_type === OSSL_PARAM_UNSIGNED_INTEGER) r = unsignedFromUnsigned(p.data_size, src);
  else failWith('PARAM_NOT_INTEGER_TYPE');
  if (r !== null) storeBytes(p, r);
  p.return_size = r !== null ? p.data_size : valSize;
  return r !== null ? 1 : 0;
}

/**
 * What 3.0's fixed-size setters leave in `return_size` when they fail after recording the
 * expected size, and 3.2+'s (which record it only on success): `expected` on 3.0, 0 on 3.2+.
 */
function failedSize(p: OSSL_PARAM, expected: number): void {
  p.return_size = raising() ? 0 : expected;
}

// ---- 32-bit ----

function getInt32(p: OSSL_PARAM | null): bigint | null {
  if (p === null) return failWith('PASSED_NULL_PARAMETER');
  if (nullDataRefused(p)) return null;
  if (p.data_type === OSSL_PARAM_INTEGER) {
    switch (p.data_size) {
      case 4: return loadInt(p, 4, true);
      case 8: {
        const i64 = loadInt(p, 8, true);
        return i64 >= INT32_MIN && i64 <= INT32_MAX ? i64 : failWith('PARAM_VALUE_TOO_LARGE_FOR_DESTINATION');
      }
      default: return generalGetInt(p, 4);
    }
  } else if (p.data_type === OSSL_PARAM_UNSIGNED_INTEGER) {
    switch (p.data_size) {
      case 4: {
        const u32 = loadInt(p, 4, false);
        return u32 <= INT32_MAX ? u32 : failWith('PARAM_VALUE_TOO_LARGE_FOR_DESTINATION');
      }
      case 8: {
        const u64 = loadInt(p, 8, false);
        return u64 <= INT32_MAX ? u64 : failWith('PARAM_VALUE_TOO_LARGE_FOR_DESTINATION');
      }
      default: return generalGetInt(p, 4);
    }
  } else if (p.data_type === OSSL_PARAM_REAL) {
    if (p.data_size === 8) {
      const d = loadDouble(p);
      if (d >= -(2 ** 31) && d <= 2 ** 31 - 1 && d === Math.trunc(d)) return BigInt(d);
      return failWith('PARAM_VALUE_TOO_LARGE_FOR_DESTINATION');
    }
    return failWith('PARAM_UNSUPPORTED_FLOATING_POINT_FORMAT');
  }
  return failWith('PARAM_OF_INCOMPATIBLE_TYPE');
}

function setInt32(p: OSSL_PARAM | null, val: bigint): number {
  if (p === null) return zeroWith('PASSED_NULL_PARAMETER');
  p.return_size = 0;
  if (p.data_type === OSSL_PARAM_INTEGER) {
    p.return_size = 4;
    if (p.data === null) return 1;
    switch (p.data_size) {
      case 4: storeInt(p, val, 4); return 1;
      case 8: p.return_size = 8; storeInt(p, val, 8); return 1;
      default: return generalSetInt(p, val, 4);
    }
  } else if (p.data_type === OSSL_PARAM_UNSIGNED_INTEGER && val >= 0n) {
    p.return_size = 4;
    if (p.data === null) return 1;
    switch (p.data_size) {
      case 4: storeInt(p, val, 4); return 1;
      case 8: p.return_size = 8; storeInt(p, val, 8); return 1;
      default: return generalSetInt(p, val, 4);
    }
  } else if (p.data_type === OSSL_PARAM_REAL) {
    p.return_size = 8;
    if (p.data === null) return 1;
    if (p.data_size === 8) {
      storeDouble(p, Number(val));
      return 1;
    }
    return zeroWith('PARAM_UNSUPPORTED_FLOATING_POINT_FORMAT');
  }
  return zeroWith('PARAM_OF_INCOMPATIBLE_TYPE');
}

function getUint32(p: OSSL_PARAM | null): bigint | null {
  if (p === null) return failWith('PASSED_NULL_PARAMETER');
  if (nullDataRefused(p)) return null;
  if (p.data_type === OSSL_PARAM_UNSIGNED_INTEGER) {
    switch (p.data_size) {
      case 4: return loadInt(p, 4, false);
      case 8: {
        const u64 = loadInt(p, 8, false);
        return u64 <= UINT32_MAX ? u64 : failWith('PARAM_VALUE_TOO_LARGE_FOR_DESTINATION');
      }
      default: return generalGetUint(p, 4);
    }
  } else if (p.data_type === OSSL_PARAM_INTEGER) {
    switch (p.data_size) {
      case 4: {
        const i32 = loadInt(p, 4, true);
        return i32 >= 0n ? i32 : failWith('PARAM_UNSIGNED_INTEGER_NEGATIVE_VALUE_UNSUPPORTED');
      }
      case 8: {
        const i64 = loadInt(p, 8, true);
        if (i64 >= 0n && i64 <= UINT32_MAX) return i64;
        return failWith(i64 < 0n ? 'PARAM_UNSIGNED_INTEGER_NEGATIVE_VALUE_UNSUPPORTED' : 'PARAM_VALUE_TOO_LARGE_FOR_DESTINATION');
      }
      default: return generalGetUint(p, 4);
    }
  } else if (p.data_type === OSSL_PARAM_REAL) {
    if (p.data_size === 8) {
      const d = loadDouble(p);
      if (d >= 0 && d <= 2 ** 32 - 1 && d === Math.trunc(d)) return BigInt(d);
      return failWith('PARAM_CANNOT_BE_REPRESENTED_EXACTLY');
    }
    return failWith('PARAM_UNSUPPORTED_FLOATING_POINT_FORMAT');
  }
  return failWith('PARAM_OF_INCOMPATIBLE_TYPE');
}

function setUint32(p: OSSL_PARAM | null, val: bigint): number {
  if (p === null) return zeroWith('PASSED_NULL_PARAMETER');
  p.return_size = 0;
  if (p.data_type === OSSL_PARAM_UNSIGNED_INTEGER) {
    p.return_size = 4;
    if (p.data === null) return 1;
    switch (p.data_size) {
      case 4: storeInt(p, val, 4); return 1;
      case 8: p.return_size = 8; storeInt(p, val, 8); return 1;
      default: return generalSetUint(p, val, 4);
    }
  } else if (p.data_type === OSSL_PARAM_INTEGER) {
    p.return_size = 4;
    if (p.data === null) return 1;
    switch (p.data_size) {
      case 4:
        if (val <= INT32_MAX) {
          storeInt(p, val, 4);
          return 1;
        }
        return zeroWith('PARAM_VALUE_TOO_LARGE_FOR_DESTINATION');
      case 8: p.return_size = 8; storeInt(p, val, 8); return 1;
      default: return generalSetUint(p, val, 4);
    }
  } else if (p.data_type === OSSL_PARAM_REAL) {
    // 3.2+ records the size only when it writes (or data is NULL)
    if (!raising() || p.data === null) p.return_size = 8;
    if (p.data === null) return 1;
    if (p.data_size === 8) {
      storeDouble(p, Number(val));
      p.return_size = 8;
      return 1;
    }
    return zeroWith('PARAM_UNSUPPORTED_FLOATING_POINT_FORMAT');
  }
  return zeroWith('PARAM_OF_INCOMPATIBLE_TYPE');
}

// ---- 64-bit ----

function getInt64(p: OSSL_PARAM | null): bigint | null {
  if (p === null) return failWith('PASSED_NULL_PARAMETER');
  if (nullDataRefused(p)) return null;
  if (p.data_type === OSSL_PARAM_INTEGER) {
    switch (p.data_size) {
      case 4: return loadInt(p, 4, true);
      case 8: return loadInt(p, 8, true);
      default: return generalGetInt(p, 8);
    }
  } else if (p.data_type === OSSL_PARAM_UNSIGNED_INTEGER) {
    switch (p.data_size) {
      case 4: return loadInt(p, 4, false);
      case 8: {
        const u64 = loadInt(p, 8, false);
        return u64 <= INT64_MAX ? u64 : failWith('PARAM_VALUE_TOO_LARGE_FOR_DESTINATION');
      }
      default: return generalGetInt(p, 8);
    }
  } else if (p.data_type === OSSL_PARAM_REAL) {
    if (p.data_size === 8) {
      const d = loadDouble(p);
      if (d >= -INT64_LIMIT_D && d < INT64_LIMIT_D && d === Math.trunc(d)) return BigInt(d);
      return failWith('PARAM_CANNOT_BE_REPRESENTED_EXACTLY');
    }
    return failWith('PARAM_UNSUPPORTED_FLOATING_POINT_FORMAT');
  }
  return failWith('PARAM_OF_INCOMPATIBLE_TYPE');
}

function setInt64(p: OSSL_PARAM | null, val: bigint): number {
  if (p === null) return zeroWith('PASSED_NULL_PARAMETER');
  p.return_size = 0;
  if (p.data_type === OSSL_PARAM_INTEGER) {
    p.return_size = 8;
    if (p.data === null) return 1;
    switch (p.data_size) {
      case 4:
        if (val >= INT32_MIN && val <= INT32_MAX) {
          p.return_size = 4;
          storeInt(p, val, 4);
          return 1;
        }
        failedSize(p, 8);
        return zeroWith('PARAM_VALUE_TOO_LARGE_FOR_DESTINATION');
      case 8: storeInt(p, val, 8); return 1;
      default: return generalSetInt(p, val, 8);
    }
  } else if (p.data_type === OSSL_PARAM_UNSIGNED_INTEGER && val >= 0n) {
    p.return_size = 8;
    if (p.data === null) return 1;
    switch (p.data_size) {
      case 4:
        if (val <= UINT32_MAX) {
          p.return_size = 4;
          storeInt(p, val, 4);
          return 1;
        }
        failedSize(p, 8);
        return zeroWith('PARAM_VALUE_TOO_LARGE_FOR_DESTINATION');
      case 8: storeInt(p, val, 8); return 1;
      default: return generalSetInt(p, val, 8);
    }
  } else if (p.data_type === OSSL_PARAM_REAL) {
    p.return_size = 8;
    if (p.data === null) return 1;
    if (p.data_size === 8) {
      // INT64_MIN negates to itself in C; as a uint64 its bit 63 is set, so it is refused too.
      const u64 = val < 0n ? BigInt.asUintN(64, -val) : val;
      if ((u64 >> REAL_SHIFT) === 0n) {
        storeDouble(p, Number(val));
        return 1;
      }
      failedSize(p, 8);
      return zeroWith('PARAM_CANNOT_BE_REPRESENTED_EXACTLY');
    }
    failedSize(p, 8);
    return zeroWith('PARAM_UNSUPPORTED_FLOATING_POINT_FORMAT');
  }
  return zeroWith('PARAM_OF_INCOMPATIBLE_TYPE');
}

function getUint64(p: OSSL_PARAM | null): bigint | null {
  if (p === null) return failWith('PASSED_NULL_PARAMETER');
  if (nullDataRefused(p)) return null;
  if (p.data_type === OSSL_PARAM_UNSIGNED_INTEGER) {
    switch (p.data_size) {
      case 4: return loadInt(p, 4, false);
      case 8: return loadInt(p, 8, false);
      default: return generalGetUint(p, 8);
    }
  } else if (p.data_type === OSSL_PARAM_INTEGER) {
    switch (p.data_size) {
      case 4: {
        const i32 = loadInt(p, 4, true);
        return i32 >= 0n ? i32 : failWith('PARAM_UNSIGNED_INTEGER_NEGATIVE_VALUE_UNSUPPORTED');
      }
      case 8: {
        const i64 = loadInt(p, 8, true);
        return i64 >= 0n ? i64 : failWith('PARAM_UNSIGNED_INTEGER_NEGATIVE_VALUE_UNSUPPORTED');
      }
      default: return generalGetUint(p, 8);
    }
  } else if (p.data_type === OSSL_PARAM_REAL) {
    if (p.data_size === 8) {
      const d = loadDouble(p);
      if (d >= 0 && d < UINT64_LIMIT_D && d === Math.trunc(d)) return BigInt(d);
      return failWith('PARAM_CANNOT_BE_REPRESENTED_EXACTLY');
    }
    return failWith('PARAM_UNSUPPORTED_FLOATING_POINT_FORMAT');
  }
  return failWith('PARAM_OF_INCOMPATIBLE_TYPE');
}

function setUint64(p: OSSL_PARAM | null, val: bigint): number {
  if (p === null) return zeroWith('PASSED_NULL_PARAMETER');
  p.return_size = 0;
  if (p.data_type === OSSL_PARAM_UNSIGNED_INTEGER) {
    p.return_size = 8;
    if (p.data === null) return 1;
    switch (p.data_size) {
      case 4:
        if (val <= UINT32_MAX) {
          p.return_size = 4;
          storeInt(p, val, 4);
          return 1;
        }
        failedSize(p, 8);
        return zeroWith('PARAM_VALUE_TOO_LARGE_FOR_DESTINATION');
      case 8: storeInt(p, val, 8); return 1;
      default: return generalSetUint(p, val, 8);
    }
  } else if (p.data_type === OSSL_PARAM_INTEGER) {
    p.return_size = 8;
    if (p.data === null) return 1;
    switch (p.data_size) {
      case 4:
        if (val <= INT32_MAX) {
          p.return_size = 4;
          storeInt(p, val, 4);
          return 1;
        }
        failedSize(p, 8);
        return zeroWith('PARAM_VALUE_TOO_LARGE_FOR_DESTINATION');
      case 8:
        if (val <= INT64_MAX) {
          storeInt(p, val, 8);
          return 1;
        }
        failedSize(p, 8);
        return zeroWith('PARAM_VALUE_TOO_LARGE_FOR_DESTINATION');
      default: return generalSetUint(p, val, 8);
    }
  } else if (p.data_type === OSSL_PARAM_REAL) {
    p.return_size = 8;
    // No NULL-data check here (unlike every other setter, also in 3.2+): C would write through
    // NULL and crash; randshim refuses instead (CRYPTO ERR_R_PASSED_NULL_PARAMETER, 0).
    if (p.data_size === 8 && (val >> REAL_SHIFT) === 0n) {
      if (p.data === null) {
        raise('CRYPTO', 'PASSED_NULL_PARAMETER');
        return 0;
      }
      storeDouble(p, Number(val));
      return 1;
    }
    failedSize(p, 8);
    return zeroWith(p.data_size === 8 ? 'PARAM_CANNOT_BE_REPRESENTED_EXACTLY' : 'PARAM_UNSUPPORTED_FLOATING_POINT_FORMAT');
  }
  return zeroWith('PARAM_OF_INCOMPATIBLE_TYPE');
}

/** `*val = v` for a getter: 0 when there is no value, or no `val` (3.2+: ERR_R_PASSED_NULL_PARAMETER). */
function writeOut(val: IntBox | null, v: bigint | null): number {
  if (v === null || val === null) return 0;
  writeIntBox(val, v);
  return 1;
}

/** A getter's `val == NULL` check, which 3.2+ raises on. */
function readInto(val: IntBox | null, p: OSSL_PARAM | null, get: (p: OSSL_PARAM | null) => bigint | null): number {
  if (val === null) return zeroWith('PASSED_NULL_PARAMETER');
  return writeOut(val, get(p));
}

// ---- the typed API ----

/** OSSL_PARAM_get_int(p, val): int is 32-bit, so this is OSSL_PARAM_get_int32. */
export function OSSL_PARAM_get_int(p: OSSL_PARAM | null, val: IntBox | null): number {
  return readInto(val, p, getInt32);
}
export function OSSL_PARAM_set_int(p: OSSL_PARAM | null, val: number | bigint): number {
  return setInt32(p, cInt(val, 32, true));
}
export function OSSL_PARAM_get_uint(p: OSSL_PARAM | null, val: IntBox | null): number {
  return readInto(val, p, getUint32);
}
export function OSSL_PARAM_set_uint(p: OSSL_PARAM | null, val: number | bigint): number {
  return setUint32(p, cInt(val, 32, false));
}
export function OSSL_PARAM_get_long(p: OSSL_PARAM | null, val: IntBox | null): number {
  return readInto(val, p, getInt64);
}
export function OSSL_PARAM_set_long(p: OSSL_PARAM | null, val: number | bigint): number {
  return setInt64(p, cInt(val, 64, true));
}
export function OSSL_PARAM_get_ulong(p: OSSL_PARAM | null, val: IntBox | null): number {
  return readInto(val, p, getUint64);
}
export function OSSL_PARAM_set_ulong(p: OSSL_PARAM | null, val: number | bigint): number {
  return setUint64(p, cInt(val, 64, false));
}
export function OSSL_PARAM_get_int32(p: OSSL_PARAM | null, val: IntBox | null): number {
  return readInto(val, p, getInt32);
}
export function OSSL_PARAM_set_int32(p: OSSL_PARAM | null, val: number | bigint): number {
  return setInt32(p, cInt(val, 32, true));
}
export function OSSL_PARAM_get_uint32(p: OSSL_PARAM | null, val: IntBox | null): number {
  return readInto(val, p, getUint32);
}
export function OSSL_PARAM_set_uint32(p: OSSL_PARAM | null, val: number | bigint): number {
  return setUint32(p, cInt(val, 32, false));
}
export function OSSL_PARAM_get_int64(p: OSSL_PARAM | null, val: IntBox | null): number {
  return readInto(val, p, getInt64);
}
export function OSSL_PARAM_set_int64(p: OSSL_PARAM | null, val: number | bigint): number {
  return setInt64(p, cInt(val, 64, true));
}
export function OSSL_PARAM_get_uint64(p: OSSL_PARAM | null, val: IntBox | null): number {
  return readInto(val, p, getUint64);
}
export function OSSL_PARAM_set_uint64(p: OSSL_PARAM | null, val: number | bigint): number {
  return setUint64(p, cInt(val, 64, false));
}
/** size_t is 64-bit: OSSL_PARAM_get_uint64. */
export function OSSL_PARAM_get_size_t(p: OSSL_PARAM | null, val: IntBox | null): number {
  return readInto(val, p, getUint64);
}
export function OSSL_PARAM_set_size_t(p: OSSL_PARAM | null, val: number | bigint): number {
  return setUint64(p, cInt(val, 64, false));
}
/** time_t is a signed 64-bit integer: OSSL_PARAM_get_int64. */
export function OSSL_PARAM_get_time_t(p: OSSL_PARAM | null, val: IntBox | null): number {
  return readInto(val, p, getInt64);
}
export function OSSL_PARAM_set_time_t(p: OSSL_PARAM | null, val: number | bigint): number {
  return setInt64(p, cInt(val, 64, true));
}

/** OSSL_PARAM_get_double(p, val). */
export function OSSL_PARAM_get_double(p: OSSL_PARAM | null, val: { value: number } | null): number {
  if (val === null || p === null) return zeroWith('PASSED_NULL_PARAMETER');
  if (nullDataRefused(p)) return 0;
  if (p.data_type === OSSL_PARAM_REAL) {
    if (p.data_size === 8) {
      val.value = loadDouble(p);
      return 1;
    }
    return zeroWith('PARAM_UNSUPPORTED_FLOATING_POINT_FORMAT');
  } else if (p.data_type === OSSL_PARAM_UNSIGNED_INTEGER) {
    switch (p.data_size) {
      case 4:
        val.value = Number(loadInt(p, 4, false));
        return 1;
      case 8: {
        const u64 = loadInt(p, 8, false);
        if ((u64 >> REAL_SHIFT) === 0n) {
          val.value = Number(u64);
          return 1;
        }
        return zeroWith('PARAM_CANNOT_BE_REPRESENTED_EXACTLY');
      }
      default: break;
    }
  } else if (p.data_type === OSSL_PARAM_INTEGER) {
    switch (p.data_size) {
      case 4:
        val.value = Number(loadInt(p, 4, true));
        return 1;
      case 8: {
        const i64 = loadInt(p, 8, true);
        const u64 = i64 < 0n ? BigInt.asUintN(64, -i64) : i64;
        if ((u64 >> REAL_SHIFT) === 0n) {
          val.value = 0.0 + Number(i64);
          return 1;
        }
        return zeroWith('PARAM_CANNOT_BE_REPRESENTED_EXACTLY');
      }
      default: break;
    }
  }
  return zeroWith('PARAM_OF_INCOMPATIBLE_TYPE');
}

/**
 * OSSL_PARAM_set_double(p, val). 3.0 checks that an integer parameter can hold `val` exactly
 * before anything else and records the expected size before writing; 3.2+ answers a NULL-data
 * size query first, records the size only when it writes and raises why it did not.
 */
export function OSSL_PARAM_set_double(p: OSSL_PARAM | null, val: number): number {
  if (p === null) return zeroWith('PASSED_NULL_PARAMETER');
  p.return_size = 0;
  const v32 = raising();
  if (p.data_type === OSSL_PARAM_REAL) {
    p.return_size = 8;
    if (p.data === null) return 1;
    if (p.data_size === 8) {
      storeDouble(p, val);
      return 1;
    }
    failedSize(p, 8);
    return zeroWith('PARAM_UNSUPPORTED_FLOATING_POINT_FORMAT');
  }
  const unsigned = p.data_type === OSSL_PARAM_UNSIGNED_INTEGER;
  if (unsigned || p.data_type === OSSL_PARAM_INTEGER) {
    const exact = val === (unsigned ? castToUint64(val) : castToInt64(val));
    if (!v32 && !exact) return 0;
    p.return_size = 8;
    if (p.data === null) return 1;
    if (!exact) {
      p.return_size = 0;
      return zeroWith('PARAM_CANNOT_BE_REPRESENTED_EXACTLY');
    }
    const [lo4, hi4, hi8] = unsigned ? [0, 2 ** 32, UINT64_LIMIT_D] : [-(2 ** 31), 2 ** 31, INT64_LIMIT_D];
    const lo8 = unsigned ? 0 : -INT64_LIMIT_D;
    if (p.data_size === 4 || p.data_size === 8) {
      const fits = p.data_size === 4 ? val >= lo4 && val < hi4 : val >= lo8 && val < hi8;
      if (fits) {
        p.return_size = p.data_size;
        storeInt(p, BigInt(val), p.data_size);
        return 1;
      }
      failedSize(p, 8);
      return zeroWith('PARAM_VALUE_TOO_LARGE_FOR_DESTINATION');
    }
    failedSize(p, 8);
  }
  return zeroWith('PARAM_OF_INCOMPATIBLE_TYPE');
}

/**
 * `(double)(uint64_t)val` on x86-64: truncation toward zero when the value fits; otherwise
 * the conversion is undefined in C and gcc's code yields values that never compare equal to
 * a non-integral or out-of-range `val`, except that negative integers wrap (then compare
 * unequal too). So: equal exactly when `val` is an integer in [0, 2^64).
 */
function castToUint64(val: number): number {
  return Number.isInteger(val) && val >= 0 && val < UINT64_LIMIT_D ? val : NaN;
}

/** `(double)(int64_t)val`: equal exactly when `val` is an integer in [-2^63, 2^63). */
function castToInt64(val: number): number {
  return Number.isInteger(val) && val >= -INT64_LIMIT_D && val < INT64_LIMIT_D ? val : NaN;
}

// ---- strings ----

/** The C string at a UTF8_STRING parameter's data: bytes up to the first NUL within
 * `data_size` (what a provider reading `(const char *)p->data` sees, when the buffer is
 * NUL-terminated as OSSL_PARAM_BLD and construct_utf8_string make it). */
export function paramCString(p: OSSL_PARAM): string | null {
  if (p.data === null) return null;
  const v = p.data.value;
  if (!(v instanceof Uint8Array)) return null;
  const end = v.indexOf(0);
  return utf8Text(end < 0 ? v : v.subarray(0, end));
}

/**
 * OSSL_PARAM_get_utf8_string(p, val, max_len). `val` is C's `char **`: with `val.value` null
 * the string is "allocated" (val.value becomes the string, up to its first NUL); with a
 * Uint8Array it is copied there if `max_len` allows, NUL-terminated.
 */
export function OSSL_PARAM_get_utf8_string(p: OSSL_PARAM | null, val: { value: string | Uint8Array | null } | null,
  maxLen: number): number {
  // get_string_internal (used_len is NULL for a UTF-8 string)
  if (val === null || p === null) return zeroWith('PASSED_NULL_PARAMETER');
  if (p.data_type !== OSSL_PARAM_UTF8_STRING) return zeroWith('PARAM_OF_INCOMPATIBLE_TYPE');
  if (p.data === null) return zeroWith('PASSED_NULL_PARAMETER');
  const sz = p.data_size;
  const src = loadBytes(p, sz);
  if (val.value === null || typeof val.value === 'string') {
    // *val == NULL: malloc(sz + 1), copy, terminate at data_size.
    const end = src.indexOf(0);
    val.value = utf8Text(end < 0 ? src : src.subarray(0, end));
    return 1;
  }
  const buf = val.value;
  if (maxLen < sz) return zeroWith('TOO_SMALL_BUFFER');
  // A buffer shorter than max_len says it is (C would overrun it): refused before any write.
  if (buf.length < sz) return invalidArgument();
  let dataLength = sz;
  if (dataLength >= maxLen) dataLength = cStrlen(src);
  // No room in `buf` for the NUL that max_len promises room for: refused the same way.
  if (dataLength < maxLen && dataLength >= buf.length) return invalidArgument();
  buf.set(src);
  if (dataLength >= maxLen) return zeroWith('NO_SPACE_FOR_TERMINATING_NULL');
  buf[dataLength] = 0;
  return 1;
}

/**
 * OSSL_PARAM_get_octet_string(p, val, max_len, used_len). `val` null asks only for the
 * length; `val.value` null "allocates" a copy; a Uint8Array receives the bytes if `max_len`
 * allows.
 */
export function OSSL_PARAM_get_octet_string(p: OSSL_PARAM | null, val: { value: Uint8Array | null } | null,
  maxLen: number, usedLen: { value: number } | null): number {
  if ((val === null && usedLen === null) || p === null) return zeroWith('PASSED_NULL_PARAMETER');
  if (p.data_type !== OSSL_PARAM_OCTET_STRING) return zeroWith('PARAM_OF_INCOMPATIBLE_TYPE');
  const sz = p.data_size;
  if (usedLen !== null) usedLen.value = sz;
  if (p.data === null) return zeroWith('PASSED_NULL_PARAMETER');
  if (val === null) return 1;
  const src = loadBytes(p, sz);
  if (val.value === null) {
    val.value = src;
    return 1;
  }
  if (maxLen < sz) return zeroWith('TOO_SMALL_BUFFER');
  if (val.value.length < sz) return invalidArgument();
  val.value.set(src);
  return 1;
}

/** set_string_internal: 3.0 records the length before checking the type, 3.2+ after. */
function setStringInternal(p: OSSL_PARAM, val: Uint8Array, type: number): number {
  if (raising() && p.data_type !== type) return zeroWith('PARAM_OF_INCOMPATIBLE_TYPE');
  p.return_size = val.length;
  if (p.data === null) return 1;
  if (p.data_type !== type) return 0;
  if (p.data_size < val.length) return zeroWith('TOO_SMALL_BUFFER');
  storeBytes(p, val);
  if (type === OSSL_PARAM_UTF8_STRING && p.data_size > val.length) storeBytes(p, withNul(p, val));
  return 1;
}

function withNul(p: OSSL_PARAM, val: Uint8Array): Uint8Array {
  const out = loadBytes(p, val.length + 1);
  out.set(val);
  out[val.length] = 0;
  return out;
}

/** A string setter's NULL checks: 3.0 clears return_size before refusing a NULL value, 3.2+
 * refuses it first (return_size untouched). False when the setter stops. */
function stringArgsAccepted(p: OSSL_PARAM | null, val: unknown): p is OSSL_PARAM {
  if (p === null || (val === null && raising())) {
    failWith('PASSED_NULL_PARAMETER');
    return false;
  }
  p.return_size = 0;
  return val !== null;
}

/** OSSL_PARAM_set_utf8_string(p, val): copies strlen(val) bytes, plus a NUL if there is room. */
export function OSSL_PARAM_set_utf8_string(p: OSSL_PARAM | null, val: string | null): number {
  if (!stringArgsAccepted(p, val) || val === null) return 0;
  const bytes = utf8Bytes(val);
  return setStringInternal(p, bytes.subarray(0, cStrlen(bytes)), OSSL_PARAM_UTF8_STRING);
}

/** OSSL_PARAM_set_octet_string(p, val, len). */
export function OSSL_PARAM_set_octet_string(p: OSSL_PARAM | null, val: Uint8Array | null, len: number): number {
  if (!stringArgsAccepted(p, val) || val === null) return 0;
  if (!Number.isInteger(len) || len < 0 || len > val.length) return invalidArgument();
  return setStringInternal(p, val.subarray(0, len), OSSL_PARAM_OCTET_STRING);
}

/** get_ptr_internal's checks: false (after 3.2+'s raise) when the getter stops. */
function ptrReadable(p: OSSL_PARAM | null, val: unknown, type: number): p is OSSL_PARAM {
  const refusal = val === null || p === null ? 'PASSED_NULL_PARAMETER' : p.data_type !== type ? 'PARAM_OF_INCOMPATIBLE_TYPE' : null;
  if (refusal !== null) failWith(refusal);
  return refusal === null && p !== null && p.data !== null;
}

/** OSSL_PARAM_get_utf8_ptr(p, val). */
export function OSSL_PARAM_get_utf8_ptr(p: OSSL_PARAM | null, val: { value: string | null } | null): number {
  if (!ptrReadable(p, val, OSSL_PARAM_UTF8_PTR) || val === null) return 0;
  const v = p.data?.value;
  val.value = typeof v === 'string' ? v : null;
  return 1;
}

/** OSSL_PARAM_get_octet_ptr(p, val, used_len). */
export function OSSL_PARAM_get_octet_ptr(p: OSSL_PARAM | null, val: { value: Uint8Array | null } | null,
  usedLen: { value: number } | null): number {
  if (!ptrReadable(p, val, OSSL_PARAM_OCTET_PTR) || val === null) return 0;
  if (usedLen !== null) usedLen.value = p.data_size;
  const v = p.data?.value;
  val.value = v instanceof Uint8Array ? v : null;
  return 1;
}

/** set_ptr_internal: 3.0 records the length before checking the type, 3.2+ after. */
function setPtrInternal(p: OSSL_PARAM, val: string | Uint8Array | null, type: number, len: number): number {
  if (raising() && p.data_type !== type) return zeroWith('PARAM_OF_INCOMPATIBLE_TYPE');
  p.return_size = len;
  if (p.data_type !== type) return 0;
  if (p.data !== null) p.data.value = val;
  return 1;
}

/** OSSL_PARAM_set_utf8_ptr(p, val). */
export function OSSL_PARAM_set_utf8_ptr(p: OSSL_PARAM | null, val: string | null): number {
  if (p === null) return zeroWith('PASSED_NULL_PARAMETER');
  p.return_size = 0;
  return setPtrInternal(p, val, OSSL_PARAM_UTF8_PTR, val === null ? 0 : cStrlen(utf8Bytes(val)));
}

/** OSSL_PARAM_set_octet_ptr(p, val, used_len). */
export function OSSL_PARAM_set_octet_ptr(p: OSSL_PARAM | null, val: Uint8Array | null, usedLen: number): number {
  if (p === null) return zeroWith('PASSED_NULL_PARAMETER');
  p.return_size = 0;
  return setPtrInternal(p, val, OSSL_PARAM_OCTET_PTR, usedLen);
}

/** Runs a getter whose raises are dropped (ERR_set_mark ... ERR_pop_to_mark). */
function quietly(get: () => number): number {
  const mark = setMark();
  const r = get();
  popToMark(mark);
  return r;
}

/** OSSL_PARAM_get_utf8_string_ptr(p, val): a UTF8_PTR's string, or a UTF8_STRING's own. */
export function OSSL_PARAM_get_utf8_string_ptr(p: OSSL_PARAM | null, val: { value: string | null } | null): number {
  if (quietly(() => OSSL_PARAM_get_utf8_ptr(p, val)) === 1) return 1;
  if (val === null || p === null) return zeroWith('PASSED_NULL_PARAMETER');
  if (p.data_type !== OSSL_PARAM_UTF8_STRING) return zeroWith('PARAM_OF_INCOMPATIBLE_TYPE');
  val.value = paramCString(p);
  return 1;
}

/** OSSL_PARAM_get_octet_string_ptr(p, val, used_len). */
export function OSSL_PARAM_get_octet_string_ptr(p: OSSL_PARAM | null, val: { value: Uint8Array | null } | null,
  usedLen: { value: number } | null): number {
  if (quietly(() => OSSL_PARAM_get_octet_ptr(p, val, usedLen)) === 1) return 1;
  if (val === null || p === null) return zeroWith('PASSED_NULL_PARAMETER');
  if (p.data_type !== OSSL_PARAM_OCTET_STRING) return zeroWith('PARAM_OF_INCOMPATIBLE_TYPE');
  if (usedLen !== null) usedLen.value = p.data_size;
  const v = p.data?.value;
  val.value = v instanceof Uint8Array ? v.subarray(0, p.data_size) : null;
  return 1;
}
