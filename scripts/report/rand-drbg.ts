/**
 * The RAND_DRBG section of the conformance report: randshim's OpenSSL 1.1.1 personality
 * (compat/openssl111) against real OpenSSL 1.1.1 through the 1.1.1 oracles. Runs every scenario
 * of interop/suites/rand-drbg on each available oracle and on randshim, and the additional-data
 * proof; lists per oracle the scenarios run and passed, the calls / bytes / callback calls /
 * errors compared, every documented intentional difference (and whether each showed exactly as
 * documented), and which oracles were unavailable, with the reason. A few seconds.
 */
import type { Oracle111 } from '../../interop/builds/openssl111/oracle.js';
import { buildsWith, discover as discoverBuild, type Discovery } from '../../interop/builds/registry.js';
import { proveAdditionalData, type AdditionalDataProof } from '../../interop/suites/rand-drbg/additional-data.js';
import { ALL_DIFFERENCES, runScenarios111, SCENARIOS_111, type OracleSummary } from '../../interop/suites/rand-drbg/index.js';
import { counted, type ReportOptions, type ReportSection, type SummaryRow } from './section.js';
import { formatTable } from './table.js';

/** An oracle the section can use: its name and how to bring it up. */
export interface OracleEntry {
  readonly name: string;
  readonly discover: () => Promise<Discovery<'rand-drbg-111'>>;
}

/** Every build with the RAND_DRBG API (interop/builds/registry.ts). */
export const ORACLES_111: readonly OracleEntry[] = buildsWith('rand-drbg-111')
  .map((entry) => ({ name: entry.name, discover: () => discoverBuild(entry, 'rand-drbg-111') }));

export interface RandDrbgReport {
  readonly scenarios: number;
  readonly oracles: readonly (Omit<OracleSummary, 'runs'> & { readonly failed: readonly string[] })[];
  readonly unavailable: readonly { readonly oracle: string; readonly reason: string }[];
  readonly additionalData: readonly { readonly oracle: string; readonly ok: boolean; readonly detail: string }[];
  readonly differences: readonly {
    readonly id: string; readonly title: string; readonly reason: string;
    /** Shown by a scenario exactly as documented (null: not comparable, `notComparable` says why). */
    readonly shown: boolean | null; readonly notComparable?: string;
  }[];
}

async function discover(entries: readonly OracleEntry[]): Promise<{ oracles: Oracle111[]; unavailable: RandDrbgReport['unavailable'] }> {
  const oracles: Oracle111[] = [];
  const unavailable: { oracle: string; reason: string }[] = [];
  for (const o of entries) {
    try {
      const d = await o.discover();
      if (d.available) oracles.push(d.handle);
      else unavailable.push({ oracle: d.name, reason: d.reason });
    } catch (e) {
      unavailable.push({ oracle: o.name, reason: `discovery failed: ${(e as Error).message}` });
    }
  }
  return { oracles, unavailable };
}

async function additionalData(o: Oracle111): Promise<RandDrbgReport['additionalData'][number]> {
  try {
    const p: AdditionalDataProof = await proveAdditionalData(o);
    return { oracle: o.info.name, ok: p.timerWidth !== undefined && p.chunksReproduced, detail: p.detail };
  } catch (e) {
    return { oracle: o.info.name, ok: false, detail: `failed: ${(e as Error).message}` };
  }
}

/** The section; `--oracle NAME` restricts it to that oracle (null when it is not a 1.1.1 one).
 * `entries` is for tests. */
export async function runRandDrbgSection(opts: ReportOptions, entries: readonly OracleEntry[] = ORACLES_111): Promise<ReportSection | null> {
  const chosen = entries.filter((o) => opts.oracle === undefined || o.name === opts.oracle);
  if (chosen.length === 0) return null;
  const { oracles, unavailable } = await discover(chosen);
  let summaries: OracleSummary[] = [];
  const proofs: RandDrbgReport['additionalData'][number][] = [];
  try {
    if (oracles.length > 0) summaries = await runScenarios111(oracles, SCENARIOS_111);
    for (const o of oracles) proofs.push(await additionalData(o));
  } finally {
    for (const o of oracles) await o.close().catch(() => undefined);
  }
  const shown = new Set(summaries.flatMap((s) => s.runs.flatMap((r) => r.known)));
  const report: RandDrbgReport = {
    scenarios: SCENARIOS_111.length,
    oracles: summaries.map(({ runs, ...s }) => ({ ...s, failed: runs.filter((r) => r.mismatches.length > 0).map((r) => r.scenario) })),
    unavailable,
    additionalData: proofs,
    differences: ALL_DIFFERENCES.map((d) => ({
      id: d.id, title: d.title, reason: d.reason, shown: d.check === undefined ? null : shown.has(d.id),
      ...(d.notComparable !== undefined ? { notComparable: d.notComparable } : {}),
    })),
  };
  const lines: string[] = [
    `${SCENARIOS_111.length} scenarios of the raw 1.1.1 call language (interop/suites/rand-drbg), each run on real OpenSSL 1.1.1 ` +
      'and on randshim (compat/openssl111); per call: return code, errors (lib, func, reason), output bytes, state, fields, callback trace',
  ];
  if (summaries.length > 0) {
    lines.push(formatTable(['oracle', 'scenarios', 'passed', 'calls compared', 'output bytes', 'callback calls', 'errors', 'documented differences'],
      summaries.map((s) => [s.oracle, s.scenarios, s.passed, s.compared, s.outputBytes, s.traced, s.errors, s.known])));
  }
  for (const o of report.oracles) if (o.failed.length > 0) lines.push(`${o.oracle}: DIFFERENCES in ${o.failed.join(', ')}`);
  for (const p of proofs) lines.push(`RAND_DRBG_bytes additional data on ${p.oracle}: ${p.ok ? 'reproduced' : 'NOT REPRODUCED'} (${p.detail})`);
  for (const u of unavailable) lines.push(`${u.oracle} unavailable: ${u.reason}`);
  if (oracles.length === 0) lines.push('no 1.1.1 oracle available: nothing was compared');
  lines.push('documented intentional differences (docs/known-differences.md):');
  for (const d of report.differences) {
    const how = d.shown === null ? ` (not compared: ${d.notComparable})` : summaries.length === 0 ? ''
      : d.shown ? ' (shown by the scenarios, as documented)' : ' (NOT SHOWN)';
    lines.push(`  ${d.id}${how}: ${d.title}. ${d.reason}`);
  }
  const ok = oracles.length > 0 && summaries.every((s) => s.passed === s.scenarios && s.compared > 0)
    && proofs.every((p) => p.ok) && report.differences.every((d) => d.shown !== false);
  const summary: SummaryRow[] = [
    ...summaries.map((s) => ({ suite: 'RAND_DRBG', oracle: s.oracle,
      compared: counted(s.compared, 'calls'), bytes: s.outputBytes, mismatches: s.scenarios - s.passed })),
    ...unavailable.map((u) => ({ suite: 'RAND_DRBG', oracle: u.oracle, compared: 'nothing', bytes: null,
      mismatches: null, unavailable: u.reason })),
  ];
  return { title: 'OpenSSL 1.1.1 RAND / RAND_DRBG: randshim vs real 1.1.1', text: lines.join('\n'), ok, json: report, summary };
}
