/**
 * docs/openssl-lines.md against what it describes: its generated difference section is exactly
 * what interop/builds/openssl-lines/render.ts makes of the table today, and the table's rows are
 * well formed (unique ids, lines named, both sides described, an OpenSSL file:function cited).
 * Needs no library: the rows themselves are proven on the real lines by lines.spec.ts.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LINE_DIFFERENCES } from '../../interop/builds/openssl-lines/differences.js';
import { renderDifferences, spliceDifferences } from '../../interop/builds/openssl-lines/render.js';
import { repoRoot } from '../../interop/builds/openssl111/load.js';

describe('docs/openssl-lines.md and the per-line difference table', () => {
  const doc = readFileSync(join(repoRoot(), 'docs', 'openssl-lines.md'), 'utf8');

  it('holds the table as generated from differences.ts (node dist/interop/builds/openssl-lines/write-docs.js)', () => {
    expect(spliceDifferences(doc)).to.equal(doc);
    for (const row of LINE_DIFFERENCES) expect(doc).to.include(`#### \`${row.id}\``);
  });

  it('fits 100 columns', () => {
    expect(doc.split('\n').filter((l) => l.length > 100)).to.deep.equal([]);
    expect(renderDifferences().split('\n').filter((l) => l.length > 100)).to.deep.equal([]);
  });

  it('has well-formed rows: unique ids, lines, both behaviours and an OpenSSL file:function', () => {
    const ids = LINE_DIFFERENCES.map((r) => r.id);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const r of LINE_DIFFERENCES) {
      expect(r.lines.length, r.id).to.be.greaterThan(0);
      expect(r.suites.length, r.id).to.be.greaterThan(0);
      expect(r.openssl30.length, r.id).to.be.greaterThan(20);
      expect(r.line.length, r.id).to.be.greaterThan(20);
      expect(r.reason, r.id).to.match(/\b(crypto|providers|util)\/[\w/.-]+\.(c|pm|in)(\([^)]*\))?: \w+/);
    }
  });
});
