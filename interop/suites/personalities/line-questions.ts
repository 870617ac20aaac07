/**
 * The personality table's rows as questions a real 3.x library can be asked: per row, a scenario
 * (interop/suites/evp-rand/scenario.ts, EVP_RAND or RAND front-end calls) or the line child's
 * probes (interop/builds/openssl-lines/probes.ts), and how the row's value is read from the
 * observations. test/interop/personalities-lines.spec.ts asks every question of the machine's
 * 3.0 and of the 3.5, 3.6 and 4.0 libraries (each in its child under its own loader) and requires
 * the answer to be the table's cell for that line; the scenario questions also run on the
 * line's personality, which must make the very same observations (or, where a cell says
 * randshim does not do it yet, give the answer the cell records for randshim).
 *
 * The answers are read from the observations only: return codes, error reasons, parameters
 * read back, and whether two outputs are equal. Nothing here computes an expected value.
 */
import { fromHex, toHex, utf8 } from '../../../provider/bytes.js';
import { bytesToInt } from '../../../provider/openssl3/core/param-memory.js';
import { xorshiftBytes } from '../../builds/openssl-lines/probe-expectations.js';
import type { ProbeResults } from '../../builds/openssl-lines/probes.js';
import type { Observation, Op, ParamSpec, Scenario } from '../evp-rand/scenario.js';
import { ENTROPY48, NONCE16, evpRandScenarios } from '../evp-rand/scenarios.js';
import type { RandCall } from '../rand-front-end/calls.js';
import type { PersonalityRowKey } from './table.js';


export type ScenarioSuiteName = 'evp-rand' | 'rand-front-end';

export type LineQuestion =
  | {
    readonly kind: 'scenario';
    /** 'rand-front-end' runs in a fresh default library context (the shared chain is new). */
    readonly suite: ScenarioSuiteName;
    readonly scenario: Scenario;
    readonly answer: (observations: readonly Observation[]) => unknown;
    /** Why only the answer is compared with the personality's, not every observation (another
     * row's difference shows in the same calls). */
    readonly answerOnly?: string;
    /** The row's value is a rule only a model can show (which address a pull mixes in): the
     * answer says the scenario produced deterministic bytes, and the line's personality, whose
     * rule test/compat/personalities.spec.ts checks is the cell's, must reproduce every call
     * with the C run's addresses and fail to with others. */
    readonly reproduces?: true;
  }
  /** Asked of the real library only (the line child's probes); the personality side is
   * checked by test/compat/personalities.spec.ts. */
  | { readonly kind: 'probes'; readonly answer: (probes: ProbeResults) => unknown };

// ---- reading observations ----

/** The observation of the `n`th call labelled `call` (0-based). */
function obs(list: readonly Observation[], call: string, n = 0): Observation {
  const found = list.filter((o) => o.call === call)[n];
  if (found === undefined) throw new Error(`no call "${call}" #${n} in [${list.map((o) => o.call).join(', ')}]`);
  return found;
}

/** The hex data of parameter `key` of an observation (a get). */
function data(o: Observation, key: string): string {
  const p = o.params?.find((x) => x.key === key);
  if (p === undefined) throw new Error(`${o.call}: no parameter ${key}`);
  return p.data;
}

/** A little-endian unsigned integer from hex (an integer parameter's data). */
const le = (hex: string): number => Number(bytesToInt(fromHex(hex), false));

/** A NUL-terminated UTF-8 string from hex (a UTF-8 parameter's buffer). */
function text(hex: string): string {
  const bytes = fromHex(hex);
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(bytes.subarray(0, end < 0 ? bytes.length : end));
}

const reasons = (o: Observation): string[] => o.errors.map((e) => `${e.lib}:${e.reason}`);

// ---- building scenarios ----

const u = (key: string, v: number): ParamSpec => ({ key, kind: 'uint', value: String(v) });
const s = (key: string, v: string): ParamSpec => ({ key, kind: 'utf8', value: v });
const o8 = (key: string, hex: string): ParamSpec => ({ key, kind: 'octets', value: hex });
const t = (key: string, v: number): ParamSpec => ({ key, kind: 'time_t', value: String(v) });
const read = (key: string, kind: ParamSpec['kind']): ParamSpec => ({ key, kind });
const rand = (call: RandCall): Op => ({ op: 'rand', call });
const INTERVALS = [read('reseed_requests', 'uint'), read('reseed_time_interval', 'time_t')];
const intervalsOf = (o: Observation) => ({ requests: le(data(o, 'reseed_requests')), seconds: le(data(o, 'reseed_time_interval')) });

/** A TEST-RAND of strength 256 holding the check vector's entropy and nonce, instantiated. */
function testRand(id: string): Op[] {
  return [
    { op: 'fetch', id: `${id}:rand`, name: 'TEST-RAND' },
    { op: 'new', id, rand: `${id}:rand`, parent: null },
    { op: 'instantiate', ctx: id, params: [u('strength', 256), o8('test_entropy', ENTROPY48), o8('test_nonce', NONCE16)] },
  ];
}

/** A DRBG of `type` (CTR with AES-256-CTR, the others with SHA256) under `parent`, configured. */
function drbg(id: string, parent: string | null, type = 'CTR-DRBG'): Op[] {
  const config = type === 'CTR-DRBG' ? s('cipher', 'AES-256-CTR') : s('digest', 'SHA256');
  return [
    { op: 'fetch', id: `${id}:rand`, name: type },
    { op: 'new', id, rand: `${id}:rand`, parent },
    { op: 'set', ctx: id, params: [config] },
  ];
}

type ScenarioQuestion = Extract<LineQuestion, { kind: 'scenario' }>;

const evp = (name: string, ops: readonly Op[], answer: (o: readonly Observation[]) => unknown): ScenarioQuestion =>
  ({ kind: 'scenario', suite: 'evp-rand', scenario: { name, ops }, answer });
const front = (name: string, ops: readonly Op[], answer: (o: readonly Observation[]) => unknown): ScenarioQuestion =>
  ({ kind: 'scenario', suite: 'rand-front-end', scenario: { name, ops }, answer });

/** The catalogue's scenario of that name, to be reproduced (answer: deterministic bytes were made). */
function catalogue(name: string): LineQuestion {
  const scenario = evpRandScenarios().find((x) => x.name === name);
  if (scenario === undefined) throw new Error(`no EVP_RAND scenario "${name}"`);
  return {
    kind: 'scenario', suite: 'evp-rand', scenario, reproduces: true,
    answer: (list) => list.some((x) => x.call.startsWith('generate ') && x.ret === 1 && /^[0-9a-f]+$/.test(x.out ?? '')),
  };
}

const PERS = toHex(utf8('OpenSSL NIST SP 800-90A DRBG\0'));

export const LINE_QUESTIONS: Readonly<Partial<Record<PersonalityRowKey, LineQuestion>>> = {
  defaultDrbg: front('the primary\'s EVP_RAND, cipher and derivation function', [
    rand({ fn: 'get0', which: 'primary', id: 'primary' }), { op: 'ctx_rand', ctx: 'primary' },
    { op: 'get', ctx: 'primary', params: [read('cipher', 'utf8'), read('use_derivation_function', 'int')] },
  ], (l) => {
    const g = obs(l, 'get primary');
    return { name: obs(l, 'get0_rand primary').ret, cipher: text(data(g, 'cipher')), useDf: le(data(g, 'use_derivation_function')) };
  }),

  primaryIntervals: front('the primary\'s reseed intervals', [
    rand({ fn: 'get0', which: 'primary', id: 'primary' }), { op: 'get', ctx: 'primary', params: INTERVALS },
  ], (l) => intervalsOf(obs(l, 'get primary'))),

  secondaryIntervals: front('public and private reseed intervals', [
    rand({ fn: 'get0', which: 'public', id: 'public' }), rand({ fn: 'get0', which: 'private', id: 'private' }),
    { op: 'get', ctx: 'public', params: INTERVALS }, { op: 'get', ctx: 'private', params: INTERVALS },
  ], (l) => {
    const [pub, priv] = [intervalsOf(obs(l, 'get public')), intervalsOf(obs(l, 'get private'))];
    return JSON.stringify(pub) === JSON.stringify(priv) ? pub : { public: pub, private: priv };
  }),

  otherIntervals: evp('a new CTR-DRBG\'s reseed intervals without and with a parent', [
    ...drbg('alone', null), ...testRand('tr'), ...drbg('child', 'tr'),
    { op: 'get', ctx: 'alone', params: INTERVALS }, { op: 'get', ctx: 'child', params: INTERVALS },
  ], (l) => ({ withoutParent: intervalsOf(obs(l, 'get alone')), withParent: intervalsOf(obs(l, 'get child')) })),

  intervalCaps: evp('reseed intervals above 1.1.1\'s caps (2^24 + 1 requests, 2^20 + 1 s)', [
    ...drbg('c', null),
    { op: 'set', ctx: 'c', params: [u('reseed_requests', 2 ** 24 + 1), t('reseed_time_interval', 2 ** 20 + 1)] },
    { op: 'get', ctx: 'c', params: INTERVALS },
  ], (l) => {
    const stored = obs(l, 'set c').ret === 1 && JSON.stringify(intervalsOf(obs(l, 'get c'))) === JSON.stringify({ requests: 2 ** 24 + 1, seconds: 2 ** 20 + 1 });
    return stored ? null : intervalsOf(obs(l, 'get c'));
  }),

  defaultPers: evp('NULL personalization against the default string with and without its NUL', [
    ...[['null', null], ['with-nul', PERS], ['without-nul', PERS.slice(0, -2)]].flatMap(([id, pers]): Op[] => [
      ...testRand(`tr-${id}`), ...drbg(id as string, `tr-${id}`),
      { op: 'instantiate', ctx: id as string, pers }, { op: 'generate', ctx: id as string, n: 32 },
    ]),
  ], (l) => {
    const out = (id: string) => obs(l, `generate ${id} 32`).out;
    if (out('null') === out('with-nul') && out('null') !== out('without-nul')) return 29;
    if (out('null') === out('without-nul') && out('null') !== out('with-nul')) return 28;
    return null;
  }),

  childAdin: catalogue('chain TEST-RAND -> CTR AES-256-CTR -> CTR AES-256-CTR'),

  randAdd: front('RAND_add with randomness 0, below and at the seed length: primary reseeds', [
    rand({ fn: 'get0', which: 'primary', id: 'primary' }), { op: 'get', ctx: 'primary', params: [read('reseed_counter', 'uint')] },
    rand({ fn: 'RAND_add', n: 32, randomness: 0 }), rand({ fn: 'RAND_add', n: 32, randomness: 31 }),
    rand({ fn: 'RAND_add', n: 32, randomness: 32 }), { op: 'get', ctx: 'primary', params: [read('reseed_counter', 'uint')] },
  ], (l) => {
    const reseeds = le(data(obs(l, 'get primary', 1), 'reseed_counter')) - le(data(obs(l, 'get primary', 0), 'reseed_counter'));
    return { threshold: reseeds === 3 ? null : `${reseeds} reseeds for 3 calls` };
  }),

  predictionResistance: front('EVP_RAND_generate on the public DRBG with prediction resistance', [
    rand({ fn: 'get0', which: 'public', id: 'public' }), { op: 'generate', ctx: 'public', n: 16, pr: true, random: true },
  ], (l) => obs(l, 'generate public 16').ret === 1),

  propagation: evp('a child of a CTR parent: counter after instantiate, first generate, parent reseed, generate', [
    ...testRand('tr'), ...drbg('parent', 'tr'), { op: 'instantiate', ctx: 'parent' }, ...drbg('child', 'parent'),
    { op: 'instantiate', ctx: 'child' },
    ...(['after-instantiate', 'after-generate', 'after-parent-reseed'] as const).flatMap((_, k): Op[] => [
      { op: 'get', ctx: 'child', params: [read('reseed_counter', 'uint')] },
      ...(k === 0 ? [{ op: 'generate', ctx: 'child', n: 16 } as Op]
        : k === 1 ? [{ op: 'reseed', ctx: 'parent' } as Op, { op: 'generate', ctx: 'child', n: 16 } as Op] : []),
    ]),
  ], (l) => {
    const counter = (n: number) => le(data(obs(l, 'get child', n), 'reseed_counter'));
    const [a, b, c] = [counter(0), counter(1), counter(2)];
    return b === a + 1 && c === a + 2 ? 'every' : `counters ${a}, ${b}, ${c}`;
  }),

  reseedNotReady: evp('EVP_RAND_reseed on a DRBG never instantiated', [
    ...testRand('tr'), ...drbg('c', 'tr'), { op: 'reseed', ctx: 'c' },
  ], (l) => {
    const r = obs(l, 'reseed c');
    return r.state === 1 ? r.ret : `ret ${String(r.ret)}, state ${String(r.state)}`;
  }),

  generateZero: evp('EVP_RAND_generate of 0 bytes, then 16 bytes, against a twin DRBG', [
    ...testRand('trx'), ...drbg('x', 'trx'), { op: 'instantiate', ctx: 'x' },
    ...testRand('try'), ...drbg('y', 'try'), { op: 'instantiate', ctx: 'y' },
    { op: 'generate', ctx: 'x', n: 0 }, { op: 'generate', ctx: 'x', n: 16 }, { op: 'generate', ctx: 'y', n: 16 },
    { op: 'get', ctx: 'x', params: [read('reseed_counter', 'uint')] }, { op: 'get', ctx: 'y', params: [read('reseed_counter', 'uint')] },
  ], (l) => (obs(l, 'generate x 0').ret === 1 && obs(l, 'generate x 16').out === obs(l, 'generate y 16').out
    && data(obs(l, 'get x'), 'reseed_counter') === data(obs(l, 'get y'), 'reseed_counter') ? 'nothing' : 'generate')),

  negativeCount: front('RAND_bytes and RAND_priv_bytes(-1), then whether a primary exists', [
    rand({ fn: 'RAND_bytes', n: -1 }), rand({ fn: 'RAND_priv_bytes', n: -1 }),
    rand({ fn: 'RAND_set_DRBG_type', drbg: null, propq: null, cipher: null, digest: null }),
  ], (l) => {
    const [a, b] = [obs(l, 'RAND_bytes(-1)'), obs(l, 'RAND_priv_bytes(-1)')];
    const nothingCreated = obs(l, 'RAND_set_DRBG_type(null, null, null, null)').ret === 1;
    return a.ret === b.ret && nothingCreated ? { ret: a.ret, reason: reasons(a).concat(reasons(b))[0] ?? null } : 'a primary was created';
  }),

  fipsReseedEntropy: evp('EVP_RAND_reseed with a 48-byte entropy buffer on CTR and Hash DRBGs', [
    ...(['CTR-DRBG', 'HASH-DRBG'] as const).flatMap((type, k): Op[] => [
      ...testRand(`tr${k}`), ...drbg(`d${k}`, `tr${k}`, type), { op: 'instantiate', ctx: `d${k}` },
      { op: 'reseed', ctx: `d${k}`, ent: ENTROPY48 },
    ]),
  ], (l) => ({ ctr: obs(l, 'reseed d0').ret, hash: obs(l, 'reseed d1').ret })),

  randomProvider: {
    kind: 'probes',
    answer: (r) => {
      if (!r.symbols.RAND_set1_random_provider) return null;
      const steps = r.probes['random-provider'];
      if (steps === undefined) return 'not probed';
      const ret = (label: string) => steps.find((x) => x.call === label)?.ret;
      return { fips: ret('RAND_bytes_ex 16 (random provider fips)'), default: ret('RAND_bytes_ex 16 (random provider default)'),
        builtIn: ret('RAND_bytes_ex 16 (built-in chain)') };
    },
  },

  newCalls: {
    kind: 'probes',
    answer: (r) => NEW_CALLS.filter((name) => r.symbols[name] === true),
  },

  engineRand: {
    kind: 'probes',
    answer: (r) => ENGINE_CALLS.filter((name) => r.symbols[name] === true),
  },

  seedSrcBase: {
    kind: 'probes',
    answer: (r) => {
      const fetched = r.probes['seed-src-base']?.find((x) => x.call === 'EVP_RAND_fetch SEED-SRC provider=base');
      return fetched === undefined ? 'not probed' : fetched.ret;
    },
  },

  testRandGenerate: evp('TEST-RAND with generate = 1 and no test_entropy: instantiate, generate 16', [
    { op: 'fetch', id: 'tr:rand', name: 'TEST-RAND' }, { op: 'new', id: 'tr', rand: 'tr:rand', parent: null },
    { op: 'set', ctx: 'tr', params: [u('strength', 256), u('generate', 1)] }, { op: 'instantiate', ctx: 'tr' },
    { op: 'generate', ctx: 'tr', n: 16 },
  ], (l) => {
    const g = obs(l, 'generate tr 16');
    if (g.ret === 1) return g.out === xorshiftBytes(16) ? 'xorshift' : `other bytes ${g.out ?? ''}`;
    return { ret: g.ret, errors: reasons(g) };
  }),

  repeatedParameter: evp('set_params with strength twice (256, then 128), then the strength', [
    { op: 'fetch', id: 'tr:rand', name: 'TEST-RAND' }, { op: 'new', id: 'tr', rand: 'tr:rand', parent: null },
    { op: 'set', ctx: 'tr', params: [u('strength', 256), u('strength', 128)] }, { op: 'strength', ctx: 'tr' },
  ], (l) => ({ ret: obs(l, 'set tr').ret, errors: reasons(obs(l, 'set tr')), strength: obs(l, 'get_strength tr').ret })),

  providerNameSettable: evp('CTR-DRBG\'s settable parameters: is provider-name one?', [
    { op: 'fetch', id: 'ctr', name: 'CTR-DRBG' }, { op: 'rand_tables', rand: 'ctr' },
  ], (l) => String(obs(l, 'settable_ctx_params ctr').ret).split(',').some((e) => e.startsWith('provider-name:'))),

  hmacMac: {
    ...evp('HMAC-DRBG\'s gettable and settable parameters: is mac one?', [
      { op: 'fetch', id: 'hmac', name: 'HMAC-DRBG' }, { op: 'rand_tables', rand: 'hmac' },
    ], (l) => ['gettable', 'settable'].map((k) => String(obs(l, `${k}_ctx_params hmac`).ret).split(',')
      .some((e) => e.startsWith('mac:')))),
    answerOnly: 'from 3.6 the settable list also names provider-name (the provider-name-settable row)',
  },

  fetchTrailingSpace: evp('EVP_RAND_fetch("CTR-DRBG ")', [{ op: 'fetch', id: 'x', name: 'CTR-DRBG ' }],
    (l) => obs(l, 'fetch x').ret ?? null),

  nonceZeroLength: evp('EVP_RAND_nonce(ctx, out, 0) on an instantiated CTR-DRBG', [
    ...testRand('tr'), ...drbg('c', 'tr'), { op: 'instantiate', ctx: 'c' }, { op: 'nonce', ctx: 'c', n: 0 },
  ], (l) => ({ ret: obs(l, 'nonce c 0').ret, errors: reasons(obs(l, 'nonce c 0')) })),

  ctxNewFailure: evp('EVP_RAND_CTX_new(SEED-SRC, a TEST-RAND parent): the error queue', [
    ...testRand('tr'), { op: 'fetch', id: 'seed', name: 'SEED-SRC' }, { op: 'new', id: 's', rand: 'seed', parent: 'tr' },
  ], (l) => ({ ret: obs(l, 'new s').ret, errors: reasons(obs(l, 'new s')) })),

  seedConfigFatal: front('RAND_set_seed_source_type("NO-SUCH-SOURCE"), then RAND_get0_primary and RAND_bytes', [
    rand({ fn: 'RAND_set_seed_source_type', seed: 'NO-SUCH-SOURCE', propq: null }),
    rand({ fn: 'get0', which: 'primary', id: 'primary' }), rand({ fn: 'RAND_bytes', n: 16 }),
  ], (l) => ({ primary: obs(l, 'RAND_get0_primary -> primary').ret !== 'NULL', bytes: obs(l, 'RAND_bytes(16)').ret })),

  seedSrcParentGone: evp('a CTR-DRBG under SEED-SRC, the SEED-SRC uninstantiated, then the child reseeded', [
    { op: 'fetch', id: 'seed:rand', name: 'SEED-SRC' }, { op: 'new', id: 'seed', rand: 'seed:rand', parent: null },
    { op: 'instantiate', ctx: 'seed' }, ...drbg('p', 'seed'), { op: 'instantiate', ctx: 'p' },
    { op: 'uninstantiate', ctx: 'seed' }, { op: 'reseed', ctx: 'p' },
  ], (l) => ({ ret: obs(l, 'reseed p').ret, state: obs(l, 'reseed p').state, errors: reasons(obs(l, 'reseed p')) })),

  paramConversionError: evp('reading a TEST-RAND\'s strength (256) into a 1-byte unsigned integer', [
    ...testRand('tr'), { op: 'get', ctx: 'tr', params: [{ key: 'strength', kind: 'raw_uint', value: '00', size: 1 }] },
  ], (l) => ({ ret: obs(l, 'get tr').ret, errors: reasons(obs(l, 'get tr')) })),

  unsizedSeedError: front('RAND_set_DRBG_type(HASH-DRBG) without a digest: the first error of RAND_bytes', [
    rand({ fn: 'RAND_set_DRBG_type', drbg: 'HASH-DRBG', propq: null, cipher: null, digest: null }),
    rand({ fn: 'RAND_bytes', n: 16 }),
  ], (l) => ({ ret: obs(l, 'RAND_bytes(16)').ret, first: reasons(obs(l, 'RAND_bytes(16)'))[0] ?? null })),

};

/** Calls 3.5 added (include/openssl/rand.h, evp.h) that the `new-calls` row asks about. */
export const NEW_CALLS = ['RAND_set0_public', 'RAND_set0_private', 'EVP_RAND_CTX_up_ref'] as const;
/** ENGINE's RAND calls (crypto/engine/tb_rand.c, crypto/rand/rand_lib.c), gone in 4.0. */
export const ENGINE_CALLS = ['RAND_set_rand_engine', 'ENGINE_get_default_RAND'] as const;
