/**
 * crypto/params.c's numeric conversions, written once over a table of the four fixed-width C
 * integers its typed functions come down to (OSSL_PARAM_get_int32 / _uint32 / _int64 / _uint64
 * and the set_ twins; int, long, size_t and time_t are those on LP64, see ./ossl-param.ts):
 *
 * - a parameter of 4 or 8 bytes is read or written with a cast when the value fits the other
 *   side's width and signedness; any other size goes through the byte-wise general path
 *   (copy_integer, general_get_int / general_set_uint and friends);
 * - a REAL parameter (8 bytes) converts to an integer when it holds one in range, and takes an
 *   integer when its magnitude is below 2^53 (real_shift());
 * - the setters record `return_size` as each params.c function does, per line
 *   (./param-errors.ts), and raise the reason on lines that raise it.
 */
import {
  loadBytes, loadDouble, loadInt, OSSL_PARAM_INTEGER, OSSL_PARAM_REAL, OSSL_PARAM_UNSIGNED_INTEGER, storeBytes,
  storeDouble, storeInt, intToBytes, bytesToInt, type OSSL_PARAM,
} from './param-memory.js';
import { failWith, nullDataRefused, raising, sizeAfterFailure, zeroWith, type ParamReason } from './param-errors.js';
import { raise } from '../../err/queue.js';

/** One fixed-width C integer and what the params.c functions for it do differently. */
export interface CInteger {
  readonly bytes: 4 | 8;
  readonly signed: boolean;
  readonly min: bigint;
  readonly max: bigint;
  /** The smallest double in range and the first one above it (exact powers of two: params.c's
   * `(double)(INT64_MAX - 65535) + 65536.0` is 2^63). */
  readonly lowestDouble: number;
  readonly doubleLimit: number;
  /** The getter's reason for a REAL that is not an integer in range (get_int32: out of range). */
  readonly realRefusal: ParamReason;
  /** The setter records its expected size before the NULL-data check on every line, so a failed
   * write leaves it there: into an integer (the 32-bit setters' "Minimum expected size"), into
   * a REAL (set_int32 only). */
  readonly sizeRecordedFirst: { readonly integer: boolean; readonly real: boolean };
  /** The setter into a REAL answers a NULL-data size query (set_uint64 does not: it writes
   * through NULL, see setReal). */
  readonly realSizeQuery: boolean;
}

type FunctionRules = Pick<CInteger, 'realRefusal' | 'sizeRecordedFirst' | 'realSizeQuery'>;

function cInteger(bytes: 4 | 8, signed: boolean, rules: FunctionRules): CInteger {
  const bits = BigInt(8 * bytes);
  const min = signed ? -(2n ** (bits - 1n)) : 0n;
  const max = signed ? 2n ** (bits - 1n) - 1n : 2n ** bits - 1n;
  return { bytes, signed, min, max, lowestDouble: Number(min), doubleLimit: Number(max + 1n), ...rules };
}

const OUT_OF_RANGE: ParamReason = 'PARAM_VALUE_TOO_LARGE_FOR_DESTINATION';
const INEXACT: ParamReason = 'PARAM_CANNOT_BE_REPRESENTED_EXACTLY';

export const INT32 = cInteger(4, true, { realRefusal: OUT_OF_RANGE,
  sizeRecordedFirst: { integer: true, real: true }, realSizeQuery: true });
export const UINT32 = cInteger(4, false, { realRefusal: INEXACT,
  sizeRecordedFirst: { integer: true, real: false }, realSizeQuery: true });
export const INT64 = cInteger(8, true, { realRefusal: INEXACT,
  sizeRecordedFirst: { integer: false, real: false }, realSizeQuery: true });
export const UINT64 = cInteger(8, false, { realRefusal: INEXACT,
  sizeRecordedFirst: { integer: false, real: false }, realSizeQuery: false });

/** The fixed-width type a 4- or 8-byte integer parameter is cast to; undefined for the sizes
 * the general path handles. */
function fixedWidth(size: number, signed: boolean): CInteger | undefined {
  if (size === 4) return signed ? INT32 : UINT32;
  if (size === 8) return signed ? INT64 : UINT64;
  return undefined;
}

const fits = (v: bigint, t: CInteger): boolean => v >= t.min && v <= t.max;

/**
 * `d == (type)d` within the type's range: an integral double `t` holds exactly. Also what
 * set_double's `val == (double)(uint64_t)val` comes to on x86-64: the cast truncates toward zero
 * when the value fits; otherwise it is undefined in C and gcc's code yields values that never
 * compare equal to a non-integral or out-of-range `val` (negative integers wrap, then compare
 * unequal too).
 */
const integralIn = (d: number, t: CInteger): boolean => Number.isInteger(d) && d >= t.lowestDouble && d < t.doubleLimit;

/** real_shift(): bits in a double's mantissa. */
const REAL_SHIFT = 53n;

/** `(u64 = val < 0 ? -val : val) >> real_shift() == 0`: a double holds the integer exactly.
 * INT64_MIN negates to itself in C; as a uint64 its bit 63 is set, so it is refused too. */
export const exactInDouble = (v: bigint): boolean => ((v < 0n ? BigInt.asUintN(64, -v) : v) >> REAL_SHIFT) === 0n;

/** Whether `p` is an integer parameter, and of which signedness (undefined: not an integer). */
export function integerSignedness(p: OSSL_PARAM): boolean | undefined {
  if (p.data_type === OSSL_PARAM_INTEGER) return true;
  return p.data_type === OSSL_PARAM_UNSIGNED_INTEGER ? false : undefined;
}

// ---- the general (any size) integer path ----

/**
 * copy_integer (little-endian branch) with the signed/unsigned wrappers around it
 * (signed_from_signed, unsigned_from_signed, ...): `src` as a `destLen`-byte integer, or null
 * when it does not fit (3.2+: err_out_of_range, or err_unsigned_negative).
 */
function convertInteger(destLen: number, src: Uint8Array, srcSigned: boolean, destSigned: boolean): Uint8Array | null {
  const negative = srcSigned && src.length > 0 && (src[src.length - 1] & 0x80) !== 0;
  if (negative && !destSigned) return failWith('PARAM_UNSIGNED_INTEGER_NEGATIVE_VALUE_UNSUPPORTED');
  const pad = negative ? 0xff : 0;
  const dest = new Uint8Array(destLen);
  if (src.length < destLen) {
    dest.set(src);
    dest.fill(pad, src.length);
    return dest;
  }
  for (let i = destLen; i < src.length; i++) if (src[i] !== pad) return failWith(OUT_OF_RANGE);
  if (destSigned && (destLen === 0 || ((pad ^ src[destLen - 1]) & 0x80) !== 0)) {
    return failWith(OUT_OF_RANGE);
  }
  dest.set(src.subarray(0, destLen));
  return dest;
}

/** general_get_int / general_get_uint: the parameter's value as `target`, or null. */
function generalGet(p: OSSL_PARAM, srcSigned: boolean, target: CInteger): bigint | null {
  const r = convertInteger(target.bytes, loadBytes(p, p.data_size), srcSigned, target.signed);
  return r === null ? null : bytesToInt(r, target.signed);
}

/** general_set_int / general_set_uint: writes `val` (of type `src`) into any size. */
function generalSet(p: OSSL_PARAM, val: bigint, src: CInteger, destSigned: boolean): number {
  const r = convertInteger(p.data_size, intToBytes(val, src.bytes), src.signed, destSigned);
  if (r !== null) storeBytes(p, r);
  p.return_size = r !== null ? p.data_size : src.bytes;
  return r !== null ? 1 : 0;
}

// ---- OSSL_PARAM_get_{int32,uint32,int64,uint64} ----

/** The value of `p` as `target`, or null (3.2+: after raising why). */
export function getInteger(p: OSSL_PARAM | null, target: CInteger): bigint | null {
  if (p === null) return failWith('PASSED_NULL_PARAMETER');
  if (nullDataRefused(p)) return null;
  const srcSigned = integerSignedness(p);
  if (srcSigned !== undefined) {
    const src = fixedWidth(p.data_size, srcSigned);
    if (src === undefined) return generalGet(p, srcSigned, target);
    const v = loadInt(p, src.bytes, srcSigned);
    if (fits(v, target)) return v;
    return failWith(v < 0n && !target.signed ? 'PARAM_UNSIGNED_INTEGER_NEGATIVE_VALUE_UNSUPPORTED' : OUT_OF_RANGE);
  }
  if (p.data_type === OSSL_PARAM_REAL) {
    if (p.data_size !== 8) return failWith('PARAM_UNSUPPORTED_FLOATING_POINT_FORMAT');
    const d = loadDouble(p);
    return integralIn(d, target) ? BigInt(d) : failWith(target.realRefusal);
  }
  return failWith('PARAM_OF_INCOMPATIBLE_TYPE');
}

// ---- OSSL_PARAM_set_{int32,uint32,int64,uint64} ----

/** Writes `val` (already of type `src`, as C's argument is) into `p`. */
export function setInteger(p: OSSL_PARAM | null, val: bigint, src: CInteger): number {
  if (p === null) return zeroWith('PASSED_NULL_PARAMETER');
  p.return_size = 0;
  const destSigned = integerSignedness(p);
  // A negative value into an UNSIGNED_INTEGER falls through to err_bad_type.
  if (destSigned === true || (destSigned === false && val >= 0n)) return setIntoInteger(p, val, src, destSigned);
  if (p.data_type === OSSL_PARAM_REAL) {
    const rules = { sizeRecordedFirst: src.sizeRecordedFirst.real, sizeQuery: src.realSizeQuery };
    return setReal(p, Number(val), exactInDouble(val), rules);
  }
  return zeroWith('PARAM_OF_INCOMPATIBLE_TYPE');
}

function setIntoInteger(p: OSSL_PARAM, val: bigint, src: CInteger, destSigned: boolean): number {
  p.return_size = src.bytes;
  if (p.data === null) return 1;
  const dest = fixedWidth(p.data_size, destSigned);
  if (dest === undefined) return generalSet(p, val, src, destSigned);
  if (fits(val, dest)) {
    p.return_size = dest.bytes;
    storeInt(p, val, dest.bytes);
    return 1;
  }
  sizeAfterFailure(p, src.bytes, src.sizeRecordedFirst.integer);
  return zeroWith(OUT_OF_RANGE);
}

/**
 * Writes the double `d` into a REAL parameter (`exact`: `d` is the value asked for). Without a
 * size query (set_uint64) a NULL `data` is written through in C and crashes; randshim refuses
 * instead (CRYPTO ERR_R_PASSED_NULL_PARAMETER, 0).
 */
interface RealWriteRules {
  readonly sizeRecordedFirst: boolean;
  readonly sizeQuery: boolean;
}

function setReal(p: OSSL_PARAM, d: number, exact: boolean, rules: RealWriteRules): number {
  p.return_size = 8;
  if (p.data === null && rules.sizeQuery) return 1;
  if (p.data_size === 8 && exact) {
    if (p.data === null) {
      raise('CRYPTO', 'PASSED_NULL_PARAMETER');
      return 0;
    }
    storeDouble(p, d);
    return 1;
  }
  sizeAfterFailure(p, 8, rules.sizeRecordedFirst);
  return zeroWith(p.data_size === 8 ? INEXACT : 'PARAM_UNSUPPORTED_FLOATING_POINT_FORMAT');
}

// ---- OSSL_PARAM_get_double / set_double ----

/** OSSL_PARAM_get_double's value of `p`, or null. */
export function getDouble(p: OSSL_PARAM): number | null {
  if (p.data_type === OSSL_PARAM_REAL) {
    return p.data_size === 8 ? loadDouble(p) : failWith('PARAM_UNSUPPORTED_FLOATING_POINT_FORMAT');
  }
  const signed = integerSignedness(p);
  const src = signed === undefined ? undefined : fixedWidth(p.data_size, signed);
  if (src === undefined) return failWith('PARAM_OF_INCOMPATIBLE_TYPE');
  const v = loadInt(p, src.bytes, src.signed);
  return exactInDouble(v) ? Number(v) : failWith(INEXACT);
}

/**
 * OSSL_PARAM_set_double. 3.0 checks that an integer parameter can hold `val` exactly before
 * anything else and records the expected size before writing; 3.2+ answers a NULL-data size
 * query first, records the size only when it writes and raises why it did not.
 */
export function setDouble(p: OSSL_PARAM, val: number): number {
  p.return_size = 0;
  if (p.data_type === OSSL_PARAM_REAL) return setReal(p, val, true, { sizeRecordedFirst: false, sizeQuery: true });
  const destSigned = integerSignedness(p);
  if (destSigned === undefined) return zeroWith('PARAM_OF_INCOMPATIBLE_TYPE');
  // `val == (double)(int64_t)val` (or uint64_t), see integralIn.
  const exact = integralIn(val, destSigned ? INT64 : UINT64);
  if (!raising() && !exact) return 0;
  p.return_size = 8;
  if (p.data === null) return 1;
  if (!exact) {
    p.return_size = 0;
    return zeroWith(INEXACT);
  }
  const dest = fixedWidth(p.data_size, destSigned);
  if (dest !== undefined && integralIn(val, dest)) {
    p.return_size = dest.bytes;
    storeInt(p, BigInt(val), dest.bytes);
    return 1;
  }
  sizeAfterFailure(p, 8, false);
  return zeroWith(dest === undefined ? 'PARAM_OF_INCOMPATIBLE_TYPE' : OUT_OF_RANGE);
}
