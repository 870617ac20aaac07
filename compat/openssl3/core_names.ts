/**
 * Parameter names (include/openssl/core_names.h, 3.0) and EVP_RAND states (evp.h) as exported
 * string and number constants, so ported code keeps its macro names.
 */

/** EVP_RAND_STATE_*: what EVP_RAND_get_state returns. */
export const EVP_RAND_STATE_UNINITIALISED = 0;
export const EVP_RAND_STATE_READY = 1;
export const EVP_RAND_STATE_ERROR = 2;

export const OSSL_ALG_PARAM_DIGEST = 'digest';
export const OSSL_ALG_PARAM_CIPHER = 'cipher';
export const OSSL_ALG_PARAM_ENGINE = 'engine';
export const OSSL_ALG_PARAM_MAC = 'mac';
export const OSSL_ALG_PARAM_PROPERTIES = 'properties';

/** Every RAND: "state" (int), "strength" (uint), "max_request" (size_t). */
export const OSSL_RAND_PARAM_STATE = 'state';
export const OSSL_RAND_PARAM_STRENGTH = 'strength';
export const OSSL_RAND_PARAM_MAX_REQUEST = 'max_request';
/** TEST-RAND: octet strings. */
export const OSSL_RAND_PARAM_TEST_ENTROPY = 'test_entropy';
export const OSSL_RAND_PARAM_TEST_NONCE = 'test_nonce';

/** The DRBGs. */
export const OSSL_DRBG_PARAM_RESEED_REQUESTS = 'reseed_requests';
export const OSSL_DRBG_PARAM_RESEED_TIME_INTERVAL = 'reseed_time_interval';
export const OSSL_DRBG_PARAM_MIN_ENTROPYLEN = 'min_entropylen';
export const OSSL_DRBG_PARAM_MAX_ENTROPYLEN = 'max_entropylen';
export const OSSL_DRBG_PARAM_MIN_NONCELEN = 'min_noncelen';
export const OSSL_DRBG_PARAM_MAX_NONCELEN = 'max_noncelen';
export const OSSL_DRBG_PARAM_MAX_PERSLEN = 'max_perslen';
export const OSSL_DRBG_PARAM_MAX_ADINLEN = 'max_adinlen';
export const OSSL_DRBG_PARAM_RESEED_COUNTER = 'reseed_counter';
export const OSSL_DRBG_PARAM_RESEED_TIME = 'reseed_time';
export const OSSL_DRBG_PARAM_PROPERTIES = OSSL_ALG_PARAM_PROPERTIES;
export const OSSL_DRBG_PARAM_DIGEST = OSSL_ALG_PARAM_DIGEST;
export const OSSL_DRBG_PARAM_CIPHER = OSSL_ALG_PARAM_CIPHER;
export const OSSL_DRBG_PARAM_MAC = OSSL_ALG_PARAM_MAC;
export const OSSL_DRBG_PARAM_USE_DF = 'use_derivation_function';

/** Defined in core_names.h but used by none of the RAND implementations (the last two names
 * are misspelled in OpenSSL itself). */
export const OSSL_DRBG_PARAM_ENTROPY_REQUIRED = 'entropy_required';
export const OSSL_DRBG_PARAM_PREDICTION_RESISTANCE = 'prediction_resistance';
export const OSSL_DRBG_PARAM_MIN_LENGTH = 'minium_length';
export const OSSL_DRBG_PARAM_MAX_LENGTH = 'maxium_length';
export const OSSL_DRBG_PARAM_RANDOM_DATA = 'random_data';
export const OSSL_DRBG_PARAM_SIZE = 'size';
