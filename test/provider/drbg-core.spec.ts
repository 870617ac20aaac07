/**
 * The generic DRBG's state machine (OpenSSL 3.0 drbg.c): instantiate/reseed/generate paths,
 * automatic reseeds by count, time, fork and parent reseed, error recovery, and a check vector
 * recorded from a real libcrypto 3.0.19 run (docs/openssl-behaviour.md, "A deterministic 3.0 check").
 */
import { expect } from 'chai';
import { fromHex, toHex, utf8 } from '../../provider/bytes.js';
import { DEFAULT_PERS_3X, DrbgCtx } from '../../provider/openssl3/rands/drbg.js';
import { Drbg } from '../../provider/drbg.js';
import { TestRand } from '../../provider/openssl3/rands/test-rand.js';
import { DrbgError } from '../../provider/err/queue.js';
import type { RandImpl } from '../../provider/openssl3/rands/rand-impl.js';
import { RandState } from '../../provider/openssl3/rands/rand-impl.js';
import { call, pattern } from './helpers.js';

const CTR256 = { type: 'CTR-DRBG', cipher: 'AES-256-CTR' } as const;

/** A TEST-RAND whose get_seed calls are counted. */
function countingTestRand(strength = 256): { parent: TestRand & RandImpl; pulls: () => number } {
  const parent = TestRand.create(strength, pattern(48), pattern(16, 0x64));
  parent.instantiate(0);
  let pulls = 0;
  const getSeed = parent.getSeed.bind(parent);
  parent.getSeed = (...args) => {
    pulls++;
    return getSeed(...args);
  };
  return { parent, pulls: () => pulls };
}

describe('generic DRBG state machine', () => {
  it('reproduces real OpenSSL 3.0.19: CTR AES-256 under TEST-RAND with the default personalization', () => {
    // test_rng.c's TEST-RAND: strength 256, entropy 00..2f, nonce 64..73; child pers NULL.
    const parent = TestRand.create(256, pattern(48), pattern(16, 0x64));
    parent.instantiate(256);
    const drbg = new Drbg({ mechanism: CTR256, parent });
    drbg.instantiate({ strength: 256 });
    expect(toHex(drbg.generate(32))).to.equal('ee18e8a0c79a42272eb43ead14268dc85752caf9e1fa0ea509106f0504fa5db8');
    expect(toHex(drbg.generate(32, { additionalInput: utf8('abc') })))
      .to.equal('6054cefa1b146f95979a8df01cf9a0ed1679fbed06e8a7bc736352e6bc00b694');
  });

  it('a NULL personalization is the 29-byte default (with its NUL), an empty one is none', () => {
    expect(DEFAULT_PERS_3X.length).to.equal(29);
    expect(DEFAULT_PERS_3X[28]).to.equal(0);
    const run = (pers: Uint8Array | null): string => {
      const parent = TestRand.create(256, pattern(48), pattern(16, 0x64));
      parent.instantiate(0);
      const d = new Drbg({ mechanism: CTR256, parent });
      d.instantiate({ personalization: pers });
      return toHex(d.generate(32));
    };
    expect(run(null)).to.equal(run(DEFAULT_PERS_3X));
    expect(run(new Uint8Array(0))).to.not.equal(run(null));
  });

  it('instantiate on a READY DRBG raises ALREADY_INSTANTIATED yet returns 1 (OpenSSL quirk)', () => {
    const { parent } = countingTestRand();
    const ctx = DrbgCtx.create({ mechanism: CTR256, parent })!;
    expect(ctx.instantiate(0, false, null)).to.equal(true);
    const again = call(() => ctx.instantiate(0, false, null));
    expect(again.result).to.equal(true);
    expect(again.reasons).to.deep.equal(['ALREADY_INSTANTIATED']);
    expect(ctx.state).to.equal(RandState.READY);
    const drbg = new Drbg({ mechanism: CTR256, parent });
    drbg.instantiate();
    expect(() => drbg.instantiate()).to.throw(DrbgError).with.property('reason', 'ALREADY_INSTANTIATED');
  });

  it('generate on an uninstantiated DRBG instantiates it implicitly with the default pers', () => {
    const a = countingTestRand();
    const implicit = DrbgCtx.create({ mechanism: CTR256, parent: a.parent })!;
    const out1 = new Uint8Array(32);
    expect(implicit.generate(out1, 0, false, null)).to.equal(true);
    const b = countingTestRand();
    const explicit = DrbgCtx.create({ mechanism: CTR256, parent: b.parent })!;
    explicit.instantiate(256, false, null);
    const out2 = new Uint8Array(32);
    explicit.generate(out2, 0, false, null);
    expect(toHex(out1)).to.equal(toHex(out2));
  });

  it('reseeds by count: interval N reseeds on generate N, then every N-1 (counter from 1, >= test)', () => {
    for (const interval of [1, 2, 3, 5, 8]) {
      const { parent, pulls } = countingTestRand();
      const ctx = DrbgCtx.create({ mechanism: CTR256, parent })!;
      ctx.reseedInterval = interval;
      ctx.instantiate(0, false, null);
      const reseededAt: number[] = [];
      for (let call = 1; call <= 20; call++) {
        const before = pulls();
        ctx.generate(new Uint8Array(8), 0, false, null);
        if (pulls() > before) reseededAt.push(call);
      }
      const expected: number[] = [];
      let counter = 1;
      for (let call = 1; call <= 20; call++) {
        if (counter >= interval) {
          expected.push(call);
          counter = 1;
        }
        counter++;
      }
      expect(reseededAt, `interval ${interval}`).to.deep.equal(expected);
      expect(expected[0], `interval ${interval}`).to.equal(interval);
    }
  });

  it('reseeds by time, and when the clock moves backwards', () => {
    let now = 1000;
    const { parent, pulls } = countingTestRand();
    const ctx = DrbgCtx.create({ mechanism: CTR256, parent, clock: () => now })!;
    ctx.reseedInterval = 0;
    ctx.reseedTimeInterval = 60;
    ctx.instantiate(0, false, null);
    const gen = (): number => {
      const before = pulls();
      ctx.generate(new Uint8Array(1), 0, false, null);
      return pulls() - before;
    };
    now = 1059;
    expect(gen()).to.equal(0);
    now = 1060;
    expect(gen()).to.equal(1);
    expect(ctx.reseedTime).to.equal(1060);
    now = 1059;
    expect(gen()).to.equal(1);
    now = 5000;
    ctx.reseedTimeInterval = 0;
    expect(gen()).to.equal(0);
  });

  it('reseeds when the fork id (pid) changes', () => {
    let pid = 100;
    const { parent, pulls } = countingTestRand();
    const ctx = DrbgCtx.create({ mechanism: CTR256, parent, forkId: () => pid })!;
    ctx.reseedInterval = 0;
    ctx.instantiate(0, false, null);
    ctx.generate(new Uint8Array(1), 0, false, null);
    const before = pulls();
    pid = 101;
    ctx.generate(new Uint8Array(1), 0, false, null);
    expect(pulls()).to.equal(before + 1);
    ctx.generate(new Uint8Array(1), 0, false, null);
    expect(pulls()).to.equal(before + 1);
  });

  it('under a DRBG parent: 1.5x entropy instead of a nonce, the first generate reseeds, parent reseeds propagate', () => {
    const { parent: root } = countingTestRand();
    const primary = DrbgCtx.create({ mechanism: CTR256, parent: root })!;
    primary.instantiate(0, false, null);
    const seen: { len: number; adin: string }[] = [];
    const getSeed = primary.getSeed.bind(primary);
    primary.getSeed = (entropy, minLen, maxLen, pr) => {
      const s = getSeed(entropy, minLen, maxLen, pr);
      seen.push({ len: s?.length ?? -1, adin: toHex(primary.identity) });
      return s;
    };
    const child = DrbgCtx.create({ mechanism: CTR256, parent: primary })!;
    expect(child.instantiate(0, false, null)).to.equal(true);
    expect(seen.map((s) => s.len)).to.deep.equal([48]);
    expect(child.reseedCounter).to.equal(2);
    child.generate(new Uint8Array(16), 0, false, null);
    expect(seen.map((s) => s.len)).to.deep.equal([48, 32]);
    expect(child.reseedCounter).to.equal(3);
    child.generate(new Uint8Array(16), 0, false, null);
    expect(seen.length).to.equal(2);
    expect(primary.reseed(false, null, null)).to.equal(true);
    child.generate(new Uint8Array(16), 0, false, null);
    expect(seen.length).to.equal(3);
  });

  it('recovers from the error state once entropy returns', () => {
    let healthy = false;
    const ctx = DrbgCtx.create({
      mechanism: CTR256,
      osEntropy: (_e, min) => (healthy ? pattern(min) : null),
    })!;
    const first = call(() => ctx.instantiate(0, false, null));
    expect(first.result).to.equal(false);
    expect(first.reasons).to.deep.equal(['ERROR_RETRIEVING_ENTROPY']);
    expect(ctx.state).to.equal(RandState.ERROR);
    const out = new Uint8Array(16);
    const stillBad = call(() => ctx.generate(out, 0, false, null));
    expect(stillBad.reasons).to.deep.equal(['ERROR_RETRIEVING_ENTROPY', 'IN_ERROR_STATE']);
    healthy = true;
    expect(ctx.generate(out, 0, false, null)).to.equal(true);
    expect(ctx.state).to.equal(RandState.READY);
  });

  it('explicit reseed entropy reseeds twice; in FIPS mode it is only additional input', () => {
    const outputs = (fips: boolean, ent: Uint8Array | null): string => {
      const parent = TestRand.create(256, pattern(48), pattern(16));
      parent.instantiate(0);
      const ctx = DrbgCtx.create({ mechanism: { type: 'HASH-DRBG', digest: 'SHA2-256' }, parent, fips })!;
      ctx.instantiate(0, false, new Uint8Array(0));
      expect(ctx.reseed(false, ent, utf8('adin'))).to.equal(true);
      const out = new Uint8Array(32);
      ctx.generate(out, 0, false, null);
      return toHex(out);
    };
    const ent = fromHex('11'.repeat(32));
    expect(outputs(false, ent)).to.not.equal(outputs(false, null));
    expect(outputs(true, ent)).to.not.equal(outputs(false, ent));
    // CTR refuses a NULL entropy input, so in FIPS mode the extra reseed fails (drbg_ctr.c).
    const parent = TestRand.create(256, pattern(48), pattern(16));
    parent.instantiate(0);
    const ctr = DrbgCtx.create({ mechanism: CTR256, parent, fips: true })!;
    ctr.instantiate(0, false, null);
    const r = call(() => ctr.reseed(false, ent, null));
    expect(r.result).to.equal(false);
    expect(r.reasons).to.deep.equal(['UNABLE_TO_RESEED']);
    expect(ctr.state).to.equal(RandState.ERROR);
  });
});
