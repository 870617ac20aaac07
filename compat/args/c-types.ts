/**
 * C's scalar argument types for the compat/ personalities: what a JavaScript value means when
 * it stands for a C `int`, `unsigned int`, `size_t`, `long`/`time_t` or `double` parameter.
 *
 * The one rule (docs/bad-input.md): a value C can express arrives as C would see it; a value
 * C cannot express is `undefined` here, and the caller refuses the call (return 0 or NULL with
 * ERR_R_PASSED_INVALID_ARGUMENT, see refuse.ts) before anything else happens.
 *
 * - Integers must be JavaScript integers (not NaN, not 1.5, not '16', not true, not undefined).
 * - `int`: [INT_MIN, INT_MAX]; C has no other int.
 * - `unsigned int`: any integer of [-2^53, 2^53] converted as C converts a wider integer to an
 *   unsigned one (C11 6.3.1.3p2: modulo 2^32, so -1 is UINT_MAX and 2^32 + 5 is 5).
 * - `size_t`: [0, 2^53] exactly (no 32-bit truncation), and negative integers down to -2^53 as
 *   C converts them (`(size_t)-1` is SIZE_MAX): 2^64 + v, which as a double is above every
 *   limit OpenSSL compares a length with.
 * - `long` / `time_t` (LP64: 64 bits): the integers of [-2^53, 2^53].
 * - `double`: any number, NaN and the infinities included (they are doubles in C too).
 */

const INT_MIN = -0x80000000;
const INT_MAX = 0x7fffffff;
const UINT_MAX = 0xffffffff;
const EXACT = 2 ** 53;
const TWO_64 = 2 ** 64;

function integer(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/** C `int`, or undefined. */
export function cInt(v: unknown): number | undefined {
  return integer(v) && v >= INT_MIN && v <= INT_MAX ? v : undefined;
}

/** C `unsigned int`, or undefined. */
export function cUint(v: unknown): number | undefined {
  if (!integer(v) || v < -EXACT || v > EXACT) return undefined;
  const m = v % (UINT_MAX + 1);
  return m < 0 ? m + UINT_MAX + 1 : m;
}

/** C `size_t`, or undefined. Values above 2^53 only come from negative arguments. */
export function cSizeT(v: unknown): number | undefined {
  if (!integer(v) || v < -EXACT || v > EXACT) return undefined;
  return v < 0 ? TWO_64 + v : v;
}

/** C `long` or `time_t` (64-bit), or undefined. */
export function cLong(v: unknown): number | undefined {
  return integer(v) && v >= -EXACT && v <= EXACT ? v : undefined;
}

/** C `double`, or undefined for a value that is not a number. */
export function cDouble(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/** A C pointer to bytes: a Uint8Array, or null for NULL; undefined for anything else. */
export function cPointer(v: unknown): Uint8Array | null | undefined {
  return v === null || v instanceof Uint8Array ? v : undefined;
}

/** A C string (`const char *`): a JavaScript string, or null for NULL; undefined otherwise. */
export function cString(v: unknown): string | null | undefined {
  return v === null || typeof v === 'string' ? v : undefined;
}
