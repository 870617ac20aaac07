/** OpenSSL 1.1.1 RAND_DRBG constants (include/openssl/rand_drbg.h, obj_mac.h, crypto.h). */
export {
  NID_aes_128_ctr, NID_aes_192_ctr, NID_aes_256_ctr, RAND_DRBG_FLAG_CTR_NO_DF, RAND_DRBG_USED_FLAGS,
  RAND_DRBG_STRENGTH, RAND_DRBG_TYPE, RAND_DRBG_FLAGS,
} from '../../provider/openssl111/drbg-context.js';

/** CRYPTO_EX_INDEX_DRBG: the ex_data class of RAND_DRBG (crypto.h). */
export const CRYPTO_EX_INDEX_DRBG = 15;
/** DRBG_MAX_LENGTH of 1.1.1a and later (INT32_MAX), as in 3.x. */
export { DRBG_MAX_LENGTH } from '../../provider/sp800-90a/mechanism.js';
