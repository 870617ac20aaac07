/**
 * ex_data (RAND_DRBG_set_ex_data(3)) and FIPS mode (RAND_DRBG(7) as of OpenSSL commit 3a50a8a9,
 * FIPS_mode_set(3)).
 */
import type { RawCall, RawDouble } from '../../raw-calls-111/calls.js';
import { bytes, NID_128, NID_256, resetShared, scenario, type Scenario111, type Step, type StepLike } from '../scenario.js';

const A = { allocated: 0 };
const B = { allocated: 1 };
const C = { allocated: 2 };

const exData = scenario('ex-data',
  'RAND_DRBG_get_ex_new_index / set_ex_data / get_ex_data: consecutive indexes, unset = NULL, any non-negative ' +
  'index storable (registered or not), negative indexes store nothing yet return 1, values survive RAND_DRBG_set ' +
  'and uninstantiate; RAND_DRBG_free calls every registered free_func in index order, with NULL for unset slots', [
    { fn: 'RAND_DRBG_get_ex_new_index', traceFree: true },
    { fn: 'RAND_DRBG_get_ex_new_index' },
    { fn: 'RAND_DRBG_get_ex_new_index', traceFree: true },
    { fn: 'RAND_DRBG_new', type: NID_256, flags: 0, bind: 'd' },
    { fn: 'RAND_DRBG_new', type: NID_128, flags: 0, parent: 'd', bind: 'e' },
    { fn: 'RAND_DRBG_get_ex_data', drbg: 'd', idx: A },
    { fn: 'RAND_DRBG_set_ex_data', drbg: 'd', idx: A, value: 0x1234 },
    { fn: 'RAND_DRBG_set_ex_data', drbg: 'd', idx: B, value: 7 },
    { fn: 'RAND_DRBG_set_ex_data', drbg: 'd', idx: C, value: 0 },
    { fn: 'RAND_DRBG_get_ex_data', drbg: 'd', idx: A },
    { fn: 'RAND_DRBG_get_ex_data', drbg: 'd', idx: B },
    { fn: 'RAND_DRBG_set_ex_data', drbg: 'd', idx: { allocated: 2, offset: 5 }, value: 99 },
    { fn: 'RAND_DRBG_get_ex_data', drbg: 'd', idx: { allocated: 2, offset: 5 } },
    { fn: 'RAND_DRBG_get_ex_data', drbg: 'd', idx: { allocated: 2, offset: 6 } },
    { fn: 'RAND_DRBG_get_ex_data', drbg: 'd', idx: { allocated: 2, offset: 4 } },
    { fn: 'RAND_DRBG_set_ex_data', drbg: 'd', idx: -1, value: 5 },
    { fn: 'RAND_DRBG_get_ex_data', drbg: 'd', idx: -1 },
    { fn: 'RAND_DRBG_get_ex_data', drbg: 'd', idx: -100 },
    { fn: 'RAND_DRBG_get_ex_data', drbg: 'e', idx: A },
    { fn: 'RAND_DRBG_set', drbg: 'd', type: NID_128, flags: 1 },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'd' },
    { fn: 'RAND_DRBG_get_ex_data', drbg: 'd', idx: A },
    { fn: 'RAND_DRBG_set_ex_data', drbg: 'e', idx: A, value: 0xdeadbeef },
    { fn: 'RAND_DRBG_set_ex_data', drbg: 'e', idx: A, value: 0xfeed },
    { fn: 'RAND_DRBG_free', drbg: 'e' },
    { fn: 'RAND_DRBG_free', drbg: 'd' },
    { fn: 'RAND_DRBG_new', type: NID_256, flags: 0, bind: 'f' },
    { fn: 'RAND_DRBG_free', drbg: 'f' },
    { fn: 'RAND_DRBG_get_ex_new_index' },
  ]);

/** In FIPS mode randshim's RAND_add(buf, n, r) must equal real 1.1.1's RAND_add(buf, n, 0). */
function fipsAdd(n: number, r: RawDouble, tag: number): Step {
  return {
    call: { fn: 'RAND_add', buf: bytes(n, tag), randomness: 0 },
    randshim: { fn: 'RAND_add', buf: bytes(n, tag), randomness: r },
  };
}

/** Deterministic outputs of the three shared DRBGs after each add. */
const probe = (tag: number): RawCall[] => [
  { fn: 'RAND_DRBG_generate', drbg: 'master', outlen: 24, adin: bytes(3, tag) },
  { fn: 'RAND_DRBG_generate', drbg: 'public', outlen: 24, adin: bytes(3, tag + 1) },
  { fn: 'RAND_DRBG_generate', drbg: 'private', outlen: 24, adin: bytes(3, tag + 2) },
  { fn: 'peek', drbg: 'master' },
];

const LENGTHS = [0, 1, 16, 31, 32, 33, 47, 48, 49, 64, 100, 1000];
const RANDOMNESS: readonly ((n: number) => RawDouble)[] = [(n) => n, () => 48, () => 1e9, () => 0.5, () => 'Infinity', () => 'NaN', () => 0];

const fipsSeeded = scenario('fips-rand-add',
  'FIPS mode: randshim\'s RAND_add(buf, n, r) and RAND_seed(buf, n) equal real 1.1.1\'s RAND_add(buf, n, 0) bit ' +
  'for bit for every length around both seed lengths (32 with a nonce callback, 48 without) and randomness n, the ' +
  'threshold, huge, fractional, infinite, NaN and 0: additional input only, no reseed, no counter, no ' +
  'propagation; negative randomness stays a no-op; FIPS_mode_set(1) itself is the documented difference', [
    resetShared('fips-src'),
    { call: { fn: 'FIPS_mode' } },
    { call: { fn: 'FIPS_mode_set', onoff: 1 }, known: 'fips-mode-set' },
    { call: { fn: 'FIPS_mode' }, known: 'fips-mode' },
    LENGTHS.flatMap((n, i) => [fipsAdd(n, RANDOMNESS[i % RANDOMNESS.length](n), 2 * i), ...probe(2 * i)]),
    { call: { fn: 'RAND_add', buf: bytes(40, 99), randomness: 0 }, randshim: { fn: 'RAND_seed', buf: bytes(40, 99) } },
    probe(99),
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'master' },
    { fn: 'default_callbacks', drbg: 'master', nonce: false },
    { call: { fn: 'FIPS_mode_set', onoff: 0 } },
    { fn: 'RAND_add', buf: bytes(48, 100), randomness: 48 },
    probe(100),
    { call: { fn: 'FIPS_mode_set', onoff: 1 }, known: 'fips-mode-set' },
    LENGTHS.flatMap((n, i) => [fipsAdd(n, RANDOMNESS[(i + 3) % RANDOMNESS.length](n), 101 + 2 * i), ...probe(101 + 2 * i)]),
    { call: { fn: 'RAND_add', buf: bytes(48, 150), randomness: 0 }, randshim: { fn: 'RAND_seed', buf: bytes(48, 150) } },
    probe(150),
    { fn: 'RAND_add', buf: bytes(48, 151), randomness: -1 },
    { fn: 'RAND_add', buf: bytes(48, 152), randomness: 48, num: -1 },
    probe(152),
    { fn: 'RAND_status' },
    { call: { fn: 'FIPS_mode_set', onoff: 0 } },
  ] as (StepLike | StepLike[])[]);

export const EX_DATA_FIPS_SCENARIOS: readonly Scenario111[] = [exData, fipsSeeded];
