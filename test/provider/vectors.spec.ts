/**
 * Every NIST CAVP DRBG case OpenSSL ships (evprand.txt), replayed as evp_test replays it, on
 * both primitive backends. The counts are asserted so that a lost or truncated vector file
 * fails the run instead of passing on fewer cases.
 */
import { expect } from 'chai';
import { BACKEND_NAMES } from '../../provider/sp800-90a/primitives/index.js';
import { countCases, loadEvpRand } from '../../vectors/evprand.js';
import { runSuite } from '../../vectors/runner.js';

/** evprand.txt of OpenSSL 3.0.x: 961 stanzas, 14,401 cases (vectors/README.md). */
const EXPECTED = {
  'CTR-DRBG': { stanzas: 289, cases: 4321 },
  'HASH-DRBG': { stanzas: 336, cases: 5040 },
  'HMAC-DRBG': { stanzas: 336, cases: 5040 },
} as const;

describe('NIST CAVP vectors (evprand.txt) on the engine', () => {
  const vectors = loadEvpRand();

  it('the vector file holds all 961 stanzas and 14,401 cases', () => {
    expect(vectors.source.gitBlob).to.equal('8cb70247a0b444caee2237ed49dd56c1e5c54b8e');
    expect(vectors.stanzas.length).to.equal(961);
    expect(countCases(vectors.stanzas)).to.equal(14401);
    for (const [mech, want] of Object.entries(EXPECTED)) {
      const stanzas = vectors.stanzas.filter((s) => s.rand === mech);
      expect(stanzas.length, mech).to.equal(want.stanzas);
      expect(countCases(stanzas), mech).to.equal(want.cases);
    }
  });

  for (const backend of BACKEND_NAMES) {
    it(`every case passes on the ${backend} backend`, function () {
      const totals = runSuite(vectors.stanzas, backend);
      const lines: string[] = [];
      for (const [mech, want] of Object.entries(EXPECTED)) {
        const t = totals.get(mech);
        expect(t, mech).to.not.equal(undefined);
        if (t === undefined) continue;
        expect(t.failures.slice(0, 3), `${mech} failures`).to.deep.equal([]);
        expect(t.stanzas, mech).to.equal(want.stanzas);
        expect(t.cases, mech).to.equal(want.cases);
        expect(t.passed, mech).to.equal(want.cases);
        lines.push(`${mech} ${t.passed}/${t.cases} cases, ${t.bytesCompared} bytes compared`);
      }
      this.test!.title += ` (${lines.join('; ')})`;
    });
  }
});
