/**
 * EVP_RAND scenarios for the OSSL_PARAM and TEST-RAND rows of the per-line table
 * (provider/openssl3/lines.ts): TEST-RAND's `generate` mode (3.5), a key repeated in one array on
 * every implementation (3.6's generated decoders), `provider-name` and the order 3.6 writes a
 * DRBG's counters in, and conversions that fail (crypto/params.c raises from 3.2). They run on
 * every line and on the 3.0 control (test/interop/lines.spec.ts), each against the line's own
 * personality, and must show no difference at all. Calls C would crash on are left out (a DRBG
 * with a nonce under a generating TEST-RAND: test_rng_nonce writes through drbg.c's NULL size
 * query).
 */
import type { Op, ParamSpec, Scenario } from '../../suites/evp-rand/scenario.js';
import { d, ENTROPY48, gen, i, NONCE16, o, r, s, seq, sz, u } from '../../suites/evp-rand/scenarios.js';

const fetchNew = (id: string, name: string, parent: string | null = null): Op[] => [
  { op: 'fetch', id: `${id}:rand`, name }, { op: 'new', id, rand: `${id}:rand`, parent },
];

/** A TEST-RAND of strength 256 with entropy and nonce, instantiated. */
const testRand = (id: string): Op[] => [
  ...fetchNew(id, 'TEST-RAND'),
  { op: 'instantiate', ctx: id, strength: 0, params: [u('strength', 256), o('test_entropy', ENTROPY48), o('test_nonce', NONCE16)] },
];

const set = (ctx: string, ...params: ParamSpec[]): Op => ({ op: 'set', ctx, params });
const get = (ctx: string, ...params: ParamSpec[]): Op => ({ op: 'get', ctx, params });

export function lineParamScenarios(): Scenario[] {
  return [
    {
      name: 'TEST-RAND generate mode: xorshift output and nonce, get_seed unchanged for a CTR no-df child',
      ops: [
        ...fetchNew('t', 'TEST-RAND'),
        set('t', u('strength', 256), u('generate', 1)), get('t', r('generate', 'uint')), gen('t', 8),
        { op: 'instantiate', ctx: 't', strength: 0, params: [o('test_entropy', ENTROPY48)] },
        gen('t', 16), gen('t', 33), { op: 'nonce', ctx: 't', n: 8 }, { op: 'getall', ctx: 't' },
        ...fetchNew('x', 'CTR-DRBG', 't'),
        set('x', i('use_derivation_function', 0), s('cipher', 'AES-256-CTR')),
        { op: 'instantiate', ctx: 'x' }, gen('x', 32), { op: 'reseed', ctx: 'x' }, gen('x', 32),
        set('t', u('generate', 0)), gen('t', 8), set('t', u('generate', 7)), gen('t', 4),
        { op: 'uninstantiate', ctx: 't' }, gen('t', 4), { op: 'instantiate', ctx: 't', strength: 0 }, gen('t', 16),
        set('t', i('generate', -1)), get('t', r('generate', 'uint')), set('t', d('generate', 2)), gen('t', 4),
        get('t', r('generate', 'int64')), get('t', r('generate', 'utf8')), gen('t', 8, { strength: 257 }),
      ],
    },
    {
      name: 'a key repeated in one array, on TEST-RAND, CTR, HASH, HMAC and SEED-SRC',
      ops: [
        ...testRand('t'),
        get('t', r('strength', 'uint'), r('strength', 'uint')), get('t', r('state', 'int'), r('generate', 'uint'), r('generate', 'uint')),
        set('t', u('max_request', 5), sz('max_request', 6)), get('t', r('max_request', 'size_t')),
        set('t', o('test_entropy', seq(8)), o('test_entropy', seq(8, 9))), gen('t', 8),
        set('t', i('foo', 1), i('foo', 2)), get('t', r('STRENGTH', 'uint'), r('strength', 'uint')),
        ...fetchNew('x', 'CTR-DRBG', 't'),
        set('x', s('cipher', 'AES-128-CTR'), s('cipher', 'AES-256-CTR')), set('x', s('cipher', 'AES-256-CTR')),
        get('x', r('cipher', 'utf8'), r('cipher', 'utf8')), get('x', r('max_request', 'size_t'), r('max_request', 'size_t')),
        get('x', r('reseed_counter', 'uint'), r('state', 'int'), r('reseed_counter', 'uint')),
        set('x', u('reseed_requests', 3), u('reseed_requests', 4)), get('x', r('reseed_requests', 'uint')),
        set('x', s('properties', ''), s('properties', '')), { op: 'getall', ctx: 'x' },
        ...fetchNew('y', 'HASH-DRBG', 't'),
        set('y', s('digest', 'SHA256'), s('digest', 'SHA1')), get('y', r('digest', 'utf8'), r('digest', 'utf8')),
        ...fetchNew('z', 'HMAC-DRBG', 't'),
        set('z', s('mac', 'HMAC'), s('digest', 'SHA256'), s('digest', 'SHA256')), { op: 'getall', ctx: 'z' },
        ...fetchNew('e', 'SEED-SRC'),
        get('e', r('state', 'int'), r('state', 'int')), get('e', r('strength', 'uint'), r('max_request', 'size_t')),
        ...fetchNew('t2', 'TEST-RAND'),
        { op: 'instantiate', ctx: 't2', strength: 0, params: [u('strength', 256), u('strength', 128)] }, { op: 'strength', ctx: 't2' },
      ],
    },
    {
      name: 'provider-name, and the order a DRBG writes its counters in',
      ops: [
        ...testRand('t'), ...fetchNew('x', 'CTR-DRBG', 't'),
        set('x', s('provider-name', 'default'), s('cipher', 'AES-256-CTR')), { op: 'getall', ctx: 'x' },
        set('x', i('use_derivation_function', 0), s('provider-name', 'NO-SUCH-PROVIDER'), s('cipher', 'AES-128-CTR')),
        { op: 'getall', ctx: 'x' }, set('x', i('provider-name', 1)), { op: 'instantiate', ctx: 'x' }, gen('x', 16),
        get('x', r('cipher', 'utf8', 3), r('max_request', 'size_t')), get('x', r('max_request', 'size_t', 2), r('cipher', 'utf8')),
        get('x', r('reseed_counter', 'uint'), r('max_request', 'size_t')), get('x', r('state', 'utf8'), r('reseed_counter', 'uint')),
        ...fetchNew('y', 'HASH-DRBG', 't'),
        set('y', s('provider-name', 'NO-SUCH-PROVIDER'), s('digest', 'SHA256')), { op: 'getall', ctx: 'y' },
        set('y', i('provider-name', 7), s('digest', 'SHA512')), { op: 'getall', ctx: 'y' },
      ],
    },
    {
      name: 'failed conversions on TEST-RAND and CTR-DRBG parameters',
      ops: [
        ...testRand('t'),
        set('t', d('strength', 256)), set('t', d('strength', 1.5)), set('t', d('strength', -2)), set('t', s('strength', '256')),
        set('t', { key: 'strength', kind: 'uint', value: '1', size: 2 }), set('t', { key: 'max_request', kind: 'int', value: '-3' }),
        get('t', r('strength', 'double'), r('state', 'utf8')), get('t', r('max_request', 'int')), get('t', r('state', 'uint', 1)),
        set('t', s('test_entropy', 'abc')), set('t', { key: 'test_nonce', kind: 'octets', value: '', nullData: true }),
        ...fetchNew('x', 'CTR-DRBG', 't'), set('x', s('cipher', 'AES-256-CTR')),
        get('x', r('cipher', 'int')), get('x', r('cipher', 'utf8', 4)), get('x', { key: 'cipher', kind: 'utf8', nullData: true }),
        get('x', r('use_derivation_function', 'double')), get('x', r('reseed_time', 'uint', 4)),
        set('x', { key: 'reseed_time_interval', kind: 'double', value: '1e300' }), set('x', u('reseed_requests', 2 ** 32 - 1)),
        get('x', r('reseed_requests', 'int')),
      ],
    },
  ];
}
