/**
 * The differential runner: generates seeded cases per configuration, runs them in batches on
 * randshim and on an oracle, compares every step, and reports per configuration how many cases,
 * steps and output bytes were compared and how many mismatched. A mismatch comes back with its
 * seed, the case, and a shrunk reproduction (steps after the first difference dropped, then any
 * earlier step whose removal keeps a difference).
 */
import type { DiffCase, Driver, DrbgConfig } from './driver.js';
import { compareCase, countCase, zeroCounts, type Counts, type Mismatch } from './compare.js';
import { configLabel } from './configs.js';
import { CaseGenerator } from './generator.js';

export interface CampaignOptions {
  readonly seed: number;
  readonly casesPerConfig: number;
  readonly configs: readonly DrbgConfig[];
  readonly batchSize?: number;
  /** Called after every batch with cases done and total. */
  readonly progress?: (done: number, total: number) => void;
  /** Stop collecting mismatch details after this many (counting continues). Default 5. */
  readonly maxReported?: number;
}

export interface MismatchReport {
  readonly config: string;
  readonly seed: number;
  readonly case: DiffCase;
  readonly mismatch: Mismatch;
  /** The smallest case found that still mismatches. */
  readonly minimal: DiffCase;
  readonly minimalMismatch: Mismatch;
}

export interface ConfigStats extends Counts {
  readonly config: string;
}

export interface CampaignResult {
  readonly subject: string;
  readonly oracle: string;
  readonly seed: number;
  readonly stats: ConfigStats[];
  readonly reports: MismatchReport[];
  readonly totals: Omit<ConfigStats, 'config'>;
  readonly seconds: number;
}

/** A stable per-configuration seed so a campaign restricted to some configurations generates
 * the same cases for them as the full campaign. */
export function configSeed(seed: number, config: DrbgConfig): number {
  let h = seed >>> 0;
  for (const ch of configLabel(config)) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

async function mismatchOf(subject: Driver, oracle: Driver, c: DiffCase): Promise<Mismatch | null> {
  const [[o], [s]] = await Promise.all([oracle.runBatch([c]), subject.runBatch([c])]);
  return compareCase(o, s).mismatch;
}

/** Shrinks a mismatching case: cut after the first differing step, then drop steps greedily. */
export async function shrink(subject: Driver, oracle: Driver, c: DiffCase, m: Mismatch): Promise<{ minimal: DiffCase; mismatch: Mismatch }> {
  let best: DiffCase = m.step >= 0 ? { ...c, steps: c.steps.slice(0, m.step + 1) } : c;
  const truncated = await mismatchOf(subject, oracle, best);
  if (truncated === null) return { minimal: c, mismatch: m };
  let bestMismatch = truncated;
  for (let i = best.steps.length - 2; i >= 1; i--) {
    const trial: DiffCase = { ...best, steps: [...best.steps.slice(0, i), ...best.steps.slice(i + 1)] };
    const tm = await mismatchOf(subject, oracle, trial);
    if (tm !== null) {
      best = trial;
      bestMismatch = tm;
    }
  }
  return { minimal: best, mismatch: bestMismatch };
}

/** Adds `c` into `into`, field by field. */
export function addCounts(into: Counts, c: Counts): void {
  into.cases += c.cases;
  into.steps += c.steps;
  into.failingSteps += c.failingSteps;
  into.outputs += c.outputs;
  into.bytesCompared += c.bytesCompared;
  into.mismatches += c.mismatches;
}

export async function runCampaign(subject: Driver, oracle: Driver, opts: CampaignOptions): Promise<CampaignResult> {
  const started = Date.now();
  const batchSize = opts.batchSize ?? 200;
  const maxReported = opts.maxReported ?? 5;
  const configs = opts.configs.filter((c) => oracle.supports(c) && subject.supports(c));
  const total = configs.length * opts.casesPerConfig;
  const stats: ConfigStats[] = [];
  const reports: MismatchReport[] = [];
  let done = 0;
  for (const config of configs) {
    const label = configLabel(config);
    const seed = configSeed(opts.seed, config);
    const gen = new CaseGenerator({ seed, config, idPrefix: `${label} seed ${seed}` });
    const s: ConfigStats = { config: label, ...zeroCounts() };
    stats.push(s);
    for (let left = opts.casesPerConfig; left > 0;) {
      const n = Math.min(batchSize, left);
      const batch = Array.from({ length: n }, () => gen.next());
      const [oracleResults, subjectResults] = await Promise.all([oracle.runBatch(batch), subject.runBatch(batch)]);
      for (let i = 0; i < n; i++) {
        const cmp = compareCase(oracleResults[i], subjectResults[i]);
        countCase(s, oracleResults[i], cmp);
        if (cmp.mismatch !== null) {
          if (reports.length < maxReported) {
            const shrunk = await shrink(subject, oracle, batch[i], cmp.mismatch);
            reports.push({ config: label, seed, case: batch[i], mismatch: cmp.mismatch, minimal: shrunk.minimal, minimalMismatch: shrunk.mismatch });
          }
        }
      }
      left -= n;
      done += n;
      opts.progress?.(done, total);
    }
  }
  const totals = zeroCounts();
  for (const s of stats) addCounts(totals, s);
  return { subject: subject.info.name, oracle: oracle.info.name, seed: opts.seed, stats, reports, totals, seconds: (Date.now() - started) / 1000 };
}

/** A human-readable reproduction of a mismatch. */
export function formatReport(r: MismatchReport): string {
  return [
    `MISMATCH ${r.config} (${r.case.id}, config seed ${r.seed}) at step ${r.mismatch.step} (${r.mismatch.field})`,
    `  expected (OpenSSL): ${JSON.stringify(r.mismatch.expected)}`,
    `  got (randshim):     ${JSON.stringify(r.mismatch.got)}`,
    `  minimal reproduction (${r.minimal.steps.length} steps, differs at step ${r.minimalMismatch.step} ${r.minimalMismatch.field}):`,
    `  ${JSON.stringify(r.minimal)}`,
  ].join('\n');
}
