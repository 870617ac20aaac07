/**
 * Runs 1.1.1 scenarios on the 1.1.1 oracles and on randshim, and compares them.
 *
 * Per scenario and oracle: the oracle runs the calls first; randshim then starts from a fresh
 * realm state (RANDSHIM_111_reset: its shared DRBGs, defaults and ex_data indexes, as in a
 * process that has not used RAND yet) and runs the same calls, with each bound DRBG's identity
 * pinned to the address that oracle reported for it. randshim's clock is a {@link VirtualClock}:
 * where the scenario waits for the next second, real OpenSSL really waits (time(NULL)) and
 * randshim's injected clock jumps there.
 *
 * The oracles of one scenario run concurrently (a child-process oracle works while the
 * in-process one runs), so the real waits overlap.
 */
import { RANDSHIM_111_reset } from '../../../compat/openssl111/index.js';
import type { RawResult } from '../raw-calls-111/calls.js';
import type { Oracle111 } from '../../builds/openssl111/oracle.js';
import { newRandshimRawContext, runRandshimRaw, VirtualClock } from '../raw-calls-111/run-randshim.js';
import { compareRuns, firstExIndex, type Comparison } from './compare.js';
import type { Scenario111 } from './scenario.js';

export interface ScenarioRun extends Comparison {
  readonly scenario: string;
  readonly oracle: string;
  /** The first ex_data index each side allocated (absolute), when the scenario allocates. */
  readonly firstExIndex?: { readonly openssl: number | undefined; readonly randshim: number | undefined };
}

/** randshim's results for `scenario`, pinned to the oracle's addresses; leaves the realm reset. */
export function runOnRandshim(scenario: Scenario111, openssl: readonly RawResult[]): RawResult[] {
  const clock = new VirtualClock();
  RANDSHIM_111_reset({ clock: clock.seconds });
  try {
    return runRandshimRaw(newRandshimRawContext(), scenario.steps.map((s) => s.randshim ?? s.call),
      { addresses: openssl.map((r) => r.address), clock });
  } finally {
    RANDSHIM_111_reset();
  }
}

function failed(scenario: Scenario111, oracle: string, why: string): ScenarioRun {
  return { scenario: scenario.name, oracle, compared: 0, known: [], mismatches: [why], outputBytes: 0, traced: 0, errors: 0 };
}

function compareOn(scenario: Scenario111, oracle: string, openssl: RawResult[]): ScenarioRun {
  let randshim: RawResult[];
  try {
    randshim = runOnRandshim(scenario, openssl);
  } catch (e) {
    return failed(scenario, oracle, `randshim failed: ${(e as Error).stack ?? e}`);
  }
  const exO = firstExIndex(openssl);
  const exR = firstExIndex(randshim);
  return {
    scenario: scenario.name, oracle, ...compareRuns(scenario.steps, openssl, randshim),
    ...(exO !== undefined || exR !== undefined ? { firstExIndex: { openssl: exO, randshim: exR } } : {}),
  };
}

/** One scenario on every oracle (concurrently), each compared with randshim. */
export async function runScenario111(oracles: readonly Oracle111[], scenario: Scenario111): Promise<ScenarioRun[]> {
  const calls = scenario.steps.map((s) => s.call);
  type Got = { ok: true; r: RawResult[] } | { ok: false; e: unknown };
  const pending: Promise<Got>[] = [];
  // Started last to first: an in-process oracle runs its calls synchronously when started, so
  // with [system, node16] the child gets its request before the in-process run blocks.
  for (let i = oracles.length - 1; i >= 0; i--) {
    pending[i] = oracles[i].runRaw(calls).then((r) => ({ ok: true as const, r }), (e: unknown) => ({ ok: false as const, e }));
  }
  const runs: ScenarioRun[] = [];
  for (const [i, o] of oracles.entries()) {
    const got = await pending[i];
    runs.push(got.ok ? compareOn(scenario, o.info.name, got.r)
      : failed(scenario, o.info.name, `${o.info.name} failed: ${(got.e as Error).message}`));
  }
  return runs;
}

export interface OracleSummary {
  readonly oracle: string;
  readonly scenarios: number;
  readonly passed: number;
  /** Calls compared for equality. */
  readonly compared: number;
  /** Steps that showed a documented difference exactly as documented. */
  readonly known: number;
  readonly outputBytes: number;
  readonly traced: number;
  readonly errors: number;
  readonly runs: readonly ScenarioRun[];
}

function summarize(oracle: string, runs: readonly ScenarioRun[]): OracleSummary {
  const sum = (f: (r: ScenarioRun) => number): number => runs.reduce((n, r) => n + f(r), 0);
  return {
    oracle,
    scenarios: runs.length,
    passed: runs.filter((r) => r.mismatches.length === 0).length,
    compared: sum((r) => r.compared),
    known: sum((r) => r.known.length),
    outputBytes: sum((r) => r.outputBytes),
    traced: sum((r) => r.traced),
    errors: sum((r) => r.errors),
    runs,
  };
}

/** Every scenario, in order, on every oracle; one summary per oracle. */
export async function runScenarios111(oracles: readonly Oracle111[], scenarios: readonly Scenario111[]): Promise<OracleSummary[]> {
  const perOracle: ScenarioRun[][] = oracles.map(() => []);
  for (const s of scenarios) {
    const runs = await runScenario111(oracles, s);
    runs.forEach((r, i) => perOracle[i].push(r));
  }
  return oracles.map((o, i) => summarize(o.info.name, perOracle[i]));
}
