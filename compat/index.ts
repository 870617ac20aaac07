/**
 * randshim's OpenSSL-shaped API. Each personality is importable on its own:
 *   randshim/compat/1.1.1   RAND, RAND_DRBG (OpenSSL 1.1.1w)
 * and both are available here as namespaces.
 */
export * as openssl111 from './openssl111/index.js';
