/**
 * randshim's Fortuna on its own: zeroization, review state, and the event sources' framing
 * (Entropy.header, whirlwind_bootstrap, interrupt_hook, feed_pools of mirage-crypto-rng 0.10.7's
 * rng/entropy.ml). Output equality with the real library is mirage.spec.ts's job.
 */
import { expect } from 'chai';
import {
  bootstrapSeed, EventLoopJitter, feedPoolsFromOs, Fortuna, FORTUNA_SOURCE, jitterSample, whirlwindBootstrap,
} from '../../provider/fortuna/index.js';
import { FortunaSeedSrc } from '../../provider/openssl3/rands/fortuna-seed-src.js';
import { CloneGuard } from '../../provider/index.js';

describe('Fortuna: zeroization, state and event sources', function () {
  it('free() wipes key and counter and empties the pools; the object is unseeded again', function () {
    const f = new Fortuna({ seed: Uint8Array.of(1, 2, 3) });
    f.accumulate(2)(new Uint8Array(70).fill(9));
    f.generate(100);
    expect(f.isCleared()).to.equal(false);
    f.free();
    expect(f.isCleared()).to.equal(true);
    expect(f.seeded).to.equal(false);
    expect(f.state().pools.every((p) => p.events === 0 && p.bytes === 0)).to.equal(true);
    expect(() => f.generate(1)).to.throw('not been seeded');
  });

  it('state() shows pool fill and reseed counts, and the k-th pool reseed drains pools 0..v (2^v | k)', function () {
    const f = new Fortuna({ seed: new Uint8Array(8) });
    for (let k = 1; k <= 4; k++) {
      const h = f.accumulate(1);
      for (let i = 0; i < 32; i++) h(new Uint8Array(i === 0 ? 65 : 1));
      f.generate(1);
      const s = f.state();
      expect(s.reseedCount).to.equal(k);
      const drained = s.pools.filter((p) => p.events === 0).map((p) => p.index);
      // pools drained now: 0 always, 1 when k even, 2 when 4 | k; the others keep k' events
      expect(drained).to.deep.equal(k === 4 ? [0, 1, 2] : k === 2 ? [0, 1] : [0]);
    }
    expect(f.state().explicitReseeds).to.equal(1);
    f.free();
  });

  it('whirlwind bootstrap: 100 little-endian 16-bit clock samples framed [id; 200]', function () {
    let t = 0x1234n;
    const frame = whirlwindBootstrap(7, () => (t += 3n));
    expect(frame.length).to.equal(202);
    expect([frame[0], frame[1]]).to.deep.equal([7, 200]);
    expect([frame[2], frame[3]]).to.deep.equal([0x37, 0x12]); // first sample 0x1237
    expect([frame[200], frame[201]]).to.deep.equal([(0x1237 + 99 * 3) & 0xff, (0x1237 + 99 * 3) >> 8]);
  });

  it('the bootstrap seed is [whirlwind 0; whirlwind 1; whirlwind 2; 128 OS bytes as 3], as initialize builds it', function () {
    const seed = bootstrapSeed()!;
    expect(seed.length).to.equal(3 * 202 + 130);
    expect([seed[0], seed[1], seed[202], seed[203], seed[404], seed[405], seed[606], seed[607]])
      .to.deep.equal([0, 200, 1, 200, 2, 200, 3, 128]);
  });

  it('jitter samples are the low 32 bits of the clock, little-endian; the loop adds them round the pools', async function () {
    expect(Array.from(jitterSample(() => 0x1_0a0b0c0dn))).to.deep.equal([0x0d, 0x0c, 0x0b, 0x0a]);
    const f = new Fortuna({ seed: new Uint8Array(1) });
    const loop = new EventLoopJitter(f, 5).start();
    // Timer turns come when the event loop gets to them: wait for 3 (at most 5 s on a busy host).
    for (let waited = 0; loop.samples < 3 && waited < 5000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    loop.stop();
    const samples = loop.samples;
    expect(samples).to.be.at.least(3);
    const s = f.state();
    expect(s.pools.reduce((n, p) => n + p.events, 0)).to.equal(samples);
    // One handle: samples 0, 32, 64, ... land in pool 0.
    expect(s.pools[0].bytes).to.equal(4 * Math.ceil(samples / 32));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loop.samples, 'stopped').to.equal(samples);
    f.free();
  });

  it('an OS feed puts one event in each of the 32 pools', function () {
    const f = new Fortuna();
    feedPoolsFromOs(f);
    expect(f.state().pools.map((p) => p.bytes)).to.deep.equal(new Array(32).fill(8));
    expect(FORTUNA_SOURCE).to.deep.equal({ jitter: 4, os: 5, caller: 6 });
    f.free();
  });

  it('FORTUNA bootstraps before its first output and stops its jitter timer on free', function () {
    const src = new FortunaSeedSrc({ cloneGuard: new CloneGuard() });
    expect(src.fortuna.seeded).to.equal(false);
    expect(src.instantiate()).to.equal(true);
    const s = src.fortunaState();
    expect([s.seeded, s.explicitReseeds, s.osFeeds]).to.deep.equal([true, 1, 1]);
    expect(src.getSeed(256, 32, 64, false, new Uint8Array(0))).to.have.length(32);
    src.free();
    expect(src.verifyZeroization()).to.equal(true);
  });
});
