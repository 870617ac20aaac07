/**
 * node-forge 1.4.3's Fortuna-like `prng` next to randshim's Fortuna (mirage-crypto-rng 0.10.7's):
 * each documented deviation shown on forge itself, and ForgePrng (provider/fortuna/forge-prng.ts)
 * reproducing forge's output bit for bit with the deviations on, and leaving it when one is
 * switched off. Forge is driven through its own API (random.createInstance, collect, generate);
 * its seed file is pinned where outputs are compared.
 */
import { expect } from 'chai';
import { createRequire } from 'node:module';
import forge from 'node-forge';
import { toHex } from '../../provider/bytes.js';
import { Fortuna, FortunaUnseededError, ForgePrng, forgeWeakSeedFile, type ForgePrngOptions } from '../../provider/fortuna/index.js';
import { FortunaSeedSrc } from '../../provider/openssl3/rands/fortuna-seed-src.js';
import { CloneGuard } from '../../provider/index.js';
import { captureErrors } from '../../provider/err/queue.js';

/** The parts of forge's prng context the tests look at (lib/prng.js). */
interface ForgeCtx {
  pools: { messageLength: number }[];
  pool: number;
  reseeds: number;
  collect(bytes: string): void;
  generate(count: number): string;
  seedFileSync(needed: number): string;
}
const forgeRandom = forge.random as unknown as { createInstance(): ForgeCtx };

const binary = (b: Uint8Array): string => String.fromCharCode(...b);
const pattern = (n: number, salt = 0): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 7 + n + salt) & 0xff);

/** A forge instance and a ForgePrng sharing one pinned seed file; pulls counted on forge. */
function pair(options: ForgePrngOptions = {}): { theirs: ForgeCtx; ours: ForgePrng; pulls: number[] } {
  const pulls: number[] = [];
  const theirs = forgeRandom.createInstance();
  theirs.seedFileSync = (needed) => {
    pulls.push(needed);
    return binary(pattern(needed, pulls.length));
  };
  let n = 0;
  const ours = new ForgePrng({ seedFile: (needed) => pattern(needed, ++n), ...options });
  return { theirs, ours, pulls };
}

const hexOf = (s: string): string => forge.util.bytesToHex(s);

describe('node-forge prng and its deviations from Fortuna', function () {
  it('ForgePrng with forge\'s conventions equals forge\'s prng byte for byte (1 MiB reseed included)', function () {
    const { theirs, ours } = pair();
    let bytes = 0;
    let calls = 0;
    let nonEmptyCalls = 0;
    const lengths = [0, 1, 15, 16, 17, 33, 100, 1000, 4097, 0x100010];
    for (let round = 0; round < 3; round++) {
      for (const n of lengths) {
        if (round > 0 && n > 0x10000) continue;
        const event = pattern(1 + ((n * 13 + round) % 90), n);
        theirs.collect(binary(event));
        ours.collect(event);
        const a = hexOf(theirs.generate(n));
        expect(toHex(ours.generate(n))).to.equal(a);
        bytes += n;
        calls++;
        if (n > 0) nonEmptyCalls++;
      }
    }
    expect(ours.reseeds).to.equal(theirs.reseeds);
    expect(calls).to.equal(lengths.length + 2 * (lengths.length - 1));
    expect(bytes).to.be.greaterThan(0x100000);
    // Each non-empty call reseeds (an empty one generates nothing, so reseeds nothing), and the
    // 1 MiB request once more mid-call.
    expect(theirs.reseeds).to.equal(nonEmptyCalls + 1);
  });

  it('deviation 1: forge spreads one collect() byte by byte over the pools; Fortuna puts an event in one pool', function () {
    const { theirs, ours } = pair();
    theirs.collect('abc');
    expect(theirs.pools.slice(0, 4).map((p) => p.messageLength)).to.deep.equal([1, 1, 1, 0]);
    expect(theirs.pool).to.equal(3);
    const fortuna = new Fortuna();
    fortuna.accumulate(0)(Uint8Array.of(0x61, 0x62, 0x63));
    expect(fortuna.state().pools.slice(0, 2).map((p) => [p.events, p.bytes])).to.deep.equal([[1, 3], [0, 0]]);
    ours.collect(Uint8Array.of(0x61, 0x62, 0x63));
    expect(ours.poolLengthsNow().slice(0, 4)).to.deep.equal([1, 1, 1, 0]);
    // Switched to one event per pool, the same inputs no longer give forge's bytes.
    const evented = pair({ collect: 'event' });
    evented.theirs.collect('abc');
    evented.ours.collect(Uint8Array.of(0x61, 0x62, 0x63));
    expect(evented.ours.poolLengthsNow().slice(0, 2)).to.deep.equal([3, 0]);
    expect(toHex(evented.ours.generate(32))).to.not.equal(hexOf(evented.theirs.generate(32)));
    expect(toHex(ours.generate(32))).to.equal(hexOf(theirs.generate(32)));
  });

  it('deviation 2: forge reseeds from its pools once pool 0 has 32 bytes; Fortuna 0.10.7 needs more than 64', function () {
    for (const [collected, expectedPulls] of [[32 * 32, 0], [31 * 32, 1]] as const) {
      const { theirs, ours, pulls } = pair();
      theirs.collect(binary(pattern(collected)));
      ours.collect(pattern(collected));
      expect(hexOf(theirs.generate(16))).to.equal(toHex(ours.generate(16)));
      expect(pulls.length).to.equal(expectedPulls);
      if (expectedPulls === 1) expect(pulls[0], '(32 - 31) << 5').to.equal(32);
    }
    // Fortuna: 64 bytes in pool 0 do not seed it, 65 do.
    for (const [bytes, seeds] of [[64, false], [65, true]] as const) {
      const fortuna = new Fortuna();
      fortuna.accumulate(0)(new Uint8Array(bytes).fill(1));
      if (seeds) expect(fortuna.generate(16)).to.have.length(16);
      else expect(() => fortuna.generate(16)).to.throw(FortunaUnseededError);
    }
    // ForgePrng at Fortuna's threshold tops up from the seed file where forge did not.
    const strict = pair({ minPool0Bytes: 65 });
    strict.ours.collect(pattern(32 * 32));
    strict.ours.generate(16);
    expect(strict.ours.seedFilePulls).to.equal(1);
  });

  it('deviation 3: every forge generate call reseeds from the pools; Fortuna reseeds only when pool 0 is due', function () {
    const { theirs, ours, pulls } = pair();
    for (let i = 0; i < 3; i++) expect(hexOf(theirs.generate(8))).to.equal(toHex(ours.generate(8)));
    expect(theirs.reseeds).to.equal(3);
    expect(pulls).to.have.length(3); // pool 0 is drained each time, so the seed file tops it up
    const fortuna = new Fortuna({ seed: pattern(32) });
    for (let i = 0; i < 3; i++) fortuna.generate(8);
    expect(fortuna.state().reseedCount).to.equal(0);
    const once = pair({ reseedEveryCall: false });
    const outs = [0, 1, 2].map(() => toHex(once.ours.generate(8)));
    expect(once.ours.reseeds).to.equal(1);
    expect(new Set(outs).size).to.equal(3);
  });

  describe('deviation 4: without a crypto API forge falls back to Math.random', function () {
    const require = createRequire(import.meta.url);
    const prngPath = require.resolve('node-forge/lib/prng.js');
    const options = (forge as unknown as { options: { usePureJavaScript: boolean } }).options;
    const cryptoDescriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    const realRandom = Math.random;
    /** Reloads lib/prng.js, which decides at load time whether Node's crypto is there. */
    const reloadPrng = (): void => {
      delete require.cache[prngPath];
      require(prngPath);
    };
    before(function () {
      options.usePureJavaScript = true;
      reloadPrng();
      Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true, writable: true });
    });
    after(function () {
      Math.random = realRandom;
      if (cryptoDescriptor !== undefined) Object.defineProperty(globalThis, 'crypto', cryptoDescriptor);
      options.usePureJavaScript = false;
      reloadPrng();
    });

    /** A fixed "Math.random": what an attacker who knows its state sees. */
    const stub = (): (() => number) => {
      let x = 0x2545f491;
      return () => {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        return x / 4294967296;
      };
    };

    it('forge\'s output is then a function of Math.random alone, and ForgePrng reproduces it', function () {
      const outputs: string[] = [];
      for (let run = 0; run < 2; run++) {
        Math.random = stub();
        outputs.push(hexOf(forgeRandom.createInstance().generate(48)));
        Math.random = realRandom;
      }
      expect(outputs[0], 'two fresh instances, same Math.random: same bytes').to.equal(outputs[1]);
      const ours = new ForgePrng({ seedFile: forgeWeakSeedFile(stub()) });
      expect(toHex(ours.generate(48))).to.equal(outputs[0]);
    });

    it('randshim\'s FORTUNA never falls back: without the OS it fails with OpenSSL\'s reason', function () {
      const src = new FortunaSeedSrc({ os: () => null, bootstrap: false, jitter: false, cloneGuard: new CloneGuard() });
      const { result, raised } = captureErrors(() => src.instantiate());
      expect(result).to.equal(false);
      expect(raised.map((e) => e.reason)).to.deep.equal(['ERROR_RETRIEVING_ENTROPY']);
      expect(src.getSeed(256, 32, 64, false, new Uint8Array(0))).to.equal(null);
      src.free();
      // The bootstrap's OS frame goes through the same OS: no seed from timing alone either.
      const booting = new FortunaSeedSrc({ os: () => null, jitter: false, cloneGuard: new CloneGuard() });
      const boot = captureErrors(() => booting.instantiate());
      expect([boot.result, booting.fortuna.seeded]).to.deep.equal([false, false]);
      expect(boot.raised.map((e) => e.reason)).to.deep.equal(['ERROR_RETRIEVING_ENTROPY']);
      booting.free();
    });
  });

  it('also seen: forge\'s Node seed file decodes randomBytes as UTF-8, so its "bytes" are not bytes', function () {
    const ctx = forgeRandom.createInstance();
    const s = ctx.seedFileSync(256);
    const codes = Array.from(s, (c) => c.charCodeAt(0));
    // Invalid UTF-8 sequences become U+FFFD: 256 random bytes contain some with near certainty.
    expect(codes.some((c) => c > 0xff)).to.equal(true);
    expect(s.includes('\ufffd')).to.equal(true);
  });
});
