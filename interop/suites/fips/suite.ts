/**
 * The FIPS-provider suites of one line, shared by test/fips/*.spec.ts and the `npm start`
 * section (scripts/report/fips.ts), each run on the real fips.so of a configuration and on
 * randshim's model:
 * - DRBG scenarios: FIPS DRBGs over TEST-RAND (./drbg-cases.ts life cycles, ./rule-cases.ts
 *   CAVP CTR vector, mandatory df, caller entropy on reseed used as additional input only);
 * - CRNG-TEST scenarios around both SP 800-90B cutoffs (./crng-cases.ts);
 * - the digest matrix under the configuration's drbg-no-trunc-md (./rule-cases.ts);
 * - the self-test event sequences (./self-test-checks.ts);
 * - provider selection the OpenSSL way, through randshim's personality of the line (./selection.ts).
 */
import { compareChainRuns, type ChainComparison } from './compare.js';
import { configsOf, readFipsConfig, type FipsConfig, type FipsConfigId, type LineId } from '../../builds/fips-provider/configs.js';
import { crngCases, randomCrngCases } from './crng-cases.js';
import { drbgCases } from './drbg-cases.js';
import { FipsOracle } from '../../builds/fips-provider/oracle.js';
import type { LoadResult } from '../../builds/fips-provider/protocol.js';
import { runChainRandshim } from './randshim-chain.js';
import { cavpCtrChain, digestMatrix, ruleChains } from './rule-cases.js';
import type { FipsChain, FipsChainRun } from './scenario.js';
import { selfTestChecks, type EventCheck } from './self-test-checks.js';
import { selectionCases, type SelectionResult } from './selection.js';
import { runSelectionRandshim } from './selection-randshim.js';

export interface ConfigResult {
  readonly config: FipsConfig;
  readonly load: LoadResult;
  /** Every self-test callback event at load (all KATs, not only the DRBG ones). */
  readonly loadEventCount: number;
  readonly events: readonly EventCheck[];
  readonly drbg: ChainComparison;
  /** Run on the configurations whose CRNG-TEST differs: default, and 4.0's defer. */
  readonly crng: (ChainComparison & { readonly refusals: number }) | null;
  readonly digests: ChainComparison;
  /** Run on the default configuration only (the others select the same way). */
  readonly selection: SelectionComparison | null;
}

export interface LineResult {
  readonly line: LineId;
  readonly configs: readonly ConfigResult[];
  /** Configurations that could not be run, with why. */
  readonly missing: readonly string[];
}

export interface SuiteOptions {
  /** Seeded random CRNG-TEST patterns besides the deterministic ones. */
  readonly randomCrng: number;
  /** Each DRBG test corrupted at load and on demand (one child per check). */
  readonly corruption: boolean;
}

/** `chains` in one child of `config` (loaded, no corruption) and on randshim's model. */
export async function compareChains(config: FipsConfig, chains: readonly FipsChain[]): Promise<{ comparison: ChainComparison; runs: readonly FipsChainRun[] }> {
  const oracle = new FipsOracle(config);
  try {
    await oracle.load(config.fipsCnf, null);
    const { runs } = await oracle.chains(chains);
    const model = chains.map((c) => runChainRandshim(c, { line: config.line, drbgNoTruncMd: config.drbgNoTruncMd === 1 }));
    return { comparison: compareChainRuns(runs, model), runs };
  } finally {
    await oracle.close().catch(() => undefined);
  }
}

export interface SelectionComparison {
  readonly cases: number;
  readonly steps: number;
  readonly mismatches: readonly string[];
  /** The real provider's answers, per case and step. */
  readonly real: readonly (readonly SelectionResult[])[];
}

/** The selection cases (./selection.ts) on the real line and on randshim's personality of it. */
export async function compareSelection(config: FipsConfig): Promise<SelectionComparison> {
  const oracle = new FipsOracle(config);
  try {
    const cases = selectionCases();
    const real = await oracle.selection(cases);
    const mismatches: string[] = [];
    let steps = 0;
    cases.forEach((c, i) => {
      const mine = runSelectionRandshim(config.line, c);
      c.steps.forEach((step, j) => {
        steps++;
        const a = JSON.stringify(real[i][j]);
        const b = JSON.stringify(mine[j]);
        if (a !== b) mismatches.push(`${c.name} step ${j} ${JSON.stringify(step)}: real ${a}, randshim ${b}`);
      });
    });
    return { cases: cases.length, steps, mismatches, real };
  } finally {
    await oracle.close().catch(() => undefined);
  }
}

/** The DRBG scenarios of a line. */
export const drbgScenarios = (line: LineId): FipsChain[] => [cavpCtrChain(), ...ruleChains(line), ...drbgCases(line)];

/** The CRNG-TEST scenarios: the deterministic set and `random` seeded ones. */
export const crngScenarios = (random: number): FipsChain[] => [...crngCases(), ...randomCrngCases(random)];

/** Steps the real provider refused with ENTROPY_SOURCE_FAILED_CONTINUOUS_TESTS. */
export const crngRefusals = (runs: readonly FipsChainRun[]): number =>
  runs.flatMap((r) => r.steps).filter((s) => s.errors.some((e) => e.reason === 'ENTROPY_SOURCE_FAILED_CONTINUOUS_TESTS')).length;

export async function runConfig(config: FipsConfig, options: SuiteOptions): Promise<ConfigResult> {
  const selfTests = await selfTestChecks(config, options);
  const drbg = (await compareChains(config, drbgScenarios(config.line))).comparison;
  let crng: ConfigResult['crng'] = null;
  if (config.id === 'default' || config.id === 'defer') {
    const r = await compareChains(config, crngScenarios(options.randomCrng));
    crng = { ...r.comparison, refusals: crngRefusals(r.runs) };
  }
  const digests = (await compareChains(config, digestMatrix(config.line, config.drbgNoTruncMd === 1))).comparison;
  const selection = config.id === 'default' ? await compareSelection(config) : null;
  return { config, load: selfTests.load, loadEventCount: selfTests.loadEventCount, events: selfTests.checks, drbg, crng, digests, selection };
}

/** Every configuration of `line` that is installed, and why the others are not. */
export function lineConfigs(line: LineId): { configs: FipsConfig[]; missing: string[] } {
  const configs: FipsConfig[] = [];
  const missing: string[] = [];
  for (const id of configsOf(line) as FipsConfigId[]) {
    const config = readFipsConfig(line, id);
    if ('reason' in config) missing.push(`${line} ${id}: ${config.reason}`);
    else configs.push(config);
  }
  return { configs, missing };
}

export async function runLine(line: LineId, options: SuiteOptions): Promise<LineResult> {
  const { configs, missing } = lineConfigs(line);
  const results: ConfigResult[] = [];
  for (const config of configs) results.push(await runConfig(config, options));
  return { line, configs: results, missing };
}
