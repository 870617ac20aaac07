/**
 * OpenSSL 3.0's error libraries and reason codes, by macro suffix, for naming what the error
 * queue of a real libcrypto holds the way provider/err/queue.ts names randshim's reasons.
 *
 * ERR_LIBS and COMMON_REASONS hold every ERR_LIB_* and ERR_R_* of include/openssl/err.h.in
 * (3.0.20), ERR_R_* evaluated with ERR_RFLAG_FATAL = 1 << 18 and ERR_RFLAG_COMMON = 2 << 18.
 * The library reasons are compat/err's generated 3.0 tables (proverr.h, randerr.h, evperr.h,
 * cryptoerr.h). Reason codes are stable across 3.0.x (a spec in test/interop checks every entry
 * against the system library's own strings).
 */
import { ERR_TABLES_3 } from '../../../compat/err/tables.js';

/** ERR_LIB_* numbers to names. */
export const ERR_LIBS: ReadonlyMap<number, string> = new Map([
  [1, 'NONE'],
  [2, 'SYS'],
  [3, 'BN'],
  [4, 'RSA'],
  [5, 'DH'],
  [6, 'EVP'],
  [7, 'BUF'],
  [8, 'OBJ'],
  [9, 'PEM'],
  [10, 'DSA'],
  [11, 'X509'],
  [13, 'ASN1'],
  [14, 'CONF'],
  [15, 'CRYPTO'],
  [16, 'EC'],
  [20, 'SSL'],
  [32, 'BIO'],
  [33, 'PKCS7'],
  [34, 'X509V3'],
  [35, 'PKCS12'],
  [36, 'RAND'],
  [37, 'DSO'],
  [38, 'ENGINE'],
  [39, 'OCSP'],
  [40, 'UI'],
  [41, 'COMP'],
  [42, 'ECDSA'],
  [43, 'ECDH'],
  [44, 'OSSL_STORE'],
  [45, 'FIPS'],
  [46, 'CMS'],
  [47, 'TS'],
  [48, 'HMAC'],
  [50, 'CT'],
  [51, 'ASYNC'],
  [52, 'KDF'],
  [53, 'SM2'],
  [54, 'ESS'],
  [55, 'PROP'],
  [56, 'CRMF'],
  [57, 'PROV'],
  [58, 'CMP'],
  [59, 'OSSL_ENCODER'],
  [60, 'OSSL_DECODER'],
  [61, 'HTTP'],
  [128, 'USER'],
]);

/** ERR_R_*: reasons common to every library, flag bits included (ERR_GET_REASON values). */
export const COMMON_REASONS: ReadonlyMap<number, string> = new Map([
  [0x80002, 'SYS_LIB'],
  [0x80003, 'BN_LIB'],
  [0x80004, 'RSA_LIB'],
  [0x80005, 'DH_LIB'],
  [0x80006, 'EVP_LIB'],
  [0x80007, 'BUF_LIB'],
  [0x80008, 'OBJ_LIB'],
  [0x80009, 'PEM_LIB'],
  [0x8000a, 'DSA_LIB'],
  [0x8000b, 'X509_LIB'],
  [0x8000d, 'ASN1_LIB'],
  [0x8000e, 'CONF_LIB'],
  [0x8000f, 'CRYPTO_LIB'],
  [0x80010, 'EC_LIB'],
  [0x80014, 'SSL_LIB'],
  [0x80020, 'BIO_LIB'],
  [0x80021, 'PKCS7_LIB'],
  [0x80022, 'X509V3_LIB'],
  [0x80023, 'PKCS12_LIB'],
  [0x80024, 'RAND_LIB'],
  [0x80025, 'DSO_LIB'],
  [0x80026, 'ENGINE_LIB'],
  [0x80028, 'UI_LIB'],
  [0x8002a, 'ECDSA_LIB'],
  [0x8002c, 'OSSL_STORE_LIB'],
  [0x8002e, 'CMS_LIB'],
  [0x8002f, 'TS_LIB'],
  [0x80032, 'CT_LIB'],
  [0x80036, 'ESS_LIB'],
  [0x80039, 'PROV_LIB'],
  [0x8003a, 'CMP_LIB'],
  [0x8003b, 'OSSL_ENCODER_LIB'],
  [0x8003c, 'OSSL_DECODER_LIB'],
  [0x80106, 'PASSED_INVALID_ARGUMENT'],
  [0x80109, 'INTERRUPTED_OR_CANCELLED'],
  [0x8010a, 'NESTED_ASN1_ERROR'],
  [0x8010b, 'MISSING_ASN1_EOS'],
  [0x8010c, 'UNSUPPORTED'],
  [0x8010d, 'FETCH_FAILED'],
  [0x8010e, 'INVALID_PROPERTY_DEFINITION'],
  [0xc0100, 'MALLOC_FAILURE'],
  [0xc0101, 'SHOULD_NOT_HAVE_BEEN_CALLED'],
  [0xc0102, 'PASSED_NULL_PARAMETER'],
  [0xc0103, 'INTERNAL_ERROR'],
  [0xc0104, 'DISABLED'],
  [0xc0105, 'INIT_FAIL'],
  [0xc0107, 'OPERATION_FAIL'],
  [0xc0108, 'INVALID_PROVIDER_FUNCTIONS'],
  [0xc010f, 'UNABLE_TO_GET_READ_LOCK'],
  [0xc0110, 'UNABLE_TO_GET_WRITE_LOCK'],
]);

/** Library-specific reasons (PROV, RAND, EVP, CRYPTO), code to macro suffix: the tables
 * scripts/import-err-tables.ts generated from 3.0's headers and *_err.c files, read backwards. */
export const LIB_REASONS: ReadonlyMap<string, ReadonlyMap<number, string>> = new Map(
  Object.entries(ERR_TABLES_3.reasons).map(([lib, byName]) =>
    [lib, new Map(Object.entries(byName).map(([name, entry]) => [entry.code, name]))]),
);

/** Reasons later lines added, which 3.0's headers lack (so the generated 3.0 tables cannot
 * hold them), for naming what a 3.5, 3.6 or 4.0 library's queue holds. A spec checks that the
 * system 3.0 library has no string for them. */
export const LATER_LINE_REASONS: ReadonlyMap<string, ReadonlyMap<number, string>> = new Map([
  // 3.4+: providers/implementations/rands/fips_crng_test.c crng_test
  ['PROV', new Map([[244, 'ENTROPY_SOURCE_FAILED_CONTINUOUS_TESTS'],
    // 3.6+: util/perl/OpenSSL/paramnames.pm output_param_decoder (PROV_R_REPEATED_PARAMETER)
    [252, 'REPEATED_PARAMETER']])],
  // 3.2+: crypto/params.c (include/openssl/cryptoerr.h CRYPTO_R_PARAM_*, CRYPTO_R_INTEGER_OVERFLOW, ...)
  ['CRYPTO', new Map([[123, 'PARAM_CANNOT_BE_REPRESENTED_EXACTLY'], [124, 'PARAM_NOT_INTEGER_TYPE'],
    [125, 'PARAM_UNSIGNED_INTEGER_NEGATIVE_VALUE_UNSUPPORTED'], [126, 'PARAM_VALUE_TOO_LARGE_FOR_DESTINATION'],
    [127, 'INTEGER_OVERFLOW'], [128, 'NO_SPACE_FOR_TERMINATING_NULL'], [129, 'PARAM_OF_INCOMPATIBLE_TYPE'],
    [130, 'PARAM_UNSUPPORTED_FLOATING_POINT_FORMAT']])],
]);
