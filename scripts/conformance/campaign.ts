/**
 * The conformance campaign, cut into blocks so that it can run on any number of worker threads
 * or machines and still give the same per-case results and the same report.
 *
 * A campaign of `cases` cases over the configurations both sides support gives each
 * configuration an equal share (the first ones one more when it does not divide), and cuts each
 * share into blocks of {@link BLOCK_CASES}. Block b of configuration c generates its cases from
 * its own seed (configSeed(seed, c) mixed with b), so any worker can generate any block without
 * generating the ones before it. Every case runs on a fresh DRBG on both sides, so a case's
 * result depends on the case alone, whichever worker runs it and in which order.
 *
 * Shard K of N is the blocks whose global index is K-1 modulo N (interleaved, so that expensive
 * configurations spread over the shards). Mismatch details are kept for the first
 * {@link MAX_REPORTED} mismatches in block order: each block keeps its first ones, and the union
 * sorted by position keeps the first overall, so merged shards report the same ones.
 */
import { compareCase, countCase, zeroCounts, type Counts } from '../../interop/suites/differential/compare.js';
import { configLabel } from '../../interop/suites/differential/configs.js';
import type { DiffCase, Driver, DrbgConfig } from '../../interop/suites/differential/driver.js';
import { CaseGenerator } from '../../interop/suites/differential/generator.js';
import { addCounts, configSeed, shrink } from '../../interop/suites/differential/runner.js';

/** Cases per block: the unit of work of a worker and of a shard. */
export const BLOCK_CASES = 100;

/** Mismatches reported in detail per oracle (all are counted). */
export const MAX_REPORTED = 5;

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export interface BlockSpec {
  /** Position in the campaign's block list (all shards). */
  readonly global: number;
  readonly config: DrbgConfig;
  /** Index of the block within its configuration. */
  readonly block: number;
  readonly cases: number;
}

export interface MismatchDetail {
  /** [global block index, case index in the block]: the order reports keep. */
  readonly position: readonly [number, number];
  readonly config: string;
  readonly caseId: string;
  readonly step: number;
  readonly field: string;
  readonly expected: unknown;
  readonly got: unknown;
  /** The smallest case found that still mismatches (runner.ts shrink). */
  readonly minimal: DiffCase;
}

export interface BlockResult {
  readonly global: number;
  readonly config: string;
  readonly counts: Counts;
  readonly mismatches: readonly MismatchDetail[];
}

/** Every block of a campaign of `cases` cases over `configs`, in order (all shards). */
export function planBlocks(cases: number, configs: readonly DrbgConfig[]): BlockSpec[] {
  const blocks: BlockSpec[] = [];
  configs.forEach((config, i) => {
    let share = Math.floor(cases / configs.length) + (i < cases % configs.length ? 1 : 0);
    for (let block = 0; share > 0; block++) {
      const n = Math.min(BLOCK_CASES, share);
      blocks.push({ global: blocks.length, config, block, cases: n });
      share -= n;
    }
  });
  return blocks;
}

/** The blocks of one shard. */
export function shardBlocks(blocks: readonly BlockSpec[], shard: Shard): BlockSpec[] {
  return blocks.filter((b) => b.global % shard.count === shard.index - 1);
}

/** The seed of one block: its configuration's seed (runner.ts configSeed) mixed with the block
 * index through the FNV-1a step, so blocks of one configuration differ. */
export function blockSeed(seed: number, config: DrbgConfig, block: number): number {
  let h = configSeed(seed, config);
  for (let shift = 0; shift < 32; shift += 8) h = Math.imul(h ^ ((block >>> shift) & 0xff), 0x01000193) >>> 0;
  return h;
}

/** The cases of one block. */
export function blockCases(seed: number, spec: BlockSpec): DiffCase[] {
  const s = blockSeed(seed, spec.config, spec.block);
  const gen = new CaseGenerator({ seed: s, config: spec.config, idPrefix: `${configLabel(spec.config)} block ${spec.block} seed ${s}` });
  return Array.from({ length: spec.cases }, () => gen.next());
}

/** Runs one block on both drivers and compares every step. */
export async function runBlock(subject: Driver, oracle: Driver, seed: number, spec: BlockSpec): Promise<BlockResult> {
  const cases = blockCases(seed, spec);
  const [expected, got] = await Promise.all([oracle.runBatch(cases), subject.runBatch(cases)]);
  const counts = zeroCounts();
  const mismatches: MismatchDetail[] = [];
  const label = configLabel(spec.config);
  for (let i = 0; i < cases.length; i++) {
    const cmp = compareCase(expected[i], got[i]);
    countCase(counts, expected[i], cmp);
    if (cmp.mismatch === null) continue;
    if (mismatches.length >= MAX_REPORTED) continue;
    const shrunk = await shrink(subject, oracle, cases[i], cmp.mismatch);
    mismatches.push({
      position: [spec.global, i], config: label, caseId: cases[i].id, step: cmp.mismatch.step,
      field: cmp.mismatch.field, expected: cmp.mismatch.expected, got: cmp.mismatch.got, minimal: shrunk.minimal,
    });
  }
  return { global: spec.global, config: label, counts, mismatches };
}

/** Per-configuration counts and the first mismatches, from block results in any order. */
export function aggregate(configs: readonly DrbgConfig[], results: readonly BlockResult[]): {
  perConfig: { config: string; counts: Counts }[]; totals: Counts; mismatches: MismatchDetail[];
} {
  const perConfig = configs.map((c) => ({ config: configLabel(c), counts: zeroCounts() }));
  const byLabel = new Map(perConfig.map((p) => [p.config, p.counts]));
  const totals = zeroCounts();
  const all: MismatchDetail[] = [];
  for (const r of results) {
    const into = byLabel.get(r.config);
    if (into === undefined) throw new Error(`block ${r.global} has configuration ${r.config}, not in the campaign`);
    addCounts(into, r.counts);
    addCounts(totals, r.counts);
    all.push(...r.mismatches);
  }
  return { perConfig, totals, mismatches: firstMismatches(all) };
}

/** The first {@link MAX_REPORTED} mismatches by position. */
export function firstMismatches(all: readonly MismatchDetail[]): MismatchDetail[] {
  return [...all].sort((a, b) => a.position[0] - b.position[0] || a.position[1] - b.position[1]).slice(0, MAX_REPORTED);
}
