/** One column of the matrix as a runner fills it. */
import type { MatrixCell, MatrixColumn } from './layout.js';

export interface BuildProvenance {
  /** The version string the library itself reports (OpenSSL_version, mbedtls_version_get_string_full...). */
  readonly version: string;
  /** The file loaded (absolute path). */
  readonly library: string;
  /** How it ran ("system-3, in process"; "system-3.5, child under its own ld.so"). */
  readonly how: string;
}

export interface ColumnResult {
  readonly column: MatrixColumn;
  /** By row label (layout.ts MATRIX_ROWS), every row present. */
  readonly cells: Readonly<Record<string, MatrixCell>>;
  /** Which libraries answered (several for the FIPS column: one per line), or why none. */
  readonly provenance: readonly BuildProvenance[];
  /** The first mismatches, each naming its case and step (empty when none). */
  readonly mismatchDetails: readonly string[];
}
