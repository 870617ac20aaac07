/**
 * The entropy pool both OpenSSL state machines fill from the operating system (3.x
 * crypto/rand/rand_pool.c ossl_rand_pool_new / ossl_rand_pool_bytes_needed, 1.1.1
 * crypto/rand/rand_lib.c rand_pool_new / rand_pool_bytes_needed): it decides how many bytes a
 * request for `entropy` bits takes and refuses, with RAND_R_RANDOM_POOL_OVERFLOW, one that does
 * not fit; the bytes themselves come from the kernel (../platform/os-entropy.ts).
 */
import { raise } from '../err/queue.js';
import { kernelRandom } from '../platform/os-entropy.js';

/** RAND_DRBG_STRENGTH (3.x rand.h, 1.1.1 rand_drbg.h): the default security strength in bits,
 * which RAND_poll sizes its pool by (and randfile.c uses as a byte count). */
export const RAND_DRBG_STRENGTH = 256;

/** RAND_POOL_MAX_LENGTH = 256 * 3 * (256 / 16): the largest pool OpenSSL fills. */
export const RAND_POOL_MAX_LENGTH = 12288;

/** A source of seed material: returns at least `minLen` and at most `maxLen` bytes carrying
 * `entropy` bits, or null (after raising an error) when it cannot. */
export type EntropyPoll = (entropy: number, minLen: number, maxLen: number) => Uint8Array | null;

/**
 * OS entropy with OpenSSL's pool sizing (ossl_rand_pool_new + ossl_rand_pool_bytes_needed):
 * ceil(entropy / 8) bytes, raised to min_len, refused (RAND_R_RANDOM_POOL_OVERFLOW) when over
 * max_len (itself capped at 12288).
 */
export const osEntropy: EntropyPoll = (entropy, minLen, maxLen) => {
  const cap = Math.min(maxLen, RAND_POOL_MAX_LENGTH);
  const needed = entropy > 0 ? Math.ceil(entropy / 8) : 0;
  if (needed > cap) {
    raise('RAND', 'RANDOM_POOL_OVERFLOW');
    return null;
  }
  const len = Math.max(needed, minLen);
  if (len > cap) {
    raise('RAND', 'RANDOM_POOL_OVERFLOW');
    return null;
  }
  return kernelRandom(new Uint8Array(len));
};
