/**
 * What the EVP_RAND and RAND front-end sections share: scenarios sorted into the report's named
 * groups (first matching name pattern, else "other"), the listing of the first differences, and
 * the section built from the groups' comparisons.
 */
import type { EvpRandComparison } from '../../interop/suites/evp-rand/compare.js';
import type { Scenario } from '../../interop/suites/evp-rand/scenario.js';
import { counted, type ReportSection } from './section.js';
import { formatTable } from './table.js';

/** A report group: its label and the pattern its scenarios' names match. */
export type ScenarioGroup = readonly [label: string, namePattern: RegExp];

/** The scenarios by group, groups in order of first appearance. */
export function groupScenarios(scenarios: readonly Scenario[], groups: readonly ScenarioGroup[]): [string, Scenario[]][] {
  const byGroup = new Map<string, Scenario[]>();
  for (const s of scenarios) {
    const label = groups.find(([, re]) => re.test(s.name))?.[0] ?? 'other';
    const members = byGroup.get(label);
    if (members === undefined) byGroup.set(label, [s]);
    else members.push(s);
  }
  return [...byGroup];
}

/** The first ten differences, each call's randshim and OpenSSL results cut to 300 characters. */
export function mismatchLines(mismatches: readonly EvpRandComparison['mismatches'][number][]): string[] {
  return mismatches.slice(0, 10).flatMap((m) => [
    `  ${m.scenario} (call ${m.index}): randshim ${JSON.stringify(m.randshim).slice(0, 300)}`,
    `    OpenSSL ${JSON.stringify(m.openssl).slice(0, 300)}`,
  ]);
}

/** The groups' comparisons added up. */
export function totalOf(results: readonly (readonly [string, EvpRandComparison])[]): EvpRandComparison {
  return results.reduce<EvpRandComparison>((t, [, r]) => ({
    scenarios: t.scenarios + r.scenarios, calls: t.calls + r.calls, bytes: t.bytes + r.bytes,
    mismatches: [...t.mismatches, ...r.mismatches],
  }), { scenarios: 0, calls: 0, bytes: 0, mismatches: [] });
}

/** A section of scenario groups compared with one build. */
export interface GroupedScenariosSection {
  readonly title: string;
  /** The summary table's suite. */
  readonly suite: string;
  readonly build: { readonly name: string; readonly version: string; readonly path: string };
  /** How the C side ran, after the build on the first line (may be empty). */
  readonly setting: string;
  /** Date.now() when the comparisons started. */
  readonly started: number;
  readonly results: readonly (readonly [string, EvpRandComparison])[];
  /** Whether output bytes are compared: a column of the table and the summary's bytes. */
  readonly comparesBytes: boolean;
  /** What is compared per call, below the table. */
  readonly notes: readonly string[];
}

/** The section: the build and time, one table row per group and the total, the notes, the first
 * differences; ok when there are none and at least one scenario ran. */
export function groupedScenariosSection(s: GroupedScenariosSection): ReportSection {
  const total = totalOf(s.results);
  const seconds = ((Date.now() - s.started) / 1000).toFixed(1);
  const row = (label: string, r: EvpRandComparison): (string | number)[] =>
    [label, r.scenarios, r.calls, ...(s.comparesBytes ? [r.bytes] : []), r.mismatches.length];
  const lines = [
    `${s.build.version} (${s.build.path})${s.setting}; ${seconds} s`,
    formatTable(['scenarios', 'count', 'calls compared', ...(s.comparesBytes ? ['bytes compared'] : []), 'differences'],
      [...s.results.map(([g, r]) => row(g, r)), row('total', total)]),
    ...s.notes,
    ...mismatchLines(total.mismatches),
  ];
  return {
    title: s.title, ok: total.mismatches.length === 0 && total.scenarios > 0, text: lines.join('\n'),
    summary: [{ suite: s.suite, oracle: s.build.name, compared: counted(total.calls, 'calls'),
      bytes: s.comparesBytes ? total.bytes : null, mismatches: total.mismatches.length }],
    json: { available: true, ...total, groups: s.results.map(([g, r]) => ({ group: g, ...r })) },
  };
}
