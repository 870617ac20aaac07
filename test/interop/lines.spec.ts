/**
 * The 3.x suites against the live OpenSSL lines, each in its child process under its own
 * loader (interop/builds/openssl-lines/): Debian trixie's 3.5, sid's 3.6 and experimental's 4.0,
 * installed into .cache/openssl-lines by scripts/ensure.d/20-openssl-lines.sh. For every line:
 * provenance (the library that answers is the file asked for, on the line's own C library), the
 * EVP_RAND scenarios, the RAND front-end scenarios and a bounded step-level differential campaign
 * (all 28 configurations), each compared with randshim's current 3.0 personality exactly as the
 * system-3 suites do. The differential campaign must find nothing; every scenario difference
 * must be explained by a row of the per-line table (differences.ts), and every row must be seen
 * on every line it names. The machine's 3.0 library through the same child is the control.
 */
import { expect } from 'chai';
import {
  ERR_clear_error, EVP_RAND_CTX_free, EVP_RAND_CTX_new, EVP_RAND_CTX_set_params, EVP_RAND_fetch, EVP_RAND_free,
  EVP_RAND_get_strength, OSSL_PARAM_construct_end, OSSL_PARAM_construct_uint, OSSL_PARAM_construct_utf8_string,
} from '../../compat/openssl3/index.js';
import { withLine } from '../../provider/openssl3/lines.js';
import { openLine, openSystem30Child, type LineBuild } from '../../interop/builds/openssl-lines/build.js';
import { compareLineScenarios, type LineScenarioComparison, type ObservedDifference } from '../../interop/builds/openssl-lines/compare.js';
import { explain, LINE_DIFFERENCES, rowMatches } from '../../interop/builds/openssl-lines/differences.js';
import { LINE_IDS, type LineId } from '../../interop/builds/openssl-lines/lines.js';
import { runParamBatteryRandshim, type ParamCall } from '../../interop/builds/openssl-lines/param-battery.js';
import { lineParamScenarios } from '../../interop/builds/openssl-lines/param-scenarios.js';
import { probeMismatches, xorshiftBytes, type ProbedLine } from '../../interop/builds/openssl-lines/probe-expectations.js';
import type { ProbeResults } from '../../interop/builds/openssl-lines/probes.js';
import { ALL_CONFIGS } from '../../interop/suites/differential/configs.js';
import { randshimDriver3x } from '../../interop/suites/differential/run-randshim.js';
import { runCampaign, type CampaignResult } from '../../interop/suites/differential/runner.js';
import { evpRandScenarios } from '../../interop/suites/evp-rand/scenarios.js';
import { ScenarioFiles } from '../../interop/suites/rand-front-end/files.js';
import { rand3Scenarios } from '../../interop/suites/rand-front-end/scenarios.js';

/** The catalogues' sizes, and the calls each line makes on them (4.0 reads no `mac`, and
 * meets no primary after a configured seed that cannot be made): change with the catalogues. */
const EVP_SCENARIOS = 113;
const FRONT_SCENARIOS = 40;
const EVP_CALLS: Record<LineId | '3.0', number> = { '3.0': 5781, 3.5: 5788, 3.6: 5788, '4.0': 5750 };
const FRONT_CALLS: Record<LineId | '3.0', number> = { '3.0': 934, 3.5: 934, 3.6: 934, '4.0': 888 };
const EVP_BYTES = 3_964_467;
/** The OSSL_PARAM / TEST-RAND scenarios (param-scenarios.ts): 4 scenarios; 3.5+ read `generate`
 * in getall and produce xorshift bytes, 4.0 reads no `mac`. */
const PARAM_CALLS: Record<LineId | '3.0', number> = { '3.0': 201, 3.5: 202, 3.6: 202, '4.0': 201 };
const PARAM_BYTES: Record<LineId | '3.0', number> = { '3.0': 148, 3.5: 189, 3.6: 189, '4.0': 189 };
const PER_CONFIG = 50;
const SEED = 20261121;

/** Version the installer is expected to have taken from each suite today. */
const EXPECTED_VERSION: Record<LineId, RegExp> = { 3.5: /^OpenSSL 3\.5\.\d+ /, 3.6: /^OpenSSL 3\.6\.\d+ /, '4.0': /^OpenSSL 4\.0\.\d+ / };

/** The probes' results against probe-expectations.ts (generate output against its model). */
async function checkProbes(build: LineBuild, line: ProbedLine): Promise<number> {
  const r: ProbeResults = await build.probes();
  const { mismatches, steps } = probeMismatches(r, line);
  expect(mismatches).to.deep.equal([]);
  const generated = r.probes['test-rand-generate']?.find((st) => st.call === 'generate 16')?.out;
  if (line !== '3.0') expect(generated).to.equal(xorshiftBytes(16));
  return steps;
}

/** OSSL_PARAM's own functions (param-battery.ts): calls made, and how many raise on 3.2+'s params.c. */
const BATTERY_CALLS = 11_143;
const BATTERY_RAISING: Record<LineId | '3.0', number> = { '3.0': 0, 3.5: 3_865, 3.6: 3_865, '4.0': 3_865 };

/** The calls where the line's library and the personality `as` answer differently. */
function batteryDifferences(c: readonly ParamCall[], as: '3.0' | LineId): string[] {
  const t = withLine(as, () => runParamBatteryRandshim());
  expect(t.length).to.equal(c.length);
  return c.flatMap((call, k) => (JSON.stringify(call) === JSON.stringify(t[k]) ? []
    : [`${call.call}\n  C:  ${JSON.stringify(call)}\n  ts: ${JSON.stringify(t[k])}`]));
}

const label = (d: ObservedDifference): string =>
  `${d.line} ${d.suite} "${d.scenario}" ${d.call}\n  3.0:  ${JSON.stringify(d.randshim)}\n  line: ${JSON.stringify(d.openssl)}`;

describe('the live OpenSSL lines (3.5, 3.6, 4.0) in child processes', function () {
  const files = new ScenarioFiles();
  const observed: ObservedDifference[] = [];
  after(() => files.close());

  describe('control: the machine\'s OpenSSL 3.0 through the same child program', () => {
    let build: LineBuild;
    before(async () => {
      build = await openSystem30Child();
    });
    after(async () => build?.close());

    it('answers from /usr/lib\'s libcrypto.so.3 and shows no difference in either scenario suite', async () => {
      expect(build.hello.version).to.match(/^OpenSSL 3\.0\./);
      const evp = await compareLineScenarios(build, 'evp-rand', evpRandScenarios(), files);
      const front = await compareLineScenarios(build, 'rand-front-end', rand3Scenarios(), files);
      expect([evp.calls, front.calls]).to.deep.equal([EVP_CALLS['3.0'], FRONT_CALLS['3.0']]);
      expect([...evp.differences, ...front.differences].map(label)).to.deep.equal([]);
    });

    it('OSSL_PARAM / TEST-RAND scenarios: no difference', async () => {
      const params = await compareLineScenarios(build, 'evp-rand', lineParamScenarios(), files);
      expect([params.calls, params.bytes]).to.deep.equal([PARAM_CALLS['3.0'], PARAM_BYTES['3.0']]);
      expect(params.differences.map(label)).to.deep.equal([]);
    });

    it('OSSL_PARAM get/set/string functions: identical calls, returns, return_size and (empty) error queues', async () => {
      const c = await build.paramBattery();
      expect([c.length, c.filter((k) => k.errors.length > 0).length]).to.deep.equal([BATTERY_CALLS, BATTERY_RAISING['3.0']]);
      expect(batteryDifferences(c, '3.0').slice(0, 5)).to.deep.equal([]);
    });

    it('probes: the 3.0 answers of probe-expectations.ts', async () => {
      expect(await checkProbes(build, '3.0')).to.equal(7);
    });
  });

  for (const line of LINE_IDS) {
    describe(`system-${line}`, () => {
      let build: LineBuild;
      let evp: LineScenarioComparison;
      let front: LineScenarioComparison;
      before(async () => {
        build = await openLine(line); // throws with the reason (e.g. not installed)
        evp = await compareLineScenarios(build, 'evp-rand', evpRandScenarios(), files);
        front = await compareLineScenarios(build, 'rand-front-end', rand3Scenarios(), files);
        observed.push(...evp.differences, ...front.differences);
      });
      after(async () => build?.close());

      it('is the library asked for, running on the line\'s own C library', () => {
        const h = build.hello;
        expect(h.version).to.match(EXPECTED_VERSION[line]);
        expect(h.version.startsWith(`OpenSSL ${build.manifest.version} `)).to.equal(true);
        expect(h.evidence.file).to.equal(build.paths.libcrypto);
        expect(h.mapped.libcrypto).to.deep.equal([build.paths.libcrypto]);
        expect(h.mapped.libc.every((f) => f.startsWith(build.paths.root))).to.equal(true);
        expect(h.evidence.errorOnOwnQueue).to.equal(true);
        expect(h.evidence.errorOnNodeQueue).to.equal(false);
        expect(Number(h.glibc)).to.be.at.least(2.38);
        // OpenSSL_version_num: 0xMNN00PP0 (include/openssl/opensslv.h.in)
        const [major, minor] = line.split('.').map(Number);
        expect(h.versionNumber >>> 20).to.equal((major << 8) | minor);
      });

      it(`EVP_RAND scenarios: every call compared, every difference from 3.0 in the table`, function () {
        this.test!.title += ` (${evp.scenarios} scenarios, ${evp.calls} calls, ${evp.bytes} bytes, ${evp.differences.length} differences)`;
        expect(evp.scenarios).to.equal(EVP_SCENARIOS);
        expect(evp.calls).to.equal(EVP_CALLS[line]);
        expect(evp.bytes).to.equal(EVP_BYTES);
        expect(evp.differences.filter((d) => explain(d) === undefined).map(label)).to.deep.equal([]);
      });

      it(`RAND front-end scenarios: every call compared, every difference from 3.0 in the table`, function () {
        this.test!.title += ` (${front.scenarios} scenarios, ${front.calls} calls, ${front.differences.length} differences)`;
        expect(front.scenarios).to.equal(FRONT_SCENARIOS);
        expect(front.calls).to.equal(FRONT_CALLS[line]);
        expect(front.differences.filter((d) => explain(d) === undefined).map(label)).to.deep.equal([]);
      });

      it('OSSL_PARAM / TEST-RAND scenarios (generate mode, repeated keys, provider-name, conversions): '
        + 'every difference from the personality in the table', async function () {
        const params = await compareLineScenarios(build, 'evp-rand', lineParamScenarios(), files);
        observed.push(...params.differences);
        this.test!.title += ` (${params.scenarios} scenarios, ${params.calls} calls, ${params.bytes} bytes)`;
        expect([params.scenarios, params.calls, params.bytes]).to.deep.equal([4, PARAM_CALLS[line], PARAM_BYTES[line]]);
        expect(params.differences.filter((d) => explain(d) === undefined).map(label)).to.deep.equal([]);
        // what is left is a row another flag has yet to model (4.0's HMAC without `mac`)
        expect(params.differences.every((d) => explain(d)?.modelledBy === undefined)).to.equal(true);
      });

      it('OSSL_PARAM get/set/string functions (crypto/params.c): the personality answers every call as the line, '
        + 'error queue and return_size included; the 3.0 personality does not', async function () {
        const c = await build.paramBattery();
        const raising = c.filter((k) => k.errors.length > 0).length;
        this.test!.title += ` (${c.length} calls, ${raising} raising)`;
        expect([c.length, raising]).to.deep.equal([BATTERY_CALLS, BATTERY_RAISING[line]]);
        expect(batteryDifferences(c, line).slice(0, 5)).to.deep.equal([]);
        expect(batteryDifferences(c, '3.0').length).to.be.greaterThan(BATTERY_RAISING[line]);
      });

      it('probes: new and removed symbols, TEST-RAND generate (against a model), a repeated key, SEED-SRC in base, '
        + 'the random provider', async () => {
        expect(await checkProbes(build, line)).to.equal(14);
      });

      it(`differential: ${PER_CONFIG} cases per configuration (all ${ALL_CONFIGS.length}), zero mismatches`, async function () {
        const r: CampaignResult = await runCampaign(randshimDriver3x('node'), build.driver,
          { seed: SEED, casesPerConfig: PER_CONFIG, configs: ALL_CONFIGS });
        this.test!.title += ` (${r.totals.cases} cases, ${r.totals.steps} steps, ${r.totals.bytesCompared} bytes)`;
        expect(r.reports.map((m) => `${m.config} ${m.mismatch.field} at step ${m.mismatch.step}: ${JSON.stringify(m.minimal)}`))
          .to.deep.equal([]);
        expect(r.stats).to.have.length(28);
        for (const s of r.stats) {
          expect(s.cases, s.config).to.equal(PER_CONFIG);
          expect(s.mismatches, s.config).to.equal(0);
          expect(s.outputs, `${s.config}: outputs compared`).to.be.greaterThan(PER_CONFIG / 4);
          expect(s.failingSteps, `${s.config}: error paths compared`).to.be.greaterThan(PER_CONFIG / 20);
        }
        expect(r.totals.bytesCompared).to.be.greaterThan(28 * PER_CONFIG * 100);
      });
    });
  }

  // A describe of its own: mocha runs a suite's own tests before its nested suites.
  describe('the per-line difference table', () => {
    it('has every row observed on every line it names', () => {
      const seen = new Map<string, Set<string>>();
      for (const d of observed) {
        const row = explain(d);
        if (row !== undefined) seen.set(row.id, (seen.get(row.id) ?? new Set()).add(d.line));
      }
      const rows = LINE_DIFFERENCES.map((r) => `${r.id}: ${[...(seen.get(r.id) ?? [])].sort().join(',')}`);
      // a row the line's personality models is a difference from 3.0 no longer seen between a
      // line and its personality; every other row is seen on exactly the lines it names
      expect(rows).to.deep.equal(LINE_DIFFERENCES.map((r) => `${r.id}: ${r.modelledBy !== undefined ? '' : [...r.lines].sort().join(',')}`));
      expect(LINE_DIFFERENCES.filter((r) => r.modelledBy !== undefined).length).to.equal(21);
    });

    it('separates the lines by what they do, not only by name: rows limited to some lines match nothing on the others', () => {
      const on = (line: string, id: string): number =>
        observed.filter((d) => d.line === line && rowMatches(LINE_DIFFERENCES.find((r) => r.id === id)!, d)).length;
      // modelled: each line matches its personality (no difference), and the personalities differ
      expect(on('3.5', 'fetch-trailing-space') + on('4.0', 'fetch-trailing-space')).to.equal(0);
      const fetchSpaced = (line: '3.0' | '3.5' | '3.6' | '4.0') => withLine(line, () => EVP_RAND_fetch(null, 'CTR-DRBG ', null) !== null);
      expect(['3.0', '3.5', '3.6', '4.0'].map((l) => fetchSpaced(l as '3.0'))).to.deep.equal([false, true, true, false]);
      // a repeated key: 3.0 and 3.5 take the first, 3.6 and 4.0 refuse the array (nothing set)
      const repeatedStrength = (line: '3.0' | '3.5' | '3.6' | '4.0'): number[] => withLine(line, () => {
        const ctx = EVP_RAND_CTX_new(EVP_RAND_fetch(null, 'TEST-RAND', null), null)!;
        const ret = EVP_RAND_CTX_set_params(ctx, [OSSL_PARAM_construct_uint('strength', { value: 256 }),
          OSSL_PARAM_construct_uint('strength', { value: 128 }), OSSL_PARAM_construct_end()]);
        const strength = EVP_RAND_get_strength(ctx);
        EVP_RAND_CTX_free(ctx);
        return [ret, strength];
      });
      expect(['3.0', '3.5', '3.6', '4.0'].map((l) => repeatedStrength(l as '3.0'))).to.deep.equal([[1, 256], [1, 256], [0, 0], [0, 0]]);
      expect(on('3.5', 'provider-name-settable-36')).to.equal(0);
      expect(on('3.6', 'hmac-no-mac-parameter-40')).to.equal(0);
      // HMAC-DRBG sized by a digest alone on 3.5 and 4.0 (hmac-digest-only-35, hmac-mac-and-digest-40), and by a
      // MAC alone only on 3.0 (hmac-mac-before-digest): the strengths the real libraries report in those rows
      const strengthAfter = (line: '3.0' | '3.5' | '3.6' | '4.0', key: string, value: string): number => withLine(line, () => {
        const rand = EVP_RAND_fetch(null, 'HMAC-DRBG', null)!;
        const ctx = EVP_RAND_CTX_new(rand, null)!;
        EVP_RAND_CTX_set_params(ctx, [OSSL_PARAM_construct_utf8_string(key, value, 0), OSSL_PARAM_construct_end()]);
        const strength = EVP_RAND_get_strength(ctx);
        EVP_RAND_CTX_free(ctx);
        EVP_RAND_free(rand);
        ERR_clear_error();
        return strength;
      });
      const all = ['3.0', '3.5', '3.6', '4.0'] as const;
      expect(all.map((l) => strengthAfter(l, 'digest', 'SHA256'))).to.deep.equal([0, 256, 0, 256]);
      expect(all.map((l) => strengthAfter(l, 'mac', 'HMAC'))).to.deep.equal([256, 0, 0, 0]);
    });
  });
});
