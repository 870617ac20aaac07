/**
 * randshim's OpenSSL-shaped API. Each personality is importable on its own (package.json
 * exports), and both are available here as namespaces:
 *   randshim/compat/1.1.1   openssl111: RAND, RAND_DRBG, ERR, FIPS_mode (OpenSSL 1.1.1w)
 *   randshim/compat/3       openssl3: RAND over the default chain, EVP_RAND, OSSL_PARAM,
 *                           providers and FIPS mode, ERR (OpenSSL 3.0)
 * They share the engine (provider/) and the error queue; each has its own shared DRBGs.
 */
export * as openssl111 from './openssl111/index.js';
export * as openssl3 from './openssl3/index.js';
