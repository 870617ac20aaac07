/**
 * Decoding OpenSSL 1.1.1 packed error codes (`ERR_PACK(lib, func, reason)` =
 * lib << 24 | func << 12 | reason, include/openssl/err.h) into the names randshim reports:
 * the ERR_LIB_* suffix, the RAND_F_* suffix and the RAND_R_* / ERR_R_* suffix
 * (include/openssl/randerr.h and err.h of 1.1.1w). Codes outside these tables are reported as
 * hex ("0x75") so that nothing is lost.
 */
import type { ReportedError } from '../../suites/differential/driver.js';
import type { Libcrypto111 } from './libcrypto.js';

/** ERR_LIB_* (err.h 1.1.1w). */
const LIBS: Readonly<Record<number, string>> = {
  1: 'NONE', 2: 'SYS', 3: 'BN', 4: 'RSA', 5: 'DH', 6: 'EVP', 7: 'BUF', 8: 'OBJ', 9: 'PEM', 10: 'DSA',
  11: 'X509', 13: 'ASN1', 14: 'CONF', 15: 'CRYPTO', 16: 'EC', 20: 'SSL', 32: 'BIO', 33: 'PKCS7',
  34: 'X509V3', 35: 'PKCS12', 36: 'RAND', 37: 'DSO', 38: 'ENGINE', 39: 'OCSP', 40: 'UI', 41: 'COMP',
  42: 'ECDSA', 43: 'ECDH', 44: 'OSSL_STORE', 45: 'FIPS', 46: 'CMS', 47: 'TS', 48: 'HMAC', 50: 'CT',
  51: 'ASYNC', 52: 'KDF', 53: 'SM2', 128: 'USER',
};

const ERR_LIB_RAND = 36;

/** RAND_F_* (randerr.h 1.1.1w). */
const RAND_FUNCS: Readonly<Record<number, string>> = {
  127: 'DATA_COLLECT_METHOD', 101: 'DRBG_BYTES', 105: 'DRBG_GET_ENTROPY', 117: 'DRBG_SETUP',
  106: 'GET_ENTROPY', 100: 'RAND_BYTES', 119: 'RAND_DRBG_ENABLE_LOCKING', 107: 'RAND_DRBG_GENERATE',
  120: 'RAND_DRBG_GET_ENTROPY', 123: 'RAND_DRBG_GET_NONCE', 108: 'RAND_DRBG_INSTANTIATE',
  109: 'RAND_DRBG_NEW', 110: 'RAND_DRBG_RESEED', 102: 'RAND_DRBG_RESTART', 104: 'RAND_DRBG_SET',
  121: 'RAND_DRBG_SET_DEFAULTS', 118: 'RAND_DRBG_UNINSTANTIATE', 111: 'RAND_LOAD_FILE',
  122: 'RAND_POOL_ACQUIRE_ENTROPY', 103: 'RAND_POOL_ADD', 113: 'RAND_POOL_ADD_BEGIN',
  114: 'RAND_POOL_ADD_END', 124: 'RAND_POOL_ATTACH', 115: 'RAND_POOL_BYTES_NEEDED',
  125: 'RAND_POOL_GROW', 116: 'RAND_POOL_NEW', 126: 'RAND_PSEUDO_BYTES', 112: 'RAND_WRITE_FILE',
};

/** RAND_R_* (randerr.h 1.1.1w). */
const RAND_REASONS: Readonly<Record<number, string>> = {
  102: 'ADDITIONAL_INPUT_TOO_LONG', 103: 'ALREADY_INSTANTIATED', 105: 'ARGUMENT_OUT_OF_RANGE',
  121: 'CANNOT_OPEN_FILE', 129: 'DRBG_ALREADY_INITIALIZED', 104: 'DRBG_NOT_INITIALISED',
  106: 'ENTROPY_INPUT_TOO_LONG', 124: 'ENTROPY_OUT_OF_RANGE', 127: 'ERROR_ENTROPY_POOL_WAS_IGNORED',
  107: 'ERROR_INITIALISING_DRBG', 108: 'ERROR_INSTANTIATING_DRBG', 109: 'ERROR_RETRIEVING_ADDITIONAL_INPUT',
  110: 'ERROR_RETRIEVING_ENTROPY', 111: 'ERROR_RETRIEVING_NONCE', 126: 'FAILED_TO_CREATE_LOCK',
  101: 'FUNC_NOT_IMPLEMENTED', 123: 'FWRITE_ERROR', 112: 'GENERATE_ERROR', 113: 'INTERNAL_ERROR',
  114: 'IN_ERROR_STATE', 122: 'NOT_A_REGULAR_FILE', 115: 'NOT_INSTANTIATED',
  128: 'NO_DRBG_IMPLEMENTATION_SELECTED', 130: 'PARENT_LOCKING_NOT_ENABLED', 131: 'PARENT_STRENGTH_TOO_WEAK',
  116: 'PERSONALISATION_STRING_TOO_LONG', 133: 'PREDICTION_RESISTANCE_NOT_SUPPORTED', 100: 'PRNG_NOT_SEEDED',
  125: 'RANDOM_POOL_OVERFLOW', 134: 'RANDOM_POOL_UNDERFLOW', 117: 'REQUEST_TOO_LARGE_FOR_DRBG',
  118: 'RESEED_ERROR', 119: 'SELFTEST_FAILURE', 135: 'TOO_LITTLE_NONCE_REQUESTED',
  136: 'TOO_MUCH_NONCE_REQUESTED', 132: 'UNSUPPORTED_DRBG_FLAGS', 120: 'UNSUPPORTED_DRBG_TYPE',
};

/** ERR_R_* reasons shared by every library (err.h 1.1.1w); ERR_R_FATAL = 64 is part of the code.
 * 7 is both ERR_R_BUF_LIB and ERR_R_PASSED_INVALID_ARGUMENT there; err.c's string table lists
 * BUF_LIB first, so that is the name used. */
const COMMON_REASONS: Readonly<Record<number, string>> = {
  2: 'SYS_LIB', 3: 'BN_LIB', 4: 'RSA_LIB', 5: 'DH_LIB', 6: 'EVP_LIB', 7: 'BUF_LIB', 8: 'OBJ_LIB',
  9: 'PEM_LIB', 10: 'DSA_LIB', 11: 'X509_LIB', 13: 'ASN1_LIB', 16: 'EC_LIB', 32: 'BIO_LIB',
  33: 'PKCS7_LIB', 34: 'X509V3_LIB', 38: 'ENGINE_LIB', 40: 'UI_LIB', 42: 'ECDSA_LIB',
  44: 'OSSL_STORE_LIB', 58: 'NESTED_ASN1_ERROR', 63: 'MISSING_ASN1_EOS', 65: 'MALLOC_FAILURE',
  66: 'SHOULD_NOT_HAVE_BEEN_CALLED', 67: 'PASSED_NULL_PARAMETER', 68: 'INTERNAL_ERROR', 69: 'DISABLED',
  70: 'INIT_FAIL', 72: 'OPERATION_FAIL',
};

const hex = (n: number): string => `0x${n.toString(16)}`;

/** Names the packed code `code` (ERR_GET_LIB / ERR_GET_FUNC / ERR_GET_REASON of 1.1.1). */
export function decodeError111(code: number): ReportedError {
  const lib = Math.floor(code / 2 ** 24) & 0xff;
  const func = Math.floor(code / 2 ** 12) & 0xfff;
  const reason = code & 0xfff;
  const isRand = lib === ERR_LIB_RAND;
  return {
    lib: LIBS[lib] ?? hex(lib),
    func: (isRand ? RAND_FUNCS[func] : undefined) ?? hex(func),
    reason: (isRand ? RAND_REASONS[reason] : undefined) ?? COMMON_REASONS[reason] ?? hex(reason),
  };
}

/** Empties the calling thread's error queue (ERR_get_error until 0), oldest first. */
export function drainErrors111(lib: Libcrypto111): ReportedError[] {
  const out: ReportedError[] = [];
  for (let code = lib.ERR_get_error(); code !== 0; code = lib.ERR_get_error()) {
    out.push(decodeError111(Number(code)));
  }
  return out;
}
