/**
 * The raw OpenSSL 1.1.1 call language, shared by its two runners: arbitrary sequences of raw
 * OpenSSL 1.1.1 RAND / RAND_DRBG calls, as JSON-serialisable data, for scenario tests beyond
 * the differential cases (interop/suites/differential/driver.ts): the shared DRBGs
 * (RAND_DRBG_get0_master / public / private), callbacks on them, RAND_add / RAND_seed /
 * RAND_bytes / RAND_status / RAND_poll, set_defaults, set_reseed_defaults, ex_data, and a peek at
 * the private fields.
 *
 * DRBGs are named: a call that yields a `RAND_DRBG *` binds it to `bind`, later calls refer to
 * it by that name. Seed sources are named too: `{ fn: 'source', name, entropy?, nonce? }` sets a
 * source's buffers (not a C call), and `RAND_DRBG_set_callbacks` with `source: name` installs the
 * traced callbacks routed to that source (`source: null` installs four NULLs).
 *
 * Process-wide state persists between runs in the same session (the shared DRBGs, defaults,
 * sources attached to shared DRBGs, ex_data indexes); DRBGs created by a run and not freed by it
 * are freed at its end. Add a call kind by extending {@link RawCall} here and both runners:
 * ./run-libcrypto.ts (real OpenSSL 1.1.1) and ./run-randshim.ts (compat/openssl111).
 *
 * For runs another implementation must reproduce bit for bit:
 * - every call that binds a DRBG reports its address (`address`): the 8 bytes 1.1.1 feeds a
 *   parent as additional input when a child pulls from it, and puts at offset 24 of its
 *   default nonce;
 * - `default_callbacks` gives a DRBG 1.1.1's own rand_drbg_get_entropy / cleanup_entropy (and,
 *   with `nonce`, get_nonce / cleanup_nonce) back, e.g. after a source was installed on the
 *   shared master (the pointers are read from a fresh parentless DRBG: needs the validated
 *   layout);
 * - `RAND_DRBG_get_ex_new_index` with `traceFree` registers a free_func that reports, in
 *   `freed`, each call it gets while the run that registered it lasts (at its end the index is
 *   retired with CRYPTO_free_ex_index: OPENSSL_cleanup frees the master at process exit, and a
 *   JavaScript callback must not be reached then); ex_data calls may name an index as
 *   `{ allocated: k, offset? }`, the k-th index this run allocated;
 * - `wait_next_second` sleeps until `marginMs` (default 50) past the next wall-clock second,
 *   for the reseed-by-time checks (time(NULL) has one-second resolution);
 * - RAND_add's `randomness` may be 'NaN', 'Infinity' or '-Infinity', which JSON cannot carry;
 * - `getpid` (the process id) and `CRYPTO_THREAD_get_current_id` report, in `value`, the first
 *   two fields of RAND_DRBG_bytes' additional data; `RAND_DRBG_bytes` with `tsc` reports the
 *   time-stamp counter just before and just after the call (tsc.ts), bounding the third;
 * - `RAND_DRBG_set_callbacks` with `nonce: false` installs the source's entropy callbacks and NULL
 *   nonce callbacks (the 1.5x entropy request then reaches the source);
 * - `RAND_load_file` reads a temporary file holding `content` (or a path that does not exist);
 * - `perslen` / `adinlen` pass a length with a NULL buffer (only when `pers` / `adin` is absent:
 *   C then never reads the buffer, but the length still counts, see nullWithLength).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHex } from '../../../provider/bytes.js';
import type { ReportedError, SourceCall } from '../differential/driver.js';
import type { DrbgFields } from '../../builds/openssl111/drbg-layout.js';

/** A DRBG's or a seed source's name in a call sequence. */
export type Name = string;

export type RawCall =
  | { readonly fn: 'RAND_DRBG_new' | 'RAND_DRBG_secure_new'; readonly type: number; readonly flags: number;
      readonly parent?: Name; readonly bind: Name }
  | { readonly fn: 'RAND_DRBG_get0_master' | 'RAND_DRBG_get0_public' | 'RAND_DRBG_get0_private'; readonly bind: Name }
  | { readonly fn: 'RAND_DRBG_set'; readonly drbg: Name; readonly type: number; readonly flags: number }
  | { readonly fn: 'RAND_DRBG_set_defaults'; readonly type: number; readonly flags: number }
  | { readonly fn: 'RAND_DRBG_instantiate'; readonly drbg: Name; readonly pers?: string; readonly perslen?: number }
  | { readonly fn: 'RAND_DRBG_uninstantiate' | 'RAND_DRBG_free'; readonly drbg: Name }
  | { readonly fn: 'RAND_DRBG_reseed'; readonly drbg: Name; readonly adin?: string; readonly adinlen?: number;
      readonly predictionResistance?: boolean }
  | { readonly fn: 'RAND_DRBG_generate'; readonly drbg: Name; readonly outlen: number; readonly adin?: string;
      readonly adinlen?: number;
      readonly predictionResistance?: boolean }
  | { readonly fn: 'RAND_DRBG_bytes'; readonly drbg: Name; readonly outlen: number; readonly tsc?: boolean }
  | { readonly fn: 'RAND_DRBG_set_callbacks'; readonly drbg: Name; readonly source: Name | null; readonly nonce?: boolean }
  | { readonly fn: 'RAND_DRBG_set_reseed_interval'; readonly drbg: Name; readonly interval: number }
  | { readonly fn: 'RAND_DRBG_set_reseed_time_interval'; readonly drbg: Name; readonly interval: number }
  | { readonly fn: 'RAND_DRBG_set_reseed_defaults'; readonly masterInterval: number; readonly slaveInterval: number;
      readonly masterTime: number; readonly slaveTime: number }
  | { readonly fn: 'RAND_DRBG_get_ex_new_index'; readonly traceFree?: boolean }
  | { readonly fn: 'RAND_DRBG_set_ex_data'; readonly drbg: Name; readonly idx: ExIndexRef; readonly value: number }
  | { readonly fn: 'RAND_DRBG_get_ex_data'; readonly drbg: Name; readonly idx: ExIndexRef }
  | { readonly fn: 'RAND_bytes' | 'RAND_priv_bytes'; readonly num: number }
  | { readonly fn: 'RAND_seed'; readonly buf?: string; readonly num?: number }
  | { readonly fn: 'RAND_add'; readonly buf?: string; readonly num?: number; readonly randomness: RawDouble }
  | { readonly fn: 'RAND_status' | 'RAND_poll' | 'ERR_clear_error' | 'FIPS_mode' }
  | { readonly fn: 'FIPS_mode_set'; readonly onoff: number }
  | { readonly fn: 'getpid' | 'CRYPTO_THREAD_get_current_id' }
  | { readonly fn: 'RAND_load_file'; readonly content?: string; readonly bytes: number }
  | { readonly fn: 'source'; readonly name: Name; readonly entropy?: string; readonly nonce?: string }
  | { readonly fn: 'default_callbacks'; readonly drbg: Name; readonly nonce: boolean }
  | { readonly fn: 'wait_next_second'; readonly marginMs?: number }
  | { readonly fn: 'peek'; readonly drbg: Name };

/** A traced seed-source call, with the DRBG that made it (by bound name, or hex address when
 * it was never bound) and the source that answered. */
export interface RawSourceCall extends SourceCall {
  readonly drbg: string;
  readonly source: Name;
}

/** A traced ex_data free_func call: the index (as the ordinal this run allocated it), the DRBG
 * being freed (bound name, or hex address) and the stored pointer value. */
export interface RawFreeCall {
  readonly allocated: number;
  readonly drbg: string;
  readonly value: number;
}

export interface RawResult {
  readonly fn: RawCall['fn'];
  /** The C return value, for non-void functions (pointers: 1 non-NULL, 0 NULL). */
  readonly ret?: number;
  /** Calls that bind a DRBG: its address, "0x" + lower-case hex. */
  readonly address?: string;
  /** Traced ex_data free_func calls made during the call, when any. */
  readonly freed?: readonly RawFreeCall[];
  /** Output bytes (hex) of generate / bytes calls that returned 1. */
  readonly output?: string;
  /** get_ex_new_index's index, get_ex_data's pointer value. */
  readonly value?: number;
  /** RAND_DRBG_bytes with `tsc`: the time-stamp counter before and after the call (hex). */
  readonly tsc?: readonly [string, string];
  /** `peek`: the private fields (requires a validated layout). */
  readonly fields?: DrbgFields;
  /** The named DRBG's state after the call, when readable. */
  readonly state?: number;
  readonly errors: readonly ReportedError[];
  readonly calls: readonly RawSourceCall[];
}

/** An ex_data index: as is, or the `allocated`-th (0-based) index this run allocated, plus
 * `offset`. */
export type ExIndexRef = number | { readonly allocated: number; readonly offset?: number };

/** A C double, including the values JSON cannot carry. */
export type RawDouble = number | 'NaN' | 'Infinity' | '-Infinity';

export function rawDouble(d: RawDouble): number {
  return typeof d === 'number' ? d : Number(d);
}

/** Resolves an {@link ExIndexRef} against the indexes `allocated` so far in this run. */
export function resolveExIndex(ref: ExIndexRef, allocated: readonly number[]): number {
  if (typeof ref === 'number') return ref;
  const base = allocated[ref.allocated];
  if (base === undefined) throw new Error(`ex_data index #${ref.allocated} was not allocated in this run`);
  return base + (ref.offset ?? 0);
}

/** The sleep of `wait_next_second`: until `marginMs` past the next wall-clock second (C's
 * time(NULL) reads a coarse clock that may lag a few milliseconds behind Date.now()). */
export function waitNextSecond(marginMs = 50): void {
  const ms = 1000 - (Date.now() % 1000) + marginMs;
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

let tempFiles = 0;

/** Runs `fn` on the path of a temporary file holding `hex` (a path that does not exist when
 * `hex` is undefined), removing the file afterwards. The name uses no random bytes: in the Node 16
 * oracle, node:crypto's randomness is RAND_bytes on the very public DRBG under test. */
export function withTempFile<T>(hex: string | undefined, fn: (path: string) => T): T {
  const path = join(tmpdir(), `randshim-raw111-${process.pid}-${Date.now()}-${++tempFiles}`);
  if (hex !== undefined) writeFileSync(path, Buffer.from(hex, 'hex'), { mode: 0o600 });
  try {
    return fn(path);
  } finally {
    rmSync(path, { force: true });
  }
}

/** The length a call passes with a buffer of `bufferLength` bytes (null: NULL): its own, or
 * `len` (`perslen` / `adinlen`), which only a NULL buffer may carry: C then never reads the
 * buffer, but the length still counts. A length with a real buffer would let C read past it. */
export function passedLength(bufferLength: number | null, len: number | undefined): number {
  if (len === undefined) return bufferLength ?? 0;
  if (bufferLength !== null) throw new Error(`a length of ${len} is only passed with a NULL buffer`);
  return len;
}

/** RAND_seed / RAND_add's `num`: the given one, or the buffer's length; never more than it. */
export function addedLength(call: Extract<RawCall, { fn: 'RAND_seed' | 'RAND_add' }>, bufferLength: number): number {
  const num = call.num ?? bufferLength;
  if (num > bufferLength) throw new Error(`${call.fn}: num ${num} > the ${bufferLength}-byte buffer`);
  return num;
}

/** RAND_bytes / RAND_priv_bytes' `num`, refused when negative: 1.1.1 does not check num < 0,
 * drbg_bytes / RAND_priv_bytes pass it to RAND_DRBG_bytes as a huge size_t and write until a
 * generate fails, past any buffer. */
export function bytesRequested(call: Extract<RawCall, { fn: 'RAND_bytes' | 'RAND_priv_bytes' }>): number {
  if (call.num < 0) throw new Error(`${call.fn}: num ${call.num} < 0 would overrun any buffer in 1.1.1`);
  return call.num;
}

/** What a named seed source holds on either side: the buffers its get_entropy / get_nonce hand
 * out (the whole buffer, whatever was asked). */
export interface SourceBuffers {
  entropy: Uint8Array;
  nonce: Uint8Array;
}

/** The source named `name`, made with `make` on first use (a run's calls and the session's
 * later runs share it). */
export function sourceNamed<S>(sources: Map<Name, S>, name: Name, make: (name: Name) => S): S {
  let s = sources.get(name);
  if (s === undefined) sources.set(name, s = make(name));
  return s;
}

/** `source`: the buffers the call gives replace the source's (those it omits stay). */
export function fillSource(s: SourceBuffers, call: Extract<RawCall, { fn: 'source' }>): void {
  if (call.entropy !== undefined) s.entropy = fromHex(call.entropy);
  if (call.nonce !== undefined) s.nonce = fromHex(call.nonce);
}
