/**
 * randshim's OpenSSL 3 personality: EVP_RAND, OSSL_PARAM and OSSL_PARAM_BLD, providers and
 * default properties (FIPS mode), the RAND front end over the default chain (RAND_bytes,
 * RAND_get0_primary, RAND_set_DRBG_type, RAND_load_file, RAND_METHOD) and ERR, with the names,
 * argument order, return codes and semantics of OpenSSL 3.0.
 *
 *   import { RAND_bytes, EVP_RAND_fetch, OSSL_PARAM_construct_utf8_string } from 'randshim/compat/3';
 */
export * from './core_names.js';
export * from './err.js';
export * from './params.js';
export * from './param_build.js';
export * from './provider.js';
export * from './evp_rand.js';
export * from './rand.js';
export { OSSL_PROV_RANDOM_PRIVATE, OSSL_PROV_RANDOM_PUBLIC, RAND_set0_private, RAND_set0_public, RAND_set1_random_provider } from './rand-provider.js';
export * from './rand-config.js';
export * from './randfile.js';
export { RAND_OpenSSL, RAND_set_rand_method, RAND_get_rand_method, type RAND_METHOD } from './rand-method.js';
export { RANDSHIM_3_reset, type ChainPins } from './state.js';
export * from './clone.js';
