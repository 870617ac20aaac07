/**
 * The "OpenSSL's own tests" section of the conformance report: per ported C file
 * (scripts/openssl-tests/ported.ts), its C cases, the cases the port runs and passes on
 * randshim (the port's mocha spec, run in a child process), and the cases the unchanged C
 * original passes against the real library (scripts/build-openssl-tests.sh's binary, its TAP
 * output). Deviations are listed in docs/ported-tests.md. Needs the fetched sources and the
 * built originals (scripts/ensure.d/45-openssl-tests.sh); says so instead of failing when
 * they are missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { haveSources, originalBinary, OPENSSL_LINES, REPO_ROOT } from '../openssl-tests/lines.js';
import { PORTED, portedCaseCount, type PortedFile } from '../openssl-tests/ported.js';
import { casesOfTitle, parseTap, REGISTRATIONS_TITLE } from '../openssl-tests/tap.js';
import { counted, unavailableSection, type ReportOptions, type ReportSection } from './section.js';
import { formatTable } from './table.js';

interface Row {
  line: string;
  file: string;
  cCases: number;
  portPassing: number;
  portFailing: number;
  controls: number;
  originalPassing: number | null;
}

interface MochaJson {
  passes: { title: string }[];
  failures: { title: string }[];
}

/** The C cases the port's passing (and failing) mocha cases stand for, and how many of its
 * cases beyond the C pass. A port whose registrations check fails counts as failing. */
function runPort(p: PortedFile): { passing: number; failing: number; controls: number } {
  const spec = join(REPO_ROOT, 'dist', 'test', 'openssl-tests', p.spec.replace(/\.ts$/, '.js'));
  const run = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--no-config',
    '--timeout', '600000', '--reporter', 'json', spec], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const json = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as MochaJson;
  const count = (tests: { title: string }[]): number => tests.reduce((n, t) => {
    if (t.title === REGISTRATIONS_TITLE || p.extra.includes(t.title)) return n;
    return n + (casesOfTitle(t.title)?.[1] ?? 0);
  }, 0);
  const controls = json.passes.filter((t) => p.extra.includes(t.title)).length;
  const registered = json.passes.some((t) => t.title === REGISTRATIONS_TITLE);
  return { passing: registered ? count(json.passes) : 0, failing: count(json.failures) + (registered ? 0 : 1), controls };
}

/** The iterations the original passes, or null when it is not built. */
function runOriginal(p: PortedFile): number | null {
  if (p.original === null) return null;
  const binary = originalBinary(p.line, p.original);
  if (!existsSync(binary)) return null;
  const run = spawnSync(binary, [...(p.originalArgs ?? [])], { encoding: 'utf8', timeout: 240_000, env: { ...process.env, V: '' } });
  if (run.status !== 0) return 0;
  return parseTap(run.stdout).tests.filter((t) => t.ok && p.cases[t.name] !== undefined).reduce((n, t) => n + t.iterationsOk, 0);
}

export async function runPortedTestsSection(opts: ReportOptions): Promise<ReportSection | null> {
  if (opts.oracle !== undefined) return null;
  const title = "OpenSSL's own random-layer tests: ported onto compat, and the originals on the real libraries";
  const missing = OPENSSL_LINES.filter((l) => !haveSources(l));
  if (missing.length > 0) {
    const reason = `sources of ${missing.join(', ')} not fetched (bash scripts/ensure.d/45-openssl-tests.sh)`;
    return unavailableSection(title, 'OpenSSL test sources', reason, 'ported OpenSSL tests');
  }
  const rows: Row[] = [];
  for (const [i, p] of PORTED.entries()) {
    opts.onProgress?.(i, PORTED.length, `${p.line} ${p.file}`);
    const port = runPort(p);
    rows.push({
      line: p.line, file: p.file, cCases: portedCaseCount(p), portPassing: port.passing, portFailing: port.failing,
      controls: port.controls, originalPassing: runOriginal(p),
    });
  }
  const ok = rows.every((r) => r.portFailing === 0 && r.portPassing === r.cCases && r.originalPassing === r.cCases);
  const text = [
    formatTable(['line    C file', 'C cases', 'port passing', 'extra checks', 'original passing'],
      rows.map((r) => [`${r.line.padEnd(8)}${r.file}`, r.cCases, r.portPassing, r.controls,
        r.originalPassing === null ? 'not built' : r.originalPassing])),
    'C cases: of a partial port (acvp_test.c, evp_extra_test.c), those reaching the random layer.',
    'Extra checks: the ports\' cases beyond the C (controls, data counts), passing.',
    'Every deviation of the ports, with its reason: docs/ported-tests.md.',
  ].join('\n');
  const summary = OPENSSL_LINES.map((line) => {
    const mine = rows.filter((r) => r.line === line);
    const sum = (f: (r: Row) => number): number => mine.reduce((n, r) => n + f(r), 0);
    return { suite: 'ported tests', oracle: `originals, ${line}`, compared: counted(sum((r) => r.cCases), 'cases'),
      bytes: null, mismatches: sum((r) => r.portFailing + Math.abs(r.cCases - r.portPassing) + Math.abs(r.cCases - (r.originalPassing ?? 0))) };
  });
  return { title, text, ok, json: { available: true, rows }, summary };
}
