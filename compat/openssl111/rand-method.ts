/**
 * RAND_METHOD (RAND_set_rand_method(3)): the pluggable RAND implementation. RAND_OpenSSL() is
 * the DRBG method: seed = drbg_seed, bytes = drbg_bytes, cleanup = NULL, add = drbg_add,
 * pseudorand = drbg_bytes, status = drbg_status.
 */
import type { RAND_METHOD } from '../rand/method.js';
import { state111 } from './state.js';

export type { RAND_METHOD };

/** The DRBG method (rand_meth in drbg_lib.c). */
const DRBG_METHOD: RAND_METHOD = Object.freeze<RAND_METHOD>({
  seed: (buf, num) => state111().shared.seed(buf, num),
  bytes: (buf, num) => state111().shared.bytes(buf, num),
  cleanup: null,
  add: (buf, num, randomness) => state111().shared.add(buf, num, randomness),
  pseudorand: (buf, num) => state111().shared.bytes(buf, num),
  status: () => state111().shared.status(),
});

/**
 * RAND_OpenSSL(): the default DRBG-based method.
 *
 * @see RAND_set_rand_method(3)
 */
export function RAND_OpenSSL(): RAND_METHOD {
  return DRBG_METHOD;
}

/**
 * RAND_set_rand_method(meth): NULL restores the default. Returns 1.
 *
 * @see RAND_set_rand_method(3)
 */
export function RAND_set_rand_method(meth: RAND_METHOD | null): number {
  state111().method = meth;
  return 1;
}

/**
 * RAND_get_rand_method(): the installed method, RAND_OpenSSL() by default.
 *
 * @see RAND_set_rand_method(3)
 */
export function RAND_get_rand_method(): RAND_METHOD {
  return state111().method ?? DRBG_METHOD;
}
