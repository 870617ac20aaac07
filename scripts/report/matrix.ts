/**
 * The cross-implementation matrix section of the conformance report (issue 18): every SP 800-90A
 * configuration against every implementation (interop/suites/matrix), each cell the cases,
 * output bytes and mismatches compared with randshim, or why the configuration does not apply.
 * Fails on a mismatch or on a build that could not be run. --cases N scales it
 * (scripts/report/matrix-scale.ts); docs/conformance.md carries a copy (npm run matrix-table).
 */
import { matrixClean, runMatrix } from '../../interop/suites/matrix/run.js';
import { matrixOptions } from './matrix-scale.js';
import { renderMatrixText } from './matrix-render.js';
import { counted, type ReportOptions, type ReportSection, type SummaryRow } from './section.js';

export async function runMatrixSection(opts: ReportOptions): Promise<ReportSection | null> {
  if (opts.oracle !== undefined && opts.oracle !== 'matrix') return null;
  const started = Date.now();
  const matrix = await runMatrix(matrixOptions(opts));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const summary = matrix.columns.map((c): SummaryRow => {
    const cells = Object.values(c.cells);
    const compared = cells.flatMap((x) => (x.status === 'compared' ? [x] : []));
    const broken = cells.filter((x) => x.status !== 'compared' && x.status !== 'not-applicable').length;
    return { suite: 'matrix', oracle: c.column, compared: counted(compared.reduce((n, x) => n + x.cases, 0), 'cases'),
      bytes: compared.reduce((n, x) => n + x.bytes, 0), mismatches: compared.reduce((n, x) => n + x.mismatches, 0) + broken };
  });
  return {
    title: 'Cross-implementation matrix: SP 800-90A configurations x implementations',
    summary,
    ok: matrixClean(matrix),
    text: `${renderMatrixText(matrix.columns)}\n(${seconds} s)`,
    json: matrix,
  };
}
