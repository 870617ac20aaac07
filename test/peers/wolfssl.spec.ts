/**
 * wolfSSL 5.5.4's Hash_DRBG (SHA-256) through wc_RNG_HealthTest_ex against randshim in
 * wolfSSL's conventions (provider/conventions/wolfssl-hash.ts): NIST CAVP vectors that fit the
 * health test's shape, a seeded campaign, and the library's own rules (fixed 128-byte output,
 * argument checks, no minimum seed length).
 */
import { expect } from 'chai';
import { toHex } from '../../provider/bytes.js';
import { WOLFSSL_RESULT, WolfsslHashDrbg, wolfsslHealthTest, type HealthTestInput } from '../../provider/conventions/wolfssl-hash.js';
import { HashDrbgMechanism } from '../../provider/sp800-90a/hash-drbg.js';
import { findDigest, getBackend } from '../../provider/sp800-90a/primitives/index.js';
import { runNistOnWolfssl } from '../../interop/suites/peers/nist.js';
import { runWolfsslCampaign } from '../../interop/suites/peers/wolfssl-campaign.js';
import { describeMismatches, wolfssl } from './helpers.js';

const bytes = (n: number, start = 0): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (start + i) & 0xff);

function both(input: HealthTestInput): { ret: number; output: string } {
  const lib = wolfssl().healthTest(input);
  const ours = wolfsslHealthTest(input);
  expect({ ret: ours.ret, output: toHex(ours.output) }).to.deep.equal({ ret: lib.ret, output: toHex(lib.output) });
  return { ret: lib.ret, output: toHex(lib.output) };
}

describe('peers: wolfSSL Hash_DRBG', function () {
  this.timeout(60000);

  it('is the library it claims to be, from its Debian package', () => {
    const build = wolfssl();
    expect(build.version).to.match(/^5\.5\.\d+$/);
    expect(build.debianPackage).to.match(/^libwolfssl35 5\.5\./);
  });

  it('the NIST CAVP Hash_DRBG SHA-256 cases without personalization or additional input pass', () => {
    const nist = runNistOnWolfssl(wolfssl());
    expect(nist.libraryFailures).to.deep.equal([]);
    expect(nist.randshimFailures).to.deep.equal([]);
    // CAVS 14.3 in evprand.txt: 480 no-reseed + 240 PR SHA-256 cases; 120 have no pers/adin.
    expect(nist.cases).to.equal(120);
    expect(nist.notApplicable).to.equal(600);
    expect(nist.bytes).to.equal(120 * 128);
  });

  it('1500 seeded health tests agree (return code and the whole output buffer)', () => {
    const totals = runWolfsslCampaign(wolfssl(), 1818, 1500);
    expect(totals.mismatches, describeMismatches(totals.mismatches)).to.deep.equal([]);
    expect(totals.cases).to.equal(1500);
    expect(totals.refusals).to.be.greaterThan(50);
    expect(totals.bytes).to.equal((1500 - totals.refusals) * 128);
  });

  it('outputSz must be exactly 128 (RNG_HEALTH_TEST_CHECK_SIZE): -1 otherwise, output untouched', () => {
    for (const outputSize of [0, 64, 127, 129, 256]) {
      const r = both({ reseed: false, nonce: null, seedA: bytes(32), seedB: null, outputSize });
      expect(r.ret).to.equal(WOLFSSL_RESULT.TEST_FAILED);
      expect(r.output).to.equal('00'.repeat(outputSize));
    }
  });

  it('NULL seedA, or reseed without seedB: BAD_FUNC_ARG (-173)', () => {
    expect(both({ reseed: false, nonce: null, seedA: null, seedB: null, outputSize: 128 }).ret).to.equal(-173);
    expect(both({ reseed: true, nonce: null, seedA: bytes(32), seedB: null, outputSize: 128 }).ret).to.equal(-173);
  });

  it('no minimum seed length: an empty seed instantiates (OpenSSL requires 32 bytes of entropy)', () => {
    const r = both({ reseed: true, nonce: null, seedA: new Uint8Array(0), seedB: new Uint8Array(0), outputSize: 128 });
    expect(r.ret).to.equal(0);
    const openssl = new HashDrbgMechanism(findDigest('SHA256')!, getBackend());
    expect(openssl.limits.minEntropyLen).to.equal(32);
    expect(openssl.limits.minNonceLen).to.equal(16);
  });

  it('a NULL nonce and an empty one are the same input (Hash_df skips an empty inB)', () => {
    const a = both({ reseed: false, nonce: null, seedA: bytes(48), seedB: null, outputSize: 128 });
    const b = both({ reseed: false, nonce: new Uint8Array(0), seedA: bytes(48), seedB: null, outputSize: 128 });
    expect(a.output).to.equal(b.output);
  });

  it('the output is the second generate: the first block is thrown away (NIST DRBGVS procedure)', () => {
    const input = { reseed: true, nonce: bytes(16, 100), seedA: bytes(32), seedB: bytes(32, 50), outputSize: 128 };
    const lib = both(input);
    const mech = new HashDrbgMechanism(findDigest('SHA256')!, getBackend());
    mech.instantiate(input.seedA, input.nonce, null);
    mech.reseed(input.seedB, null);
    const first = new Uint8Array(128);
    const second = new Uint8Array(128);
    mech.generate(first, null, 1);
    mech.generate(second, null, 2);
    expect(toHex(second)).to.equal(lib.output);
    expect(toHex(first)).to.not.equal(lib.output);
  });

  it('Hash_DRBG_Uninstantiate: randshim\'s V and C are zero afterwards', () => {
    const drbg = new WolfsslHashDrbg();
    drbg.instantiate(bytes(32), bytes(16));
    expect(drbg.generate(new Uint8Array(32))).to.equal(WOLFSSL_RESULT.DRBG_SUCCESS);
    expect(drbg.verifyZeroization()).to.equal(false);
    drbg.uninstantiate();
    expect(drbg.verifyZeroization()).to.equal(true);
  });
});
