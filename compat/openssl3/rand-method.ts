/**
 * RAND_METHOD in OpenSSL 3.0 (RAND_set_rand_method(3), deprecated since 3.0 but honoured by
 * every RAND_* call): RAND_OpenSSL() is crypto/rand/rand_meth.c's ossl_rand_meth over the
 * default chain. Its drbg_add returns 0 when num <= 0 (after creating the primary), else
 * EVP_RAND_reseed(primary, 0, NULL, 0, buf, num), ignoring randomness; drbg_seed is
 * drbg_add(buf, num, num); drbg_bytes is EVP_RAND_generate on the public DRBG; drbg_status is
 * 1 iff the primary is READY (all in the chain's methods). Engines are not modelled: with no
 * method set, RAND_get_rand_method() is RAND_OpenSSL().
 */
import { randMethodCalls, type RAND_METHOD } from '../rand/method.js';
import { state3 } from './state.js';

export type { RAND_METHOD };

const calls = randMethodCalls(() => state3(), () => state3().chain);

/**
 * RAND_OpenSSL(): the default method, over the default chain.
 *
 * @see RAND_set_rand_method(3)
 */
export const RAND_OpenSSL: () => RAND_METHOD = calls.RAND_OpenSSL;

/**
 * RAND_set_rand_method(meth): installs `meth` for every RAND_* call of this personality; NULL
 * restores the default. Returns 1.
 *
 * @see RAND_set_rand_method(3)
 */
export const RAND_set_rand_method: (meth: RAND_METHOD | null) => number = calls.RAND_set_rand_method;

/**
 * RAND_get_rand_method(): the installed method, RAND_OpenSSL() when none is.
 *
 * @see RAND_set_rand_method(3)
 */
export const RAND_get_rand_method: () => RAND_METHOD = calls.RAND_get_rand_method;
