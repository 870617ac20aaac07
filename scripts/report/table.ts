/** Plain-text tables for terminal reports, fitted to the report's width (./text.ts). */
import { REPORT_WIDTH, wrapWords } from './text.js';

const GAP = 2;
/** The narrowest a column is squeezed to before the table is allowed to stay too wide. */
const MIN_COLUMN = 8;

/** Column widths: each column's widest cell, the widest columns narrowed until the row fits. */
function fitWidths(cells: readonly (readonly string[])[], columns: number, width: number): number[] {
  const widths = Array.from({ length: columns }, (_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const total = (): number => widths.reduce((a, b) => a + b, 0) + GAP * (columns - 1);
  while (total() > width) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest] <= MIN_COLUMN) break;
    const others = total() - widths[widest];
    widths[widest] = Math.max(MIN_COLUMN, Math.min(widths[widest] - 1, width - others));
  }
  return widths;
}

/** A figure: a number (with separators, a unit of s, x or %), or a dash. */
const FIGURE = /^(-|[-+]?[\d,.]+ ?[%xs]?)$/;

/** A table: numeric columns right-aligned, the others (and always the first) left-aligned; a cell
 * too wide for its column is wrapped at spaces onto more lines of its row. */
export function formatTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[],
  width = REPORT_WIDTH): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = fitWidths(cells, headers.length, width);
  const numeric = headers.map((_, i) => i > 0 && cells.slice(1).every((r) => (r[i] ?? '') === '' || FIGURE.test(r[i])));
  const render = (r: readonly string[]): string[] => {
    const pieces = widths.map((w, i) => wrapWords(r[i] ?? '', w));
    const height = Math.max(...pieces.map((p) => p.length));
    return Array.from({ length: height }, (_, k) => widths.map((w, i) => {
      const piece = pieces[i][k] ?? '';
      return numeric[i] ? piece.padStart(w) : piece.padEnd(w);
    }).join(' '.repeat(GAP)).trimEnd());
  };
  return [...render(cells[0]), widths.map((w) => '-'.repeat(w)).join(' '.repeat(GAP)), ...cells.slice(1).flatMap(render)].join('\n');
}
