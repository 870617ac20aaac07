/**
 * The FIPS behaviour table of docs/fips.md is the one rendered from
 * interop/suites/fips/behaviours.ts (regenerate: node dist/scripts/fips-table.js), and no cell
 * claims more than its proofs: a "proven" cell of 3.5, 3.6 or 4.0 cites a spec of test/fips/ (the
 * real FIPS provider), 3.0 is never "proven" (no FIPS binary exists for it), a "proven" 1.1.1
 * cell cites a test against real 1.1.1, and every cited test exists.
 */
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIPS_BEHAVIOURS, type FipsTableLine } from '../../interop/suites/fips/behaviours.js';
import { FIPS_TABLE_FILE, fipsTableIn, renderFipsTable } from '../../scripts/fips-table/render.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const LIVE: readonly FipsTableLine[] = ['3.5', '3.6', '4.0'];

describe('FIPS behaviour table (docs/fips.md)', () => {
  it('is the table rendered from interop/suites/fips/behaviours.ts', () => {
    const doc = readFileSync(resolve(ROOT, FIPS_TABLE_FILE), 'utf8');
    expect(fipsTableIn(doc)).to.equal(renderFipsTable());
    expect(renderFipsTable().split('\n').length).to.equal(FIPS_BEHAVIOURS.length + 2);
  });

  it('cites a test against the real FIPS provider for every "proven" cell of a live line', () => {
    let cells = 0;
    for (const row of FIPS_BEHAVIOURS) {
      const realProvider = row.proofs.filter((p) => p.file.startsWith('test/fips/') || p.file === 'test/interop/lines-random-provider.spec.ts');
      for (const line of LIVE) {
        if (row.lines[line].status !== 'proven') continue;
        cells++;
        expect(realProvider.length, `${row.id} ${line}`).to.be.greaterThan(0);
      }
      expect(row.lines['3.0'].status, `${row.id} 3.0`).to.not.equal('proven');
      if (row.lines['1.1.1'].status === 'proven' || row.lines['1.1.1'].status === 'differs') {
        expect(row.proofs.some((p) => p.oracle.includes('1.1.1')), `${row.id} 1.1.1`).to.equal(true);
      }
    }
    expect(cells).to.equal(52);
  });

  it('cites only tests that exist', () => {
    let checked = 0;
    for (const p of FIPS_BEHAVIOURS.flatMap((r) => r.proofs)) {
      expect(existsSync(resolve(ROOT, p.file)), p.file).to.equal(true);
      expect(readFileSync(resolve(ROOT, p.source ?? p.file), 'utf8'), `${p.source ?? p.file}: "${p.test}"`).to.contain(p.test);
      checked++;
    }
    expect(checked).to.be.at.least(FIPS_BEHAVIOURS.filter((r) => r.proofs.length > 0).length);
  });

  it('names what is out of scope, so nothing is implied', () => {
    const outOfScope = FIPS_BEHAVIOURS.filter((r) => LIVE.every((l) => r.lines[l].status === 'out of scope')).map((r) => r.id);
    expect(outOfScope).to.deep.equal(['other-kats', 'integrity', 'jitter']);
  });
});
