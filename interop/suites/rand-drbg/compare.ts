/**
 * Call-by-call comparison of a scenario's results on real OpenSSL 1.1.1 and on randshim.
 *
 * Before comparing, each side's results are normalized for what is process-specific and not
 * behaviour:
 * - ex_data indexes come from a process-wide counter: get_ex_new_index values are compared
 *   relative to the first index the run allocated (the absolute first value is reported apart);
 * - the shared DRBGs' reseed_counter (1.1.1h+ propagation) has whatever value the process's
 *   history gave the C master: for DRBGs that propagate, `peek` counters are compared relative to
 *   the first propagating counter the run peeked (equalities and increments are what matter);
 * - steps marked `output: 'length'` compare the output's length, not its bytes.
 * Everything else (return codes, addresses, outputs, states, private fields, error queues with
 * function codes, callback traces, ex_data free calls) must be identical, or, on a step marked
 * `known`, show exactly the documented difference.
 */
import type { RawResult } from '../raw-calls-111/calls.js';
import { knownDifference } from './known-differences.js';
import type { Step } from './scenario.js';

export interface Comparison {
  /** Calls compared for equality. */
  readonly compared: number;
  /** Of those: output bytes compared bit for bit, callback invocations and queued errors. */
  readonly outputBytes: number;
  readonly traced: number;
  readonly errors: number;
  /** Steps that showed a documented difference, as documented. */
  readonly known: readonly string[];
  /** Unexplained differences (empty when the scenario passes). */
  readonly mismatches: readonly string[];
}

/** The process-specific parts of one side's results, normalized (see the module comment). */
export function normalizeRun(results: readonly RawResult[], steps: readonly Step[]): RawResult[] {
  let firstIndex: number | undefined;
  let counterBase: number | undefined;
  return results.map((r, i) => {
    let out: RawResult = r;
    if (steps[i]?.output === 'length' && r.output !== undefined) out = { ...out, output: `<${r.output.length / 2} bytes>` };
    if (r.fn === 'RAND_DRBG_get_ex_new_index' && r.value !== undefined && r.value >= 0) {
      firstIndex ??= r.value;
      out = { ...out, value: r.value - firstIndex };
    }
    if (r.fields !== undefined && r.fields.enableReseedPropagation !== 0) {
      counterBase ??= r.fields.reseedCounter;
      out = { ...out, fields: { ...r.fields, reseedCounter: (r.fields.reseedCounter - counterBase) >>> 0 } };
    }
    return out;
  });
}

/** The first ex_data index a run allocated (absolute), if any. */
export function firstExIndex(results: readonly RawResult[]): number | undefined {
  return results.find((r) => r.fn === 'RAND_DRBG_get_ex_new_index')?.value;
}

const clip = (s: string, n = 400): string => (s.length > n ? `${s.slice(0, n)}...` : s);

export function compareRuns(steps: readonly Step[], openssl: readonly RawResult[], randshim: readonly RawResult[]): Comparison {
  const mismatches: string[] = [];
  const known: string[] = [];
  let compared = 0;
  let outputBytes = 0;
  let traced = 0;
  let errors = 0;
  if (openssl.length !== steps.length || randshim.length !== steps.length) {
    return { compared, known, outputBytes, traced, errors,
      mismatches: [`result counts: openssl ${openssl.length}, randshim ${randshim.length}, steps ${steps.length}`] };
  }
  const o = normalizeRun(openssl, steps);
  // a step that runs another call on randshim is compared under the oracle's call name
  const r = normalizeRun(randshim, steps).map((x, i) => (steps[i].randshim !== undefined ? { ...x, fn: steps[i].call.fn } : x));
  steps.forEach((step, i) => {
    const where = `#${i} ${step.call.fn}`;
    if (step.known !== undefined) {
      const why = knownDifference(step.known).check(o[i], r[i]);
      if (why === null) known.push(step.known);
      else mismatches.push(`${where} [${step.known}]: ${why}`);
      return;
    }
    compared++;
    const a = JSON.stringify(o[i]);
    const b = JSON.stringify(r[i]);
    if (a !== b) mismatches.push(`${where}:\n  openssl  ${clip(a)}\n  randshim ${clip(b)}`);
    if (step.output === undefined) outputBytes += (openssl[i].output?.length ?? 0) / 2;
    traced += openssl[i].calls.length + (openssl[i].freed?.length ?? 0);
    errors += openssl[i].errors.length;
  });
  return { compared, known, mismatches, outputBytes, traced, errors };
}
