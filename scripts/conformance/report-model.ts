/**
 * The conformance report as data: what `--format json` writes, what a shard file holds and what
 * `merge` reads back. Everything a run measures except timing is a function of (oracle, seed,
 * cases, shard): timing lives in `timing` objects only, so two runs compare equal without them.
 */
import type { DrbgConfig } from '../../interop/suites/differential/driver.js';
import { zeroCounts, type Counts } from '../../interop/suites/differential/compare.js';
import { addCounts } from '../../interop/suites/differential/runner.js';
import { aggregate, firstMismatches, type BlockResult, type MismatchDetail, type Shard } from './campaign.js';
import type { OracleRecord } from './oracles.js';

export const REPORT_SCHEMA = 'randshim-conformance/1';

export interface Timing {
  readonly seconds: number;
  readonly casesPerSecond: number;
  readonly jobs: number;
}

export interface OracleReport extends OracleRecord {
  readonly available: boolean;
  /** Why it could not be compared. */
  readonly reason?: string;
  /** The randshim driver it was compared with. */
  readonly subject?: string;
  /** Configurations in campaign order: both sides support them. */
  readonly configs: { readonly config: string; readonly counts: Counts }[];
  /** Blocks of the whole campaign (all shards) and how many this report holds. */
  readonly blocks: { readonly total: number; readonly run: number };
  readonly totals: Counts;
  /** The first mismatches, in campaign order, with a shrunk reproduction each. */
  readonly mismatches: readonly MismatchDetail[];
  readonly timing?: Timing;
}

export interface Report {
  readonly schema: typeof REPORT_SCHEMA;
  readonly seed: number;
  /** Cases asked for per oracle (all shards). */
  readonly cases: number;
  /** The shards this report holds: one for a shard file, every one of them after merge. */
  readonly shards: readonly Shard[];
  readonly shardCount: number;
  /** 'explicit': the oracles were named (--oracle / --lib), so an unavailable one fails the run;
   * 'all': every known oracle, the unavailable ones only reported. */
  readonly selection: 'explicit' | 'all';
  readonly oracles: readonly OracleReport[];
  readonly totals: Counts;
  readonly timing?: Timing;
}

export function availableReport(record: OracleRecord, subject: string, configs: readonly DrbgConfig[],
  blocks: { total: number; results: readonly BlockResult[] }, timing: Timing): OracleReport {
  const a = aggregate(configs, blocks.results);
  return {
    ...record, available: true, subject, configs: a.perConfig, blocks: { total: blocks.total, run: blocks.results.length },
    totals: a.totals, mismatches: a.mismatches, timing,
  };
}

export function unavailableReport(record: OracleRecord, reason: string): OracleReport {
  return { ...record, available: false, reason, configs: [], blocks: { total: 0, run: 0 }, totals: zeroCounts(), mismatches: [] };
}

export function buildReport(seed: number, cases: number, shard: Shard, selection: Report['selection'], oracles: readonly OracleReport[], seconds: number,
  jobs: number): Report {
  const totals = zeroCounts();
  for (const o of oracles) addCounts(totals, o.totals);
  return {
    schema: REPORT_SCHEMA, seed, cases, shards: [shard], shardCount: shard.count, selection, oracles, totals,
    timing: { seconds, casesPerSecond: rate(totals.cases, seconds), jobs },
  };
}

export function rate(cases: number, seconds: number): number {
  return seconds > 0 ? Math.round(cases / seconds) : 0;
}

/** The same report without any timing, for comparing runs. */
export function withoutTiming(r: Report): Report {
  const { timing: _t, ...rest } = r;
  return { ...rest, oracles: r.oracles.map(({ timing: _o, ...o }) => o) };
}

/** Why `reports` cannot be merged into one, or null. */
function mergeProblem(reports: readonly Report[]): string | null {
  if (reports.length === 0) return 'nothing to merge';
  const [first] = reports;
  for (const r of reports) {
    if (r.schema !== REPORT_SCHEMA) return `not a ${REPORT_SCHEMA} file (schema ${String(r.schema)})`;
    if (r.seed !== first.seed || r.cases !== first.cases || r.shardCount !== first.shardCount || r.selection !== first.selection) {
      return `shards of different campaigns (seed ${r.seed}/${first.seed}, cases ${r.cases}/${first.cases}, ` +
        `shard count ${r.shardCount}/${first.shardCount})`;
    }
    const names = r.oracles.map((o) => `${o.name} ${o.version ?? ''}`).join(', ');
    const firstNames = first.oracles.map((o) => `${o.name} ${o.version ?? ''}`).join(', ');
    if (names !== firstNames) return `shards of different oracles (${names} / ${firstNames})`;
  }
  const seen = new Set<number>();
  for (const s of reports.flatMap((r) => r.shards)) {
    if (seen.has(s.index)) return `shard ${s.index}/${first.shardCount} given twice`;
    seen.add(s.index);
  }
  const missing = Array.from({ length: first.shardCount }, (_, i) => i + 1).filter((i) => !seen.has(i));
  return missing.length === 0 ? null : `shards missing: ${missing.map((i) => `${i}/${first.shardCount}`).join(', ')}`;
}

/** Merges shard reports into the report of the whole campaign. Throws with the reason when they
 * are not the shards of one campaign. */
export function mergeReports(reports: readonly Report[]): Report {
  const problem = mergeProblem(reports);
  if (problem !== null) throw new Error(problem);
  const [first] = reports;
  const oracles = first.oracles.map((o, i): OracleReport => {
    const parts = reports.map((r) => r.oracles[i]);
    const unavailable = parts.find((p) => !p.available);
    if (unavailable !== undefined) return { ...unavailableReport(unavailable, unavailable.reason ?? 'unavailable') };
    const configs = o.configs.map((c) => ({ config: c.config, counts: zeroCounts() }));
    const totals = zeroCounts();
    for (const p of parts) {
      p.configs.forEach((c, k) => addCounts(configs[k].counts, c.counts));
      addCounts(totals, p.totals);
    }
    const seconds = Math.max(...parts.map((p) => p.timing?.seconds ?? 0));
    const { timing: _t, ...rest } = o;
    return {
      ...rest, configs, totals, blocks: { total: o.blocks.total, run: parts.reduce((n, p) => n + p.blocks.run, 0) },
      mismatches: firstMismatches(parts.flatMap((p) => p.mismatches)),
      timing: { seconds, casesPerSecond: rate(totals.cases, seconds), jobs: parts.reduce((n, p) => n + (p.timing?.jobs ?? 0), 0) },
    };
  });
  const totals = zeroCounts();
  for (const o of oracles) addCounts(totals, o.totals);
  const shards = reports.flatMap((r) => r.shards).sort((a, b) => a.index - b.index);
  const seconds = Math.max(...reports.map((r) => r.timing?.seconds ?? 0));
  return {
    schema: REPORT_SCHEMA, seed: first.seed, cases: first.cases, shards, shardCount: first.shardCount, selection: first.selection,
    oracles, totals,
    timing: { seconds, casesPerSecond: rate(totals.cases, seconds), jobs: reports.reduce((n, r) => n + (r.timing?.jobs ?? 0), 0) },
  };
}

/** 0: every oracle asked for compared cases with no mismatch; 1: a mismatch; 2: nothing
 * compared, an oracle asked for by name unavailable, or an incomplete (shard) report. */
export function exitCode(r: Report): 0 | 1 | 2 {
  if (r.totals.mismatches > 0) return 1;
  if (r.totals.cases === 0) return 2;
  if (r.selection === 'explicit' && r.oracles.some((o) => !o.available || o.totals.cases === 0)) return 2;
  return 0;
}

/** Whether the report covers every shard of its campaign. */
export function complete(r: Report): boolean {
  return r.shards.length === r.shardCount;
}
