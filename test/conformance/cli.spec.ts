/**
 * randshim-conformance as a tester runs it: the compiled executable against the machine's real
 * libcrypto.so.3, its exit codes, a JUnit file read back by an independent XML reader, and the
 * promises that make campaigns splittable: --jobs 2 gives the same report as --jobs 1, and two
 * shards merged give the same report as the unsharded run. A planted fault in randshim's output
 * shows that a mismatch reaches the exit code and the JUnit failures.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILDS } from '../../interop/builds/registry.js';
import { SYSTEM_LIBCRYPTO3 } from '../../interop/builds/openssl3/libcrypto.js';
import { CTR_CONFIGS } from '../../interop/suites/differential/configs.js';
import type { CaseResult, Driver } from '../../interop/suites/differential/driver.js';
import { randshimDriver3x } from '../../interop/suites/differential/run-randshim.js';
import { planBlocks } from '../../scripts/conformance/campaign.js';
import { main, type Io } from '../../scripts/conformance/cli.js';
import { renderJunit } from '../../scripts/conformance/formats.js';
import { openOracle } from '../../scripts/conformance/oracles.js';
import { runHere } from '../../scripts/conformance/pool.js';
import { availableReport, buildReport, exitCode, type Report } from '../../scripts/conformance/report-model.js';
import { elements, parseXml } from './xml.js';

const BIN = fileURLToPath(new URL('../../scripts/conformance/bin.js', import.meta.url));
/** 20 cases for each of the 28 configurations. */
const CASES = 560;

function runBin(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function captured(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (s) => out.push(s), stderr: (s) => err.push(s), tty: false };
}

/** Runs main in this process; returns the exit code and what it wrote to stdout. */
async function inProcess(args: readonly string[]): Promise<{ code: number; stdout: string }> {
  const io = captured();
  const code = await main(args, io);
  return { code, stdout: io.out.join('') };
}

const LIB = ['--lib', SYSTEM_LIBCRYPTO3, '--cases', String(CASES), '--seed', '20261203', '--no-progress'];

describe('randshim-conformance (scripts/conformance/cli.ts)', function () {
  let dir: string;

  before(function () {
    if (!existsSync(SYSTEM_LIBCRYPTO3)) throw new Error(`${SYSTEM_LIBCRYPTO3} is needed (Debian libssl3)`);
    dir = mkdtempSync(join(tmpdir(), 'randshim-conformance-'));
  });

  after(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  it('--lib libcrypto.so.3 --format junit writes valid JUnit: 28 configurations compared, 0 failures, exit 0', function () {
    const out = join(dir, 'r.xml');
    const r = runBin([...LIB, '--format', 'junit', '--out', out]);
    expect(r.status, r.stderr).to.equal(0);
    const root = parseXml(readFileSync(out, 'utf8'));
    expect(root.name).to.equal('testsuites');
    const [suite, ...others] = elements(root, 'testsuite');
    expect(others).to.have.length(0);
    expect(suite.attrs.name).to.equal(`lib:${SYSTEM_LIBCRYPTO3}`);
    expect([suite.attrs.tests, suite.attrs.failures, suite.attrs.errors]).to.deep.equal(['28', '0', '0']);
    const props = Object.fromEntries(elements(suite, 'property').map((p) => [p.attrs.name, p.attrs.value]));
    expect(props.library).to.equal(SYSTEM_LIBCRYPTO3);
    expect(props.version).to.match(/^OpenSSL 3\.0\.\d+ /);
    expect(props.provenance).to.include('RTLD_DEEPBIND').and.include('error probe on its own queue: yes');
    const cases = elements(suite, 'testcase');
    expect(cases).to.have.length(28);
    expect(elements(suite, 'failure')).to.have.length(0);
    let compared = 0;
    for (const c of cases) {
      const m = /^cases (\d+), steps (\d+),.*bytes (\d+), mismatches (\d+)$/.exec(elements(c, 'system-out')[0].text);
      expect(m, c.attrs.name).to.not.equal(null);
      expect(Number(m?.[1]), c.attrs.name).to.equal(20);
      expect(Number(m?.[2]), c.attrs.name).to.be.greaterThan(20);
      expect(Number(m?.[4]), c.attrs.name).to.equal(0);
      compared += Number(m?.[1]);
    }
    expect(compared).to.equal(CASES);
    expect(r.stdout).to.include(`${CASES} cases compared, 0 mismatches, exit 0`);
  });

  it('the spec\'s XML reader rejects what is not well-formed (so a passing JUnit check means something)', function () {
    for (const bad of ['<a><b></a>', '<a x="1" x="2"/>', '<a>&nbsp;</a>', '<a>1 < 2</a>', '<a>R&D</a>', '<a/><b/>', '<a x=1/>', '<a>']) {
      expect(() => parseXml(bad), bad).to.throw();
    }
    expect(parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a k="&lt;&amp;&quot;"><b>x &gt; y</b></a>\n').children[0].text).to.equal('x > y');
  });

  it('an unknown --oracle exits 2 and lists every known name', function () {
    const r = runBin(['--oracle', 'system3']);
    expect(r.status).to.equal(2);
    expect(r.stderr).to.include('unknown oracle "system3"');
    const listed = /known oracles: (.*)/.exec(r.stderr)?.[1].split(', ') ?? [];
    const stepLevel = BUILDS.filter((b) => b.capabilities.includes('evp-rand-3') || b.capabilities.includes('rand-drbg-111'));
    expect(stepLevel.length).to.be.greaterThan(1);
    for (const b of stepLevel) expect(listed).to.include(b.name);
    expect(listed).to.include.members(['system-3.5', 'system-3.6', 'system-4.0']);
  });

  it('--lib of a file that is no libcrypto exits 2 with the reason, never a green 0', function () {
    const notLib = join(dir, 'not-a-library.so');
    writeFileSync(notLib, 'this is text, not an ELF shared object\n'.repeat(20));
    const r = runBin(['--lib', notLib, '--no-progress']);
    expect(r.status).to.equal(2);
    expect(r.stdout).to.include('UNAVAILABLE').and.include('NOTHING COMPARED');
    // dlopen(3)'s own reason, through the wrapped reason lines
    expect(r.stdout.replace(/\s+/g, ' ')).to.include('is not a libcrypto this process can load: Failed to load shared library: invalid ELF header');
    const missing = runBin(['--lib', join(dir, 'missing.so'), '--format', 'json', '--no-progress']);
    expect(missing.status).to.equal(2);
    const report = JSON.parse(missing.stdout) as Report;
    expect(report.oracles[0]).to.include({ available: false, library: join(dir, 'missing.so'), version: null });
    expect(report.oracles[0].reason).to.include('no such file');
  });

  it('--jobs 2 gives the same report as --jobs 1 (same seed, worker threads)', async function () {
    const one = await inProcess([...LIB, '--jobs', '1', '--format', 'json', '--no-timing']);
    const two = await inProcess([...LIB, '--jobs', '2', '--format', 'json', '--no-timing']);
    expect([one.code, two.code]).to.deep.equal([0, 0]);
    expect(two.stdout).to.equal(one.stdout);
    const report = JSON.parse(one.stdout) as Report;
    expect(report.totals.cases).to.equal(CASES);
    expect(report.totals.bytesCompared).to.be.greaterThan(100_000);
    const timed = JSON.parse((await inProcess([...LIB, '--cases', '100', '--jobs', '2', '--format', 'json'])).stdout) as Report;
    expect(timed.oracles[0].timing?.jobs).to.equal(2);
    expect(timed.oracles[0].timing?.casesPerSecond).to.be.greaterThan(0);
  });

  it('two shards merged equal the unsharded run (counts, mismatches, byte-identical reports)', async function () {
    const shards = [1, 2].map((k) => join(dir, `shard-${k}.json`));
    for (const [k, file] of shards.entries()) {
      const r = await inProcess([...LIB, '--shard', `${k + 1}/2`, '--out', file]);
      expect(r.code).to.equal(0);
    }
    const parts = shards.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Report);
    expect(parts.map((p) => p.totals.cases)).to.satisfy((c: number[]) => c.every((n) => n > 0) && c[0] + c[1] === CASES);
    for (const format of ['text', 'junit', 'markdown']) {
      const merged = await inProcess(['merge', ...shards, '--format', format, '--no-timing']);
      const whole = await inProcess([...LIB, '--format', format, '--no-timing']);
      expect(merged.code).to.equal(0);
      expect(merged.stdout, format).to.equal(whole.stdout);
    }
    const merged = JSON.parse((await inProcess(['merge', ...shards, '--format', 'json', '--no-timing'])).stdout) as Report;
    const whole = JSON.parse((await inProcess([...LIB, '--format', 'json', '--no-timing'])).stdout) as Report;
    expect(merged.oracles.map((o) => [o.configs, o.totals, o.mismatches])).to.deep.equal(whole.oracles.map((o) => [o.configs, o.totals, o.mismatches]));
    expect(merged.shards.map((s) => s.index)).to.deep.equal([1, 2]);
    const incomplete = await inProcess(['merge', shards[0]]);
    expect(incomplete.code).to.equal(2);
  });

  it('a planted fault in randshim\'s output is a mismatch: exit code 1 and JUnit failures', async function () {
    const opened = await openOracle({ kind: 'lib', path: SYSTEM_LIBCRYPTO3 });
    if (!opened.ok) throw new Error(opened.reason);
    const honest = randshimDriver3x('node');
    const flipFirstOutputByte = (r: CaseResult): CaseResult => ({
      ...r,
      steps: r.steps.map((s) => (s.output !== undefined && s.output.length >= 2
        ? { ...s, output: ((parseInt(s.output.slice(0, 2), 16) ^ 1).toString(16).padStart(2, '0')) + s.output.slice(2) } : s)),
    });
    const faulty: Driver = { ...honest, runBatch: async (cases) => (await honest.runBatch(cases)).map(flipFirstOutputByte) };
    const blocks = planBlocks(60, CTR_CONFIGS);
    const results = await runHere(faulty, opened.driver, 7, blocks);
    await opened.driver.close();
    const oracle = availableReport(opened.record, 'faulty', CTR_CONFIGS, { total: blocks.length, results },
      { seconds: 1, casesPerSecond: 60, jobs: 1 });
    const report = buildReport(7, 60, { index: 1, count: 1 }, 'explicit', [oracle], 1, 1);
    expect(report.totals.mismatches).to.be.greaterThan(10);
    expect(exitCode(report)).to.equal(1);
    const root = parseXml(renderJunit(report, { timing: true }));
    const failures = elements(root, 'failure');
    expect(failures).to.have.length(CTR_CONFIGS.length);
    expect(failures[0].attrs.message).to.match(/^\d+ of 10 cases mismatch$/);
    expect(failures[0].text).to.include('output').and.include('minimal reproduction');
  });
});
