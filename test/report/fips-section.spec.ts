/**
 * The FIPS section of `npm start` (scripts/report/fips.ts), narrowed to the 3.5 line without the
 * corruption children: it finds the real provider, says 3.0 has none, compares every suite with
 * no mismatch, and fits 100 columns. `--oracle` other than "fips" skips it.
 */
import { expect } from 'chai';
import { runFipsSection } from '../../scripts/report/fips.js';

describe('report: the FIPS provider section', () => {
  it('shows the provider found, the 3.0 row from source and every suite compared, in 100 columns', async () => {
    const s = await runFipsSection({ seed: 1, progress: false }, ['3.5'], { randomCrng: 4, corruption: false });
    if (s === null) expect.fail('section skipped');
    expect(s.ok).to.equal(true);
    expect(s.text).to.contain('no FIPS binary exists for 3.0; rows from source');
    expect(s.text).to.match(/3\.5 +found +OpenSSL FIPS Provider 3\.5\.\d+ +default no-trunc onload/);
    for (const suite of ['DRBG scenarios', 'CRNG-TEST', 'self-test events', 'digest matrix', 'selection']) {
      expect(s.text, suite).to.match(new RegExp(`^3\\.5 +default +${suite} +\\d+ +\\d+ .* 0( |$)`, 'm'));
    }
    const wide = s.text.split('\n').filter((l) => l.length > 100);
    expect(wide).to.deep.equal([]);
  });

  it('is skipped when another oracle is asked for', async () => {
    expect(await runFipsSection({ seed: 1, progress: false, oracle: 'system-3' })).to.equal(null);
  });
});
