/**
 * The EVP_RAND scenario catalogue: every function and parameter of the 3.x EVP_RAND API on
 * every implementation, error paths included, TEST-RAND parents, and chains of two and three
 * CTR / Hash / HMAC DRBGs with automatic reseeds by count, reseed propagation and prediction
 * resistance. Run against every build with the evp-rand-3 capability (interop/builds/registry.ts) by
 * test/compat/evp-rand-scenarios.spec.ts and the report.
 *
 * Left out on purpose (they cannot be compared, see the documented differences in
 * test/compat/evp-rand-differences.spec.ts): calls on which OpenSSL 3.0 crashes (instantiating
 * a CTR-DRBG without a cipher, an HMAC-DRBG whose MAC has no digest), property queries that do
 * not parse (OpenSSL raises PROP errors randshim has no library for), algorithms only OpenSSL
 * implements (ARIA/Camellia/SM4 ciphers, MD5/SM3/BLAKE2 digests, MACs other than HMAC), the
 * "engine" parameter.
 */
import { toHex } from '../../../provider/bytes.js';
import type { Op, ParamSpec, Scenario } from './scenario.js';

// ---- data ----

export const seq = (n: number, start = 0): string => toHex(Uint8Array.from({ length: n }, (_, i) => (start + i) & 0xff));
export const ENTROPY48 = seq(48);
export const NONCE16 = seq(16, 0x64);
const ENTROPY_ALT = seq(48, 0x80);
const ADIN = '616263';

// ---- parameter shorthands ----

export const u = (key: string, v: number | bigint): ParamSpec => ({ key, kind: 'uint', value: String(v) });
export const i = (key: string, v: number | bigint): ParamSpec => ({ key, kind: 'int', value: String(v) });
export const s = (key: string, v: string, size?: number): ParamSpec => (size === undefined ? { key, kind: 'utf8', value: v } : { key, kind: 'utf8', value: v, size });
export const o = (key: string, hex: string): ParamSpec => ({ key, kind: 'octets', value: hex });
export const sz = (key: string, v: number | bigint): ParamSpec => ({ key, kind: 'size_t', value: String(v) });
const t = (key: string, v: number | bigint): ParamSpec => ({ key, kind: 'time_t', value: String(v) });
const u64 = (key: string, v: number | bigint): ParamSpec => ({ key, kind: 'uint64', value: String(v) });
const i64 = (key: string, v: number | bigint): ParamSpec => ({ key, kind: 'int64', value: String(v) });
export const d = (key: string, v: number): ParamSpec => ({ key, kind: 'double', value: String(v) });
/** Read back as `kind` (zero-filled, strings 64 bytes). */
export const r = (key: string, kind: ParamSpec['kind'], size?: number): ParamSpec => (size === undefined ? { key, kind } : { key, kind, size });

// ---- configurations ----

export interface DrbgConfig {
  readonly type: 'CTR-DRBG' | 'HASH-DRBG' | 'HMAC-DRBG';
  readonly params: readonly ParamSpec[];
  readonly label: string;
}

const ctr = (cipher: string, df = true): DrbgConfig => ({
  type: 'CTR-DRBG', label: `CTR ${cipher}${df ? '' : ' no-df'}`,
  params: [i('use_derivation_function', df ? 1 : 0), s('cipher', cipher)],
});
const hash = (digest: string): DrbgConfig => ({ type: 'HASH-DRBG', label: `HASH ${digest}`, params: [s('digest', digest)] });
const hmac = (digest: string): DrbgConfig => ({
  type: 'HMAC-DRBG', label: `HMAC ${digest}`, params: [s('mac', 'HMAC'), s('digest', digest)],
});

export const CONFIGS: readonly DrbgConfig[] = [
  ctr('AES-128-CTR'), ctr('AES-192-CTR'), ctr('AES-256-CTR'),
  ctr('AES-128-CTR', false), ctr('AES-192-CTR', false), ctr('AES-256-CTR', false),
  hash('SHA1'), hash('SHA2-224'), hash('SHA256'), hash('SHA2-384'), hash('SHA512'), hash('SHA2-512/256'), hash('SHA3-256'),
  hmac('SHA1'), hmac('SHA2-256'), hmac('SHA384'), hmac('SHA2-512/224'), hmac('SHA3-512'),
];

const CTR256 = CONFIGS[2];
const CTR128_NODF = CONFIGS[3];
const HASH256 = CONFIGS[8];
const HMAC256 = CONFIGS[14];
const HMAC1 = CONFIGS[13];

// ---- op builders ----

function testRand(id: string, options: { strength?: number; entropy?: string; nonce?: string | null } = {}): Op[] {
  const params = [u('strength', options.strength ?? 256), o('test_entropy', options.entropy ?? ENTROPY48)];
  if (options.nonce !== null) params.push(o('test_nonce', options.nonce ?? NONCE16));
  return [
    { op: 'fetch', id: `${id}:rand`, name: 'TEST-RAND' },
    { op: 'new', id, rand: `${id}:rand`, parent: null },
    { op: 'instantiate', ctx: id, strength: 0, params },
  ];
}

function drbg(id: string, config: DrbgConfig, parent: string | null): Op[] {
  return [
    { op: 'fetch', id: `${id}:rand`, name: config.type },
    { op: 'new', id, rand: `${id}:rand`, parent },
    { op: 'set', ctx: id, params: config.params },
  ];
}

const counters = (...ids: string[]): Op[] => ids.map((id) => ({ op: 'get', ctx: id, params: [r('reseed_counter', 'uint')] }) as Op);
export const gen = (ctx: string, n = 32, extra: Partial<Extract<Op, { op: 'generate' }>> = {}): Op => ({ op: 'generate', ctx, n, ...extra });
const setEntropy = (ctx: string, hex: string): Op => ({ op: 'set', ctx, params: [o('test_entropy', hex)] });

// ---- groups ----

function fetchScenarios(): Scenario[] {
  const out: Scenario[] = [];
  for (const name of ['CTR-DRBG', 'ctr-drbg', 'Hash-Drbg', 'HMAC-DRBG', 'TEST-RAND', 'seed-src']) {
    out.push({
      name: `fetch ${name}`,
      ops: [
        { op: 'fetch', id: 'a', name },
        { op: 'rand_info', rand: 'a', names: [name, name.toLowerCase(), name.toUpperCase(), 'CTR-DRBG', 'SEED-SRC', 'FOO'] },
        { op: 'rand_tables', rand: 'a' },
        { op: 'fetch', id: 'b', name: name.toUpperCase() },
      ],
    });
  }
  out.push({
    name: 'fetch unknown names',
    ops: ['FOO', 'CTR', 'DRBG', 'SHA256', 'AES-256-CTR', '', 'CTR-DRBG '].map((name, k) => ({ op: 'fetch', id: `x${k}`, name }) as Op),
  });
  const queries = ['', '-fips', 'fips=no', 'provider=default', 'provider=fips', 'fips=yes', '?fips=yes', 'fips!=yes',
    'provider!=default', 'provider="default"', 'provider=DEFAULT', '?provider=fips', 'provider=default,fips=no', 'fips'];
  for (const name of ['CTR-DRBG', 'TEST-RAND', 'SEED-SRC']) {
    out.push({ name: `fetch ${name} with property queries`, ops: queries.map((props, k) => ({ op: 'fetch', id: `q${k}`, name, props }) as Op) });
  }
  return out;
}

function contextScenarios(): Scenario[] {
  const out: Scenario[] = [];
  out.push({ name: 'EVP_RAND_CTX_new(NULL, NULL)', ops: [{ op: 'new', id: 'x', rand: null, parent: null }] });
  for (const type of ['CTR-DRBG', 'HASH-DRBG', 'HMAC-DRBG', 'TEST-RAND', 'SEED-SRC']) {
    out.push({
      name: `fresh ${type}: tables, every gettable parameter, state, strength`,
      ops: [
        { op: 'fetch', id: 'a', name: type }, { op: 'new', id: 'x', rand: 'a', parent: null },
        { op: 'ctx_rand', ctx: 'x' }, { op: 'ctx_tables', ctx: 'x' }, { op: 'getall', ctx: 'x' },
        { op: 'state', ctx: 'x' }, { op: 'strength', ctx: 'x' }, { op: 'verify_zeroization', ctx: 'x' },
        { op: 'enable_locking', ctx: 'x' }, { op: 'free', ctx: 'x' },
      ],
    });
  }
  out.push({
    name: 'SEED-SRC refuses a parent (TEST-RAND, then a DRBG)',
    ops: [
      ...testRand('tr'), ...drbg('p', CTR256, 'tr'),
      { op: 'fetch', id: 'seed', name: 'SEED-SRC' },
      { op: 'new', id: 's1', rand: 'seed', parent: 'tr' }, { op: 'new', id: 's2', rand: 'seed', parent: 'p' },
      { op: 'new', id: 's3', rand: 'seed', parent: null }, { op: 'state', ctx: 's3' },
    ],
  });
  for (const strength of [2 ** 31, 2 ** 32 - 1, 0]) {
    out.push({
      name: `a DRBG under a TEST-RAND of strength ${strength}`,
      ops: [
        { op: 'fetch', id: 'tra', name: 'TEST-RAND' }, { op: 'new', id: 'tr', rand: 'tra', parent: null },
        { op: 'set', ctx: 'tr', params: [u('strength', strength), o('test_entropy', ENTROPY48), o('test_nonce', NONCE16)] },
        { op: 'get', ctx: 'tr', params: [r('strength', 'uint'), r('strength', 'int'), r('strength', 'size_t')] },
        { op: 'get', ctx: 'tr', params: [r('strength', 'int')] }, { op: 'strength', ctx: 'tr' },
        ...drbg('c', CTR256, 'tr'), ...(strength === 0 ? [{ op: 'instantiate', ctx: 'c' } as Op, gen('c')] : []),
      ],
    });
  }
  out.push({
    name: 'a TEST-RAND may have a parent (3.0.1+); parents weaker than the child',
    ops: [
      ...testRand('tr'), ...drbg('p', CONFIGS[0], 'tr'), { op: 'instantiate', ctx: 'p' },
      { op: 'fetch', id: 't2', name: 'TEST-RAND' }, { op: 'new', id: 'child-tr', rand: 't2', parent: 'p' },
      { op: 'getall', ctx: 'child-tr' },
      ...drbg('c', CTR256, 'p'), { op: 'strength', ctx: 'c' }, { op: 'instantiate', ctx: 'c' }, gen('c'),
      ...testRand('weak', { strength: 128 }), ...drbg('c2', HASH256, 'weak'), { op: 'instantiate', ctx: 'c2' },
      ...drbg('c3', CONFIGS[0], 'weak'), { op: 'instantiate', ctx: 'c3' }, gen('c3'),
    ],
  });
  return out;
}

/** The full life of one configured DRBG under TEST-RAND. */
function lifecycle(config: DrbgConfig): Scenario {
  return {
    name: `life of ${config.label}`,
    ops: [
      ...testRand('tr'), ...drbg('x', config, 'tr'), { op: 'getall', ctx: 'x' }, { op: 'ctx_tables', ctx: 'x' },
      { op: 'instantiate', ctx: 'x', strength: 0 }, { op: 'getall', ctx: 'x' },
      gen('x'), gen('x', 32, { adin: ADIN }), gen('x', 100, { pr: true }), gen('x', 7, { adin: '' }),
      { op: 'reseed', ctx: 'x', adin: ADIN }, gen('x', 16),
      gen('x', 70000, { adin: ADIN }),
      { op: 'reseed', ctx: 'x', ent: ENTROPY_ALT, adin: '00ff' }, gen('x', 16),
      { op: 'reseed', ctx: 'x', pr: true }, gen('x', 16),
      ...counters('x'), { op: 'nonce', ctx: 'x', n: 16 }, { op: 'strength', ctx: 'x' },
      { op: 'verify_zeroization', ctx: 'x' }, { op: 'enable_locking', ctx: 'x' },
      { op: 'uninstantiate', ctx: 'x' }, { op: 'verify_zeroization', ctx: 'x' }, { op: 'getall', ctx: 'x' },
      gen('x', 16), ...counters('x'), { op: 'state', ctx: 'x' },
      { op: 'uninstantiate', ctx: 'x' }, { op: 'instantiate', ctx: 'x', pers: '' }, gen('x', 16),
      { op: 'uninstantiate', ctx: 'x' }, { op: 'instantiate', ctx: 'x', pers: seq(20, 7), pr: true }, gen('x', 16),
    ],
  };
}

function parameterScenarios(): Scenario[] {
  const out: Scenario[] = [];
  out.push({
    name: 'CTR-DRBG cipher parameter',
    ops: [
      ...testRand('tr'), { op: 'fetch', id: 'a', name: 'CTR-DRBG' }, { op: 'new', id: 'x', rand: 'a', parent: 'tr' },
      { op: 'get', ctx: 'x', params: [r('cipher', 'utf8'), r('state', 'int')] },
      { op: 'get', ctx: 'x', params: [r('state', 'int'), r('use_derivation_function', 'int')] },
      { op: 'set', ctx: 'x', params: [i('cipher', 5)] },
      { op: 'set', ctx: 'x', params: [s('cipher', 'AE')] },
      { op: 'set', ctx: 'x', params: [s('cipher', 'CTR')] },
      { op: 'set', ctx: 'x', params: [s('cipher', 'AES-256-XTR')] },
      { op: 'set', ctx: 'x', params: [s('cipher', 'AES-256-CTRX')] },
      { op: 'set', ctx: 'x', params: [s('cipher', 'AES-256-CTR', 7)] },
      { op: 'set', ctx: 'x', params: [s('cipher', 'FOO-CTR')] },
      { op: 'set', ctx: 'x', params: [s('cipher', 'aes-128-ctr')] },
      { op: 'get', ctx: 'x', params: [r('cipher', 'utf8'), r('strength', 'uint')] },
      { op: 'set', ctx: 'x', params: [s('properties', 'provider=fips'), s('cipher', 'AES-256-CTR')] },
      { op: 'get', ctx: 'x', params: [r('cipher', 'utf8')] }, { op: 'strength', ctx: 'x' },
      { op: 'set', ctx: 'x', params: [s('properties', 'provider=default'), s('cipher', 'AES-192-CTR')] },
      { op: 'set', ctx: 'x', params: [i('properties', 1), s('cipher', 'AES-256-CTR')] },
      { op: 'set', ctx: 'x', params: [s('use_derivation_function', 'yes'), s('cipher', 'Aes-256-Ctr')] },
      { op: 'get', ctx: 'x', params: [r('cipher', 'utf8', 5)] },
      { op: 'get', ctx: 'x', params: [r('cipher', 'utf8', 11)] },
      { op: 'get', ctx: 'x', params: [{ key: 'cipher', kind: 'utf8', size: 0, nullData: true }, r('strength', 'int')] },
      { op: 'get', ctx: 'x', params: [r('cipher', 'octets')] },
      { op: 'set', ctx: 'x', params: [u('use_derivation_function', 0)] }, { op: 'getall', ctx: 'x' },
      { op: 'set', ctx: 'x', params: [d('use_derivation_function', 1)] }, { op: 'getall', ctx: 'x' },
      { op: 'get', ctx: 'x', params: [r('use_derivation_function', 'uint'), r('use_derivation_function', 'double'), r('use_derivation_function', 'utf8')] },
      { op: 'instantiate', ctx: 'x' }, gen('x'),
    ],
  });
  out.push({
    name: 'use_derivation_function without a cipher, then the cipher at instantiate',
    ops: [
      ...testRand('tr'), { op: 'fetch', id: 'a', name: 'CTR-DRBG' }, { op: 'new', id: 'x', rand: 'a', parent: 'tr' },
      { op: 'set', ctx: 'x', params: [i('use_derivation_function', 0)] }, { op: 'getall', ctx: 'x' },
      { op: 'instantiate', ctx: 'x', params: [s('cipher', 'AES-128-CTR')] }, { op: 'getall', ctx: 'x' }, gen('x'),
      { op: 'fetch', id: 'b', name: 'CTR-DRBG' }, { op: 'new', id: 'y', rand: 'b', parent: 'tr' },
      { op: 'instantiate', ctx: 'y', params: [s('cipher', 'AES-256-CTR'), i('reseed_requests', -1)] },
      { op: 'getall', ctx: 'y' },
      { op: 'instantiate', ctx: 'y', params: [u('reseed_requests', 9)] }, gen('y'), { op: 'getall', ctx: 'y' },
    ],
  });
  out.push({
    name: 'reseed_requests and reseed_time_interval: types, ranges, partial application',
    ops: [
      ...testRand('tr'), ...drbg('x', HASH256, 'tr'),
      ...[u('reseed_requests', 5), i('reseed_requests', -1), i('reseed_requests', 6), u64('reseed_requests', 2n ** 32n),
        i64('reseed_requests', 7), d('reseed_requests', 9), d('reseed_requests', 9.5), s('reseed_requests', '10'),
        sz('reseed_requests', 2 ** 32 - 1), u('reseed_requests', 0),
        t('reseed_time_interval', -5), u64('reseed_time_interval', 2n ** 63n), i('reseed_time_interval', 60),
        u('reseed_time_interval', 4000000000), d('reseed_time_interval', -1), s('reseed_time_interval', 'x')]
        .flatMap((p): Op[] => [{ op: 'set', ctx: 'x', params: [p] },
          { op: 'get', ctx: 'x', params: [r('reseed_requests', 'uint'), r('reseed_time_interval', 'time_t')] }]),
      { op: 'get', ctx: 'x', params: [r('reseed_time_interval', 'uint64')] },
      { op: 'get', ctx: 'x', params: [r('reseed_time_interval', 'int')] },
      { op: 'set', ctx: 'x', params: [u('reseed_requests', 11), s('reseed_time_interval', 'x')] },
      { op: 'set', ctx: 'x', params: [s('reseed_requests', 'x'), t('reseed_time_interval', 77)] },
      { op: 'getall', ctx: 'x' }, { op: 'set', ctx: 'x', params: null }, { op: 'set', ctx: 'x', params: [] },
    ],
  });
  out.push({
    name: 'reading parameters as other types (conversions and failures in implementation order)',
    ops: [
      ...testRand('tr'), ...drbg('x', CTR256, 'tr'), { op: 'instantiate', ctx: 'x' },
      ...[[r('strength', 'int')], [r('strength', 'size_t')], [r('strength', 'double')], [r('strength', 'utf8')],
        [{ key: 'strength', kind: 'raw_uint', value: '0000' } as ParamSpec], [{ key: 'strength', kind: 'raw_uint', value: '00' } as ParamSpec],
        [{ key: 'strength', kind: 'raw_int', value: '0000000000000000000000000000000000' } as ParamSpec],
        [r('state', 'uint')], [r('state', 'double')], [r('max_request', 'uint')],
        [{ key: 'max_request', kind: 'raw_uint', value: '0000' } as ParamSpec],
        [r('reseed_counter', 'int')], [r('reseed_time', 'uint')], [r('reseed_time', 'int')],
        [r('min_entropylen', 'int'), r('max_entropylen', 'int')], [r('max_entropylen', 'uint')],
        [r('use_derivation_function', 'size_t')],
        [r('foo', 'int'), r('state', 'int')], [r('max_adinlen', 'utf8'), r('state', 'int'), r('cipher', 'utf8')],
        [r('cipher', 'utf8', 3), r('state', 'int'), r('strength', 'uint')],
        [{ key: 'state', kind: 'int', nullData: true } as ParamSpec, { key: 'max_request', kind: 'size_t', nullData: true } as ParamSpec]]
        .map((params): Op => ({ op: 'get', ctx: 'x', params })),
    ],
  });
  out.push({
    name: 'HASH-DRBG digest parameter',
    ops: [
      ...testRand('tr'), { op: 'fetch', id: 'a', name: 'HASH-DRBG' }, { op: 'new', id: 'x', rand: 'a', parent: 'tr' },
      { op: 'get', ctx: 'x', params: [r('digest', 'utf8'), r('state', 'int')] },
      { op: 'set', ctx: 'x', params: [o('digest', '414243')] },
      { op: 'set', ctx: 'x', params: [s('digest', 'FOO')] }, { op: 'getall', ctx: 'x' },
      { op: 'set', ctx: 'x', params: [s('digest', 'SHAKE256')] }, { op: 'getall', ctx: 'x' },
      { op: 'set', ctx: 'x', params: [s('digest', 'sha-256')] }, { op: 'getall', ctx: 'x' },
      { op: 'set', ctx: 'x', params: [s('properties', 'provider=fips'), s('digest', 'SHA1')] },
      { op: 'get', ctx: 'x', params: [r('digest', 'utf8'), r('strength', 'uint')] },
      { op: 'set', ctx: 'x', params: [s('properties', 'fips=no'), s('digest', 'sha512')] }, { op: 'getall', ctx: 'x' },
      { op: 'set', ctx: 'x', params: [u('properties', 1), s('digest', 'SHA1')] },
      { op: 'set', ctx: 'x', params: [s('digest', 'SHA3-384'), s('mac', 'HMAC'), s('cipher', 'AES-128-CTR')] },
      { op: 'getall', ctx: 'x' }, { op: 'instantiate', ctx: 'x' }, gen('x', 64),
    ],
  });
  out.push({
    name: 'HMAC-DRBG mac and digest parameters',
    ops: [
      ...testRand('tr'), { op: 'fetch', id: 'a', name: 'HMAC-DRBG' }, { op: 'new', id: 'x', rand: 'a', parent: 'tr' },
      { op: 'get', ctx: 'x', params: [r('mac', 'utf8')] }, { op: 'get', ctx: 'x', params: [r('digest', 'utf8')] },
      { op: 'set', ctx: 'x', params: [s('digest', 'SHA256')] }, { op: 'getall', ctx: 'x' },
      { op: 'instantiate', ctx: 'x' }, { op: 'uninstantiate', ctx: 'x' },
      { op: 'set', ctx: 'x', params: [i('mac', 1)] }, { op: 'set', ctx: 'x', params: [s('mac', 'FOO')] },
      { op: 'set', ctx: 'x', params: [s('mac', 'hmac'), s('digest', 'SHA1')] }, { op: 'getall', ctx: 'x' },
      { op: 'set', ctx: 'x', params: [s('digest', 'SHA512')] }, { op: 'getall', ctx: 'x' },
      { op: 'set', ctx: 'x', params: [s('digest', 'SHAKE128')] }, { op: 'getall', ctx: 'x' },
      { op: 'set', ctx: 'x', params: [s('digest', 'SHA2-384'), s('properties', 'provider=fips')] }, { op: 'getall', ctx: 'x' },
      { op: 'set', ctx: 'x', params: [s('mac', 'HMAC'), s('digest', 'SHA2-224')] },
      { op: 'instantiate', ctx: 'x' }, gen('x', 50), { op: 'getall', ctx: 'x' },
    ],
  });
  out.push({
    name: 'HMAC-DRBG given its MAC before its digest (sized from a NULL digest until the digest comes)',
    ops: [
      ...testRand('tr'), { op: 'fetch', id: 'a', name: 'HMAC-DRBG' }, { op: 'new', id: 'x', rand: 'a', parent: 'tr' },
      { op: 'set', ctx: 'x', params: [s('mac', 'HMAC')] }, { op: 'getall', ctx: 'x' }, { op: 'strength', ctx: 'x' },
      { op: 'set', ctx: 'x', params: [u('reseed_requests', 5)] }, { op: 'set', ctx: 'x', params: null },
      { op: 'set', ctx: 'x', params: [s('digest', 'SHA2-256')] }, { op: 'getall', ctx: 'x' },
      { op: 'instantiate', ctx: 'x' }, gen('x', 40),
    ],
  });
  out.push({
    name: 'TEST-RAND parameters, generate, nonce, exhaustion and strength',
    ops: [
      { op: 'fetch', id: 'a', name: 'TEST-RAND' }, { op: 'new', id: 't', rand: 'a', parent: null },
      { op: 'nonce', ctx: 't', n: 8 }, gen('t', 8),
      { op: 'set', ctx: 't', params: [i('strength', -1)] }, { op: 'getall', ctx: 't' },
      { op: 'set', ctx: 't', params: [u('strength', 192), s('test_entropy', 'abc')] }, { op: 'getall', ctx: 't' },
      { op: 'set', ctx: 't', params: [o('test_entropy', seq(40)), o('test_nonce', seq(12, 200)), sz('max_request', 16)] },
      { op: 'getall', ctx: 't' }, { op: 'instantiate', ctx: 't', strength: 193 }, { op: 'instantiate', ctx: 't', strength: 192 },
      gen('t', 40), gen('t', 1), { op: 'instantiate', ctx: 't' }, gen('t', 20), gen('t', 20), gen('t', 8, { strength: 193 }),
      { op: 'nonce', ctx: 't', n: 8 }, { op: 'nonce', ctx: 't', n: 32 }, gen('t', 0),
      { op: 'set', ctx: 't', params: [sz('max_request', 0)] }, gen('t', 4), gen('t', 0),
      { op: 'set', ctx: 't', params: [i('max_request', -1)] }, { op: 'set', ctx: 't', params: [i('max_request', 3)] },
      { op: 'set', ctx: 't', params: [o('test_entropy', seq(10))] }, gen('t', 10),
      { op: 'set', ctx: 't', params: [o('test_nonce', '')] }, { op: 'nonce', ctx: 't', n: 4 },
      { op: 'reseed', ctx: 't', ent: seq(4), adin: ADIN }, { op: 'enable_locking', ctx: 't' }, { op: 'verify_zeroization', ctx: 't' },
      { op: 'uninstantiate', ctx: 't' }, gen('t', 2), { op: 'getall', ctx: 't' },
      { op: 'set', ctx: 't', params: [u('strength', 2 ** 32 - 1)] }, { op: 'getall', ctx: 't' }, { op: 'strength', ctx: 't' },
    ],
  });
  out.push({
    name: 'SEED-SRC: no set_ctx_params, OS entropy, max_request 128',
    ops: [
      { op: 'fetch', id: 'a', name: 'SEED-SRC' }, { op: 'new', id: 's', rand: 'a', parent: null },
      gen('s', 16, { random: true }), { op: 'reseed', ctx: 's' },
      { op: 'set', ctx: 's', params: [u('strength', 5), i('foo', 1)] }, { op: 'set', ctx: 's', params: null },
      { op: 'instantiate', ctx: 's', params: [i('strength', -7)] }, { op: 'getall', ctx: 's' },
      gen('s', 200, { random: true }), gen('s', 0), { op: 'nonce', ctx: 's', n: 24, random: true },
      { op: 'reseed', ctx: 's', pr: true, ent: seq(8), adin: ADIN }, { op: 'strength', ctx: 's' },
      { op: 'enable_locking', ctx: 's' }, { op: 'verify_zeroization', ctx: 's' },
      { op: 'uninstantiate', ctx: 's' }, gen('s', 16), { op: 'reseed', ctx: 's' }, { op: 'getall', ctx: 's' },
    ],
  });
  return out;
}

function afterInstantiateScenarios(): Scenario[] {
  const out: Scenario[] = [];
  for (const [label, config, change] of [
    ['CTR cipher set again', CTR256, [s('cipher', 'AES-256-CTR')]],
    ['CTR cipher changed', CTR256, [s('cipher', 'AES-128-CTR')]],
    ['CTR use_df changed', CTR256, [i('use_derivation_function', 0)]],
    ['CTR cipher refused (unknown)', CTR256, [s('cipher', 'FOO-CTR')]],
    ['CTR reseed interval only', CTR256, [u('reseed_requests', 3)]],
    ['HASH digest SHA256 -> SHA1', HASH256, [s('digest', 'SHA1')]],
    ['HASH digest SHA256 -> SHA512 (seedlen 55 -> 111)', HASH256, [s('digest', 'SHA512')]],
    ['HASH digest refused (unknown)', HASH256, [s('digest', 'FOO')]],
    ['HMAC digest SHA256 -> SHA1', HMAC256, [s('digest', 'SHA1')]],
    ['HMAC digest SHA1 -> SHA512', HMAC1, [s('mac', 'HMAC'), s('digest', 'SHA512')]],
    ['HMAC digest refused (unknown)', HMAC256, [s('digest', 'FOO')]],
  ] as [string, DrbgConfig, ParamSpec[]][]) {
    out.push({
      name: `set after instantiate: ${label}`,
      ops: [
        ...testRand('tr'), ...drbg('x', config, 'tr'), { op: 'instantiate', ctx: 'x' }, gen('x'),
        { op: 'set', ctx: 'x', params: change }, { op: 'getall', ctx: 'x' },
        gen('x'), gen('x', 32, { adin: ADIN }), { op: 'reseed', ctx: 'x' }, gen('x'), gen('x', 16, { pr: true }),
        { op: 'getall', ctx: 'x' }, { op: 'verify_zeroization', ctx: 'x' },
        // OpenSSL 3.0 crashes re-instantiating an HMAC-DRBG whose digest was refused (it sizes
        // its K and V from the NULL digest), so that one stops here.
        ...(label.startsWith('HMAC digest refused') ? [] : [
          { op: 'uninstantiate', ctx: 'x' }, { op: 'instantiate', ctx: 'x' }, gen('x'), { op: 'verify_zeroization', ctx: 'x' },
        ] as Op[]),
      ],
    });
  }
  // A further digest change on a DRBG that refused one: back to a good digest.
  out.push({
    name: 'set after instantiate: HASH refused digest, then a good one again',
    ops: [
      ...testRand('tr'), ...drbg('x', HASH256, 'tr'), { op: 'instantiate', ctx: 'x' },
      { op: 'set', ctx: 'x', params: [s('digest', 'FOO')] }, gen('x'),
      { op: 'set', ctx: 'x', params: [s('digest', 'SHA256')] }, gen('x'), gen('x'), { op: 'getall', ctx: 'x' },
    ],
  });
  return out;
}

function instantiateScenarios(): Scenario[] {
  const out: Scenario[] = [];
  for (const config of [CTR256, CTR128_NODF, HASH256, HMAC256]) {
    out.push({
      name: `instantiate paths of ${config.label}`,
      ops: [
        ...testRand('tr'), ...drbg('x', config, 'tr'),
        { op: 'instantiate', ctx: 'x', strength: 257 }, { op: 'state', ctx: 'x' },
        { op: 'instantiate', ctx: 'x', pers: seq(33) }, gen('x'),
        { op: 'instantiate', ctx: 'x' }, { op: 'uninstantiate', ctx: 'x' },
        { op: 'instantiate', ctx: 'x', strength: 128, pers: seq(49) }, { op: 'uninstantiate', ctx: 'x' },
        { op: 'instantiate', ctx: 'x', params: [i('reseed_requests', -1)] }, { op: 'state', ctx: 'x' },
        setEntropy('tr', seq(16)), { op: 'instantiate', ctx: 'x' }, { op: 'instantiate', ctx: 'x' },
        gen('x'), setEntropy('tr', ENTROPY48), gen('x'), { op: 'uninstantiate', ctx: 'x' },
        { op: 'set', ctx: 'tr', params: [o('test_nonce', '')] }, { op: 'instantiate', ctx: 'x' },
        { op: 'set', ctx: 'tr', params: [o('test_nonce', seq(40, 1))] }, { op: 'instantiate', ctx: 'x' }, gen('x'),
        { op: 'uninstantiate', ctx: 'x' }, { op: 'set', ctx: 'tr', params: [u('strength', 128)] }, { op: 'instantiate', ctx: 'x' },
        { op: 'set', ctx: 'tr', params: [u('strength', 256), o('test_entropy', seq(49))] }, { op: 'instantiate', ctx: 'x' },
        gen('x'), { op: 'uninstantiate', ctx: 'tr' }, { op: 'reseed', ctx: 'x' }, gen('x'),
      ],
    });
  }
  out.push({
    name: 'a TEST-RAND with no nonce: the df CTR needs one, the no-df CTR does not',
    ops: [
      ...testRand('tr', { nonce: null }), ...drbg('a', CTR256, 'tr'), { op: 'instantiate', ctx: 'a' },
      ...drbg('b', CTR128_NODF, 'tr'), { op: 'instantiate', ctx: 'b' }, gen('b'),
      ...drbg('c', HASH256, 'tr'), { op: 'instantiate', ctx: 'c' },
    ],
  });
  out.push({
    name: 'Hash without a digest and HMAC without a MAC fail to instantiate',
    ops: [
      ...testRand('tr'), { op: 'fetch', id: 'h', name: 'HASH-DRBG' }, { op: 'new', id: 'x', rand: 'h', parent: 'tr' },
      { op: 'instantiate', ctx: 'x' }, gen('x'), { op: 'reseed', ctx: 'x' }, { op: 'getall', ctx: 'x' },
      { op: 'fetch', id: 'm', name: 'HMAC-DRBG' }, { op: 'new', id: 'y', rand: 'm', parent: 'tr' },
      { op: 'instantiate', ctx: 'y' }, gen('y'), { op: 'getall', ctx: 'y' },
    ],
  });
  return out;
}

function generateReseedScenarios(): Scenario[] {
  const out: Scenario[] = [];
  for (const config of [CTR256, CTR128_NODF, HASH256, HMAC256, CONFIGS[10], CONFIGS[17]]) {
    out.push({
      name: `generate and reseed paths of ${config.label}`,
      ops: [
        ...testRand('tr'), ...drbg('x', config, 'tr'),
        gen('x', 0), { op: 'state', ctx: 'x' }, gen('x', 16), ...counters('x'),
        gen('x', 0), gen('x', 16, { strength: 512 }), gen('x', 16, { adin: seq(33) }), gen('x', 16, { adin: seq(64, 3) }),
        gen('x', 65536), gen('x', 65537, { adin: ADIN }), gen('x', 131073, { pr: true, adin: seq(20) }),
        { op: 'reseed', ctx: 'x', ent: seq(8) }, { op: 'state', ctx: 'x' }, gen('x', 16),
        { op: 'reseed', ctx: 'x', ent: seq(49) }, gen('x', 16),
        { op: 'reseed', ctx: 'x', ent: seq(32), adin: seq(33) }, gen('x', 16),
        { op: 'reseed', ctx: 'x', adin: seq(49) }, gen('x', 16),
        { op: 'reseed', ctx: 'x', ent: seq(48, 9), adin: ADIN }, gen('x', 16), ...counters('x'),
        { op: 'uninstantiate', ctx: 'x' }, { op: 'reseed', ctx: 'x', adin: ADIN }, gen('x', 16),
        { op: 'set', ctx: 'x', params: [u('reseed_requests', 2)] }, gen('x', 8), gen('x', 8), gen('x', 8), ...counters('x'),
        setEntropy('tr', seq(48, 50)), gen('x', 8), gen('x', 8), ...counters('x'),
        { op: 'nonce', ctx: 'x', n: 24 }, { op: 'nonce', ctx: 'x', n: 0 },
      ],
    });
  }
  return out;
}

/** TEST-RAND -> parent -> child: propagation, reseeds by count, prediction resistance. */
function twoLevel(p: DrbgConfig, c: DrbgConfig): Scenario {
  return {
    name: `chain TEST-RAND -> ${p.label} -> ${c.label}`,
    ops: [
      ...testRand('tr'), ...drbg('p', p, 'tr'), ...drbg('c', c, 'p'),
      { op: 'instantiate', ctx: 'p' }, ...counters('p'), { op: 'instantiate', ctx: 'c' }, ...counters('p', 'c'),
      gen('c'), ...counters('p', 'c'), gen('c'), gen('c', 32, { adin: ADIN }), ...counters('p', 'c'),
      { op: 'reseed', ctx: 'p' }, ...counters('p', 'c'), gen('c'), ...counters('p', 'c'),
      { op: 'set', ctx: 'p', params: [u('reseed_requests', 2)] }, gen('p', 8), gen('p', 8), gen('p', 8), ...counters('p', 'c'),
      gen('c', 16), ...counters('p', 'c'), gen('c', 16, { pr: true }), ...counters('p', 'c'),
      { op: 'set', ctx: 'c', params: [u('reseed_requests', 3)] },
      gen('c', 8), gen('c', 8), gen('c', 8), gen('c', 8), ...counters('p', 'c'),
      setEntropy('tr', ENTROPY_ALT), { op: 'reseed', ctx: 'c', pr: true, adin: ADIN }, ...counters('p', 'c'), gen('c', 70000),
      { op: 'reseed', ctx: 'c', ent: seq(48, 3) }, gen('c', 16), ...counters('p', 'c'),
      { op: 'uninstantiate', ctx: 'p' }, gen('c', 16), ...counters('p', 'c'), gen('c', 16, { pr: true }), ...counters('p', 'c'),
      { op: 'getall', ctx: 'c' }, { op: 'getall', ctx: 'p' },
    ],
  };
}

function threeLevel(a: DrbgConfig, b: DrbgConfig, c: DrbgConfig): Scenario {
  return {
    name: `chain TEST-RAND -> ${a.label} -> ${b.label} -> ${c.label}`,
    ops: [
      ...testRand('tr'), ...drbg('a', a, 'tr'), ...drbg('b', b, 'a'), ...drbg('c', c, 'b'),
      { op: 'instantiate', ctx: 'a' }, { op: 'instantiate', ctx: 'b' }, { op: 'instantiate', ctx: 'c' }, ...counters('a', 'b', 'c'),
      gen('c'), gen('b'), gen('c'), ...counters('a', 'b', 'c'),
      { op: 'reseed', ctx: 'a', adin: ADIN }, gen('c'), ...counters('a', 'b', 'c'), gen('b'), gen('c'), ...counters('a', 'b', 'c'),
      { op: 'set', ctx: 'a', params: [u('reseed_requests', 2)] }, { op: 'set', ctx: 'b', params: [u('reseed_requests', 2)] },
      gen('c', 8), gen('c', 8), gen('c', 8), gen('c', 8), gen('c', 8), ...counters('a', 'b', 'c'),
      gen('c', 16, { pr: true }), ...counters('a', 'b', 'c'),
      setEntropy('tr', ENTROPY_ALT), { op: 'reseed', ctx: 'b', pr: true }, gen('c', 16), ...counters('a', 'b', 'c'),
      gen('c', 100000, { adin: ADIN }), ...counters('a', 'b', 'c'),
      { op: 'uninstantiate', ctx: 'b' }, gen('c'), ...counters('a', 'b', 'c'),
      { op: 'get', ctx: 'b', params: [r('reseed_counter', 'uint'), r('reseed_time', 'time_t'), r('state', 'int')] },
    ],
  };
}

/** Seeded random walks over a three-level chain: any call at any level. */
function randomChains(count: number, seed: number): Scenario[] {
  let x = seed >>> 0;
  const next = (n: number): number => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x % n;
  };
  const pick = <T>(list: readonly T[]): T => list[next(list.length)];
  const out: Scenario[] = [];
  for (let k = 0; k < count; k++) {
    const [a, b, c] = [pick(CONFIGS), pick(CONFIGS), pick(CONFIGS)];
    const levels = ['a', 'b', 'c'];
    const ops: Op[] = [...testRand('tr'), ...drbg('a', a, 'tr'), ...drbg('b', b, 'a'), ...drbg('c', c, 'b')];
    for (const l of levels) ops.push({ op: 'instantiate', ctx: l });
    for (let step = 0; step < 24; step++) {
      const l = pick(levels);
      switch (next(9)) {
        case 0: ops.push({ op: 'reseed', ctx: l, pr: next(3) === 0, adin: next(2) === 0 ? null : seq(next(40), step) }); break;
        case 1: ops.push({ op: 'set', ctx: l, params: [u('reseed_requests', next(4))] }); break;
        case 2: ops.push(...counters('a', 'b', 'c')); break;
        case 3: ops.push(setEntropy('tr', seq(48, next(256)))); break;
        case 4: ops.push({ op: 'uninstantiate', ctx: l }); break;
        default: ops.push(gen(l, 1 + next(200), { pr: next(5) === 0, adin: next(2) === 0 ? null : seq(next(20), step) }));
      }
    }
    ops.push(...counters('a', 'b', 'c'));
    out.push({ name: `random chain #${k} (seed ${seed}): ${a.label} -> ${b.label} -> ${c.label}`, ops });
  }
  return out;
}

function seedSrcChain(): Scenario {
  return {
    name: 'chain SEED-SRC -> CTR AES-256 -> HASH SHA256 (OS entropy: outputs not compared)',
    ops: [
      { op: 'fetch', id: 'sa', name: 'SEED-SRC' }, { op: 'new', id: 'seed', rand: 'sa', parent: null },
      { op: 'instantiate', ctx: 'seed' }, ...drbg('p', CTR256, 'seed'), ...drbg('c', HASH256, 'p'),
      { op: 'instantiate', ctx: 'p' }, { op: 'instantiate', ctx: 'c' }, ...counters('p', 'c'),
      gen('c', 32, { random: true }), ...counters('p', 'c'), { op: 'reseed', ctx: 'p', pr: true }, ...counters('p', 'c'),
      gen('c', 32, { random: true }), ...counters('p', 'c'), gen('c', 32, { random: true, pr: true }), ...counters('p', 'c'),
      { op: 'getall', ctx: 'p' }, { op: 'uninstantiate', ctx: 'seed' }, { op: 'reseed', ctx: 'p' }, { op: 'state', ctx: 'p' },
    ],
  };
}

/** Every scenario, in a fixed order. */
export function evpRandScenarios(): Scenario[] {
  const chainTypes = [CTR256, HASH256, HMAC256];
  return [
    ...fetchScenarios(),
    ...contextScenarios(),
    ...CONFIGS.map(lifecycle),
    ...parameterScenarios(),
    ...afterInstantiateScenarios(),
    ...instantiateScenarios(),
    ...generateReseedScenarios(),
    ...chainTypes.flatMap((p) => chainTypes.map((c) => twoLevel(p, c))),
    twoLevel(CONFIGS[0], CONFIGS[5]), twoLevel(CONFIGS[11], CONFIGS[16]),
    threeLevel(CTR256, HASH256, HMAC256), threeLevel(HMAC256, CTR256, HASH256), threeLevel(HASH256, HMAC256, CTR256),
    threeLevel(CTR256, CTR256, CTR256), threeLevel(CONFIGS[4], CONFIGS[12], CONFIGS[15]),
    ...randomChains(24, 20240611),
    seedSrcChain(),
  ];
}
