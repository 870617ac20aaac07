/**
 * OSSL_PARAM (OSSL_PARAM(3), OSSL_PARAM_int(3)): OpenSSL 3.0's crypto/params.c in TypeScript,
 * function by function, with its conversion and range rules: integers convert between signed
 * and unsigned and between 4- and 8-byte sizes when the value fits (odd sizes go through the
 * byte-wise general path), doubles convert to and from integers when exact, and every setter
 * records `return_size` the way C does (also when it fails, and when `data` is NULL, which
 * asks only for the size). The C memory behind `data` is a box, see ./param-memory.ts; the
 * numeric conversions are written once, over the four fixed-width C integers, in
 * ./param-numbers.ts, and the per-line failure rules in ./param-errors.ts.
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
  cInt, cStrlen, loadBytes, OSSL_PARAM_INTEGER, OSSL_PARAM_OCTET_PTR, OSSL_PARAM_OCTET_STRING, OSSL_PARAM_REAL,
  OSSL_PARAM_UNSIGNED_INTEGER, OSSL_PARAM_UTF8_PTR, OSSL_PARAM_UTF8_STRING, storeBytes, utf8Bytes, utf8Text,
  writeIntBox, type IntBox, type OSSL_PARAM, type OSSL_PARAM_DATA,
} from './param-memory.js';
import { failWith, invalidArgument, nullDataRefused, raising, zeroWith } from './param-errors.js';
import { getDouble, getInteger, INT32, INT64, setDouble, setInteger, UINT32, UINT64, type CInteger } from './param-numbers.js';
import { popToMark, setMark } from '../../err/queue.js';

export {
  OSSL_PARAM_INTEGER, OSSL_PARAM_UNSIGNED_INTEGER, OSSL_PARAM_REAL, OSSL_PARAM_UTF8_STRING, OSSL_PARAM_OCTET_STRING,
  OSSL_PARAM_UTF8_PTR, OSSL_PARAM_OCTET_PTR, type OSSL_PARAM, type OSSL_PARAM_DATA, type IntBox,
} from './param-memory.js';

/** (size_t)-1: `return_size` of a parameter no setter has touched. JavaScript holds it as 2^64. */
export const OSSL_PARAM_UNMODIFIED = 18446744073709551615;

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
// ---- the typed numeric functions ----

/** OSSL_PARAM_get_<type>, OSSL_PARAM_set_<type> and OSSL_PARAM_construct_<type> of one C integer. */
export interface CIntegerFunctions {
  /** `*val` = the parameter's value when it converts; 0 otherwise, or without `val`. */
  get(p: OSSL_PARAM | null, val: IntBox | null): number;
  /** `val` (converted to the C type, as C's argument is) into the parameter. */
  set(p: OSSL_PARAM | null, val: number | bigint): number;
  construct(key: string, buf: IntBox | null): OSSL_PARAM;
}

function functionsOf(t: CInteger): CIntegerFunctions {
  const dataType = t.signed ? OSSL_PARAM_INTEGER : OSSL_PARAM_UNSIGNED_INTEGER;
  return {
    get(p, val) {
      if (val === null) return zeroWith('PASSED_NULL_PARAMETER');
      const v = getInteger(p, t);
      if (v === null) return 0;
      writeIntBox(val, v);
      return 1;
    },
    set: (p, val) => setInteger(p, cInt(val, 8 * t.bytes, t.signed), t),
    construct: (key, buf) => construct(key, dataType, buf, t.bytes),
  };
}

const int32 = functionsOf(INT32);
const uint32 = functionsOf(UINT32);
const int64 = functionsOf(INT64);
const uint64 = functionsOf(UINT64);

// The C integer types on the LP64 targets: int is int32_t; long and time_t are int64_t; size_t
// is uint64_t. One line a type, as params.c defines each in terms of its fixed-width twin.
export const { get: OSSL_PARAM_get_int, set: OSSL_PARAM_set_int, construct: OSSL_PARAM_construct_int } = int32;
export const { get: OSSL_PARAM_get_uint, set: OSSL_PARAM_set_uint, construct: OSSL_PARAM_construct_uint } = uint32;
export const { get: OSSL_PARAM_get_long, set: OSSL_PARAM_set_long, construct: OSSL_PARAM_construct_long } = int64;
export const { get: OSSL_PARAM_get_ulong, set: OSSL_PARAM_set_ulong, construct: OSSL_PARAM_construct_ulong } = uint64;
export const { get: OSSL_PARAM_get_int32, set: OSSL_PARAM_set_int32, construct: OSSL_PARAM_construct_int32 } = int32;
export const { get: OSSL_PARAM_get_uint32, set: OSSL_PARAM_set_uint32, construct: OSSL_PARAM_construct_uint32 } = uint32;
export const { get: OSSL_PARAM_get_int64, set: OSSL_PARAM_set_int64, construct: OSSL_PARAM_construct_int64 } = int64;
export const { get: OSSL_PARAM_get_uint64, set: OSSL_PARAM_set_uint64, construct: OSSL_PARAM_construct_uint64 } = uint64;
export const { get: OSSL_PARAM_get_size_t, set: OSSL_PARAM_set_size_t, construct: OSSL_PARAM_construct_size_t } = uint64;
export const { get: OSSL_PARAM_get_time_t, set: OSSL_PARAM_set_time_t, construct: OSSL_PARAM_construct_time_t } = int64;

/** OSSL_PARAM_get_double(p, val). */
export function OSSL_PARAM_get_double(p: OSSL_PARAM | null, val: { value: number } | null): number {
  if (val === null || p === null) return zeroWith('PASSED_NULL_PARAMETER');
  if (nullDataRefused(p)) return 0;
  const d = getDouble(p);
  if (d === null) return 0;
  val.value = d;
  return 1;
}

/** OSSL_PARAM_set_double(p, val). */
export function OSSL_PARAM_set_double(p: OSSL_PARAM | null, val: number): number {
  return p === null ? zeroWith('PASSED_NULL_PARAMETER') : setDouble(p, val);
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
