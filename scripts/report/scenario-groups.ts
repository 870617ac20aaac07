/**
 * What the EVP_RAND and RAND front-end sections share: scenarios sorted into the report's named
 * groups (first matching name pattern, else "other"), and the listing of the first differences.
 */
import type { EvpRandComparison } from '../../interop/suites/evp-rand/compare.js';
import type { Scenario } from '../../interop/suites/evp-rand/scenario.js';

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
