/**
 * The per-line difference table (./differences.ts) as the Markdown of docs/openssl-lines.md:
 * a summary grid (row by line) and one short section per row, wrapped to 100 columns so that
 * the raw file reads as well as the rendered one. test/interop/lines-docs.spec.ts checks that
 * the document holds exactly this text.
 */
import { LINE_DIFFERENCES, type LineDifference } from './differences.js';
import { LINE_IDS } from './lines.js';
import { PROBE_EXPECTATIONS, SYMBOL_EXPECTATIONS, type ProbedLine } from './probe-expectations.js';
import type { ProbeStep } from './probes.js';

const WIDTH = 100;

/** Greedy word wrap; continuation lines get `indent`. */
function wrap(text: string, indent: string, width = WIDTH): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    const next = current.length === 0 ? word : `${current} ${word}`;
    if (next.length + (lines.length === 0 ? 0 : indent.length) > width && current.length > 0) {
      lines.push(current);
      current = word;
    } else {
      current = next;
    }
  }
  if (current.length > 0) lines.push(current);
  return lines.map((l, i) => (i === 0 ? l : indent + l));
}

function item(label: string, text: string): string[] {
  return wrap(`- ${label}: ${text}`, '  ');
}

function section(row: LineDifference): string[] {
  return [
    `#### \`${row.id}\` (${row.lines.join(', ')}; ${row.suites.join(', ')})`,
    '',
    ...item('3.0', row.openssl30),
    ...item('the line', row.line),
    ...item(row.source === 'read' ? 'why (read in the source)' : 'why (observed on the binary)', row.reason),
    ...item('randshim', row.modelledBy === undefined
      ? 'not modelled yet: the line\'s personality still does what 3.0 does here'
      : `modelled (\`${row.modelledBy}\` in provider/openssl3/lines.ts): the line's personality does what the line does`),
    '',
  ];
}

const PROBED: readonly ProbedLine[] = ['3.0', ...LINE_IDS];

/** One probe step as a short phrase: `call -> ret [out] [errors]`. */
function stepText(st: ProbeStep): string {
  const errors = st.errors.map((e) => `${e.lib}:${e.reason}`).join(', ');
  return `${st.call} → ${String(st.ret)}${st.out === undefined ? '' : ` (${st.out})`}${errors === '' ? '' : ` [${errors}]`}`;
}

function probeSections(): string[] {
  const symbols = Object.keys(SYMBOL_EXPECTATIONS['3.0']);
  const width = Math.max(...symbols.map((s) => s.length + 2));
  const grid = [
    `| ${'symbol'.padEnd(width)} | ${PROBED.map((l) => l.padEnd(3)).join(' | ')} |`,
    `|${'-'.repeat(width + 2)}|${PROBED.map(() => '-----').join('|')}|`,
    ...symbols.map((s) => `| ${`\`${s}\``.padEnd(width)} | ${PROBED.map((l) => (SYMBOL_EXPECTATIONS[l][s] ? ' x ' : '   ')).join(' | ')} |`),
  ];
  const sections = PROBE_EXPECTATIONS.flatMap((e) => {
    const byLine = PROBED.map((l) => [l, e.steps[l]] as const);
    const lines: string[] = [`#### probe \`${e.probe}\``, ''];
    // lines with the same answers share one item
    const groups: { lines: ProbedLine[]; text: string }[] = [];
    for (const [l, steps] of byLine) {
      const text = steps === 'not run' ? 'not run' : steps.map(stepText).join('; ');
      const g = groups.find((x) => x.text === text);
      if (g === undefined) groups.push({ lines: [l], text });
      else g.lines.push(l);
    }
    for (const g of groups) lines.push(...item(g.lines.join(', '), g.text));
    lines.push(...item('why', e.reason), '');
    return lines;
  });
  return ['### Probes', '', 'Symbols each library exports:', '', ...grid, '', ...sections];
}

export const TABLE_BEGIN = '<!-- differences: generated from interop/builds/openssl-lines/differences.ts -->';
export const TABLE_END = '<!-- end of differences -->';

/** The generated part of docs/openssl-lines.md, markers included. */
export function renderDifferences(): string {
  const idWidth = Math.max(...LINE_DIFFERENCES.map((r) => r.id.length + 2), 3);
  const grid = [
    `| ${'row'.padEnd(idWidth)} | ${LINE_IDS.map((l) => l.padEnd(3)).join(' | ')} |`,
    `|${'-'.repeat(idWidth + 2)}|${LINE_IDS.map(() => '-----').join('|')}|`,
    ...LINE_DIFFERENCES.map((r) => `| ${`\`${r.id}\``.padEnd(idWidth)} | ${LINE_IDS.map((l) => (r.lines.includes(l) ? ' x ' : '   ')).join(' | ')} |`),
  ];
  return [TABLE_BEGIN, '', '### Scenario differences', '', ...grid, '', ...LINE_DIFFERENCES.flatMap(section), ...probeSections(),
    '"generated": TEST-RAND\'s xorshift output, which lines.spec.ts checks against its own model.', '',
    TABLE_END].join('\n');
}

/** `doc` with its generated part (between the markers) replaced by {@link renderDifferences}. */
export function spliceDifferences(doc: string): string {
  const begin = doc.indexOf(TABLE_BEGIN);
  const end = doc.indexOf(TABLE_END);
  if (begin < 0 || end < begin) throw new Error('the document has no generated differences section');
  return doc.slice(0, begin) + renderDifferences() + doc.slice(end + TABLE_END.length);
}
