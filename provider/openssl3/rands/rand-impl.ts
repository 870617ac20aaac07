/**
 * The interface every random generator of the provider implements: the TypeScript form of an
 * OpenSSL 3 provider's OSSL_FUNC_rand_* dispatch table. DRBGs, TEST-RAND and SEED-SRC all
 * implement it, and a DRBG reaches its parent only through it, as ossl_rand_drbg_new does with
 * the parent's dispatch table. Methods return OpenSSL's success flag and raise OpenSSL's
 * reasons onto the error queue (../../err/queue.ts).
 *
 * Parameters come in two forms: OSSL_PARAM arrays (getCtxParamArray / setCtxParamArray, the
 * implementations' get_ctx_params / set_ctx_params written against OSSL_PARAM as OpenSSL's
 * are, with their order, conversions and failure points), and plain objects
 * (getCtxParams / setCtxParams, a convenience that goes through the arrays, see
 * ../core/rand-params.ts).
 */
import type { OSSL_PARAM } from '../core/param-memory.js';
import type { RandParamName, RandParams } from '../core/rand-params.js';

export type { RandParamName, RandParams } from '../core/rand-params.js';

/** EVP_RAND_STATE_*. */
export const enum RandState {
  UNINITIALISED = 0,
  READY = 1,
  ERROR = 2,
}

export interface RandImpl {
  /** The algorithm name (EVP_RAND_get0_name): CTR-DRBG, HASH-DRBG, HMAC-DRBG, TEST-RAND, SEED-SRC. */
  readonly algorithm: string;
  instantiate(strength: number, predictionResistance: boolean, pers: Uint8Array | null): boolean;
  uninstantiate(): boolean;
  generate(out: Uint8Array, strength: number, predictionResistance: boolean, adin: Uint8Array | null): boolean;
  reseed(predictionResistance: boolean, entropy: Uint8Array | null, adin: Uint8Array | null): boolean;
  /** OSSL_FUNC_rand_nonce: with `out` null, returns the length it would write. */
  nonce?(out: Uint8Array | null, strength: number, minLen: number, maxLen: number): number;
  /** OSSL_FUNC_rand_get_seed: seed material for a child; null on failure. `entropy` in bits. */
  getSeed?(entropy: number, minLen: number, maxLen: number, predictionResistance: boolean,
    adin: Uint8Array): Uint8Array | null;
  /** OSSL_FUNC_rand_clear_seed. */
  clearSeed?(seed: Uint8Array): void;
  enableLocking(): boolean;
  lock(): boolean;
  unlock(): void;
  verifyZeroization(): boolean;
  /** OSSL_FUNC_rand_get_ctx_params: writes the parameters `params` asks for, in the
   * implementation's order; false at the first one it cannot produce or convert (OpenSSL's 0;
   * parameters written before that keep their values). */
  getCtxParamArray(params: OSSL_PARAM[]): boolean;
  /** OSSL_FUNC_rand_set_ctx_params; absent when the implementation has none (SEED-SRC). */
  setCtxParamArray?(params: OSSL_PARAM[] | null): boolean;
  /** OSSL_FUNC_rand_gettable_ctx_params / settable_ctx_params: the implementation's descriptor
   * tables (terminated), or null where it has no such function. */
  gettableCtxParamArray(): OSSL_PARAM[] | null;
  settableCtxParamArray(): OSSL_PARAM[] | null;
  /** get_ctx_params for plain values: the values this implementation reports. Returns false
   * when a requested parameter cannot be produced (e.g. "cipher" before one is set). */
  getCtxParams(wanted: readonly RandParamName[], into: RandParams): boolean;
  /** set_ctx_params from plain values (true, doing nothing, if there is no set_ctx_params). */
  setCtxParams(params: RandParams): boolean;
  /** The names get/set_ctx_params accept (gettable_ctx_params / settable_ctx_params). */
  gettableParams(): readonly RandParamName[];
  settableParams(): readonly RandParamName[];
  /** Releases resources and zeroizes secrets (OSSL_FUNC_rand_freectx). */
  free(): void;
}

/** Reads one numeric parameter through get_ctx_params; undefined when not reported. */
export function getUintParam(rand: RandImpl, name: RandParamName): number | undefined {
  const p: RandParams = {};
  if (!rand.getCtxParams([name], p)) return undefined;
  const v = p[name];
  return typeof v === 'number' ? v : undefined;
}
