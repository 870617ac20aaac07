/**
 * randshim's OpenSSL 1.1.1 personality: RAND, RAND_DRBG, ERR and FIPS_mode functions with the
 * names, argument order, return codes and semantics of OpenSSL 1.1.1w.
 *
 *   import { openssl111 } from 'randshim/compat';
 *   const { RAND_DRBG_new, RAND_DRBG_instantiate, NID_aes_256_ctr } = openssl111;
 */
export * from './constants.js';
export * from './err.js';
export * from './rand_drbg.js';
export * from './rand.js';
export * from './fips.js';
export { RAND_OpenSSL, RAND_set_rand_method, RAND_get_rand_method, type RAND_METHOD } from './rand-method.js';
export { RANDSHIM_111_reset, type CRYPTO_EX_free, type CRYPTO_EX_new, type CRYPTO_EX_dup } from './state.js';
export * from './clone.js';
