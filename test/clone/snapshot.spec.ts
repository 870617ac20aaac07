/**
 * V8 startup snapshots (issue 7): a real `node --snapshot-blob BLOB --build-snapshot` of an
 * application that seeds and uses randshim (test/clone/fixtures/snapshot-app.ts), then
 * processes started from the blob, each drawing 32 bytes from the 3.x RAND_bytes chain, the
 * 1.1.1 public RAND_DRBG and a provider Drbg.
 *
 * The matrix: the guard's snapshot detection on or off, times the fork id real or pinned (a
 * restored process that is pid 1 of its namespace every time). Either check alone makes the
 * restored processes differ; with both off they are identical: the hazard, shown. Then the VM
 * generation counter on its own (snapshot detection off, pid pinned, i.e. a whole-VM clone):
 * watched, a changed counter makes processes differ; unwatched, they are identical.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSnapshot, runFromSnapshot } from '../../scripts/clone/snapshot-process.js';
import { vmclockPage } from './helpers.js';

const APP = new URL('./fixtures/snapshot-app.js', import.meta.url).pathname;
const SOURCES = ['rand3', 'drbg111', 'provider'] as const;

interface Restored {
  pid: number;
  builderPid: number;
  forkId: number;
  drawn: Record<(typeof SOURCES)[number], string>;
  beforeSnapshot: Record<(typeof SOURCES)[number], string>;
  osPullsBeforeSnapshot: number;
  osPullsAfterRestore: number;
  events: Record<string, number>;
  watched: string[];
}

describe('clone safety: V8 startup snapshots (node --build-snapshot)', function () {
  this.timeout(120_000);
  let dir: string;
  let bytesCompared = 0;
  const blobs: Record<string, string> = {};

  const restore = (blob: string, env: NodeJS.ProcessEnv = {}): Restored => JSON.parse(runFromSnapshot(blob, env)) as Restored;

  /** Asserts that two restored processes drew different (or identical) bytes from every source. */
  function compare(a: Restored, b: Restored, same: boolean): void {
    for (const s of SOURCES) {
      expect(a.drawn[s], s).to.match(/^[0-9a-f]{64}$/);
      if (same) expect(b.drawn[s], `${s}: identical`).to.equal(a.drawn[s]);
      else expect(b.drawn[s], `${s}: different`).to.not.equal(a.drawn[s]);
      bytesCompared += 64;
    }
  }

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'randshim-snapshot-'));
    blobs.protected = join(dir, 'protected.blob');
    blobs.unprotected = join(dir, 'unprotected.blob');
    buildSnapshot(APP, join(dir, 'app.cjs'), blobs.protected, { RANDSHIM_GENERATION_COUNTERS: 'none' });
    buildSnapshot(APP, join(dir, 'app.cjs'), blobs.unprotected,
      { RANDSHIM_GENERATION_COUNTERS: 'none', RANDSHIM_DEMO_SNAPSHOT_DETECTION: 'off' });
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
    console.log(`      snapshots: ${bytesCompared} bytes compared between restored processes`);
  });

  const matrix = [
    { detection: 'protected', pin: '0', same: false, why: 'guard and pid check both on' },
    { detection: 'protected', pin: '1', same: false, why: 'the guard alone (pid the same in every process)' },
    { detection: 'unprotected', pin: '0', same: false, why: "OpenSSL's pid check alone" },
    { detection: 'unprotected', pin: '1', same: true, why: 'neither: the hazard' },
  ] as const;
  for (const m of matrix) {
    it(`${m.detection} snapshot, pid ${m.pin === '1' ? 'pinned' : 'real'}: restored processes are ${m.same ? 'IDENTICAL' : 'different'} (${m.why})`, () => {
      const a = restore(blobs[m.detection], { RANDSHIM_DEMO_PIN_PID: m.pin });
      const b = restore(blobs[m.detection], { RANDSHIM_DEMO_PIN_PID: m.pin });
      expect(a.pid).to.not.equal(b.pid);
      expect(a.forkId === b.forkId).to.equal(m.pin === '1');
      // The snapshot's heap really was shared: the bytes drawn before it are in both.
      expect(a.beforeSnapshot).to.deep.equal(b.beforeSnapshot);
      expect(a.osPullsBeforeSnapshot).to.equal(3);
      compare(a, b, m.same);
      // Protected: 3 OS pulls after restore (3.x primary, 1.1.1 master, the provider Drbg).
      expect(a.osPullsAfterRestore).to.equal(m.same ? 0 : 3);
      const expectedEvents = m.detection === 'protected' ? 1 : 0;
      expect(a.events['snapshot-build']).to.equal(expectedEvents);
      expect(a.events['snapshot-restore']).to.equal(expectedEvents);
      for (const s of SOURCES) expect(a.drawn[s], `${s} is not the pre-snapshot output`).to.not.equal(a.beforeSnapshot[s]);
    });
  }

  describe('VM generation counter (vmclock layout in a file the test controls)', () => {
    let counterFile: string;
    const setCounter = (value: bigint): void => writeFileSync(counterFile, vmclockPage(value));

    before(() => {
      counterFile = join(dir, 'vmclock');
      setCounter(7n);
      blobs.watched = join(dir, 'watched.blob');
      blobs.unwatched = join(dir, 'unwatched.blob');
      // Snapshot detection off and the pid pinned: only the counter can tell a clone.
      buildSnapshot(APP, join(dir, 'app.cjs'), blobs.watched,
        { RANDSHIM_GENERATION_COUNTERS: `vmclock:${counterFile}`, RANDSHIM_DEMO_SNAPSHOT_DETECTION: 'off' });
      buildSnapshot(APP, join(dir, 'app.cjs'), blobs.unwatched,
        { RANDSHIM_GENERATION_COUNTERS: 'none', RANDSHIM_DEMO_SNAPSHOT_DETECTION: 'off' });
    });

    it('watched: each clone restored after the counter moved reseeds, and they differ', () => {
      setCounter(8n);
      const a = restore(blobs.watched, { RANDSHIM_DEMO_PIN_PID: '1' });
      setCounter(9n);
      const b = restore(blobs.watched, { RANDSHIM_DEMO_PIN_PID: '1' });
      expect(a.watched).to.deep.equal([`vmclock ${counterFile}`]);
      expect(a.events['vm-generation']).to.equal(1);
      expect(a.osPullsAfterRestore).to.equal(3);
      compare(a, b, false);
    });

    it('watched, counter unchanged since the snapshot: nothing tells the copies apart, identical', () => {
      setCounter(7n);
      const a = restore(blobs.watched, { RANDSHIM_DEMO_PIN_PID: '1' });
      const b = restore(blobs.watched, { RANDSHIM_DEMO_PIN_PID: '1' });
      expect(a.events['vm-generation']).to.equal(0);
      compare(a, b, true);
    });

    it('unwatched: clones restored after the counter moved are IDENTICAL (the hazard)', () => {
      setCounter(8n);
      const a = restore(blobs.unwatched, { RANDSHIM_DEMO_PIN_PID: '1' });
      setCounter(9n);
      const b = restore(blobs.unwatched, { RANDSHIM_DEMO_PIN_PID: '1' });
      expect(a.watched).to.deep.equal([]);
      expect(a.osPullsAfterRestore).to.equal(0);
      compare(a, b, true);
    });
  });
});
