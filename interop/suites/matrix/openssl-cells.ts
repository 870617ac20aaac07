/**
 * The OpenSSL columns of the matrix, from the step-level differential suite
 * (interop/suites/differential): per configuration a small seeded campaign of instantiate /
 * reseed / generate / uninstantiate cases run on the real library and on randshim, every step's
 * return code, output, state and error queue compared. 1.1.1 is the RAND_DRBG oracle
 * (system-1.1.1 in process, else the OpenSSL inside Node 16), 3.0 the in-process system-3, and
 * 3.5 / 3.6 / 4.0 the line children (interop/builds/openssl-lines) under their own ld.so.
 */
import { closeAll, discoverStepOracles } from '../differential/oracles.js';
import { discoverLines } from '../../builds/openssl-lines/build.js';
import type { LineId } from '../../builds/openssl-lines/lines.js';
import type { Driver } from '../differential/driver.js';
import { randshimDriver3x } from '../differential/run-randshim.js';
import { randshimDriver111 } from '../differential/run-randshim111.js';
import { runCampaign } from '../differential/runner.js';
import { configLabel } from '../differential/configs.js';
import { MATRIX_ROWS, notApplicable, type MatrixCell, type MatrixColumn } from './layout.js';
import type { ColumnResult } from './result.js';

export interface DifferentialOptions {
  /** Differential cases per configuration. */
  readonly casesPerConfig: number;
  readonly seed: number;
}

/** One column from one oracle: a campaign over the configurations that apply. */
export async function differentialColumn(column: MatrixColumn, oracle: Driver, options: DifferentialOptions): Promise<ColumnResult> {
  const rows = MATRIX_ROWS.filter((r) => notApplicable(column, r.config) === null);
  const subject = oracle.info.flavor === '1.1.1' ? randshimDriver111('node') : randshimDriver3x('node');
  const result = await runCampaign(subject, oracle, { seed: options.seed, casesPerConfig: options.casesPerConfig, configs: rows.map((r) => r.config) });
  const byLabel = new Map(result.stats.map((s) => [s.config, s]));
  const cells: Record<string, MatrixCell> = {};
  for (const row of MATRIX_ROWS) {
    const na = notApplicable(column, row.config);
    if (na !== null) {
      cells[row.label] = { status: 'not-applicable', reason: na };
      continue;
    }
    const s = byLabel.get(configLabel(row.config));
    cells[row.label] = s === undefined
      ? { status: 'unavailable', reason: `${oracle.info.name} does not run ${configLabel(row.config)}` }
      : { status: 'compared', cases: s.cases, bytes: s.bytesCompared, mismatches: s.mismatches };
  }
  return {
    column, cells,
    provenance: [{ version: oracle.info.version, library: oracle.info.library.replace(/ \(child under .*\)$/, ''),
      how: / \(child under /.test(oracle.info.library) ? `${oracle.info.name}, child under its own ld.so` : `${oracle.info.name}, in process` }],
    mismatchDetails: result.reports.map((r) => `${r.config} ${r.case.id} step ${r.mismatch.step} (${r.mismatch.field})`),
  };
}

/** A column whose build could not be brought up: every applicable cell says why. */
export function unavailableColumn(column: MatrixColumn, reason: string): ColumnResult {
  const cells: Record<string, MatrixCell> = {};
  for (const row of MATRIX_ROWS) {
    const na = notApplicable(column, row.config);
    cells[row.label] = na !== null ? { status: 'not-applicable', reason: na } : { status: 'unavailable', reason };
  }
  return { column, cells, provenance: [], mismatchDetails: [] };
}

/** OpenSSL 1.1.1 and 3.0 (in process). */
export async function inProcessColumns(options: DifferentialOptions): Promise<ColumnResult[]> {
  const out: ColumnResult[] = [];
  const system3 = await discoverStepOracles('system-3');
  try {
    const d = system3[0]?.driver;
    out.push(d !== undefined ? await differentialColumn('OpenSSL 3.0', d, options)
      : unavailableColumn('OpenSSL 3.0', system3[0]?.reason ?? 'system-3 not found'));
  } finally {
    await closeAll(system3);
  }
  // Debian's libssl1.1 in process; without it, the 1.1.1v inside Node 16 (same drbg_lib.c).
  for (const name of ['system-1.1.1', 'node16-1.1.1']) {
    const found = await discoverStepOracles(name);
    try {
      const d = found[0]?.driver;
      if (d !== undefined) {
        out.push(await differentialColumn('OpenSSL 1.1.1', d, options));
        break;
      }
      if (name === 'node16-1.1.1') out.push(unavailableColumn('OpenSSL 1.1.1', found[0]?.reason ?? '1.1.1 not found'));
    } finally {
      await closeAll(found);
    }
  }
  return out;
}

const LINE_COLUMN: Readonly<Record<LineId, MatrixColumn>> = { '3.5': 'OpenSSL 3.5', '3.6': 'OpenSSL 3.6', '4.0': 'OpenSSL 4.0' };

/** OpenSSL 3.5, 3.6 and 4.0 (their children). */
export async function lineColumns(options: DifferentialOptions): Promise<ColumnResult[]> {
  const out: ColumnResult[] = [];
  const lines: LineId[] = ['3.5', '3.6', '4.0'];
  const found = await discoverLines(lines);
  try {
    for (let i = 0; i < lines.length; i++) {
      const d = found[i];
      const column = LINE_COLUMN[lines[i]];
      out.push(d.available ? await differentialColumn(column, d.driver, options) : unavailableColumn(column, d.reason));
    }
  } finally {
    for (const d of found) await d.build?.close();
  }
  return out;
}
