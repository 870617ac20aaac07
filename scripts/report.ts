/**
 * `npm start`: randshim's conformance report.
 *
 *   npm start -- [--cases N] [--seed S] [--oracle NAME] [--json FILE]
 *
 * Sections: the NIST vectors on the engine, then every differential and scenario section that
 * compares randshim with real OpenSSL builds. Exits non-zero when anything disagrees.
 */
import { writeFileSync } from 'node:fs';
import type { ReportOptions, ReportSection } from './report/section.js';
import { runDifferentialSection } from './report/differential.js';
import { runEvpRandSections } from './report/evp-rand.js';
import { runVectorSection } from './report/vectors.js';
import { runOpensslCommandSections } from './report/openssl-command.js';
import { runRandDrbgSection } from './report/rand-drbg.js';
import { runRand3Sections } from './report/rand3.js';
import { runCloneSafetySection } from './report/clone-safety.js';
import { runMirageCryptoSection } from './report/mirage-crypto.js';
import { runPortedTestsSection } from './report/ported-tests.js';
import { runLinesSection } from './report/lines.js';
import { runFipsSection } from './report/fips.js';
import { runPeersSection } from './report/peers.js';
import { runMatrixSection } from './report/matrix.js';
import { runFuzzSection } from './report/fuzz.js';
import { ReportProgress } from './report/progress.js';
import { formatTable } from './report/table.js';
import { wrapText } from './report/text.js';

interface Options extends ReportOptions {
  json?: string;
}

const USAGE = 'usage: npm start -- [--cases N] [--seed S] [--oracle NAME] [--json FILE]';

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { seed: 1, progress: process.stderr.isTTY === true };
  const value = (i: number): string => {
    const v = argv[i];
    if (v === undefined) throw new Error(`${argv[i - 1]} needs a value\n${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') opts.json = value(++i);
    else if (arg === '--cases') (opts as { cases?: number }).cases = positive(value(++i), arg);
    else if (arg === '--seed') (opts as { seed: number }).seed = positive(value(++i), arg);
    else if (arg === '--oracle') (opts as { oracle?: string }).oracle = value(++i);
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  return opts;
}

function positive(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} takes a non-negative integer, got ${v}`);
  return n;
}

/** The report's phases, in order: each runs only what its options ask for: none (null or []),
 * one section, or one per build it compares with. */
type Phase = readonly [label: string, run: (opts: ReportOptions) => Promise<ReportSection | readonly ReportSection[] | null>];

const PHASES: readonly Phase[] = [
  ['NIST vectors, every backend', async (opts) => (opts.oracle === undefined ? runVectorSection(opts.onProgress) : null)],
  ['differential campaigns', runDifferentialSection],
  ['openssl rand, every build', runOpensslCommandSections],
  ['RAND_DRBG scenarios (1.1.1)', runRandDrbgSection],
  ['EVP_RAND scenarios (3.x)', runEvpRandSections],
  ['RAND front end scenarios (3.x)', runRand3Sections],
  ['live lines 3.5, 3.6, 4.0', runLinesSection],
  ['FIPS provider', runFipsSection],
  ['fuzz, bad input', runFuzzSection],
  ['clone safety', runCloneSafetySection],
  ['mirage-crypto', runMirageCryptoSection],
  ['Mbed TLS, wolfSSL', runPeersSection],
  ['cross-implementation matrix', runMatrixSection],
  ['ported OpenSSL tests', runPortedTestsSection],
];

/** What the report's words mean, printed first. */
const LEGEND = [
  'How to read it. Every figure compares randshim with an independent source: the NIST vectors, a',
  'real library (OpenSSL builds, Mbed TLS, wolfSSL, mirage-crypto) or a property that could fail.',
  '  case        one seeded DRBG life (instantiate, reseeds and generates with random lengths,',
  '              additional input and prediction resistance, uninstantiate), run on both sides',
  '  step        one call of a case; return code, output bytes, DRBG state, error queue and the',
  '              entropy requests it made are compared',
  '  error step  a step where the real library returned 0: its error reasons and the state it',
  '              left are compared',
  '  scenario    a scripted call sequence (EVP_RAND, RAND front end, RAND_DRBG), every call compared',
  '  mismatch    a step or call where randshim and the real library differ in anything compared',
];

function asList(produced: ReportSection | readonly ReportSection[] | null): readonly ReportSection[] {
  if (produced === null) return [];
  return 'title' in produced ? [produced] : produced;
}

const num = (n: number | null): string => (n === null ? '' : n.toLocaleString('en-US'));

/** The closing table: one line per suite and oracle, from every section's summary. */
function summaryTable(sections: readonly (ReportSection & { seconds: number })[]): string {
  const rows = sections.flatMap((s) => s.summary.map((r) => [
    r.suite, r.oracle, r.compared, num(r.bytes), r.unavailable !== undefined ? 'n/a' : num(r.mismatches),
    r.unavailable !== undefined ? 'unavailable' : r.mismatches === 0 ? 'ok' : 'DIFFERS',
  ]));
  const unavailable = sections.flatMap((s) => s.summary.filter((r) => r.unavailable !== undefined)
    .map((r) => `  ${r.oracle} (${r.suite}): ${r.unavailable}`));
  return [formatTable(['suite', 'oracle', 'compared', 'bytes', 'mismatches', 'result'], rows),
    ...(unavailable.length > 0 ? ['unavailable, nothing compared:', ...unavailable] : [])].join('\n');
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const progress = new ReportProgress(process.stderr.isTTY === true);
  const withProgress: ReportOptions = { ...opts, onProgress: progress.update };
  console.log(`randshim conformance report (seed ${opts.seed})\n\n${LEGEND.join('\n')}`);
  const sections: (ReportSection & { seconds: number })[] = [];
  for (const [label, run] of PHASES) {
    progress.begin(label);
    const phaseStarted = Date.now();
    const produced = asList(await run(withProgress));
    progress.end();
    const seconds = (Date.now() - phaseStarted) / 1000;
    for (const section of produced) {
      sections.push({ ...section, seconds: seconds / produced.length });
      console.log(`\n${wrapText(`== ${section.title}${section.ok ? '' : ' (DIFFERENCES)'}`)}\n${wrapText(section.text)}`);
    }
  }
  const ok = sections.every((s) => s.ok);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n== Summary\n${wrapText(summaryTable(sections))}`);
  console.log(`\n${ok ? 'OK' : 'FAILED'}: ${sections.length} sections in ${seconds} s`);
  if (opts.json !== undefined) {
    writeFileSync(opts.json, JSON.stringify({ ok, seconds: Number(seconds), sections: sections.map((s) => ({ title: s.title, ok: s.ok, seconds: s.seconds, summary: s.summary, data: s.json })) }, null, 2));
  }
  if (!ok) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 2;
});
