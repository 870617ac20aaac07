/**
 * How crypto/params.c fails, per OpenSSL line. From 3.2 on (the 3.5 and later lines here:
 * provider/openssl3/lines.ts paramErrorsRaised) every failed conversion raises its reason with
 * the err_* shortcuts at the top of params.c (err_out_of_range, err_inexact, err_bad_type, ...),
 * every getter refuses NULL data, and the 64-bit setters record `return_size` only when they
 * write; 3.0 fails silently and records the expected size before it tries.
 */
import { raise } from '../../err/queue.js';
import { lineBehaviour } from '../lines.js';
import type { OSSL_PARAM } from './param-memory.js';

/** The reasons crypto/params.c raises from 3.2 on (its err_* shortcuts). */
export type ParamReason =
  | 'PARAM_VALUE_TOO_LARGE_FOR_DESTINATION' | 'PARAM_UNSIGNED_INTEGER_NEGATIVE_VALUE_UNSUPPORTED'
  | 'PARAM_CANNOT_BE_REPRESENTED_EXACTLY' | 'PARAM_NOT_INTEGER_TYPE' | 'TOO_SMALL_BUFFER' | 'PARAM_OF_INCOMPATIBLE_TYPE'
  | 'PASSED_NULL_PARAMETER' | 'PARAM_UNSUPPORTED_FLOATING_POINT_FORMAT' | 'NO_SPACE_FOR_TERMINATING_NULL';

/** Whether the running call's line has 3.2's crypto/params.c (provider/openssl3/lines.ts). */
export const raising = (): boolean => lineBehaviour().paramErrorsRaised;

/** A failed conversion: ERR_raise(ERR_LIB_CRYPTO, reason) on lines that raise it (3.0 fails
 * silently); null, the getters' "no value". */
export function failWith(reason: ParamReason): null {
  if (raising()) raise('CRYPTO', reason);
  return null;
}

/** The same for a function returning C's 0. */
export function zeroWith(reason: ParamReason): 0 {
  failWith(reason);
  return 0;
}

/** A buffer shorter than the length given with it (C would overrun it): 0, after CRYPTO
 * ERR_R_PASSED_INVALID_ARGUMENT on every line. */
export function invalidArgument(): 0 {
  raise('CRYPTO', 'PASSED_INVALID_ARGUMENT');
  return 0;
}

/** 3.2's `if (p->data == NULL) { err_null_argument; return 0; }` at the top of every getter:
 * true when the getter stops there. 3.0 has no such check (and reads through NULL). */
export function nullDataRefused(p: OSSL_PARAM): boolean {
  if (!raising() || p.data !== null) return false;
  raise('CRYPTO', 'PASSED_NULL_PARAMETER');
  return true;
}

/**
 * What a fixed-size setter leaves in `return_size` when it fails after the NULL-data size
 * query: `expected` where it recorded that size before trying (every 3.0 setter; on every line
 * the branches marked `sizeRecordedFirst` in ./param-numbers.ts), 0 where 3.2+ records it only
 * when it writes.
 */
export function sizeAfterFailure(p: OSSL_PARAM, expected: number, recordedFirst: boolean): void {
  p.return_size = recordedFirst || !raising() ? expected : 0;
}
