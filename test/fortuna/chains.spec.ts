/**
 * DRBG chains seeded from randshim's Fortuna (issue 19, part 2): a 3.x primary (DrbgCtx under
 * the FORTUNA seed source) and a 1.1.1 master (RAND_DRBG with Fortuna's get_entropy callback).
 *
 * Proof, with no expectation computed by randshim:
 * - every seed the source handed out is the output of the real mirage-crypto-rng 0.10.7 for the
 *   same events (the OS feeds, the fresh OS reseeds), replayed through the OCaml driver;
 * - every output of the chain's DRBG equals real OpenSSL's (system libcrypto.so.3 through
 *   TEST-RAND, libcrypto.so.1.1 through RAND_DRBG callbacks) fed exactly those seeds;
 * - prediction resistance pulls fresh OS bytes (counted at the source), and a clone signal makes
 *   two identical copies of a whole chain (Fortuna included) differ, while without it they stay
 *   identical, as test/clone shows for the DRBGs.
 */
import { expect } from 'chai';
import { toHex } from '../../provider/bytes.js';
import { CloneGuard, DrbgCtx, type EntropyPoll } from '../../provider/index.js';
import { Fortuna } from '../../provider/fortuna/index.js';
import { fortunaEntropyCallbacks } from '../../provider/fortuna-111.js';
import { FortunaSeedSrc } from '../../provider/openssl3/rands/fortuna-seed-src.js';
import { DefaultChain3x } from '../../provider/openssl3/rand/default-chain.js';
import { RandDrbg } from '../../provider/openssl111/drbg-lib.js';
import { NID_aes_256_ctr, Rand111Context } from '../../provider/openssl111/drbg-context.js';
import { discoverMirage, runMirage } from '../../interop/builds/mirage-crypto/runner.js';
import type { MirageStep } from '../../interop/builds/mirage-crypto/script.js';
import { discoverBuild } from '../../interop/builds/registry.js';
import { libcrypto3Driver } from '../../interop/suites/differential/run-libcrypto.js';
import type { DiffCase, Driver, Step } from '../../interop/suites/differential/driver.js';

const FORTUNA_SEED = Uint8Array.from({ length: 40 }, (_, i) => (i * 29 + 3) & 0xff);
const NONCE = Uint8Array.from({ length: 16 }, (_, i) => 0xc0 + i);
const ADIN = Uint8Array.from({ length: 20 }, (_, i) => 0x40 + i);

type Logged = { kind: 'os'; bytes: Uint8Array } | { kind: 'seed'; bytes: Uint8Array };

/** A pinned OS (a different pattern on every call) and a log of what the source did. */
function pinnedSource(log: Logged[], cloneGuard: CloneGuard): FortunaSeedSrc {
  let call = 0;
  const os: EntropyPoll = (_entropy, minLen) => {
    call++;
    const bytes = Uint8Array.from({ length: minLen }, (_, i) => (call * 37 + i * 11 + 5) & 0xff);
    log.push({ kind: 'os', bytes: bytes.slice() });
    return bytes;
  };
  const src = new FortunaSeedSrc({
    fortuna: new Fortuna({ seed: FORTUNA_SEED }), os, bootstrap: false, jitter: false,
    osFeedIntervalMs: Number.POSITIVE_INFINITY, cloneGuard, forkId: () => 1,
  });
  const getSeed = src.getSeed.bind(src);
  src.getSeed = (entropy, minLen, maxLen, pr, adin) => {
    const seed = getSeed(entropy, minLen, maxLen, pr, adin);
    if (seed !== null) log.push({ kind: 'seed', bytes: seed.slice() });
    return seed;
  };
  return src;
}

/** The log as a mirage-crypto script: OS feeds are one event per pool from a new handle of
 * source 5 (8 bytes each), fresh OS bytes an explicit reseed with the frame [5; len] || bytes,
 * seeds a generate. The frame is written out here, not taken from randshim. */
function mirageScriptOf(log: readonly Logged[]): { steps: MirageStep[]; seeds: string[] } {
  const steps: MirageStep[] = [{ op: 'fortuna', time: false }, { op: 'reseed', data: toHex(FORTUNA_SEED) }];
  const seeds: string[] = [];
  for (const entry of log) {
    if (entry.kind === 'seed') {
      steps.push({ op: 'generate', n: entry.bytes.length });
      seeds.push(toHex(entry.bytes));
    } else if (entry.bytes.length === 256) {
      steps.push({ op: 'handle', source: 5 });
      for (let i = 0; i < 32; i++) steps.push({ op: 'acc', source: 5, data: toHex(entry.bytes.subarray(8 * i, 8 * i + 8)) });
    } else {
      steps.push({ op: 'reseed', data: '05' + entry.bytes.length.toString(16).padStart(2, '0') + toHex(entry.bytes) });
    }
  }
  return { steps, seeds };
}

function checkSeedsOnMirage(log: readonly Logged[]): number {
  const found = discoverMirage();
  if (!found.available || found.driver === undefined) throw new Error(found.reason);
  const { steps, seeds } = mirageScriptOf(log);
  const answers = runMirage(found.driver, steps);
  const generated = answers.filter((_, i) => steps[i].op === 'generate').map((a) => a.out);
  expect(generated).to.deep.equal(seeds);
  return seeds.length;
}

/** The steps both chains ran, as a differential case whose entropy is what Fortuna gave. A 3.x
 * DRBG whose parent has no nonce function asks it for entropy and nonce in one call, 3/2 of
 * the strength (drbg.c ossl_prov_drbg_instantiate, SP 800-90Ar1 8.6.7): CTR_DRBG's df reads
 * entropy || nonce as one string, so TEST-RAND gets the first 32 bytes as entropy and the rest
 * as nonce. The 1.1.1 master takes its nonce from get_nonce (NONCE). */
function caseOf(seeds: readonly Uint8Array[]): DiffCase {
  const combined = seeds[0].length === 48;
  const steps: Step[] = [
    {
      op: 'instantiate', entropy: toHex(seeds[0].subarray(0, 32)),
      nonce: combined ? toHex(seeds[0].subarray(32)) : toHex(NONCE),
    },
    { op: 'generate', outlen: 64 },
    { op: 'reseed', entropy: toHex(seeds[1]), adin: toHex(ADIN) },
    { op: 'generate', outlen: 32, predictionResistance: true, entropy: toHex(seeds[2]) },
    { op: 'generate', outlen: 48, adin: toHex(ADIN) },
  ];
  return { id: 'fortuna-chain', config: { mechanism: 'CTR-DRBG', cipher: 'AES-256-CTR', useDf: true }, steps };
}

async function outputsOn(driver: Driver, c: DiffCase): Promise<string[]> {
  const [result] = await driver.runBatch([c]);
  expect(result.created).to.equal(true);
  expect(result.steps.map((s) => s.ret)).to.deep.equal([1, 1, 1, 1, 1]);
  return result.steps.filter((s) => s.output !== undefined).map((s) => s.output as string);
}

const seedsOf = (log: readonly Logged[]): Uint8Array[] => log.filter((e) => e.kind === 'seed').map((e) => e.bytes);

describe('DRBG chains seeded from Fortuna', function () {
  it('3.x: a CTR-DRBG primary under FORTUNA equals real OpenSSL 3 fed the seeds mirage-crypto computes', async function () {
    const log: Logged[] = [];
    const src = pinnedSource(log, new CloneGuard());
    expect(src.instantiate()).to.equal(true);
    const primary = DrbgCtx.create({
      mechanism: { type: 'CTR-DRBG', cipher: 'AES-256-CTR' }, parent: src, osNonce: () => NONCE.slice(),
      cloneGuard: new CloneGuard(), forkId: () => 1,
    })!;
    expect(primary.setCtxParams({ reseed_requests: 0, reseed_time_interval: 0 })).to.equal(true);
    const outs: string[] = [];
    const gen = (n: number, pr: boolean, adin: Uint8Array | null): void => {
      const out = new Uint8Array(n);
      expect(primary.generate(out, 0, pr, adin)).to.equal(true);
      outs.push(toHex(out));
    };
    expect(primary.instantiate(0, false, null)).to.equal(true);
    gen(64, false, null);
    expect(primary.reseed(false, null, ADIN)).to.equal(true);
    const freshBefore = src.fortunaState().freshOsReseeds;
    gen(32, true, null);
    expect(src.fortunaState().freshOsReseeds - freshBefore, 'prediction resistance pulled fresh OS bytes').to.equal(1);
    gen(48, false, ADIN);

    const seeds = seedsOf(log);
    expect(seeds.map((s) => s.length), 'entropy + nonce in one call, then two reseeds').to.deep.equal([48, 32, 32]);
    expect(checkSeedsOnMirage(log)).to.equal(3);
    const found = await discoverBuild('system-3', 'evp-rand-3');
    if (!found.available) throw new Error(found.reason);
    const driver = libcrypto3Driver(found.handle, found.name);
    try {
      expect(await outputsOn(driver, caseOf(seeds))).to.deep.equal(outs);
    } finally {
      await driver.close();
    }
    primary.free();
    src.free();
    expect(src.verifyZeroization()).to.equal(true);
  });

  it('1.1.1: a RAND_DRBG master on Fortuna\'s get_entropy equals real OpenSSL 1.1.1w fed the same seeds', async function () {
    const log: Logged[] = [];
    const guard = new CloneGuard();
    const src = pinnedSource(log, guard);
    expect(src.instantiate()).to.equal(true);
    const context = new Rand111Context({ cloneGuard: guard, forkId: () => 1 });
    const master = RandDrbg.create(context, NID_aes_256_ctr, 0, null)!;
    const cb = fortunaEntropyCallbacks(src);
    expect(master.setCallbacks(cb.getEntropy, cb.cleanupEntropy, () => NONCE.slice(), null)).to.equal(true);
    expect(master.setReseedInterval(0) && master.setReseedTimeInterval(0)).to.equal(true);
    const outs: string[] = [];
    const gen = (n: number, pr: boolean, adin: Uint8Array | null): void => {
      const out = new Uint8Array(n);
      expect(master.generate(out, pr, adin)).to.equal(true);
      outs.push(toHex(out));
    };
    expect(master.instantiate(null)).to.equal(true);
    gen(64, false, null);
    expect(master.reseed(ADIN, false)).to.equal(true);
    gen(32, true, null);
    gen(48, false, ADIN);

    const seeds = seedsOf(log);
    expect(seeds.map((s) => s.length)).to.deep.equal([32, 32, 32]);
    expect(checkSeedsOnMirage(log)).to.equal(3);
    const found = await discoverBuild('system-1.1.1', 'rand-drbg-111');
    if (!found.available) throw new Error(found.reason);
    try {
      expect(await outputsOn(found.handle, caseOf(seeds))).to.deep.equal(outs);
    } finally {
      await found.handle.close();
    }
    master.free();
    src.free();
  });

  it('3.x default chain over FORTUNA: RAND_bytes, RAND_priv_bytes, and RAND_add as a caller event', function () {
    const src = new FortunaSeedSrc({ jitter: false });
    expect(src.instantiate()).to.equal(true);
    const chain = new DefaultChain3x({ seedSource: src });
    const a = new Uint8Array(100);
    const b = new Uint8Array(100);
    expect(chain.bytes(a, 100)).to.equal(1);
    expect(chain.privBytes(b, 100)).to.equal(1);
    expect(toHex(a)).to.not.equal(toHex(b));
    const before = src.fortunaState();
    expect(before.explicitReseeds, 'the bootstrap seed').to.equal(1);
    expect(before.osFeeds).to.equal(1);
    // Caller events go round the pools through one handle: 33 of them put two in pool 0.
    for (let i = 0; i < 32; i++) expect(src.addEvent(Uint8Array.of(i, i + 1, i + 2))).to.equal(true);
    // RAND_add (drbg_add): the primary's reseed with the buffer as additional input, as OpenSSL
    // does, and the buffer as one more caller event (the 33rd: pool 0 again).
    const seedsBefore = src.fortunaState().explicitReseeds;
    expect(chain.add(Uint8Array.of(9, 9, 9, 9, 9), 5, 0)).to.equal(1);
    const after = src.fortunaState();
    expect(after.callerEvents).to.equal(33);
    expect(after.pools[0].events - before.pools[0].events).to.equal(2);
    expect(after.pools[0].bytes - before.pools[0].bytes).to.equal(3 + 5);
    expect(after.pools[31].events - before.pools[31].events).to.equal(1);
    expect(after.explicitReseeds).to.equal(seedsBefore);
    chain.free();
    src.free();
  });

  it('clone safety: two identical copies of a Fortuna-seeded chain differ after a clone signal, and only then', function () {
    for (const signalled of [false, true]) {
      const guard = new CloneGuard();
      const make = (): { src: FortunaSeedSrc; primary: DrbgCtx } => {
        // The same pinned history for both: what a VM snapshot copies along with the memory.
        const src = pinnedSource([], guard);
        expect(src.instantiate()).to.equal(true);
        const primary = DrbgCtx.create({
          mechanism: { type: 'CTR-DRBG', cipher: 'AES-256-CTR' }, parent: src, osNonce: () => NONCE.slice(), cloneGuard: guard, forkId: () => 1,
        })!;
        expect(primary.instantiate(0, false, null)).to.equal(true);
        return { src, primary };
      };
      const original = make();
      const copy = make();
      const first = [new Uint8Array(32), new Uint8Array(32)];
      original.primary.generate(first[0], 0, false, null);
      copy.primary.generate(first[1], 0, false, null);
      expect(toHex(first[0]), 'identical copies').to.equal(toHex(first[1]));
      // After the restore each copy's OS answers differently (the kernel is not copied).
      let distinct = 0;
      for (const c of [original, copy]) {
        const tag = ++distinct;
        (c.src as unknown as { os: EntropyPoll }).os = (_e, minLen) => new Uint8Array(minLen).fill(0x10 * tag);
      }
      if (signalled) guard.deplete('snapshot restored');
      const a = new Uint8Array(32);
      const b = new Uint8Array(32);
      original.primary.generate(a, 0, false, null);
      copy.primary.generate(b, 0, false, null);
      if (signalled) {
        expect(toHex(a)).to.not.equal(toHex(b));
        expect(original.src.fortunaState().freshOsReseeds).to.equal(1);
        expect(copy.src.fortunaState().freshOsReseeds).to.equal(1);
      } else {
        expect(toHex(a)).to.equal(toHex(b));
        expect(original.src.fortunaState().freshOsReseeds).to.equal(0);
      }
      for (const c of [original, copy]) {
        c.primary.free();
        c.src.free();
      }
    }
  });

  it('a fork (new process id) also mixes fresh OS bytes into Fortuna before the next seed', function () {
    let pid = 100;
    const src = new FortunaSeedSrc({ jitter: false, forkId: () => pid, cloneGuard: new CloneGuard() });
    expect(src.instantiate()).to.equal(true);
    const seed = (): Uint8Array => src.getSeed(256, 32, 64, false, new Uint8Array(0))!;
    seed();
    expect(src.fortunaState().freshOsReseeds).to.equal(0);
    pid = 101;
    seed();
    expect(src.fortunaState().freshOsReseeds).to.equal(1);
    seed();
    expect(src.fortunaState().freshOsReseeds).to.equal(1);
    src.free();
  });

  it('FORTUNA refuses what SEED-SRC refuses, with its reasons', function () {
    const src = new FortunaSeedSrc({ jitter: false });
    expect(src.getSeed(256, 32, 64, false, new Uint8Array(0))).to.equal(null); // not instantiated
    expect(src.instantiate()).to.equal(true);
    expect(src.getSeed(1024, 32, 64, false, new Uint8Array(0))).to.equal(null); // 128 > max_len
    expect(src.getCtxParams(['strength', 'max_request', 'state'], {})).to.equal(true);
    const p: { strength?: number; max_request?: number; state?: number } = {};
    src.getCtxParams(['strength', 'max_request', 'state'], p);
    expect(p).to.deep.equal({ strength: 256, max_request: 65536, state: 1 });
    src.free();
  });
});
