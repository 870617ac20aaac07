/**
 * The bounded fuzz campaign `npm test` runs (docs/bad-input.md): 20,000 compared calls per
 * personality, random sequences over the compat API replayed on the real OpenSSL 1.1.1w and 3.0
 * and on randshim, every call compared. A divergence fails with fast-check's shrunk sequence
 * and the seed that replays it (npm run fuzz -- --personality P --calls N --seed S).
 */
import { expect } from 'chai';
import { discoverBuild } from '../../interop/builds/registry.js';
import { campaign111 } from '../../interop/suites/fuzz/campaign111.js';
import { campaign3 } from '../../interop/suites/fuzz/campaign3.js';

const CALLS = 20_000;
/** A fixed seed per personality: the same sequences on every run (other seeds: npm run fuzz). */
const SEED = 20_251_203;

describe('fuzz campaign: random compat call sequences, real OpenSSL vs randshim', function () {
  this.timeout(180_000);

  it(`1.1.1w: ${CALLS} calls compared, no divergence`, async function () {
    const found = await discoverBuild('system-1.1.1', 'rand-drbg-111');
    if (!found.available) throw new Error(`real OpenSSL 1.1.1 needed: ${found.reason}`);
    const f = await campaign111(found.handle, CALLS, SEED);
    expect(f.divergences).to.equal(0);
    expect(f.calls).to.be.at.least(CALLS);
    expect(f.drawn).to.be.greaterThan(CALLS / 3);
  });

  it(`3.0: ${CALLS} calls compared, no divergence`, async function () {
    const f = await campaign3(CALLS, SEED);
    expect(f.divergences).to.equal(0);
    expect(f.calls).to.be.at.least(CALLS);
    expect(f.drawn).to.be.greaterThan(CALLS / 2);
  });
});
