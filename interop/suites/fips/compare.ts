/**
 * Step-by-step comparison of FIPS chain runs (real provider vs randshim) and of self-test event
 * sequences. A mismatch names the chain, the step and the field with both values.
 */
import type { FipsChainRun, FipsStepResult, SelfTestEvent } from './scenario.js';
import { eventKey } from './scenario.js';

export interface ChainComparison {
  readonly chains: number;
  readonly steps: number;
  /** Output bytes compared (every successful generate's output on both sides). */
  readonly bytes: number;
  readonly mismatches: readonly string[];
}

const FIELDS: readonly (keyof FipsStepResult)[] = ['ret', 'out', 'errors', 'drbgState', 'drbgIndicator', 'crngState'];

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function compareChainRuns(real: readonly FipsChainRun[], model: readonly FipsChainRun[]): ChainComparison {
  const mismatches: string[] = [];
  let steps = 0;
  let bytes = 0;
  if (real.length !== model.length) mismatches.push(`${real.length} real runs, ${model.length} randshim runs`);
  for (let i = 0; i < Math.min(real.length, model.length); i++) {
    const r = real[i];
    const m = model[i];
    const pairs: [string, FipsStepResult, FipsStepResult | undefined][] = [['create', r.created, m.created]];
    r.steps.forEach((s, j) => pairs.push([`step ${j}`, s, m.steps[j]]));
    if (r.steps.length !== m.steps.length) mismatches.push(`${r.name}: ${r.steps.length} real steps, ${m.steps.length} randshim steps`);
    for (const [label, a, b] of pairs) {
      steps++;
      if (b === undefined) continue;
      for (const f of FIELDS) {
        if (!same(a[f], b[f])) mismatches.push(`${r.name} ${label} ${f}: real ${JSON.stringify(a[f])}, randshim ${JSON.stringify(b[f])}`);
      }
      if (a.out !== undefined && a.out === b.out) bytes += a.out.length / 2;
    }
  }
  return { chains: real.length, steps, bytes, mismatches };
}

/** The first difference between two event sequences, or null when they are the same. */
export function compareEvents(real: readonly SelfTestEvent[], model: readonly SelfTestEvent[]): string | null {
  for (let i = 0; i < Math.max(real.length, model.length); i++) {
    const a = real[i] === undefined ? '(none)' : eventKey(real[i]);
    const b = model[i] === undefined ? '(none)' : eventKey(model[i]);
    if (a !== b) return `event ${i}: real ${a}, randshim ${b}`;
  }
  return null;
}
