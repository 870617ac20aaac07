/**
 * The differential campaigns against mirage-crypto-rng 0.10.7: generated scripts replayed on
 * the real library (runner.ts) and on randshim (replay.ts), every answer compared, every output
 * byte counted.
 *
 * Fortuna scripts mix events from up to 10 sources (0..300 bytes, so lengths past 255 test the
 * one-byte length of the frame), fresh handles, explicit reseeds, generates of 0..140000 bytes
 * (around the 16-byte block, the 0x10000 chunk and its multiples), `seeded` probes and, in half
 * of them, a scripted clock moving by 0..2.5 s (0.10.7's one-reseed-per-second limit). HMAC
 * scripts instantiate, reseed and generate (1..70000 bytes, past SP 800-90A's 2^16 request
 * limit, which 0.10.7 does not have) with non-empty seed material only (replay.ts says why).
 */
import { toHex } from '../../../provider/bytes.js';
import { runMirage } from './runner.js';
import { replayOnRandshim, type ReplayStats } from './replay.js';
import { answerKey, type MirageStep } from './script.js';

export interface CampaignOptions {
  readonly sequences: number;
  /** Steps per sequence after its first (`fortuna` / `hmac`). */
  readonly steps: number;
  readonly seed: number;
  /** Fortuna: rounds of the schedule script (scheduleScript) run after the sequences; 0 for
   * none. */
  readonly scheduleRounds?: number;
}

export interface CampaignMismatch {
  readonly sequence: number;
  readonly step: number;
  readonly op: string;
  readonly mirage: string;
  readonly randshim: string;
}

export interface CampaignResult {
  readonly kind: 'fortuna' | 'hmac';
  readonly sequences: number;
  readonly steps: number;
  readonly events: number;
  readonly reseeds: number;
  readonly generates: number;
  /** `generate` answers that were errors (unseeded) on both sides. */
  readonly unseededAnswers: number;
  /** Output bytes compared (generate outputs; equal on both sides or counted as mismatches). */
  readonly bytesCompared: number;
  readonly mismatches: readonly CampaignMismatch[];
  /** Fortuna only: reseeds from the pools, and the most pools one of them took. */
  readonly poolReseeds: number;
  readonly widestReseed: number;
}

/** mulberry32: a small seeded generator for the scripts' shapes (inputs, never expectations). */
function scriptRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bytesOf(rand: () => number, n: number): string {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rand() * 256);
  return toHex(b);
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

/** Generate lengths around the generator's boundaries. */
const EDGE_LENGTHS = [0, 1, 15, 16, 17, 31, 32, 33, 48, 64, 0xffff, 0x10000, 0x10001, 0x20000, 0x20001, 140000];

/**
 * A script that walks the reseed schedule deep: each round restarts a handle (its next event goes
 * to pool 0), adds 65..96 bytes there and 1..6 events to the pools after it, then generates, so
 * every round is one reseed from the pools and round k takes pools 0..v where 2^v divides k.
 */
export function scheduleScript(seq: number, rounds: number, seed: number): MirageStep[] {
  const rand = scriptRng(seed * 31337 + seq);
  const out: MirageStep[] = [{ op: 'fortuna', time: false }, { op: 'reseed', data: bytesOf(rand, 16) }];
  for (let k = 0; k < rounds; k++) {
    const source = Math.floor(rand() * 4);
    out.push({ op: 'handle', source }, { op: 'acc', source, data: bytesOf(rand, 65 + Math.floor(rand() * 32)) });
    const more = 1 + Math.floor(rand() * 6);
    for (let i = 0; i < more; i++) out.push({ op: 'acc', source, data: bytesOf(rand, Math.floor(rand() * 24)) });
    out.push({ op: 'generate', n: 1 + Math.floor(rand() * 48) });
  }
  return out;
}

export function fortunaScript(seq: number, steps: number, seed: number): MirageStep[] {
  const rand = scriptRng(seed * 7919 + seq);
  const time = seq % 2 === 1;
  let clock = 0n;
  const out: MirageStep[] = [{ op: 'fortuna', time }];
  for (let i = 0; i < steps; i++) {
    const r = rand();
    if (r < 0.55) {
      const len = rand() < 0.1 ? 200 + Math.floor(rand() * 101) : Math.floor(rand() * 40);
      out.push({ op: 'acc', source: Math.floor(rand() * 10), data: bytesOf(rand, len) });
    } else if (r < 0.6) out.push({ op: 'handle', source: Math.floor(rand() * 10) });
    else if (r < 0.66) out.push({ op: 'reseed', data: bytesOf(rand, Math.floor(rand() * 80)) });
    else if (r < 0.9) {
      const n = rand() < 0.04 ? pick(rand, EDGE_LENGTHS) : rand() < 0.3 ? pick(rand, EDGE_LENGTHS.slice(0, 10)) : Math.floor(rand() * 300);
      out.push({ op: 'generate', n });
    } else if (r < 0.93) out.push({ op: 'seeded' });
    else if (time) {
      clock += BigInt(Math.floor(rand() * 2_500_000_000));
      out.push({ op: 'clock', ns: clock.toString() });
    } else out.push({ op: 'generate', n: Math.floor(rand() * 64) });
  }
  return out;
}

export function hmacScript(seq: number, steps: number, seed: number): MirageStep[] {
  const rand = scriptRng(seed * 104729 + seq);
  const out: MirageStep[] = [{ op: 'hmac' }];
  // A generate before the first reseed answers "unseeded" on both sides.
  if (rand() < 0.3) out.push({ op: 'generate', n: 1 + Math.floor(rand() * 40) });
  out.push({ op: 'reseed', data: bytesOf(rand, 1 + Math.floor(rand() * 100)) });
  for (let i = 0; i < steps; i++) {
    const r = rand();
    if (r < 0.3) out.push({ op: 'reseed', data: bytesOf(rand, 1 + Math.floor(rand() * 120)) });
    else if (r < 0.95) {
      const n = rand() < 0.05 ? pick(rand, [1, 31, 32, 33, 0xffff, 0x10000, 0x10001, 70000]) : 1 + Math.floor(rand() * 2000);
      out.push({ op: 'generate', n });
    } else out.push({ op: 'seeded' });
  }
  return out;
}

/** Runs `sequences` scripts of `kind` on the driver at `driver` and on randshim. */
export function runCampaign(kind: 'fortuna' | 'hmac', driver: string, opts: CampaignOptions): CampaignResult {
  const scripts: MirageStep[][] = [];
  for (let s = 0; s < opts.sequences; s++) scripts.push(kind === 'fortuna' ? fortunaScript(s, opts.steps, opts.seed) : hmacScript(s, opts.steps, opts.seed));
  if (kind === 'fortuna' && (opts.scheduleRounds ?? 0) > 0) scripts.push(scheduleScript(opts.sequences, opts.scheduleRounds ?? 0, opts.seed));
  const all = scripts.flat();
  const theirs = runMirage(driver, all);
  const stats: ReplayStats = { poolReseeds: 0, widestReseed: 0 };
  const ours = replayOnRandshim(all, 'node', stats);
  const mismatches: CampaignMismatch[] = [];
  let events = 0;
  let reseeds = 0;
  let generates = 0;
  let unseeded = 0;
  let bytes = 0;
  let index = 0;
  scripts.forEach((script, sequence) => {
    script.forEach((step, stepIndex) => {
      const a = theirs[index];
      const b = ours[index];
      index++;
      if (step.op === 'acc') events++;
      if (step.op === 'reseed') reseeds++;
      if (step.op === 'generate') {
        generates++;
        if (a.error !== undefined) unseeded++;
        bytes += Math.max(a.out?.length ?? 0, b.out?.length ?? 0) / 2;
      }
      const ka = answerKey(a);
      const kb = answerKey(b);
      if (ka !== kb) mismatches.push({ sequence, step: stepIndex, op: step.op, mirage: ka.slice(0, 80), randshim: kb.slice(0, 80) });
    });
  });
  return { kind, sequences: scripts.length, steps: all.length, events, reseeds, generates, unseededAnswers: unseeded, bytesCompared: bytes, mismatches, ...stats };
}

/** One cell of the cross-implementation matrix (issue 18): this campaign's HMAC_DRBG SHA-256
 * figures against mirage-crypto, with the conventions and the documented differences. */
export interface MatrixCell {
  readonly implementation: string;
  readonly configuration: string;
  readonly cases: number;
  readonly bytes: number;
  readonly mismatches: number;
  /** Why a figure is missing (not applicable), when it is. */
  readonly notApplicable?: string;
  /** Documented differences, each with the spec that shows it. */
  readonly differences: readonly string[];
}

/** Each shown by test/fortuna/mirage-hmac.spec.ts. */
export const MIRAGE_HMAC_DIFFERENCES: readonly string[] = [
  'generate takes no additional input (0.10.7 API); adin only through reseed',
  'no reseed counter, interval or prediction resistance; no 2^16-byte request limit',
  'reseed of empty data runs Update\'s second round (SP 800-90A 10.1.2.2 step 3 does not)',
  'generate 0 skips V = HMAC(K, V) (OpenSSL\'s drbg_hmac.c and randshim compute it)',
];

export function mirageHmacDrbgCell(result: CampaignResult | null, version: string, reason?: string): MatrixCell {
  const base = { implementation: `mirage-crypto ${version}`, configuration: 'HMAC_DRBG SHA-256', differences: MIRAGE_HMAC_DIFFERENCES };
  if (result === null) return { ...base, cases: 0, bytes: 0, mismatches: 0, notApplicable: reason ?? 'mirage-crypto driver not available' };
  return { ...base, cases: result.steps, bytes: result.bytesCompared, mismatches: result.mismatches.length };
}
