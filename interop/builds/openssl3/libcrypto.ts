/**
 * The narrow, typed surface of an OpenSSL 3 libcrypto that the 3.x oracles use: version and
 * error queue, EVP_RAND (crypto/evp/evp_rand.c), OSSL_PARAM_BLD (crypto/param_build.c) and
 * the EVP_MD one-shot digest (crypto/evp/digest.c). Signatures follow include/openssl/*.h of
 * OpenSSL 3.0; see the FFI conventions in ./types.ts (pointers are bigints, NULL is 0n).
 */
import { DEFAULT_ENGINE, getEngine } from '../../ffi/engines.js';
import type { EngineName, FfiEngine, NativeLibrary } from '../../ffi/types.js';

/** Debian/Ubuntu x86_64's libcrypto.so.3 (package libssl3). */
export const SYSTEM_LIBCRYPTO3 = '/usr/lib/x86_64-linux-gnu/libcrypto.so.3';

/** OpenSSL_version() selectors (include/openssl/crypto.h.in). */
export const OPENSSL_VERSION = 0;
export const OPENSSL_CFLAGS = 1;
export const OPENSSL_BUILT_ON = 2;
export const OPENSSL_PLATFORM = 3;
export const OPENSSL_DIR = 4;
export const OPENSSL_ENGINES_DIR = 5;
export const OPENSSL_VERSION_STRING = 6;
export const OPENSSL_FULL_VERSION_STRING = 7;
export const OPENSSL_MODULES_DIR = 8;

/** OPENSSL_init_crypto() option: load the error strings ERR_reason_error_string reads. */
export const OPENSSL_INIT_LOAD_CRYPTO_STRINGS = 0x2;

/** EVP_RAND_STATE_* (include/openssl/evp.h). */
export const EVP_RAND_STATE_UNINITIALISED = 0;
export const EVP_RAND_STATE_READY = 1;
export const EVP_RAND_STATE_ERROR = 2;

/** Declares the functions on `lib`. The result's type is {@link LibCrypto3Functions}. */
function declare(lib: NativeLibrary) {
  return {
    // crypto/cversion.c
    OpenSSL_version: lib.func('OpenSSL_version', 'cstr', ['int']),
    OpenSSL_version_num: lib.func('OpenSSL_version_num', 'ulong', []),
    /** int OPENSSL_init_crypto(uint64_t opts, const OPENSSL_INIT_SETTINGS *settings) */
    OPENSSL_init_crypto: lib.func('OPENSSL_init_crypto', 'int', ['ulong', 'ptr']),
    // crypto/err/err.c: codes are ERR_PACK(lib, 0, reason) (unsigned long)
    ERR_get_error: lib.func('ERR_get_error', 'ulong', []),
    ERR_peek_error: lib.func('ERR_peek_error', 'ulong', []),
    ERR_peek_last_error: lib.func('ERR_peek_last_error', 'ulong', []),
    ERR_clear_error: lib.func('ERR_clear_error', 'void', []),
    ERR_lib_error_string: lib.func('ERR_lib_error_string', 'cstr', ['ulong']),
    ERR_reason_error_string: lib.func('ERR_reason_error_string', 'cstr', ['ulong']),
    // crypto/evp/evp_rand.c
    /** EVP_RAND *EVP_RAND_fetch(OSSL_LIB_CTX *libctx, const char *algorithm, const char *properties) */
    EVP_RAND_fetch: lib.func('EVP_RAND_fetch', 'ptr', ['ptr', 'cstr', 'cstr']),
    EVP_RAND_free: lib.func('EVP_RAND_free', 'void', ['ptr']),
    /** EVP_RAND_CTX *EVP_RAND_CTX_new(EVP_RAND *rand, EVP_RAND_CTX *parent) */
    EVP_RAND_CTX_new: lib.func('EVP_RAND_CTX_new', 'ptr', ['ptr', 'ptr']),
    EVP_RAND_CTX_free: lib.func('EVP_RAND_CTX_free', 'void', ['ptr']),
    /** int EVP_RAND_instantiate(ctx, unsigned int strength, int prediction_resistance,
     *  const unsigned char *pstr, size_t pstr_len, const OSSL_PARAM params[]) */
    EVP_RAND_instantiate: lib.func('EVP_RAND_instantiate', 'int', ['ptr', 'uint', 'int', 'bytes', 'size_t', 'ptr']),
    EVP_RAND_uninstantiate: lib.func('EVP_RAND_uninstantiate', 'int', ['ptr']),
    /** int EVP_RAND_generate(ctx, unsigned char *out, size_t outlen, unsigned int strength,
     *  int prediction_resistance, const unsigned char *addin, size_t addin_len) */
    EVP_RAND_generate: lib.func('EVP_RAND_generate', 'int', ['ptr', 'bytes', 'size_t', 'uint', 'int', 'bytes', 'size_t']),
    /** int EVP_RAND_reseed(ctx, int prediction_resistance, const unsigned char *ent,
     *  size_t ent_len, const unsigned char *addin, size_t addin_len) */
    EVP_RAND_reseed: lib.func('EVP_RAND_reseed', 'int', ['ptr', 'int', 'bytes', 'size_t', 'bytes', 'size_t']),
    EVP_RAND_get_state: lib.func('EVP_RAND_get_state', 'int', ['ptr']),
    EVP_RAND_get_strength: lib.func('EVP_RAND_get_strength', 'uint', ['ptr']),
    EVP_RAND_verify_zeroization: lib.func('EVP_RAND_verify_zeroization', 'int', ['ptr']),
    EVP_RAND_CTX_set_params: lib.func('EVP_RAND_CTX_set_params', 'int', ['ptr', 'ptr']),
    EVP_RAND_CTX_get_params: lib.func('EVP_RAND_CTX_get_params', 'int', ['ptr', 'ptr']),
    // crypto/param_build.c: the builder keeps `key` (and string/octet values until to_param)
    OSSL_PARAM_BLD_new: lib.func('OSSL_PARAM_BLD_new', 'ptr', []),
    OSSL_PARAM_BLD_free: lib.func('OSSL_PARAM_BLD_free', 'void', ['ptr']),
    OSSL_PARAM_BLD_to_param: lib.func('OSSL_PARAM_BLD_to_param', 'ptr', ['ptr']),
    OSSL_PARAM_BLD_push_int: lib.func('OSSL_PARAM_BLD_push_int', 'int', ['ptr', 'ptr', 'int']),
    OSSL_PARAM_BLD_push_uint: lib.func('OSSL_PARAM_BLD_push_uint', 'int', ['ptr', 'ptr', 'uint']),
    OSSL_PARAM_BLD_push_size_t: lib.func('OSSL_PARAM_BLD_push_size_t', 'int', ['ptr', 'ptr', 'size_t']),
    OSSL_PARAM_BLD_push_utf8_string: lib.func('OSSL_PARAM_BLD_push_utf8_string', 'int', ['ptr', 'ptr', 'ptr', 'size_t']),
    OSSL_PARAM_BLD_push_octet_string: lib.func('OSSL_PARAM_BLD_push_octet_string', 'int', ['ptr', 'ptr', 'ptr', 'size_t']),
    // crypto/params.c: getters write through `bytes` (an 8-byte cell is enough for any of them);
    // the 64-bit integer setters take their value as a `ptr` (the bit pattern, as a bigint)
    OSSL_PARAM_free: lib.func('OSSL_PARAM_free', 'void', ['ptr']),
    OSSL_PARAM_locate: lib.func('OSSL_PARAM_locate', 'ptr', ['ptr', 'cstr']),
    OSSL_PARAM_modified: lib.func('OSSL_PARAM_modified', 'int', ['ptr']),
    OSSL_PARAM_get_int: lib.func('OSSL_PARAM_get_int', 'int', ['ptr', 'bytes']),
    OSSL_PARAM_get_uint: lib.func('OSSL_PARAM_get_uint', 'int', ['ptr', 'bytes']),
    OSSL_PARAM_get_size_t: lib.func('OSSL_PARAM_get_size_t', 'int', ['ptr', 'bytes']),
    OSSL_PARAM_get_long: lib.func('OSSL_PARAM_get_long', 'int', ['ptr', 'bytes']),
    OSSL_PARAM_get_ulong: lib.func('OSSL_PARAM_get_ulong', 'int', ['ptr', 'bytes']),
    OSSL_PARAM_get_int32: lib.func('OSSL_PARAM_get_int32', 'int', ['ptr', 'bytes']),
    OSSL_PARAM_get_uint32: lib.func('OSSL_PARAM_get_uint32', 'int', ['ptr', 'bytes']),
    OSSL_PARAM_get_int64: lib.func('OSSL_PARAM_get_int64', 'int', ['ptr', 'bytes']),
    OSSL_PARAM_get_uint64: lib.func('OSSL_PARAM_get_uint64', 'int', ['ptr', 'bytes']),
    OSSL_PARAM_get_time_t: lib.func('OSSL_PARAM_get_time_t', 'int', ['ptr', 'bytes']),
    OSSL_PARAM_get_double: lib.func('OSSL_PARAM_get_double', 'int', ['ptr', 'bytes']),
    OSSL_PARAM_set_int: lib.func('OSSL_PARAM_set_int', 'int', ['ptr', 'int']),
    OSSL_PARAM_set_uint: lib.func('OSSL_PARAM_set_uint', 'int', ['ptr', 'uint']),
    OSSL_PARAM_set_int32: lib.func('OSSL_PARAM_set_int32', 'int', ['ptr', 'int']),
    OSSL_PARAM_set_uint32: lib.func('OSSL_PARAM_set_uint32', 'int', ['ptr', 'uint']),
    OSSL_PARAM_set_long: lib.func('OSSL_PARAM_set_long', 'int', ['ptr', 'ptr']),
    OSSL_PARAM_set_ulong: lib.func('OSSL_PARAM_set_ulong', 'int', ['ptr', 'ptr']),
    OSSL_PARAM_set_int64: lib.func('OSSL_PARAM_set_int64', 'int', ['ptr', 'ptr']),
    OSSL_PARAM_set_uint64: lib.func('OSSL_PARAM_set_uint64', 'int', ['ptr', 'ptr']),
    OSSL_PARAM_set_size_t: lib.func('OSSL_PARAM_set_size_t', 'int', ['ptr', 'ptr']),
    OSSL_PARAM_set_time_t: lib.func('OSSL_PARAM_set_time_t', 'int', ['ptr', 'ptr']),
    OSSL_PARAM_set_double: lib.func('OSSL_PARAM_set_double', 'int', ['ptr', 'double']),
    /** int OSSL_PARAM_get_utf8_string(const OSSL_PARAM *p, char **val, size_t max_len) */
    OSSL_PARAM_get_utf8_string: lib.func('OSSL_PARAM_get_utf8_string', 'int', ['ptr', 'bytes', 'size_t']),
    OSSL_PARAM_set_utf8_string: lib.func('OSSL_PARAM_set_utf8_string', 'int', ['ptr', 'cstr']),
    /** int OSSL_PARAM_get_octet_string(p, void **val, size_t max_len, size_t *used_len) */
    OSSL_PARAM_get_octet_string: lib.func('OSSL_PARAM_get_octet_string', 'int', ['ptr', 'bytes', 'size_t', 'bytes']),
    OSSL_PARAM_set_octet_string: lib.func('OSSL_PARAM_set_octet_string', 'int', ['ptr', 'bytes', 'size_t']),
    // crypto/evp/evp_rand.c, the rest of the EVP_RAND surface
    EVP_RAND_up_ref: lib.func('EVP_RAND_up_ref', 'int', ['ptr']),
    EVP_RAND_get0_name: lib.func('EVP_RAND_get0_name', 'cstr', ['ptr']),
    EVP_RAND_is_a: lib.func('EVP_RAND_is_a', 'int', ['ptr', 'cstr']),
    EVP_RAND_get0_provider: lib.func('EVP_RAND_get0_provider', 'ptr', ['ptr']),
    EVP_RAND_CTX_get0_rand: lib.func('EVP_RAND_CTX_get0_rand', 'ptr', ['ptr']),
    EVP_RAND_nonce: lib.func('EVP_RAND_nonce', 'int', ['ptr', 'bytes', 'size_t']),
    EVP_RAND_enable_locking: lib.func('EVP_RAND_enable_locking', 'int', ['ptr']),
    EVP_RAND_gettable_ctx_params: lib.func('EVP_RAND_gettable_ctx_params', 'ptr', ['ptr']),
    EVP_RAND_settable_ctx_params: lib.func('EVP_RAND_settable_ctx_params', 'ptr', ['ptr']),
    EVP_RAND_CTX_gettable_params: lib.func('EVP_RAND_CTX_gettable_params', 'ptr', ['ptr']),
    EVP_RAND_CTX_settable_params: lib.func('EVP_RAND_CTX_settable_params', 'ptr', ['ptr']),
    OSSL_PROVIDER_get0_name: lib.func('OSSL_PROVIDER_get0_name', 'cstr', ['ptr']),
    OSSL_PROVIDER_available: lib.func('OSSL_PROVIDER_available', 'int', ['ptr', 'cstr']),
    OSSL_PROVIDER_load: lib.func('OSSL_PROVIDER_load', 'ptr', ['ptr', 'cstr']),
    // crypto/context.c: a fresh library context has its own RAND_GLOBAL (default chain)
    OSSL_LIB_CTX_new: lib.func('OSSL_LIB_CTX_new', 'ptr', []),
    OSSL_LIB_CTX_free: lib.func('OSSL_LIB_CTX_free', 'void', ['ptr']),
    /** OSSL_LIB_CTX *OSSL_LIB_CTX_set0_default(OSSL_LIB_CTX *libctx): the thread's default
     * (what NULL means, also inside RAND_add / RAND_status / RAND_poll); returns the previous */
    OSSL_LIB_CTX_set0_default: lib.func('OSSL_LIB_CTX_set0_default', 'ptr', ['ptr']),
    EVP_default_properties_enable_fips: lib.func('EVP_default_properties_enable_fips', 'int', ['ptr', 'int']),
    // crypto/rand/rand_lib.c, rand_meth.c, randfile.c: the RAND front end
    RAND_get0_primary: lib.func('RAND_get0_primary', 'ptr', ['ptr']),
    RAND_get0_public: lib.func('RAND_get0_public', 'ptr', ['ptr']),
    RAND_get0_private: lib.func('RAND_get0_private', 'ptr', ['ptr']),
    RAND_bytes: lib.func('RAND_bytes', 'int', ['bytes', 'int']),
    RAND_priv_bytes: lib.func('RAND_priv_bytes', 'int', ['bytes', 'int']),
    /** int RAND_bytes_ex(OSSL_LIB_CTX *ctx, unsigned char *buf, size_t num, unsigned int strength) */
    RAND_bytes_ex: lib.func('RAND_bytes_ex', 'int', ['ptr', 'bytes', 'size_t', 'uint']),
    RAND_priv_bytes_ex: lib.func('RAND_priv_bytes_ex', 'int', ['ptr', 'bytes', 'size_t', 'uint']),
    RAND_seed: lib.func('RAND_seed', 'void', ['bytes', 'int']),
    /** void RAND_add(const void *buf, int num, double randomness) */
    RAND_add: lib.func('RAND_add', 'void', ['bytes', 'int', 'double']),
    RAND_status: lib.func('RAND_status', 'int', []),
    RAND_poll: lib.func('RAND_poll', 'int', []),
    /** int RAND_set_DRBG_type(OSSL_LIB_CTX *ctx, const char *drbg, const char *propq,
     *  const char *cipher, const char *digest) */
    RAND_set_DRBG_type: lib.func('RAND_set_DRBG_type', 'int', ['ptr', 'cstr', 'cstr', 'cstr', 'cstr']),
    RAND_set_seed_source_type: lib.func('RAND_set_seed_source_type', 'int', ['ptr', 'cstr', 'cstr']),
    /** int RAND_load_file(const char *file, long max_bytes): `long` as its bit pattern (ptr) */
    RAND_load_file: lib.func('RAND_load_file', 'int', ['cstr', 'ptr']),
    RAND_write_file: lib.func('RAND_write_file', 'int', ['cstr']),
    /** const char *RAND_file_name(char *buf, size_t num) */
    RAND_file_name: lib.func('RAND_file_name', 'cstr', ['bytes', 'size_t']),
    // crypto/evp/digest.c
    EVP_MD_fetch: lib.func('EVP_MD_fetch', 'ptr', ['ptr', 'cstr', 'cstr']),
    EVP_MD_free: lib.func('EVP_MD_free', 'void', ['ptr']),
    EVP_MD_get_size: lib.func('EVP_MD_get_size', 'int', ['ptr']),
    /** int EVP_Digest(const void *data, size_t count, unsigned char *md, unsigned int *size,
     *  const EVP_MD *type, ENGINE *impl) */
    EVP_Digest: lib.func('EVP_Digest', 'int', ['bytes', 'size_t', 'bytes', 'bytes', 'ptr', 'ptr']),
  };
}

export type LibCrypto3Functions = ReturnType<typeof declare>;

/** A loaded OpenSSL 3 libcrypto: its functions, the engine and library they go through. */
export interface LibCrypto3 extends LibCrypto3Functions {
  readonly engine: FfiEngine;
  readonly library: NativeLibrary;
  /** The path loaded, or null for the main program (Node's bundled OpenSSL). */
  readonly path: string | null;
}

export interface LoadLibCrypto3Options {
  readonly engine?: EngineName;
  /** Default: the system library. null: the main program, i.e. the running Node's own OpenSSL
   * (for contrast only, never an oracle; needs a Node whose OpenSSL is 3.x, e.g. Node 20). */
  readonly path?: string | null;
}

const cache = new Map<string, LibCrypto3>();

/**
 * Loads (once per engine and path) an OpenSSL 3 libcrypto with RTLD_DEEPBIND, so that its
 * internal references resolve inside it rather than to the copy Node exports. Throws if the
 * engine, the library or one of the functions is unavailable.
 */
export function loadLibCrypto3(options: LoadLibCrypto3Options = {}): LibCrypto3 {
  const engineName = options.engine ?? DEFAULT_ENGINE;
  const path = options.path === undefined ? SYSTEM_LIBCRYPTO3 : options.path;
  const key = `${engineName}\u0000${path ?? ''}`;
  let crypto = cache.get(key);
  if (crypto === undefined) {
    const engine = getEngine(engineName);
    const library = engine.load(path, { deep: path !== null });
    crypto = { ...declare(library), engine, library, path };
    cache.set(key, crypto);
  }
  return crypto;
}
