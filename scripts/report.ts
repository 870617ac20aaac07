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

/** The report's sections, in order. Each runs only what its options ask for: none (null or
 * []), one, or one per build it compares with. */
const SECTIONS: ((opts: ReportOptions) => Promise<ReportSection | readonly ReportSection[] | null>)[] = [
  async (opts) => (opts.oracle === undefined ? runVectorSection() : null),
  async (opts) => runDifferentialSection(opts),
  runOpensslCommandSections,
  runRandDrbgSection,
  runEvpRandSections,
  runRand3Sections,
  runLinesSection,
  runFipsSection,
  runCloneSafetySection,
  runMirageCryptoSection,
  runPeersSection,
  runMatrixSection,
  runPortedTestsSection,
];

function asList(produced: ReportSection | readonly ReportSection[] | null): readonly ReportSection[] {
  if (produced === null) return [];
  return 'title' in produced ? [produced] : produced;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  console.log('randshim conformance report');
  const sections: ReportSection[] = [];
  for (const run of SECTIONS) {
    const produced = await run(opts);
    for (const section of asList(produced)) {
      sections.push(section);
      console.log(`\n== ${section.title} ${section.ok ? '' : '(DIFFERENCES)'}\n${section.text}`);
    }
  }
  const ok = sections.every((s) => s.ok);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n${ok ? 'OK' : 'FAILED'}: ${sections.length} sections in ${seconds} s`);
  if (opts.json !== undefined) {
    writeFileSync(opts.json, JSON.stringify({ ok, seconds: Number(seconds), sections: sections.map((s) => ({ title: s.title, ok: s.ok, data: s.json })) }, null, 2));
  }
  if (!ok) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 2;
});
