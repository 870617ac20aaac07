/** The peer columns of the matrix, from the peer runs (./peer-runs.ts). */
import { MATRIX_ROWS, notApplicable, type MatrixCell, type MatrixColumn } from './layout.js';
import { peerRuns, runTotals, type PeerLibrary, type PeerRunOptions } from './peer-runs.js';
import type { ColumnResult } from './result.js';

export function peerColumns(options: PeerRunOptions): ColumnResult[] {
  const runs = peerRuns(options);
  const libraries: PeerLibrary[] = ['Mbed TLS 2.28', 'Mbed TLS 3.6', 'wolfSSL', 'mirage-crypto'];
  return libraries.map((library) => {
    const column: MatrixColumn = library;
    const mine = runs.filter((r) => r.library === library);
    const cells: Record<string, MatrixCell> = {};
    for (const row of MATRIX_ROWS) {
      const na = notApplicable(column, row.config);
      const run = mine.find((r) => r.row === row.label);
      if (na !== null) cells[row.label] = { status: 'not-applicable', reason: na };
      else if (run === undefined) cells[row.label] = { status: 'unavailable', reason: `no ${library} run fills ${row.label}` };
      else if ('unavailable' in run) cells[row.label] = { status: 'unavailable', reason: run.unavailable };
      else cells[row.label] = { status: 'compared', ...runTotals(run) };
    }
    const first = mine[0];
    const provenance = first === undefined || 'unavailable' in first ? []
      : [{ version: first.version, library: first.path, how: library === 'mirage-crypto' ? 'OCaml driver, child process' : 'in process, koffi' }];
    const mismatchDetails = mine.flatMap((r) => ('unavailable' in r ? [] : [...r.campaign.mismatches, ...(r.nist?.failures ?? [])]
      .slice(0, 3).map((m) => `${r.config}: ${m}`)));
    return { column, cells, provenance, mismatchDetails };
  });
}
