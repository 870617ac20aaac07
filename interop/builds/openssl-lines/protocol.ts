/**
 * The request/response protocol between a line's parent-side build (Node on the machine's
 * glibc) and its child program (the same Node started under the line's own ld-linux): one JSON
 * object per line on the child's stdin (requests) and stdout (responses), answered in order,
 * each response echoing its request's `id`. The framing is the node16-1.1.1 oracle's
 * (interop/builds/openssl111/node16-protocol.ts: LineSplitter, batchCases).
 *
 *   → {"id":1,"op":"hello"}                         ← {"id":1,"ok":true,"hello":{...}}
 *   → {"id":2,"op":"cases","cases":[...]}           ← {"id":2,"ok":true,"results":[CaseResult...]}
 *   → {"id":3,"op":"scenarios","scenarios":[...],"freshLibctx":true}
 *                                                   ← {"id":3,"ok":true,"runs":[LineScenarioRun...]}
 *   → {"id":4,"op":"probes","fipsConfig":"…/fips.cnf"} ← {"id":4,"ok":true,"probes":ProbeResults}
 *   → {"id":5,"op":"params"}                        ← {"id":5,"ok":true,"paramCalls":[ParamCall...]}
 *   → {"id":6,"op":"exit"}                          ← {"id":4,"ok":true}   then the child exits 0
 *   any failure                                     ← {"id":n,"ok":false,"error":"..."}
 */
import type { CaseResult, DiffCase } from '../../suites/differential/driver.js';
import type { Observation, Scenario } from '../../suites/evp-rand/scenario.js';
import type { Provenance } from '../openssl3/provenance.js';
import type { ParamCall } from './param-battery.js';
import type { ProbeResults } from './probes.js';
import type { RandomProviderRun } from './random-provider-steps.js';

/** Which files the child process really mapped (from its /proc/self/maps). */
export interface MappedFiles {
  readonly libcrypto: readonly string[];
  readonly libc: readonly string[];
  readonly loader: readonly string[];
}

export interface HelloInfo {
  /** OpenSSL_version(OPENSSL_VERSION) of the loaded library. */
  readonly version: string;
  /** OpenSSL_version_num(), e.g. 0x30500090. */
  readonly versionNumber: number;
  /** The path the child was asked to load. */
  readonly library: string;
  /** dladdr, error-queue probe and Node's own OpenSSL (interop/builds/openssl3/provenance.ts). */
  readonly evidence: Provenance;
  readonly mapped: MappedFiles;
  /** process.version and the glibc the child runs on (gnu_get_libc_version). */
  readonly node: string;
  readonly glibc: string;
}

/** One scenario's C run: its observations, and per context id the 8 bytes (hex) of the
 * context's algctx, which randshim's DRBGs take as their identity (evp-rand/run-libcrypto.ts). */
export interface LineScenarioRun {
  readonly name: string;
  readonly observations: readonly Observation[];
  readonly identities: Readonly<Record<string, string>>;
}

export type Request =
  | { readonly id: number; readonly op: 'hello' }
  | { readonly id: number; readonly op: 'cases'; readonly cases: readonly DiffCase[] }
  | { readonly id: number; readonly op: 'scenarios'; readonly scenarios: readonly Scenario[]; readonly freshLibctx: boolean }
  /** `fipsConfig`: the line's fips.cnf, or null (the 3.0 control has no FIPS module). */
  | { readonly id: number; readonly op: 'probes'; readonly fipsConfig: string | null }
  /** OSSL_PARAM's own functions on the line's library (./param-battery.ts). */
  | { readonly id: number; readonly op: 'params' }
  /** The random provider sequences of ./random-provider-steps.ts (3.5+, with the line's fips.cnf). */
  | { readonly id: number; readonly op: 'random-provider'; readonly fipsConfig: string }
  | { readonly id: number; readonly op: 'exit' };

export type Response =
  | { readonly id: number; readonly ok: true; readonly hello: HelloInfo }
  | { readonly id: number; readonly ok: true; readonly results: readonly CaseResult[] }
  | { readonly id: number; readonly ok: true; readonly runs: readonly LineScenarioRun[] }
  | { readonly id: number; readonly ok: true; readonly probes: ProbeResults }
  | { readonly id: number; readonly ok: true; readonly paramCalls: readonly ParamCall[] }
  | { readonly id: number; readonly ok: true; readonly randomProvider: readonly RandomProviderRun[] }
  | { readonly id: number; readonly ok: true }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** JSON that keeps the numbers plain JSON loses (NaN, ±Infinity, -0): scenario calls such as
 * RAND_add(buf, n, NaN) must reach the C side with the same double. */
export function encodeMessage(message: Request | Response): string {
  return JSON.stringify(message, (_key, value: unknown) => {
    if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) {
      return { $number: Object.is(value, -0) ? '-0' : String(value) };
    }
    return value;
  });
}

export function decodeMessage<T extends Request | Response>(line: string): T {
  return JSON.parse(line, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      const n = (value as { $number?: unknown }).$number;
      if (keys.length === 1 && typeof n === 'string') return n === '-0' ? -0 : Number(n);
    }
    return value;
  }) as T;
}
