/**
 * The 1.1.1 personality's per-realm state: the shared DRBGs and process defaults (provider
 * SharedDrbgs111 / Rand111Context), the installed RAND_METHOD and the ex_data registry.
 * `RANDSHIM_111_reset` (not an OpenSSL function) replaces it all, e.g. to pin the clock, the
 * process id, the thread id or the OS entropy in tests.
 */
import { Rand111Context, type Rand111Environment } from '../../provider/openssl111/drbg-context.js';
import { SharedDrbgs111, type SharedDrbgs111Options } from '../../provider/openssl111/shared-drbgs.js';
import type { RAND_METHOD } from './rand-method.js';

export interface ExIndex {
  readonly argl: number;
  readonly argp: unknown;
  readonly freeFunc: CRYPTO_EX_free | null;
}

/**
 * CRYPTO_EX_free: (parent, ptr, ad, idx, argl, argp).
 *
 * @see CRYPTO_get_ex_new_index(3)
 */
export type CRYPTO_EX_free = (parent: unknown, ptr: unknown, ad: unknown, idx: number, argl: number, argp: unknown) => void;
/**
 * CRYPTO_EX_new: never called for RAND_DRBG (rand_drbg_new does not run CRYPTO_new_ex_data).
 *
 * @see CRYPTO_get_ex_new_index(3)
 */
export type CRYPTO_EX_new = (parent: unknown, ptr: unknown, ad: unknown, idx: number, argl: number, argp: unknown) => number;
/**
 * CRYPTO_EX_dup: never called for RAND_DRBG.
 *
 * @see CRYPTO_get_ex_new_index(3)
 */
export type CRYPTO_EX_dup = (to: unknown, from: unknown, fromD: unknown, idx: number, argl: number, argp: unknown) => number;

export interface State111 {
  shared: SharedDrbgs111;
  /** RAND_set_rand_method; null means "use RAND_OpenSSL()". */
  method: RAND_METHOD | null;
  /** ex_data indexes of CRYPTO_EX_INDEX_DRBG; index 0 is reserved as in 1.1.1's ex_data.c. */
  exIndexes: (ExIndex | null)[];
}

let state: State111 = fresh();

function fresh(env: Rand111Environment = {}, options: SharedDrbgs111Options = {}): State111 {
  return { shared: new SharedDrbgs111(new Rand111Context(env), options), method: null, exIndexes: [null] };
}

export function state111(): State111 {
  return state;
}

/**
 * Drops every shared DRBG, default, method and ex_data index of this realm and starts again
 * with the given environment (clock, pid, thread id, timer, OS entropy) and backend. Not an
 * OpenSSL function: for tests and for embedding several independent instances.
 *
 * @see RAND_DRBG(7)
 */
export function RANDSHIM_111_reset(env: Rand111Environment = {}, options: SharedDrbgs111Options = {}): void {
  state.shared.cleanup();
  state = fresh(env, options);
}
