/**
 * The OpenSSL 1.1.1 RAND_DRBG API (RAND_DRBG_new(3), RAND_DRBG_reseed(3),
 * RAND_DRBG_generate(3), RAND_DRBG_set_callbacks(3), RAND_DRBG_get0_master(3),
 * RAND_DRBG_set_ex_data(3), RAND_DRBG(7)) with 1.1.1w's exact semantics, over randshim's
 * provider/openssl111. A `RAND_DRBG` handle is the provider object itself; its `identity` (the
 * 8 bytes OpenSSL takes from the object's address) may be set to reproduce a C run.
 *
 * Conventions: a C pointer plus length is (Uint8Array | null, number); an out-pointer is a
 * one-field box `{ value }`; return values are OpenSSL's; failures push OpenSSL's codes onto the
 * error queue (ERR_get_error). Arguments go through compat/args: a value C cannot express, or a
 * freed or foreign handle, is refused (0 or NULL, RAND ERR_R_PASSED_INVALID_ARGUMENT with the
 * function's RAND_F_* code) before anything happens; see docs/bad-input.md.
 */
import { raise } from '../../provider/err/queue.js';
import { RandDrbg, type CleanupEntropyFn, type CleanupNonceFn, type GetEntropyFn, type GetNonceFn } from '../../provider/openssl111/drbg-lib.js';
import { cHandle, cInt, cLong, cPointer, cSizeT, cUint, cView, markFreed, refuse, refuseNull, type ArgSite } from '../args/index.js';
import { CRYPTO_EX_INDEX_DRBG } from './constants.js';
import { state111, type CRYPTO_EX_dup, type CRYPTO_EX_free, type CRYPTO_EX_new } from './state.js';

/**
 * A `RAND_DRBG *`: the provider's 1.1.1 DRBG object itself. Its `identity` stands for the
 * object's address (see the module comment).
 *
 * @see RAND_DRBG(7)
 */
export type RAND_DRBG = RandDrbg;

/**
 * An out-pointer: C's `unsigned char **pout`.
 *
 * @see RAND_DRBG_set_callbacks(3)
 */
export interface OutPointer {
  value: Uint8Array | null;
}

/** size_t (*get_entropy)(RAND_DRBG *drbg, unsigned char **pout, int entropy, size_t min_len,
 * size_t max_len, int prediction_resistance): returns the length placed at *pout, 0 on error.
 *
 * @see RAND_DRBG_set_callbacks(3)
 */
export type RAND_DRBG_get_entropy_fn = (drbg: RAND_DRBG, pout: OutPointer, entropy: number, min_len: number,
  max_len: number, prediction_resistance: number) => number;
/**
 * void (*cleanup_entropy)(RAND_DRBG *drbg, unsigned char *out, size_t outlen).
 *
 * @see RAND_DRBG_set_callbacks(3)
 */
export type RAND_DRBG_cleanup_entropy_fn = (drbg: RAND_DRBG, out: Uint8Array, outlen: number) => void;
/** size_t (*get_nonce)(RAND_DRBG *drbg, unsigned char **pout, int entropy, size_t min_len,
 * size_t max_len).
 *
 * @see RAND_DRBG_set_callbacks(3)
 */
export type RAND_DRBG_get_nonce_fn = (drbg: RAND_DRBG, pout: OutPointer, entropy: number, min_len: number,
  max_len: number) => number;
/**
 * void (*cleanup_nonce)(RAND_DRBG *drbg, unsigned char *out, size_t outlen).
 *
 * @see RAND_DRBG_set_callbacks(3)
 */
export type RAND_DRBG_cleanup_nonce_fn = (drbg: RAND_DRBG, out: Uint8Array, outlen: number) => void;

/** What a C-shaped callback handed out: the view the DRBG uses, the buffer the callback put at
 * *pout and the length it returned, so that cleanup receives exactly (out, outlen). */
const handedOut = new WeakMap<Uint8Array, { out: Uint8Array; outlen: number }>();

function adaptGetEntropy(fn: RAND_DRBG_get_entropy_fn | null): GetEntropyFn | null {
  if (fn === null) return null;
  return (drbg, entropy, minLen, maxLen, pr) => {
    const box: OutPointer = { value: null };
    const n = fn(drbg, box, entropy, minLen, maxLen, pr ? 1 : 0);
    return viewOf(box.value, n);
  };
}

function adaptGetNonce(fn: RAND_DRBG_get_nonce_fn | null): GetNonceFn | null {
  if (fn === null) return null;
  return (drbg, entropy, minLen, maxLen) => {
    const box: OutPointer = { value: null };
    const n = fn(drbg, box, entropy, minLen, maxLen);
    return viewOf(box.value, n);
  };
}

/** The buffer as the DRBG sees it. A NULL *pout is a failure with nothing to clean up. A
 * returned length of 0 (or one C's size_t cannot hold) is a failure too, but C still calls
 * cleanup_entropy / cleanup_nonce(out, 0) on the *pout it was given (drbg_lib.c,
 * RAND_DRBG_instantiate and RAND_DRBG_reseed: `if (entropy != NULL && drbg->cleanup_entropy
 * != NULL)`): an empty view carries that call. A length beyond the buffer would be an
 * over-read in C and is refused. */
function viewOf(out: Uint8Array | null, n: number): Uint8Array | null {
  if (out === null) return null;
  const len = cSizeT(n);
  if (len === undefined || len === 0) {
    const none = out.subarray(0, 0);
    handedOut.set(none, { out, outlen: 0 });
    return none;
  }
  if (len > out.length) {
    raise('RAND', 'PASSED_INVALID_ARGUMENT', 'RAND_DRBG_GET_ENTROPY');
    return null;
  }
  const view = out.subarray(0, len);
  handedOut.set(view, { out, outlen: len });
  return view;
}

function adaptCleanup(fn: RAND_DRBG_cleanup_entropy_fn | RAND_DRBG_cleanup_nonce_fn | null): CleanupEntropyFn & CleanupNonceFn | null {
  if (fn === null) return null;
  return (drbg, view) => {
    const given = handedOut.get(view);
    fn(drbg, given?.out ?? view, given?.outlen ?? view.length);
  };
}

const site = (func: string): ArgSite => ({ lib: 'RAND', func });
const NEW = site('RAND_DRBG_NEW');
const SET = site('RAND_DRBG_SET');
const SET_DEFAULTS = site('RAND_DRBG_SET_DEFAULTS');
const INSTANTIATE = site('RAND_DRBG_INSTANTIATE');
const UNINSTANTIATE = site('RAND_DRBG_UNINSTANTIATE');
const RESEED = site('RAND_DRBG_RESEED');
const GENERATE = site('RAND_DRBG_GENERATE');
const BYTES = site('DRBG_BYTES');
/** Functions randerr.h gives no code: function code 0. */
const NO_FUNC: ArgSite = { lib: 'RAND' };

/** A live RAND_DRBG handle, or undefined after refusing NULL (C would dereference it) or a
 * freed or foreign value. */
function liveDrbg(drbg: unknown, where: ArgSite): RAND_DRBG | undefined {
  const d = cHandle(drbg, RandDrbg);
  if (d === null) refuseNull(where);
  else if (d === undefined) refuse(where);
  return d ?? undefined;
}

/** A callback argument: a function, or null for NULL; undefined for anything else. */
function cCallback<F>(fn: unknown): F | null | undefined {
  return fn === null || typeof fn === 'function' ? (fn as F | null) : undefined;
}

/** RAND_DRBG_new(type, flags, parent): an uninstantiated DRBG of `type` (NID_aes_*_ctr, or 0
 * with flags 0 for the defaults), or NULL. A child gets no nonce callback and the "slave"
 * reseed intervals.
 *
 * @see RAND_DRBG_new(3)
 */
export function RAND_DRBG_new(type: number, flags: number, parent: RAND_DRBG | null): RAND_DRBG | null {
  return create(type, flags, parent, false, NEW);
}

/** RAND_DRBG_secure_new: as RAND_DRBG_new, "allocated on the secure heap" (no difference in
 * JavaScript beyond the flag).
 *
 * @see RAND_DRBG_new(3)
 */
export function RAND_DRBG_secure_new(type: number, flags: number, parent: RAND_DRBG | null): RAND_DRBG | null {
  return create(type, flags, parent, true, NEW);
}

function create(type: unknown, flags: unknown, parent: unknown, secure: boolean, where: ArgSite): RAND_DRBG | null {
  const t = cInt(type);
  const f = cUint(flags);
  const p = cHandle(parent, RandDrbg);
  if (t === undefined || f === undefined || p === undefined) {
    refuse(where);
    return null;
  }
  return RandDrbg.create(state111().shared.context, t, f, p, secure);
}

/**
 * RAND_DRBG_set(drbg, type, flags): re-types the DRBG (uninstantiated afterwards).
 *
 * @see RAND_DRBG_new(3)
 */
export function RAND_DRBG_set(drbg: RAND_DRBG, type: number, flags: number): number {
  const t = cInt(type);
  const f = cUint(flags);
  if (t === undefined || f === undefined) return refuse(SET);
  const d = liveDrbg(drbg, SET);
  if (d === undefined) return 0;
  return d.set(t, f) ? 1 : 0;
}

/** RAND_DRBG_set_defaults(type, flags): type and flags for DRBGs created later (including the
 * shared ones, when called before first use).
 *
 * @see RAND_DRBG_new(3)
 */
export function RAND_DRBG_set_defaults(type: number, flags: number): number {
  const t = cInt(type);
  const f = cUint(flags);
  if (t === undefined || f === undefined) return refuse(SET_DEFAULTS);
  const r = state111().shared.context.setDefaults(t, f);
  if (r === 'ok') return 1;
  raise('RAND', r, 'RAND_DRBG_SET_DEFAULTS');
  return 0;
}

/** RAND_DRBG_instantiate(drbg, pers, perslen). Returns 1 also when the DRBG was already READY
 * (with ALREADY_INSTANTIATED on the error queue), as 1.1.1 does. perslen is checked against
 * max_perslen even with a NULL pers (which then contributes nothing), as in C.
 *
 * @see RAND_DRBG_new(3)
 */
export function RAND_DRBG_instantiate(drbg: RAND_DRBG, pers: Uint8Array | null, perslen: number): number {
  const p = cPointer(pers);
  const n = cSizeT(perslen);
  if (p === undefined || n === undefined) return refuse(INSTANTIATE);
  const d = liveDrbg(drbg, INSTANTIATE);
  if (d === undefined) return 0;
  return d.instantiate(cView(p, n), n) ? 1 : 0;
}

/**
 * RAND_DRBG_uninstantiate(drbg): wipe the state; the DRBG can be instantiated again.
 *
 * @see RAND_DRBG_new(3)
 */
export function RAND_DRBG_uninstantiate(drbg: RAND_DRBG): number {
  const d = liveDrbg(drbg, UNINSTANTIATE);
  if (d === undefined) return 0;
  return d.uninstantiate() ? 1 : 0;
}

/**
 * RAND_DRBG_reseed(drbg, adin, adinlen, prediction_resistance). A NULL adin makes adinlen 0.
 *
 * @see RAND_DRBG_reseed(3)
 */
export function RAND_DRBG_reseed(drbg: RAND_DRBG, adin: Uint8Array | null, adinlen: number, prediction_resistance: number): number {
  const a = cPointer(adin);
  const n = cSizeT(adinlen);
  const pr = cInt(prediction_resistance);
  if (a === undefined || n === undefined || pr === undefined) return refuse(RESEED);
  const d = liveDrbg(drbg, RESEED);
  if (d === undefined) return 0;
  return d.reseed(cView(a, n), pr !== 0, a === null ? 0 : n) ? 1 : 0;
}

/** RAND_DRBG_generate(drbg, out, outlen, prediction_resistance, adin, adinlen): at most
 * max_request bytes per call; a never-instantiated DRBG is instantiated first, and the limits
 * are checked before the buffers (as in C). NULL out with outlen 0 succeeds. On failure `out`
 * is zeroed: no predictable bytes are left behind.
 *
 * @see RAND_DRBG_generate(3)
 */
export function RAND_DRBG_generate(drbg: RAND_DRBG, out: Uint8Array, outlen: number, prediction_resistance: number,
  adin: Uint8Array | null, adinlen: number): number {
  const o = cPointer(out);
  const n = cSizeT(outlen);
  const pr = cInt(prediction_resistance);
  const a = cPointer(adin);
  const an = cSizeT(adinlen);
  if (o === undefined || n === undefined || pr === undefined || a === undefined || an === undefined) return refuse(GENERATE);
  const d = liveDrbg(drbg, GENERATE);
  if (d === undefined) return 0;
  const view = cView(o, n) ?? new Uint8Array(0);
  // A NULL adin with a length is checked against max_adinlen but contributes nothing (C).
  if (d.generate(view, pr !== 0, cView(a, an), an, n)) return 1;
  view.fill(0);
  return 0;
}

/** RAND_DRBG_bytes(drbg, out, outlen): generate in chunks of max_request with 24 bytes of
 * {pid, thread id, timer} additional data. NULL out with outlen 0 succeeds (no chunk). A
 * JavaScript buffer shorter than outlen is refused before the first chunk. On failure `out` is
 * zeroed.
 *
 * @see RAND_DRBG_generate(3)
 */
export function RAND_DRBG_bytes(drbg: RAND_DRBG, out: Uint8Array, outlen: number): number {
  const o = cPointer(out);
  const n = cSizeT(outlen);
  if (o === undefined || n === undefined) return refuse(BYTES);
  const d = liveDrbg(drbg, BYTES);
  if (d === undefined) return 0;
  if (n > 0 && (o === null || o.length < n)) return refuse(BYTES);
  const view = cView(o, n) ?? new Uint8Array(0);
  if (d.bytes(view)) return 1;
  view.fill(0);
  return 0;
}

/**
 * RAND_DRBG_free(drbg): runs the ex_data free callbacks, then wipes and releases it. The
 * handle is refused by every function afterwards (a second free included).
 *
 * @see RAND_DRBG_new(3)
 */
export function RAND_DRBG_free(drbg: RAND_DRBG | null): void {
  if (drbg === null) return;
  const d = liveDrbg(drbg, NO_FUNC);
  if (d === undefined) return;
  const indexes = state111().exIndexes;
  for (let i = 0; i < indexes.length; i++) {
    const ix = indexes[i];
    if (ix?.freeFunc) ix.freeFunc(d, d.getExData(i), d, i, ix.argl, ix.argp);
  }
  d.free();
  markFreed(d);
}

/** RAND_DRBG_set_callbacks(drbg, get_entropy, cleanup_entropy, get_nonce, cleanup_nonce):
 * only while uninstantiated.
 *
 * @see RAND_DRBG_set_callbacks(3)
 */
export function RAND_DRBG_set_callbacks(drbg: RAND_DRBG, get_entropy: RAND_DRBG_get_entropy_fn | null,
  cleanup_entropy: RAND_DRBG_cleanup_entropy_fn | null, get_nonce: RAND_DRBG_get_nonce_fn | null,
  cleanup_nonce: RAND_DRBG_cleanup_nonce_fn | null): number {
  const ge = cCallback<RAND_DRBG_get_entropy_fn>(get_entropy);
  const ce = cCallback<RAND_DRBG_cleanup_entropy_fn>(cleanup_entropy);
  const gn = cCallback<RAND_DRBG_get_nonce_fn>(get_nonce);
  const cn = cCallback<RAND_DRBG_cleanup_nonce_fn>(cleanup_nonce);
  if (ge === undefined || ce === undefined || gn === undefined || cn === undefined) return refuse(NO_FUNC);
  const d = liveDrbg(drbg, NO_FUNC);
  if (d === undefined) return 0;
  return d.setCallbacks(adaptGetEntropy(ge), adaptCleanup(ce), adaptGetNonce(gn), adaptCleanup(cn)) ? 1 : 0;
}

/** RAND_DRBG_set_reseed_interval(drbg, interval): unsigned int; 0 disables; above 2^24
 * returns 0 (nothing queued, as in C).
 *
 * @see RAND_DRBG_reseed(3)
 */
export function RAND_DRBG_set_reseed_interval(drbg: RAND_DRBG, interval: number): number {
  const i = cUint(interval);
  if (i === undefined) return refuse(NO_FUNC);
  const d = liveDrbg(drbg, NO_FUNC);
  if (d === undefined) return 0;
  return d.setReseedInterval(i) ? 1 : 0;
}

/** RAND_DRBG_set_reseed_time_interval(drbg, interval): time_t seconds; 0 (or negative)
 * disables; above 2^20 returns 0.
 *
 * @see RAND_DRBG_reseed(3)
 */
export function RAND_DRBG_set_reseed_time_interval(drbg: RAND_DRBG, interval: number): number {
  const i = cLong(interval);
  if (i === undefined) return refuse(NO_FUNC);
  const d = liveDrbg(drbg, NO_FUNC);
  if (d === undefined) return 0;
  return d.setReseedTimeInterval(i) ? 1 : 0;
}

/** RAND_DRBG_set_reseed_defaults(master_interval, slave_interval, master_time, slave_time):
 * all or nothing; affects DRBGs created afterwards.
 *
 * @see RAND_DRBG_reseed(3)
 */
export function RAND_DRBG_set_reseed_defaults(master_reseed_interval: number, slave_reseed_interval: number,
  master_reseed_time_interval: number, slave_reseed_time_interval: number): number {
  const mi = cUint(master_reseed_interval);
  const si = cUint(slave_reseed_interval);
  const mt = cLong(master_reseed_time_interval);
  const st = cLong(slave_reseed_time_interval);
  if (mi === undefined || si === undefined || mt === undefined || st === undefined) return refuse(NO_FUNC);
  return state111().shared.context.setReseedDefaults(mi, si, mt, st) ? 1 : 0;
}

/**
 * RAND_DRBG_get0_master(): the shared parentless DRBG of this realm (created on first use).
 *
 * @see RAND_DRBG_get0_master(3)
 */
export function RAND_DRBG_get0_master(): RAND_DRBG | null {
  return state111().shared.master();
}

/**
 * RAND_DRBG_get0_public(): this realm's public DRBG (child of the master).
 *
 * @see RAND_DRBG_get0_master(3)
 */
export function RAND_DRBG_get0_public(): RAND_DRBG | null {
  return state111().shared.public();
}

/**
 * RAND_DRBG_get0_private(): this realm's private DRBG (child of the master).
 *
 * @see RAND_DRBG_get0_master(3)
 */
export function RAND_DRBG_get0_private(): RAND_DRBG | null {
  return state111().shared.private();
}

/** RAND_DRBG_get_ex_new_index(argl, argp, new_func, dup_func, free_func): a new ex_data index
 * of CRYPTO_EX_INDEX_DRBG (the first is 1; new_func and dup_func are never called for DRBGs).
 * -1 when an argument is refused (CRYPTO_get_ex_new_index's failure value).
 *
 * @see RAND_DRBG_set_ex_data(3)
 */
export function RAND_DRBG_get_ex_new_index(argl: number, argp: unknown, new_func: CRYPTO_EX_new | null,
  dup_func: CRYPTO_EX_dup | null, free_func: CRYPTO_EX_free | null): number {
  const l = cLong(argl);
  const free = cCallback<CRYPTO_EX_free>(free_func);
  if (l === undefined || cCallback(new_func) === undefined || cCallback(dup_func) === undefined || free === undefined) {
    refuse({ lib: 'CRYPTO', func: 'CRYPTO_GET_EX_NEW_INDEX' });
    return -1;
  }
  void CRYPTO_EX_INDEX_DRBG;
  const indexes = state111().exIndexes;
  indexes.push({ argl: l, argp, freeFunc: free });
  return indexes.length - 1;
}

/** RAND_DRBG_set_ex_data(drbg, idx, arg): 1. As CRYPTO_set_ex_data in 1.1.1, a negative
 * index stores nothing and still returns 1.
 *
 * @see RAND_DRBG_set_ex_data(3)
 */
export function RAND_DRBG_set_ex_data(drbg: RAND_DRBG, idx: number, arg: unknown): number {
  const i = cInt(idx);
  const where: ArgSite = { lib: 'CRYPTO', func: 'CRYPTO_SET_EX_DATA' };
  if (i === undefined) return refuse(where);
  const d = liveDrbg(drbg, where);
  if (d === undefined) return 0;
  if (i >= 0) d.setExData(i, arg);
  return 1;
}

/**
 * RAND_DRBG_get_ex_data(drbg, idx): the stored value or null.
 *
 * @see RAND_DRBG_set_ex_data(3)
 */
export function RAND_DRBG_get_ex_data(drbg: RAND_DRBG, idx: number): unknown {
  const i = cInt(idx);
  const where: ArgSite = { lib: 'CRYPTO' };
  if (i === undefined) {
    refuse(where);
    return null;
  }
  const d = liveDrbg(drbg, where);
  return d === undefined ? null : d.getExData(i);
}
