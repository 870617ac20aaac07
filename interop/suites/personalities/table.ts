/**
 * What differs between the two personalities: for each behaviour, what OpenSSL 1.1.1w does,
 * what OpenSSL 3.0 does and what FIPS mode changes, as values the tests check
 * (test/compat/personalities.spec.ts runs one test per row on both of randshim's personalities
 * with these values) and as the text of README's personality table
 * (scripts/personality-table.ts renders it; test/compat/personality-table.spec.ts fails when
 * README's copy is stale or a cited test or scenario does not exist). Each row also cites the
 * oracle comparisons that show real OpenSSL behaving so (the OpenSSL sources: 1.1.1w's
 * crypto/rand/drbg_lib.c and rand_lib.c, 3.0's crypto/rand/rand_lib.c and
 * providers/implementations/rands/).
 *
 * FIPS mode means, in the 1.1.1 personality, FIPS_mode_set(1) (the RAND_add rule of OpenSSL
 * commit 3a50a8a9, which no 1.1.1 release has), and in the 3.x personality randshim's FIPS
 * provider loaded with "fips=yes" in the default properties (code reading of the FIPS_MODULE
 * build; no FIPS provider was run).
 */

/** One cell: the value a test checks, and the text the table shows. */
export interface Cell<V> {
  readonly value: V;
  readonly text: string;
}

/** A test that shows the row: `test` starts mocha's full title of a test in `file`;
 * `scenario`, when given, names the scenario of that test's catalogue that shows it; `label`
 * is what the table shows. */
export interface Proof {
  readonly file: string;
  readonly test: string;
  readonly scenario?: string;
  readonly label: string;
}

export interface Behaviour<A, B, F> {
  readonly id: string;
  readonly behaviour: string;
  readonly openssl111: Cell<A>;
  readonly openssl3: Cell<B>;
  readonly fips: Cell<F>;
  /** Oracle comparisons (the personality spec's own test is implied). */
  readonly proofs: readonly Proof[];
}

/** The personality spec: one test per row, titled `${id}: ${behaviour}`. */
export const PERSONALITY_SPEC = 'test/compat/personalities.spec.ts';
export const PERSONALITY_SUITE = 'personalities: what 1.1.1w does, what 3.0 does, what FIPS mode changes';

const S111 = 'test/compat/rand-drbg-scenarios.spec.ts';
const T111 = 'OpenSSL 1.1.1 RAND / RAND_DRBG scenarios: randshim vs real 1.1.1';
const RAND3 = 'test/compat/rand3-scenarios.spec.ts';
const TRAND3 = 'RAND front end scenarios: randshim compat/openssl3 vs system-3 finds no difference';
const EVP = 'test/compat/evp-rand-scenarios.spec.ts';
const TEVP = 'EVP_RAND scenarios: randshim compat/openssl3 vs system-3 finds no difference';
const WASM = 'test/interop/wasm31.spec.ts';
const TWASM = 'wasm-3.1 oracle: openssl rand on OpenSSL 3.1.0 vs the same program on randshim compat/openssl3';

const p111 = (scenario: string): Proof => ({ file: S111, test: `${T111} ${scenario}:`, scenario, label: scenario });
const rand3 = (scenario: string): Proof => ({ file: RAND3, test: TRAND3, scenario, label: scenario });
const evp = (scenario: string): Proof => ({ file: EVP, test: TEVP, scenario, label: scenario });
const wasm = (test: string): Proof => ({ file: WASM, test: `${TWASM} ${test}`, label: test });
const other = (file: string, suite: string, test: string): Proof => ({ file, test: `${suite} ${test}`, label: test });

const NID_AES_256_CTR = 906;
const PRIMARY = { requests: 256, seconds: 3600 } as const;
const SECONDARY = { requests: 65536, seconds: 420 } as const;
const intervals = (i: { requests: number; seconds: number }): string => `${i.requests} requests / ${i.seconds} s`;

export const PERSONALITIES = {
  defaultDrbg: {
    id: 'default-drbg',
    behaviour: 'Default DRBG of the shared chain',
    openssl111: { value: { type: NID_AES_256_CTR, flags: 0 }, text: 'CTR_DRBG AES-256 with df (NID_aes_256_ctr, flags 0)' },
    openssl3: { value: { name: 'CTR-DRBG', cipher: 'AES-256-CTR', useDf: 1 }, text: '"CTR-DRBG", cipher "AES-256-CTR", use_derivation_function 1' },
    fips: { value: { provider111: null, provider3: 'fips' }, text: '3.x: the same DRBG from the FIPS provider (cipher fetched there too); 1.1.1: none' },
    proofs: [p111('shared-reseed-propagation'), rand3('RAND_get0_public first: primary, public and private, every parameter, the same objects each time'),
      wasm('rand -hex N under every accepted configuration')],
  },
  primaryIntervals: {
    id: 'primary-intervals',
    behaviour: 'Reseed intervals of the master (1.1.1) / primary (3.x)',
    openssl111: { value: PRIMARY, text: intervals(PRIMARY) },
    openssl3: { value: PRIMARY, text: intervals(PRIMARY) },
    fips: { value: null, text: 'none' },
    proofs: [p111('shared-reseed-propagation'), rand3('RAND_get0_public first: primary, public and private, every parameter, the same objects each time')],
  },
  secondaryIntervals: {
    id: 'secondary-intervals',
    behaviour: 'Reseed intervals of public and private',
    openssl111: { value: SECONDARY, text: intervals(SECONDARY) },
    openssl3: { value: SECONDARY, text: intervals(SECONDARY) },
    fips: { value: null, text: 'none' },
    proofs: [p111('shared-reseed-propagation'), rand3('RAND_get0_public first: primary, public and private, every parameter, the same objects each time')],
  },
  otherIntervals: {
    id: 'other-intervals',
    behaviour: 'Reseed intervals of any other DRBG',
    openssl111: { value: { withoutParent: PRIMARY, withParent: SECONDARY },
      text: `without a parent ${intervals(PRIMARY)}, with one ${intervals(SECONDARY)}` },
    openssl3: { value: { withoutParent: PRIMARY, withParent: PRIMARY }, text: `${intervals(PRIMARY)}, parent or not` },
    fips: { value: null, text: 'none' },
    proofs: [p111('set-reseed-defaults'), evp('life of CTR AES-256-CTR')],
  },
  intervalCaps: {
    id: 'interval-caps',
    behaviour: 'Interval caps',
    openssl111: { value: { requests: 2 ** 24, seconds: 2 ** 20 }, text: '2^24 requests, 2^20 s: larger values are refused (0)' },
    openssl3: { value: null, text: 'none: any value is stored (MAX_RESEED_* are defined, never used)' },
    fips: { value: null, text: 'none' },
    proofs: [p111('reseed-cadence'), evp('reseed_requests and reseed_time_interval: types, ranges, partial application')],
  },
  defaultPers: {
    id: 'default-pers',
    behaviour: 'Default personalization (NULL pers)',
    openssl111: { value: 28, text: '"OpenSSL NIST SP 800-90A DRBG", 28 bytes (without its NUL)' },
    openssl3: { value: 29, text: 'the same string, 29 bytes (with its NUL)' },
    fips: { value: null, text: 'none' },
    proofs: [p111('implicit-instantiation-and-recovery'), other('test/interop/system3.spec.ts', 'system-3 oracle', 'reproduces the 3.0.19 CTR-DRBG AES-256 check vector')],
  },
  primarySeed: {
    id: 'primary-seed',
    behaviour: 'Entropy source and nonce of the master / primary',
    openssl111: { value: { entropy: 32, nonce: 40 }, text: 'the OS: 32 bytes of entropy and a 40-byte nonce {pid, tid, time, address, count}' },
    openssl3: { value: { entropy: 48, nonce: 0 }, text: 'its SEED-SRC parent: 48 bytes (1.5 x 32 in place of a nonce), no nonce' },
    fips: { value: { entropy: 32, nonce: true },
      text: '3.x: the FIPS provider has no SEED-SRC, so the primary has no parent: 32 bytes from the OS and a nonce (code reading)' },
    proofs: [p111('rand-add-entropy-path'), wasm('-rand FILE (RAND_load_file: RAND_add per chunk, the last chunk up to 1280 bytes) every file size'),
      wasm('other accepted spellings and settings a seed source that cannot be created leaves a parentless primary')],
  },
  childAdin: {
    id: 'child-adin',
    behaviour: 'Additional input when a child pulls from its parent',
    openssl111: { value: 'child', text: 'the child\'s own address' },
    openssl3: { value: 'parent', text: 'the parent\'s own address (the same for every child)' },
    fips: { value: null, text: 'none' },
    proofs: [p111('parent-child-pulls'),
      other(EVP, 'EVP_RAND scenarios: randshim compat/openssl3 vs system-3', 'chains match only with OpenSSL\'s addresses'),
      wasm('the primary address P is recovered without looking at the output')],
  },
  randBytesAdin: {
    id: 'rand-bytes-adin',
    behaviour: 'Additional input of RAND_bytes / RAND_priv_bytes',
    openssl111: { value: 24, text: '24 bytes {pid, 4 zero bytes, pthread_self(), low 32 bits of the TSC} on every call' },
    openssl3: { value: 0, text: 'none' },
    fips: { value: null, text: 'none' },
    proofs: [other('test/compat/rand-drbg-additional-data.spec.ts', 'RAND_DRBG_bytes additional data against real OpenSSL 1.1.1', '{pid, zero padding, pthread_self(), low 32 bits of the TSC}'), wasm('rand -hex N under every accepted configuration')],
  },
  randAdd: {
    id: 'rand-add',
    behaviour: 'RAND_add(buf, num, randomness)',
    openssl111: { value: { threshold: 32 },
      text: 'randomness counts: at or above the seed length (32) the buffer is the entropy of a full master reseed, below it only mixed in' },
    openssl3: { value: { threshold: null }, text: 'randomness is ignored: always a full primary reseed (fresh entropy) with the buffer as additional input' },
    fips: { value: { randomness111: 0 }, text: '1.1.1: randomness is treated as 0, so the buffer is never entropy; 3.x: none' },
    proofs: [p111('rand-add-threshold'), rand3('RAND_add and RAND_seed: num <= 0, randomness ignored (negative, huge, NaN, infinite), long buffers'),
      wasm('-rand FILE (RAND_load_file: RAND_add per chunk, the last chunk up to 1280 bytes) every file size')],
  },
  predictionResistance: {
    id: 'prediction-resistance',
    behaviour: 'Prediction resistance through the shared DRBGs',
    openssl111: { value: false, text: 'fails: the master\'s OS callback cannot provide it' },
    openssl3: { value: true, text: 'works: SEED-SRC is polled afresh' },
    fips: { value: null, text: 'none' },
    proofs: [p111('shared-prediction-resistance'), rand3('prediction resistance through the shared DRBGs works: SEED-SRC is polled afresh')],
  },
  propagation: {
    id: 'propagation',
    behaviour: 'Reseed propagation from a parent',
    openssl111: { value: 'shared', text: 'the three shared DRBGs only (opt-in flag); other children never follow their parent' },
    openssl3: { value: 'every', text: 'every DRBG whose parent reports a reseed counter; the first generate after instantiate always reseeds' },
    fips: { value: null, text: 'none' },
    proofs: [p111('shared-reseed-propagation'), rand3('reseed_counter propagation: public 2 then 3; RAND_add / RAND_seed / RAND_poll reseed the primary, the others follow'),
      evp('chain TEST-RAND -> CTR AES-256-CTR -> CTR AES-256-CTR')],
  },
  reseedNotReady: {
    id: 'reseed-not-ready',
    behaviour: 'Reseed of a DRBG that is not READY',
    openssl111: { value: 0, text: 'returns 0' },
    openssl3: { value: 1, text: 'restarts it first (instantiate), then reseeds: 1' },
    fips: { value: null, text: 'none' },
    proofs: [p111('reseed-and-generate-paths'), rand3('an uninstantiated primary: RAND_status 0; RAND_poll restarts it (reseed on a non-READY DRBG tries restart)'),
      evp('generate and reseed paths of CTR AES-256-CTR')],
  },
  generateZero: {
    id: 'generate-zero',
    behaviour: 'Generating 0 bytes',
    openssl111: { value: 'generate', text: 'RAND_DRBG_generate counts a request and the CTR DRBG advances V once more' },
    openssl3: { value: 'nothing', text: 'EVP_RAND_generate returns 1 without calling the DRBG' },
    fips: { value: null, text: 'none' },
    proofs: [p111('reseed-and-generate-paths'), evp('generate and reseed paths of CTR AES-256-CTR')],
  },
  negativeCount: {
    id: 'negative-count',
    behaviour: 'RAND_bytes / RAND_priv_bytes with a negative count',
    openssl111: { value: { ret: 0, reason: 'PASSED_INVALID_ARGUMENT' },
      text: 'C converts it to a huge size_t and overruns the buffer; randshim returns 0 (ERR_R_PASSED_INVALID_ARGUMENT)' },
    openssl3: { value: { ret: 0, reason: null }, text: 'returns 0 with no error and nothing created' },
    fips: { value: null, text: 'none' },
    proofs: [other('test/compat/rand-drbg-local.spec.ts', '1.1.1 personality: what only randshim can be made to show', 'short-buffers'),
      rand3('RAND_bytes: a negative count creates nothing and returns 0; 0 bytes create the chain; 1 to 1 MiB (chunked at 65536)')],
  },
  fipsRandAdd: {
    id: 'fips-rand-add',
    behaviour: 'RAND_add / RAND_seed in FIPS mode',
    openssl111: { value: null, text: 'as above (no 1.1.1 release has a FIPS mode: FIPS_mode_set(1) fails)' },
    openssl3: { value: null, text: 'as above' },
    fips: { value: { randomness111: 0 },
      text: '1.1.1 personality: RAND_add(buf, n, r) behaves as RAND_add(buf, n, 0) (commit 3a50a8a9); 3.x: no change (the buffer already is additional input)' },
    proofs: [p111('fips-rand-add')],
  },
  fipsReseedEntropy: {
    id: 'fips-reseed-entropy',
    behaviour: 'EVP_RAND_reseed with an entropy buffer',
    openssl111: { value: null, text: 'no such call (RAND_DRBG_reseed takes no entropy)' },
    openssl3: { value: { ctr: 1, hash: 1 }, text: 'reseeds with it as entropy, then again from its own source' },
    fips: { value: { ctr: 0, hash: 1 },
      text: '3.x: the buffer is additional input only (SP 800-90A 8.6.5): CTR-DRBG refuses (0, error state), Hash / HMAC accept (real fips.so of 3.5, 3.6, 4.0; 3.0 from source)' },
    proofs: [evp('generate and reseed paths of CTR AES-256-CTR'),
      other('test/fips/drbg-scenarios.spec.ts', 'FIPS DRBG scenarios on the real FIPS provider (3.5, 3.6, 4.0; every fipsinstall configuration) 3.5 default',
        'uses caller entropy on reseed as additional input only: CTR refuses, then restarts')],
  },
} as const satisfies Record<string, Behaviour<unknown, unknown, unknown>>;

export type PersonalityRowKey = keyof typeof PERSONALITIES;

/** The rows in table order. */
export function personalityRows(): readonly Behaviour<unknown, unknown, unknown>[] {
  return Object.values(PERSONALITIES);
}
