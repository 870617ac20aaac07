/**
 * The library names of crypto/err/err.c's ERR_str_libraries (ERR_lib_error_string), by ERR_LIB_*
 * code, for OpenSSL 1.1.1w and 3.0 (3.0 adds ESS, CRMF, PROV, CMP, ENCODER, DECODER, HTTP).
 */
export const LIB_NAMES_111: Readonly<Record<number, string>> = {
  1: "unknown library",
  2: "system library",
  3: "bignum routines",
  4: "rsa routines",
  5: "Diffie-Hellman routines",
  6: "digital envelope routines",
  7: "memory buffer routines",
  8: "object identifier routines",
  9: "PEM routines",
  10: "dsa routines",
  11: "x509 certificate routines",
  13: "asn1 encoding routines",
  14: "configuration file routines",
  15: "common libcrypto routines",
  16: "elliptic curve routines",
  20: "SSL routines",
  32: "BIO routines",
  33: "PKCS7 routines",
  34: "X509 V3 routines",
  35: "PKCS12 routines",
  36: "random number generator",
  37: "DSO support routines",
  38: "engine routines",
  39: "OCSP routines",
  40: "UI routines",
  42: "ECDSA routines",
  43: "ECDH routines",
  44: "STORE routines",
  45: "FIPS routines",
  46: "CMS routines",
  47: "time stamp routines",
  48: "HMAC routines",
  50: "CT routines",
  51: "ASYNC routines",
  52: "KDF routines",
  53: "SM2 routines",
};

/** 3.0's table: 1.1.1's and the libraries 3.0 added (crypto/err/err.c, 3.0). */
export const LIB_NAMES_3: Readonly<Record<number, string>> = {
  ...LIB_NAMES_111,
  54: "ESS routines",
  56: "CRMF routines",
  57: "Provider routines",
  58: "CMP routines",
  59: "ENCODER routines",
  60: "DECODER routines",
  61: "HTTP routines",
};
