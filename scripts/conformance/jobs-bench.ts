/**
 * Campaign throughput on worker threads (npm run campaign-bench): the same 100,000-case campaign
 * against system-3 with --jobs 1 and --jobs 2, both times and the ratio (target >= 1.7x on a
 * 2-core machine), checking that both runs compared the same cases with the same result. With
 * `--million`, also the 1,000,000-case figure with --jobs 2 (target <= 900 s). A benchmark, not
 * a test: the figures depend on what else the machine runs (the load average is printed).
 *
 *   node dist/scripts/conformance/jobs-bench.js [--cases N] [--million]
 */
import { loadavg } from 'node:os';
import type { RunOptions } from './args.js';
import { runConformance } from './cli.js';
import { withoutTiming, type Report } from './report-model.js';

function options(cases: number, jobs: number): RunOptions {
  return {
    command: 'run', oracles: ['system-3'], libs: [], loader: null, libraryPath: null, cases, seed: 1, jobs,
    shard: { index: 1, count: 1 }, format: 'text', out: null, timing: true, progress: false,
  };
}

const quiet = { stdout: () => undefined, stderr: (s: string) => process.stderr.write(s), tty: false };

async function timed(cases: number, jobs: number): Promise<{ report: Report; seconds: number }> {
  const load = loadavg()[0].toFixed(2);
  const report = await runConformance(options(cases, jobs), quiet);
  const o = report.oracles[0];
  if (!o.available) throw new Error(`system-3 unavailable: ${o.reason ?? ''}`);
  if (o.totals.cases !== cases) throw new Error(`compared ${o.totals.cases} cases, not ${cases}`);
  const seconds = o.timing?.seconds ?? 0;
  console.log(`${cases.toLocaleString('en-US').padStart(9)} cases, --jobs ${jobs}: ${seconds.toFixed(1).padStart(7)} s, ` +
    `${(o.timing?.casesPerSecond ?? 0).toLocaleString('en-US').padStart(6)} cases/s, ${o.totals.mismatches} mismatches ` +
    `(load average before: ${load})`);
  return { report, seconds };
}

async function bench(): Promise<void> {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--cases');
  const cases = i >= 0 ? Number(argv[i + 1]) : 100_000;
  console.log(`campaign throughput against system-3 (${cases.toLocaleString('en-US')} cases, seed 1)`);
  const one = await timed(cases, 1);
  const two = await timed(cases, 2);
  const same = JSON.stringify(withoutTiming(one.report)) === JSON.stringify(withoutTiming(two.report));
  const ratio = one.seconds / two.seconds;
  console.log(`speed-up --jobs 2 / --jobs 1: ${ratio.toFixed(2)}x (target >= 1.7x: ${ratio >= 1.7 ? 'met' : 'missed'}); ` +
    `same results: ${same ? 'yes' : 'NO'}`);
  if (!same) process.exitCode = 1;
  if (argv.includes('--million')) {
    const m = await timed(1_000_000, 2);
    console.log(`1,000,000 cases with --jobs 2: ${m.seconds.toFixed(0)} s (target <= 900 s: ${m.seconds <= 900 ? 'met' : 'missed'})`);
  }
}

await bench();
