/**
 * RAND_METHOD (RAND_set_rand_method(3)): the pluggable RAND implementation. RAND_OpenSSL() is
 * the DRBG method of drbg_lib.c (rand_meth) over the shared DRBGs: seed = drbg_seed, bytes =
 * drbg_bytes, cleanup = NULL, add = drbg_add, pseudorand = drbg_bytes, status = drbg_status.
 */
import { randMethodCalls, type RAND_METHOD } from '../rand/method.js';
import { state111 } from './state.js';

export type { RAND_METHOD };

const calls = randMethodCalls(() => state111(), () => state111().shared);

/**
 * RAND_OpenSSL(): the default DRBG-based method.
 *
 * @see RAND_set_rand_method(3)
 */
export const RAND_OpenSSL: () => RAND_METHOD = calls.RAND_OpenSSL;

/**
 * RAND_set_rand_method(meth): NULL restores the default. Returns 1.
 *
 * @see RAND_set_rand_method(3)
 */
export const RAND_set_rand_method: (meth: RAND_METHOD | null) => number = calls.RAND_set_rand_method;

/**
 * RAND_get_rand_method(): the installed method, RAND_OpenSSL() by default.
 *
 * @see RAND_set_rand_method(3)
 */
export const RAND_get_rand_method: () => RAND_METHOD = calls.RAND_get_rand_method;
