/**
 * The live lines' section of the conformance report (`npm start`), ready for scripts/report.ts's
 * SECTIONS list: per line, the build found (library, version, packages) or why not, then per
 * suite what was compared: EVP_RAND and RAND front-end calls with their differences from 3.0
 * (explained by the table, or not), the probes, and the step-level differential campaign (all
 * 28 configurations, on every core; --cases total per line, default 2,000 per configuration). The section fails
 * on a differential mismatch, an unexplained scenario difference or a probe that departs from
 * probe-expectations.ts.
 */
import { basename } from 'node:path';
import { availableParallelism } from 'node:os';
import { counted, type ReportOptions, type ReportSection, type SummaryRow } from './section.js';
import { runConformance } from '../conformance/cli.js';
import { formatTable } from './table.js';
import { ALL_CONFIGS } from '../../interop/suites/differential/configs.js';
import { evpRandScenarios } from '../../interop/suites/evp-rand/scenarios.js';
import { ScenarioFiles } from '../../interop/suites/rand-front-end/files.js';
import { rand3Scenarios } from '../../interop/suites/rand-front-end/scenarios.js';
import { discoverLines } from '../../interop/builds/openssl-lines/build.js';
import { compareLineScenarios } from '../../interop/builds/openssl-lines/compare.js';
import { explain } from '../../interop/builds/openssl-lines/differences.js';
import { buildName, LINE_IDS } from '../../interop/builds/openssl-lines/lines.js';
import { probeMismatches } from '../../interop/builds/openssl-lines/probe-expectations.js';
import { runParamBatteryRandshim } from '../../interop/builds/openssl-lines/param-battery.js';
import { lineParamScenarios } from '../../interop/builds/openssl-lines/param-scenarios.js';
import { withLine } from '../../provider/openssl3/lines.js';

/** Differential cases per line: 2,000 per configuration (28 configurations). */
const DEFAULT_CASES = 2000 * ALL_CONFIGS.length;

/** The line's differential campaign on every core (scripts/conformance: one child per worker). */
async function lineCampaign(name: string, opts: ReportOptions, cases: number) {
  const report = await runConformance({
    command: 'run', oracles: [name], libs: [], loader: null, libraryPath: null, cases, seed: opts.seed,
    jobs: Math.min(2, availableParallelism()), shard: { index: 1, count: 1 }, format: 'text', out: null, timing: true,
    progress: false,
  }, { stdout: () => undefined, stderr: () => undefined, tty: false,
    progress: (_, done, total) => opts.onProgress?.(done, total, `${name}: differential blocks`) });
  return report.oracles[0];
}

export async function runLinesSection(opts: ReportOptions): Promise<ReportSection | null> {
  const lines = LINE_IDS.filter((l) => opts.oracle === undefined || opts.oracle === buildName(l));
  if (lines.length === 0) return null;
  const found = await discoverLines(lines);
  const text: string[] = [formatTable(['build', 'status', 'library', 'version'], found.map((d) => (d.build !== undefined
    ? [d.name, 'found', `${basename(d.build.paths.libcrypto)} in .cache/openssl-lines/${d.build.line}/root`, d.build.hello.version]
    : [d.name, 'unavailable', d.available ? '' : d.reason, ''])))];
  const json: unknown[] = [];
  const summary: SummaryRow[] = found.filter((d) => d.build === undefined).map((d) => ({ suite: 'line suites',
    oracle: d.name, compared: 'nothing', bytes: null, mismatches: null, unavailable: d.available ? '' : d.reason }));
  let ok = true;
  const files = new ScenarioFiles();
  try {
    for (const d of found) {
      const build = d.build;
      if (build === undefined) continue;
      const rows: (string | number)[][] = [];
      const suites = [['evp-rand', 'evp-rand', evpRandScenarios()], ['rand-front-end', 'rand-front-end', rand3Scenarios()],
        ['OSSL_PARAM scenarios', 'evp-rand', lineParamScenarios()]] as const;
      for (const [name, suite, scenarios] of suites) {
        const c = await compareLineScenarios(build, suite, scenarios, files);
        const unexplained = c.differences.filter((x) => explain(x) === undefined);
        ok &&= unexplained.length === 0;
        rows.push([name, c.scenarios, c.calls, c.bytes, c.differences.length - unexplained.length, unexplained.length]);
        summary.push({ suite: name === 'evp-rand' ? 'EVP_RAND' : name === 'rand-front-end' ? 'RAND front end' : name,
          oracle: build.name, compared: counted(c.calls, 'calls'), bytes: suite === 'evp-rand' ? c.bytes : null,
          mismatches: unexplained.length });
        json.push({ build: build.name, suite: name, scenarios: c.scenarios, calls: c.calls, bytes: c.bytes,
          differences: c.differences.length, unexplained });
      }
      // crypto/params.c's own functions, called in the line's child and on its personality
      const battery = await build.paramBattery();
      const mine = withLine(build.line, () => runParamBatteryRandshim());
      const batteryDiffers = battery.filter((call, k) => JSON.stringify(call) !== JSON.stringify(mine[k])).length
        + Math.abs(battery.length - mine.length);
      ok &&= batteryDiffers === 0 && battery.length > 0;
      rows.push(['OSSL_PARAM functions', '', battery.length, '', '', batteryDiffers]);
      summary.push({ suite: 'OSSL_PARAM functions', oracle: build.name, compared: counted(battery.length, 'calls'), bytes: null,
        mismatches: batteryDiffers });
      json.push({ build: build.name, paramBattery: { calls: battery.length, differences: batteryDiffers } });
      const probes = probeMismatches(await build.probes(), build.line);
      ok &&= probes.mismatches.length === 0;
      rows.push(['probes', '', probes.steps, '', '', probes.mismatches.length]);
      summary.push({ suite: 'probes', oracle: build.name, compared: counted(probes.steps, 'probes'), bytes: null,
        mismatches: probes.mismatches.length });
      const r = await lineCampaign(build.name, opts, opts.cases ?? DEFAULT_CASES);
      const t = r.totals;
      ok &&= r.available && t.mismatches === 0 && t.cases > 0;
      json.push({ build: build.name, differential: r });
      summary.push({ suite: 'differential node', oracle: build.name, compared: counted(t.cases, 'cases'),
        bytes: t.bytesCompared, mismatches: r.available ? t.mismatches : null, ...(r.available ? {} : { unavailable: r.reason ?? '' }) });
      text.push('', `${build.name}: ${build.hello.version}, ${build.manifest.suite} (${build.manifest.packages[0]}), `
        + `glibc ${build.hello.glibc}`);
      text.push(formatTable(['suite', 'scenarios', 'calls', 'bytes', 'in the table', 'unexplained'], rows));
      text.push(`differential (node backend, seed ${opts.seed}, ${r.timing?.jobs ?? 1} jobs): ${counted(t.cases, 'cases')}, `
        + `${counted(t.steps, 'steps')}, ${counted(t.bytesCompared, 'bytes')}, ${t.mismatches} mismatches `
        + `(${(r.timing?.seconds ?? 0).toFixed(1)} s)${r.available ? '' : `: ${r.reason ?? ''}`}`);
      for (const m of r.mismatches) text.push(`  MISMATCH ${m.config} ${m.caseId} step ${m.step} ${m.field}: `
        + `OpenSSL ${JSON.stringify(m.expected).slice(0, 120)} randshim ${JSON.stringify(m.got).slice(0, 120)}`);
      for (const m of probes.mismatches) text.push(`  probe mismatch: ${m.slice(0, 300)}`);
    }
  } finally {
    files.close();
    for (const d of found) await d.build?.close();
  }
  text.push('', 'Each line is compared with its own personality (randshim/compat/<line>): "in the table" counts '
    + 'differences the per-line table knows but the personality does not model, "unexplained" the rest (both 0 when '
    + 'the personality answers every call as the line). How the lines differ from 3.0: docs/openssl-lines.md.');
  return { title: 'The live OpenSSL lines (3.5, 3.6, 4.0) in child processes', text: text.join('\n'), ok, json, summary };
}
