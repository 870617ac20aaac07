/**
 * The live lines' section of the conformance report (`npm start`), ready for scripts/report.ts's
 * SECTIONS list: per line, the build found (library, version, packages) or why not, then per
 * suite what was compared: EVP_RAND and RAND front-end calls with their differences from 3.0
 * (explained by the table, or not), the probes, and the step-level differential campaign (all
 * 28 configurations; --cases total per line, default 5600 as for system-3). The section fails
 * on a differential mismatch, an unexplained scenario difference or a probe that departs from
 * probe-expectations.ts.
 */
import { basename } from 'node:path';
import type { ReportOptions, ReportSection } from './section.js';
import { formatTable } from './table.js';
import { ALL_CONFIGS } from '../../interop/suites/differential/configs.js';
import { randshimDriver3x } from '../../interop/suites/differential/run-randshim.js';
import { formatReport, runCampaign } from '../../interop/suites/differential/runner.js';
import { evpRandScenarios } from '../../interop/suites/evp-rand/scenarios.js';
import { ScenarioFiles } from '../../interop/suites/rand-front-end/files.js';
import { rand3Scenarios } from '../../interop/suites/rand-front-end/scenarios.js';
import { discoverLines } from '../../interop/builds/openssl-lines/build.js';
import { compareLineScenarios } from '../../interop/builds/openssl-lines/compare.js';
import { explain } from '../../interop/builds/openssl-lines/differences.js';
import { buildName, LINE_IDS } from '../../interop/builds/openssl-lines/lines.js';
import { probeMismatches } from '../../interop/builds/openssl-lines/probe-expectations.js';

const DEFAULT_CASES = 5600;

export async function runLinesSection(opts: ReportOptions): Promise<ReportSection | null> {
  const lines = LINE_IDS.filter((l) => opts.oracle === undefined || opts.oracle === buildName(l));
  if (lines.length === 0) return null;
  const found = await discoverLines(lines);
  const text: string[] = [formatTable(['build', 'status', 'library', 'version'], found.map((d) => (d.build !== undefined
    ? [d.name, 'found', `${basename(d.build.paths.libcrypto)} in .cache/openssl-lines/${d.build.line}/root`, d.build.hello.version]
    : [d.name, 'unavailable', d.available ? '' : d.reason, ''])))];
  const json: unknown[] = [];
  let ok = true;
  const files = new ScenarioFiles();
  try {
    for (const d of found) {
      const build = d.build;
      if (build === undefined) continue;
      const rows: (string | number)[][] = [];
      for (const [suite, scenarios] of [['evp-rand', evpRandScenarios()], ['rand-front-end', rand3Scenarios()]] as const) {
        const c = await compareLineScenarios(build, suite, scenarios, files);
        const unexplained = c.differences.filter((x) => explain(x) === undefined);
        ok &&= unexplained.length === 0;
        rows.push([suite, c.scenarios, c.calls, c.bytes, c.differences.length - unexplained.length, unexplained.length]);
        json.push({ build: build.name, suite, scenarios: c.scenarios, calls: c.calls, bytes: c.bytes,
          differences: c.differences.length, unexplained });
      }
      const probes = probeMismatches(await build.probes(), build.line);
      ok &&= probes.mismatches.length === 0;
      rows.push(['probes', '', probes.steps, '', '', probes.mismatches.length]);
      const total = opts.cases ?? DEFAULT_CASES;
      const perConfig = Math.max(1, Math.ceil(total / ALL_CONFIGS.length));
      const r = await runCampaign(randshimDriver3x('node'), build.driver, { seed: opts.seed, casesPerConfig: perConfig, configs: ALL_CONFIGS });
      ok &&= r.totals.mismatches === 0 && r.totals.cases > 0;
      json.push({ build: build.name, differential: r });
      text.push('', `${build.name}: ${build.hello.version}, ${build.manifest.suite} (${build.manifest.packages[0]}), `
        + `glibc ${build.hello.glibc}`);
      text.push(formatTable(['suite', 'scenarios', 'calls', 'bytes', 'in the table', 'unexplained'], rows));
      text.push(`differential (node backend, seed ${r.seed}): ${r.totals.cases} cases, ${r.totals.steps} steps, `
        + `${r.totals.bytesCompared} bytes, ${r.totals.mismatches} mismatches (${r.seconds.toFixed(1)} s)`);
      for (const m of r.reports) text.push(formatReport(m));
      for (const m of probes.mismatches) text.push(`  probe mismatch: ${m.slice(0, 300)}`);
    }
  } finally {
    files.close();
    for (const d of found) await d.build?.close();
  }
  text.push('', 'Each line is compared with its own personality (randshim/compat/<line>); the differences'
    + ' it does not model yet are data, listed per line in docs/openssl-lines.md.');
  return { title: 'The live OpenSSL lines (3.5, 3.6, 4.0) in child processes', text: text.join('\n'), ok, json };
}
