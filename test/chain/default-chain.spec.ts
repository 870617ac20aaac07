/**
 * DefaultChain3x on its own (no wasm): the deterministic 3.0 check vector
 * (docs/openssl-behaviour.md) through the chain's primary, and the RAND_* semantics of crypto/rand/rand_lib.c and rand_meth.c (3.0).
 */
import { expect } from 'chai';
import { fromHex, toHex, utf8 } from '../../provider/bytes.js';
import {
  applyRandomSection, DefaultChain3x, evpGenerate, parsePropertyQuery, POLL_SALT, type RandomConfig,
} from '../../provider/openssl3/rand/index.js';
import { ProviderStore } from '../../provider/openssl3/core/provider-store.js';
import { DrbgCtx } from '../../provider/openssl3/rands/drbg.js';
import { TestRand } from '../../provider/openssl3/rands/test-rand.js';
import { errorQueue } from '../../provider/err/queue.js';
import type { RandImpl, RandParams } from '../../provider/openssl3/rands/rand-impl.js';

const range = (from: number, to: number): Uint8Array => Uint8Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** A deterministic OS: bytes 0, 1, 2, ... (mod 256), counting what was read. */
function countingOs(): { poll: (entropy: number, minLen: number) => Uint8Array; read: () => number } {
  let next = 0;
  return {
    poll: (entropy, minLen) => {
      const out = new Uint8Array(Math.max(Math.ceil(entropy / 8), minLen));
      for (let i = 0; i < out.length; i++) out[i] = next++ & 0xff;
      return out;
    },
    read: () => next,
  };
}

function chainOn(config: RandomConfig = {}): { chain: DefaultChain3x; read: () => number } {
  const os = countingOs();
  const chain = new DefaultChain3x({
    config,
    environment: { osEntropy: os.poll, clock: () => 1000, forkId: () => 1 },
    identities: { primary: fromHex('0011223344556677') },
  });
  return { chain, read: os.read };
}

/** Runs `op` on an empty error queue and returns what it left there ("LIB:REASON"); the
 * queue's previous entries are put back. (Not captureErrors, which counts raises and so
 * miscounts when the code under test pops errors itself, as ERR_pop_to_mark does.) */
function leftOnQueue<T>(op: () => T): { result: T; raised: string[] } {
  const queue = errorQueue();
  const saved = queue.splice(0);
  try {
    const result = op();
    return { result, raised: queue.splice(0).map((e) => `${e.lib}:${e.reason}`) };
  } finally {
    queue.splice(0, queue.length, ...saved);
  }
}

function params(ctx: RandImpl, names: (keyof RandParams)[]): RandParams {
  const p: RandParams = {};
  expect(ctx.getCtxParams(names, p)).to.equal(true);
  return p;
}

describe('provider/chain DefaultChain3x', () => {
  it('reproduces the 3.0 check vector: TEST-RAND seed, CTR-DRBG AES-256 primary with the default pers', () => {
    const seed = TestRand.create(256, range(0x00, 0x2f), range(0x64, 0x73));
    expect(seed.instantiate(0)).to.equal(true);
    const chain = new DefaultChain3x({ seedSource: seed });
    const primary = chain.getPrimary() as RandImpl;
    expect(primary).to.be.instanceOf(DrbgCtx);
    const out = new Uint8Array(32);
    expect(evpGenerate(primary, out, 0, false, null)).to.equal(true);
    expect(toHex(out)).to.equal('ee18e8a0c79a42272eb43ead14268dc85752caf9e1fa0ea509106f0504fa5db8');
    expect(evpGenerate(primary, out, 0, false, utf8('abc'))).to.equal(true);
    expect(toHex(out)).to.equal('6054cefa1b146f95979a8df01cf9a0ed1679fbed06e8a7bc736352e6bc00b694');
    chain.free();
    expect(seed.currentState).to.equal(1); // the injected seed source is the caller's
  });

  it('creates primary (256 / 3600 s, locked) and public / private (65536 / 420 s) lazily', () => {
    const { chain, read } = chainOn();
    expect(chain.seedSource).to.equal(null);
    const pub = chain.getPublic() as DrbgCtx;
    expect(read()).to.equal(48); // primary: 1.5 x 32 bytes from SEED-SRC, no nonce
    const primary = chain.getPrimary() as DrbgCtx;
    expect(chain.seedSource?.algorithm).to.equal('SEED-SRC');
    expect(params(primary, ['reseed_requests', 'reseed_time_interval', 'strength', 'state'])).to.deep.equal(
      { reseed_requests: 256, reseed_time_interval: 3600, strength: 256, state: 1 });
    expect(primary.isLockingEnabled).to.equal(true);
    expect(params(pub, ['reseed_requests', 'reseed_time_interval', 'cipher', 'use_derivation_function'])).to.deep.equal(
      { reseed_requests: 65536, reseed_time_interval: 420, cipher: 'AES-256-CTR', use_derivation_function: 1 });
    expect(pub.parent).to.equal(primary);
    const priv = chain.getPrivate() as DrbgCtx;
    expect(priv).to.not.equal(pub);
    expect(priv.parent).to.equal(primary);
    expect(chain.getPublic()).to.equal(pub);
  });

  it('RAND_bytes: n < 0 returns 0 without creating anything; n = 0 creates the chain, returns 1', () => {
    const { chain, read } = chainOn();
    expect(chain.bytes(new Uint8Array(4), -1)).to.equal(0);
    expect(read()).to.equal(0);
    expect(chain.privBytes(new Uint8Array(4), -5)).to.equal(0);
    expect(chain.seedSource).to.equal(null);
    expect(chain.bytes(new Uint8Array(0), 0)).to.equal(1);
    expect(read()).to.equal(48);
    // No provider call was made, so the public DRBG's first real generate still reseeds.
    expect(chain.bytes(new Uint8Array(16), 16)).to.equal(1);
    expect((chain.getPublic() as DrbgCtx).reseedCounter).to.equal(3);
  });

  it('EVP_RAND_generate chunking: 70000 bytes = a 65536-byte and a 4464-byte provider request', () => {
    const a = chainOn();
    const b = chainOn();
    const big = new Uint8Array(70000);
    expect(a.chain.bytes(big, 70000)).to.equal(1);
    const pub = b.chain.getPublic() as DrbgCtx;
    const first = new Uint8Array(65536);
    const second = new Uint8Array(4464);
    expect(pub.generate(first, 0, false, null)).to.equal(true);
    expect(pub.generate(second, 0, false, null)).to.equal(true);
    expect(toHex(big)).to.equal(toHex(first) + toHex(second));
    expect(leftOnQueue(() => pub.generate(new Uint8Array(65537), 0, false, null))).to.deep.equal(
      { result: false, raised: ['PROV:REQUEST_TOO_LARGE_FOR_DRBG'] });
  });

  it('RAND_add is a primary reseed with the buffer as additional input; randomness is ignored', () => {
    const runs = [0, 0.5, 32, 1e9].map((randomness) => {
      const { chain, read } = chainOn();
      expect(chain.add(utf8('hello'), 5, randomness)).to.equal(1);
      const out = new Uint8Array(32);
      expect(chain.bytes(out, 32)).to.equal(1);
      return { out: toHex(out), read: read(), reseeds: (chain.getPrimary() as DrbgCtx).reseedCounter };
    });
    for (const r of runs) expect(r).to.deep.equal(runs[0]);
    expect(runs[0].read).to.equal(48 + 32); // instantiate, then one 32-byte reseed
    expect(runs[0].reseeds).to.equal(3);
    const plain = chainOn();
    const out = new Uint8Array(32);
    plain.chain.bytes(out, 32);
    expect(toHex(out)).to.not.equal(runs[0].out);
  });

  it('RAND_add with num <= 0 returns 0 but still creates the primary (drbg_add order)', () => {
    const { chain, read } = chainOn();
    expect(chain.add(utf8('x'), 0, 1)).to.equal(0);
    expect(read()).to.equal(48);
    expect(chain.add(null, -1, 1)).to.equal(0);
    expect(read()).to.equal(48);
  });

  it('RAND_seed = RAND_add(buf, num, num); RAND_poll = RAND_seed("polling", 8) and returns 1', () => {
    const results = [
      (c: DefaultChain3x) => c.seed(POLL_SALT, 8),
      (c: DefaultChain3x) => c.add(POLL_SALT, 8, 0),
      (c: DefaultChain3x) => c.poll(),
    ].map((op) => {
      const { chain } = chainOn();
      expect(op(chain)).to.equal(1);
      const out = new Uint8Array(48);
      chain.bytes(out, 48);
      return toHex(out);
    });
    expect(results[1]).to.equal(results[0]);
    expect(results[2]).to.equal(results[0]);
    expect(Array.from(POLL_SALT)).to.deep.equal([...utf8('polling'), 0]);
    const broken = chainOn({ cipher: 'AES-256-CBC' });
    expect(leftOnQueue(() => broken.chain.poll()).result).to.equal(1);
  });

  it('a configuration the DRBG refuses: no chain, RAND_status 0, OpenSSL reasons, retried on each call', () => {
    const { chain, read } = chainOn({ cipher: 'AES-256-CBC' });
    const { result, raised } = leftOnQueue(() => chain.status());
    expect(result).to.equal(0);
    expect(raised).to.deep.equal(['PROV:REQUIRE_CTR_MODE_CIPHER', 'RAND:ERROR_INSTANTIATING_DRBG']);
    expect(leftOnQueue(() => chain.bytes(new Uint8Array(1), 1)).raised).to.have.length(2);
    expect(read()).to.equal(0);
    const unknown = chainOn({ random: 'NOPE-DRBG' });
    expect(leftOnQueue(() => unknown.chain.getPrimary()).raised).to.deep.equal(
      ['EVP:UNSUPPORTED', 'RAND:UNABLE_TO_FETCH_DRBG']);
  });

  it('a seed source that cannot be created: errors dropped, parentless primary (OS entropy + nonce)', () => {
    const os = countingOs();
    const nonces: Uint8Array[] = [];
    const chain = new DefaultChain3x({
      config: { seed: 'NO-SUCH-SOURCE' },
      environment: { osEntropy: os.poll, osNonce: (id) => { nonces.push(id); return new Uint8Array(16).fill(9); } },
      identities: { primary: fromHex('aabbccdd') },
    });
    const { result, raised } = leftOnQueue(() => chain.getPrimary());
    expect(raised).to.deep.equal([]);
    expect((result as DrbgCtx).parent).to.equal(null);
    expect(chain.seedSource).to.equal(null);
    expect(os.read()).to.equal(32);
    expect(nonces.map(toHex)).to.deep.equal(['aabbccdd']);
  });

  it('RAND_set_DRBG_type / RAND_set_seed_source_type only before the primary exists', () => {
    const { chain } = chainOn();
    expect(chain.setDrbgType('HASH-DRBG', null, null, 'SHA2-512')).to.equal(1);
    expect(chain.setSeedSourceType('SEED-SRC', 'provider=default')).to.equal(1);
    expect(chain.config).to.deep.equal({ random: 'HASH-DRBG', digest: 'SHA2-512', seed: 'SEED-SRC', seed_properties: 'provider=default' });
    expect(params(chain.getPrimary() as RandImpl, ['digest'])).to.deep.equal({ digest: 'SHA2-512' });
    const again = leftOnQueue(() => chain.setDrbgType('CTR-DRBG', null, 'AES-128-CTR', null));
    expect(again.result).to.equal(0);
    expect(again.raised).to.deep.equal(['RAND:ALREADY_INSTANTIATED']);
    expect(leftOnQueue(() => chain.setSeedSourceType(null, null)).result).to.equal(0);
  });

  it('identities: public and private pull from the primary with the primary\'s identity as adin', () => {
    // Same OS bytes and identity give the same public output; another primary identity does not.
    const outputs = ['0011223344556677', '0011223344556677', '0011223344556678'].map((id) => {
      const os = countingOs();
      const chain = new DefaultChain3x({
        environment: { osEntropy: os.poll, clock: () => 0 },
        identities: { primary: fromHex(id), public: fromHex('ffffffffffffffff') },
      });
      const out = new Uint8Array(16);
      chain.bytes(out, 16);
      return toHex(out);
    });
    expect(outputs[1]).to.equal(outputs[0]);
    expect(outputs[2]).to.not.equal(outputs[0]);
  });

  it('random_conf_init: case-insensitive names; an unknown name fails the section but the rest applies', () => {
    const { result, raised } = leftOnQueue(() => applyRandomSection({ cipher: 'AES-128-CTR' },
      [['RANDOM', 'HASH-DRBG'], ['bogus', 'x'], ['Digest', 'SHA256']]));
    expect(result).to.deep.equal({ ok: 0, config: { cipher: 'AES-128-CTR', random: 'HASH-DRBG', digest: 'SHA256' } });
    expect(raised).to.deep.equal(['CRYPTO:UNKNOWN_NAME_IN_RANDOM_SECTION']);
  });

  it('property queries against the default provider (ossl_property_match_count), through the provider store', () => {
    const table: [string | undefined, boolean | 'parse-error'][] = [
      [undefined, true], ['', true], ['provider=default', true], ['provider=Default', true],
      ['provider="default"', true], ['provider="Default"', false], ['provider=fips', false],
      ['provider!=default', false], ['fips=yes', false], ['fips', false], ['fips=no', true],
      ['fips!=yes', true], ['?provider=fips', true], ['-fips', true], ['fips=1', false],
      ['provider=default,fips!=yes', true], ['provider=default,', 'parse-error'], ['provider==default', 'parse-error'],
    ];
    const store = new ProviderStore();
    for (const [query, expected] of table) {
      if (query !== undefined) expect(parsePropertyQuery(query) === null, String(query)).to.equal(expected === 'parse-error');
      // A query that does not parse is ignored by the fetch: the default provider's DRBG.
      const fetched = leftOnQueue(() => store.fetchRand('CTR-DRBG', query ?? null)).result;
      expect(fetched?.provider ?? false, String(query)).to.equal(expected === false ? false : 'default');
    }
  });

  it('fetches through the library context\'s provider store: FIPS mode selects the FIPS provider\'s DRBG', () => {
    const store = new ProviderStore();
    store.load('fips');
    const chain = new DefaultChain3x({ store, config: { properties: 'fips=yes' }, environment: { osEntropy: countingOs().poll } });
    const primary = chain.getPrimary() as DrbgCtx;
    expect(primary.fips).to.equal(true);
    expect(primary.parent?.algorithm).to.equal('SEED-SRC'); // seed_properties is its own query
    store.enableFips(true);
    const strict = new DefaultChain3x({ store, environment: { osEntropy: countingOs().poll } });
    const fipsPrimary = leftOnQueue(() => strict.getPrimary());
    expect((fipsPrimary.result as DrbgCtx).fips).to.equal(true);
    // The FIPS provider has no SEED-SRC, and the default provider's does not match fips=yes:
    // the primary has no parent (the seed source's errors are dropped).
    expect((fipsPrimary.result as DrbgCtx).parent).to.equal(null);
    expect(fipsPrimary.raised).to.deep.equal([]);
  });
});
