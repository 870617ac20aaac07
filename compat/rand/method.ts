/**
 * RAND_METHOD (include/openssl/rand.h), the pluggable RAND implementation both personalities
 * keep (deprecated in 3.0 but still honoured by every RAND_* call), and what RAND_poll does
 * with a method other than the default (crypto/rand/rand_lib.c, identical in 1.1.1w and 3.0).
 *
 * @see RAND_set_rand_method(3)
 */
import { osEntropy, RAND_POOL_MAX_LENGTH } from '../../provider/rand-pool/os-pool.js';
import { RAND_DRBG_STRENGTH } from './randfile.js';

/**
 * `RAND_METHOD`: seed, bytes, cleanup, add, pseudorand, status; a null member is a NULL
 * function pointer.
 *
 * @see RAND_set_rand_method(3)
 */
export interface RAND_METHOD {
  seed: ((buf: Uint8Array | null, num: number) => number) | null;
  bytes: ((buf: Uint8Array, num: number) => number) | null;
  cleanup: (() => void) | null;
  add: ((buf: Uint8Array | null, num: number, randomness: number) => number) | null;
  pseudorand: ((buf: Uint8Array, num: number) => number) | null;
  status: (() => number) | null;
}

/**
 * RAND_poll's branch for a method that is not RAND_OpenSSL(): a pool of RAND_DRBG_STRENGTH bits
 * (32 bytes) from the OS handed to the method's add() with randomness 32.0. Returns 1, or 0 if
 * the OS fails or the method has no add() or its add() returns 0.
 */
export function pollIntoMethod(meth: RAND_METHOD): number {
  const pool = osEntropy(RAND_DRBG_STRENGTH, (RAND_DRBG_STRENGTH + 7) / 8, RAND_POOL_MAX_LENGTH);
  if (pool === null) return 0;
  const ok = meth.add !== null && meth.add(pool, pool.length, (pool.length * 8) / 8.0) !== 0;
  pool.fill(0);
  return ok ? 1 : 0;
}
