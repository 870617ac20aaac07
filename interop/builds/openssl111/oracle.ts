/**
 * What both 1.1.1 oracles offer beyond the common {@link Driver}: raw RAND / RAND_DRBG call
 * sequences (interop/suites/raw-calls-111/calls.ts) and the evidence for reading `state`; plus the in-process
 * driver over a {@link Session111} that the system-1.1.1 oracle uses and the Node 16 child
 * serves its requests with.
 */
import type { CaseResult, DiffCase, Driver, DrbgConfig, OracleInfo } from '../../suites/differential/driver.js';
import { runCase111, supports111 } from '../../suites/differential/run-libcrypto111.js';
import type { LayoutCheck } from './drbg-layout.js';
import type { RawCall, RawResult } from '../../suites/raw-calls-111/calls.js';
import { newLibcryptoRawContext, runLibcryptoRaw } from '../../suites/raw-calls-111/run-libcrypto.js';
import type { Session111 } from './session.js';

export interface Oracle111 extends Driver {
  /** Whether StepResult.state is reported, and why. */
  readonly layout: LayoutCheck;
  /** Runs raw calls; process-wide OpenSSL state (shared DRBGs, defaults) persists across runs. */
  runRaw(calls: readonly RawCall[]): Promise<RawResult[]>;
}

/** The same call sequences, synchronously, for whoever holds a session. */
export interface SessionRunner {
  runCases(cases: readonly DiffCase[]): CaseResult[];
  runRaw(calls: readonly RawCall[]): RawResult[];
}

export function sessionRunner(session: Session111): SessionRunner {
  const raw = newLibcryptoRawContext();
  return {
    runCases: (cases) => cases.map((c) => runCase111(session, c)),
    runRaw: (calls) => runLibcryptoRaw(session, raw, calls),
  };
}

/** An in-process 1.1.1 oracle over `session`. close() only marks the driver closed: the session
 * (its registered callbacks may be installed in process-wide DRBGs) lives as long as the process. */
export function inProcessOracle111(info: OracleInfo, session: Session111): Oracle111 {
  const runner = sessionRunner(session);
  let closed = false;
  const open = (): void => {
    if (closed) throw new Error(`${info.name} is closed`);
  };
  return {
    info,
    layout: session.layout,
    supports: (config: DrbgConfig) => supports111(config),
    runBatch: async (cases) => {
      open();
      return runner.runCases(cases);
    },
    runRaw: async (calls) => {
      open();
      return runner.runRaw(calls);
    },
    close: async () => {
      closed = true;
    },
  };
}
