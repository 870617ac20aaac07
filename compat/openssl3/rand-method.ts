/**
 * RAND_METHOD in OpenSSL 3.0 (RAND_set_rand_method(3), deprecated since 3.0 but honoured by
 * every RAND_* call): RAND_OpenSSL() is crypto/rand/rand_meth.c's ossl_rand_meth over the
 * default chain (seed = drbg_seed, bytes = drbg_bytes, cleanup = NULL, add = drbg_add,
 * pseudorand = drbg_bytes, status = drbg_status). Engines are not modelled: with no method
 * set, RAND_get_rand_method() is RAND_OpenSSL().
 */
import type { RAND_METHOD } from '../rand/method.js';
import { state3 } from './state.js';

export type { RAND_METHOD };

/** ossl_rand_meth. drbg_add returns 0 when num <= 0 (after creating the primary), else
 * EVP_RAND_reseed(primary, 0, NULL, 0, buf, num), ignoring randomness; drbg_seed is
 * drbg_add(buf, num, num); drbg_bytes is EVP_RAND_generate on the public DRBG; drbg_status
 * is 1 iff the primary is READY. */
const DRBG_METHOD: RAND_METHOD = Object.freeze<RAND_METHOD>({
  seed: (buf, num) => state3().chain.seed(buf, num),
  bytes: (buf, num) => state3().chain.bytes(buf, num),
  cleanup: null,
  add: (buf, num, randomness) => state3().chain.add(buf, num, randomness),
  pseudorand: (buf, num) => state3().chain.bytes(buf, num),
  status: () => state3().chain.status(),
});

/**
 * RAND_OpenSSL(): the default method, over the default chain.
 *
 * @see RAND_set_rand_method(3)
 */
export function RAND_OpenSSL(): RAND_METHOD {
  return DRBG_METHOD;
}

/**
 * RAND_set_rand_method(meth): installs `meth` for every RAND_* call of this personality; NULL
 * restores the default. Returns 1.
 *
 * @see RAND_set_rand_method(3)
 */
export function RAND_set_rand_method(meth: RAND_METHOD | null): number {
  state3().method = meth;
  return 1;
}

/**
 * RAND_get_rand_method(): the installed method, RAND_OpenSSL() when none is.
 *
 * @see RAND_set_rand_method(3)
 */
export function RAND_get_rand_method(): RAND_METHOD {
  return state3().method ?? DRBG_METHOD;
}
