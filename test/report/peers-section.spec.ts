/**
 * The peers and matrix sections of `npm start`: the peers section compares every Mbed TLS,
 * wolfSSL and mirage-crypto configuration with 0 mismatches, names each library's file and
 * version, lists every documented difference with its test, and fits 100 columns; --oracle
 * selects or skips both sections.
 */
import { expect } from 'chai';
import { PEER_DIFFERENCES } from '../../interop/suites/matrix/differences.js';
import { runMatrixSection } from '../../scripts/report/matrix.js';
import { runPeersSection } from '../../scripts/report/peers.js';

describe('report: the peers section', function () {
  this.timeout(120000);

  it('14 library configurations compared with 0 mismatches, provenance and every difference shown', async () => {
    const s = await runPeersSection({ seed: 3, progress: false, cases: 200 });
    if (s === null) expect.fail('section skipped');
    expect(s.ok, s.text).to.equal(true);
    const rows = s.text.split('\n').filter((l) => /^(Mbed TLS [\d.]+|wolfSSL|mirage-crypto) (CTR_DRBG|HMAC_DRBG|Hash_DRBG|Hmac_drbg) /.test(l));
    expect(rows).to.have.length(14);
    for (const row of rows) expect(row, row).to.match(/\s0$/);
    expect(s.text).to.contain('"mbed TLS 2.28.').and.contain('"Mbed TLS 3.6.').and.contain('libwolfssl.so')
      .and.contain('"0.10.7"');
    const flat = s.text.replace(/\n\s+/g, ' ');
    for (const d of PEER_DIFFERENCES) expect(flat, d.test).to.contain(`"${d.test}"`);
    expect(s.text.split('\n').filter((l) => l.length > 100)).to.deep.equal([]);
  });

  it('--oracle peers / matrix picks one section and skips the other', async () => {
    expect(await runPeersSection({ seed: 1, progress: false, oracle: 'matrix' })).to.equal(null);
    expect(await runMatrixSection({ seed: 1, progress: false, oracle: 'peers' })).to.equal(null);
    expect(await runPeersSection({ seed: 1, progress: false, oracle: 'system-3' })).to.equal(null);
  });
});
