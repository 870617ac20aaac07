/**
 * Peer libraries' conventions over randshim's SP 800-90A mechanisms: the same entropy stream
 * gives the same bytes as Mbed TLS's CTR_DRBG and HMAC_DRBG and wolfSSL's Hash_DRBG. Each
 * module's header lists where the library's conventions differ from OpenSSL's and SP 800-90A.
 */
export type { EntropySource } from './entropy-source.js';
export { MBEDTLS_CTR_DRBG, MBEDTLS_ERR_CTR_DRBG, MbedtlsCtrDrbg, type MbedtlsLineConvention } from './mbedtls-ctr.js';
export {
  MBEDTLS_ERR_HMAC_DRBG, MBEDTLS_HMAC_DIGESTS, MBEDTLS_HMAC_DRBG, MbedtlsHmacDrbg, type MbedtlsDigest,
} from './mbedtls-hmac.js';
export {
  WOLFSSL_DRBG, WOLFSSL_RESULT, WolfsslHashDrbg, wolfsslHealthTest,
  type HealthTestInput, type HealthTestResult,
} from './wolfssl-hash.js';
