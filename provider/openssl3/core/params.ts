/**
 * OSSL_PARAM, the parameter-passing structure of OpenSSL 3's core and provider interface
 * (include/openssl/core.h, crypto/params.c), and the RAND parameters' types.
 */
export * from './param-memory.js';
export * from './ossl-param.js';
export * from './rand-params.js';
