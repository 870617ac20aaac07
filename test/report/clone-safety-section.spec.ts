/**
 * The clone-safety section of `npm start`: every check it lists ran, expected and
 * observed agree, and the bytes it says it compared add up; `--oracle` skips it (it compares
 * with no OpenSSL).
 */
import { expect } from 'chai';
import { runCloneSafetySection } from '../../scripts/report/clone-safety.js';

interface SectionJson {
  copies: { check: string; expected: string; observed: string; bytes: number }[];
  controls: { control: string; expectedPulls: number; pulls: number }[];
  bytesCompared: number;
}

describe('report: the clone-safety section', function () {
  this.timeout(120_000);

  it('lists the snapshot, VM counter, worker and control checks with their results', async () => {
    const s = await runCloneSafetySection({ seed: 1, progress: false });
    if (s === null) expect.fail('section skipped');
    const json = s.json as SectionJson;
    expect(json.copies).to.have.length(10);
    expect(json.copies.filter((c) => c.expected === 'identical').map((c) => c.check)).to.have.length(4);
    for (const c of json.copies) expect(c.observed, c.check).to.equal(c.expected);
    expect(json.bytesCompared).to.equal(json.copies.reduce((n, c) => n + c.bytes, 0)).and.equal(1600);
    expect(json.controls).to.have.length(7);
    for (const c of json.controls) expect(c.pulls, c.control).to.equal(c.expectedPulls);
    expect(s.ok).to.equal(true);
    expect(s.text).to.contain('snapshot: guard off, pid pinned (hazard)').and.contain('this machine:');
  });

  it('is skipped when one oracle is asked for', async () => {
    expect(await runCloneSafetySection({ seed: 1, progress: false, oracle: 'system-3' })).to.equal(null);
  });
});
