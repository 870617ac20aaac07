/**
 * randshim's OpenSSL-shaped API. Each personality is importable on its own:
 *   randshim/compat/1.1.1   RAND, RAND_DRBG (OpenSSL 1.1.1w)
 *   randshim/compat/3       EVP_RAND, OSSL_PARAM (OpenSSL 3.0)
 * and both are available here as namespaces.
 */
export * as openssl111 from './openssl111/index.js';
export * as openssl3 from './openssl3/index.js';
