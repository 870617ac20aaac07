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

/** The DRBG operations RAND_OpenSSL()'s members call: 1.1.1's shared DRBGs or 3.x's default chain. */
export interface DrbgMethodTarget {
  seed(buf: Uint8Array | null, num: number): number;
  bytes(buf: Uint8Array, num: number): number;
  add(buf: Uint8Array | null, num: number, randomness: number): number;
  status(): number;
}

/** Where a personality keeps the method RAND_set_rand_method installed (null: the default). */
export interface MethodSlot {
  method: RAND_METHOD | null;
}

/** RAND_OpenSSL, RAND_set_rand_method and RAND_get_rand_method over one personality's state. */
export interface RandMethodCalls {
  RAND_OpenSSL(): RAND_METHOD;
  RAND_set_rand_method(meth: RAND_METHOD | null): number;
  RAND_get_rand_method(): RAND_METHOD;
}

/**
 * The three RAND_METHOD calls of a personality. Its default method is the DRBG method, the same
 * table in 1.1.1's drbg_lib.c and 3.0's crypto/rand/rand_meth.c: seed = drbg_seed, bytes =
 * drbg_bytes, cleanup = NULL, add = drbg_add, pseudorand = drbg_bytes, status = drbg_status,
 * each reaching the personality's current DRBGs through `target` (read on every call, so a
 * state reset is seen). RAND_set_rand_method returns 1; RAND_get_rand_method falls back to the
 * default when no method is set.
 */
export function randMethodCalls(slot: () => MethodSlot, target: () => DrbgMethodTarget): RandMethodCalls {
  const drbgMethod: RAND_METHOD = Object.freeze<RAND_METHOD>({
    seed: (buf, num) => target().seed(buf, num),
    bytes: (buf, num) => target().bytes(buf, num),
    cleanup: null,
    add: (buf, num, randomness) => target().add(buf, num, randomness),
    pseudorand: (buf, num) => target().bytes(buf, num),
    status: () => target().status(),
  });
  return {
    RAND_OpenSSL: () => drbgMethod,
    RAND_set_rand_method: (meth) => {
      slot().method = meth;
      return 1;
    },
    RAND_get_rand_method: () => slot().method ?? drbgMethod,
  };
}
