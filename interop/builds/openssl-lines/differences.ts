/**
 * How the live lines differ from OpenSSL 3.0 (and so from randshim's current 3.0 personality) in
 * the 3.x suites, as data for the per-line personalities: one row per behaviour, with the lines
 * where it was observed on the real library, the calls it shows in, what 3.0 does, what the line
 * does and why (OpenSSL file:function). Rows are written from the observations of
 * test/interop/lines.spec.ts, which checks that every observed difference falls under a row and
 * that every row is observed on every line it names.
 *
 * A row matches an {@link ObservedDifference} by suite, scenario and call label, and by a
 * predicate on the two observations that pins the change itself (an added error code, a value),
 * so that an unrelated difference in the same call is not swallowed. The first matching row wins.
 *
 * `source` says how the reason is known: 'read' (the change was read in that OpenSSL source
 * tree), 'observed' (seen on the binary; the function named is where the behaviour lives, the
 * change itself was not traced in the source).
 */
import type { Observation } from '../../suites/evp-rand/scenario.js';
import type { ObservedDifference, ScenarioSuite } from './compare.js';
import type { LineId } from './lines.js';
import type { LineBehaviour } from '../../../provider/openssl3/lines.js';

export interface LineDifference {
  readonly id: string;
  readonly lines: readonly LineId[];
  readonly suites: readonly ScenarioSuite[];
  readonly scenario: RegExp;
  readonly call: RegExp;
  /** What OpenSSL 3.0 (and randshim's compat/openssl3 today) does. */
  readonly openssl30: string;
  /** What the line does. */
  readonly line: string;
  /** OpenSSL file:function (and version) behind the change. */
  readonly reason: string;
  readonly source: 'read' | 'observed';
  /** The change itself: `r` is 3.0's observation, `l` the line's (undefined: call not made). */
  readonly when: (r: Observation | undefined, l: Observation | undefined) => boolean;
  /** The flag of provider/openssl3/lines.ts with which the line's personality does what the
   * line does: the suites compare each line with its personality, so a modelled row is
   * observed on no line (and test/interop/lines.spec.ts fails if it is). */
  readonly modelledBy?: keyof LineBehaviour;
}

/** The common libcrypto reasons crypto/params.c raises from 3.2 on when an OSSL_PARAM conversion
 * fails (3.0 failed silently), by the names interop/builds/openssl3/reasons.ts gives them;
 * numbers and strings as the lines' own ERR_reason_error_string. */
export const PARAM_CONVERSION_ERRORS: Readonly<Record<string, string>> = {
  PARAM_CANNOT_BE_REPRESENTED_EXACTLY: 'CRYPTO_R_PARAM_CANNOT_BE_REPRESENTED_EXACTLY (123) "param cannot be represented exactly"',
  PARAM_UNSIGNED_INTEGER_NEGATIVE_VALUE_UNSUPPORTED:
    'CRYPTO_R_PARAM_UNSIGNED_INTEGER_NEGATIVE_VALUE_UNSUPPORTED (125) "param unsigned integer negative value unsupported"',
  PARAM_VALUE_TOO_LARGE_FOR_DESTINATION: 'CRYPTO_R_PARAM_VALUE_TOO_LARGE_FOR_DESTINATION (126) "param value too large for destination"',
  PARAM_OF_INCOMPATIBLE_TYPE: 'CRYPTO_R_PARAM_OF_INCOMPATIBLE_TYPE (129) "param of incompatible type"',
};

/** PROV_R_REPEATED_PARAMETER (252), unknown to 3.0's reason table. */
const REPEATED = 'PROV:REPEATED_PARAMETER';

const errs = (o: Observation | undefined): string[] => (o?.errors ?? []).map((e) => `${e.lib}:${e.reason}`);
const isParamError = (e: string): boolean => e.startsWith('CRYPTO:') && e.slice(7) in PARAM_CONVERSION_ERRORS;
/** Everything but the errors is equal. */
const sameButErrors = (r: Observation | undefined, l: Observation | undefined): boolean =>
  r !== undefined && l !== undefined && JSON.stringify({ ...r, errors: [] }) === JSON.stringify({ ...l, errors: [] });
/** The line's errors are 3.0's with the given rewrite, after dropping its param conversion errors. */
const errorsRewritten = (r: Observation | undefined, l: Observation | undefined, rewrite: (e: string) => string): boolean =>
  sameButErrors(r, l) && JSON.stringify(errs(r).map(rewrite)) === JSON.stringify(errs(l).filter((e) => !isParamError(e)));
const tableWith = (r: Observation | undefined, l: Observation | undefined, edit: (table: string) => string): boolean =>
  typeof r?.ret === 'string' && typeof l?.ret === 'string' && edit(r.ret) === l.ret && sameButErrors({ ...r, ret: 0 }, { ...l, ret: 0 });
const onlyLine = (r: Observation | undefined, l: Observation | undefined): boolean => r === undefined && l !== undefined;
const only30 = (r: Observation | undefined, l: Observation | undefined): boolean => r !== undefined && l === undefined;
const any = (): boolean => true;
const withoutMac = (table: string): string => table.replace(/(^|,)mac:4:0/, '').replace(/^,/, '');
/** A DRBG settable list as 3.6 gives it: `provider-name` before reseed_requests. */
const withProviderName = (table: string): string => table.replace(',reseed_requests:', ',provider-name:4:0,reseed_requests:');

const ALL: readonly LineId[] = ['3.5', '3.6', '4.0'];
const EVP: readonly ScenarioSuite[] = ['evp-rand'];
const FRONT: readonly ScenarioSuite[] = ['rand-front-end'];
const BOTH: readonly ScenarioSuite[] = ['evp-rand', 'rand-front-end'];
const ANY = /.*/;
const TABLE_CALLS = /^(gettable_ctx_params|settable_ctx_params|CTX_gettable_params|CTX_settable_params) /;

export const LINE_DIFFERENCES: readonly LineDifference[] = [
  // ---- TEST-RAND
  {
    id: 'test-rand-generate-listed', lines: ALL, suites: EVP, scenario: ANY, call: TABLE_CALLS,
    openssl30: 'TEST-RAND lists test_entropy, test_nonce, strength, max_request (settable) and state, strength, max_request (gettable)',
    line: 'both lists end with `generate` (uint): the xorshift PRNG mode',
    reason: 'providers/implementations/rands/test_rng.c: test_rng_gettable_ctx_params, test_rng_settable_ctx_params (3.5)',
    source: 'read',
    when: (r, l) => tableWith(r, l, (t) => `${t},generate:2:4`),
    modelledBy: 'testRandGenerate',
  },
  {
    id: 'test-rand-generate-read', lines: ALL, suites: EVP, scenario: ANY, call: /\.generate$/,
    openssl30: 'no `generate` parameter, so `getall` makes no such call',
    line: '`generate` reads 0 (4 bytes, modified)',
    reason: 'providers/implementations/rands/test_rng.c: test_rng_get_ctx_params (3.5)', source: 'read',
    when: (r, l) => onlyLine(r, l) && l?.ret === 1 && l.params?.[0]?.data === '00000000',
    modelledBy: 'testRandGenerate',
  },
  {
    id: 'test-rand-strength-above-int-max', lines: ['3.6', '4.0'], suites: EVP,
    scenario: /^(a DRBG under a TEST-RAND of strength (2147483648|4294967295)|TEST-RAND parameters, generate, nonce, exhaustion and strength)$/,
    call: /^(get tr|get t\.strength|get_strength t|get_strength tr|new c|set c)$/,
    openssl30: 'a TEST-RAND strength above INT_MAX is stored but cannot be read back (get_ctx_params writes it with '
      + 'OSSL_PARAM_set_int and fails), so EVP_RAND_get_strength gives 0 and a DRBG child cannot be created '
      + '(PROV_R_UNABLE_TO_GET_PARENT_STRENGTH)',
    line: 'the generated decoder writes `strength` as the uint it is: it reads back, EVP_RAND_get_strength returns it and '
      + 'the child is created; read into an int it fails with CRYPTO_R_PARAM_VALUE_TOO_LARGE_FOR_DESTINATION',
    reason: 'providers/implementations/rands/test_rng.c(.in): test_rng_get_ctx_params, generated by '
      + 'util/perl/OpenSSL/paramnames.pm (3.6)',
    source: 'observed',
    when: (r, l) => r !== undefined && l !== undefined && !errs(l).includes(REPEATED),
    modelledBy: 'testRandStrengthUint',
  },
  // ---- OSSL_PARAM parsing
  {
    id: 'repeated-parameter', lines: ['3.6', '4.0'], suites: EVP, scenario: ANY, call: /^(get|set) /,
    openssl30: 'a key given twice in one array: the first one is used (OSSL_PARAM_locate)',
    line: 'the whole get/set fails with PROV_R_REPEATED_PARAMETER (252) "repeated parameter", nothing is written',
    reason: 'util/perl/OpenSSL/paramnames.pm: output_param_decoder (3.6 generated decoders in every provider)',
    source: 'read',
    when: (r, l) => l?.ret === 0 && errs(l).includes(REPEATED) && r !== undefined,
    modelledBy: 'repeatedParamKeyRefused',
  },
  {
    id: 'hmac-mac-type-raises-36', lines: ['3.6'], suites: EVP, scenario: /^HMAC-DRBG mac and digest parameters$/, call: /^set x$/,
    openssl30: 'HMAC-DRBG `mac` given as an integer: the set fails with an empty queue (3.5 likewise)',
    line: 'the set fails with CRYPTO_R_PARAM_OF_INCOMPATIBLE_TYPE: the MAC name is read with '
      + 'OSSL_PARAM_get_utf8_string_ptr, which raises (3.5 checked data_type itself)',
    reason: 'providers/common/provider_util.c: ossl_prov_macctx_load (3.6, called by drbg_hmac_set_ctx_params_locked)',
    source: 'read',
    when: (r, l) => r?.ret === 0 && l?.ret === 0 && errorsRewritten(r, l, (e) => e)
      && errs(l).join() === 'CRYPTO:PARAM_OF_INCOMPATIBLE_TYPE',
    modelledBy: 'macctxLoadReadsStringPtr',
  },
  {
    id: 'param-conversion-errors', lines: ALL, suites: EVP, scenario: ANY, call: ANY,
    openssl30: 'a failed OSSL_PARAM conversion (wrong type, negative into unsigned, too large, inexact) fails the call '
      + 'with an empty error queue',
    line: 'the same result, and crypto/params.c raises one of CRYPTO_R_PARAM_CANNOT_BE_REPRESENTED_EXACTLY (123), '
      + '_UNSIGNED_INTEGER_NEGATIVE_VALUE_UNSUPPORTED (125), _VALUE_TOO_LARGE_FOR_DESTINATION (126), '
      + '_OF_INCOMPATIBLE_TYPE (129)',
    reason: 'crypto/params.c: general_get_int, general_set_uint, OSSL_PARAM_get_* / set_* (ERR_raise since 3.2)',
    source: 'observed',
    when: (r, l) => errorsRewritten(r, l, (e) => e) && errs(l).some(isParamError),
    modelledBy: 'paramErrorsRaised',
  },
  {
    id: 'utf8-get-too-small', lines: ALL, suites: EVP, scenario: ANY, call: /^get /,
    openssl30: 'reading a UTF-8 parameter into a buffer too small fails with an empty queue',
    line: 'fails with CRYPTO_R_TOO_SMALL_BUFFER; a second read reports return_size 0 after a type error',
    reason: 'crypto/params.c: get_string_internal (ERR_raise since 3.2)', source: 'observed',
    when: (r, l) => r !== undefined && l !== undefined && r.ret === 0 && l.ret === 0
      && errs(l).every((e) => e === 'CRYPTO:TOO_SMALL_BUFFER' || isParamError(e)) && errs(l).length > 0,
    modelledBy: 'paramErrorsRaised',
  },
  {
    id: 'wrong-type-accepted', lines: ALL, suites: EVP,
    scenario: /^(CTR-DRBG cipher parameter|HMAC-DRBG mac and digest parameters|HASH-DRBG digest parameter)$/, call: /^(set x|get x)$/,
    openssl30: 'a wrongly typed value (e.g. cipher as an integer) fails the set',
    line: 'the set succeeds: from 3.5 a HASH-DRBG set naming a digest that exists, whatever the type of `properties` '
      + '(or any `engine`: the direct fetch never reads them), and one naming no digest; from 3.6 a CTR-DRBG set whose '
      + '`properties` is not a string (taken as none); on 4.0 an HMAC-DRBG set of any `mac` (no such parameter)',
    reason: 'providers/implementations/rands/drbg_hash.c: drbg_fetch_digest_from_prov before ossl_prov_digest_load '
      + '(3.5); drbg_ctr.c: drbg_ctr_set_ctx_params_locked (3.6); drbg_hmac.c: drbg_hmac_set_ctx_params_locked (4.0). '
      + 'Modelled with '
      + 'hashDigestFetchedFirst, ctrMistypedPropertiesIgnored and hmacMacParam',
    source: 'read',
    when: (r, l) => r?.ret === 0 && l?.ret === 1 && r.call.startsWith('set '),
    modelledBy: 'hashDigestFetchedFirst',
  },
  // ---- EVP / fetch
  {
    id: 'ctx-new-evp-lib', lines: ALL, suites: EVP, scenario: ANY, call: /^new /,
    openssl30: 'EVP_RAND_CTX_new whose provider newctx fails adds EVP_R_MALLOC_FAILURE (ERR_R_MALLOC_FAILURE)',
    line: 'adds ERR_R_EVP_LIB instead',
    reason: 'crypto/evp/evp_rand.c: EVP_RAND_CTX_new (3.5 replaced ERR_R_MALLOC_FAILURE raises)', source: 'observed',
    when: (r, l) => errorsRewritten(r, l, (e) => (e === 'EVP:MALLOC_FAILURE' ? 'EVP:EVP_LIB' : e)),
    modelledBy: 'ctxNewFailureIsEvpLib',
  },
  {
    id: 'fetch-trailing-space', lines: ['3.5', '3.6'], suites: EVP, scenario: /^fetch unknown names$/, call: /^fetch x6$/,
    openssl30: 'EVP_RAND_fetch("CTR-DRBG ") fails: EVP_R_UNSUPPORTED',
    line: 'finds CTR-DRBG (the name is trimmed); 4.0 refuses it again, as 3.0 does',
    reason: 'crypto/core_namemap.c / crypto/evp/evp_fetch.c: name parsing (3.x after 3.0)', source: 'observed',
    when: (r, l) => r?.ret === null && l?.ret === 'CTR-DRBG',
    modelledBy: 'fetchTrimsName',
  },
  {
    id: 'nonce-zero-length', lines: ALL, suites: EVP, scenario: /^generate and reseed paths of /, call: /^nonce \w+ 0$/,
    openssl30: 'EVP_RAND_nonce(ctx, out, 0) on a DRBG returns 1 with nothing written',
    line: 'returns 0 with EVP_R_PASSED_NULL_PARAMETER',
    reason: 'crypto/evp/evp_rand.c: EVP_RAND_nonce / evp_rand_nonce_locked', source: 'observed',
    when: (r, l) => r?.ret === 1 && l?.ret === 0 && errs(l).join() === 'EVP:PASSED_NULL_PARAMETER',
    modelledBy: 'nonceZeroLengthRefused',
  },
  // ---- HMAC-DRBG mac / digest
  {
    id: 'hmac-digest-only-35', lines: ['3.5'], suites: EVP, scenario: /^HMAC-DRBG mac and digest parameters$/, call: ANY,
    openssl30: 'HMAC-DRBG with a digest but no `mac` is unsized and fails to instantiate: PROV_R_MISSING_MAC',
    line: 'the digest alone sizes it (mac defaults to HMAC): strength 256, instantiate succeeds, and every later read '
      + 'follows from a live DRBG',
    reason: 'providers/implementations/rands/drbg_hmac.c: drbg_hmac_set_ctx_params_locked, drbg_fetch_algs_from_prov (3.5)',
    source: 'observed', when: any,
    modelledBy: 'hmacDigestFetchedFirst',
  },
  {
    id: 'hmac-mac-before-digest', lines: ALL, suites: EVP,
    scenario: /^HMAC-DRBG given its MAC before its digest/, call: /^(set x|get x\.(strength|min_entropylen|min_noncelen)|get_strength x)$/,
    openssl30: 'mac=HMAC before any digest raises EVP_R_MESSAGE_DIGEST_IS_NULL (the set succeeds) and sizes the DRBG '
      + 'from the NULL digest (strength 256, min_entropylen 32, min_noncelen 16)',
    line: 'no error, and the DRBG stays unsized (strength 0, lengths 0) until a digest is set',
    reason: 'providers/implementations/rands/drbg_hmac.c: drbg_hmac_set_ctx_params_locked (3.5: `md != NULL && '
      + 'hmac->ctx != NULL`)', source: 'read',
    when: (r, l) => r !== undefined && l !== undefined,
    modelledBy: 'hmacSizedFromNullDigest',
  },
  {
    id: 'hmac-no-mac-parameter-40', lines: ['4.0'], suites: BOTH, scenario: ANY, call: ANY,
    openssl30: 'HMAC-DRBG lists, reads and takes `mac`',
    line: 'no `mac` parameter: absent from both lists, never read by getall, ignored by set; the MAC is always HMAC',
    reason: 'providers/implementations/rands/drbg_hmac.c: drbg_hmac_gettable/settable_ctx_params (4.0)', source: 'read',
    when: (r, l) => (only30(r, l) && /\.mac$/.test(r?.call ?? ''))
      || (typeof r?.ret === 'string' && /(^|,)mac:4:0/.test(r.ret)
        && (tableWith(r, l, withoutMac) || tableWith(r, l, (t) => withProviderName(withoutMac(t)))))
      || (r?.call === 'get x' && r.params?.length === 1 && r.params[0].key === 'mac' && r.ret === 0 && l?.ret === 1),
    modelledBy: 'hmacMacParam',
  },
  {
    id: 'hmac-mac-and-digest-40', lines: ['4.0'], suites: EVP, scenario: /^HMAC-DRBG mac and digest parameters$/, call: ANY,
    openssl30: 'as for 3.5: without `mac` the DRBG is unsized',
    line: 'the digest alone sizes it (there is no mac to set): the DRBG lives, and every later read follows',
    reason: 'providers/implementations/rands/drbg_hmac.c: drbg_fetch_algs_from_prov, drbg_hmac_set_ctx_params_locked '
      + '(4.0: an HMAC context for every digest set)', source: 'read', when: any,
    modelledBy: 'hmacDigestFetchedFirst',
  },
  // ---- chains and seeds
  {
    id: 'seed-src-parent-reseed', lines: ALL, suites: EVP, scenario: /^chain SEED-SRC -> /, call: /^(reseed p|get_state p)$/,
    openssl30: 'after its SEED-SRC parent is uninstantiated, reseeding the child fails: PROV_R_NOT_INSTANTIATED, '
      + 'PROV_R_ERROR_RETRIEVING_ENTROPY, state ERROR',
    line: 'the reseed succeeds: SEED-SRC serves entropy whatever its state',
    reason: 'providers/implementations/rands/seed_src.c: seed_get_seed (3.5 polls its own pool and mixes the adin in; '
      + '3.0 went through seed_src_generate, which checks the state)',
    source: 'read', when: (r, l) => r !== undefined && l !== undefined && l.ret === 1,
    modelledBy: 'seedSrcGetSeedStateless',
  },
  // ---- RAND front end
  {
    id: 'rand-drbg-type-hash-no-digest', lines: ALL, suites: FRONT, scenario: /^RAND_set_DRBG_type\(HASH-DRBG, null, null, null\)/,
    call: ANY,
    openssl30: 'a HASH-DRBG primary without a digest: PROV_R_MALLOC_FAILURE first in the queue',
    line: 'PROV_R_ENTROPY_SOURCE_STRENGTH_TOO_WEAK first (the unsized DRBG asks its seed for 0 bits), the rest unchanged',
    reason: 'providers/implementations/rands/drbg.c: ossl_prov_drbg_instantiate (3.5 dropped the malloc raise)', source: 'observed',
    when: (r, l) => errorsRewritten(r, l, (e) => (e === 'PROV:MALLOC_FAILURE' ? 'PROV:ENTROPY_SOURCE_STRENGTH_TOO_WEAK' : e)),
    modelledBy: 'zeroSeedIsTooWeak',
  },
  {
    id: 'rand-drbg-type-seed-src', lines: ALL, suites: FRONT, scenario: /^RAND_set_DRBG_type\(SEED-SRC/, call: ANY,
    openssl30: 'SEED-SRC as the DRBG type: SEED_SOURCES_MUST_NOT_HAVE_A_PARENT, EVP_R_MALLOC_FAILURE, RAND_R_UNABLE_TO_CREATE_DRBG',
    line: 'ERR_R_EVP_LIB in place of the malloc failure',
    reason: 'crypto/evp/evp_rand.c: EVP_RAND_CTX_new (3.5)', source: 'observed',
    when: (r, l) => errorsRewritten(r, l, (e) => (e === 'EVP:MALLOC_FAILURE' ? 'EVP:EVP_LIB' : e)),
    modelledBy: 'ctxNewFailureIsEvpLib',
  },
  {
    id: 'seed-source-type-refused-once-seed-exists', lines: ALL, suites: FRONT, scenario: /^RAND_set_seed_source_type\(/,
    call: /^RAND_set_seed_source_type\(null, null\)$/,
    openssl30: 'RAND_set_seed_source_type refuses once the primary exists (RAND_R_ALREADY_INSTANTIATED)',
    line: 'refuses once the seed exists: accepted when the seed could not be made, refused when a TEST-RAND seed exists',
    reason: 'crypto/rand/rand_lib.c: RAND_set_seed_source_type (3.5)', source: 'read',
    when: (r, l) => r !== undefined && l !== undefined && r.ret !== l.ret,
    modelledBy: 'seedSourceTypeGuardIsSeed',
  },
  {
    id: 'configured-seed-fatal-40', lines: ['4.0'], suites: FRONT, scenario: /^RAND_set_seed_source_type\((SEED-SRC, provider=fips|NO-SUCH-SOURCE|HASH-DRBG, null)/,
    call: ANY,
    openssl30: 'a configured seed source that cannot be made is dropped silently: a parentless primary is created',
    line: 'RAND_get0_primary fails (RAND_R_UNABLE_TO_FETCH_DRBG, or the seed\'s own instantiate errors), so every later '
      + 'call of the scenario meets no primary',
    reason: 'crypto/rand/rand_lib.c: rand_new_seed (`fallback` only for the default name), rand_get0_primary (4.0)',
    source: 'read', when: any,
    modelledBy: 'seedConfigFatal',
  },
  {
    id: 'provider-name-settable-36', lines: ['3.6', '4.0'], suites: BOTH, scenario: ANY, call: TABLE_CALLS,
    openssl30: 'DRBG settable lists: properties, cipher|digest[, mac], use_derivation_function (CTR), reseed_*',
    line: '`provider-name` (UTF-8) listed before reseed_requests',
    reason: 'providers/implementations/rands/drbg_ctr.c: drbg_ctr_settable_ctx_params, and drbg_hash.c / drbg_hmac.c '
      + 'likewise (3.6 lists OSSL_PROV_PARAM_CORE_PROV_NAME)',
    source: 'observed',
    when: (r, l) => tableWith(r, l, withProviderName),
    modelledBy: 'drbgSettableProviderName',
  },
];

/** All rows (every suite). */
export function lineDifferenceRows(): readonly LineDifference[] {
  return LINE_DIFFERENCES;
}

/** Whether `row` describes `d`, the line aside. */
export function rowMatches(row: LineDifference, d: ObservedDifference): boolean {
  return row.suites.includes(d.suite) && row.scenario.test(d.scenario) && row.call.test(d.call) && row.when(d.randshim, d.openssl);
}

/** The first row that explains `d` on its line, or undefined. */
export function explain(d: ObservedDifference): LineDifference | undefined {
  return LINE_DIFFERENCES.find((row) => (row.lines as readonly string[]).includes(d.line) && rowMatches(row, d));
}
