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
import type { ReportOptions, ReportSection } from './section.js';

export async function runMatrixSection(opts: ReportOptions): Promise<ReportSection | null> {
  if (opts.oracle !== undefined && opts.oracle !== 'matrix') return null;
  const started = Date.now();
  const matrix = await runMatrix(matrixOptions(opts));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return {
    title: 'Cross-implementation matrix: SP 800-90A configurations x implementations',
    ok: matrixClean(matrix),
    text: `${renderMatrixText(matrix.columns)}\n(${seconds} s)`,
    json: matrix,
  };
}
