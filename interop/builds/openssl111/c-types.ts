/**
 * The koffi C types the OpenSSL 1.1.1 bindings use, declared once per process (koffi type names
 * are global, a second declaration of the same name throws).
 *
 * Mirrors include/openssl/rand_drbg.h (1.1.1w): the opaque `RAND_DRBG` and the four callback
 * typedefs `RAND_DRBG_get_entropy_fn`, `RAND_DRBG_cleanup_entropy_fn`, `RAND_DRBG_get_nonce_fn`,
 * `RAND_DRBG_cleanup_nonce_fn`; and include/openssl/crypto.h's `CRYPTO_EX_free`.
 */
import koffi from 'koffi';

/** A `RAND_DRBG *` as koffi hands it out (an External). Only ever passed back to C or to
 * {@link addressOf}. */
export interface DrbgPtr { readonly __brand: 'RAND_DRBG*' }

/** Any other C pointer koffi hands out (an External), e.g. memory from koffi.alloc. */
export interface CPtr { readonly __brand: 'void*' }

/** A callback registered with koffi.register, passable where a function pointer is expected. */
export type RegisteredCallback = ReturnType<typeof koffi.register>;

export interface Types111 {
  readonly RAND_DRBG: ReturnType<typeof koffi.pointer>;
  readonly getEntropyFn: ReturnType<typeof koffi.proto>;
  readonly cleanupEntropyFn: ReturnType<typeof koffi.proto>;
  readonly getNonceFn: ReturnType<typeof koffi.proto>;
  readonly cleanupNonceFn: ReturnType<typeof koffi.proto>;
  /** CRYPTO_EX_free (crypto.h), with `ptr` as the pointer-sized integer the raw calls store. */
  readonly exFreeFn: ReturnType<typeof koffi.proto>;
}

let declared: Types111 | undefined;

/** The type declarations, made on first use. */
export function types111(): Types111 {
  if (declared === undefined) {
    const RAND_DRBG = koffi.pointer('RAND_DRBG', koffi.opaque());
    declared = {
      RAND_DRBG,
      getEntropyFn: koffi.proto('size_t RAND_DRBG_get_entropy_fn(RAND_DRBG *drbg, uint8_t **pout, int entropy, ' +
        'size_t min_len, size_t max_len, int prediction_resistance)'),
      cleanupEntropyFn: koffi.proto('void RAND_DRBG_cleanup_entropy_fn(RAND_DRBG *drbg, uint8_t *out, size_t outlen)'),
      getNonceFn: koffi.proto('size_t RAND_DRBG_get_nonce_fn(RAND_DRBG *drbg, uint8_t **pout, int entropy, ' +
        'size_t min_len, size_t max_len)'),
      cleanupNonceFn: koffi.proto('void RAND_DRBG_cleanup_nonce_fn(RAND_DRBG *drbg, uint8_t *out, size_t outlen)'),
      exFreeFn: koffi.proto('void CRYPTO_EX_free(void *parent, intptr_t ptr, void *ad, int idx, long argl, void *argp)'),
    };
  }
  return declared;
}

/** The numeric value of a pointer koffi handed out (koffi.address). */
export function addressOf(ptr: DrbgPtr | CPtr): bigint {
  return koffi.address(ptr);
}
