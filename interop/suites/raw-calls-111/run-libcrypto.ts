/**
 * The raw OpenSSL 1.1.1 call language (./calls.ts) on a real libcrypto 1.1.1 session
 * (interop/builds/openssl111): each call made through the bound functions, reported with the
 * traced seed-source calls, ex_data free calls, the DRBG's state (validated struct layout) and
 * the error queue. ./run-randshim.ts is the same on randshim.
 */
import { cBytes, outBuffer, outHex, type CBytes } from '../../builds/openssl111/byte-args.js';
import { drainErrors111 } from '../../builds/openssl111/error-codes.js';
import { readFields111 } from '../../builds/openssl111/drbg-layout.js';
import { CRYPTO_EX_INDEX_DRBG } from '../../builds/openssl111/libcrypto.js';
import { SeedSource } from '../../builds/openssl111/seed-callbacks.js';
import type { Session111 } from '../../builds/openssl111/session.js';
import koffi from 'koffi';
import { DRBG_OFFSETS } from '../../builds/openssl111/drbg-layout.js';
import { readTsc } from '../../builds/openssl111/tsc.js';
import {
  addedLength, bytesRequested, fillSource, passedLength, rawDouble, resolveExIndex, sourceNamed, waitNextSecond,
  withTempFile,
  type Name, type RawCall, type RawFreeCall, type RawResult, type RawSourceCall,
} from './calls.js';
import { NamedDrbgs } from './named-drbgs.js';
import { addressOf, types111, type CPtr, type DrbgPtr, type RegisteredCallback } from '../../builds/openssl111/c-types.js';

/** The traced ex_data free_func (registered once per session). */
interface ExFreeTracer {
  readonly callback: RegisteredCallback;
  /** Indexes registered by the current run, absolute -> ordinal; emptied when the run ends. */
  readonly armed: Map<number, number>;
  trace: { drbg: bigint; idx: number; value: number }[];
}

/** Named sources and process-wide bindings that outlive one run (per session). */
export interface LibcryptoRawContext {
  readonly sources: Map<Name, SeedSource>;
  exFree?: ExFreeTracer;
  /** 1.1.1's own callbacks (rand_drbg_get_entropy, ...), read once. */
  defaultCallbacks?: readonly [CPtr, CPtr, CPtr, CPtr];
}

export function newLibcryptoRawContext(): LibcryptoRawContext {
  return { sources: new Map() };
}

function exFreeTracer(ctx: LibcryptoRawContext): ExFreeTracer {
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
function defaultCallbacks(session: Session111, ctx: LibcryptoRawContext): readonly [CPtr, CPtr, CPtr, CPtr] {
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
export function runLibcryptoRaw(session: Session111, ctx: LibcryptoRawContext, calls: readonly RawCall[]): RawResult[] {
  const { lib, hub } = session;
  const drbgs = new NamedDrbgs<DrbgPtr, bigint>(addressOf);
  const results: RawResult[] = [];
  const run: RunState = { drbgs, allocated: [] };
  lib.ERR_clear_error();
  if (ctx.exFree !== undefined) ctx.exFree.trace = [];
  try {
    for (const call of calls) {
      const { result: r, names } = drbgs.namedAround(() => runOne(session, ctx, run, call));
      const traced: RawSourceCall[] = [];
      for (const [sourceName, source] of ctx.sources) {
        for (const t of source.takeCalls()) {
          traced.push({ ...t.call, drbg: names.get(t.drbg) ?? `0x${t.drbg.toString(16)}`, source: sourceName });
        }
      }
      const target = drbgs.target(call);
      const state = target !== undefined ? session.readState(target) : undefined;
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
    drbgs.freeCreated((p) => {
      lib.RAND_DRBG_free(p);
      hub.detach(p);
    });
  }
  return results;
}

type Partial = Pick<RawResult, 'ret' | 'output' | 'value' | 'fields' | 'address' | 'tsc'>;

/** What one run has bound and allocated so far. */
interface RunState {
  readonly drbgs: NamedDrbgs<DrbgPtr, bigint>;
  /** The ex_data indexes this run allocated, in order. */
  readonly allocated: number[];
}

function takeFreed(ctx: LibcryptoRawContext, run: RunState, names: Map<bigint, Name>): RawFreeCall[] {
  const tracer = ctx.exFree;
  if (tracer === undefined || tracer.trace.length === 0) return [];
  const out = tracer.trace.map((t) => ({
    allocated: run.allocated.indexOf(t.idx), drbg: names.get(t.drbg) ?? `0x${t.drbg.toString(16)}`, value: t.value,
  }));
  tracer.trace = [];
  return out;
}

function runOne(session: Session111, ctx: LibcryptoRawContext, run: RunState, call: RawCall): Partial {
  const { lib, hub } = session;
  const { drbgs } = run;
  const drbg = (name: Name): DrbgPtr => drbgs.get(call, name);
  const bind = (name: Name, p: DrbgPtr | null, owned: boolean): Partial =>
    (drbgs.bind(name, p, owned) ? { ret: 1, address: `0x${addressOf(p).toString(16)}` } : { ret: 0 });
  const source = (name: Name): SeedSource => sourceNamed(ctx.sources, name, (n) => new SeedSource(n));
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
      const pers = cBytes(call.pers);
      return { ret: lib.RAND_DRBG_instantiate(drbg(call.drbg), pers.ptr, passedLength(lengthOf(pers), call.perslen)) };
    }
    case 'RAND_DRBG_uninstantiate':
      return { ret: lib.RAND_DRBG_uninstantiate(drbg(call.drbg)) };
    case 'RAND_DRBG_free': {
      const p = drbg(call.drbg);
      lib.RAND_DRBG_free(p);
      hub.detach(p);
      drbgs.forget(call.drbg);
      return {};
    }
    case 'RAND_DRBG_reseed': {
      const adin = cBytes(call.adin);
      return { ret: lib.RAND_DRBG_reseed(drbg(call.drbg), adin.ptr, passedLength(lengthOf(adin), call.adinlen),
        call.predictionResistance ? 1 : 0) };
    }
    case 'RAND_DRBG_generate': {
      const adin = cBytes(call.adin);
      const out = outBuffer(call.outlen);
      const ret = lib.RAND_DRBG_generate(drbg(call.drbg), out, call.outlen, call.predictionResistance ? 1 : 0,
        adin.ptr, passedLength(lengthOf(adin), call.adinlen));
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
      const num = bytesRequested(call);
      const out = outBuffer(num);
      return generated(lib[call.fn](out, num), out, num);
    }
    case 'RAND_seed':
    case 'RAND_add': {
      const buf = cBytes(call.buf);
      const num = addedLength(call, buf.len);
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
    case 'source':
      fillSource(source(call.name), call);
      return {};
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

/** A C buffer's length, or null for NULL. */
function lengthOf(b: CBytes): number | null {
  return b.ptr === null ? null : b.len;
}
