/**
 * The per-line personalities (compat/openssl3-lines): each exports compat/openssl3's whole API,
 * and each is its own default library context: what one line's caller does (loading a provider,
 * the default chain) is not seen by another line's.
 */
import { expect } from 'chai';
import * as base from '../../compat/openssl3/index.js';
import * as p30 from '../../compat/openssl3-lines/30.js';
import * as p35 from '../../compat/openssl3-lines/35.js';
import * as p36 from '../../compat/openssl3-lines/36.js';
import * as p40 from '../../compat/openssl3-lines/40.js';

const PERSONALITIES = { '3.0': p30, 3.5: p35, 3.6: p36, '4.0': p40 } as const;

describe('the per-line 3.x personalities (compat/openssl3-lines)', () => {
  for (const [line, p] of Object.entries(PERSONALITIES)) {
    it(`${line} exports exactly compat/openssl3's names`, () => {
      expect(Object.keys(p).sort()).to.deep.equal(Object.keys(base).sort());
    });
  }

  it('each line has its own default chain: RAND_get0_primary differs between lines, 3.0 is compat/openssl3\'s', () => {
    const primaries = Object.values(PERSONALITIES).map((p) => p.RAND_get0_primary(null));
    expect(primaries.every((x) => x !== null)).to.equal(true);
    expect(new Set(primaries).size).to.equal(4);
    expect(base.RAND_get0_primary(null)).to.equal(primaries[0]);
    const out = new Uint8Array(32);
    for (const p of Object.values(PERSONALITIES)) expect(p.RAND_bytes(out, out.length)).to.equal(1);
  });

  it('a reset of one line leaves the others\' contexts alone', () => {
    const before = p35.RAND_get0_primary(null);
    p36.RANDSHIM_3_reset();
    expect(p35.RAND_get0_primary(null)).to.equal(before);
    p35.RANDSHIM_3_reset();
    expect(p35.RAND_get0_primary(null)).to.not.equal(before);
  });
});
