/**
 * Scenarios about one DRBG's state machine (RAND_DRBG_instantiate(3), RAND_DRBG_reseed(3),
 * RAND_DRBG_generate(3)): each function's error paths with their exact reasons and states, the
 * instantiate-on-READY quirk, implicit instantiation with the 28-byte personalization,
 * uninstantiate / re-instantiate, recovery from the error state when entropy returns, reseed
 * cadence by count and by time, prediction resistance, and RAND_DRBG_bytes' chunking.
 */
import type { RawCall } from '../../raw-calls-111/calls.js';
import { bytes, DEFAULT_PERS, lengthOnly, NID_128, NID_192, NID_256, NO_DF, scenario, type Scenario111, type StepLike } from '../scenario.js';

const withSource = (drbg: string, type: number, flags: number, source: string, entropy: string, nonce = ''): RawCall[] => [
  { fn: 'source', name: source, entropy, nonce },
  { fn: 'RAND_DRBG_new', type, flags, bind: drbg },
  { fn: 'RAND_DRBG_set_callbacks', drbg, source },
];

const instantiate = scenario('instantiate-paths',
  'RAND_DRBG_instantiate: personalization too long (UNINITIALISED: 0; READY: 1 with the error queued), no method, ' +
  'already instantiated (1 + ALREADY_INSTANTIATED), in error state, entropy too short / too long / missing, nonce ' +
  'missing / too short, the entropy-then-nonce callback order and arguments for every type', [
    withSource('nodf', NID_256, NO_DF, 'a', bytes(48, 1)),
    { fn: 'RAND_DRBG_instantiate', drbg: 'nodf', pers: bytes(49, 2) },
    { fn: 'RAND_DRBG_instantiate', drbg: 'nodf', pers: bytes(48, 2) },
    { fn: 'RAND_DRBG_instantiate', drbg: 'nodf', pers: bytes(48, 2) },
    { fn: 'RAND_DRBG_instantiate', drbg: 'nodf', pers: bytes(49, 2) },
    { fn: 'RAND_DRBG_generate', drbg: 'nodf', outlen: 48, adin: bytes(48, 3) },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'nodf' },
    { fn: 'source', name: 'a', entropy: bytes(47, 4) },
    { fn: 'RAND_DRBG_instantiate', drbg: 'nodf' },
    { fn: 'RAND_DRBG_instantiate', drbg: 'nodf' },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'nodf' },
    { fn: 'source', name: 'a', entropy: bytes(49, 4) },
    { fn: 'RAND_DRBG_instantiate', drbg: 'nodf', pers: '' },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'nodf' },
    { fn: 'source', name: 'a', entropy: '' },
    { fn: 'RAND_DRBG_instantiate', drbg: 'nodf', pers: '' },
    withSource('df', NID_192, 0, 'b', bytes(24, 5)),
    { fn: 'RAND_DRBG_instantiate', drbg: 'df', pers: '' },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'df' },
    { fn: 'source', name: 'b', nonce: bytes(11, 6) },
    { fn: 'RAND_DRBG_instantiate', drbg: 'df', pers: '' },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'df' },
    { fn: 'source', name: 'b', entropy: bytes(23, 7), nonce: bytes(12, 6) },
    { fn: 'RAND_DRBG_instantiate', drbg: 'df', pers: '' },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'df' },
    { fn: 'source', name: 'b', entropy: bytes(1000, 8), nonce: bytes(300, 9) },
    { fn: 'RAND_DRBG_instantiate', drbg: 'df', pers: bytes(500, 10) },
    { fn: 'RAND_DRBG_generate', drbg: 'df', outlen: 100, adin: bytes(700, 11) },
    { fn: 'peek', drbg: 'df' },
    withSource('aes128', NID_128, 0, 'c', bytes(16, 12), bytes(8, 13)),
    { fn: 'RAND_DRBG_instantiate', drbg: 'aes128', pers: DEFAULT_PERS },
    { fn: 'RAND_DRBG_generate', drbg: 'aes128', outlen: 64 },
    withSource('aes128nodf', NID_128, NO_DF, 'd', bytes(32, 14)),
    { fn: 'RAND_DRBG_instantiate', drbg: 'aes128nodf', pers: bytes(32, 15) },
    { fn: 'RAND_DRBG_generate', drbg: 'aes128nodf', outlen: 17, adin: bytes(31, 16) },
    withSource('aes192nodf', NID_192, NO_DF, 'e', bytes(40, 17)),
    { fn: 'RAND_DRBG_instantiate', drbg: 'aes192nodf', pers: bytes(41, 18) },
    { fn: 'RAND_DRBG_instantiate', drbg: 'aes192nodf' },
    { fn: 'RAND_DRBG_generate', drbg: 'aes192nodf', outlen: 1 },
    { fn: 'RAND_DRBG_new', type: 0, flags: NO_DF, bind: 'none' },
    { fn: 'RAND_DRBG_instantiate', drbg: 'none', pers: '' },
    { fn: 'RAND_DRBG_instantiate', drbg: 'none', pers: '00' },
    // a NULL personalization with a length: checked against max_perslen, then ignored
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'aes192nodf' },
    { fn: 'RAND_DRBG_instantiate', drbg: 'aes192nodf', perslen: 41 },
    { fn: 'RAND_DRBG_instantiate', drbg: 'aes192nodf', perslen: 40 },
    { fn: 'RAND_DRBG_generate', drbg: 'aes192nodf', outlen: 16 },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'aes128' },
    { fn: 'RAND_DRBG_instantiate', drbg: 'aes128', perslen: 1000 },
    { fn: 'RAND_DRBG_generate', drbg: 'aes128', outlen: 16 },
  ]);

const reseedGenerate = scenario('reseed-and-generate-paths',
  'RAND_DRBG_reseed on UNINITIALISED / ERROR / READY (additional input too long leaves READY; entropy missing ' +
  'leaves ERROR), with and without prediction resistance; RAND_DRBG_generate: request over 65536, additional input ' +
  'too long (also with a NULL buffer), zero-length output, adin consumed by a reseed, prediction resistance with a ' +
  'callback that supports it and failing with one that does not', [
    withSource('d', NID_256, NO_DF, 's', bytes(48, 20)),
    { fn: 'RAND_DRBG_reseed', drbg: 'd' },
    { fn: 'RAND_DRBG_instantiate', drbg: 'd', pers: '' },
    { fn: 'RAND_DRBG_reseed', drbg: 'd', adin: bytes(49, 21) },
    { fn: 'RAND_DRBG_reseed', drbg: 'd', adin: bytes(48, 21) },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 16 },
    { fn: 'RAND_DRBG_reseed', drbg: 'd', adin: '', predictionResistance: true },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 16 },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 65537 },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 65536, adin: bytes(48, 22) },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 16, adin: bytes(49, 22) },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 0 },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 0, adin: bytes(10, 23) },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 5, adin: bytes(10, 24), predictionResistance: true },
    { fn: 'peek', drbg: 'd' },
    { fn: 'source', name: 's', entropy: bytes(47, 25) },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 5, predictionResistance: true },
    { fn: 'RAND_DRBG_reseed', drbg: 'd' },
    { fn: 'RAND_DRBG_reseed', drbg: 'd', adin: bytes(49, 26) },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 5 },
    { fn: 'source', name: 's', entropy: bytes(48, 27) },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 5 },
    { fn: 'peek', drbg: 'd' },
    withSource('df', NID_128, 0, 't', bytes(20, 28), bytes(9, 29)),
    { fn: 'RAND_DRBG_instantiate', drbg: 'df', pers: bytes(3, 30) },
    { fn: 'RAND_DRBG_reseed', drbg: 'df', adin: bytes(100000, 31) },
    { fn: 'RAND_DRBG_generate', drbg: 'df', outlen: 40, adin: bytes(70000, 32) },
    { fn: 'RAND_DRBG_generate', drbg: 'df', outlen: 40, adin: '' },
    { fn: 'RAND_DRBG_generate', drbg: 'df', outlen: 40 },
    // a NULL additional input with a length: checked (generate) or dropped (reseed), never mixed in
    { fn: 'RAND_DRBG_generate', drbg: 'df', outlen: 40, adinlen: 7 },
    { fn: 'RAND_DRBG_generate', drbg: 'df', outlen: 0, adinlen: 7 },
    { fn: 'RAND_DRBG_reseed', drbg: 'df', adinlen: 7 },
    { fn: 'RAND_DRBG_generate', drbg: 'df', outlen: 40 },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 16, adinlen: 49 },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 16, adinlen: 48 },
    { fn: 'RAND_DRBG_reseed', drbg: 'd', adinlen: 49 },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 16 },
    // the checks come after the implicit instantiation, whose failure takes precedence
    withSource('u', NID_192, NO_DF, 'v', bytes(40, 33)),
    { fn: 'RAND_DRBG_reseed', drbg: 'u', adin: bytes(41, 34) },
    { fn: 'RAND_DRBG_generate', drbg: 'u', outlen: 65537, adin: bytes(41, 34) },
    { fn: 'RAND_DRBG_generate', drbg: 'u', outlen: 16, adin: bytes(41, 34) },
    { fn: 'peek', drbg: 'u' },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'u' },
    { fn: 'source', name: 'v', entropy: bytes(39, 35) },
    { fn: 'RAND_DRBG_generate', drbg: 'u', outlen: 65537 },
    { fn: 'RAND_DRBG_reseed', drbg: 'u', adin: bytes(41, 34) },
    { fn: 'RAND_DRBG_generate', drbg: 'u', outlen: 65537, adin: bytes(41, 34) },
    { fn: 'RAND_DRBG_new', type: NID_256, flags: 0, bind: 'os' },
    lengthOnly({ fn: 'RAND_DRBG_generate', drbg: 'os', outlen: 16 }),
    { fn: 'RAND_DRBG_generate', drbg: 'os', outlen: 16, predictionResistance: true },
    { fn: 'RAND_DRBG_reseed', drbg: 'os', predictionResistance: true },
    lengthOnly({ fn: 'RAND_DRBG_generate', drbg: 'os', outlen: 16 }),
    { fn: 'RAND_DRBG_reseed', drbg: 'os', predictionResistance: true },
    { fn: 'peek', drbg: 'os' },
  ] as StepLike[]);

const implicit = scenario('implicit-instantiation-and-recovery',
  'RAND_DRBG_generate on a never-instantiated DRBG instantiates it with the 28-byte default personalization (bit ' +
  'for bit, through the callbacks); uninstantiate keeps counters and callbacks, callbacks can be replaced while ' +
  'UNINITIALISED only; a DRBG whose entropy fails stays in ERROR (instantiate refused, generate retries) and ' +
  'recovers on the next generate once entropy returns', [
    withSource('d', NID_256, 0, 's', bytes(32, 40), bytes(16, 41)),
    { fn: 'peek', drbg: 'd' },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 32 },
    { fn: 'peek', drbg: 'd' },
    withSource('e', NID_256, 0, 's2', bytes(32, 40), bytes(16, 41)),
    { fn: 'RAND_DRBG_instantiate', drbg: 'e', pers: DEFAULT_PERS },
    { fn: 'RAND_DRBG_generate', drbg: 'e', outlen: 32 },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 32, adin: bytes(7, 42) },
    { fn: 'RAND_DRBG_set_callbacks', drbg: 'd', source: 's' },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'd' },
    { fn: 'peek', drbg: 'd' },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'd' },
    { fn: 'source', name: 's3', entropy: bytes(40, 43), nonce: bytes(20, 44) },
    { fn: 'RAND_DRBG_set_callbacks', drbg: 'd', source: 's3' },
    { fn: 'RAND_DRBG_instantiate', drbg: 'd', pers: bytes(1, 45) },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 32 },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'd' },
    { fn: 'source', name: 's3', entropy: '' },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 8 },
    { fn: 'RAND_DRBG_instantiate', drbg: 'd', pers: '' },
    { fn: 'RAND_DRBG_reseed', drbg: 'd' },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 8 },
    { fn: 'peek', drbg: 'd' },
    { fn: 'RAND_DRBG_set_callbacks', drbg: 'd', source: 's' },
    { fn: 'source', name: 's3', entropy: bytes(32, 46) },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 8 },
    { fn: 'peek', drbg: 'd' },
    { fn: 'source', name: 's3', nonce: '' },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'd' },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 8 },
    { fn: 'source', name: 's3', nonce: bytes(16, 47) },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 8 },
    { fn: 'RAND_DRBG_set_callbacks', drbg: 'd', source: null },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'd' },
    { fn: 'RAND_DRBG_set_callbacks', drbg: 'd', source: null },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 8 },
    { fn: 'RAND_DRBG_reseed', drbg: 'd' },
    { fn: 'peek', drbg: 'd' },
    { fn: 'RAND_DRBG_free', drbg: 'd' },
  ]);

/** `n` generates of 1 byte, each followed by a peek. */
const generates = (drbg: string, n: number): RawCall[] => Array.from({ length: n }, (_, i) => [
  { fn: 'RAND_DRBG_generate' as const, drbg, outlen: 1 + i },
  { fn: 'peek' as const, drbg },
]).flat();

const cadence = scenario('reseed-cadence',
  'Reseed by count: generate_counter starts at 1 and the >= test reseeds on the N-th generate after instantiation, ' +
  'then every (N-1)-th; intervals 1, 2, 3 and 5, 0 (off), the cap 2^24 accepted and 2^24 + 1 refused (the old value ' +
  'kept); a reseed inside generate consumes the additional input', [
    ...[1, 2, 3, 5, 0].flatMap((interval) => [
      ...withSource(`i${interval}`, NID_128, 0, `s${interval}`, bytes(16, interval), bytes(8, 50 + interval)),
      { fn: 'RAND_DRBG_set_reseed_interval' as const, drbg: `i${interval}`, interval },
      { fn: 'RAND_DRBG_instantiate' as const, drbg: `i${interval}`, pers: '' },
      ...generates(`i${interval}`, 7),
      { fn: 'RAND_DRBG_generate' as const, drbg: `i${interval}`, outlen: 16, adin: bytes(16, 60) },
    ]),
    { fn: 'RAND_DRBG_set_reseed_interval', drbg: 'i3', interval: (1 << 24) + 1 },
    { fn: 'peek', drbg: 'i3' },
    { fn: 'RAND_DRBG_set_reseed_interval', drbg: 'i3', interval: 1 << 24 },
    { fn: 'peek', drbg: 'i3' },
    { fn: 'RAND_DRBG_set_reseed_interval', drbg: 'i2', interval: 4294967295 },
    { fn: 'peek', drbg: 'i2' },
    { fn: 'RAND_DRBG_set_reseed_interval', drbg: 'i5', interval: 1 },
    ...generates('i5', 2),
  ]);

const byTime = scenario('reseed-by-time',
  'Reseed by time on the real clock (time(NULL), one second resolution): interval 1 reseeds on the first generate ' +
  'after a second boundary, then not again within the second; interval 0, negative intervals (accepted: time_t) and ' +
  'a refused over-cap interval (old value kept) never reseed; the reseed counter is not involved', [
    ...withSource('t1', NID_256, 0, 's1', bytes(32, 70), bytes(16, 71)),
    { fn: 'RAND_DRBG_set_reseed_interval', drbg: 't1', interval: 0 },
    { fn: 'RAND_DRBG_set_reseed_time_interval', drbg: 't1', interval: 1 },
    ...withSource('t0', NID_256, 0, 's0', bytes(32, 72), bytes(16, 73)),
    { fn: 'RAND_DRBG_set_reseed_time_interval', drbg: 't0', interval: 0 },
    ...withSource('tneg', NID_256, 0, 'sneg', bytes(32, 74), bytes(16, 75)),
    { fn: 'RAND_DRBG_set_reseed_time_interval', drbg: 'tneg', interval: -5 },
    ...withSource('tcap', NID_256, 0, 'scap', bytes(32, 76), bytes(16, 77)),
    { fn: 'RAND_DRBG_set_reseed_time_interval', drbg: 'tcap', interval: (1 << 20) + 1 },
    { fn: 'RAND_DRBG_set_reseed_time_interval', drbg: 'tcap', interval: 1 << 20 },
    { fn: 'RAND_DRBG_set_reseed_time_interval', drbg: 'tcap', interval: (1 << 20) + 1 },
    ...['t1', 't0', 'tneg', 'tcap'].flatMap((d) => [
      { fn: 'RAND_DRBG_instantiate' as const, drbg: d, pers: '' },
      { fn: 'peek' as const, drbg: d },
    ]),
    { fn: 'wait_next_second' },
    ...['t1', 't0', 'tneg', 'tcap'].flatMap((d) => [
      { fn: 'RAND_DRBG_generate' as const, drbg: d, outlen: 8 },
      { fn: 'RAND_DRBG_generate' as const, drbg: d, outlen: 8 },
    ]),
  ]);

const bytesChunks = scenario('drbg-bytes-chunks',
  'RAND_DRBG_bytes splits at max_request (65536): one generate per chunk, each counted and each re-checking the ' +
  'reseed interval (traces), 0 bytes = no generate; a chunk that fails makes it return 0 (output bytes: additional ' +
  'data with pid / thread id / CPU timer, so lengths only; the layout is proven apart)', [
    withSource('d', NID_256, 0, 's', bytes(32, 80), bytes(16, 81)),
    { fn: 'RAND_DRBG_set_reseed_interval', drbg: 'd', interval: 3 },
    { fn: 'RAND_DRBG_instantiate', drbg: 'd', pers: '' },
    { fn: 'RAND_DRBG_bytes', drbg: 'd', outlen: 0 },
    { fn: 'peek', drbg: 'd' },
    lengthOnly({ fn: 'RAND_DRBG_bytes', drbg: 'd', outlen: 65536 }),
    { fn: 'peek', drbg: 'd' },
    lengthOnly({ fn: 'RAND_DRBG_bytes', drbg: 'd', outlen: 65537 }),
    { fn: 'peek', drbg: 'd' },
    lengthOnly({ fn: 'RAND_DRBG_bytes', drbg: 'd', outlen: 3 * 65536 + 1 }),
    { fn: 'peek', drbg: 'd' },
    { fn: 'source', name: 's', entropy: bytes(31, 82) },
    { fn: 'RAND_DRBG_bytes', drbg: 'd', outlen: 3 * 65536 },
    { fn: 'peek', drbg: 'd' },
    { fn: 'source', name: 's', entropy: bytes(32, 83) },
    lengthOnly({ fn: 'RAND_DRBG_bytes', drbg: 'd', outlen: 100 }),
    { fn: 'peek', drbg: 'd' },
  ] as StepLike[]);

export const STATE_SCENARIOS: readonly Scenario111[] = [instantiate, reseedGenerate, implicit, cadence, byTime, bytesChunks];
