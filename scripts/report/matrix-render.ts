/**
 * The cross-implementation matrix for people: two tables of at most 100 columns (the OpenSSL
 * builds, then the other libraries), each cell "cases/bytes/mismatches" (bytes in k = 1000 or
 * M = 10^6), "n/a:x" with x a footnote of the legend, or "unavail." with the reason below; as
 * plain text for the terminal or as Markdown for docs/conformance.md.
 */
import {
  FIPS_NO_DF_NOTE, MATRIX_ROWS, NOT_APPLICABLE, NOT_APPLICABLE_MARK, OPENSSL_COLUMNS, PEER_COLUMNS,
  type MatrixCell, type MatrixColumn, type NotApplicable,
} from '../../interop/suites/matrix/layout.js';
import { PEER_DIFFERENCES } from '../../interop/suites/matrix/differences.js';
import type { ColumnResult } from '../../interop/suites/matrix/result.js';
import { repoRoot } from '../../interop/builds/openssl111/load.js';
import { formatTable } from './table.js';

/** `text` cut into lines of at most `width` columns at spaces, the first prefixed by `first`,
 * the others by as many spaces. */
export function wrap(first: string, text: string, width = 100): string[] {
  const out: string[] = [];
  let line = first;
  for (const word of text.split(' ')) {
    const candidate = line === first ? `${line}${word}` : `${line} ${word}`;
    if (candidate.length > width && line !== first) {
      out.push(line);
      line = `${' '.repeat(first.length)}${word}`;
    } else line = candidate;
  }
  out.push(line);
  return out;
}

/** A path for people: from the repository root when inside it. */
export function shortPath(path: string): string {
  const root = `${repoRoot()}/`;
  return path.startsWith(root) ? path.slice(root.length) : path;
}

/** Short column headers (the legend names the builds in full). */
export const COLUMN_HEADERS: Readonly<Record<MatrixColumn, string>> = {
  'OpenSSL 1.1.1': '1.1.1', 'OpenSSL 3.0': '3.0', 'OpenSSL 3.5': '3.5', 'OpenSSL 3.6': '3.6', 'OpenSSL 4.0': '4.0',
  'FIPS provider': 'FIPS', 'Mbed TLS 2.28': 'Mbed 2.28', 'Mbed TLS 3.6': 'Mbed 3.6', wolfSSL: 'wolfSSL',
  'mirage-crypto': 'mirage',
};

export function formatBytes(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${Math.round(n / 1000)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}

export function formatCell(cell: MatrixCell | undefined): string {
  if (cell === undefined) return '';
  if (cell.status === 'compared') return `${cell.cases}/${formatBytes(cell.bytes)}/${cell.mismatches}`;
  if (cell.status === 'not-applicable') return `n/a:${NOT_APPLICABLE_MARK[cell.reason]}`;
  return 'unavail.';
}

function groups(columns: readonly ColumnResult[]): ColumnResult[][] {
  return [OPENSSL_COLUMNS as readonly string[], PEER_COLUMNS as readonly string[]]
    .map((names) => columns.filter((c) => names.includes(c.column)))
    .filter((g) => g.length > 0);
}

function rowsOf(group: readonly ColumnResult[]): string[][] {
  return MATRIX_ROWS.map((r) => [r.label, ...group.map((c) => formatCell(c.cells[r.label]))]);
}

/** The footnotes used by these columns, in mark order. */
function usedReasons(columns: readonly ColumnResult[]): NotApplicable[] {
  const used = new Set<NotApplicable>();
  for (const c of columns) for (const cell of Object.values(c.cells)) if (cell.status === 'not-applicable') used.add(cell.reason);
  return (Object.keys(NOT_APPLICABLE) as NotApplicable[]).filter((k) => used.has(k));
}

function unavailable(columns: readonly ColumnResult[]): string[] {
  const out: string[] = [];
  for (const c of columns) {
    const reasons = new Set(Object.values(c.cells).flatMap((cell) => (cell.status === 'unavailable' ? [cell.reason] : [])));
    for (const r of reasons) out.push(`${c.column}: ${r}`);
  }
  return out;
}

const LEGEND = 'Cell: cases/bytes/mismatches (bytes of output compared; k = 1000, M = 10^6).';

/** Terminal rendering: the two tables, the legend, provenance and any unavailable build. */
export function renderMatrixText(columns: readonly ColumnResult[]): string {
  const text: string[] = [];
  for (const group of groups(columns)) {
    text.push(formatTable(['configuration', ...group.map((c) => COLUMN_HEADERS[c.column])], rowsOf(group)), '');
  }
  text.push(LEGEND);
  for (const k of usedReasons(columns)) text.push(`  n/a:${NOT_APPLICABLE_MARK[k]}  ${NOT_APPLICABLE[k]}`);
  if (columns.some((c) => c.column === 'FIPS provider')) text.push(`  ${FIPS_NO_DF_NOTE}`);
  text.push('Builds:');
  for (const c of columns) {
    c.provenance.forEach((p, i) => text.push(`  ${(i === 0 ? COLUMN_HEADERS[c.column] : '').padEnd(9)} ${p.version} (${p.how})`,
      `  ${''.padEnd(9)} ${shortPath(p.library)}`));
  }
  for (const u of unavailable(columns)) text.push(`  unavail. ${u}`);
  for (const c of columns) for (const m of c.mismatchDetails) text.push(`  MISMATCH ${c.column}: ${m.slice(0, 300)}`);
  return text.join('\n');
}

function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** Markdown rendering for docs/conformance.md (tables and legend; provenance as a list). */
export function renderMatrixMarkdown(columns: readonly ColumnResult[]): string {
  const text: string[] = [];
  for (const group of groups(columns)) {
    text.push(markdownTable(['configuration', ...group.map((c) => COLUMN_HEADERS[c.column])], rowsOf(group)), '');
  }
  text.push(LEGEND, '');
  for (const k of usedReasons(columns)) text.push(`- n/a:${NOT_APPLICABLE_MARK[k]}: ${NOT_APPLICABLE[k]}`);
  if (columns.some((c) => c.column === 'FIPS provider')) text.push(`- ${FIPS_NO_DF_NOTE}`);
  text.push('', 'Builds that answered:', '');
  for (const c of columns) {
    for (const p of c.provenance) text.push(`- ${c.column}: "${p.version}", \`${shortPath(p.library)}\` (${p.how})`);
  }
  for (const u of unavailable(columns)) text.push(`- unavailable: ${u}`);
  return text.join('\n');
}

/** The documented peer differences (interop/suites/matrix/differences.ts) as a Markdown table,
 * each with its spec and test title. */
export function renderDifferencesMarkdown(): string {
  const rows = PEER_DIFFERENCES.map((d) => [d.libraries.join(', ').replace('Mbed TLS 2.28, Mbed TLS 3.6', 'Mbed TLS 2.28, 3.6'),
    d.difference, `\`${d.spec.replace(/^test\//, '')}\` "${d.test}"`]);
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(['library', 'difference from OpenSSL', 'test']), line(['---', '---', '---']), ...rows.map(line)].join('\n');
}

export const MATRIX_BEGIN = '<!-- matrix: generated by scripts/matrix-table.ts (npm run matrix-table) -->';
export const MATRIX_END = '<!-- end of matrix -->';

/** `doc` with the text between the matrix markers replaced by `generated`. Throws when the
 * markers are missing, so that a moved heading cannot silently drop the table. */
export function spliceMatrix(doc: string, generated: string): string {
  const begin = doc.indexOf(MATRIX_BEGIN);
  const end = doc.indexOf(MATRIX_END);
  if (begin < 0 || end < begin) throw new Error(`the document has no ${MATRIX_BEGIN} ... ${MATRIX_END} block`);
  return `${doc.slice(0, begin + MATRIX_BEGIN.length)}\n${generated}\n${doc.slice(end)}`;
}
