/**
 * randshim-conformance: the step-level differential campaign (interop/suites/differential)
 * against any OpenSSL a tester points it at, in the formats CI wants, on every core and across
 * machines (shards merged afterwards). See docs/conformance.md, "CLI".
 *
 * {@link main} returns the exit code instead of exiting, so that specs can call it in process.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ALL_CONFIGS } from '../../interop/suites/differential/configs.js';
import { planBlocks, shardBlocks, type BlockResult } from './campaign.js';
import { parseArgs, UsageError, USAGE, type MergeOptions, type RunOptions } from './args.js';
import { render } from './formats.js';
import { knownOracleNames, openOracle, specName, subjectFor, type OracleSpec } from './oracles.js';
import { runHere, runOnWorkers } from './pool.js';
import {
  availableReport, buildReport, exitCode, mergeReports, rate, unavailableReport, type OracleReport, type Report,
} from './report-model.js';

export interface Io {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  /** Whether stderr is a terminal (progress is redrawn in place there). */
  readonly tty: boolean;
  /** Told of every block done, whatever `--no-progress` says (npm start draws its own bar). */
  readonly progress?: (oracle: string, done: number, total: number) => void;
}

const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  tty: process.stderr.isTTY === true,
};

function specsOf(o: RunOptions): { specs: OracleSpec[]; explicit: boolean } {
  const libs = o.libs.map((path): OracleSpec => (o.loader === null ? { kind: 'lib', path }
    : { kind: 'child', path, loader: o.loader, libraryPath: o.libraryPath ?? `${dirname(path)}:/usr/lib/x86_64-linux-gnu` }));
  const named = o.oracles.map((name): OracleSpec => ({ kind: 'named', name }));
  const explicit = libs.length + named.length > 0;
  return { specs: explicit ? [...named, ...libs] : knownOracleNames().map((name) => ({ kind: 'named', name })), explicit };
}

async function runOracle(spec: OracleSpec, o: RunOptions, io: Io): Promise<OracleReport> {
  const name = specName(spec);
  const opened = await openOracle(spec);
  if (!opened.ok || opened.record.flavor === null) {
    io.stderr(`${name}: unavailable: ${opened.ok ? 'unknown flavour' : opened.reason}\n`);
    if (opened.ok) await opened.driver.close();
    return unavailableReport(opened.record, opened.ok ? 'unknown flavour' : opened.reason);
  }
  const oracle = opened.driver;
  const subject = subjectFor(opened.record.flavor);
  const configs = ALL_CONFIGS.filter((c) => oracle.supports(c) && subject.supports(c));
  const blocks = planBlocks(o.cases, configs);
  const mine = shardBlocks(blocks, o.shard);
  const started = performance.now();
  const progress = (done: number, total: number): void => {
    io.progress?.(name, done, total);
    if (o.progress && io.tty) io.stderr(`\r${name}: ${done}/${total} blocks of ${blocks[0]?.cases ?? 0} cases`);
  };
  let results: BlockResult[];
  try {
    if (o.jobs === 1) {
      results = await runHere(subject, oracle, o.seed, mine, progress);
    } else {
      await oracle.close(); // each worker opens its own session
      results = await runOnWorkers(spec, o.seed, mine, o.jobs, progress);
    }
  } catch (e) {
    const reason = `the campaign stopped: ${e instanceof Error ? e.message : String(e)}`;
    io.stderr(`\n${name}: ${reason}\n`);
    return unavailableReport(opened.record, reason);
  } finally {
    if (o.jobs === 1) await oracle.close();
    await subject.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const cases = results.reduce((t, r) => t + r.counts.cases, 0);
  const timing = { seconds: Number(seconds.toFixed(3)), casesPerSecond: rate(cases, seconds), jobs: o.jobs };
  const report = availableReport(opened.record, subject.info.name, configs, { total: blocks.length, results }, timing);
  if (o.progress) {
    io.stderr(`${io.tty ? '\r\x1b[2K' : ''}${name}: ${report.totals.cases} cases, ${report.totals.mismatches} mismatches, ` +
      `${seconds.toFixed(1)} s (${timing.casesPerSecond} cases/s, ${o.jobs} ${o.jobs === 1 ? 'job' : 'jobs'})\n`);
  }
  return report;
}

/** Runs the campaign the options describe and returns its report. */
export async function runConformance(o: RunOptions, io: Io = processIo): Promise<Report> {
  const { specs, explicit } = specsOf(o);
  const started = performance.now();
  const oracles: OracleReport[] = [];
  for (const spec of specs) oracles.push(await runOracle(spec, o, io));
  const seconds = Number(((performance.now() - started) / 1000).toFixed(3));
  return buildReport(o.seed, o.cases, o.shard, explicit ? 'explicit' : 'all', oracles, seconds, o.jobs);
}

function emit(report: Report, o: RunOptions | MergeOptions, io: Io): 0 | 1 | 2 {
  const text = render(report, o.format, { timing: o.timing });
  const code = exitCode(report);
  if (o.out === null) {
    io.stdout(text);
  } else {
    writeFileSync(o.out, text);
    const t = report.totals;
    io.stdout(`randshim-conformance: ${t.cases} cases compared, ${t.mismatches} mismatches, exit ${code}; report in ${o.out}\n`);
  }
  return code;
}

function readReport(file: string): Report {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Report;
  } catch (e) {
    throw new UsageError(`${file}: not a JSON shard result (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The whole command: parses `argv`, runs, writes the report; returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const known = knownOracleNames();
  try {
    const o = parseArgs(argv, known);
    if (o.command === 'help') {
      io.stdout(USAGE + '\n');
      return 0;
    }
    if (o.command === 'list') {
      io.stdout(known.join('\n') + '\n');
      return 0;
    }
    if (o.command === 'merge') {
      let merged: Report;
      try {
        merged = mergeReports(o.files.map(readReport));
      } catch (e) {
        if (e instanceof UsageError) throw e;
        throw new UsageError(`cannot merge: ${e instanceof Error ? e.message : String(e)}`);
      }
      return emit(merged, o, io);
    }
    return emit(await runConformance(o, io), o, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`randshim-conformance: ${e.message}\n${USAGE}\n`);
    return 2;
  }
}
