/**
 * randshim's OpenSSL 1.1.1 personality (compat/openssl111) against real OpenSSL 1.1.1: every
 * scenario of interop/scenarios111 runs on the system-1.1.1 oracle (Debian's libssl1.1, 1.1.1w,
 * in-process) and on the node16-1.1.1 oracle (Node 16's 1.1.1v, a child process), and on
 * randshim, and every call's return code, error queue (library, function, reason), output
 * bytes, state, private fields and callback trace must be identical, or show exactly a
 * documented difference. Both oracles must be available (CI installs libssl1.1): an
 * unavailable one fails here with its reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { repoRoot } from '../../interop/builds/openssl111/load.js';
import type { Oracle111 } from '../../interop/builds/openssl111/oracle.js';
import { discoverBuilds, type Discovery } from '../../interop/builds/registry.js';
import { ALL_DIFFERENCES, KNOWN_DIFFERENCES, runScenarios111, SCENARIOS_111, type OracleSummary } from '../../interop/suites/rand-drbg/index.js';

function available(d: Discovery<'rand-drbg-111'>): Oracle111 {
  if (!d.available) expect.fail(`${d.name} unavailable: ${d.reason}`);
  return d.handle;
}

describe('OpenSSL 1.1.1 RAND / RAND_DRBG scenarios: randshim vs real 1.1.1', function () {
  let oracles: Oracle111[] = [];
  let summaries: OracleSummary[] = [];

  before(async function () {
    oracles = (await discoverBuilds('rand-drbg-111')).map(available);
    summaries = await runScenarios111(oracles, SCENARIOS_111);
  });

  after(async function () {
    for (const o of oracles) await o.close();
  });

  it('ran every scenario on both oracles and compared calls, bytes, traces and errors in quantity', function () {
    expect(summaries.map((s) => s.oracle)).to.deep.equal(['system-1.1.1', 'node16-1.1.1']);
    for (const s of summaries) {
      const { runs: _runs, ...figures } = s;
      console.log(`      ${JSON.stringify(figures)}`);
      expect(s.scenarios).to.equal(SCENARIOS_111.length);
      expect(s.scenarios).to.be.at.least(20);
      expect(s.compared, 'calls compared for equality').to.be.at.least(1100);
      expect(s.outputBytes, 'output bytes compared bit for bit').to.be.at.least(70000);
      expect(s.traced, 'callback invocations compared').to.be.at.least(150);
      expect(s.errors, 'queued errors compared').to.be.at.least(100);
      expect(s.known, 'documented differences checked').to.be.at.least(4);
      for (const r of s.runs) expect(r.compared, `${r.scenario} compared nothing`).to.be.greaterThan(5);
    }
  });

  for (const scenario of SCENARIOS_111) {
    it(`${scenario.name}: ${scenario.covers}`, function () {
      for (const s of summaries) {
        const run = s.runs.find((r) => r.scenario === scenario.name);
        if (run === undefined) expect.fail(`${scenario.name} did not run on ${s.oracle}`);
        expect(run.mismatches, `${s.oracle}:\n${run.mismatches.slice(0, 4).join('\n')}`).to.deep.equal([]);
        expect(run.compared).to.be.greaterThan(0);
      }
    });
  }

  it('ex_data indexes start at 1: in a fresh randshim realm and in a fresh Node 16 process', function () {
    for (const s of summaries) {
      const run = s.runs.find((r) => r.scenario === 'ex-data');
      expect(run?.firstExIndex?.randshim).to.equal(1);
      if (s.oracle === 'node16-1.1.1') expect(run?.firstExIndex?.openssl).to.equal(1);
      else expect(run?.firstExIndex?.openssl).to.be.at.least(1);
    }
  });

  it('every documented difference was shown, exactly as documented, and docs/known-differences.md lists it', function () {
    const listed = readFileSync(join(repoRoot(), 'docs', 'known-differences.md'), 'utf8');
    const shown = new Set(summaries.flatMap((s) => s.runs.flatMap((r) => r.known)));
    for (const d of KNOWN_DIFFERENCES) expect(shown.has(d.id), `${d.id} never shown by a scenario`).to.equal(true);
    for (const d of ALL_DIFFERENCES) {
      expect(d.check !== undefined || d.notComparable !== undefined, d.id).to.equal(true);
      expect(listed, `docs/known-differences.md does not list ${d.id}`).to.contain(`- \`${d.id}\`:`);
    }
  });
});
