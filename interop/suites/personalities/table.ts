/**
 * What differs between the personalities: for each behaviour, what OpenSSL 1.1.1w does, what
 * each OpenSSL 3.x line does (3.0, 3.5, 3.6, 4.0) and what FIPS mode changes, as values the
 * tests check and as the text of the personality tables of docs/personalities.md
 * (scripts/personality-table.ts renders them; test/compat/personality-table.spec.ts fails when
 * that copy is stale or a cited test or scenario does not exist).
 *
 * Each cell is checked twice:
 * - on randshim's personality of its column by test/compat/personalities.spec.ts: compat/1.1.1,
 *   compat/openssl3 (3.0) and compat/openssl3-lines' 3.5, 3.6 and 4.0, one test per row and line;
 * - on the real library of its column by the tests each row cites. Every 3.x row that can be put
 *   as a question (./line-questions.ts) is also asked of the machine's 3.0 and of the real 3.5,
 *   3.6 and 4.0 by test/interop/personalities-lines.spec.ts, which requires the table's value.
 *
 * A cell whose `randshim` is set records a behaviour of the real line that randshim's
 * personality does not have yet: `value` / `text` are the real library's, `randshim` what the
 * personality does instead (both are checked, so the cell fails once the personality changes).
 *
 * FIPS mode means, in the 1.1.1 personality, FIPS_mode_set(1) (the RAND_add rule of OpenSSL
 * commit 3a50a8a9, which no 1.1.1 release has), and in the 3.x personalities randshim's FIPS
 * provider loaded with "fips=yes" in the default properties.
 */
import type { OpenSSL3Line } from '../../../provider/openssl3/lines.js';

/** What randshim's personality does where it does not do what the real library does. */
export interface Divergence<V> {
  readonly value: V;
  readonly text: string;
}

/** One cell: the value a test checks, and the text the table shows. */
export interface Cell<V> {
  readonly value: V;
  readonly text: string;
  readonly randshim?: Divergence<V>;
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

export type Line3 = OpenSSL3Line;
export const LINES3: readonly Line3[] = ['3.0', '3.5', '3.6', '4.0'];
/** The lines after 3.0, each a column of the second table. */
export type NewLine = Exclude<Line3, '3.0'>;
export const NEW_LINES: readonly NewLine[] = ['3.5', '3.6', '4.0'];

/** The table's value columns. */
export type Column = '1.1.1' | Line3 | 'fips';
export const COLUMNS: readonly Column[] = ['1.1.1', ...LINES3, 'fips'];

export interface Behaviour<A, B, F> {
  readonly id: string;
  readonly behaviour: string;
  readonly openssl111: Cell<A>;
  /** One cell per 3.x line. */
  readonly openssl3: Readonly<Record<Line3, Cell<B>>>;
  readonly fips: Cell<F>;
  /** Real-library tests per column, beyond the two implied ones (the personality spec's test of
   * the column, and test/interop/personalities-lines.spec.ts's for rows with a line question). */
  readonly proofs: Readonly<Partial<Record<Column, readonly Proof[]>>>;
}

/** The personality spec: per row, `${id}: ${behaviour}` (1.1.1, 3.0 and FIPS mode) and
 * `${id} on ${line}: ${behaviour}` for each later line. */
export const PERSONALITY_SPEC = 'test/compat/personalities.spec.ts';
export const PERSONALITY_SUITE = 'personalities: what 1.1.1w does, what each 3.x line does, what FIPS mode changes';

/** The real-library spec of the line questions: per line, `${id}: ${behaviour}`. */
export const LINES_SPEC = 'test/interop/personalities-lines.spec.ts';
export const LINES_SUITE = 'personality table rows asked of the real 3.x libraries';
/** The describe of each line in {@link LINES_SPEC}: the machine's 3.0 or the line's child. */
export const lineBuildLabel = (line: Line3): string => (line === '3.0' ? 'system-3.0 (the machine\'s, in the line child)' : `system-${line}`);
/** The test of {@link LINES_SPEC} that checks real 1.1.1 has none of the 3.x calls. */
export const LINES_SPEC_111 = 'system-1.1.1 has no EVP_RAND, provider or 3.5 call the 3.x-only rows ask about, and ENGINE\'s RAND calls';

const S111 = 'test/compat/rand-drbg-scenarios.spec.ts';
const T111 = 'OpenSSL 1.1.1 RAND / RAND_DRBG scenarios: randshim vs real 1.1.1';
const RAND3 = 'test/compat/rand3-scenarios.spec.ts';
const TRAND3 = 'RAND front end scenarios: randshim compat/openssl3 vs system-3 finds no difference';
const EVP = 'test/compat/evp-rand-scenarios.spec.ts';
const TEVP = 'EVP_RAND scenarios: randshim compat/openssl3 vs system-3 finds no difference';
const WASM = 'test/interop/wasm31.spec.ts';
const TWASM = 'wasm-3.1 oracle: openssl rand on OpenSSL 3.1.0 vs the same program on randshim compat/openssl3';
const COMMAND = 'test/interop/openssl-command.spec.ts';
const TCOMMAND = 'native openssl rand (3.0, 3.5, 3.6, 4.0) vs the same program on each line\'s personality';
const COMMAND_ACCEPTED = 'every accepted [random] configuration: rand -hex N around both chunk sizes, -rand FILE and -writerand';
const COMMAND_ADDRESS = 'the primary address is what makes the bytes: each run has its own (ASLR), each is reproduced, a wrong one is not';
const LINES = 'test/interop/lines.spec.ts';
const TLINES = 'the live OpenSSL lines (3.5, 3.6, 4.0) in child processes';

const p111 = (scenario: string): Proof => ({ file: S111, test: `${T111} ${scenario}:`, scenario, label: scenario });
const rand3 = (scenario: string): Proof => ({ file: RAND3, test: TRAND3, scenario, label: scenario });
const evp = (scenario: string): Proof => ({ file: EVP, test: TEVP, scenario, label: scenario });
const wasm = (test: string): Proof => ({ file: WASM, test: `${TWASM} ${test}`, label: test });
const other = (file: string, suite: string, test: string): Proof => ({ file, test: `${suite} ${test}`, label: test });
/** The native `openssl rand` test of that name on each later line (3.0's is `system-3`). */
const command = (test: string): Record<NewLine, Proof[]> => perLine((line) => [other(COMMAND, `${TCOMMAND} system-${line}`, test)]);
/** A test of test/interop/lines.spec.ts on each later line. */
const linesTest = (test: string): Record<NewLine, Proof[]> => perLine((line) => [other(LINES, `${TLINES} system-${line}`, test)]);
/** Another row's line question, on every 3.x line. */
const askedIn = (id: string, behaviour: string): Record<Line3, Proof[]> => Object.fromEntries(LINES3.map((line) =>
  [line, [{ file: LINES_SPEC, test: `${LINES_SUITE} ${lineBuildLabel(line)} ${id}: ${behaviour}`, label: `\`${id}\`` }]])) as Record<Line3, Proof[]>;
const real111 = (): Proof => ({ file: LINES_SPEC, test: `${LINES_SUITE} ${LINES_SPEC_111}`, label: 'symbols of the real libcrypto.so.1.1' });

function perLine<T>(f: (line: NewLine) => T): Record<NewLine, T> {
  return { 3.5: f('3.5'), 3.6: f('3.6'), '4.0': f('4.0') };
}

/** The same cell on every 3.x line. */
function same3<B>(cell: Cell<B>): Record<Line3, Cell<B>> {
  return { '3.0': cell, 3.5: cell, 3.6: cell, '4.0': cell };
}

/** 3.0's cell, and from `since` on (up to `until`, exclusive) the line's. */
function from<B>(v30: Cell<B>, since: NewLine, later: Cell<B>, until?: NewLine): Record<Line3, Cell<B>> {
  const rank = (l: Line3): number => LINES3.indexOf(l);
  const pick = (l: Line3): Cell<B> => (rank(l) >= rank(since) && (until === undefined || rank(l) < rank(until)) ? later : v30);
  return { '3.0': v30, 3.5: pick('3.5'), 3.6: pick('3.6'), '4.0': pick('4.0') };
}

/** `cell` as the real library has it, with what randshim's personality does instead. */
const butRandshim = <B>(cell: Cell<B>, randshim: Divergence<B>): Cell<B> => ({ ...cell, randshim });

const NID_AES_256_CTR = 906;
const PRIMARY = { requests: 256, seconds: 3600 } as const;
const SECONDARY = { requests: 65536, seconds: 420 } as const;
const intervals = (i: { requests: number; seconds: number }): string => `${i.requests} requests / ${i.seconds} s`;

/** 1.1.1's cell of the rows about 3.x-only calls. */
const NOT_111 = (text: string): Cell<null> => ({ value: null, text });
const NO_FIPS_CHANGE: Cell<null> = { value: null, text: 'none' };
const ENGINE_CALLS = ['RAND_set_rand_engine', 'ENGINE_get_default_RAND'];
const NEW_CALLS = ['RAND_set0_public', 'RAND_set0_private', 'EVP_RAND_CTX_up_ref'];
const FIRST_WINS = { ret: 1, errors: [] as string[], strength: 256 };
const NO_GENERATE = { ret: 0, errors: ['EVP:GENERATE_ERROR'] };
/** A call that returns 1 and queues nothing. */
const SUCCEEDS = { ret: 1, errors: [] as string[] };

const PROBES = 'probes: new and removed symbols, TEST-RAND generate (against a model), a repeated key, SEED-SRC in base, the random provider';
const EVP_SCENARIOS = 'EVP_RAND scenarios: every call compared, every difference from 3.0 in the table';
const FRONT_SCENARIOS = 'RAND front-end scenarios: every call compared, every difference from 3.0 in the table';
const COMMAND_VARIANTS = 'other spellings, property queries, seed sources and unknown keys';

export const PERSONALITIES = {
  defaultDrbg: {
    id: 'default-drbg',
    behaviour: 'Default DRBG of the shared chain',
    openssl111: { value: { type: NID_AES_256_CTR, flags: 0 }, text: 'CTR_DRBG AES-256 with df (NID_aes_256_ctr, flags 0)' },
    openssl3: same3({ value: { name: 'CTR-DRBG', cipher: 'AES-256-CTR', useDf: 1 }, text: '"CTR-DRBG", cipher "AES-256-CTR", use_derivation_function 1' }),
    fips: { value: { provider111: null, provider3: 'fips' }, text: '3.x: the same DRBG from the FIPS provider (cipher fetched there too); 1.1.1: none' },
    proofs: { '1.1.1': [p111('shared-reseed-propagation')],
      '3.0': [rand3('RAND_get0_public first: primary, public and private, every parameter, the same objects each time'), wasm('rand -hex N under every accepted configuration')],
      ...command(COMMAND_ACCEPTED) },
  },
  primaryIntervals: {
    id: 'primary-intervals',
    behaviour: 'Reseed intervals of the master (1.1.1) / primary (3.x)',
    openssl111: { value: PRIMARY, text: intervals(PRIMARY) },
    openssl3: same3({ value: PRIMARY, text: intervals(PRIMARY) }),
    fips: { value: null, text: 'none' },
    proofs: { '1.1.1': [p111('shared-reseed-propagation')], '3.0': [rand3('RAND_get0_public first: primary, public and private, every parameter, the same objects each time')] },
  },
  secondaryIntervals: {
    id: 'secondary-intervals',
    behaviour: 'Reseed intervals of public and private',
    openssl111: { value: SECONDARY, text: intervals(SECONDARY) },
    openssl3: same3({ value: SECONDARY, text: intervals(SECONDARY) }),
    fips: { value: null, text: 'none' },
    proofs: { '1.1.1': [p111('shared-reseed-propagation')], '3.0': [rand3('RAND_get0_public first: primary, public and private, every parameter, the same objects each time')] },
  },
  otherIntervals: {
    id: 'other-intervals',
    behaviour: 'Reseed intervals of any other DRBG',
    openssl111: { value: { withoutParent: PRIMARY, withParent: SECONDARY },
      text: `without a parent ${intervals(PRIMARY)}, with one ${intervals(SECONDARY)}` },
    openssl3: same3({ value: { withoutParent: PRIMARY, withParent: PRIMARY }, text: `${intervals(PRIMARY)}, parent or not` }),
    fips: { value: null, text: 'none' },
    proofs: { '1.1.1': [p111('set-reseed-defaults')], '3.0': [evp('life of CTR AES-256-CTR')] },
  },
  intervalCaps: {
    id: 'interval-caps',
    behaviour: 'Interval caps',
    openssl111: { value: { requests: 2 ** 24, seconds: 2 ** 20 }, text: '2^24 requests, 2^20 s: larger values are refused (0)' },
    openssl3: same3({ value: null, text: 'none: any value is stored (MAX_RESEED_* are defined, never used)' }),
    fips: { value: null, text: 'none' },
    proofs: { '1.1.1': [p111('reseed-cadence')], '3.0': [evp('reseed_requests and reseed_time_interval: types, ranges, partial application')] },
  },
  defaultPers: {
    id: 'default-pers',
    behaviour: 'Default personalization (NULL pers)',
    openssl111: { value: 28, text: '"OpenSSL NIST SP 800-90A DRBG", 28 bytes (without its NUL)' },
    openssl3: same3({ value: 29, text: 'the same string, 29 bytes (with its NUL)' }),
    fips: { value: null, text: 'none' },
    proofs: { '1.1.1': [p111('implicit-instantiation-and-recovery')],
      '3.0': [other('test/interop/system3.spec.ts', 'system-3 oracle', 'reproduces the 3.0.19 CTR-DRBG AES-256 check vector')] },
  },
  primarySeed: {
    id: 'primary-seed',
    behaviour: 'Entropy source and nonce of the master / primary',
    openssl111: { value: { entropy: 32, nonce: 40 }, text: 'the OS: 32 bytes of entropy and a 40-byte nonce {pid, tid, time, address, count}' },
    openssl3: same3({ value: { entropy: 48, nonce: 0 }, text: 'its SEED-SRC parent: 48 bytes (1.5 x 32 in place of a nonce), no nonce' }),
    fips: { value: { entropy: 32, nonce: true },
      text: '3.x: the FIPS provider has no SEED-SRC, so the primary has no parent: 32 bytes from the OS and a nonce (code reading)' },
    proofs: { '1.1.1': [p111('rand-add-entropy-path')],
      '3.0': [wasm('-rand FILE (RAND_load_file: RAND_add per chunk, the last chunk up to 1280 bytes) every file size')],
      ...command(COMMAND_ACCEPTED),
      fips: [wasm('other accepted spellings and settings a seed source that cannot be created leaves a parentless primary')] },
  },
  childAdin: {
    id: 'child-adin',
    behaviour: 'Additional input when a child pulls from its parent',
    openssl111: { value: 'child', text: 'the child\'s own address' },
    openssl3: same3({ value: 'parent', text: 'the parent\'s own address (the same for every child)' }),
    fips: { value: null, text: 'none' },
    proofs: { '1.1.1': [p111('parent-child-pulls')],
      '3.0': [other(EVP, 'EVP_RAND scenarios: randshim compat/openssl3 vs system-3', 'chains match only with OpenSSL\'s addresses'),
        wasm('the primary address P is recovered without looking at the output')],
      ...command(COMMAND_ADDRESS) },
  },
  randBytesAdin: {
    id: 'rand-bytes-adin',
    behaviour: 'Additional input of RAND_bytes / RAND_priv_bytes',
    openssl111: { value: 24, text: '24 bytes {pid, 4 zero bytes, pthread_self(), low 32 bits of the TSC} on every call' },
    openssl3: same3({ value: 0, text: 'none' }),
    fips: { value: null, text: 'none' },
    proofs: { '1.1.1': [other('test/compat/rand-drbg-additional-data.spec.ts', 'RAND_DRBG_bytes additional data against real OpenSSL 1.1.1', '{pid, zero padding, pthread_self(), low 32 bits of the TSC}')],
      '3.0': [wasm('rand -hex N under every accepted configuration')], ...command(COMMAND_ACCEPTED) },
  },
  randAdd: {
    id: 'rand-add',
    behaviour: 'RAND_add(buf, num, randomness)',
    openssl111: { value: { threshold: 32 },
      text: 'randomness counts: at or above the seed length (32) the buffer is the entropy of a full master reseed, below it only mixed in' },
    openssl3: same3({ value: { threshold: null }, text: 'randomness is ignored: always a full primary reseed (fresh entropy) with the buffer as additional input' }),
    fips: { value: { randomness111: 0 }, text: '1.1.1: randomness is treated as 0, so the buffer is never entropy; 3.x: none' },
    proofs: { '1.1.1': [p111('rand-add-threshold')],
      '3.0': [rand3('RAND_add and RAND_seed: num <= 0, randomness ignored (negative, huge, NaN, infinite), long buffers'),
        wasm('-rand FILE (RAND_load_file: RAND_add per chunk, the last chunk up to 1280 bytes) every file size')],
      ...command(COMMAND_ACCEPTED) },
  },
  predictionResistance: {
    id: 'prediction-resistance',
    behaviour: 'Prediction resistance through the shared DRBGs',
    openssl111: { value: false, text: 'fails: the master\'s OS callback cannot provide it' },
    openssl3: same3({ value: true, text: 'works: SEED-SRC is polled afresh' }),
    fips: { value: null, text: 'none' },
    proofs: { '1.1.1': [p111('shared-prediction-resistance')], '3.0': [rand3('prediction resistance through the shared DRBGs works: SEED-SRC is polled afresh')] },
  },
  propagation: {
    id: 'propagation',
    behaviour: 'Reseed propagation from a parent',
    openssl111: { value: 'shared', text: 'the three shared DRBGs only (opt-in flag); other children never follow their parent' },
    openssl3: same3({ value: 'every', text: 'every DRBG whose parent reports a reseed counter; the first generate after instantiate always reseeds' }),
    fips: { value: null, text: 'none' },
    proofs: { '1.1.1': [p111('shared-reseed-propagation')],
      '3.0': [rand3('reseed_counter propagation: public 2 then 3; RAND_add / RAND_seed / RAND_poll reseed the primary, the others follow'),
        evp('chain TEST-RAND -> CTR AES-256-CTR -> CTR AES-256-CTR')] },
  },
  reseedNotReady: {
    id: 'reseed-not-ready',
    behaviour: 'Reseed of a DRBG that is not READY',
    openssl111: { value: 0, text: 'returns 0' },
    openssl3: same3({ value: 1, text: 'restarts it first (instantiate), then reseeds: 1' }),
    fips: { value: null, text: 'none' },
    proofs: { '1.1.1': [p111('reseed-and-generate-paths')],
      '3.0': [rand3('an uninstantiated primary: RAND_status 0; RAND_poll restarts it (reseed on a non-READY DRBG tries restart)'),
        evp('generate and reseed paths of CTR AES-256-CTR')] },
  },
  generateZero: {
    id: 'generate-zero',
    behaviour: 'Generating 0 bytes',
    openssl111: { value: 'generate', text: 'RAND_DRBG_generate counts a request and the CTR DRBG advances V once more' },
    openssl3: same3({ value: 'nothing', text: 'EVP_RAND_generate returns 1 without calling the DRBG' }),
    fips: { value: null, text: 'none' },
    proofs: { '1.1.1': [p111('reseed-and-generate-paths')], '3.0': [evp('generate and reseed paths of CTR AES-256-CTR')] },
  },
  negativeCount: {
    id: 'negative-count',
    behaviour: 'RAND_bytes / RAND_priv_bytes with a negative count',
    openssl111: { value: { ret: 0, reason: 'PASSED_INVALID_ARGUMENT' },
      text: 'C converts it to a huge size_t and overruns the buffer; randshim returns 0 (ERR_R_PASSED_INVALID_ARGUMENT)' },
    openssl3: same3({ value: { ret: 0, reason: null }, text: 'returns 0 with no error and nothing created' }),
    fips: { value: null, text: 'none' },
    proofs: { '1.1.1': [other('test/compat/rand-drbg-local.spec.ts', '1.1.1 personality: what only randshim can be made to show', 'short-buffers')],
      '3.0': [rand3('RAND_bytes: a negative count creates nothing and returns 0; 0 bytes create the chain; 1 to 1 MiB (chunked at 65536)')] },
  },
  fipsRandAdd: {
    id: 'fips-rand-add',
    behaviour: 'RAND_add / RAND_seed in FIPS mode',
    openssl111: { value: null, text: 'as above (no 1.1.1 release has a FIPS mode: FIPS_mode_set(1) fails)' },
    openssl3: same3({ value: null, text: 'as above' }),
    fips: { value: { randomness111: 0 },
      text: '1.1.1 personality: RAND_add(buf, n, r) behaves as RAND_add(buf, n, 0) (commit 3a50a8a9); 3.x: no change (the buffer already is additional input)' },
    proofs: { '1.1.1': [p111('fips-rand-add')], ...askedIn('rand-add', 'RAND_add(buf, num, randomness)'), fips: [p111('fips-rand-add')] },
  },
  fipsReseedEntropy: {
    id: 'fips-reseed-entropy',
    behaviour: 'EVP_RAND_reseed with an entropy buffer',
    openssl111: { value: null, text: 'no such call (RAND_DRBG_reseed takes no entropy)' },
    openssl3: same3({ value: { ctr: 1, hash: 1 }, text: 'reseeds with it as entropy, then again from its own source' }),
    fips: { value: { ctr: 0, hash: 1 },
      text: '3.x: the buffer is additional input only (SP 800-90A 8.6.5): CTR-DRBG refuses (0, error state), Hash / HMAC accept (real fips.so of 3.5, 3.6, 4.0; 3.0 from source)' },
    proofs: { '1.1.1': [p111('reseed-and-generate-paths')], '3.0': [evp('generate and reseed paths of CTR AES-256-CTR')],
      fips: [other('test/fips/drbg-scenarios.spec.ts', 'FIPS DRBG scenarios on the real FIPS provider (3.5, 3.6, 4.0; every fipsinstall configuration) 3.5 default',
        'uses caller entropy on reseed as additional input only: CTR refuses, then restarts')] },
  },
  // ---- what the lines after 3.0 change (interop/builds/openssl-lines/differences.ts, probes.ts)
  randomProvider: {
    id: 'random-provider',
    behaviour: 'Where RAND_bytes goes once a provider named "fips" is loaded (RAND_set1_random_provider)',
    openssl111: NOT_111('no providers'),
    openssl3: from<null | { fips: number; default: number; builtIn: number }>(
      butRandshim({ value: null, text: 'the libcrypto chain, always (there is no RAND_set1_random_provider)' },
        { value: { fips: 1, default: 1, builtIn: 1 },
          text: 'compat/3.0 exports RAND_set1_random_provider (one API for every 3.x line), but on 3.0 RAND_bytes ignores it' }),
      '3.5',
      { value: { fips: 1, default: 0, builtIn: 1 },
        text: 'to the fips provider\'s random_bytes; RAND_set1_random_provider(ctx, default) makes RAND_bytes_ex return 0 '
          + '(default has no random_bytes, nothing queued), (ctx, NULL) restores the libcrypto chain (rand_lib.c: RAND_bytes_ex)' }),
    fips: { value: null, text: '3.5+: loading the FIPS provider is what selects it as the random provider' },
    proofs: { '1.1.1': [real111()], ...linesTest(PROBES) },
  },
  newCalls: {
    id: 'new-calls',
    behaviour: 'RAND_set0_public, RAND_set0_private, EVP_RAND_CTX_up_ref',
    openssl111: NOT_111('none of them'),
    openssl3: from<readonly string[]>(
      butRandshim({ value: [], text: 'none of them (added in 3.1)' },
        { value: NEW_CALLS, text: 'compat/3.0 exports all three (one API for every 3.x line)' }),
      '3.5', { value: NEW_CALLS, text: 'all three (include/openssl/rand.h, evp.h)' }),
    fips: NO_FIPS_CHANGE,
    proofs: { '1.1.1': [real111()], ...linesTest(PROBES) },
  },
  engineRand: {
    id: 'engine-rand',
    behaviour: 'ENGINE as the RAND source (RAND_set_rand_engine, ENGINE_get_default_RAND)',
    openssl111: butRandshim<readonly string[] | null>({ value: ENGINE_CALLS, text: 'both' }, { value: [], text: 'not provided (no ENGINE)' }),
    openssl3: from<readonly string[]>(
      butRandshim({ value: ENGINE_CALLS, text: 'both (deprecated)' }, { value: [], text: 'not provided (no ENGINE)' }), '4.0',
      { value: [], text: 'neither: 4.0 removed ENGINE' }),
    fips: NO_FIPS_CHANGE,
    proofs: { '1.1.1': [real111()], ...linesTest(PROBES) },
  },
  seedSrcBase: {
    id: 'seed-src-base',
    behaviour: 'SEED-SRC in the base provider (EVP_RAND_fetch "SEED-SRC", "provider=base")',
    openssl111: NOT_111('no providers'),
    openssl3: from<string | null>({ value: null, text: 'not there: the fetch fails (EVP_R_UNSUPPORTED)' }, '3.5',
      { value: 'SEED-SRC @ base', text: 'there (providers/baseprov.c: base_rands)' }),
    fips: NO_FIPS_CHANGE,
    proofs: { '1.1.1': [real111()], ...linesTest(PROBES) },
  },
  testRandGenerate: {
    id: 'test-rand-generate',
    behaviour: 'TEST-RAND with generate = 1 and no test_entropy',
    openssl111: NOT_111('no TEST-RAND (no EVP_RAND)'),
    openssl3: from<string | { ret: number; errors: readonly string[] }>(
      { value: NO_GENERATE, text: 'no `generate` parameter (ignored by set): generate fails, EVP_R_GENERATE_ERROR' }, '3.5',
      { value: 'xorshift', text: 'generates xorshift32 bytes from 221953166 (test_rng.c: gen_byte)' }),
    fips: NO_FIPS_CHANGE,
    proofs: { '1.1.1': [real111()], ...linesTest(PROBES) },
  },
  repeatedParameter: {
    id: 'repeated-parameter',
    behaviour: 'A key given twice in one OSSL_PARAM array (TEST-RAND strength 256, then 128)',
    openssl111: NOT_111('no OSSL_PARAM'),
    openssl3: from<{ ret: number; errors: readonly string[]; strength: number }>(
      { value: FIRST_WINS, text: 'the first wins (OSSL_PARAM_locate): set returns 1, strength 256' }, '3.6',
      { value: { ret: 0, errors: ['PROV:REPEATED_PARAMETER'], strength: 0 },
        text: 'the whole set fails: PROV_R_REPEATED_PARAMETER (252), nothing is set (paramnames.pm: output_param_decoder)' }),
    fips: NO_FIPS_CHANGE,
    proofs: { '1.1.1': [real111()], ...linesTest(PROBES) },
  },
  providerNameSettable: {
    id: 'provider-name-settable',
    behaviour: 'provider-name among a DRBG\'s settable parameters',
    openssl111: NOT_111('no OSSL_PARAM'),
    openssl3: from<boolean>({ value: false, text: 'no' }, '3.6',
      { value: true, text: 'yes, before reseed_requests (drbg_ctr.c: drbg_ctr_settable_ctx_params)' }),
    fips: NO_FIPS_CHANGE,
    proofs: { '1.1.1': [real111()] },
  },
  hmacMac: {
    id: 'hmac-mac',
    behaviour: 'HMAC-DRBG\'s `mac` parameter (gettable, settable)',
    openssl111: NOT_111('no HMAC-DRBG parameters (RAND_DRBG_new takes a NID)'),
    openssl3: from<readonly boolean[]>({ value: [true, true], text: 'gettable and settable' }, '4.0',
      { value: [false, false], text: 'gone: the MAC is always HMAC (drbg_hmac.c)' }),
    fips: NO_FIPS_CHANGE,
    proofs: { '1.1.1': [real111()] },
  },
  fetchTrailingSpace: {
    id: 'fetch-trailing-space',
    behaviour: 'EVP_RAND_fetch("CTR-DRBG ") (a trailing space)',
    openssl111: NOT_111('no EVP_RAND_fetch'),
    openssl3: from<string | null>({ value: null, text: 'not found (EVP_R_UNSUPPORTED)' }, '3.5',
      { value: 'CTR-DRBG', text: 'finds CTR-DRBG (the name is trimmed)' }, '4.0'),
    fips: NO_FIPS_CHANGE,
    proofs: { '1.1.1': [real111()], ...linesTest(EVP_SCENARIOS) },
  },
  nonceZeroLength: {
    id: 'nonce-zero-length',
    behaviour: 'EVP_RAND_nonce(ctx, out, 0) on a DRBG',
    openssl111: NOT_111('no EVP_RAND_nonce'),
    openssl3: from<{ ret: number; errors: readonly string[] }>({ value: SUCCEEDS, text: 'returns 1, nothing written' }, '3.5',
      { value: { ret: 0, errors: ['EVP:PASSED_NULL_PARAMETER'] }, text: 'returns 0: ERR_R_PASSED_NULL_PARAMETER (evp_rand.c: EVP_RAND_nonce)' }),
    fips: NO_FIPS_CHANGE,
    proofs: { '1.1.1': [real111()], ...linesTest(EVP_SCENARIOS) },
  },
  ctxNewFailure: {
    id: 'ctx-new-failure',
    behaviour: 'EVP_RAND_CTX_new whose provider refuses (SEED-SRC under a parent): the error queue',
    openssl111: NOT_111('no EVP_RAND_CTX_new'),
    openssl3: from<{ ret: number; errors: readonly string[] }>(
      { value: { ret: 0, errors: ['PROV:SEED_SOURCES_MUST_NOT_HAVE_A_PARENT', 'EVP:MALLOC_FAILURE'] },
        text: 'PROV_R_SEED_SOURCES_MUST_NOT_HAVE_A_PARENT, then ERR_R_MALLOC_FAILURE' }, '3.5',
      { value: { ret: 0, errors: ['PROV:SEED_SOURCES_MUST_NOT_HAVE_A_PARENT', 'EVP:EVP_LIB'] },
        text: 'the same, then ERR_R_EVP_LIB (evp_rand.c: EVP_RAND_CTX_new)' }),
    fips: NO_FIPS_CHANGE,
    proofs: { '1.1.1': [real111()], ...linesTest(EVP_SCENARIOS) },
  },
  seedConfigFatal: {
    id: 'seed-config-fatal',
    behaviour: 'A seed source that cannot be made (RAND_set_seed_source_type "NO-SUCH-SOURCE")',
    openssl111: NOT_111('no seed source choice'),
    openssl3: from<{ primary: boolean; bytes: number }>({ value: { primary: true, bytes: 1 },
      text: 'dropped silently: a parentless primary, RAND_bytes works' }, '4.0',
    { value: { primary: false, bytes: 0 },
      text: 'fatal: RAND_get0_primary returns NULL, RAND_bytes 0 (rand_lib.c: rand_new_seed, rand_get0_primary)' }),
    fips: NO_FIPS_CHANGE,
    proofs: { '1.1.1': [real111()], ...linesTest(FRONT_SCENARIOS), ...command(COMMAND_VARIANTS) },
  },

  seedSrcParentGone: {
    id: 'seed-src-parent-gone',
    behaviour: 'Reseeding a DRBG whose SEED-SRC parent was uninstantiated',
    openssl111: NOT_111('no SEED-SRC (the master reads the OS itself)'),
    openssl3: from<{ ret: number; state: number; errors: readonly string[] }>(
      { value: { ret: 0, state: 2, errors: ['PROV:NOT_INSTANTIATED', 'PROV:ERROR_RETRIEVING_ENTROPY'] },
        text: 'fails: PROV_R_NOT_INSTANTIATED, PROV_R_ERROR_RETRIEVING_ENTROPY, the child in the error state' }, '3.5',
      { value: { ret: 1, state: 1, errors: [] }, text: 'succeeds: SEED-SRC serves entropy whatever its state (seed_src.c: seed_src_get_seed)' }),
    fips: NO_FIPS_CHANGE,
    proofs: { '1.1.1': [real111()], '3.0': [evp('chain SEED-SRC -> CTR AES-256 -> HASH SHA256 (OS entropy: outputs not compared)')] },
  },
  paramConversionError: {
    id: 'param-conversion-error',
    behaviour: 'A parameter read into a destination too small (strength 256 into 1 byte)',
    openssl111: NOT_111('no OSSL_PARAM'),
    openssl3: from<{ ret: number; errors: readonly string[] }>({ value: { ret: 0, errors: [] }, text: 'fails with an empty error queue' }, '3.5',
      { value: { ret: 0, errors: ['CRYPTO:PARAM_VALUE_TOO_LARGE_FOR_DESTINATION'] },
        text: 'fails with CRYPTO_R_PARAM_VALUE_TOO_LARGE_FOR_DESTINATION (126) (crypto/params.c, ERR_raise since 3.2)' }),
    fips: NO_FIPS_CHANGE,
    proofs: { '1.1.1': [real111()] },
  },
  unsizedSeedError: {
    id: 'unsized-seed-error',
    behaviour: 'RAND_set_DRBG_type(HASH-DRBG) without a digest: the first error of RAND_bytes',
    openssl111: NOT_111('no RAND_set_DRBG_type with names (RAND_DRBG_set_defaults takes a NID)'),
    openssl3: from<{ ret: number; first: string | null }>({ value: { ret: 0, first: 'PROV:MALLOC_FAILURE' },
      text: 'PROV_R_MALLOC_FAILURE (OPENSSL_secure_malloc(0) of the zero-length seed)' }, '3.5',
    { value: { ret: 0, first: 'PROV:ENTROPY_SOURCE_STRENGTH_TOO_WEAK' },
      text: 'PROV_R_ENTROPY_SOURCE_STRENGTH_TOO_WEAK (the unsized DRBG asks its seed for 0 bits; seed_src.c)' }),
    fips: NO_FIPS_CHANGE,
    proofs: { '1.1.1': [real111()], ...linesTest(FRONT_SCENARIOS) },
  },
} as const satisfies Record<string, Behaviour<unknown, unknown, unknown>>;

export type PersonalityRowKey = keyof typeof PERSONALITIES;

/** The rows in table order. */
export function personalityRows(): readonly Behaviour<unknown, unknown, unknown>[] {
  return Object.values(PERSONALITIES);
}

/** The row's key in {@link PERSONALITIES}. */
export function rowKey(row: Behaviour<unknown, unknown, unknown>): PersonalityRowKey {
  const key = (Object.keys(PERSONALITIES) as PersonalityRowKey[]).find((k) => PERSONALITIES[k] === row);
  if (key === undefined) throw new Error(`not a row of the table: ${row.id}`);
  return key;
}

/** The personality spec's test of `row` for `column`. */
export function personalityProof(row: Behaviour<unknown, unknown, unknown>, column: Column): Proof {
  const onLine = column === '3.5' || column === '3.6' || column === '4.0';
  const title = onLine ? `${row.id} on ${column}: ${row.behaviour}` : `${row.id}: ${row.behaviour}`;
  return { file: PERSONALITY_SPEC, test: `${PERSONALITY_SUITE} ${title}`, label: onLine ? `\`${row.id}\` on ${column}` : `\`${row.id}\`` };
}

/** The real-library test of test/interop/personalities-lines.spec.ts asking `row` of `line`. */
export function lineQuestionProof(row: Behaviour<unknown, unknown, unknown>, line: Line3): Proof {
  return { file: LINES_SPEC, test: `${LINES_SUITE} ${lineBuildLabel(line)} ${row.id}: ${row.behaviour}`, label: `\`${row.id}\`` };
}
