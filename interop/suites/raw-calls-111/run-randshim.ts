/**
 * The raw OpenSSL 1.1.1 call language (./calls.ts) on randshim: the same
 * `RawCall[]`, run on randshim's compat/openssl111 API (the functions a porter calls), reported
 * as the same `RawResult[]`. Named DRBGs, named seed sources whose C-shaped callbacks record
 * what they are asked (and check every hand-out is cleaned up once, with its length), the
 * DRBG's state after each call, and the error queue decoded with the very decoder the oracles
 * use (so a wrong function or reason code, or a wrong packing, shows).
 *
 * Where C uses a DRBG's address (the additional input a child passes its parent, bytes 24..32
 * of the default nonce), randshim uses the DRBG's `identity`. `addresses` pins it: for the call
 * at index i that binds a DRBG, the address the oracle reported for that call becomes the
 * DRBG's identity (8 bytes, little-endian), and is reported back as its address.
 *
 * Process-wide state (shared DRBGs, defaults, ex_data indexes) is the realm's compat state,
 * which persists between runs as C's does; RANDSHIM_111_reset starts it afresh.
 */
import {
  ERR_clear_error, ERR_get_error, FIPS_mode, FIPS_mode_set, RAND_add, RAND_bytes, RAND_DRBG_bytes, RAND_DRBG_free, RAND_DRBG_generate,
  RAND_DRBG_get0_master, RAND_DRBG_get0_private, RAND_DRBG_get0_public, RAND_DRBG_get_ex_data,
  RAND_DRBG_get_ex_new_index, RAND_DRBG_instantiate, RAND_DRBG_new, RAND_DRBG_reseed, RAND_DRBG_secure_new,
  RAND_DRBG_set, RAND_DRBG_set_callbacks, RAND_DRBG_set_defaults, RAND_DRBG_set_ex_data,
  RAND_DRBG_set_reseed_defaults, RAND_DRBG_set_reseed_interval, RAND_DRBG_set_reseed_time_interval,
  RAND_DRBG_uninstantiate, RAND_load_file, RAND_poll, RAND_priv_bytes, RAND_seed, RAND_status, type OutPointer, type RAND_DRBG,
  type RAND_DRBG_cleanup_entropy_fn, type RAND_DRBG_get_entropy_fn, type RAND_DRBG_get_nonce_fn,
} from '../../../compat/openssl111/index.js';
import { state111 } from '../../../compat/openssl111/state.js';
import { hexOrNull, readU64LE, toHex, writeU64LE } from '../../../provider/bytes.js';
import { defaultCleanupEntropy, defaultCleanupNonce, defaultGetEntropy, defaultGetNonce } from '../../../provider/openssl111/drbg-lib.js';
import type { SourceCall } from '../differential/driver.js';
import { decodeError111 } from '../../builds/openssl111/error-codes.js';
import type { DrbgFields } from '../../builds/openssl111/drbg-layout.js';
import {
  addedLength, bytesRequested, fillSource, passedLength, rawDouble, resolveExIndex, sourceNamed, waitNextSecond,
  withTempFile,
  type Name, type RawCall, type RawFreeCall, type RawResult, type RawSourceCall,
} from './calls.js';
import { NamedDrbgs } from './named-drbgs.js';

/** A named seed source: the buffers its callbacks hand out, what they were asked, and the
 * C-shaped callbacks themselves (made once, so re-installing a source installs the same ones). */
class RandshimSource {
  entropy: Uint8Array = new Uint8Array(0);
  nonce: Uint8Array = new Uint8Array(0);
  trace: { drbg: RAND_DRBG; call: SourceCall }[] = [];
  /** Buffers handed out and not cleaned up yet, with their length. */
  readonly outstanding = new Map<Uint8Array, { kind: 'entropy' | 'nonce'; len: number }>();
  readonly anomalies: string[] = [];
  readonly getEntropy: RAND_DRBG_get_entropy_fn;
  readonly cleanupEntropy: RAND_DRBG_cleanup_entropy_fn;
  readonly getNonce: RAND_DRBG_get_nonce_fn;
  readonly cleanupNonce: RAND_DRBG_cleanup_entropy_fn;

  constructor(readonly name: Name) {
    this.getEntropy = (drbg, pout, entropy, minLen, maxLen, pr) =>
      this.handOut(drbg, pout, 'entropy', { kind: 'entropy', entropy, minLen, maxLen, predictionResistance: pr !== 0 });
    this.getNonce = (drbg, pout, entropy, minLen, maxLen) =>
      this.handOut(drbg, pout, 'nonce', { kind: 'nonce', entropy, minLen, maxLen });
    this.cleanupEntropy = (_drbg, out, outlen) => this.cleanup('entropy', out, outlen);
    this.cleanupNonce = (_drbg, out, outlen) => this.cleanup('nonce', out, outlen);
  }

  /** As the oracles' CallbackHub: the whole current buffer, whatever was asked (a copy that
   * stays valid until cleanup); 0 when the buffer is empty. */
  private handOut(drbg: RAND_DRBG, pout: OutPointer, kind: 'entropy' | 'nonce', call: SourceCall): number {
    this.trace.push({ drbg, call });
    const bytes = kind === 'entropy' ? this.entropy : this.nonce;
    if (bytes.length === 0) return 0;
    const copy = Uint8Array.from(bytes);
    pout.value = copy;
    this.outstanding.set(copy, { kind, len: copy.length });
    return copy.length;
  }

  private cleanup(kind: 'entropy' | 'nonce', out: Uint8Array, outlen: number): void {
    const h = this.outstanding.get(out);
    if (h === undefined) {
      this.anomalies.push(`cleanup_${kind} of a buffer not handed out`);
      return;
    }
    if (h.kind !== kind || h.len !== outlen) this.anomalies.push(`cleanup_${kind}(len ${outlen}) of a ${h.kind} buffer of ${h.len} bytes`);
    this.outstanding.delete(out);
    out.fill(0);
  }
}

/** What outlives one run: the named sources and the traced ex_data free function. */
export interface RandshimRawContext {
  readonly sources: Map<Name, RandshimSource>;
  /** Indexes registered by the current run (absolute -> ordinal); emptied when a run ends. */
  readonly armed: Map<number, number>;
  freed: { drbg: unknown; idx: number; value: number }[];
}

export function newRandshimRawContext(): RandshimRawContext {
  return { sources: new Map(), armed: new Map(), freed: [] };
}

export interface RandshimRawOptions {
  /** Per call index: the address the oracle reported for the DRBG that call bound. */
  readonly addresses?: readonly (string | undefined)[];
  /** When given, `wait_next_second` moves this clock instead of sleeping (install it first with
   * RANDSHIM_111_reset({ clock: clock.seconds })). */
  readonly clock?: VirtualClock;
}

/**
 * The wall clock plus an offset that `wait_next_second` advances: randshim's time(NULL) is
 * injectable, so its reseed-by-time path can be driven across a second boundary without the
 * real wait that real OpenSSL needs. Between waits it moves with real time.
 */
export class VirtualClock {
  private offsetMs = 0;

  /** Milliseconds since the epoch. */
  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** time(NULL): whole seconds. */
  readonly seconds = (): number => Math.floor(this.nowMs() / 1000);

  /** As waitNextSecond, without waiting. */
  advanceToNextSecond(marginMs = 50): void {
    this.offsetMs += 1000 - (this.nowMs() % 1000) + marginMs;
  }
}

/** The 8 identity bytes for a C address ("0x..."). */
export function identityOfAddress(address: string): Uint8Array {
  const out = new Uint8Array(8);
  writeU64LE(out, 0, BigInt(address));
  return out;
}

/** The "address" randshim reports for a DRBG: its identity read as a little-endian pointer. */
export function addressOfIdentity(identity: Uint8Array): string {
  return `0x${readU64LE(identity, 0).toString(16)}`;
}

/** What a DRBG looks like to `peek`: the fields of 1.1.1's struct that the oracles read. */
export function fieldsOf(d: RAND_DRBG): DrbgFields {
  return {
    type: d.type, flags: d.flags, strength: d.strength, maxRequest: d.maxRequest, minEntropyLen: d.minEntropyLen,
    maxEntropyLen: d.maxEntropyLen, minNonceLen: d.minNonceLen, maxNonceLen: d.maxNonceLen, maxPersLen: d.maxPersLen,
    maxAdinLen: d.maxAdinLen, generateCounter: d.generateCounter, reseedInterval: d.reseedInterval,
    reseedTimeInterval: d.reseedTimeInterval, enableReseedPropagation: d.enableReseedPropagation ? 1 : 0,
    reseedCounter: d.reseedCounter, seedlen: d.seedlen, state: d.state,
  };
}

interface RunState {
  readonly drbgs: NamedDrbgs<RAND_DRBG, unknown>;
  readonly allocated: number[];
  readonly addresses: readonly (string | undefined)[];
  readonly clock: VirtualClock | undefined;
}

type Partial = Pick<RawResult, 'ret' | 'output' | 'value' | 'fields' | 'address'>;

/** Runs `calls` in order on randshim and reports each as the oracles do. Throws on malformed
 * calls and on harness faults (a cleanup that does not match a hand-out). */
export function runRandshimRaw(ctx: RandshimRawContext, calls: readonly RawCall[],
  options: RandshimRawOptions = {}): RawResult[] {
  const run: RunState = {
    drbgs: new NamedDrbgs<RAND_DRBG, unknown>((d) => d), allocated: [], addresses: options.addresses ?? [],
    clock: options.clock,
  };
  const results: RawResult[] = [];
  ERR_clear_error();
  ctx.freed = [];
  try {
    calls.forEach((call, i) => {
      const { result: r, names } = run.drbgs.namedAround(() => runOne(ctx, run, call, i));
      const nameOf = (d: unknown): string => names.get(d) ?? (d !== null && typeof d === 'object' && 'identity' in d
        ? addressOfIdentity((d as RAND_DRBG).identity) : String(d));
      const traced: RawSourceCall[] = [];
      const anomalies: string[] = [];
      for (const [sourceName, source] of ctx.sources) {
        for (const t of source.trace) traced.push({ ...t.call, drbg: nameOf(t.drbg), source: sourceName });
        source.trace = [];
        anomalies.push(...source.anomalies.splice(0));
      }
      if (anomalies.length > 0) throw new Error(`${call.fn}: ${anomalies.join('; ')}`);
      const freed: RawFreeCall[] = ctx.freed.map((f) => ({ allocated: run.allocated.indexOf(f.idx), drbg: nameOf(f.drbg), value: f.value }));
      ctx.freed = [];
      const target = run.drbgs.target(call);
      const state = target !== undefined ? target.state as number : undefined;
      results.push({ fn: call.fn, ...r, ...(freed.length > 0 ? { freed } : {}), ...(state !== undefined ? { state } : {}),
        errors: drainErrors(), calls: traced });
    });
  } finally {
    ctx.armed.clear();
    run.drbgs.freeCreated((d) => RAND_DRBG_free(d));
    ctx.freed = [];
  }
  return results;
}

function drainErrors(): RawResult['errors'] {
  const out = [];
  for (let code = ERR_get_error(); code !== 0; code = ERR_get_error()) out.push(decodeError111(code));
  return out;
}

/** The length passed with `buf` (see passedLength). */
const lengthOf = (buf: Uint8Array | null, len: number | undefined): number => passedLength(buf?.length ?? null, len);

function runOne(ctx: RandshimRawContext, run: RunState, call: RawCall, index: number): Partial {
  const { drbgs } = run;
  const drbg = (name: Name): RAND_DRBG => drbgs.get(call, name);
  const bind = (name: Name, d: RAND_DRBG | null, owned: boolean): Partial => {
    if (!drbgs.bind(name, d, owned)) return { ret: 0 };
    const pinned = run.addresses[index];
    if (pinned !== undefined) d.identity = identityOfAddress(pinned);
    return { ret: 1, address: addressOfIdentity(d.identity) };
  };
  const source = (name: Name): RandshimSource => sourceNamed(ctx.sources, name, (n) => new RandshimSource(n));
  const generated = (ret: number, out: Uint8Array): Partial => (ret === 1 ? { ret, output: toHex(out) } : { ret });
  switch (call.fn) {
    case 'RAND_DRBG_new':
    case 'RAND_DRBG_secure_new': {
      const parent = call.parent === undefined ? null : drbg(call.parent);
      const make = call.fn === 'RAND_DRBG_new' ? RAND_DRBG_new : RAND_DRBG_secure_new;
      return bind(call.bind, make(call.type, call.flags, parent), true);
    }
    case 'RAND_DRBG_get0_master':
      return bind(call.bind, RAND_DRBG_get0_master(), false);
    case 'RAND_DRBG_get0_public':
      return bind(call.bind, RAND_DRBG_get0_public(), false);
    case 'RAND_DRBG_get0_private':
      return bind(call.bind, RAND_DRBG_get0_private(), false);
    case 'RAND_DRBG_set':
      return { ret: RAND_DRBG_set(drbg(call.drbg), call.type, call.flags) };
    case 'RAND_DRBG_set_defaults':
      return { ret: RAND_DRBG_set_defaults(call.type, call.flags) };
    case 'RAND_DRBG_instantiate': {
      const pers = hexOrNull(call.pers);
      return { ret: RAND_DRBG_instantiate(drbg(call.drbg), pers, lengthOf(pers, call.perslen)) };
    }
    case 'RAND_DRBG_uninstantiate':
      return { ret: RAND_DRBG_uninstantiate(drbg(call.drbg)) };
    case 'RAND_DRBG_free': {
      RAND_DRBG_free(drbg(call.drbg));
      drbgs.forget(call.drbg);
      return {};
    }
    case 'RAND_DRBG_reseed': {
      const adin = hexOrNull(call.adin);
      return { ret: RAND_DRBG_reseed(drbg(call.drbg), adin, lengthOf(adin, call.adinlen), call.predictionResistance ? 1 : 0) };
    }
    case 'RAND_DRBG_generate': {
      const adin = hexOrNull(call.adin);
      const out = new Uint8Array(call.outlen);
      return generated(RAND_DRBG_generate(drbg(call.drbg), out, call.outlen, call.predictionResistance ? 1 : 0, adin,
        lengthOf(adin, call.adinlen)), out);
    }
    case 'RAND_DRBG_bytes': {
      const out = new Uint8Array(call.outlen);
      return generated(RAND_DRBG_bytes(drbg(call.drbg), out, call.outlen), out);
    }
    case 'RAND_DRBG_set_callbacks': {
      const d = drbg(call.drbg);
      if (call.source === null) return { ret: RAND_DRBG_set_callbacks(d, null, null, null, null) };
      const s = source(call.source);
      return { ret: call.nonce === false ? RAND_DRBG_set_callbacks(d, s.getEntropy, s.cleanupEntropy, null, null)
        : RAND_DRBG_set_callbacks(d, s.getEntropy, s.cleanupEntropy, s.getNonce, s.cleanupNonce) };
    }
    case 'RAND_DRBG_set_reseed_interval':
      return { ret: RAND_DRBG_set_reseed_interval(drbg(call.drbg), call.interval) };
    case 'RAND_DRBG_set_reseed_time_interval':
      return { ret: RAND_DRBG_set_reseed_time_interval(drbg(call.drbg), call.interval) };
    case 'RAND_DRBG_set_reseed_defaults':
      return { ret: RAND_DRBG_set_reseed_defaults(call.masterInterval, call.slaveInterval, call.masterTime, call.slaveTime) };
    case 'RAND_DRBG_get_ex_new_index': {
      const free = call.traceFree
        ? (parent: unknown, ptr: unknown, _ad: unknown, idx: number): void => {
          if (ctx.armed.has(idx)) ctx.freed.push({ drbg: parent, idx, value: Number(ptr ?? 0) });
        }
        : null;
      const idx = RAND_DRBG_get_ex_new_index(0, null, null, null, free);
      run.allocated.push(idx);
      if (call.traceFree) ctx.armed.set(idx, run.allocated.length - 1);
      return { value: idx };
    }
    case 'RAND_DRBG_set_ex_data':
      return { ret: RAND_DRBG_set_ex_data(drbg(call.drbg), resolveExIndex(call.idx, run.allocated), call.value) };
    case 'RAND_DRBG_get_ex_data':
      return { value: Number(RAND_DRBG_get_ex_data(drbg(call.drbg), resolveExIndex(call.idx, run.allocated)) ?? 0) };
    case 'RAND_bytes':
    case 'RAND_priv_bytes': {
      const num = bytesRequested(call);
      const out = new Uint8Array(num);
      return generated((call.fn === 'RAND_bytes' ? RAND_bytes : RAND_priv_bytes)(out, num), out);
    }
    case 'RAND_seed':
    case 'RAND_add': {
      const buf = hexOrNull(call.buf);
      const num = addedLength(call, buf?.length ?? 0);
      if (call.fn === 'RAND_seed') RAND_seed(buf, num);
      else RAND_add(buf, num, rawDouble(call.randomness));
      return {};
    }
    case 'RAND_status':
      return { ret: RAND_status() };
    case 'RAND_load_file':
      return { ret: withTempFile(call.content, (path) => RAND_load_file(path, call.bytes)) };
    case 'RAND_poll':
      return { ret: RAND_poll() };
    case 'ERR_clear_error':
      ERR_clear_error();
      return {};
    case 'FIPS_mode':
      return { ret: FIPS_mode() };
    // what randshim puts where C puts getpid() and pthread_self() (its environment's values)
    case 'getpid':
      return { value: state111().shared.context.forkId() };
    case 'CRYPTO_THREAD_get_current_id':
      return { value: state111().shared.context.threadId() };
    case 'FIPS_mode_set':
      return { ret: FIPS_mode_set(call.onoff) };
    case 'source':
      fillSource(source(call.name), call);
      return {};
    case 'default_callbacks': {
      // 1.1.1's own callbacks are internal (rand_lib.c), not API: the provider's ports of them.
      const d = drbg(call.drbg);
      return { ret: d.setCallbacks(defaultGetEntropy, defaultCleanupEntropy, call.nonce ? defaultGetNonce : null,
        call.nonce ? defaultCleanupNonce : null) ? 1 : 0 };
    }
    case 'wait_next_second':
      if (run.clock !== undefined) run.clock.advanceToNextSecond(call.marginMs);
      else waitNextSecond(call.marginMs);
      return {};
    case 'peek':
      return { fields: fieldsOf(drbg(call.drbg)) };
    default:
      throw new Error(`unknown raw call ${JSON.stringify(call)}`);
  }
}
