/**
 * The cross-implementation matrix (issue 18): rows = SP 800-90A configurations, columns =
 * OpenSSL 1.1.1 / 3.0 / 3.5 / 3.6 / 4.0, the FIPS provider, Mbed TLS 2.28 / 3.6, wolfSSL and
 * mirage-crypto; each cell what was compared with randshim or why nothing applies.
 */
export {
  MATRIX_COLUMNS, MATRIX_ROWS, NOT_APPLICABLE, NOT_APPLICABLE_MARK, OPENSSL_COLUMNS, PEER_COLUMNS, notApplicable,
  type MatrixCell, type MatrixColumn, type MatrixRow, type NotApplicable,
} from './layout.js';
export type { ColumnResult } from './result.js';
export { matrixCells, matrixClean, runMatrix, type Matrix, type MatrixOptions } from './run.js';
export { peerRuns, runTotals, type PeerOutcome, type PeerRun, type PeerRunOptions } from './peer-runs.js';
export { PEER_DIFFERENCES, type PeerDifference } from './differences.js';
