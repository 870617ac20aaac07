/**
 * Scenario comparison against a line: the C side runs in the line's child, randshim's current
 * 3.0 personality runs here (run-randshim.ts, given the child's algctx addresses as its DRBGs'
 * identities, as compareEvpRandScenarios does for system-3), and the two observation lists are
 * aligned on their call labels (longest common subsequence), so that a call one line adds or
 * drops (a new gettable parameter read by `getall`, say) shows up as that one call instead of
 * shifting every later one. Every differing, added or missing observation is returned: the
 * differences between 3.0 and the line are data (./differences.ts), not failures.
 */
import { withLine } from '../../../provider/openssl3/lines.js';
import { fromHex } from '../../../provider/bytes.js';
import { runScenarioRandshim } from '../../suites/evp-rand/run-randshim.js';
import type { Observation, Scenario } from '../../suites/evp-rand/scenario.js';
import type { ScenarioFiles } from '../../suites/rand-front-end/files.js';
import type { LineBuild } from './build.js';
import type { LineId } from './lines.js';

export type ScenarioSuite = 'evp-rand' | 'rand-front-end';

export interface ObservedDifference {
  readonly line: LineId | '3.0';
  readonly suite: ScenarioSuite;
  readonly scenario: string;
  /** The call label (the line's when both exist). */
  readonly call: string;
  /** randshim's 3.0 observation; undefined when only the line makes this call. */
  readonly randshim?: Observation;
  /** The line's observation; undefined when only 3.0 makes this call. */
  readonly openssl?: Observation;
}

export interface LineScenarioComparison {
  readonly line: LineId | '3.0';
  readonly suite: ScenarioSuite;
  readonly scenarios: number;
  /** Observations the line made, all compared. */
  readonly calls: number;
  /** Deterministic output bytes the line produced and that were compared. */
  readonly bytes: number;
  readonly differences: readonly ObservedDifference[];
}

const same = (a: Observation, b: Observation): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Pairs of indices (a, b) of an LCS of the two call-label lists; unpaired entries are extra. */
export function alignCalls(a: readonly Observation[], b: readonly Observation[]): [number | null, number | null][] {
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i].call === b[j].call ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const pairs: [number | null, number | null][] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i].call === b[j].call) pairs.push([i++, j++]);
    else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) pairs.push([null, j++]);
    else pairs.push([i++, null]);
  }
  return pairs;
}

export async function compareLineScenarios(build: LineBuild, suite: ScenarioSuite, scenarios: readonly Scenario[],
  files: ScenarioFiles): Promise<LineScenarioComparison> {
  const runs = await build.runScenarios(scenarios, suite === 'rand-front-end');
  if (runs.length !== scenarios.length) throw new Error(`${build.name}: ${runs.length} runs for ${scenarios.length} scenarios`);
  const differences: ObservedDifference[] = [];
  let calls = 0;
  let bytes = 0;
  scenarios.forEach((s, k) => {
    const c = runs[k];
    const identities = new Map(Object.entries(c.identities).map(([id, hex]) => [id, fromHex(hex)]));
    // randshim's side runs as the line's personality (provider/openssl3/lines.ts)
    const t = withLine(build.line, () => runScenarioRandshim(s, identities, files)).observations;
    for (const [i, j] of alignCalls(t, c.observations)) {
      const randshim = i === null ? undefined : t[i];
      const openssl = j === null ? undefined : c.observations[j];
      if (randshim !== undefined && openssl !== undefined && same(randshim, openssl)) continue;
      differences.push({ line: build.line, suite, scenario: s.name, call: (openssl ?? randshim)!.call, randshim, openssl });
    }
    calls += c.observations.length;
    for (const o of c.observations) if (o.out !== undefined && /^[0-9a-f]*$/.test(o.out)) bytes += o.out.length / 2;
  });
  return { line: build.line, suite, scenarios: scenarios.length, calls, bytes, differences };
}
