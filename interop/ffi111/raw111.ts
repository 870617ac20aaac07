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
 */
import type { ReportedError, SourceCall } from '../driver.js';
import { cBytes, outBuffer, outHex } from './bytes111.js';
import { drainErrors111 } from './errors111.js';
import { readFields111, type DrbgFields } from './layout111.js';
import { CRYPTO_EX_INDEX_DRBG } from './libcrypto111.js';
import { SeedSource } from './seed-callbacks.js';
import type { Session111 } from './session111.js';
import { addressOf, type DrbgPtr } from './types.js';

type Name = string;

export type RawCall =
  | { readonly fn: 'RAND_DRBG_new' | 'RAND_DRBG_secure_new'; readonly type: number; readonly flags: number;
      readonly parent?: Name; readonly bind: Name }
  | { readonly fn: 'RAND_DRBG_get0_master' | 'RAND_DRBG_get0_public' | 'RAND_DRBG_get0_private'; readonly bind: Name }
  | { readonly fn: 'RAND_DRBG_set'; readonly drbg: Name; readonly type: number; readonly flags: number }
  | { readonly fn: 'RAND_DRBG_set_defaults'; readonly type: number; readonly flags: number }
  | { readonly fn: 'RAND_DRBG_instantiate'; readonly drbg: Name; readonly pers?: string }
  | { readonly fn: 'RAND_DRBG_uninstantiate' | 'RAND_DRBG_free'; readonly drbg: Name }
  | { readonly fn: 'RAND_DRBG_reseed'; readonly drbg: Name; readonly adin?: string;
      readonly predictionResistance?: boolean }
  | { readonly fn: 'RAND_DRBG_generate'; readonly drbg: Name; readonly outlen: number; readonly adin?: string;
      readonly predictionResistance?: boolean }
  | { readonly fn: 'RAND_DRBG_bytes'; readonly drbg: Name; readonly outlen: number }
  | { readonly fn: 'RAND_DRBG_set_callbacks'; readonly drbg: Name; readonly source: Name | null }
  | { readonly fn: 'RAND_DRBG_set_reseed_interval'; readonly drbg: Name; readonly interval: number }
  | { readonly fn: 'RAND_DRBG_set_reseed_time_interval'; readonly drbg: Name; readonly interval: number }
  | { readonly fn: 'RAND_DRBG_set_reseed_defaults'; readonly masterInterval: number; readonly slaveInterval: number;
      readonly masterTime: number; readonly slaveTime: number }
  | { readonly fn: 'RAND_DRBG_get_ex_new_index' }
  | { readonly fn: 'RAND_DRBG_set_ex_data'; readonly drbg: Name; readonly idx: number; readonly value: number }
  | { readonly fn: 'RAND_DRBG_get_ex_data'; readonly drbg: Name; readonly idx: number }
  | { readonly fn: 'RAND_bytes' | 'RAND_priv_bytes'; readonly num: number }
  | { readonly fn: 'RAND_seed'; readonly buf?: string; readonly num?: number }
  | { readonly fn: 'RAND_add'; readonly buf?: string; readonly num?: number; readonly randomness: number }
  | { readonly fn: 'RAND_status' | 'RAND_poll' | 'ERR_clear_error' }
  | { readonly fn: 'source'; readonly name: Name; readonly entropy?: string; readonly nonce?: string }
  | { readonly fn: 'peek'; readonly drbg: Name };

/** A traced seed-source call, with the DRBG that made it (by bound name, or hex address when
 * it was never bound) and the source that answered. */
export interface RawSourceCall extends SourceCall {
  readonly drbg: string;
  readonly source: Name;
}

export interface RawResult {
  readonly fn: RawCall['fn'];
  /** The C return value, for non-void functions (pointers: 1 non-NULL, 0 NULL). */
  readonly ret?: number;
  /** Output bytes (hex) of generate / bytes calls that returned 1. */
  readonly output?: string;
  /** get_ex_new_index's index, get_ex_data's pointer value. */
  readonly value?: number;
  /** `peek`: the private fields (requires a validated layout). */
  readonly fields?: DrbgFields;
  /** The named DRBG's state after the call, when readable. */
  readonly state?: number;
  readonly errors: readonly ReportedError[];
  readonly calls: readonly RawSourceCall[];
}

/** Named sources and process-wide bindings that outlive one run (per session). */
export interface RawContext {
  readonly sources: Map<Name, SeedSource>;
}

export function newRawContext(): RawContext {
  return { sources: new Map() };
}

/** Runs `calls` in order and reports each. Throws on malformed calls (unknown names) and on
 * harness faults seen inside callbacks. */
export function runRawCalls(session: Session111, ctx: RawContext, calls: readonly RawCall[]): RawResult[] {
  const { lib, hub } = session;
  const drbgs = new Map<Name, DrbgPtr>();
  const created = new Set<Name>();
  const results: RawResult[] = [];
  lib.ERR_clear_error();
  try {
    for (const call of calls) {
      const r = runRawCall(session, ctx, drbgs, created, call);
      const names = new Map<bigint, Name>();
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
      results.push({ fn: call.fn, ...r, ...(state !== undefined ? { state } : {}), errors: drainErrors111(lib), calls: traced });
    }
  } finally {
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

type Partial = Pick<RawResult, 'ret' | 'output' | 'value' | 'fields'>;

function runRawCall(session: Session111, ctx: RawContext, drbgs: Map<Name, DrbgPtr>, created: Set<Name>,
  call: RawCall): Partial {
  const { lib, hub } = session;
  const drbg = (name: Name): DrbgPtr => {
    const p = drbgs.get(name);
    if (p === undefined) throw new Error(`${call.fn}: no DRBG named ${name}`);
    return p;
  };
  const bind = (name: Name, p: DrbgPtr | null, owned: boolean): Partial => {
    if (p !== null) {
      drbgs.set(name, p);
      if (owned) created.add(name);
    }
    return { ret: p === null ? 0 : 1 };
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
      const pers = cBytes(call.pers);
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
      const adin = cBytes(call.adin);
      return { ret: lib.RAND_DRBG_reseed(drbg(call.drbg), adin.ptr, adin.len, call.predictionResistance ? 1 : 0) };
    }
    case 'RAND_DRBG_generate': {
      const adin = cBytes(call.adin);
      const out = outBuffer(call.outlen);
      const ret = lib.RAND_DRBG_generate(drbg(call.drbg), out, call.outlen, call.predictionResistance ? 1 : 0,
        adin.ptr, adin.len);
      return generated(ret, out, call.outlen);
    }
    case 'RAND_DRBG_bytes': {
      const out = outBuffer(call.outlen);
      return generated(lib.RAND_DRBG_bytes(drbg(call.drbg), out, call.outlen), out, call.outlen);
    }
    case 'RAND_DRBG_set_callbacks': {
      const p = drbg(call.drbg);
      if (call.source === null) {
        hub.detach(p);
        return { ret: lib.RAND_DRBG_set_callbacks(p, null, null, null, null) };
      }
      const ret = lib.RAND_DRBG_set_callbacks(p, ...hub.all);
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
    case 'RAND_DRBG_get_ex_new_index':
      return { value: lib.CRYPTO_get_ex_new_index(CRYPTO_EX_INDEX_DRBG, 0, null, null, null, null) };
    case 'RAND_DRBG_set_ex_data':
      return { ret: lib.RAND_DRBG_set_ex_data(drbg(call.drbg), call.idx, call.value) };
    case 'RAND_DRBG_get_ex_data':
      return { value: Number(lib.RAND_DRBG_get_ex_data(drbg(call.drbg), call.idx)) };
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
      else lib.RAND_add(buf.ptr, num, call.randomness);
      return {};
    }
    case 'RAND_status':
      return { ret: lib.RAND_status() };
    case 'RAND_poll':
      return { ret: lib.RAND_poll() };
    case 'ERR_clear_error':
      lib.ERR_clear_error();
      return {};
    case 'source': {
      const s = source(call.name);
      if (call.entropy !== undefined) s.entropy = bytesOf(call.entropy);
      if (call.nonce !== undefined) s.nonce = bytesOf(call.nonce);
      return {};
    }
    case 'peek':
      if (!session.layout.ok) throw new Error(`peek: the struct layout is not validated (${session.layout.detail})`);
      return { fields: readFields111(drbg(call.drbg)) };
    default:
      throw new Error(`unknown raw call ${JSON.stringify(call)}`);
  }
}

function bytesOf(hex: string): Uint8Array {
  const b = cBytes(hex);
  return b.ptr === null ? new Uint8Array(0) : new Uint8Array(b.ptr.subarray(0, b.len));
}
