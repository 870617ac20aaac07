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
  randomProvider: true,
  randSet0AndCtxUpRef: true,
};

const OPENSSL_36: LineBehaviour = {
  ...OPENSSL_35,
  line: '3.6',
  repeatedParamKeyRefused: true,
  drbgSettableProviderName: true,
};

const OPENSSL_40: LineBehaviour = {
  ...OPENSSL_36,
  line: '4.0',
  fetchTrimsName: false,
  hmacMacParam: false,
  seedConfigFatal: true,
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
