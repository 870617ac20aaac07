/**
 * The live lines' section of `npm start`: per line (3.5, 3.6, 4.0) the build found, then every
 * suite compared with the line's own personality (EVP_RAND, RAND front end, OSSL_PARAM scenarios
 * and functions, probes, the differential campaign on every core), each with 0 differences, in
 * the closing summary too.
 */
import { expect } from 'chai';
import { runLinesSection } from '../../scripts/report/lines.js';

const SUITES = ['EVP_RAND', 'RAND front end', 'OSSL_PARAM scenarios', 'OSSL_PARAM functions', 'probes', 'differential node'];

describe('report: the live lines section', function () {
  this.timeout(600_000);

  it('compares every suite on 3.5, 3.6 and 4.0 with their personalities: 0 differences, counted', async () => {
    const s = await runLinesSection({ seed: 1, progress: false, cases: 280 });
    if (s === null) expect.fail('section skipped');
    expect(s.ok, s.text).to.equal(true);
    for (const build of ['system-3.5', 'system-3.6', 'system-4.0']) {
      const rows = s.summary.filter((r) => r.oracle === build);
      expect(rows.map((r) => r.suite), build).to.deep.equal(SUITES);
      for (const r of rows) {
        expect(r.mismatches, `${build} ${r.suite}`).to.equal(0);
        expect(Number(r.compared.replace(/[^\d]/g, '')), `${build} ${r.suite}`).to.be.greaterThan(0);
      }
      expect(rows.find((r) => r.suite === 'differential node')?.compared).to.equal('280 cases');
      expect(rows.find((r) => r.suite === 'OSSL_PARAM functions')?.compared).to.equal('11,143 calls');
    }
  });

  it('is skipped when another oracle is asked for', async () => {
    expect(await runLinesSection({ seed: 1, progress: false, oracle: 'system-3' })).to.equal(null);
  });
});
