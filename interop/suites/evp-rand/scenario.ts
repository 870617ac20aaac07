/**
 * EVP_RAND scenarios: call sequences on a few named EVP_RANDs and EVP_RAND_CTXs, written once
 * and run both through randshim's compat/openssl3 and through a real libcrypto 3 (the system
 * one, through interop/ffi). Every call yields an {@link Observation}: return value, output
 * bytes, parameters read back (bytes, return_size, modified), EVP_RAND_get_state where the call
 * changes it, and the error queue (packed codes and their library/reason names), drained after
 * each call. Two runs agree when their observation lists are equal.
 *
 * Parameters are described by {@link ParamSpec} and built as randshim OSSL_PARAMs whose data are
 * raw little-endian bytes; the C run copies those very arrays into C memory (CParamArray), so
 * both sides receive the same types, sizes and values, bad ones included.
 */
import { fromHex, toHex } from '../../../provider/bytes.js';
import {
  f64ToBytes, intToBytes, OSSL_PARAM_INTEGER, OSSL_PARAM_OCTET_PTR, OSSL_PARAM_OCTET_STRING, OSSL_PARAM_REAL,
  OSSL_PARAM_UNSIGNED_INTEGER, OSSL_PARAM_UTF8_PTR, OSSL_PARAM_UTF8_STRING, bytesToInt, type OSSL_PARAM,
} from '../../../provider/openssl3/core/param-memory.js';
import { OSSL_PARAM_construct_end, OSSL_PARAM_DEFN, OSSL_PARAM_modified, OSSL_PARAM_UNMODIFIED } from '../../../provider/openssl3/core/ossl-param.js';
import type { RandCall } from '../rand-front-end/calls.js';

/** A parameter's C type. Numbers are given as decimal strings (exact beyond 2^53). */
export type ParamKind = 'int' | 'uint' | 'int64' | 'uint64' | 'size_t' | 'time_t' | 'double' | 'utf8' | 'octets' | 'utf8_ptr' | 'raw_int' | 'raw_uint';

export interface ParamSpec {
  readonly key: string;
  readonly kind: ParamKind;
  /** Numbers: decimal; utf8: the text; octets: hex; raw_*: hex of the native bytes. Absent on a
   * get: the parameter is zero-filled (strings get a 64-byte buffer). */
  readonly value?: string;
  /** data_size, when not the type's own (strings: default strlen / byte length / 64 on a get). */
  readonly size?: number;
  /** NULL data (a size query on a get). */
  readonly nullData?: boolean;
}

export type Op =
  | { readonly op: 'fetch'; readonly id: string; readonly name: string; readonly props?: string | null }
  | { readonly op: 'rand_info'; readonly rand: string; readonly names: readonly string[] }
  | { readonly op: 'rand_tables'; readonly rand: string }
  | { readonly op: 'new'; readonly id: string; readonly rand: string | null; readonly parent?: string | null }
  | { readonly op: 'free'; readonly ctx: string }
  | { readonly op: 'ctx_rand'; readonly ctx: string }
  | { readonly op: 'ctx_tables'; readonly ctx: string }
  | { readonly op: 'set'; readonly ctx: string; readonly params: readonly ParamSpec[] | null }
  | { readonly op: 'get'; readonly ctx: string; readonly params: readonly ParamSpec[] }
  | { readonly op: 'getall'; readonly ctx: string }
  | {
    readonly op: 'instantiate'; readonly ctx: string; readonly strength?: number; readonly pr?: boolean;
    /** hex; absent or null: NULL (the default personalization) */
    readonly pers?: string | null; readonly params?: readonly ParamSpec[] | null;
  }
  | { readonly op: 'uninstantiate'; readonly ctx: string }
  | {
    readonly op: 'generate'; readonly ctx: string; readonly n: number; readonly strength?: number;
    readonly pr?: boolean; readonly adin?: string | null;
    /** The output comes from the OS (SEED-SRC / a parentless DRBG): compare success, not bytes. */
    readonly random?: boolean;
  }
  | { readonly op: 'reseed'; readonly ctx: string; readonly pr?: boolean; readonly ent?: string | null; readonly adin?: string | null }
  | { readonly op: 'nonce'; readonly ctx: string; readonly n: number; readonly random?: boolean }
  | { readonly op: 'enable_locking'; readonly ctx: string }
  | { readonly op: 'verify_zeroization'; readonly ctx: string }
  | { readonly op: 'strength'; readonly ctx: string }
  | { readonly op: 'state'; readonly ctx: string }
  /** A call of the RAND front end (interop/suites/rand-front-end/calls.ts); RAND_get0_* bind a context id
   * (borrowed: never freed by the scenario). */
  | { readonly op: 'rand'; readonly call: RandCall };

export interface Scenario {
  readonly name: string;
  readonly ops: readonly Op[];
}

export interface ObservedError {
  readonly code: number;
  readonly lib: string;
  readonly reason: string;
}

export interface ObservedParam {
  readonly key: string;
  readonly returnSize: number | 'unmodified';
  readonly modified: number;
  /** The data bytes (hex), or a normalised value (reseed_time: "now" / "0"). */
  readonly data: string;
}

export interface Observation {
  readonly call: string;
  readonly ret?: number | string | null;
  readonly out?: string;
  readonly params?: readonly ObservedParam[];
  readonly state?: number;
  readonly errors: readonly ObservedError[];
}

export interface ScenarioRun {
  readonly name: string;
  readonly observations: readonly Observation[];
}

const encoder = new TextEncoder();

/** The randshim OSSL_PARAM a spec stands for (data: raw bytes). */
export function buildParam(spec: ParamSpec): OSSL_PARAM {
  const num = (bytes: number): Uint8Array => intToBytes(BigInt(spec.value ?? '0'), bytes);
  const data = (bytes: Uint8Array) => (spec.nullData === true ? null : { value: bytes });
  switch (spec.kind) {
    case 'int': return OSSL_PARAM_DEFN(spec.key, OSSL_PARAM_INTEGER, data(num(4)), spec.size ?? 4);
    case 'uint': return OSSL_PARAM_DEFN(spec.key, OSSL_PARAM_UNSIGNED_INTEGER, data(num(4)), spec.size ?? 4);
    case 'int64':
    case 'time_t': return OSSL_PARAM_DEFN(spec.key, OSSL_PARAM_INTEGER, data(num(8)), spec.size ?? 8);
    case 'uint64':
    case 'size_t': return OSSL_PARAM_DEFN(spec.key, OSSL_PARAM_UNSIGNED_INTEGER, data(num(8)), spec.size ?? 8);
    case 'double': return OSSL_PARAM_DEFN(spec.key, OSSL_PARAM_REAL, data(f64ToBytes(Number(spec.value ?? '0'))), spec.size ?? 8);
    case 'raw_int':
    case 'raw_uint': {
      const bytes = fromHex(spec.value ?? '');
      const type = spec.kind === 'raw_int' ? OSSL_PARAM_INTEGER : OSSL_PARAM_UNSIGNED_INTEGER;
      return OSSL_PARAM_DEFN(spec.key, type, data(bytes), spec.size ?? bytes.length);
    }
    case 'utf8': {
      if (spec.value === undefined) {
        const size = spec.size ?? 64;
        return OSSL_PARAM_DEFN(spec.key, OSSL_PARAM_UTF8_STRING, data(new Uint8Array(Math.max(size, 1)).fill(0xee)), size);
      }
      const text = encoder.encode(spec.value);
      const bytes = new Uint8Array(Math.max(text.length + 1, spec.size ?? 0));
      bytes.set(text);
      return OSSL_PARAM_DEFN(spec.key, OSSL_PARAM_UTF8_STRING, data(bytes), spec.size ?? text.length);
    }
    case 'octets': {
      const bytes = spec.value === undefined ? new Uint8Array(spec.size ?? 64).fill(0xee) : fromHex(spec.value);
      return OSSL_PARAM_DEFN(spec.key, OSSL_PARAM_OCTET_STRING, data(bytes.length === 0 ? new Uint8Array(1) : bytes),
        spec.size ?? bytes.length);
    }
    default:
      return OSSL_PARAM_DEFN(spec.key, OSSL_PARAM_UTF8_PTR, spec.nullData === true ? null : { value: spec.value ?? null }, spec.size ?? 0);
  }
}

/** A terminated array of `specs`. */
export function buildParams(specs: readonly ParamSpec[]): OSSL_PARAM[] {
  return [...specs.map(buildParam), OSSL_PARAM_construct_end()];
}

/** A zero-filled parameter of a descriptor's type, for reading it back (strings: 64 bytes). */
export function readerFor(key: string, dataType: number, dataSize: number): OSSL_PARAM {
  if (dataType === OSSL_PARAM_UTF8_STRING || dataType === OSSL_PARAM_OCTET_STRING) {
    return OSSL_PARAM_DEFN(key, dataType, { value: new Uint8Array(64).fill(0xee) }, 64);
  }
  if (dataType === OSSL_PARAM_UTF8_PTR || dataType === OSSL_PARAM_OCTET_PTR) return OSSL_PARAM_DEFN(key, dataType, { value: null }, 0);
  const size = dataType === OSSL_PARAM_REAL ? 8 : dataSize;
  return OSSL_PARAM_DEFN(key, dataType, { value: new Uint8Array(size) }, size);
}

/** reseed_time is the wall clock: "now" (within a minute) or its value if it is 0 or far off. */
function normaliseData(p: OSSL_PARAM, bytes: Uint8Array): string {
  if (p.key === 'reseed_time' && (p.data_type === OSSL_PARAM_INTEGER || p.data_type === OSSL_PARAM_UNSIGNED_INTEGER)
    && bytes.length > 0 && bytes.length <= 8) {
    const v = Number(bytesToInt(bytes.subarray(0, Math.min(bytes.length, p.data_size)), p.data_type === OSSL_PARAM_INTEGER));
    const now = Date.now() / 1000;
    if (v !== 0 && Math.abs(v - now) < 60) return 'now';
  }
  return toHex(bytes);
}

/** What a parameter holds after a call. */
export function observeParam(p: OSSL_PARAM, modified = OSSL_PARAM_modified(p)): ObservedParam {
  const v = p.data?.value;
  let data: string;
  if (p.data === null) data = 'NULL';
  else if (v instanceof Uint8Array) data = normaliseData(p, v);
  else if (typeof v === 'string' || v === null) data = JSON.stringify(v);
  else data = String(v);
  return {
    key: p.key ?? '', modified, data,
    returnSize: p.return_size === OSSL_PARAM_UNMODIFIED ? 'unmodified' : p.return_size,
  };
}

/** Total calls a list of runs compared. */
export function countCalls(runs: readonly ScenarioRun[]): number {
  return runs.reduce((n, r) => n + r.observations.length, 0);
}
