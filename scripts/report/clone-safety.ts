/**
 * The clone-safety section of the conformance report: the demonstrations of
 * test/clone run again, each case with its expected outcome (copies differ, or, with the
 * protection deliberately off, are identical) and the bytes compared:
 *   - V8 startup snapshots: two processes restored from one `node --build-snapshot` blob,
 *     for the guard on/off and the fork id real/pinned, then a VM generation counter alone;
 *   - workers given one exported DRBG state, protected and not;
 *   - deplete and prediction resistance in both personalities, counted at the OS source;
 *   - what this machine offers (VM generation counter devices).
 * OpenSSL has no equivalent to compare with (it checks the pid only): the oracle here is the
 * property itself, that no two copies produce the same bytes unless the protection is off.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as R111 from '../../compat/openssl111/index.js';
import * as R3 from '../../compat/openssl3/index.js';
import { CloneGuard, detectGenerationCounters, Drbg, realmCloneGuard, type EntropyPoll } from '../../provider/index.js';
import { countedOsEntropy } from '../clone/counted-entropy.js';
import { buildSnapshot, runFromSnapshot } from '../clone/snapshot-process.js';
import { vmclockPage } from '../clone/vmclock-page.js';
import type { ReportOptions, ReportSection } from './section.js';
import { formatTable } from './table.js';

interface CheckRow {
  readonly check: string;
  readonly expected: 'differ' | 'identical';
  /** 'mixed': some of the sources repeated, others did not (a failure either way). */
  readonly observed: 'differ' | 'identical' | 'mixed';
  readonly bytes: number;
  readonly osPulls: string;
}

const DIST = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const SNAPSHOT_APP = join(DIST, 'test', 'clone', 'fixtures', 'snapshot-app.js');
const WORKER_APP = join(DIST, 'test', 'clone', 'fixtures', 'worker-app.js');

/** Whether two copies drew the same bytes from every source, from none, or from some. */
function relation(a: Record<string, string>, b: Record<string, string>): 'differ' | 'identical' | 'mixed' {
  const keys = Object.keys(a);
  const same = keys.filter((k) => a[k] === b[k]).length;
  return same === keys.length ? 'identical' : same === 0 ? 'differ' : 'mixed';
}

interface Restored { drawn: Record<string, string>; osPullsAfterRestore: number }

function snapshotChecks(dir: string): CheckRow[] {
  const rows: CheckRow[] = [];
  const script = join(dir, 'app.cjs');
  const blob = (name: string, env: NodeJS.ProcessEnv): string => {
    const path = join(dir, `${name}.blob`);
    buildSnapshot(SNAPSHOT_APP, script, path, env);
    return path;
  };
  const restore = (path: string, env: NodeJS.ProcessEnv): Restored => JSON.parse(runFromSnapshot(path, env)) as Restored;
  const pair = (check: string, expected: CheckRow['expected'], a: Restored, b: Restored): void => {
    const r = relation(a.drawn, b.drawn);
    rows.push({
      check, expected, observed: r,
      bytes: 2 * Object.values(a.drawn).reduce((n, h) => n + h.length / 2, 0),
      osPulls: `${a.osPullsAfterRestore} + ${b.osPullsAfterRestore}`,
    });
  };
  const on = blob('protected', { RANDSHIM_GENERATION_COUNTERS: 'none' });
  const off = blob('unprotected', { RANDSHIM_GENERATION_COUNTERS: 'none', RANDSHIM_DEMO_SNAPSHOT_DETECTION: 'off' });
  for (const [label, path, pin, expected] of [
    ['snapshot: guard on, pid check', on, '0', 'differ'], ['snapshot: guard on, pid pinned', on, '1', 'differ'],
    ['snapshot: guard off, pid check', off, '0', 'differ'], ['snapshot: guard off, pid pinned (hazard)', off, '1', 'identical'],
  ] as const) {
    pair(label, expected, restore(path, { RANDSHIM_DEMO_PIN_PID: pin }), restore(path, { RANDSHIM_DEMO_PIN_PID: pin }));
  }
  const counter = join(dir, 'vmclock');
  writeFileSync(counter, vmclockPage(7n));
  const watched = blob('watched', { RANDSHIM_GENERATION_COUNTERS: `vmclock:${counter}`, RANDSHIM_DEMO_SNAPSHOT_DETECTION: 'off' });
  const unwatched = off;
  const restoreAt = (path: string, generation: bigint): Restored => {
    writeFileSync(counter, vmclockPage(generation));
    return restore(path, { RANDSHIM_DEMO_PIN_PID: '1' });
  };
  pair('VM clone: vmclock watched, counter moved', 'differ', restoreAt(watched, 8n), restoreAt(watched, 9n));
  pair('VM clone: vmclock watched, counter unchanged', 'identical', restoreAt(watched, 7n), restoreAt(watched, 7n));
  pair('VM clone: not watched, counter moved (hazard)', 'identical', restoreAt(unwatched, 8n), restoreAt(unwatched, 9n));
  return rows;
}

function worker(request: unknown): Promise<{ bytes: Record<string, string>; osPulls: number }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER_APP, { workerData: request });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

async function workerChecks(): Promise<CheckRow[]> {
  const rows: CheckRow[] = [];
  const chains = await Promise.all([worker({ kind: 'chains' }), worker({ kind: 'chains' })]);
  rows.push({
    check: 'workers: own RAND chains (3.x, 1.1.1)', expected: 'differ', observed: relation(chains[0].bytes, chains[1].bytes),
    bytes: 128, osPulls: chains.map((c) => c.osPulls).join(' + '),
  });
  const sender = new Drbg({ mechanism: { type: 'CTR-DRBG', cipher: 'AES-256-CTR' } });
  sender.instantiate();
  const state = sender.exportState();
  for (const reseedBeforeUse of [true, false]) {
    const [a, b] = await Promise.all([0, 1].map(() => worker({ kind: 'import', state: state.slice(), reseedBeforeUse })));
    rows.push({
      check: `workers: one exported state, ${reseedBeforeUse ? 'reseed before use' : 'reseedBeforeUse: false (hazard)'}`,
      expected: reseedBeforeUse ? 'differ' : 'identical', observed: a.bytes.imported === b.bytes.imported ? 'identical' : 'differ',
      bytes: 64, osPulls: `${a.osPulls} + ${b.osPulls}`,
    });
  }
  state.fill(0);
  return rows;
}

/** The controls one personality offers (RANDSHIM_<n>_*), under the names of its rows. */
interface PersonalityControls {
  readonly label: string;
  readonly prefix: string;
  reset(env?: { osEntropy: EntropyPoll; cloneGuard: CloneGuard }): void;
  bytes(out: Uint8Array, n: number): number;
  deplete(): void;
  setPredictionResistance(on: number): void;
  reseed(): unknown;
}

const PERSONALITIES: readonly PersonalityControls[] = [
  { label: '3.x', prefix: 'RANDSHIM_3', reset: R3.RANDSHIM_3_reset, bytes: R3.RAND_bytes, deplete: R3.RANDSHIM_3_deplete,
    setPredictionResistance: R3.RANDSHIM_3_set_prediction_resistance, reseed: R3.RANDSHIM_3_reseed },
  { label: '1.1.1', prefix: 'RANDSHIM_111', reset: R111.RANDSHIM_111_reset, bytes: R111.RAND_bytes,
    deplete: R111.RANDSHIM_111_deplete, setPredictionResistance: R111.RANDSHIM_111_set_prediction_resistance,
    reseed: R111.RANDSHIM_111_reseed },
];

/** Deplete and prediction resistance, counted at the OS source: "pulls" rows. */
function controlChecks(): { control: string; expectedPulls: number; pulls: number }[] {
  const counted = countedOsEntropy();
  const os = counted.poll;
  const out = new Uint8Array(32);
  const rows: { control: string; expectedPulls: number; pulls: number }[] = [];
  const measure = (control: string, expectedPulls: number, run: () => void): void => {
    const before = counted.pulls();
    run();
    rows.push({ control, expectedPulls, pulls: counted.pulls() - before });
  };
  try {
    for (const p of PERSONALITIES) {
      const threeBytes = (): void => { for (let i = 0; i < 3; i++) p.bytes(out, 32); };
      p.reset({ osEntropy: os, cloneGuard: new CloneGuard() });
      p.bytes(out, 32);
      measure(`${p.label} ${p.prefix}_deplete, then 3 x RAND_bytes`, 1, () => { p.deplete(); threeBytes(); });
      measure(`${p.label} ${p.prefix}_set_prediction_resistance(1), 3 x RAND_bytes`, 3, () => {
        p.setPredictionResistance(1);
        threeBytes();
        p.setPredictionResistance(0);
      });
      measure(`${p.label} ${p.prefix}_reseed`, 1, () => p.reseed());
    }
    const drbg = new Drbg({ mechanism: { type: 'HMAC-DRBG', digest: 'SHA-256' }, osEntropy: os, cloneGuard: new CloneGuard() });
    drbg.instantiate();
    measure('provider Drbg predictionResistance, 3 x generate', 3, () => { drbg.predictionResistance = true; for (let i = 0; i < 3; i++) drbg.generate(32); });
  } finally {
    for (const p of PERSONALITIES) p.reset();
  }
  return rows;
}

export async function runCloneSafetySection(opts: ReportOptions): Promise<ReportSection | null> {
  if (opts.oracle !== undefined) return null;
  const title = 'clone safety: snapshots, VM clones, workers (copies must differ unless protection is off)';
  const dir = mkdtempSync(join(tmpdir(), 'randshim-report-clone-'));
  let copies: CheckRow[];
  try {
    copies = [...snapshotChecks(dir), ...(await workerChecks())];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const controls = controlChecks();
  const machine = detectGenerationCounters();
  for (const d of machine) d.counter?.close();
  const bytes = copies.reduce((n, r) => n + r.bytes, 0);
  const failed = copies.filter((r) => r.observed !== r.expected).length + controls.filter((c) => c.pulls !== c.expectedPulls).length;
  const text = [
    formatTable(['copies', 'expected', 'observed', 'bytes compared', 'OS pulls after copy'],
      copies.map((r) => [r.check, r.expected, r.observed, r.bytes, r.osPulls])),
    `${copies.length} copy checks, ${bytes} bytes compared. Rows expecting identical output have the protection deliberately off`
      + ' (hazard), or no signal at all (counter unchanged: nothing tells those copies apart).',
    '',
    formatTable(['control', 'expected OS pulls', 'OS pulls'], controls.map((c) => [c.control, c.expectedPulls, c.pulls])),
    '',
    `this machine: ${machine.length === 0 ? 'no VM generation counter device (/dev/vmclock0, /dev/sysgenid)' : machine.map((d) => `${d.path}: ${d.counter !== null ? `watched (${d.counter.access})` : d.error?.message}`).join('; ')}`
      + `; realm guard problems: ${realmCloneGuard.counterProblems.length === 0 ? 'none' : realmCloneGuard.counterProblems.join('; ')}`,
  ].join('\n');
  const summary = [{ suite: 'clone safety', oracle: 'copies must differ', compared: `${copies.length + controls.length} checks`,
    bytes, mismatches: failed }];
  return { title, text, ok: failed === 0, summary, json: { copies, controls, bytesCompared: bytes, machine: machine.map((d) => ({ path: d.path, usable: d.counter !== null })) } };
}
