/**
 * Scenarios about the three shared DRBGs and the RAND front end (RAND_DRBG_get0_master(3),
 * RAND_add(3), RAND_bytes(3)): reseed propagation from master to public / private (1.1.1r-w),
 * RAND_add / RAND_seed below and at the seed-length threshold, with lengths and randomness
 * around every boundary, the full-buffer-as-entropy path, over-long input, RAND_status /
 * RAND_poll, RAND_bytes / RAND_priv_bytes, prediction resistance through the shared chain.
 *
 * Each starts with resetShared(): the C library's shared DRBGs exist process-wide with
 * whatever history, so both sides first give the master a source and re-instantiate all three.
 */
import type { RawCall, RawDouble } from '../../raw-calls-111/calls.js';
import {
  bytes, DEFAULT_PERS, lengthOnly, NID_256, NO_DF, resetShared, scenario, type Scenario111, type StepLike,
} from '../scenario.js';

/** Deterministic generates (explicit adin, no timer bits) on the three shared DRBGs. */
const probe = (tag: number): RawCall[] => [
  { fn: 'RAND_DRBG_generate', drbg: 'public', outlen: 16, adin: bytes(4, tag) },
  { fn: 'RAND_DRBG_generate', drbg: 'private', outlen: 16, adin: bytes(4, tag + 1) },
  { fn: 'RAND_DRBG_generate', drbg: 'master', outlen: 16, adin: bytes(4, tag + 2) },
  { fn: 'peek', drbg: 'master' },
  { fn: 'peek', drbg: 'public' },
];

const propagation = scenario('shared-reseed-propagation',
  'The shared chain: get0_* objects and their fields (propagation on, counters, master / slave intervals); ' +
  'public / private pull from the master with their own addresses; a master reseed (RAND_DRBG_reseed, RAND_poll) ' +
  'makes both reseed on their next generate, pulling again, and only then; their own intervals still apply', [
    resetShared(),
    { fn: 'peek', drbg: 'master' },
    { fn: 'peek', drbg: 'public' },
    { fn: 'peek', drbg: 'private' },
    probe(1),
    probe(2),
    { fn: 'RAND_DRBG_reseed', drbg: 'master', adin: bytes(3, 3) },
    probe(4),
    probe(5),
    { fn: 'RAND_poll' },
    { fn: 'RAND_DRBG_generate', drbg: 'private', outlen: 16 },
    probe(6),
    { fn: 'RAND_DRBG_set_reseed_interval', drbg: 'public', interval: 2 },
    probe(7),
    probe(8),
    { fn: 'RAND_DRBG_set_reseed_interval', drbg: 'master', interval: 2 },
    { fn: 'RAND_DRBG_reseed', drbg: 'public' },
    { fn: 'RAND_DRBG_reseed', drbg: 'private', predictionResistance: true },
    probe(9),
    { fn: 'RAND_status' },
  ]);

const BUF = (n: number, seed: number): string => bytes(n, seed);

/** RAND_add(buf[n], num ?? n, randomness). */
const addOnly = (n: number, randomness: RawDouble, tag: number, num?: number): RawCall =>
  ({ fn: 'RAND_add', buf: BUF(n, tag), randomness, ...(num !== undefined ? { num } : {}) });

/** RAND_add then the deterministic probe. */
const add = (n: number, randomness: RawDouble, tag: number, num?: number): RawCall[] => [addOnly(n, randomness, tag, num), ...probe(tag)];

const randAdd = scenario('rand-add-threshold',
  'RAND_add / RAND_seed on a master with a source (seed length 32): below the threshold in length or randomness ' +
  '(additional input only: no callback, no counter, no propagation), at and above it (a full reseed: the source ' +
  'is asked, the counter moves, public and private reseed), lengths 0 / 1 / 31 / 32 / 33 / 100, randomness ' +
  'negative / fractional / huge / infinite / NaN, negative num, a NULL buffer', [
    resetShared(),
    probe(10),
    add(10, 0, 11),
    add(31, 31, 12),
    add(32, 31.999, 13),
    add(32, 32, 14),
    add(33, 1e300, 15),
    add(100, 100, 16),
    add(1, 1, 17),
    add(0, 0, 18),
    add(16, 32, 19),
    add(32, 32.5, 20),
    add(40, 33, 21, 32),
    add(40, -1, 22),
    add(40, -0.5, 23),
    add(40, 40, 24, -1),
    add(40, 'Infinity', 25),
    add(40, '-Infinity', 26),
    [{ fn: 'RAND_add', randomness: 0 } as RawCall, ...probe(27)],
    [{ fn: 'RAND_add', randomness: 48, num: 0 } as RawCall, ...probe(28)],
    [{ fn: 'RAND_seed', buf: BUF(31, 29) } as RawCall, ...probe(29)],
    [{ fn: 'RAND_seed', buf: BUF(32, 30) } as RawCall, ...probe(30)],
    [{ fn: 'RAND_seed', buf: BUF(50, 31), num: -5 } as RawCall, ...probe(31)],
    [{ fn: 'RAND_seed' } as RawCall, ...probe(32)],
    { fn: 'RAND_status' },
    add(40, 'NaN', 33),
    { fn: 'RAND_status' },
    add(40, 0, 34),
    { fn: 'RAND_status' },
  ]);

const entropyPath = scenario('rand-add-entropy-path',
  'RAND_add with 1.1.1\'s own entropy callback on the master and no nonce callback (seed length 48): at the ' +
  'threshold the whole caller buffer is the entropy input (instantiate from UNINITIALISED / ERROR, reseed when ' +
  'READY, 64 bytes used whole), below it additional input only; then a no-df master: over-long input puts it in ' +
  'ERROR (ADDITIONAL_INPUT_TOO_LONG, ENTROPY_INPUT_TOO_LONG) and an exact-length one recovers it', [
    resetShared(),
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'master' },
    { fn: 'default_callbacks', drbg: 'master', nonce: false },
    { fn: 'RAND_status' },
    add(48, 48, 41),
    { fn: 'RAND_status' },
    add(47, 47, 40),
    add(64, 64, 42),
    add(48, 47.5, 43),
    add(47, 1000, 44),
    { fn: 'RAND_DRBG_reseed', drbg: 'master', predictionResistance: true },
    { fn: 'RAND_status' },
    add(48, 48, 45),
    { fn: 'RAND_status' },
    [{ fn: 'RAND_seed', buf: BUF(48, 46) } as RawCall, ...probe(46)],
    { fn: 'RAND_DRBG_set', drbg: 'master', type: NID_256, flags: NO_DF },
    { fn: 'default_callbacks', drbg: 'master', nonce: false },
    { fn: 'peek', drbg: 'master' },
    add(48, 48, 47),
    addOnly(49, 0, 48),
    { fn: 'RAND_status' },
    { fn: 'peek', drbg: 'master' },
    addOnly(49, 49, 49),
    { fn: 'RAND_status' },
    add(48, 48, 50),
    add(47, 47, 51),
    addOnly(49, 49, 52),
    { fn: 'RAND_status' },
    add(48, 48, 53),
    add(48, 0, 54),
    { fn: 'RAND_status' },
    resetShared(),
  ]);

const frontEnd = scenario('rand-front-end',
  'RAND_status / RAND_poll / RAND_bytes / RAND_priv_bytes / RAND_DRBG_bytes on the shared DRBGs: return codes, ' +
  'what the master\'s source is asked, 0-byte requests; a master whose entropy fails (RAND_poll 0, RAND_status 0, ' +
  'RAND_bytes 0 with the whole chain of errors) and recovers when entropy returns; prediction resistance through ' +
  'public works with a master callback that supports it', [
    resetShared('fe-src'),
    { call: { fn: 'CRYPTO_THREAD_get_current_id' }, known: 'thread-id' },
    { fn: 'RAND_status' },
    { fn: 'RAND_poll' },
    { fn: 'RAND_bytes', num: 0 },
    { fn: 'RAND_priv_bytes', num: 0 },
    lengthOnly({ fn: 'RAND_bytes', num: 16 }),
    lengthOnly({ fn: 'RAND_priv_bytes', num: 33 }),
    lengthOnly({ fn: 'RAND_DRBG_bytes', drbg: 'master', outlen: 5 }),
    { fn: 'RAND_DRBG_bytes', drbg: 'public', outlen: 0 },
    { fn: 'peek', drbg: 'public' },
    lengthOnly({ fn: 'RAND_DRBG_generate', drbg: 'public', outlen: 8, predictionResistance: true }),
    { fn: 'source', name: 'fe-src', entropy: '' },
    { fn: 'RAND_poll' },
    { fn: 'RAND_status' },
    lengthOnly({ fn: 'RAND_bytes', num: 16 }),
    { fn: 'RAND_DRBG_set_reseed_interval', drbg: 'public', interval: 1 },
    { fn: 'RAND_DRBG_set_reseed_interval', drbg: 'private', interval: 1 },
    lengthOnly({ fn: 'RAND_bytes', num: 16 }),
    lengthOnly({ fn: 'RAND_priv_bytes', num: 16 }),
    { fn: 'RAND_status' },
    { fn: 'source', name: 'fe-src', entropy: bytes(32, 60) },
    lengthOnly({ fn: 'RAND_bytes', num: 16 }),
    { fn: 'RAND_status' },
    lengthOnly({ fn: 'RAND_priv_bytes', num: 70000 }),
    { fn: 'peek', drbg: 'master' },
    { fn: 'peek', drbg: 'private' },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'master' },
    { fn: 'RAND_status' },
    lengthOnly({ fn: 'RAND_bytes', num: 16 }),
    { fn: 'RAND_status' },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'master' },
    { fn: 'RAND_poll' },
    { fn: 'RAND_status' },
    { fn: 'RAND_DRBG_instantiate', drbg: 'master', pers: DEFAULT_PERS },
  ] as StepLike[]);

const predictionResistance = scenario('shared-prediction-resistance',
  'Prediction resistance through the shared chain: with a master source it reaches the source (pr = 1 in the ' +
  'trace) from public, private and the master itself; with 1.1.1\'s own master callbacks it fails ' +
  '(PREDICTION_RESISTANCE_NOT_SUPPORTED from the master, RESEED_ERROR up the chain, master and child in ERROR), ' +
  'RAND_status turns 0, and both recover on the next plain request', [
    resetShared('pr-src'),
    { fn: 'RAND_DRBG_generate', drbg: 'public', outlen: 16, adin: bytes(2, 1), predictionResistance: true },
    { fn: 'RAND_DRBG_generate', drbg: 'private', outlen: 16, predictionResistance: true },
    { fn: 'RAND_DRBG_reseed', drbg: 'master', adin: bytes(2, 2), predictionResistance: true },
    probe(3),
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'master' },
    { fn: 'default_callbacks', drbg: 'master', nonce: false },
    add(48, 48, 4),
    { fn: 'RAND_DRBG_generate', drbg: 'public', outlen: 16, predictionResistance: true },
    { fn: 'peek', drbg: 'master' },
    { fn: 'peek', drbg: 'public' },
    { fn: 'RAND_status' },
    { fn: 'RAND_DRBG_reseed', drbg: 'private', predictionResistance: true },
    lengthOnly({ fn: 'RAND_DRBG_generate', drbg: 'public', outlen: 16 }),
    { fn: 'RAND_status' },
    { fn: 'RAND_DRBG_generate', drbg: 'master', outlen: 16, predictionResistance: true },
    lengthOnly({ fn: 'RAND_priv_bytes', num: 16 }),
    { fn: 'RAND_status' },
    resetShared('pr-src'),
  ] as StepLike[]);

const loadFile = scenario('rand-load-file',
  'RAND_load_file: chunks of 1024 bytes, a last chunk of up to 1280 read whole, each through RAND_add with ' +
  'randomness = its length (so each chunk at or above the seed length reseeds the master from its source); a byte ' +
  'limit, 0 bytes, -1 for the whole file, an empty file, a missing file (CANNOT_OPEN_FILE), and a master whose ' +
  'entropy fails (RESEED_ERROR, -1)', [
    resetShared('file-src'),
    { fn: 'RAND_load_file', content: bytes(48, 1), bytes: -1 },
    probe(1),
    { fn: 'RAND_load_file', content: bytes(2000, 2), bytes: -1 },
    probe(2),
    { fn: 'RAND_load_file', content: bytes(2000, 3), bytes: 1300 },
    { fn: 'RAND_load_file', content: bytes(2000, 4), bytes: 1280 },
    { fn: 'RAND_load_file', content: bytes(3000, 5), bytes: 2100 },
    probe(5),
    { fn: 'RAND_load_file', content: bytes(20, 6), bytes: 100 },
    { fn: 'RAND_load_file', content: bytes(20, 7), bytes: 0 },
    { fn: 'RAND_load_file', content: '', bytes: -1 },
    { fn: 'RAND_load_file', bytes: -1 },
    probe(8),
    { fn: 'source', name: 'file-src', entropy: '' },
    { fn: 'RAND_load_file', content: bytes(40, 9), bytes: -1 },
    { fn: 'RAND_status' },
    { fn: 'source', name: 'file-src', entropy: bytes(32, 10) },
    { fn: 'RAND_load_file', content: bytes(10, 11), bytes: -1 },
    probe(11),
  ]);

export const SHARED_SCENARIOS: readonly Scenario111[] = [propagation, randAdd, entropyPath, frontEnd, predictionResistance, loadFile];
