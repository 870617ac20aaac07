/**
 * The OpenSSL 1.1.1 RAND_DRBG API (RAND_DRBG_new(3), RAND_DRBG_reseed(3),
 * RAND_DRBG_generate(3), RAND_DRBG_set_callbacks(3), RAND_DRBG_get0_master(3),
 * RAND_DRBG_set_ex_data(3), RAND_DRBG(7)) with 1.1.1w's exact semantics, over randshim's
 * provider/openssl111. A `RAND_DRBG` handle is the provider object itself; its `identity` (the
 * 8 bytes OpenSSL takes from the object's address) may be set to reproduce a C run.
 *
 * Conventions: a C pointer plus length is (Uint8Array | null, number); an out-pointer is a
 * one-field box `{ value }`; return values are OpenSSL's; failures push OpenSSL's codes onto the
 * error queue (ERR_get_error).
 */
import { raise } from '../../provider/err/queue.js';
import { RandDrbg, type CleanupEntropyFn, type CleanupNonceFn, type GetEntropyFn, type GetNonceFn } from '../../provider/openssl111/drbg-lib.js';
import { cBuffer } from './args.js';
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

/** The buffer as the DRBG sees it: a length of 0 (or a NULL *pout) is a failure; a length
 * beyond the buffer would be an over-read in C and is refused. */
function viewOf(out: Uint8Array | null, n: number): Uint8Array | null {
  if (out === null || !Number.isInteger(n) || n <= 0) return null;
  if (n > out.length) {
    raise('RAND', 'PASSED_INVALID_ARGUMENT', 'RAND_DRBG_GET_ENTROPY');
    return null;
  }
  const view = out.subarray(0, n);
  handedOut.set(view, { out, outlen: n });
  return view;
}

function adaptCleanup(fn: RAND_DRBG_cleanup_entropy_fn | RAND_DRBG_cleanup_nonce_fn | null): CleanupEntropyFn & CleanupNonceFn | null {
  if (fn === null) return null;
  return (drbg, view) => {
    const given = handedOut.get(view);
    fn(drbg, given?.out ?? view, given?.outlen ?? view.length);
  };
}

/** RAND_DRBG_new(type, flags, parent): an uninstantiated DRBG of `type` (NID_aes_*_ctr, or 0
 * with flags 0 for the defaults), or NULL. A child gets no nonce callback and the "slave"
 * reseed intervals.
 *
 * @see RAND_DRBG_new(3)
 */
export function RAND_DRBG_new(type: number, flags: number, parent: RAND_DRBG | null): RAND_DRBG | null {
  return RandDrbg.create(state111().shared.context, type, flags >>> 0, parent, false);
}

/** RAND_DRBG_secure_new: as RAND_DRBG_new, "allocated on the secure heap" (no difference in
 * JavaScript beyond the flag).
 *
 * @see RAND_DRBG_new(3)
 */
export function RAND_DRBG_secure_new(type: number, flags: number, parent: RAND_DRBG | null): RAND_DRBG | null {
  return RandDrbg.create(state111().shared.context, type, flags >>> 0, parent, true);
}

/**
 * RAND_DRBG_set(drbg, type, flags): re-types the DRBG (uninstantiated afterwards).
 *
 * @see RAND_DRBG_new(3)
 */
export function RAND_DRBG_set(drbg: RAND_DRBG, type: number, flags: number): number {
  return drbg.set(type, flags >>> 0) ? 1 : 0;
}

/** RAND_DRBG_set_defaults(type, flags): type and flags for DRBGs created later (including the
 * shared ones, when called before first use).
 *
 * @see RAND_DRBG_new(3)
 */
export function RAND_DRBG_set_defaults(type: number, flags: number): number {
  const r = state111().shared.context.setDefaults(type, flags >>> 0);
  if (r === 'ok') return 1;
  raise('RAND', r, 'RAND_DRBG_SET_DEFAULTS');
  return 0;
}

/** RAND_DRBG_instantiate(drbg, pers, perslen). Returns 1 also when the DRBG was already READY
 * (with ALREADY_INSTANTIATED on the error queue), as 1.1.1 does.
 *
 * @see RAND_DRBG_new(3)
 */
export function RAND_DRBG_instantiate(drbg: RAND_DRBG, pers: Uint8Array | null, perslen: number): number {
  const p = cBuffer(pers, perslen, 'RAND_DRBG_INSTANTIATE');
  if (p === undefined) return 0;
  return drbg.instantiate(p, perslen >>> 0) ? 1 : 0;
}

/**
 * RAND_DRBG_uninstantiate(drbg): wipe the state; the DRBG can be instantiated again.
 *
 * @see RAND_DRBG_new(3)
 */
export function RAND_DRBG_uninstantiate(drbg: RAND_DRBG): number {
  return drbg.uninstantiate() ? 1 : 0;
}

/**
 * RAND_DRBG_reseed(drbg, adin, adinlen, prediction_resistance).
 *
 * @see RAND_DRBG_reseed(3)
 */
export function RAND_DRBG_reseed(drbg: RAND_DRBG, adin: Uint8Array | null, adinlen: number, prediction_resistance: number): number {
  const a = cBuffer(adin, adinlen, 'RAND_DRBG_RESEED');
  if (a === undefined) return 0;
  return drbg.reseed(a, prediction_resistance !== 0) ? 1 : 0;
}

/** RAND_DRBG_generate(drbg, out, outlen, prediction_resistance, adin, adinlen): at most
 * 65536 bytes per call. On failure `out` is zeroed: no predictable bytes are left behind.
 *
 * @see RAND_DRBG_generate(3)
 */
export function RAND_DRBG_generate(drbg: RAND_DRBG, out: Uint8Array, outlen: number, prediction_resistance: number,
  adin: Uint8Array | null, adinlen: number): number {
  const o = cBuffer(out, outlen, 'RAND_DRBG_GENERATE');
  if (o === undefined || o === null) return 0;
  // A NULL adin with a length is checked against max_adinlen but contributes nothing (C).
  const a = adin === null ? null : cBuffer(adin, adinlen, 'RAND_DRBG_GENERATE');
  if (a === undefined) return 0;
  if (drbg.generate(o, prediction_resistance !== 0, a, adinlen >>> 0)) return 1;
  o.fill(0);
  return 0;
}

/** RAND_DRBG_bytes(drbg, out, outlen): generate in chunks of 65536 with 24 bytes of
 * {pid, thread id, timer} additional data. On failure `out` is zeroed.
 *
 * @see RAND_DRBG_generate(3)
 */
export function RAND_DRBG_bytes(drbg: RAND_DRBG, out: Uint8Array, outlen: number): number {
  const o = cBuffer(out, outlen, 'DRBG_BYTES');
  if (o === undefined || o === null) return 0;
  if (drbg.bytes(o)) return 1;
  o.fill(0);
  return 0;
}

/**
 * RAND_DRBG_free(drbg): runs the ex_data free callbacks, then wipes and releases it.
 *
 * @see RAND_DRBG_new(3)
 */
export function RAND_DRBG_free(drbg: RAND_DRBG | null): void {
  if (drbg === null) return;
  const indexes = state111().exIndexes;
  for (let i = 0; i < indexes.length; i++) {
    const ix = indexes[i];
    if (ix?.freeFunc) ix.freeFunc(drbg, drbg.getExData(i), drbg, i, ix.argl, ix.argp);
  }
  drbg.free();
}

/** RAND_DRBG_set_callbacks(drbg, get_entropy, cleanup_entropy, get_nonce, cleanup_nonce):
 * only while uninstantiated.
 *
 * @see RAND_DRBG_set_callbacks(3)
 */
export function RAND_DRBG_set_callbacks(drbg: RAND_DRBG, get_entropy: RAND_DRBG_get_entropy_fn | null,
  cleanup_entropy: RAND_DRBG_cleanup_entropy_fn | null, get_nonce: RAND_DRBG_get_nonce_fn | null,
  cleanup_nonce: RAND_DRBG_cleanup_nonce_fn | null): number {
  return drbg.setCallbacks(adaptGetEntropy(get_entropy), adaptCleanup(cleanup_entropy),
    adaptGetNonce(get_nonce), adaptCleanup(cleanup_nonce)) ? 1 : 0;
}

/** RAND_DRBG_set_reseed_interval(drbg, interval): unsigned int; 0 disables; above 2^24
 * returns 0.
 *
 * @see RAND_DRBG_reseed(3)
 */
export function RAND_DRBG_set_reseed_interval(drbg: RAND_DRBG, interval: number): number {
  return drbg.setReseedInterval(interval >>> 0) ? 1 : 0;
}

/** RAND_DRBG_set_reseed_time_interval(drbg, interval): time_t seconds; 0 (or negative)
 * disables; above 2^20 returns 0.
 *
 * @see RAND_DRBG_reseed(3)
 */
export function RAND_DRBG_set_reseed_time_interval(drbg: RAND_DRBG, interval: number): number {
  return drbg.setReseedTimeInterval(Math.trunc(interval)) ? 1 : 0;
}

/** RAND_DRBG_set_reseed_defaults(master_interval, slave_interval, master_time, slave_time):
 * all or nothing; affects DRBGs created afterwards.
 *
 * @see RAND_DRBG_reseed(3)
 */
export function RAND_DRBG_set_reseed_defaults(master_reseed_interval: number, slave_reseed_interval: number,
  master_reseed_time_interval: number, slave_reseed_time_interval: number): number {
  return state111().shared.context.setReseedDefaults(master_reseed_interval >>> 0, slave_reseed_interval >>> 0,
    Math.trunc(master_reseed_time_interval), Math.trunc(slave_reseed_time_interval)) ? 1 : 0;
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
 *
 * @see RAND_DRBG_set_ex_data(3)
 */
export function RAND_DRBG_get_ex_new_index(argl: number, argp: unknown, new_func: CRYPTO_EX_new | null,
  dup_func: CRYPTO_EX_dup | null, free_func: CRYPTO_EX_free | null): number {
  void new_func;
  void dup_func;
  void CRYPTO_EX_INDEX_DRBG;
  const indexes = state111().exIndexes;
  indexes.push({ argl, argp, freeFunc: free_func });
  return indexes.length - 1;
}

/** RAND_DRBG_set_ex_data(drbg, idx, arg): 1. As CRYPTO_set_ex_data in 1.1.1, a negative
 * index stores nothing and still returns 1.
 *
 * @see RAND_DRBG_set_ex_data(3)
 */
export function RAND_DRBG_set_ex_data(drbg: RAND_DRBG, idx: number, arg: unknown): number {
  if (Number.isInteger(idx) && idx >= 0) drbg.setExData(idx, arg);
  return 1;
}

/**
 * RAND_DRBG_get_ex_data(drbg, idx): the stored value or null.
 *
 * @see RAND_DRBG_set_ex_data(3)
 */
export function RAND_DRBG_get_ex_data(drbg: RAND_DRBG, idx: number): unknown {
  return drbg.getExData(idx);
}
