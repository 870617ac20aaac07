/**
 * compat/openssl3's RAND front end on its own: what the system-3 scenarios cannot show because
 * the real default chain is seeded from the OS (exact bytes, with a TEST-RAND seed source and
 * pinned addresses), and what they leave out (RAND_METHOD, randshim's FIPS provider, buffers
 * shorter than their length, RANDSHIM_3_configure). Checked against crypto/rand/rand_lib.c and
 * rand_meth.c of 3.0.20 (docs/openssl-behaviour.md).
 */
import { expect } from 'chai';
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as R from '../../compat/openssl3/index.js';
import { drainErrors3 } from '../../interop/builds/openssl3/error-names.js';
import { fromHex, toHex, utf8 } from '../../provider/bytes.js';
import { DefaultChain3x } from '../../provider/openssl3/rand/index.js';
import { TestRand } from '../../provider/openssl3/rands/test-rand.js';

const errors = (): string[] => drainErrors3(R).map((e) => `${e.lib}:${e.reason}`);
const range = (from: number, to: number): Uint8Array => Uint8Array.from({ length: to - from + 1 }, (_, i) => from + i);
const PRIMARY_ID = fromHex('0011223344556677');

/** The check vector's TEST-RAND (docs/openssl-behaviour.md): strength 256, entropy 00..2f,
 * nonce 64..73, instantiated. */
function testSeed(): TestRand {
  const t = TestRand.create(256, range(0x00, 0x2f), range(0x64, 0x73));
  t.instantiate(0);
  return t;
}

/** A fresh personality whose primary pulls from a fixed TEST-RAND with a pinned address. */
function pinned(): void {
  R.RANDSHIM_3_reset({ clock: () => 1000, forkId: () => 1 }, { seedSource: testSeed(), identities: { primary: PRIMARY_ID } });
}

function uintParam(ctx: R.EVP_RAND_CTX, key: string): number {
  const box = { value: 0 };
  expect(R.EVP_RAND_CTX_get_params(ctx, [R.OSSL_PARAM_construct_uint(key, box), R.OSSL_PARAM_construct_end()])).to.equal(1);
  return box.value;
}

describe('compat/openssl3 RAND front end', () => {
  beforeEach(() => {
    R.RANDSHIM_3_reset();
    R.ERR_clear_error();
  });
  after(() => R.RANDSHIM_3_reset());

  it('RAND_get0_primary / _public / _private: the chain\'s DRBGs as EVP_RAND_CTXs, the same objects each time', () => {
    pinned();
    const primary = R.RAND_get0_primary(null) as R.EVP_RAND_CTX;
    // The check vector: a CTR-DRBG AES-256 instantiated from that TEST-RAND with the 29-byte default pers.
    const out = new Uint8Array(32);
    expect(R.EVP_RAND_generate(primary, out, 32, 0, 0, null, 0)).to.equal(1);
    expect(toHex(out)).to.equal('ee18e8a0c79a42272eb43ead14268dc85752caf9e1fa0ea509106f0504fa5db8');
    expect(R.EVP_RAND_generate(primary, out, 32, 0, 0, utf8('abc'), 3)).to.equal(1);
    expect(toHex(out)).to.equal('6054cefa1b146f95979a8df01cf9a0ed1679fbed06e8a7bc736352e6bc00b694');
    const pub = R.RAND_get0_public(null) as R.EVP_RAND_CTX;
    const priv = R.RAND_get0_private(null) as R.EVP_RAND_CTX;
    expect(R.RAND_get0_primary(null)).to.equal(primary);
    expect(R.RAND_get0_public(null)).to.equal(pub);
    expect(R.RAND_get0_private(null)).to.equal(priv);
    expect(pub).to.not.equal(priv);
    expect([primary, pub, priv].map((c) => R.EVP_RAND_get0_name(R.EVP_RAND_CTX_get0_rand(c)))).to.deep.equal(['CTR-DRBG', 'CTR-DRBG', 'CTR-DRBG']);
    expect([primary, pub, priv].map((c) => uintParam(c, R.OSSL_DRBG_PARAM_RESEED_REQUESTS))).to.deep.equal([256, 65536, 65536]);
    // EVP_RAND calls on them act on the DRBGs RAND_bytes uses.
    expect(R.EVP_RAND_CTX_set_params(pub, [R.OSSL_PARAM_construct_uint(R.OSSL_DRBG_PARAM_RESEED_REQUESTS, { value: 2 }),
      R.OSSL_PARAM_construct_end()])).to.equal(1);
    const counters: number[] = [];
    for (let i = 0; i < 4; i++) {
      expect(R.RAND_bytes(out, 8)).to.equal(1);
      counters.push(uintParam(pub, R.OSSL_DRBG_PARAM_RESEED_COUNTER));
    }
    expect(counters).to.deep.equal([3, 4, 5, 6]); // every second request reseeds (counter from 1, >= 2)
    expect(errors()).to.deep.equal([]);
  });

  it('RAND_bytes / RAND_priv_bytes are the public / private DRBG with no additional input', () => {
    const expected = new DefaultChain3x({
      seedSource: testSeed(), identities: { primary: PRIMARY_ID }, environment: { clock: () => 1000, forkId: () => 1 },
    });
    const pubBytes = new Uint8Array(70000);
    const privBytes = new Uint8Array(100);
    expect(expected.bytes(pubBytes, pubBytes.length)).to.equal(1);
    expect(expected.privBytes(privBytes, privBytes.length)).to.equal(1);
    pinned();
    const a = new Uint8Array(70000);
    const b = new Uint8Array(100);
    expect(R.RAND_bytes(a, a.length)).to.equal(1);
    expect(R.RAND_priv_bytes_ex(null, b, b.length, 256)).to.equal(1);
    expect(toHex(a)).to.equal(toHex(pubBytes));
    expect(toHex(b)).to.equal(toHex(privBytes));
    expect(R.RAND_bytes_ex(null, a, 16, 257)).to.equal(0);
    expect(errors()).to.deep.equal(['PROV:INSUFFICIENT_DRBG_STRENGTH', 'EVP:GENERATE_ERROR']);
  });

  it('RANDSHIM_3_configure: the [random] section as an object or as its lines, before the primary exists', () => {
    expect(R.RANDSHIM_3_configure({ random: 'HASH-DRBG', digest: 'SHA2-512' })).to.equal(1);
    expect(R.RANDSHIM_3_configure([['Seed_Properties', 'provider=default'], ['bogus', 'x'], ['DIGEST', 'SHA2-384']])).to.equal(0);
    expect(errors()).to.deep.equal(['CRYPTO:UNKNOWN_NAME_IN_RANDOM_SECTION']);
    const primary = R.RAND_get0_primary(null) as R.EVP_RAND_CTX;
    expect(R.EVP_RAND_get0_name(R.EVP_RAND_CTX_get0_rand(primary))).to.equal('HASH-DRBG');
    const digest = new Uint8Array(32);
    expect(R.EVP_RAND_CTX_get_params(primary, [R.OSSL_PARAM_construct_utf8_string(R.OSSL_DRBG_PARAM_DIGEST, digest, 32),
      R.OSSL_PARAM_construct_end()])).to.equal(1);
    expect(Buffer.from(digest.subarray(0, digest.indexOf(0))).toString()).to.equal('SHA2-384');
    expect(R.RANDSHIM_3_configure({ cipher: 'AES-128-CTR' })).to.equal(0);
    expect(R.RAND_set_DRBG_type(null, 'CTR-DRBG', null, null, null)).to.equal(0);
    expect(R.RAND_set_seed_source_type(null, null, null)).to.equal(0);
    expect(errors()).to.deep.equal(['RAND:ALREADY_INSTANTIATED', 'RAND:ALREADY_INSTANTIATED', 'RAND:ALREADY_INSTANTIATED']);
  });

  it('RAND_METHOD: another method gets every call (RAND_priv_bytes too), NULL members as in rand_lib.c', () => {
    const calls: string[] = [];
    const meth: R.RAND_METHOD = {
      seed: (_buf, num) => { calls.push(`seed ${num}`); return 1; },
      bytes: (buf, num) => { buf.fill(7, 0, num); calls.push(`bytes ${num}`); return 1; },
      cleanup: () => { calls.push('cleanup'); },
      add: (_buf, num, r) => { calls.push(`add ${num} ${r}`); return 1; },
      pseudorand: (_buf, num) => { calls.push(`pseudorand ${num}`); return 1; },
      status: () => { calls.push('status'); return 1; },
    };
    expect(R.RAND_get_rand_method()).to.equal(R.RAND_OpenSSL());
    expect(R.RAND_set_rand_method(meth)).to.equal(1);
    expect(R.RAND_get_rand_method()).to.equal(meth);
    const buf = new Uint8Array(8);
    expect([R.RAND_bytes(buf, 8), R.RAND_priv_bytes(buf, 4), R.RAND_bytes_ex(null, buf, 3, 512), R.RAND_priv_bytes_ex(null, buf, 2, 0),
      R.RAND_pseudo_bytes(buf, 5), R.RAND_status(), R.RAND_poll()]).to.deep.equal([1, 1, 1, 1, 1, 1, 1]);
    R.RAND_add(buf, 8, 2.5);
    R.RAND_seed(buf, 6);
    expect(calls).to.deep.equal(['bytes 8', 'bytes 4', 'bytes 3', 'bytes 2', 'pseudorand 5', 'status', 'add 32 32', 'add 8 2.5', 'seed 6']);
    expect(R.RAND_bytes(buf, -1)).to.equal(0); // the n < 0 check comes first
    // NULL members: bytes -1 with FUNC_NOT_IMPLEMENTED, status 0, seed / add fall back to the primary.
    R.RAND_set_rand_method({ seed: null, bytes: null, cleanup: null, add: null, pseudorand: null, status: null });
    expect([R.RAND_bytes(buf, 8), R.RAND_priv_bytes(buf, 8), R.RAND_pseudo_bytes(buf, 8), R.RAND_status(), R.RAND_poll()])
      .to.deep.equal([-1, -1, -1, 0, 0]);
    expect(errors()).to.deep.equal(['RAND:FUNC_NOT_IMPLEMENTED', 'RAND:FUNC_NOT_IMPLEMENTED', 'RAND:FUNC_NOT_IMPLEMENTED']);
    R.RAND_seed(utf8('abc'), 3);
    const primary = R.RAND_get0_primary(null) as R.EVP_RAND_CTX;
    expect(uintParam(primary, R.OSSL_DRBG_PARAM_RESEED_COUNTER)).to.equal(3); // instantiated (2), reseeded by RAND_seed
    R.RAND_set_rand_method(meth);
    R.RANDSHIM_3_reset(); // OPENSSL_cleanup: the method's cleanup runs
    expect(calls[calls.length - 1]).to.equal('cleanup');
    expect(R.RAND_get_rand_method()).to.equal(R.RAND_OpenSSL());
  });

  it('the default method\'s members are the chain\'s drbg_* functions', () => {
    pinned();
    const m = R.RAND_OpenSSL();
    const viaMethod = new Uint8Array(40);
    expect(m.bytes?.(viaMethod, 40)).to.equal(1);
    expect(m.status?.()).to.equal(1);
    expect(m.add?.(utf8('x'), 0, 1)).to.equal(0); // drbg_add: num <= 0 fails
    expect(m.cleanup).to.equal(null);
    pinned();
    const direct = new Uint8Array(40);
    expect(R.RAND_bytes(direct, 40)).to.equal(1);
    expect(toHex(viaMethod)).to.equal(toHex(direct));
  });

  it('C buffers shorter than their count are refused (PASSED_INVALID_ARGUMENT) where C would overrun them', () => {
    const short = new Uint8Array(4);
    expect(R.RAND_bytes(short, 5)).to.equal(0);
    expect(R.RAND_priv_bytes_ex(null, short, -1, 0)).to.equal(0); // size_t in C: a huge count
    R.RAND_add(short, 5, 5);
    R.RAND_seed(short, 5);
    expect(R.RAND_pseudo_bytes(short, 5)).to.equal(0);
    // compat/args: the DRBG refuses a short buffer after its own checks, then EVP_RAND_generate
    // adds its GENERATE_ERROR; RAND_add / RAND_seed refuse before the reseed
    expect(errors()).to.deep.equal(['PROV:PASSED_INVALID_ARGUMENT', 'EVP:GENERATE_ERROR',
      'PROV:PASSED_INVALID_ARGUMENT', 'EVP:GENERATE_ERROR', 'RAND:PASSED_INVALID_ARGUMENT',
      'RAND:PASSED_INVALID_ARGUMENT', 'PROV:PASSED_INVALID_ARGUMENT', 'EVP:GENERATE_ERROR']);
    const primary = R.RAND_get0_primary(null) as R.EVP_RAND_CTX;
    expect(uintParam(primary, R.OSSL_DRBG_PARAM_RESEED_COUNTER)).to.equal(2); // neither RAND_add nor RAND_seed reseeded
  });

  it('FIPS mode: with randshim\'s FIPS provider and fips=yes the chain is the FIPS provider\'s, parentless (it has no SEED-SRC)', () => {
    let osBytes = 0;
    const nonces: string[] = [];
    R.RANDSHIM_3_reset({
      osEntropy: (entropy, minLen) => { const n = Math.max(Math.ceil(entropy / 8), minLen); osBytes += n; return new Uint8Array(n).fill(1); },
      osNonce: (id) => { nonces.push(toHex(id)); return new Uint8Array(16); },
    }, { identities: { primary: PRIMARY_ID } });
    expect(R.OSSL_PROVIDER_load(null, 'fips')).to.not.equal(null);
    expect(R.EVP_default_properties_enable_fips(null, 1)).to.equal(1);
    const out = new Uint8Array(16);
    expect(R.RAND_bytes(out, 16)).to.equal(1);
    const primary = R.RAND_get0_primary(null) as R.EVP_RAND_CTX;
    expect(R.OSSL_PROVIDER_get0_name(R.EVP_RAND_get0_provider(R.EVP_RAND_CTX_get0_rand(primary)))).to.equal('fips');
    expect(osBytes).to.equal(32); // the primary from the OS: 32 bytes and a nonce, no SEED-SRC
    expect(nonces).to.deep.equal([toHex(PRIMARY_ID)]);
    expect(errors()).to.deep.equal([]); // the seed source's fetch errors are dropped
    // The front end itself is unchanged in FIPS mode: RAND_add is a reseed with additional input.
    R.RAND_add(utf8('hello'), 5, 0);
    expect(uintParam(primary, R.OSSL_DRBG_PARAM_RESEED_COUNTER)).to.equal(3);
    // Without fips=yes by default, a [random] properties query selects the FIPS DRBG alone.
    R.RANDSHIM_3_reset();
    R.OSSL_PROVIDER_load(null, 'fips');
    expect(R.RAND_set_DRBG_type(null, null, 'fips=yes', null, null)).to.equal(1);
    const fipsPrimary = R.RAND_get0_primary(null) as R.EVP_RAND_CTX;
    expect(R.OSSL_PROVIDER_get0_name(R.EVP_RAND_get0_provider(R.EVP_RAND_CTX_get0_rand(fipsPrimary)))).to.equal('fips');
  });

  it('RAND_write_file then RAND_load_file: 1024 bytes, each loaded chunk a primary reseed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'randshim-rand3-spec-'));
    try {
      const file = join(dir, 'seed.rnd');
      expect(R.RAND_write_file(file)).to.equal(1024);
      expect(readFileSync(file)).to.have.length(1024);
      writeFileSync(file, new Uint8Array(2305));
      const primary = R.RAND_get0_primary(null) as R.EVP_RAND_CTX;
      const before = uintParam(primary, R.OSSL_DRBG_PARAM_RESEED_COUNTER);
      expect(R.RAND_load_file(file, -1)).to.equal(2305);
      expect(uintParam(primary, R.OSSL_DRBG_PARAM_RESEED_COUNTER)).to.equal(before + 3); // 1024 + 1024 + 257
      const name = new Uint8Array(64);
      const saved = process.env.RANDFILE;
      process.env.RANDFILE = file;
      try {
        expect(R.RAND_file_name(name, name.length)).to.equal(file);
      } finally {
        if (saved === undefined) delete process.env.RANDFILE;
        else process.env.RANDFILE = saved;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
