/**
 * Clone-safety detection and controls in one process (issue 7): VM generation counters read
 * from files the tests write (mapped and read), the guard's epoch and its snapshot window,
 * deplete, reseed-now, prediction resistance (provider, 3.x and 1.1.1 personalities, per DRBG
 * and global), and the diversifier for clones whose entropy source holds no entropy.
 *
 * Every DRBG here uses a CloneGuard of its own (or a personality reset with one), so nothing
 * leaks into the realm's guard that other specs use. Entropy pulls are counted at the source.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as R111 from '../../compat/openssl111/index.js';
import * as R3 from '../../compat/openssl3/index.js';
import {
  CloneGuard, counterSources, Drbg, DrbgError, GenerationCounterError, openGenerationCounter, openSysgenid,
  openVmclock, type EntropyPoll,
} from '../../provider/index.js';
import { toHex } from '../../provider/bytes.js';
import { countedOsEntropy } from '../../scripts/clone/counted-entropy.js';
import { vmclockPage } from './helpers.js';


/** A "seed file copied with the clone": the same bytes on every pull. */
const constantSource: EntropyPoll = (_entropy, minLen) => new Uint8Array(Math.max(minLen, 48)).fill(0x5a);

let bytesCompared = 0;
function differ(a: Uint8Array, b: Uint8Array): void {
  expect(toHex(a)).to.not.equal(toHex(b));
  bytesCompared += a.length + b.length;
}
function same(a: Uint8Array, b: Uint8Array): void {
  expect(toHex(a)).to.equal(toHex(b));
  bytesCompared += a.length + b.length;
}

describe('clone safety: detection and controls in one process', function () {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'randshim-clone-')); });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    console.log(`      controls: ${bytesCompared} bytes compared`);
  });

  describe('VM generation counters', () => {
    for (const access of ['mmap', 'pread'] as const) {
      it(`vmclock (${access}): reads the counter at offset 104 and sees every change`, () => {
        const file = join(dir, `vmclock-${access}`);
        writeFileSync(file, vmclockPage(41n));
        const counter = openVmclock(file, access);
        try {
          expect(counter.access).to.equal(access);
          expect(counter.value()).to.equal(41n);
          expect(counter.changed()).to.equal(false);
          writeFileSync(file, vmclockPage(0x1_0000_0029n)); // only the high word moves
          expect(counter.value()).to.equal(0x1_0000_0029n);
          expect(counter.changed()).to.equal(true);
          expect(counter.changed(), 'a change is reported once').to.equal(false);
        } finally {
          counter.close();
        }
        expect(counter.changed(), 'a closed counter reads nothing').to.equal(false);
      });
    }

    for (const access of ['mmap', 'pread'] as const) {
      it(`vmclock (${access}): a page being written (odd seq_count) never yields a torn value; it reads as a change`, () => {
        const file = join(dir, `vmclock-seq-${access}`);
        writeFileSync(file, vmclockPage(5n, { seqCount: 8 }));
        const counter = openVmclock(file, access);
        try {
          writeFileSync(file, vmclockPage(6n, { seqCount: 9 }));
          expect(counter.value(), 'no consistent read: the all-ones marker').to.equal(0xffff_ffff_ffff_ffffn);
          expect(counter.changed(), 'the marker counts as a change (a reseed, never a missed clone)').to.equal(true);
          writeFileSync(file, vmclockPage(6n, { seqCount: 10 }));
          expect(counter.value()).to.equal(6n);
          expect(counter.changed()).to.equal(true);
          expect(counter.changed()).to.equal(false);
        } finally {
          counter.close();
        }
      });
    }

    it('sysgenid: a u32 at offset 0', () => {
      const file = join(dir, 'sysgenid');
      const page = new Uint8Array(4096);
      new DataView(page.buffer).setUint32(0, 5, true);
      writeFileSync(file, page);
      const counter = openSysgenid(file);
      new DataView(page.buffer).setUint32(0, 6, true);
      writeFileSync(file, page);
      expect(counter.value()).to.equal(6n);
      expect(counter.changed()).to.equal(true);
      counter.close();
    });

    it('refuses what is not a usable vmclock, with a typed error', () => {
      const cases: [string, Uint8Array, string][] = [
        ['bad magic', vmclockPage(1n, { magic: 0x12345678 }), 'BAD_LAYOUT'],
        ['version 2', vmclockPage(1n, { version: 2 }), 'BAD_LAYOUT'],
        ['size field under 112', vmclockPage(1n, { size: 104 }), 'BAD_LAYOUT'],
        ['no generation counter flag', vmclockPage(1n, { flags: 1n << 7n }), 'NO_GENERATION_COUNTER'],
        ['too short', new Uint8Array(100), 'BAD_LAYOUT'],
      ];
      for (const [what, bytes, code] of cases) {
        const file = join(dir, 'bad');
        writeFileSync(file, bytes);
        expect(() => openVmclock(file), what).to.throw(GenerationCounterError).with.property('code', code);
      }
      expect(() => openVmclock(join(dir, 'absent'))).to.throw(GenerationCounterError).with.property('code', 'OPEN_FAILED');
      expect(() => openGenerationCounter({ path: join(dir, 'bad'), offset: 3, width: 4 })).to.throw(GenerationCounterError).with.property('code', 'BAD_ARGUMENT');
    });

    it(`${'RANDSHIM_GENERATION_COUNTERS'} names the counters, or none; anything else is refused`, () => {
      expect(counterSources({ RANDSHIM_GENERATION_COUNTERS: 'none' })).to.deep.equal([]);
      const two = counterSources({ RANDSHIM_GENERATION_COUNTERS: 'vmclock:/a,sysgenid:/b' });
      expect(two.map((s) => s.path)).to.deep.equal(['/a', '/b']);
      expect(() => counterSources({ RANDSHIM_GENERATION_COUNTERS: 'vmgenid:/x' })).to.throw(/vmclock:PATH/);
    });

    it('an in-process clone (a DRBG state copied as a VM copies memory): watched, the counter change makes the copies differ; unwatched, they are identical', () => {
      const file = join(dir, 'vmclock-clone');
      writeFileSync(file, vmclockPage(1n));
      for (const watched of [true, false]) {
        const guard = new CloneGuard();
        const unwatch = watched ? guard.watch(() => openVmclock(file, 'mmap')) : () => {};
        const os = countedOsEntropy();
        const original = new Drbg({ mechanism: { type: 'CTR-DRBG', cipher: 'AES-128-CTR' }, cloneGuard: guard, osEntropy: os.poll });
        original.instantiate();
        original.generate(16);
        // The copy carries the original's epoch too: exactly what a VM snapshot gives.
        const copy = Drbg.importState(original.exportState(), { cloneGuard: guard, osEntropy: os.poll, reseedBeforeUse: false });
        writeFileSync(file, vmclockPage(watched ? 2n : 3n)); // the hypervisor restores the clone
        const pullsBefore = os.pulls();
        const a = original.generate(32);
        const b = copy.generate(32);
        if (watched) {
          differ(a, b);
          expect(os.pulls() - pullsBefore, 'both copies reseeded from the OS').to.equal(2);
          expect(guard.eventCounts['vm-generation']).to.equal(1);
        } else {
          same(a, b);
          expect(os.pulls() - pullsBefore).to.equal(0);
        }
        unwatch();
      }
    });
  });

  describe('the guard', () => {
    it('a snapshot window (serialize to deserialize) depletes, and a counter moved across it is seen', () => {
      const file = join(dir, 'vmclock-window');
      writeFileSync(file, vmclockPage(10n));
      const guard = new CloneGuard();
      guard.watch((plainRead) => openVmclock(file, plainRead ? 'pread' : 'mmap'));
      const before = guard.epoch();
      guard.onSnapshotSerialize();
      expect(guard.epoch(), 'no epoch equals NaN while the snapshot is pending').to.be.NaN;
      expect(guard.watchedCounters, 'counters closed in the blob').to.deep.equal([]);
      writeFileSync(file, vmclockPage(11n));
      guard.onSnapshotDeserialize();
      const after = guard.epoch();
      expect(after).to.be.greaterThan(before);
      expect(guard.events.map((e) => e.kind)).to.deep.equal(['snapshot-build', 'vm-generation', 'snapshot-restore']);
      expect(guard.watchedCounters).to.have.length(1);
    });

    it('after a restore, counters are reopened with a plain read, then mapped once the event loop runs', async () => {
      const file = join(dir, 'vmclock-remap');
      writeFileSync(file, vmclockPage(20n));
      const opened: string[] = [];
      const guard = new CloneGuard();
      guard.watch((plainRead) => {
        const counter = openVmclock(file, plainRead ? 'pread' : 'mmap');
        opened.push(counter.access);
        return counter;
      });
      guard.onSnapshotSerialize();
      guard.onSnapshotDeserialize();
      expect(opened).to.deep.equal(['mmap', 'pread']);
      const epoch = guard.epoch();
      await new Promise((resolve) => setImmediate(resolve));
      writeFileSync(file, vmclockPage(21n));
      expect(guard.epoch(), 'the move is seen across the switch to the mapping').to.be.greaterThan(epoch);
      expect(opened).to.deep.equal(['mmap', 'pread', 'mmap']);
      expect(guard.epoch()).to.equal(guard.epoch());
    });

    it('deplete: every DRBG on the guard reseeds once before its next output, and only once', () => {
      const guard = new CloneGuard();
      const os = countedOsEntropy();
      const drbgs = [1, 2, 3].map(() => new Drbg({ mechanism: { type: 'HASH-DRBG', digest: 'SHA-256' }, cloneGuard: guard, osEntropy: os.poll }));
      for (const d of drbgs) d.instantiate();
      expect(os.pulls()).to.equal(3);
      guard.deplete('test');
      for (const d of drbgs) { d.generate(8); d.generate(8); }
      expect(os.pulls()).to.equal(6);
      drbgs[1].deplete();
      for (const d of drbgs) d.generate(8);
      expect(os.pulls(), 'per-DRBG deplete touches one DRBG').to.equal(7);
    });

    it('a depleted DRBG whose reseed fails outputs nothing (zeroed buffer, DrbgError) and stays depleted', () => {
      const guard = new CloneGuard();
      const os = countedOsEntropy();
      const drbg = new Drbg({ mechanism: { type: 'HMAC-DRBG', digest: 'SHA-256' }, cloneGuard: guard, osEntropy: os.poll });
      drbg.instantiate();
      const imported = Drbg.importState(drbg.exportState(), { cloneGuard: guard, osEntropy: os.poll });
      os.fail(true);
      const out = new Uint8Array(32).fill(0xee);
      expect(() => imported.generate(out)).to.throw(DrbgError);
      expect(out.every((b) => b === 0)).to.equal(true);
      os.fail(false);
      differ(imported.generate(32), drbg.generate(32));
    });

    it('prediction resistance (provider): every generate pulls from the OS, per DRBG or for the whole guard', () => {
      const guard = new CloneGuard();
      const os = countedOsEntropy();
      const drbg = new Drbg({ mechanism: { type: 'CTR-DRBG', cipher: 'AES-256-CTR' }, cloneGuard: guard, osEntropy: os.poll, predictionResistance: true });
      drbg.instantiate();
      for (let i = 0; i < 4; i++) drbg.generate(16);
      expect(os.pulls()).to.equal(5);
      drbg.predictionResistance = false;
      drbg.generate(16);
      expect(os.pulls()).to.equal(5);
      guard.predictionResistance = true;
      drbg.generate(16);
      drbg.generate(16);
      expect(os.pulls()).to.equal(7);
    });
  });

  describe('diversifier: clones whose entropy source holds no entropy', () => {
    it('provider: reseeding identical clones from a copied seed leaves them identical; a diversifier tells them apart', () => {
      const seeded = new Drbg({ mechanism: { type: 'HMAC-DRBG', digest: 'SHA-256' }, cloneGuard: new CloneGuard(), osEntropy: constantSource });
      seeded.instantiate();
      const state = seeded.exportState();
      const clone = (id: string | null): Uint8Array => {
        const guard = new CloneGuard();
        if (id !== null) guard.diversifier = () => new TextEncoder().encode(id);
        return Drbg.importState(state, { cloneGuard: guard, osEntropy: constantSource }).generate(32);
      };
      same(clone(null), clone(null));
      differ(clone('instance-a'), clone('instance-b'));
    });

    const ids = { primary: new Uint8Array(8).fill(1), public: new Uint8Array(8).fill(2), private: new Uint8Array(8).fill(3) };
    const pinned3 = (guard: CloneGuard): void => R3.RANDSHIM_3_reset({
      osEntropy: constantSource, osNonce: () => new Uint8Array(16).fill(1), clock: () => 1000, forkId: () => 1, cloneGuard: guard,
    }, { identities: ids });
    it('3.x: RANDSHIM_3_set_clone_diversifier makes depleted chains with a copied seed diverge', () => {
      const run = (id: string | null): Uint8Array => {
        const guard = new CloneGuard();
        pinned3(guard);
        expect(R3.RANDSHIM_3_set_clone_diversifier(id === null ? null : () => new TextEncoder().encode(id))).to.equal(1);
        const out = new Uint8Array(32);
        expect(R3.RAND_bytes(out, 32)).to.equal(1);
        R3.RANDSHIM_3_deplete();
        expect(R3.RAND_bytes(out, 32)).to.equal(1);
        expect(R3.RANDSHIM_3_clone_events().map((e) => e.kind)).to.deep.equal(['deplete']);
        return out;
      };
      try {
        same(run(null), run(null));
        differ(run('a'), run('b'));
      } finally {
        R3.RANDSHIM_3_reset();
      }
    });

    it('1.1.1: RANDSHIM_111_set_clone_diversifier does the same for RAND_DRBG', () => {
      // Two DRBGs fed by the same fixed callbacks stand for two clones of one: identical.
      const run = (id: string | null): Uint8Array => {
        R111.RANDSHIM_111_reset({ cloneGuard: new CloneGuard() });
        R111.RANDSHIM_111_set_clone_diversifier(id === null ? null : () => new TextEncoder().encode(id));
        const drbg = R111.RAND_DRBG_new(0, 0, null)!;
        R111.RAND_DRBG_set_callbacks(drbg, (_d, pout) => {
          pout.value = new Uint8Array(32).fill(0x5a);
          return 32;
        }, null, (_d, pout) => {
          pout.value = new Uint8Array(16).fill(0xa5);
          return 16;
        }, null);
        expect(R111.RAND_DRBG_instantiate(drbg, null, 0)).to.equal(1);
        const out = new Uint8Array(32);
        expect(R111.RAND_DRBG_generate(drbg, out, 32, 0, null, 0)).to.equal(1);
        expect(R111.RANDSHIM_DRBG_deplete(drbg)).to.equal(1);
        expect(R111.RAND_DRBG_generate(drbg, out, 32, 0, null, 0)).to.equal(1);
        R111.RAND_DRBG_free(drbg);
        return out;
      };
      try {
        same(run(null), run(null));
        differ(run('a'), run('b'));
      } finally {
        R111.RANDSHIM_111_reset();
      }
    });
  });

  describe('personality controls', () => {
    afterEach(() => {
      R3.RANDSHIM_3_reset();
      R111.RANDSHIM_111_reset();
    });

    it('3.x: reseed now, deplete, prediction resistance (global and per context), each counted at the OS', () => {
      const os = countedOsEntropy();
      R3.RANDSHIM_3_reset({ osEntropy: os.poll, cloneGuard: new CloneGuard() });
      const out = new Uint8Array(32);
      expect(R3.RAND_bytes(out, 32)).to.equal(1);
      expect(os.pulls(), 'the primary seeds once').to.equal(1);
      expect(R3.RANDSHIM_3_reseed(new TextEncoder().encode('now'))).to.equal(1);
      expect(os.pulls(), 'reseed now reaches the OS').to.equal(2);
      R3.RANDSHIM_3_deplete();
      R3.RAND_bytes(out, 32);
      R3.RAND_priv_bytes(out, 32);
      R3.RAND_bytes(out, 32);
      expect(os.pulls(), 'depleted: the primary reseeds from the OS once').to.equal(3);
      expect(R3.RANDSHIM_3_set_prediction_resistance(1)).to.equal(1);
      for (let i = 0; i < 3; i++) expect(R3.RAND_bytes(out, 32)).to.equal(1);
      expect(os.pulls()).to.equal(6);
      R3.RANDSHIM_3_set_prediction_resistance(0);
      R3.RAND_bytes(out, 32);
      expect(os.pulls()).to.equal(6);
      const pub = R3.RAND_get0_public(null);
      expect(R3.RANDSHIM_EVP_RAND_CTX_set_prediction_resistance(pub, 1)).to.equal(1);
      R3.RAND_bytes(out, 32);
      R3.RAND_priv_bytes(out, 32);
      expect(os.pulls(), 'only the public DRBG is prediction resistant').to.equal(7);
      expect(R3.RANDSHIM_EVP_RAND_CTX_deplete(pub)).to.equal(1);
    });

    it('3.x: the controls refuse NULL and non-DRBG contexts in OpenSSL terms', () => {
      R3.ERR_clear_error();
      expect(R3.RANDSHIM_EVP_RAND_CTX_deplete(null)).to.equal(0);
      expect(R3.describeError3(R3.ERR_get_error())).to.deep.include({ lib: 'EVP', reason: 'PASSED_NULL_PARAMETER' });
      const seed = R3.EVP_RAND_CTX_new(R3.EVP_RAND_fetch(null, 'SEED-SRC', null), null);
      expect(R3.RANDSHIM_EVP_RAND_CTX_set_prediction_resistance(seed, 1)).to.equal(0);
      expect(R3.describeError3(R3.ERR_get_error())).to.deep.include({ lib: 'EVP', reason: 'PASSED_INVALID_ARGUMENT' });
      expect(R3.RANDSHIM_3_reseed(new Uint8Array(4), 5)).to.equal(0);
      expect(R3.describeError3(R3.ERR_get_error())).to.deep.include({ lib: 'EVP', reason: 'PASSED_INVALID_ARGUMENT' });
    });

    it('3.x: a depleted chain whose OS source fails returns 0 from RAND_bytes, with the reason queued', () => {
      const os = countedOsEntropy();
      R3.RANDSHIM_3_reset({ osEntropy: os.poll, cloneGuard: new CloneGuard() });
      const out = new Uint8Array(32);
      expect(R3.RAND_bytes(out, 32)).to.equal(1);
      R3.RANDSHIM_3_deplete();
      os.fail(true);
      R3.ERR_clear_error();
      expect(R3.RAND_bytes(out, 32)).to.equal(0);
      expect(R3.ERR_peek_error()).to.not.equal(0);
    });

    it('1.1.1: reseed now, deplete, prediction resistance through the chain from the OS', () => {
      const os = countedOsEntropy();
      R111.RANDSHIM_111_reset({ osEntropy: os.poll, cloneGuard: new CloneGuard() });
      const out = new Uint8Array(32);
      expect(R111.RAND_bytes(out, 32)).to.equal(1);
      expect(os.pulls(), 'the master seeds once').to.equal(1);
      expect(R111.RANDSHIM_111_reseed()).to.equal(1);
      expect(os.pulls()).to.equal(2);
      R111.RANDSHIM_111_deplete();
      R111.RAND_bytes(out, 32);
      R111.RAND_priv_bytes(out, 32);
      expect(os.pulls(), 'depleted: the master reseeds from the OS once').to.equal(3);
      R111.RANDSHIM_111_set_prediction_resistance(1);
      for (let i = 0; i < 3; i++) expect(R111.RAND_bytes(out, 32)).to.equal(1);
      expect(os.pulls(), "each call reseeds from the chain's root").to.equal(6);
      R111.RANDSHIM_111_set_prediction_resistance(0);
      const priv = R111.RAND_DRBG_get0_private();
      expect(R111.RANDSHIM_DRBG_set_prediction_resistance(priv, 1)).to.equal(1);
      R111.RAND_bytes(out, 32);
      R111.RAND_priv_bytes(out, 32);
      expect(os.pulls(), 'only the private DRBG is prediction resistant').to.equal(7);
      expect(R111.RANDSHIM_DRBG_deplete(priv)).to.equal(1);
      R111.ERR_clear_error();
      expect(R111.RANDSHIM_DRBG_deplete(null)).to.equal(0);
      expect(R111.ERR_get_error()).to.not.equal(0);
    });
  });
});
