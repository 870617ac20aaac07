/**
 * The differential section of the conformance report: which step-level oracles were found
 * (name, library, version) or why not, then per oracle and configuration the seeded random
 * cases run on randshim and on the real OpenSSL, with the steps, error paths and output bytes
 * compared and the mismatches (each with a shrunk reproduction).
 *
 * `--cases N` is the number of cases per oracle campaign on the node backend, split evenly
 * over the oracle's configurations; the node-native and forge backends (the latter pure
 * JavaScript, several times slower) run a tenth of them each.
 */
import { closeAll, discoverStepOracles, type OracleEntry } from '../../interop/suites/differential/oracles.js';
import type { Driver } from '../../interop/suites/differential/driver.js';
import { ALL_CONFIGS, CTR_CONFIGS } from '../../interop/suites/differential/configs.js';
import { formatReport, runCampaign, type CampaignResult } from '../../interop/suites/differential/runner.js';
import { randshimDriver3x } from '../../interop/suites/differential/run-randshim.js';
import { randshimDriver111 } from '../../interop/suites/differential/run-randshim111.js';
import type { BackendName } from '../../provider/sp800-90a/primitives/backend.js';
import { counted, type ReportOptions, type ReportSection, type SummaryRow } from './section.js';
import { formatTable } from './table.js';

/** Default cases per campaign (node backend): about a minute in all on a 2-core machine. */
const DEFAULT_CASES: Record<string, number> = {
  'system-3': 5600, 'system-3-ffi-rs': 2800, 'system-1.1.1': 6000, 'node16-1.1.1': 6000,
};

async function campaign(oracle: Driver, backend: BackendName, total: number, opts: ReportOptions): Promise<CampaignResult> {
  const configs = oracle.info.flavor === '3.x' ? ALL_CONFIGS : CTR_CONFIGS;
  const subject = oracle.info.flavor === '3.x' ? randshimDriver3x(backend) : randshimDriver111(backend);
  const perConfig = Math.max(1, Math.ceil(total / configs.length));
  return runCampaign(subject, oracle, {
    seed: opts.seed, casesPerConfig: perConfig, configs, progress: opts.onProgress === undefined ? undefined
      : (done, all) => opts.onProgress?.(done, all, `${oracle.info.name}, ${backend} backend`),
  });
}

export async function runDifferentialSection(opts: ReportOptions): Promise<ReportSection> {
  const oracles = await discoverStepOracles(opts.oracle);
  const lines: string[] = [];
  const json: unknown[] = [];
  const summary: SummaryRow[] = [];
  let ok = true;
  try {
    lines.push(formatTable(['oracle', 'status', 'library', 'version'], oracles.map((o: OracleEntry) => (o.driver !== undefined
      ? [o.name, 'found', o.driver.info.library, o.driver.info.version]
      : [o.name, 'unavailable', o.reason ?? '', '']))));
    for (const o of oracles) {
      if (o.driver === undefined) {
        summary.push({ suite: 'differential', oracle: o.name, compared: 'nothing', bytes: null, mismatches: null,
          unavailable: o.reason ?? '' });
        continue;
      }
      const total = opts.cases ?? DEFAULT_CASES[o.name] ?? 2000;
      for (const backend of ['node', 'node-native', 'forge'] as const) {
        const n = backend === 'node' ? total : Math.max(1, Math.floor(total / 10));
        const result = await campaign(o.driver, backend, n, opts);
        ok &&= result.totals.mismatches === 0 && result.totals.cases > 0;
        json.push(result);
        summary.push({ suite: `differential ${backend}`, oracle: o.name, compared: counted(result.totals.cases, 'cases'),
          bytes: result.totals.bytesCompared, mismatches: result.totals.mismatches });
        lines.push('', `${o.name} vs ${result.subject} (seed ${result.seed}, ${result.seconds.toFixed(1)} s)`);
        lines.push(formatTable(['configuration', 'cases', 'steps', 'error steps', 'outputs', 'bytes compared', 'mismatches'],
          [...result.stats, { config: 'total', ...result.totals }].map((s) => [
            s.config, s.cases, s.steps, s.failingSteps, s.outputs, s.bytesCompared, s.mismatches,
          ])));
        for (const r of result.reports) lines.push(formatReport(r));
      }
    }
  } finally {
    await closeAll(oracles);
  }
  const found = oracles.filter((o) => o.driver !== undefined).length;
  if (found === 0) lines.push('', 'no oracle available: nothing compared');
  return { title: 'Differential campaigns against real OpenSSL (step level)', text: lines.join('\n'), ok, json, summary };
}
