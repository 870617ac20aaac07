/**
 * enum DRBG_status_e { DRBG_UNINITIALISED, DRBG_READY, DRBG_ERROR }, the same on both lines:
 * 1.1.1w's crypto/rand/rand_local.h and 3.0's providers/implementations/rands/drbg_local.h,
 * which each line's test/drbgtest.c includes (3.0's values are also EVP_RAND_STATE_*).
 */
export const DRBG_READY = 1;
export const DRBG_ERROR = 2;
