/**
 * Where mirage-crypto-rng 0.10.7's Hmac_drbg (rng/hmac_drbg.ml) is not SP 800-90A's HMAC_DRBG
 * (section 10.1.2), each shown on the real library: its answer equals a by-hand computation
 * of what hmac_drbg.ml does (node:crypto's HMAC, written out here), and differs from randshim's
 * SP 800-90A mechanism (OpenSSL's drbg_hmac.c conventions). The campaign in mirage.spec.ts
 * stays clear of these corners; docs/fortuna.md lists them.
 */
import { expect } from 'chai';
import { createHmac } from 'node:crypto';
import { fromHex, toHex } from '../../provider/bytes.js';
import { HmacDrbgMechanism } from '../../provider/sp800-90a/hmac-drbg.js';
import { findDigest, getBackend } from '../../provider/sp800-90a/primitives/index.js';
import { discoverMirage, runMirage } from '../../interop/builds/mirage-crypto/runner.js';
import type { MirageStep } from '../../interop/builds/mirage-crypto/script.js';

const SEED = Uint8Array.from({ length: 48 }, (_, i) => i * 5 + 1);
const hmac = (k: Uint8Array, ...parts: Uint8Array[]): Uint8Array => {
  const h = createHmac('sha256', k);
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

/** hmac_drbg.ml, by hand: reseed always runs both rounds; generate n computes ceil(n/32)
 * blocks, then K = HMAC(K, V || 0x00), V = HMAC(K, V). */
class ByHand {
  k: Uint8Array = new Uint8Array(32);
  v: Uint8Array = new Uint8Array(32).fill(1);
  reseed(cs: Uint8Array): void {
    this.k = hmac(this.k, this.v, Uint8Array.of(0), cs);
    this.v = hmac(this.k, this.v);
    this.k = hmac(this.k, this.v, Uint8Array.of(1), cs);
    this.v = hmac(this.k, this.v);
  }
  generate(n: number): string {
    let out = '';
    for (let i = 0; i < Math.ceil(n / 32); i++) {
      this.v = hmac(this.k, this.v);
      out += toHex(this.v);
    }
    this.k = hmac(this.k, this.v, Uint8Array.of(0));
    this.v = hmac(this.k, this.v);
    return out.slice(0, 2 * n);
  }
}

function sp80090a(): HmacDrbgMechanism {
  const m = new HmacDrbgMechanism(findDigest('SHA2-256')!, getBackend('node'));
  m.instantiate(SEED, null, null);
  return m;
}

function gen(m: HmacDrbgMechanism, n: number, adin: Uint8Array | null = null): string {
  const out = new Uint8Array(n);
  m.generate(out, adin, 0);
  return toHex(out);
}

describe('mirage-crypto Hmac_drbg: its corners outside SP 800-90A', function () {
  let driver = '';
  before(function () {
    const found = discoverMirage();
    if (!found.available || found.driver === undefined) throw new Error(found.reason);
    driver = found.driver;
  });
  const mirage = (steps: MirageStep[]): string[] =>
    runMirage(driver, [{ op: 'hmac' }, { op: 'reseed', data: toHex(SEED) }, ...steps])
      .slice(2).filter((a) => a.out !== undefined).map((a) => a.out as string);

  it('reseed of empty data runs Update\'s second round (10.1.2.2 step 3 returns after the first)', function () {
    const [theirs] = mirage([{ op: 'reseed', data: '' }, { op: 'generate', n: 64 }]);
    const hand = new ByHand();
    hand.reseed(SEED);
    hand.reseed(new Uint8Array(0));
    expect(theirs).to.equal(hand.generate(64));
    const ours = sp80090a();
    ours.reseed(new Uint8Array(0), null);
    expect(gen(ours, 64)).to.not.equal(theirs);
  });

  it('generate 0 skips V = HMAC(K, V) before its Update (drbg_hmac.c and randshim compute it)', function () {
    const [empty, next] = mirage([{ op: 'generate', n: 0 }, { op: 'generate', n: 32 }]);
    expect(empty).to.equal('');
    const hand = new ByHand();
    hand.reseed(SEED);
    hand.generate(0);
    expect(next).to.equal(hand.generate(32));
    const ours = sp80090a();
    expect(gen(ours, 0)).to.equal('');
    expect(gen(ours, 32)).to.not.equal(next);
  });

  it('no additional input on generate: reseed(adin) then generate gives SP 800-90A\'s bytes, not its next state', function () {
    const adin = fromHex('a0a1a2a3a4a5a6a7');
    const [first, second] = mirage([{ op: 'reseed', data: toHex(adin) }, { op: 'generate', n: 40 }, { op: 'generate', n: 40 }]);
    const ours = sp80090a();
    // Generate(40, adin) = Update(adin), blocks, Update(adin): the same 40 bytes ...
    expect(gen(ours, 40, adin)).to.equal(first);
    // ... but SP 800-90A's closing Update takes adin and mirage's takes nothing.
    expect(gen(ours, 40)).to.not.equal(second);
  });

  it('no request limit: one generate of 70000 bytes (SP 800-90A caps a request at 2^16 bytes)', function () {
    const [theirs] = mirage([{ op: 'generate', n: 70000 }]);
    expect(theirs.length).to.equal(140000);
    // The mechanism computes it the same way; randshim's DRBG layers refuse it (max_request).
    expect(gen(sp80090a(), 70000)).to.equal(theirs);
  });
});
