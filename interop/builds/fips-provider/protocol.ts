/**
 * Requests and responses between the parent-side FIPS oracle (./oracle.ts) and its child
 * (./child.ts), framed like the line builds' protocol (../openssl-lines/protocol.ts: one JSON
 * object per line, answered in order, `id` echoed). Every response carries the self-test events
 * the callback saw since the previous response, in order.
 *
 *   load      OSSL_SELF_TEST_set_callback on a new OSSL_LIB_CTX, then OSSL_LIB_CTX_load_config
 *             (the configuration loads fips + base), optionally corrupting one test
 *   selftest  OSSL_PROVIDER_self_test(fips), optionally corrupting one test
 *   chains    FIPS chains (interop/suites/fips/scenario.ts) in that library context
 *   selection provider selection cases (interop/suites/fips/selection.ts), each in a fresh
 *             library context loading the configuration
 */
import type { ReportedError } from '../../suites/differential/driver.js';
import type { CorruptTarget, FipsChain, FipsChainRun, SelfTestEvent } from '../../suites/fips/scenario.js';
import type { SelectionCase, SelectionResult } from '../../suites/fips/selection.js';

/** The child also writes each self-test event to stderr as it happens, one per line after this
 * prefix, so the events before a crash are known. */
export const EVENT_PREFIX = 'fips-event ';

export interface LoadResult {
  /** OSSL_LIB_CTX_load_config's return, then OSSL_PROVIDER_available(ctx, "fips"). */
  readonly loadConfig: number;
  readonly available: number;
  readonly errors: readonly ReportedError[];
  /** OSSL_PROVIDER_get_params: name, version, buildinfo; status (1 = running, 0 = error). */
  readonly provider: { readonly name: string; readonly version: string; readonly buildinfo: string; readonly status: number } | null;
  /** OpenSSL_version(OPENSSL_VERSION) of the libcrypto. */
  readonly library: string;
}

/** OSSL_PROVIDER_self_test's return and errors, then the provider's status parameter. */
export interface SelfTestResult {
  readonly ret: number;
  readonly errors: readonly ReportedError[];
  readonly status: number;
}

export type FipsRequest =
  | { readonly id: number; readonly op: 'load'; readonly config: string; readonly corrupt: CorruptTarget | null }
  | { readonly id: number; readonly op: 'selftest'; readonly corrupt: CorruptTarget | null }
  /** `corrupt`: the test to corrupt if one runs meanwhile (4.0's deferred tests at first use). */
  | { readonly id: number; readonly op: 'chains'; readonly chains: readonly FipsChain[]; readonly corrupt?: CorruptTarget | null }
  | { readonly id: number; readonly op: 'selection'; readonly config: string; readonly cases: readonly SelectionCase[] }
  | { readonly id: number; readonly op: 'exit' };

export type FipsResponse =
  | { readonly id: number; readonly ok: true; readonly events: readonly SelfTestEvent[]; readonly load: LoadResult }
  | { readonly id: number; readonly ok: true; readonly events: readonly SelfTestEvent[]; readonly selfTest: SelfTestResult }
  | { readonly id: number; readonly ok: true; readonly events: readonly SelfTestEvent[]; readonly runs: readonly FipsChainRun[] }
  | { readonly id: number; readonly ok: true; readonly events: readonly SelfTestEvent[]; readonly selection: readonly (readonly SelectionResult[])[] }
  | { readonly id: number; readonly ok: true; readonly events: readonly SelfTestEvent[] }
  | { readonly id: number; readonly ok: false; readonly error: string };
