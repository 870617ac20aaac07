/**
 * The typed function table of an OpenSSL 1.1.1 libcrypto: the RAND_DRBG API
 * (include/openssl/rand_drbg.h), the RAND front end (include/openssl/rand.h), the error queue
 * (include/openssl/err.h) and a few CRYPTO_* helpers, bound with koffi from whatever library
 * handle the caller loaded (a libcrypto.so.1.1 under RTLD_DEEPBIND, or the main program of the
 * Node 16 binary).
 *
 * Conventions: every byte-buffer parameter takes a Buffer (koffi passes its storage, no copy)
 * or null for NULL. koffi turns an *empty* Buffer into NULL, so callers that mean "non-NULL,
 * length 0" must pass a Buffer of length >= 1 and a separate length of 0 (see byte-args.ts).
 * `size_t` and `unsigned long` results come back as numbers (all values here fit in 2^53).
 *
 * To bind another function, add it to {@link Libcrypto111} and to the table in
 * {@link bindLibcrypto111}: one line each.
 */
import type { IKoffiLib } from 'koffi';
import { types111, type CPtr, type DrbgPtr, type RegisteredCallback } from './c-types.js';

type Bytes = Buffer | null;

export interface Libcrypto111 {
  /** crypto/cversion.c: OpenSSL_version(OPENSSL_VERSION = 0) is "OpenSSL 1.1.1w  11 Sep 2023". */
  OpenSSL_version(type: number): string;
  OpenSSL_version_num(): number;

  // crypto/rand/drbg_lib.c
  RAND_DRBG_new(type: number, flags: number, parent: DrbgPtr | null): DrbgPtr | null;
  RAND_DRBG_secure_new(type: number, flags: number, parent: DrbgPtr | null): DrbgPtr | null;
  RAND_DRBG_set(drbg: DrbgPtr, type: number, flags: number): number;
  RAND_DRBG_set_defaults(type: number, flags: number): number;
  RAND_DRBG_instantiate(drbg: DrbgPtr, pers: Bytes, perslen: number): number;
  RAND_DRBG_uninstantiate(drbg: DrbgPtr): number;
  RAND_DRBG_free(drbg: DrbgPtr): void;
  RAND_DRBG_reseed(drbg: DrbgPtr, adin: Bytes, adinlen: number, predictionResistance: number): number;
  RAND_DRBG_generate(drbg: DrbgPtr, out: Buffer, outlen: number, predictionResistance: number,
    adin: Bytes, adinlen: number): number;
  RAND_DRBG_bytes(drbg: DrbgPtr, out: Buffer, outlen: number): number;
  RAND_DRBG_set_callbacks(drbg: DrbgPtr, getEntropy: RegisteredCallback | null,
    cleanupEntropy: RegisteredCallback | null, getNonce: RegisteredCallback | null,
    cleanupNonce: RegisteredCallback | null): number;
  /** The same C function bound with `void *` callback parameters: koffi only passes registered
   * callbacks to function-pointer parameters, and this passes pointers read from memory (1.1.1's
   * own default callbacks). */
  RAND_DRBG_set_callbacks_ptr(drbg: DrbgPtr, getEntropy: CPtr | null, cleanupEntropy: CPtr | null,
    getNonce: CPtr | null, cleanupNonce: CPtr | null): number;
  RAND_DRBG_set_reseed_interval(drbg: DrbgPtr, interval: number): number;
  /** `time_t` (signed 64-bit): negative values are accepted by 1.1.1 and disable the check. */
  RAND_DRBG_set_reseed_time_interval(drbg: DrbgPtr, interval: number): number;
  RAND_DRBG_set_reseed_defaults(masterInterval: number, slaveInterval: number, masterTime: number,
    slaveTime: number): number;
  RAND_DRBG_get0_master(): DrbgPtr | null;
  RAND_DRBG_get0_public(): DrbgPtr | null;
  RAND_DRBG_get0_private(): DrbgPtr | null;
  /** `void *arg` is bound as `intptr_t` (same ABI on LP64): ex_data is an opaque pointer-sized
   * value, stored and returned as a number (0 = NULL). */
  RAND_DRBG_set_ex_data(drbg: DrbgPtr, idx: number, arg: number): number;
  RAND_DRBG_get_ex_data(drbg: DrbgPtr, idx: number): number;
  /** RAND_DRBG_get_ex_new_index is a macro over this with class CRYPTO_EX_INDEX_DRBG (15). */
  CRYPTO_get_ex_new_index(classIndex: number, argl: number, argp: CPtr | null, newFunc: null,
    dupFunc: null, freeFunc: RegisteredCallback | null): number;
  /** Replaces an index's callbacks with no-ops (crypto/ex_data.c). */
  CRYPTO_free_ex_index(classIndex: number, idx: number): number;

  // crypto/rand/rand_lib.c
  RAND_bytes(buf: Buffer, num: number): number;
  RAND_priv_bytes(buf: Buffer, num: number): number;
  RAND_seed(buf: Bytes, num: number): void;
  RAND_add(buf: Bytes, num: number, randomness: number): void;
  RAND_status(): number;
  RAND_poll(): number;
  // crypto/rand/randfile.c
  RAND_load_file(file: string, maxBytes: number): number;

  /** crypto/threads_pthread.c: pthread_self(), the thread id in 1.1.1's nonce and additional data. */
  CRYPTO_THREAD_get_current_id(): number | bigint;

  // crypto/o_fips.c: 1.1.1 has no FIPS module (FIPS_mode_set(1) fails)
  FIPS_mode(): number;
  FIPS_mode_set(onoff: number): number;

  // crypto/err/err.c
  ERR_get_error(): number;
  ERR_peek_error(): number;
  ERR_clear_error(): void;
}

/** Entries of {@link Libcrypto111} bound under another name: [C symbol, result, parameters]. */
const ALIASES: { readonly [K in keyof Libcrypto111]?: readonly [string, string, readonly string[]] } = {
  RAND_DRBG_set_callbacks_ptr: ['RAND_DRBG_set_callbacks', 'int', ['RAND_DRBG *', 'void *', 'void *', 'void *', 'void *']],
};

/** C prototypes, in koffi's prototype syntax, of every other entry of {@link Libcrypto111}. */
const PROTOTYPES: { readonly [K in keyof Libcrypto111]?: string } = {
  OpenSSL_version: 'const char *OpenSSL_version(int type)',
  OpenSSL_version_num: 'unsigned long OpenSSL_version_num(void)',
  RAND_DRBG_new: 'RAND_DRBG *RAND_DRBG_new(int type, unsigned int flags, RAND_DRBG *parent)',
  RAND_DRBG_secure_new: 'RAND_DRBG *RAND_DRBG_secure_new(int type, unsigned int flags, RAND_DRBG *parent)',
  RAND_DRBG_set: 'int RAND_DRBG_set(RAND_DRBG *drbg, int type, unsigned int flags)',
  RAND_DRBG_set_defaults: 'int RAND_DRBG_set_defaults(int type, unsigned int flags)',
  RAND_DRBG_instantiate: 'int RAND_DRBG_instantiate(RAND_DRBG *drbg, const uint8_t *pers, size_t perslen)',
  RAND_DRBG_uninstantiate: 'int RAND_DRBG_uninstantiate(RAND_DRBG *drbg)',
  RAND_DRBG_free: 'void RAND_DRBG_free(RAND_DRBG *drbg)',
  RAND_DRBG_reseed: 'int RAND_DRBG_reseed(RAND_DRBG *drbg, const uint8_t *adin, size_t adinlen, ' +
    'int prediction_resistance)',
  RAND_DRBG_generate: 'int RAND_DRBG_generate(RAND_DRBG *drbg, uint8_t *out, size_t outlen, ' +
    'int prediction_resistance, const uint8_t *adin, size_t adinlen)',
  RAND_DRBG_bytes: 'int RAND_DRBG_bytes(RAND_DRBG *drbg, uint8_t *out, size_t outlen)',
  RAND_DRBG_set_callbacks: 'int RAND_DRBG_set_callbacks(RAND_DRBG *drbg, ' +
    'RAND_DRBG_get_entropy_fn *get_entropy, RAND_DRBG_cleanup_entropy_fn *cleanup_entropy, ' +
    'RAND_DRBG_get_nonce_fn *get_nonce, RAND_DRBG_cleanup_nonce_fn *cleanup_nonce)',
  RAND_DRBG_set_reseed_interval: 'int RAND_DRBG_set_reseed_interval(RAND_DRBG *drbg, unsigned int interval)',
  RAND_DRBG_set_reseed_time_interval: 'int RAND_DRBG_set_reseed_time_interval(RAND_DRBG *drbg, int64_t interval)',
  RAND_DRBG_set_reseed_defaults: 'int RAND_DRBG_set_reseed_defaults(unsigned int master_reseed_interval, ' +
    'unsigned int slave_reseed_interval, int64_t master_reseed_time_interval, int64_t slave_reseed_time_interval)',
  RAND_DRBG_get0_master: 'RAND_DRBG *RAND_DRBG_get0_master(void)',
  RAND_DRBG_get0_public: 'RAND_DRBG *RAND_DRBG_get0_public(void)',
  RAND_DRBG_get0_private: 'RAND_DRBG *RAND_DRBG_get0_private(void)',
  RAND_DRBG_set_ex_data: 'int RAND_DRBG_set_ex_data(RAND_DRBG *drbg, int idx, intptr_t arg)',
  RAND_DRBG_get_ex_data: 'intptr_t RAND_DRBG_get_ex_data(const RAND_DRBG *drbg, int idx)',
  CRYPTO_get_ex_new_index: 'int CRYPTO_get_ex_new_index(int class_index, long argl, void *argp, ' +
    'void *new_func, void *dup_func, void *free_func)',
  CRYPTO_free_ex_index: 'int CRYPTO_free_ex_index(int class_index, int idx)',
  RAND_bytes: 'int RAND_bytes(uint8_t *buf, int num)',
  RAND_priv_bytes: 'int RAND_priv_bytes(uint8_t *buf, int num)',
  RAND_seed: 'void RAND_seed(const uint8_t *buf, int num)',
  RAND_add: 'void RAND_add(const uint8_t *buf, int num, double randomness)',
  RAND_status: 'int RAND_status(void)',
  RAND_load_file: 'int RAND_load_file(const char *file, long max_bytes)',
  RAND_poll: 'int RAND_poll(void)',
  CRYPTO_THREAD_get_current_id: 'unsigned long CRYPTO_THREAD_get_current_id(void)',
  FIPS_mode: 'int FIPS_mode(void)',
  FIPS_mode_set: 'int FIPS_mode_set(int r)',
  ERR_get_error: 'unsigned long ERR_get_error(void)',
  ERR_peek_error: 'unsigned long ERR_peek_error(void)',
  ERR_clear_error: 'void ERR_clear_error(void)',
};

/** Binds every function of {@link Libcrypto111} from `lib`. Throws (naming the function) when a
 * symbol is missing, i.e. when `lib` is not an OpenSSL 1.1.1 libcrypto. */
export function bindLibcrypto111(lib: IKoffiLib): Libcrypto111 {
  types111();
  const table: Record<string, unknown> = {};
  for (const [name, proto] of Object.entries(PROTOTYPES)) {
    try {
      table[name] = lib.func(proto as string);
    } catch (e) {
      throw new Error(`cannot bind ${name}: ${(e as Error).message}`);
    }
  }
  for (const [name, [symbol, result, params]] of Object.entries(ALIASES) as [string, readonly [string, string, readonly string[]]][]) {
    try {
      table[name] = lib.func(symbol, result, [...params]);
    } catch (e) {
      throw new Error(`cannot bind ${name} (${symbol}): ${(e as Error).message}`);
    }
  }
  return table as unknown as Libcrypto111;
}

/** The `type` values RAND_DRBG_new accepts in 1.1.1 (include/openssl/obj_mac.h). */
export const NID_aes_128_ctr = 904;
export const NID_aes_192_ctr = 905;
export const NID_aes_256_ctr = 906;
/** include/openssl/rand_drbg.h */
export const RAND_DRBG_FLAG_CTR_NO_DF = 0x1;
/** include/openssl/crypto.h */
export const CRYPTO_EX_INDEX_DRBG = 15;
