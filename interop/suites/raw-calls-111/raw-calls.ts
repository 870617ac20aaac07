/**
 * Arbitrary sequences of raw OpenSSL 1.1.1 RAND / RAND_DRBG calls, as JSON-serialisable data,
 * for scenario tests beyond {@link DiffCase}s: the shared DRBGs (RAND_DRBG_get0_master /
 * public / private), callbacks on them, RAND_add / RAND_seed / RAND_bytes / RAND_status /
 * RAND_poll, set_defaults, set_reseed_defaults, ex_data, and a peek at the private fields.
 *
 * DRBGs are named: a call that yields a `RAND_DRBG *` binds it to `bind`, later calls refer to
 * it by that name. Seed sources are named too: `{ fn: 'source', name, entropy?, nonce? }` sets a
 * source's buffers (not a C call), and `RAND_DRBG_set_callbacks` with `source: name` installs the
 * traced callbacks routed to that source (`source: null` installs four NULLs).
 *
 * Process-wide state persists between runs in the same session (the shared DRBGs, defaults,
 * sources attached to shared DRBGs, ex_data indexes); DRBGs created by a run and not freed by it
 * are freed at its end. Add a call kind by extending {@link RawCall} and {@link runRawCall}.
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
import type { ReportedError, SourceCall } from '../differential/driver.js';
import { cBytes, outBuffer, outHex, type CBytes } from '../../builds/openssl111/byte-args.js';
import { drainErrors111 } from '../../builds/openssl111/error-codes.js';
import { readFields111, type DrbgFields } from '../../builds/openssl111/drbg-layout.js';
import { CRYPTO_EX_INDEX_DRBG } from '../../builds/openssl111/libcrypto.js';
import { SeedSource } from '../../builds/openssl111/seed-callbacks.js';
import type { Session111 } from '../../builds/openssl111/session.js';
import koffi from 'koffi';
import { DRBG_OFFSETS } from '../../builds/openssl111/drbg-layout.js';
import { readTsc } from '../../builds/openssl111/tsc.js';
import { rawDouble, resolveExIndex, waitNextSecond, withTempFile, type ExIndexRef, type RawDouble } from './raw-values.js';
import { addressOf, types111, type CPtr, type DrbgPtr, type RegisteredCallback } from '../../builds/openssl111/c-types.js';

type Name = string;

export type { ExIndexRef, RawDouble };

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

/** The traced ex_data free_func (registered once per session). */
interface ExFreeTracer {
  readonly callback: RegisteredCallback;
  /** Indexes registered by the current run, absolute -> ordinal; emptied when the run ends. */
  readonly armed: Map<number, number>;
  trace: { drbg: bigint; idx: number; value: number }[];
}

/** Named sources and process-wide bindings that outlive one run (per session). */
export interface RawContext {
  readonly sources: Map<Name, SeedSource>;
  exFree?: ExFreeTracer;
  /** 1.1.1's own callbacks (rand_drbg_get_entropy, ...), read once. */
  defaultCallbacks?: readonly [CPtr, CPtr, CPtr, CPtr];
}

export function newRawContext(): RawContext {
  return { sources: new Map() };
}

function exFreeTracer(ctx: RawContext): ExFreeTracer {
  if (ctx.exFree === undefined) {
    const tracer: ExFreeTracer = {
      armed: new Map(),
      trace: [],
      callback: koffi.register((parent: CPtr | null, ptr: number | bigint, _ad: CPtr | null, idx: number) => {
        if (tracer.armed.has(idx)) tracer.trace.push({ drbg: parent === null ? 0n : addressOf(parent), idx, value: Number(ptr) });
      }, koffi.pointer(types111().exFreeFn)),
    };
    ctx.exFree = tracer;
  }
  return ctx.exFree;
}

/** The callback pointers a fresh parentless RAND_DRBG_new carries: rand_drbg_get_entropy,
 * rand_drbg_cleanup_entropy, rand_drbg_get_nonce, rand_drbg_cleanup_nonce (not exported). */
function defaultCallbacks(session: Session111, ctx: RawContext): readonly [CPtr, CPtr, CPtr, CPtr] {
  if (ctx.defaultCallbacks === undefined) {
    if (!session.layout.ok) throw new Error(`default_callbacks: the struct layout is not validated (${session.layout.detail})`);
    const drbg = session.lib.RAND_DRBG_new(906, 0, null);
    if (drbg === null) throw new Error('default_callbacks: RAND_DRBG_new failed');
    const O = DRBG_OFFSETS;
    const read = (off: number): CPtr => {
      const p = koffi.decode(drbg, off, 'void *') as CPtr | null;
      if (p === null) throw new Error(`default_callbacks: NULL callback at offset ${off}`);
      return p;
    };
    try {
      ctx.defaultCallbacks = [read(O.getEntropy), read(O.cleanupEntropy), read(O.getNonce), read(O.cleanupNonce)];
    } finally {
      session.lib.RAND_DRBG_free(drbg);
      // a traced free_func saw this helper object go: not part of the run
      const tracer = ctx.exFree;
      if (tracer !== undefined) tracer.trace = tracer.trace.filter((t) => t.drbg !== addressOf(drbg));
    }
  }
  return ctx.defaultCallbacks;
}

/** Runs `calls` in order and reports each. Throws on malformed calls (unknown names) and on
 * harness faults seen inside callbacks. */
export function runRawCalls(session: Session111, ctx: RawContext, calls: readonly RawCall[]): RawResult[] {
  const { lib, hub } = session;
  const drbgs = new Map<Name, DrbgPtr>();
  const created = new Set<Name>();
  const results: RawResult[] = [];
  const run: RunState = { drbgs, created, allocated: [] };
  lib.ERR_clear_error();
  if (ctx.exFree !== undefined) ctx.exFree.trace = [];
  try {
    for (const call of calls) {
      // names before and after the call: a freed DRBG keeps its name in this call's traces
      const names = new Map<bigint, Name>();
      for (const [n, p] of drbgs) names.set(addressOf(p), n);
      const r = runRawCall(session, ctx, run, call);
      for (const [n, p] of drbgs) names.set(addressOf(p), n);
      const traced: RawSourceCall[] = [];
      for (const [sourceName, source] of ctx.sources) {
        for (const t of source.takeCalls()) {
          traced.push({ ...t.call, drbg: names.get(t.drbg) ?? `0x${t.drbg.toString(16)}`, source: sourceName });
        }
      }
      const target = 'drbg' in call ? drbgs.get(call.drbg) : 'bind' in call ? drbgs.get(call.bind) : undefined;
      const state = target !== undefined && call.fn !== 'RAND_DRBG_free' ? session.readState(target) : undefined;
      const anomalies = hub.takeAnomalies();
      if (anomalies.length > 0) throw new Error(`${call.fn}: ${anomalies.join('; ')}`);
      const freed = takeFreed(ctx, run, names);
      results.push({ fn: call.fn, ...r, ...(freed.length > 0 ? { freed } : {}), ...(state !== undefined ? { state } : {}),
        errors: drainErrors111(lib), calls: traced });
    }
  } finally {
    if (ctx.exFree !== undefined) {
      for (const idx of ctx.exFree.armed.keys()) lib.CRYPTO_free_ex_index(CRYPTO_EX_INDEX_DRBG, idx);
      ctx.exFree.armed.clear();
    }
    for (const name of created) {
      const p = drbgs.get(name);
      if (p !== undefined) {
        lib.RAND_DRBG_free(p);
        hub.detach(p);
      }
    }
  }
  return results;
}

type Partial = Pick<RawResult, 'ret' | 'output' | 'value' | 'fields' | 'address' | 'tsc'>;

/** What one run has bound and allocated so far. */
interface RunState {
  readonly drbgs: Map<Name, DrbgPtr>;
  readonly created: Set<Name>;
  /** The ex_data indexes this run allocated, in order. */
  readonly allocated: number[];
}

function takeFreed(ctx: RawContext, run: RunState, names: Map<bigint, Name>): RawFreeCall[] {
  const tracer = ctx.exFree;
  if (tracer === undefined || tracer.trace.length === 0) return [];
  const out = tracer.trace.map((t) => ({
    allocated: run.allocated.indexOf(t.idx), drbg: names.get(t.drbg) ?? `0x${t.drbg.toString(16)}`, value: t.value,
  }));
  tracer.trace = [];
  return out;
}

function runRawCall(session: Session111, ctx: RawContext, run: RunState, call: RawCall): Partial {
  const { lib, hub } = session;
  const { drbgs, created } = run;
  const drbg = (name: Name): DrbgPtr => {
    const p = drbgs.get(name);
    if (p === undefined) throw new Error(`${call.fn}: no DRBG named ${name}`);
    return p;
  };
  const bind = (name: Name, p: DrbgPtr | null, owned: boolean): Partial => {
    if (p === null) return { ret: 0 };
    drbgs.set(name, p);
    if (owned) created.add(name);
    return { ret: 1, address: `0x${addressOf(p).toString(16)}` };
  };
  const source = (name: Name): SeedSource => {
    let s = ctx.sources.get(name);
    if (s === undefined) ctx.sources.set(name, s = new SeedSource(name));
    return s;
  };
  const generated = (ret: number, out: Buffer, len: number): Partial => {
    const hex = outHex(out, len);
    return ret === 1 ? { ret, output: hex } : { ret };
  };
  switch (call.fn) {
    case 'RAND_DRBG_new':
    case 'RAND_DRBG_secure_new': {
      const parent = call.parent === undefined ? null : drbg(call.parent);
      return bind(call.bind, lib[call.fn](call.type, call.flags, parent), true);
    }
    case 'RAND_DRBG_get0_master':
    case 'RAND_DRBG_get0_public':
    case 'RAND_DRBG_get0_private':
      return bind(call.bind, lib[call.fn](), false);
    case 'RAND_DRBG_set':
      return { ret: lib.RAND_DRBG_set(drbg(call.drbg), call.type, call.flags) };
    case 'RAND_DRBG_set_defaults':
      return { ret: lib.RAND_DRBG_set_defaults(call.type, call.flags) };
    case 'RAND_DRBG_instantiate': {
      const pers = nullWithLength(cBytes(call.pers), call.perslen);
      return { ret: lib.RAND_DRBG_instantiate(drbg(call.drbg), pers.ptr, pers.len) };
    }
    case 'RAND_DRBG_uninstantiate':
      return { ret: lib.RAND_DRBG_uninstantiate(drbg(call.drbg)) };
    case 'RAND_DRBG_free': {
      const p = drbg(call.drbg);
      lib.RAND_DRBG_free(p);
      hub.detach(p);
      drbgs.delete(call.drbg);
      created.delete(call.drbg);
      return {};
    }
    case 'RAND_DRBG_reseed': {
      const adin = nullWithLength(cBytes(call.adin), call.adinlen);
      return { ret: lib.RAND_DRBG_reseed(drbg(call.drbg), adin.ptr, adin.len, call.predictionResistance ? 1 : 0) };
    }
    case 'RAND_DRBG_generate': {
      const adin = nullWithLength(cBytes(call.adin), call.adinlen);
      const out = outBuffer(call.outlen);
      const ret = lib.RAND_DRBG_generate(drbg(call.drbg), out, call.outlen, call.predictionResistance ? 1 : 0,
        adin.ptr, adin.len);
      return generated(ret, out, call.outlen);
    }
    case 'RAND_DRBG_bytes': {
      const out = outBuffer(call.outlen);
      const p = drbg(call.drbg);
      if (!call.tsc) return generated(lib.RAND_DRBG_bytes(p, out, call.outlen), out, call.outlen);
      const before = readTsc();
      const ret = lib.RAND_DRBG_bytes(p, out, call.outlen);
      const after = readTsc();
      if (before === null || after === null) throw new Error('RAND_DRBG_bytes: no OPENSSL_rdtsc in this process');
      return { ...generated(ret, out, call.outlen), tsc: [`0x${before.toString(16)}`, `0x${after.toString(16)}`] };
    }
    case 'RAND_DRBG_set_callbacks': {
      const p = drbg(call.drbg);
      if (call.source === null) {
        hub.detach(p);
        return { ret: lib.RAND_DRBG_set_callbacks(p, null, null, null, null) };
      }
      const [ge, ce, gn, cn] = hub.all;
      const ret = call.nonce === false ? lib.RAND_DRBG_set_callbacks(p, ge, ce, null, null)
        : lib.RAND_DRBG_set_callbacks(p, ge, ce, gn, cn);
      if (ret === 1) hub.attach(p, source(call.source));
      return { ret };
    }
    case 'RAND_DRBG_set_reseed_interval':
      return { ret: lib.RAND_DRBG_set_reseed_interval(drbg(call.drbg), call.interval) };
    case 'RAND_DRBG_set_reseed_time_interval':
      return { ret: lib.RAND_DRBG_set_reseed_time_interval(drbg(call.drbg), call.interval) };
    case 'RAND_DRBG_set_reseed_defaults':
      return { ret: lib.RAND_DRBG_set_reseed_defaults(call.masterInterval, call.slaveInterval, call.masterTime,
        call.slaveTime) };
    case 'RAND_DRBG_get_ex_new_index': {
      const tracer = call.traceFree ? exFreeTracer(ctx) : undefined;
      const idx = lib.CRYPTO_get_ex_new_index(CRYPTO_EX_INDEX_DRBG, 0, null, null, null, tracer?.callback ?? null);
      run.allocated.push(idx);
      if (tracer !== undefined) tracer.armed.set(idx, run.allocated.length - 1);
      return { value: idx };
    }
    case 'RAND_DRBG_set_ex_data':
      return { ret: lib.RAND_DRBG_set_ex_data(drbg(call.drbg), resolveExIndex(call.idx, run.allocated), call.value) };
    case 'RAND_DRBG_get_ex_data':
      return { value: Number(lib.RAND_DRBG_get_ex_data(drbg(call.drbg), resolveExIndex(call.idx, run.allocated))) };
    case 'RAND_bytes':
    case 'RAND_priv_bytes': {
      // 1.1.1 does not check num < 0: drbg_bytes / RAND_priv_bytes pass it to RAND_DRBG_bytes
      // as a huge size_t and write until a generate fails.
      if (call.num < 0) throw new Error(`${call.fn}: num ${call.num} < 0 would overrun any buffer in 1.1.1`);
      const out = outBuffer(call.num);
      return generated(lib[call.fn](out, call.num), out, call.num);
    }
    case 'RAND_seed':
    case 'RAND_add': {
      const buf = cBytes(call.buf);
      const num = call.num ?? buf.len;
      if (num > buf.len) throw new Error(`${call.fn}: num ${num} > the ${buf.len}-byte buffer`);
      if (call.fn === 'RAND_seed') lib.RAND_seed(buf.ptr, num);
      else lib.RAND_add(buf.ptr, num, rawDouble(call.randomness));
      return {};
    }
    case 'RAND_status':
      return { ret: lib.RAND_status() };
    case 'RAND_load_file':
      return { ret: withTempFile(call.content, (path) => lib.RAND_load_file(path, call.bytes)) };
    case 'RAND_poll':
      return { ret: lib.RAND_poll() };
    case 'ERR_clear_error':
      lib.ERR_clear_error();
      return {};
    case 'FIPS_mode':
      return { ret: lib.FIPS_mode() };
    case 'getpid':
      return { value: process.pid };
    case 'CRYPTO_THREAD_get_current_id':
      return { value: Number(lib.CRYPTO_THREAD_get_current_id()) };
    case 'FIPS_mode_set':
      return { ret: lib.FIPS_mode_set(call.onoff) };
    case 'source': {
      const s = source(call.name);
      if (call.entropy !== undefined) s.entropy = bytesOf(call.entropy);
      if (call.nonce !== undefined) s.nonce = bytesOf(call.nonce);
      return {};
    }
    case 'default_callbacks': {
      const p = drbg(call.drbg);
      const [ge, ce, gn, cn] = defaultCallbacks(session, ctx);
      const ret = lib.RAND_DRBG_set_callbacks_ptr(p, ge, ce, call.nonce ? gn : null, call.nonce ? cn : null);
      if (ret === 1) hub.detach(p);
      return { ret };
    }
    case 'wait_next_second':
      waitNextSecond(call.marginMs);
      return {};
    case 'peek':
      if (!session.layout.ok) throw new Error(`peek: the struct layout is not validated (${session.layout.detail})`);
      return { fields: readFields111(drbg(call.drbg)) };
    default:
      throw new Error(`unknown raw call ${JSON.stringify(call)}`);
  }
}

/** A NULL buffer with a length (`perslen` / `adinlen`); a length with a real buffer would let C
 * read past it, so that is refused. */
function nullWithLength(b: CBytes, len: number | undefined): CBytes {
  if (len === undefined) return b;
  if (b.ptr !== null) throw new Error(`a length of ${len} is only passed with a NULL buffer`);
  return { ptr: null, len };
}

function bytesOf(hex: string): Uint8Array {
  const b = cBytes(hex);
  return b.ptr === null ? new Uint8Array(0) : new Uint8Array(b.ptr.subarray(0, b.len));
}
