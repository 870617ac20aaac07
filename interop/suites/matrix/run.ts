/**
 * The whole cross-implementation matrix: every column run (OpenSSL in process and in its
 * children, the FIPS providers, the peers), in MATRIX_COLUMNS order.
 */
import { fipsColumn } from './fips-cells.js';
import { MATRIX_COLUMNS, MATRIX_ROWS, type MatrixCell, type MatrixColumn } from './layout.js';
import { inProcessColumns, lineColumns } from './openssl-cells.js';
import { peerColumns } from './peer-cells.js';
import type { ColumnResult } from './result.js';

export interface MatrixOptions {
  /** Differential cases per configuration on each OpenSSL build (default 20). */
  readonly casesPerConfig?: number;
  /** FIPS chains per approved configuration and line (default 10). */
  readonly fipsChains?: number;
  /** Seeded campaign cases per Mbed TLS configuration (default 200; see peer-runs.ts). */
  readonly peerCases?: number;
  /** NIST vectors per Mbed TLS configuration (default all). */
  readonly nistCases?: number;
  readonly seed?: number;
  /** Only these columns (default all). */
  readonly columns?: readonly MatrixColumn[];
}

export interface Matrix {
  readonly columns: readonly ColumnResult[];
}

export async function runMatrix(options: MatrixOptions = {}): Promise<Matrix> {
  const seed = options.seed ?? 18;
  const wanted = (c: MatrixColumn): boolean => options.columns === undefined || options.columns.includes(c);
  const differential = { casesPerConfig: options.casesPerConfig ?? 20, seed };
  const columns: ColumnResult[] = [];
  if (wanted('OpenSSL 1.1.1') || wanted('OpenSSL 3.0')) columns.push(...await inProcessColumns(differential));
  if (wanted('OpenSSL 3.5') || wanted('OpenSSL 3.6') || wanted('OpenSSL 4.0')) columns.push(...await lineColumns(differential));
  if (wanted('FIPS provider')) columns.push(await fipsColumn(options.fipsChains ?? 10, seed));
  if (MATRIX_COLUMNS.slice(6).some(wanted)) {
    columns.push(...peerColumns({ cases: options.peerCases ?? 200, seed, nistCases: options.nistCases }));
  }
  const order = (c: ColumnResult): number => MATRIX_COLUMNS.indexOf(c.column);
  return { columns: columns.filter((c) => wanted(c.column)).sort((a, b) => order(a) - order(b)) };
}

/** Every cell with its row and column. */
export function matrixCells(matrix: Matrix): { row: string; column: MatrixColumn; cell: MatrixCell }[] {
  return matrix.columns.flatMap((c) => MATRIX_ROWS.map((r) => ({ row: r.label, column: c.column, cell: c.cells[r.label] })));
}

/** True when every applicable cell was compared and none mismatched. */
export function matrixClean(matrix: Matrix): boolean {
  return matrixCells(matrix).every(({ cell }) => cell.status === 'not-applicable'
    || (cell.status === 'compared' && cell.cases > 0 && cell.mismatches === 0));
}
