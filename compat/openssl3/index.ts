/**
 * randshim's OpenSSL 3 personality: EVP_RAND, OSSL_PARAM and OSSL_PARAM_BLD, providers and
 * default properties (FIPS mode), and ERR, with the names, argument order, return codes and
 * semantics of OpenSSL 3.0.
 *
 *   import { EVP_RAND_fetch, EVP_RAND_CTX_new, OSSL_PARAM_construct_utf8_string } from 'randshim/compat/3';
 */
export * from './core_names.js';
export * from './err.js';
export * from './params.js';
export * from './param_build.js';
export * from './provider.js';
export * from './evp_rand.js';
export { RANDSHIM_3_reset } from './state.js';
