/**
 * The OpenSSL 3.x lines randshim models, and the ONE table of what each line does differently
 * from 3.0 in the random layer. The 3.x personality (compat/openssl3 over provider/openssl3) is a
 * single body of code; the places where the lines part read {@link lineBehaviour} at call time,
 * and a personality (compat/openssl3-lines) is that code bound to a line with {@link withLine}.
 *
 * Every flag names the OpenSSL file:function behind it and is proven on the real library of each
 * line by test/interop/lines.spec.ts (the line's scenarios compared with its personality).
 */

export type OpenSSL3Line = '3.0' | '3.5' | '3.6' | '4.0';

export const OPENSSL3_LINES: readonly OpenSSL3Line[] = ['3.0', '3.5', '3.6', '4.0'];

export interface LineBehaviour {
  readonly line: OpenSSL3Line;
  /** EVP_RAND_CTX_new whose provider newctx fails raises ERR_R_EVP_LIB (3.0: ERR_R_MALLOC_FAILURE).
   * crypto/evp/evp_rand.c: EVP_RAND_CTX_new (3.5 replaced the malloc-failure raises). */
  readonly ctxNewFailureIsEvpLib: boolean;
  /** EVP_RAND_nonce(ctx, out, 0) fails with ERR_R_PASSED_NULL_PARAMETER (3.0: 1, nothing written).
   * crypto/evp/evp_rand.c: EVP_RAND_nonce. */
  readonly nonceZeroLengthRefused: boolean;
  /** A zero-length seed request raises PROV_R_ENTROPY_SOURCE_STRENGTH_TOO_WEAK instead of
   * PROV_R_MALLOC_FAILURE (OPENSSL_secure_malloc(0)). providers/implementations/rands/seed_src.c:
   * seed_src_get_seed (3.5). */
  readonly zeroSeedIsTooWeak: boolean;
  /** EVP_RAND_fetch trims trailing spaces from the name ("CTR-DRBG " finds CTR-DRBG).
   * crypto/core_namemap.c / crypto/evp/evp_fetch.c (3.5, 3.6; 4.0 refuses it again). */
  readonly fetchTrimsName: boolean;
  /** A key the implementation knows given twice in one get/set array fails the whole call with
   * PROV_R_REPEATED_PARAMETER. util/perl/OpenSSL/paramnames.pm: output_param_decoder (3.6). */
  readonly repeatedParamKeyRefused: boolean;
  /** TEST-RAND has the `generate` (uint) parameter: its xorshift PRNG mode.
   * providers/implementations/rands/test_rng.c (3.5). */
  readonly testRandGenerate: boolean;
  /** The DRBGs' settable lists include `provider-name` before reseed_requests.
   * providers/implementations/rands/drbg_ctr.c: drbg_ctr_settable_ctx_params and likewise (3.6). */
  readonly drbgSettableProviderName: boolean;
  /** HMAC-DRBG has a `mac` parameter (4.0 removed it: the MAC is always HMAC).
   * providers/implementations/rands/drbg_hmac.c: drbg_hmac_gettable/settable_ctx_params. */
  readonly hmacMacParam: boolean;
  /** A configured `seed=` that cannot be made makes RAND_get0_primary fail instead of falling back
   * to a parentless primary. crypto/rand/rand_lib.c: rand_new_seed, rand_get0_primary (4.0). */
  readonly seedConfigFatal: boolean;
  /** SEED-SRC XORs the caller's additional input (a child's pull passes the child's address)
   * into the OS bytes before handing them out. crypto/rand/rand_pool.c:
   * ossl_rand_pool_adin_mix_in, from providers/implementations/rands/seed_src.c:
   * seed_get_seed and seed_src_generate (3.5). */
  readonly seedSrcMixesAdin: boolean;
  /** The base provider offers SEED-SRC ("provider=base"; providers/baseprov.c: base_rands, 3.5). */
  readonly seedSrcInBase: boolean;
  // ---- OSSL_PARAM and TEST-RAND (crypto/params.c, the generated decoders, test_rng.c) ----
  /** crypto/params.c raises what made a conversion fail (CRYPTO_R_PARAM_*, CRYPTO_R_TOO_SMALL_BUFFER,
   * ERR_R_PASSED_NULL_PARAMETER) and the fixed-size setters record `return_size` only on success;
   * a string setter refuses a wrong type before recording the length. crypto/params.c:
   * copy_integer, OSSL_PARAM_get_* / set_*, get_string_internal, set_string_internal (3.2). */
  readonly paramErrorsRaised: boolean;
  /** TEST-RAND writes `strength` with OSSL_PARAM_set_uint (3.0-3.5: set_int, so 2^31 and above
   * cannot be read back). providers/implementations/rands/test_rng.c.in: test_rng_get_ctx_params (3.6). */
  readonly testRandStrengthUint: boolean;
  /** The DRBGs' get_ctx_params write max_request and reseed_counter first, without the lock,
   * then the type's own parameters and the rest. providers/implementations/rands/drbg.c:
   * ossl_drbg_get_ctx_params_no_lock, called first by drbg_ctr_get_ctx_params and likewise (3.5). */
  readonly drbgGetCountersFirst: boolean;
  // ---- HMAC-DRBG parameters, SEED-SRC state, seed-source type, mistyped sets (one block)
  /** SEED-SRC's get_seed pulls OS entropy whatever the source's own state: a child reseeds from
   * an uninstantiated SEED-SRC (3.0 goes through seed_src_generate, which refuses with
   * PROV_R_NOT_INSTANTIATED). providers/implementations/rands/seed_src.c: seed_get_seed (3.5). */
  readonly seedSrcGetSeedStateless: boolean;
  /** RAND_set_seed_source_type refuses once the seed source exists (dgbl->seed), not once the
   * primary does (dgbl->primary). crypto/rand/rand_lib.c: RAND_set_seed_source_type (3.5). */
  readonly seedSourceTypeGuardIsSeed: boolean;
  /** HASH-DRBG first fetches a UTF-8 `digest` directly (with `properties` only when that is a
   * UTF-8 string), and only when that fails goes the full ossl_prov_digest_load way: a mistyped
   * `properties` or `engine` no longer fails a set that names a digest that exists, nor one
   * without a digest. providers/implementations/rands/drbg_hash.c: drbg_fetch_digest_from_prov,
   * drbg_hash_set_ctx_params_locked (3.5). */
  readonly hashDigestFetchedFirst: boolean;
  /** HMAC-DRBG first fetches the digest directly and makes an HMAC context (`mac` when given,
   * else "HMAC") for it, before the full search: a digest alone sizes the DRBG.
   * providers/implementations/rands/drbg_hmac.c: drbg_fetch_algs_from_prov,
   * drbg_hmac_set_ctx_params_locked (3.5 and 4.0; 3.6 only with `provider-name`). */
  readonly hmacDigestFetchedFirst: boolean;
  /** A MAC context without a digest sizes HMAC-DRBG from EVP_MD_get_size(NULL) (strength 256,
   * EVP_R_MESSAGE_DIGEST_IS_NULL); later lines size it only once both exist.
   * providers/implementations/rands/drbg_hmac.c: drbg_hmac_set_ctx_params (3.0; 3.5 checks md). */
  readonly hmacSizedFromNullDigest: boolean;
  /** CTR-DRBG takes a mistyped `properties` as none (the fetch uses the provider's default
   * query) instead of failing the set. providers/implementations/rands/drbg_ctr.c:
   * drbg_ctr_set_ctx_params_locked (3.6). */
  readonly ctrMistypedPropertiesIgnored: boolean;
  /** A Hash or HMAC DRBG left holding an XOF digest (a SHAKE set, refused by
   * ossl_drbg_verify_digest after it was taken) fails every use with no error of its own:
   * EVP_DigestFinal_ex gets a negative size for an XOF without a length
   * (crypto/evp/digest.c: EVP_DigestFinal_ex, EVP_MD_CTX_get_size; 3.5). 3.0 runs SHAKE at its
   * default length, which randshim does not model (it raises EVP_R_NO_DIGEST_SET there). */
  readonly xofDigestFailsSilently: boolean;
  /** HMAC-DRBG given a `properties` that is not a UTF-8 string still takes the digest (fetched
   * with no query) and the MAC the call names, gives the MAC context that digest, then fails the
   * set before sizing (3.0 fails at once and takes nothing). Observed on 3.6.5's
   * providers/implementations/rands/drbg_hmac.c: drbg_hmac_set_ctx_params_locked (3.6 only:
   * 3.5 and 4.0 fetch first, then fail in the full search's property check). */
  readonly hmacMistypedPropertiesTakeAlgs: boolean;
  /** HMAC-DRBG reads the `mac` name and `properties` with OSSL_PARAM_get_utf8_string_ptr, which
   * raises CRYPTO_R_PARAM_OF_INCOMPATIBLE_TYPE for another type (3.5 checks data_type itself and
   * fails quietly; 4.0 has no `mac`). providers/common/provider_util.c: ossl_prov_macctx_load
   * (3.6, from drbg_hmac_set_ctx_params_locked). */
  readonly macctxLoadReadsStringPtr: boolean;
  // --- the random provider and the RAND_set0_* / EVP_RAND_CTX_up_ref functions (3.1 / 3.5) ---
  /** RAND_bytes_ex / RAND_priv_bytes_ex go to a designated provider's random_bytes before the
   * chain: per library context a random_provider_name ("fips" by default) hooked when a provider
   * with random_bytes of that name is activated, RAND_set1_random_provider and `[random]
   * random_provider` (3.0 refuses that key). crypto/rand/rand_lib.c: RAND_bytes_ex,
   * RAND_set1_random_provider, ossl_rand_check_random_provider_on_load, random_conf_init;
   * crypto/provider_core.c: provider_activate, ossl_provider_random_bytes (3.5). */
  readonly randomProvider: boolean;
  /** RAND_set0_public, RAND_set0_private and EVP_RAND_CTX_up_ref exist (3.1; every line from 3.5
   * has them). crypto/rand/rand_lib.c: RAND_set0_public; crypto/evp/evp_rand.c. */
  readonly randSet0AndCtxUpRef: boolean;
}

const OPENSSL_30: LineBehaviour = {
  line: '3.0',
  ctxNewFailureIsEvpLib: false,
  nonceZeroLengthRefused: false,
  zeroSeedIsTooWeak: false,
  fetchTrimsName: false,
  repeatedParamKeyRefused: false,
  testRandGenerate: false,
  drbgSettableProviderName: false,
  hmacMacParam: true,
  seedConfigFatal: false,
  seedSrcMixesAdin: false,
  seedSrcInBase: false,
  paramErrorsRaised: false,
  testRandStrengthUint: false,
  drbgGetCountersFirst: false,
  seedSrcGetSeedStateless: false,
  seedSourceTypeGuardIsSeed: false,
  hashDigestFetchedFirst: false,
  hmacDigestFetchedFirst: false,
  hmacSizedFromNullDigest: true,
  ctrMistypedPropertiesIgnored: false,
  xofDigestFailsSilently: false,
  hmacMistypedPropertiesTakeAlgs: false,
  macctxLoadReadsStringPtr: false,
  randomProvider: false,
  randSet0AndCtxUpRef: false,
};

const OPENSSL_35: LineBehaviour = {
  ...OPENSSL_30,
  line: '3.5',
  ctxNewFailureIsEvpLib: true,
  nonceZeroLengthRefused: true,
  zeroSeedIsTooWeak: true,
  fetchTrimsName: true,
  testRandGenerate: true,
  seedSrcMixesAdin: true,
  seedSrcInBase: true,
  paramErrorsRaised: true,
  drbgGetCountersFirst: true,
  seedSrcGetSeedStateless: true,
  seedSourceTypeGuardIsSeed: true,
  hashDigestFetchedFirst: true,
  hmacDigestFetchedFirst: true,
  hmacSizedFromNullDigest: false,
  xofDigestFailsSilently: true,
  randomProvider: true,
  randSet0AndCtxUpRef: true,
};

const OPENSSL_36: LineBehaviour = {
  ...OPENSSL_35,
  line: '3.6',
  repeatedParamKeyRefused: true,
  drbgSettableProviderName: true,
  testRandStrengthUint: true,
  hmacDigestFetchedFirst: false,
  ctrMistypedPropertiesIgnored: true,
  hmacMistypedPropertiesTakeAlgs: true,
  macctxLoadReadsStringPtr: true,
};

const OPENSSL_40: LineBehaviour = {
  ...OPENSSL_36,
  line: '4.0',
  fetchTrimsName: false,
  hmacMacParam: false,
  seedConfigFatal: true,
  hmacDigestFetchedFirst: true,
  hmacMistypedPropertiesTakeAlgs: false,
  macctxLoadReadsStringPtr: false,
};

/** The per-line table: one row per line. */
export const LINE_BEHAVIOUR: Readonly<Record<OpenSSL3Line, LineBehaviour>> = {
  '3.0': OPENSSL_30, 3.5: OPENSSL_35, 3.6: OPENSSL_36, '4.0': OPENSSL_40,
};

let active: OpenSSL3Line = '3.0';

/** The line the running call belongs to ('3.0' outside any personality: compat/openssl3). */
export function activeLine(): OpenSSL3Line {
  return active;
}

/** What the running call's line does. */
export function lineBehaviour(): LineBehaviour {
  return LINE_BEHAVIOUR[active];
}

/** Runs `fn` as a call of `line` (nested calls, e.g. a RAND_METHOD callback, keep their own). */
export function withLine<T>(line: OpenSSL3Line, fn: () => T): T {
  const previous = active;
  active = line;
  try {
    return fn();
  } finally {
    active = previous;
  }
}
