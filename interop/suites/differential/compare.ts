/**
 * Step-by-step comparison of two drivers' results for the same case: return status, output
 * bytes, state, error reasons and seed-source calls, each compared when both sides observe it.
 */
import type { CaseResult, ReportedError, SourceCall, StepResult } from './driver.js';

export type MismatchField = 'created' | 'steps' | 'ret' | 'output' | 'state' | 'errors' | 'calls';

export interface Mismatch {
  readonly step: number;
  readonly field: MismatchField;
  /** The oracle's (real OpenSSL's) value. */
  readonly expected: unknown;
  /** randshim's value. */
  readonly got: unknown;
}

export interface CaseComparison {
  readonly mismatch: Mismatch | null;
  /** Output bytes that were compared (both sides returned output). */
  readonly bytesCompared: number;
  readonly stepsCompared: number;
}

function errorKey(e: ReportedError, withFunc: boolean): string {
  return withFunc && e.func !== undefined ? `${e.lib}:${e.func}:${e.reason}` : `${e.lib}:${e.reason}`;
}

function sameErrors(a: readonly ReportedError[], b: readonly ReportedError[]): boolean {
  if (a.length !== b.length) return false;
  const withFunc = a.every((e) => e.func !== undefined) && b.every((e) => e.func !== undefined);
  return a.every((e, i) => errorKey(e, withFunc) === errorKey(b[i], withFunc));
}

function sameCalls(a: readonly SourceCall[], b: readonly SourceCall[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function compareStep(i: number, oracle: StepResult, subject: StepResult): Mismatch | null {
  if (oracle.ret !== subject.ret) return { step: i, field: 'ret', expected: oracle.ret, got: subject.ret };
  if ((oracle.output ?? null) !== (subject.output ?? null)) {
    return { step: i, field: 'output', expected: oracle.output, got: subject.output };
  }
  if (oracle.state !== undefined && subject.state !== undefined && oracle.state !== subject.state) {
    return { step: i, field: 'state', expected: oracle.state, got: subject.state };
  }
  if (oracle.errors !== undefined && subject.errors !== undefined && !sameErrors(oracle.errors, subject.errors)) {
    return { step: i, field: 'errors', expected: oracle.errors, got: subject.errors };
  }
  if (oracle.calls !== undefined && subject.calls !== undefined && !sameCalls(oracle.calls, subject.calls)) {
    return { step: i, field: 'calls', expected: oracle.calls, got: subject.calls };
  }
  return null;
}

/** What a campaign counts, per configuration and in total. */
export interface Counts {
  cases: number;
  steps: number;
  /** Steps where OpenSSL returned 0: error paths compared (reasons, states). */
  failingSteps: number;
  /** Steps whose output bytes were compared. */
  outputs: number;
  bytesCompared: number;
  mismatches: number;
}

export const zeroCounts = (): Counts => ({ cases: 0, steps: 0, failingSteps: 0, outputs: 0, bytesCompared: 0, mismatches: 0 });

/** Adds one compared case to `counts`: the steps compared, those of them where the oracle
 * failed or gave output, the bytes, and whether it mismatched. */
export function countCase(counts: Counts, oracle: CaseResult, cmp: CaseComparison): void {
  counts.cases++;
  counts.steps += cmp.stepsCompared;
  counts.bytesCompared += cmp.bytesCompared;
  for (const step of oracle.steps.slice(0, cmp.stepsCompared)) {
    if (step.ret === 0) counts.failingSteps++;
    if (step.output !== undefined && step.output.length > 0) counts.outputs++;
  }
  if (cmp.mismatch !== null) counts.mismatches++;
}

export function compareCase(oracle: CaseResult, subject: CaseResult): CaseComparison {
  if (oracle.created !== subject.created) {
    return { mismatch: { step: -1, field: 'created', expected: oracle.created, got: subject.created }, bytesCompared: 0, stepsCompared: 0 };
  }
  if (oracle.steps.length !== subject.steps.length) {
    return { mismatch: { step: -1, field: 'steps', expected: oracle.steps.length, got: subject.steps.length }, bytesCompared: 0, stepsCompared: 0 };
  }
  let bytes = 0;
  for (let i = 0; i < oracle.steps.length; i++) {
    const m = compareStep(i, oracle.steps[i], subject.steps[i]);
    if (m !== null) return { mismatch: m, bytesCompared: bytes, stepsCompared: i };
    bytes += (oracle.steps[i].output?.length ?? 0) / 2;
  }
  return { mismatch: null, bytesCompared: bytes, stepsCompared: oracle.steps.length };
}
