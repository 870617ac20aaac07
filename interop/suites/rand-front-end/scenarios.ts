/**
 * The RAND front-end scenario catalogue: OpenSSL 3's default chain driven through RAND_* and
 * RAND_get0_* (with EVP_RAND calls on the shared DRBGs), run on randshim's compat/openssl3 and on
 * each libcrypto 3 build (the evp-rand-3 capability) in a fresh library context each. The chain is seeded from the OS,
 * so what is compared is deterministic: return codes, errors, states, and the parameters read
 * back from the primary, public and private DRBGs (reseed counters, intervals, strengths,
 * lengths, algorithms), plus the files randfile.c writes (by size and mode).
 *
 * Left out on purpose: calls on which OpenSSL 3.0 crashes or hangs (a seed source or DRBG type
 * that is a CTR-DRBG without a cipher or an HMAC-DRBG without a digest; the NULL digest), and
 * RAND_METHOD (its callbacks are C function pointers; test/compat/rand3-front-end.spec.ts checks
 * it against rand_lib.c's code).
 */
import type { Op, ParamSpec, Scenario } from '../evp-rand/scenario.js';
import type { FileTarget, RandCall } from './calls.js';

const rand = (call: RandCall): Op => ({ op: 'rand', call });
const get0 = (which: 'primary' | 'public' | 'private', id: string = which): Op => rand({ fn: 'get0', which, id });
const bytes = (n: number, fn: 'RAND_bytes' | 'RAND_priv_bytes' = 'RAND_bytes'): Op => rand({ fn, n });
const add = (n: number, randomness: number, data?: string): Op => rand(data === undefined ? { fn: 'RAND_add', n, randomness } : { fn: 'RAND_add', n, randomness, data });
const status: Op = rand({ fn: 'RAND_status' });
const poll: Op = rand({ fn: 'RAND_poll' });
const setType = (drbg: string | null, propq: string | null, cipher: string | null, digest: string | null): Op =>
  rand({ fn: 'RAND_set_DRBG_type', drbg, propq, cipher, digest });
const setSeed = (seed: string | null, propq: string | null): Op => rand({ fn: 'RAND_set_seed_source_type', seed, propq });
const read = (key: string, kind: ParamSpec['kind']): ParamSpec => ({ key, kind });
const uint = (key: string, v: number): ParamSpec => ({ key, kind: 'uint', value: String(v) });

/** reseed_counter and state of each named shared context. */
const counters = (...ids: string[]): Op[] =>
  ids.map((ctx): Op => ({ op: 'get', ctx, params: [read('reseed_counter', 'uint'), read('state', 'int')] }));
/** All three shared DRBGs, bound under their names. */
const shared: Op[] = [get0('primary'), get0('public'), get0('private')];
const ALL = ['primary', 'public', 'private'];

function sharedContextScenarios(): Scenario[] {
  return [{
    name: 'RAND_get0_public first: primary, public and private, every parameter, the same objects each time',
    ops: [
      get0('public'), get0('primary'), get0('private'), get0('public', 'public2'), get0('primary', 'primary2'),
      ...ALL.flatMap((ctx): Op[] => [
        { op: 'ctx_rand', ctx }, { op: 'getall', ctx }, { op: 'strength', ctx }, { op: 'state', ctx },
      ]),
      { op: 'ctx_tables', ctx: 'public' }, { op: 'enable_locking', ctx: 'primary' },
      { op: 'get', ctx: 'public', params: [read('cipher', 'utf8'), read('use_derivation_function', 'int'), read('max_request', 'size_t')] },
    ],
  }, {
    name: 'reseed_counter propagation: public 2 then 3; RAND_add / RAND_seed / RAND_poll reseed the primary, the others follow',
    ops: [
      get0('public'), get0('primary'), ...counters('primary', 'public'),
      bytes(16), ...counters('primary', 'public'), bytes(16), ...counters('primary', 'public'),
      add(32, 0), ...counters('primary', 'public'), bytes(16), ...counters('primary', 'public'),
      get0('private'), ...counters('private'), bytes(16, 'RAND_priv_bytes'), ...counters('private'),
      rand({ fn: 'RAND_seed', n: 8 }), ...counters(...ALL), poll, ...counters(...ALL),
      bytes(1), bytes(1, 'RAND_priv_bytes'), ...counters(...ALL), bytes(1), ...counters(...ALL),
    ],
  }, {
    name: 'RAND_add and RAND_seed: num <= 0, randomness ignored (negative, huge, NaN, infinite), long buffers',
    ops: [
      add(0, 0), get0('primary'), ...counters('primary'), add(-1, 1), ...counters('primary'),
      add(1, -1), ...counters('primary'), add(16, 1e9), add(16, 0.5), add(16, Number.NaN), add(16, Infinity),
      ...counters('primary'), add(5000, 5000), add(3, 3, '616263'), ...counters('primary'),
      rand({ fn: 'RAND_seed', n: -3 }), rand({ fn: 'RAND_seed', n: 0 }), ...counters('primary'),
      rand({ fn: 'RAND_seed', n: 1 }), rand({ fn: 'RAND_seed', n: 100 }), ...counters('primary'),
      get0('public'), bytes(8), ...counters('primary', 'public'),
    ],
  }];
}

function bytesScenarios(): Scenario[] {
  const out: Scenario[] = [];
  for (const fn of ['RAND_bytes', 'RAND_priv_bytes'] as const) {
    const ctx = fn === 'RAND_bytes' ? 'public' : 'private';
    out.push({
      name: `${fn}: a negative count creates nothing and returns 0; 0 bytes create the chain; 1 to 1 MiB (chunked at 65536)`,
      ops: [
        bytes(-1, fn), setType(null, null, null, null), bytes(-2147483648, fn), setSeed(null, null),
        bytes(0, fn), setType(null, null, null, null), get0(ctx), ...counters(ctx),
        ...[1, 16, 65536, 65537, (1 << 20) + 3].flatMap((n): Op[] => [bytes(n, fn), ...counters(ctx)]),
        get0('primary'), ...counters('primary'),
      ],
    });
    const ex = fn === 'RAND_bytes' ? 'RAND_bytes_ex' : 'RAND_priv_bytes_ex';
    out.push({
      name: `${ex}: strength 0, 128, 256 served; 257 and 2^32 - 1 refused`,
      ops: [
        ...[0, 128, 256, 257, 4294967295].flatMap((strength): Op[] => [rand({ fn: ex, n: 32, strength }), ...counters(ctx)]),
        rand({ fn: ex, n: 0, strength: 512 }), rand({ fn: ex, n: 70000, strength: 256 }), get0(ctx), ...counters(ctx),
      ],
    });
  }
  return out;
}

function stateScenarios(): Scenario[] {
  return [{
    name: 'RAND_status on a fresh library context creates the primary: 1, then RAND_set_DRBG_type is too late',
    ops: [status, setType('HASH-DRBG', null, null, 'SHA256'), setSeed('SEED-SRC', null), get0('primary'), ...counters('primary')],
  }, {
    name: 'RAND_poll first: the primary is created, then reseeded with "polling" as additional input',
    ops: [poll, get0('primary'), ...counters('primary'), poll, ...counters('primary'), status],
  }, {
    name: 'an uninstantiated primary: RAND_status 0; RAND_poll restarts it (reseed on a non-READY DRBG tries restart)',
    ops: [
      ...shared, bytes(8), { op: 'uninstantiate', ctx: 'primary' }, status, ...counters(...ALL),
      poll, status, ...counters(...ALL), bytes(8), ...counters(...ALL),
      { op: 'uninstantiate', ctx: 'primary' }, add(4, 4), status, ...counters('primary'),
      { op: 'uninstantiate', ctx: 'primary' }, bytes(8, 'RAND_priv_bytes'), status, ...counters(...ALL),
    ],
  }, {
    name: 'an uninstantiated public DRBG restarts on the next RAND_bytes; the private one is not affected',
    ops: [
      ...shared, bytes(8), bytes(8, 'RAND_priv_bytes'), { op: 'uninstantiate', ctx: 'public' }, ...counters(...ALL),
      bytes(8), ...counters(...ALL), { op: 'reseed', ctx: 'private', adin: '00' }, ...counters('private'),
      { op: 'uninstantiate', ctx: 'private' }, { op: 'reseed', ctx: 'private' }, ...counters('private'),
    ],
  }, {
    name: 'prediction resistance through the shared DRBGs works: SEED-SRC is polled afresh',
    ops: [
      ...shared, ...counters(...ALL),
      { op: 'generate', ctx: 'public', n: 32, pr: true, random: true }, ...counters(...ALL),
      { op: 'generate', ctx: 'private', n: 70000, pr: true, random: true }, ...counters(...ALL),
      { op: 'generate', ctx: 'primary', n: 16, pr: true, random: true }, ...counters(...ALL),
      { op: 'reseed', ctx: 'public', pr: true }, { op: 'reseed', ctx: 'primary', pr: true }, ...counters(...ALL),
      bytes(8), ...counters(...ALL),
    ],
  }, {
    name: 'EVP_RAND on the shared DRBGs: intervals set on them, reseeds by count, generate and reseed with inputs',
    ops: [
      ...shared, { op: 'set', ctx: 'public', params: [uint('reseed_requests', 2)] },
      ...[1, 2, 3, 4, 5].flatMap((): Op[] => [bytes(4), ...counters('primary', 'public')]),
      { op: 'set', ctx: 'primary', params: [uint('reseed_requests', 1)] },
      ...[1, 2, 3].flatMap((): Op[] => [bytes(4), ...counters('primary', 'public')]),
      { op: 'get', ctx: 'primary', params: [read('reseed_requests', 'uint'), read('reseed_time_interval', 'time_t')] },
      { op: 'generate', ctx: 'public', n: 100, adin: '616263', random: true },
      { op: 'reseed', ctx: 'public', adin: '616263' }, { op: 'reseed', ctx: 'public', ent: '00'.repeat(48) },
      { op: 'reseed', ctx: 'primary', ent: '01'.repeat(16) }, ...counters(...ALL),
      { op: 'generate', ctx: 'public', n: 65537, random: true }, { op: 'generate', ctx: 'public', n: 16, strength: 257 },
      ...counters(...ALL),
    ],
  }];
}

/** DRBG types RAND_set_DRBG_type accepts: the chain is made of them (getall shows which). */
const ACCEPTED_TYPES: readonly [string | null, string | null, string | null, string | null][] = [
  [null, null, null, null],
  ['CTR-DRBG', null, 'AES-128-CTR', null],
  ['ctr-drbg', 'provider=default', 'AES-192-CTR', 'SHA256'],
  ['HASH-DRBG', null, null, 'SHA256'],
  ['HASH-DRBG', 'fips=no', 'AES-128-CTR', 'SHA2-512'],
  ['HMAC-DRBG', null, null, 'SHA1'],
  ['HMAC-DRBG', '?provider=fips', null, 'SHA3-256'],
];

/** Types the chain cannot be made of: every call fails, again on each call, until a good type. */
const REFUSED_TYPES: readonly [string | null, string | null, string | null, string | null][] = [
  ['NOPE-DRBG', null, null, null],
  ['CTR-DRBG', null, 'AES-256-CBC', null],
  ['CTR-DRBG', 'fips=yes', null, null],
  ['HASH-DRBG', null, null, null],
  ['HASH-DRBG', null, null, 'SHAKE128'],
  ['SEED-SRC', null, null, null],
  ['TEST-RAND', null, null, null],
];

function typeScenarios(): Scenario[] {
  const out: Scenario[] = [];
  for (const t of ACCEPTED_TYPES) {
    out.push({
      name: `RAND_set_DRBG_type(${t.map(String).join(', ')}) before the primary exists`,
      ops: [
        setType(...t), ...shared, { op: 'getall', ctx: 'primary' }, { op: 'getall', ctx: 'public' },
        bytes(100), bytes(100, 'RAND_priv_bytes'), ...counters(...ALL), { op: 'ctx_rand', ctx: 'private' },
        setType(...t), setType(null, null, null, null),
      ],
    });
  }
  for (const t of REFUSED_TYPES) {
    out.push({
      name: `RAND_set_DRBG_type(${t.map(String).join(', ')}): no chain, the same errors on every call, then a good type`,
      ops: [
        setType(...t), bytes(16), status, get0('primary'), get0('public'), bytes(16, 'RAND_priv_bytes'), add(8, 8), poll,
        setType(null, null, 'AES-128-CTR', null), get0('primary'), bytes(16), ...counters('primary'),
      ],
    });
  }
  return out;
}

function seedScenarios(): Scenario[] {
  const out: Scenario[] = [];
  const sources: readonly [string | null, string | null][] = [
    ['SEED-SRC', null], ['seed-src', 'provider=default'], ['SEED-SRC', 'provider=fips'], ['NO-SUCH-SOURCE', null],
    ['HASH-DRBG', null], [null, 'fips=yes'], ['TEST-RAND', null],
  ];
  for (const [seed, propq] of sources) {
    out.push({
      name: `RAND_set_seed_source_type(${seed}, ${propq}): a seed source that cannot be made leaves a parentless primary`,
      ops: [
        setSeed(seed, propq), get0('primary'), { op: 'getall', ctx: 'primary' }, status, bytes(32), get0('public'),
        ...counters('primary', 'public'), add(10, 10), ...counters('primary'), setSeed(null, null),
      ],
    });
  }
  out.push({
    name: 'default properties fips=yes: no DRBG matches (no FIPS provider), fips=no in RAND_set_DRBG_type overrides',
    ops: [
      rand({ fn: 'fips_default', enable: true }), bytes(16), status, rand({ fn: 'fips_default', enable: false }),
      bytes(16), ...counters('public'),
    ],
  });
  out.push({
    name: 'default properties fips=yes with a query that overrides it for the DRBG but not for SEED-SRC',
    ops: [
      rand({ fn: 'fips_default', enable: true }), setType(null, 'fips=no', null, null), get0('primary'),
      { op: 'getall', ctx: 'primary' }, bytes(16), get0('public'), ...counters('primary', 'public'),
    ],
  });
  return out;
}

const file = (size: number): FileTarget => ({ kind: 'file', size });

function fileScenarios(): Scenario[] {
  const load = (target: FileTarget, n: number): Op => rand({ fn: 'RAND_load_file', file: target, bytes: n });
  const write = (target: FileTarget): Op => rand({ fn: 'RAND_write_file', file: target });
  const name = (randfile: string | null, home: string | null, size: number): Op => rand({ fn: 'RAND_file_name', randfile, home, size });
  return [{
    name: 'RAND_load_file: every chunk is a RAND_add (a primary reseed); limits, empty, missing, directory',
    ops: [
      get0('primary'),
      ...[0, 1, 1024, 1280, 1281, 2305, 5120].flatMap((size): Op[] => [load(file(size), -1), ...counters('primary')]),
      ...[100, 2000, 0, 99999].flatMap((n): Op[] => [load(file(5120), n), ...counters('primary')]),
      load({ kind: 'missing' }, -1), load({ kind: 'directory' }, -1), load({ kind: 'directory' }, 10), ...counters('primary'),
    ],
  }, {
    name: 'RAND_load_file with a refused DRBG type: RESEED_ERROR',
    ops: [setType('NOPE-DRBG', null, null, null), load(file(100), -1), load(file(0), -1), load({ kind: 'missing' }, 5)],
  }, {
    name: 'RAND_write_file: 1024 bytes of RAND_priv_bytes, mode 0600, an existing file not truncated',
    ops: [
      get0('private'), write({ kind: 'missing' }), ...counters('private'), write(file(2000)), write(file(10)),
      write({ kind: 'directory' }), write({ kind: 'no-directory' }), ...counters('private'),
    ],
  }, {
    name: 'RAND_file_name: $RANDFILE, else $HOME/.rnd, NULL when unset or too long for the buffer',
    ops: [
      ...[64, 15, 14, 13].map((size) => name('/tmp/seed.rnd', '/home/x', size)),
      ...[64, 14, 13].map((size) => name('', '/home/x', size)),
      ...[64, 14, 13].map((size) => name(null, '/home/x', size)),
      name(null, null, 64), name(null, '', 64), name('', '', 64),
    ],
  }];
}

export function rand3Scenarios(): Scenario[] {
  return [
    ...sharedContextScenarios(), ...bytesScenarios(), ...stateScenarios(), ...typeScenarios(), ...seedScenarios(),
    ...fileScenarios(),
  ];
}
