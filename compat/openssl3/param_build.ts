/**
 * OSSL_PARAM_BLD (OSSL_PARAM_BLD(3)): OpenSSL 3.0's crypto/param_build.c. Pushes record a
 * parameter (numbers by value; strings by reference, copied at to_param time, as C does),
 * OSSL_PARAM_BLD_to_param produces a terminated array whose data the array owns, and resets
 * the builder for reuse. Failures raise ERR_LIB_CRYPTO reasons as C does. BIGNUM pushes are
 * not provided (no BIGNUM in randshim).
 */
import { raise } from '../../provider/err/queue.js';
import {
  cInt, cStrlen, f64ToBytes, intToBytes, OSSL_PARAM_INTEGER, OSSL_PARAM_OCTET_PTR, OSSL_PARAM_OCTET_STRING,
  OSSL_PARAM_REAL, OSSL_PARAM_UNSIGNED_INTEGER, OSSL_PARAM_UTF8_PTR, OSSL_PARAM_UTF8_STRING, utf8Bytes,
  type OSSL_PARAM,
} from '../../provider/openssl3/core/param-memory.js';
import { OSSL_PARAM_construct_end, OSSL_PARAM_UNMODIFIED } from '../../provider/openssl3/core/ossl-param.js';
import { cDouble, cLong, cSizeT, refuse, refuseNull, type ArgSite } from '../args/index.js';

const INT_MAX = 0x7fffffff;

interface Def {
  readonly key: string;
  readonly type: number;
  readonly size: number;
  /** Numbers: their native bytes. Strings: the caller's buffer (read at to_param). PTRs: the
   * pointer value. */
  readonly num?: Uint8Array;
  readonly string?: Uint8Array;
  readonly ptr?: string | Uint8Array | null;
}

/** OSSL_PARAM_BLD: an opaque builder. */
export class OSSL_PARAM_BLD {
  /** @internal */
  defs: Def[] = [];
}

/** OSSL_PARAM_BLD_new(). */
export function OSSL_PARAM_BLD_new(): OSSL_PARAM_BLD {
  return new OSSL_PARAM_BLD();
}

/** OSSL_PARAM_BLD_free(bld). */
export function OSSL_PARAM_BLD_free(bld: OSSL_PARAM_BLD | null): void {
  if (bld !== null) bld.defs = [];
}

function checkArgs(bld: OSSL_PARAM_BLD | null, key: string | null): bld is OSSL_PARAM_BLD {
  if (bld === null || key === null) {
    raise('CRYPTO', 'PASSED_NULL_PARAMETER');
    return false;
  }
  return true;
}

function pushNum(bld: OSSL_PARAM_BLD | null, key: string | null, bytes: Uint8Array | undefined, type: number): number {
  if (bytes === undefined) return refuse(CRYPTO);
  if (!checkArgs(bld, key)) return 0;
  bld.defs.push({ key: key as string, type, size: bytes.length, num: bytes });
  return 1;
}

const CRYPTO: ArgSite = { lib: 'CRYPTO' };

/** The native bytes of an integer push; undefined (refused by compat/args' rule) for a value C
 * cannot express: not an integer, or a number beyond 2^53. */
const num = (v: number | bigint, bits: number, signed: boolean): Uint8Array | undefined =>
  (typeof v === 'bigint' || cLong(v) !== undefined ? intToBytes(cInt(v, bits, signed), bits / 8) : undefined);

/** An OSSL_PARAM_BLD_push_<integer type>(bld, key, v) call. */
export type PushIntegerCall = (bld: OSSL_PARAM_BLD | null, key: string | null, v: number | bigint) => number;

/** The integer pushes differ only in the C type's width and signedness: in param_build.c each
 * is one param_push_num(bld, key, &num, sizeof(num), type) call. */
const pushInteger = (bits: 32 | 64, signed: boolean): PushIntegerCall =>
  (bld, key, v) => pushNum(bld, key, num(v, bits, signed), signed ? OSSL_PARAM_INTEGER : OSSL_PARAM_UNSIGNED_INTEGER);

/** OSSL_PARAM_BLD_push_int: a 32-bit int. */
export const OSSL_PARAM_BLD_push_int: PushIntegerCall = pushInteger(32, true);
/** OSSL_PARAM_BLD_push_uint: a 32-bit unsigned int. */
export const OSSL_PARAM_BLD_push_uint: PushIntegerCall = pushInteger(32, false);
/** OSSL_PARAM_BLD_push_long: a 64-bit long (LP64). */
export const OSSL_PARAM_BLD_push_long: PushIntegerCall = pushInteger(64, true);
/** OSSL_PARAM_BLD_push_ulong: a 64-bit unsigned long (LP64). */
export const OSSL_PARAM_BLD_push_ulong: PushIntegerCall = pushInteger(64, false);
/** OSSL_PARAM_BLD_push_int32. */
export const OSSL_PARAM_BLD_push_int32: PushIntegerCall = pushInteger(32, true);
/** OSSL_PARAM_BLD_push_uint32. */
export const OSSL_PARAM_BLD_push_uint32: PushIntegerCall = pushInteger(32, false);
/** OSSL_PARAM_BLD_push_int64. */
export const OSSL_PARAM_BLD_push_int64: PushIntegerCall = pushInteger(64, true);
/** OSSL_PARAM_BLD_push_uint64. */
export const OSSL_PARAM_BLD_push_uint64: PushIntegerCall = pushInteger(64, false);
/** OSSL_PARAM_BLD_push_size_t: a 64-bit size_t. */
export const OSSL_PARAM_BLD_push_size_t: PushIntegerCall = pushInteger(64, false);
/** OSSL_PARAM_BLD_push_time_t: a 64-bit time_t. */
export const OSSL_PARAM_BLD_push_time_t: PushIntegerCall = pushInteger(64, true);

export function OSSL_PARAM_BLD_push_double(bld: OSSL_PARAM_BLD | null, key: string | null, v: number): number {
  return pushNum(bld, key, cDouble(v) === undefined ? undefined : f64ToBytes(v), OSSL_PARAM_REAL);
}

/**
 * OSSL_PARAM_BLD_push_utf8_string(bld, key, buf, bsize): `buf` is a char buffer or a
 * JavaScript string; `bsize` 0 means strlen(buf). The bytes are read when to_param runs.
 */
export function OSSL_PARAM_BLD_push_utf8_string(bld: OSSL_PARAM_BLD | null, key: string | null,
  buf: Uint8Array | string | null, bsize: number): number {
  if (!checkArgs(bld, key) || buf === null) {
    if (bld !== null && key !== null) raise('CRYPTO', 'PASSED_NULL_PARAMETER');
    return 0;
  }
  const bytes = typeof buf === 'string' ? utf8Bytes(buf) : buf;
  const stated = cSizeT(bsize);
  if (stated === undefined) return refuse(CRYPTO);
  let size = stated;
  if (size === 0) size = cStrlen(bytes);
  if (size > INT_MAX) {
    raise('CRYPTO', 'STRING_TOO_LONG');
    return 0;
  }
  if (size > bytes.length) return refuse(CRYPTO); // C would read past the buffer
  bld.defs.push({ key: key as string, type: OSSL_PARAM_UTF8_STRING, size, string: bytes });
  return 1;
}

/** OSSL_PARAM_BLD_push_octet_string(bld, key, buf, bsize). */
export function OSSL_PARAM_BLD_push_octet_string(bld: OSSL_PARAM_BLD | null, key: string | null,
  buf: Uint8Array | null, bsize: number): number {
  if (!checkArgs(bld, key) || buf === null) {
    if (bld !== null && key !== null) raise('CRYPTO', 'PASSED_NULL_PARAMETER');
    return 0;
  }
  if (cSizeT(bsize) === undefined) return refuse(CRYPTO);
  if (bsize > INT_MAX) {
    raise('CRYPTO', 'STRING_TOO_LONG');
    return 0;
  }
  if (bsize > buf.length) return refuse(CRYPTO); // C would read past the buffer
  bld.defs.push({ key: key as string, type: OSSL_PARAM_OCTET_STRING, size: bsize, string: buf });
  return 1;
}

/** OSSL_PARAM_BLD_push_utf8_ptr(bld, key, buf, bsize): the parameter points at `buf`. */
export function OSSL_PARAM_BLD_push_utf8_ptr(bld: OSSL_PARAM_BLD | null, key: string | null, buf: string | null,
  bsize: number): number {
  if (!checkArgs(bld, key)) return 0;
  let size = bsize;
  if (size === 0) {
    if (buf === null) return refuseNull(CRYPTO); // strlen(NULL) in C
    size = cStrlen(utf8Bytes(buf));
  }
  if (size > INT_MAX) {
    raise('CRYPTO', 'STRING_TOO_LONG');
    return 0;
  }
  bld.defs.push({ key: key as string, type: OSSL_PARAM_UTF8_PTR, size, ptr: buf });
  return 1;
}

/** OSSL_PARAM_BLD_push_octet_ptr(bld, key, buf, bsize). */
export function OSSL_PARAM_BLD_push_octet_ptr(bld: OSSL_PARAM_BLD | null, key: string | null, buf: Uint8Array | null,
  bsize: number): number {
  if (!checkArgs(bld, key)) return 0;
  if (bsize > INT_MAX) {
    raise('CRYPTO', 'STRING_TOO_LONG');
    return 0;
  }
  bld.defs.push({ key: key as string, type: OSSL_PARAM_OCTET_PTR, size: bsize, ptr: buf });
  return 1;
}

/**
 * OSSL_PARAM_BLD_to_param(bld): the array (terminated), each value copied into storage the
 * array owns (a UTF-8 string gets a NUL after its `data_size` bytes); return_size is
 * OSSL_PARAM_UNMODIFIED. The builder is emptied for reuse. Free it with OSSL_PARAM_free.
 */
export function OSSL_PARAM_BLD_to_param(bld: OSSL_PARAM_BLD | null): OSSL_PARAM[] | null {
  if (bld === null) {
    raise('CRYPTO', 'PASSED_NULL_PARAMETER');
    return null;
  }
  const params: OSSL_PARAM[] = bld.defs.map((d): OSSL_PARAM => {
    let value: Uint8Array | string | null;
    if (d.type === OSSL_PARAM_UTF8_PTR || d.type === OSSL_PARAM_OCTET_PTR) {
      value = d.ptr ?? null;
    } else if (d.type === OSSL_PARAM_UTF8_STRING || d.type === OSSL_PARAM_OCTET_STRING) {
      const storage = new Uint8Array(d.size + (d.type === OSSL_PARAM_UTF8_STRING ? 1 : 0));
      storage.set((d.string as Uint8Array).subarray(0, d.size));
      value = storage;
    } else {
      value = Uint8Array.from(d.num as Uint8Array);
    }
    return { key: d.key, data_type: d.type, data: { value }, data_size: d.size, return_size: OSSL_PARAM_UNMODIFIED };
  });
  params.push(OSSL_PARAM_construct_end());
  bld.defs = [];
  return params;
}

/** OSSL_PARAM_free(params): releases an array from OSSL_PARAM_BLD_to_param (or OSSL_PARAM_dup),
 * clearing the values it owns. */
export function OSSL_PARAM_free(params: OSSL_PARAM[] | null): void {
  if (params === null) return;
  for (const p of params) {
    if (p.key === null) break;
    const v = p.data?.value;
    if (v instanceof Uint8Array && p.data_type !== OSSL_PARAM_OCTET_PTR) v.fill(0);
  }
}
