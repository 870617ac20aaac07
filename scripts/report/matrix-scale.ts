/**
 * How `npm start -- --cases N` sizes the matrix and peers campaigns: N / 4000 of the defaults
 * (N = 4000 when not given), each at least 1.
 */
import type { ReportOptions } from './section.js';
import type { MatrixOptions } from '../../interop/suites/matrix/run.js';

export const DEFAULT_SCALE_CASES = 4000;

export function matrixOptions(opts: ReportOptions): MatrixOptions & { peerCases: number } {
  const scale = (opts.cases ?? DEFAULT_SCALE_CASES) / DEFAULT_SCALE_CASES;
  const scaled = (n: number): number => Math.max(1, Math.round(n * scale));
  return { casesPerConfig: scaled(40), fipsChains: scaled(10), peerCases: scaled(200), seed: opts.seed };
}
