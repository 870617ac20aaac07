/**
 * The FIPS-provider section of the conformance report (`npm start`), ready for scripts/report.ts's
 * SECTIONS list: per line, the real FIPS provider found (version, fips.so, configurations) or why
 * not, then per line and configuration what was compared with randshim's model
 * (interop/suites/fips/suite.ts): DRBG scenarios, CRNG-TEST cases (both cutoffs, plus seeded
 * random ones), self-test event sequences (load, on demand, deferred, each corruption), the
 * digest matrix, and provider selection through randshim's personality of the line. The section
 * fails on any mismatch or on a suite that compared nothing.
 */
import { join, relative } from 'node:path';
import { counted, type ReportOptions, type ReportSection, type SummaryRow } from './section.js';
import { formatTable } from './table.js';
import { repoRoot } from '../../interop/builds/openssl111/load.js';
import { LINE_IDS, type LineId } from '../../interop/builds/fips-provider/configs.js';
import { lineConfigs, runConfig, type ConfigResult, type SuiteOptions } from '../../interop/suites/fips/suite.js';

const RANDOM_CRNG = 48;

const OPTIONS_LEGEND = [
  'default  = fipsinstall                             (drbg-no-trunc-md = 0, self-tests at every load)',
  'no-trunc = fipsinstall -no_drbg_truncated_digests  (drbg-no-trunc-md = 1)',
  'onload   = fipsinstall -self_test_onload',
  'defer    = fipsinstall -defer_tests                (4.0: defer-tests = 1, DRBG tests at first use)',
];

type Row = (string | number)[];

function rowsOf(r: ConfigResult): { rows: Row[]; ok: boolean } {
  const { line, id } = r.config;
  const rows: Row[] = [];
  let ok = true;
  const chains = (suite: string, c: { chains: number; steps: number; bytes: number; mismatches: readonly string[] }, note = ''): void => {
    ok &&= c.mismatches.length === 0 && c.steps > 0;
    rows.push([line, id, suite, c.chains, c.steps, c.bytes, '', c.mismatches.length, note]);
  };
  chains('DRBG scenarios', r.drbg);
  if (r.crng !== null) chains('CRNG-TEST', r.crng, `${r.crng.refusals} refused`);
  const checks = r.events;
  const mismatches = checks.filter((c) => c.mismatch !== null).length;
  const events = checks.reduce((n, c) => n + c.real.length * c.sequences, 0);
  const crashes = checks.reduce((n, c) => n + c.crashes, 0);
  ok &&= mismatches === 0 && events > 0;
  rows.push([line, id, 'self-test events', checks.length, events, '', crashes, mismatches, `${r.loadEventCount} KAT events at load`]);
  chains('digest matrix', r.digests, `drbg-no-trunc-md ${r.config.drbgNoTruncMd}`);
  if (r.selection !== null) {
    ok &&= r.selection.mismatches.length === 0 && r.selection.steps > 0;
    rows.push([line, id, 'selection', r.selection.cases, r.selection.steps, '', '', r.selection.mismatches.length, 'compat/' + line]);
  }
  return { rows, ok };
}

/** `lines` and `suite` narrow the run (test/report/fips-section.spec.ts); npm start runs all. */
export async function runFipsSection(opts: ReportOptions, lines: readonly LineId[] = LINE_IDS,
  suite: SuiteOptions = { randomCrng: RANDOM_CRNG, corruption: true }): Promise<ReportSection | null> {
  if (opts.oracle !== undefined && opts.oracle !== 'fips') return null;
  const found: Row[] = [['3.0', 'none', 'no FIPS binary exists for 3.0; rows from source', '']];
  const rows: Row[] = [];
  const details: string[] = [];
  const paths: string[] = [];
  const json: unknown[] = [];
  const summary: SummaryRow[] = [];
  let ok = true;
  for (const line of lines) {
    const { configs, missing } = lineConfigs(line);
    if (configs.length === 0) {
      found.push([line, 'unavailable', missing[0] ?? 'no configuration', '']);
      summary.push({ suite: 'FIPS provider', oracle: `fips-${line}`, compared: 'nothing', bytes: null, mismatches: null,
        unavailable: missing[0] ?? 'no configuration' });
      continue;
    }
    const results: ConfigResult[] = [];
    for (const config of configs) results.push(await runConfig(config, suite));
    const p = results[0].load.provider;
    const fipsSo = relative(repoRoot(), join(configs[0].linePaths.modules, 'fips.so'));
    found.push([line, p === null ? 'not loaded' : 'found', p === null ? results[0].load.errors.map((e) => e.reason).join(' ')
      : `${p.name} ${p.version}`, configs.map((c) => c.id).join(' ')]);
    paths.push(`fips.so of ${line}: ${fipsSo}`);
    for (const m of missing) details.push(`  missing: ${m}`);
    const before = rows.length;
    for (const r of results) {
      const { rows: add, ok: good } = rowsOf(r);
      rows.push(...add);
      ok &&= good && r.load.available === 1;
      for (const c of r.events) if (c.mismatch !== null) details.push(`  ${line} ${r.config.id} ${c.label}: ${c.mismatch.slice(0, 200)}`);
      for (const m of [...r.drbg.mismatches, ...(r.crng?.mismatches ?? []), ...r.digests.mismatches, ...(r.selection?.mismatches ?? [])].slice(0, 5)) {
        details.push(`  ${line} ${r.config.id}: ${m.slice(0, 200)}`);
      }
      json.push({ line, config: r.config.id, options: r.config.options, provider: r.load.provider, drbg: r.drbg, crng: r.crng,
        events: r.events, digests: r.digests, selection: r.selection && { ...r.selection, real: undefined } });
    }
    // Row columns: line, config, suite, cases, steps, bytes, crashes, mismatches, note.
    const mine = rows.slice(before);
    const sum = (k: number): number => mine.reduce((n, row) => n + (typeof row[k] === 'number' ? row[k] : 0), 0);
    summary.push({ suite: 'FIPS provider', oracle: `fips-${line}`, compared: counted(sum(4), 'steps'),
      bytes: sum(5), mismatches: sum(7) });
  }
  const text = [
    formatTable(['line', 'status', 'FIPS provider', 'configurations'], found),
    ...paths,
    '',
    formatTable(['line', 'config', 'suite', 'cases', 'steps', 'bytes', 'crashes', 'mismatches', ''], rows),
    ...details,
    '',
    ...OPTIONS_LEGEND,
    'self-test events: DRBG KAT events compared (HASH, CTR, HMAC: Start, Corrupt, Pass/Fail) at load,',
    'on demand, deferred first use and each test corrupted at load and on demand. crashes: 4.0',
    'children that died (SIGSEGV) in a later KAT after a corrupted HASH/HMAC test, retried; their',
    'DRBG events are compared too. Out of scope: the module integrity MAC, the non-DRBG KATs,',
    'jitter entropy (docs/fips.md).',
  ];
  return { title: 'The real FIPS provider (3.5, 3.6, 4.0) against randshim\'s FIPS model', text: text.join('\n'), ok, json, summary };
}
