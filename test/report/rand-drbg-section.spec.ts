/**
 * The RAND_DRBG section of `npm start` when oracles are missing: it says which and why, and does
 * not crash; with none, it is not OK (nothing was compared). `--oracle` selects or skips it.
 */
import { expect } from 'chai';
import { runRandDrbgSection } from '../../scripts/report/rand-drbg.js';

describe('report: the RAND_DRBG section', function () {
  const missing = [
    { name: 'system-1.1.1', discover: async () => ({ name: 'system-1.1.1', available: false as const, reason: 'libssl1.1 is not installed' }) },
    { name: 'node16-1.1.1', discover: async () => { throw new Error('spawn ENOENT'); } },
  ];

  it('names each unavailable oracle with its reason, and is not OK when none ran', async function () {
    const s = await runRandDrbgSection({ seed: 1, progress: false }, missing);
    if (s === null) expect.fail('section skipped');
    expect(s.ok).to.equal(false);
    expect(s.text).to.contain('system-1.1.1 unavailable: libssl1.1 is not installed');
    expect(s.text).to.contain('node16-1.1.1 unavailable: discovery failed: spawn ENOENT');
    expect(s.text).to.contain('nothing was compared');
    expect(s.text).to.contain('thread-id').and.contain('fips-mode-set').and.contain('zeroed-on-failure');
  });

  it('--oracle picks one 1.1.1 oracle, and skips the section for any other', async function () {
    const one = await runRandDrbgSection({ seed: 1, progress: false, oracle: 'system-1.1.1' }, missing);
    expect(one?.text).to.contain('system-1.1.1 unavailable').and.not.contain('node16-1.1.1 unavailable');
    expect(await runRandDrbgSection({ seed: 1, progress: false, oracle: 'system-3' }, missing)).to.equal(null);
  });
});
