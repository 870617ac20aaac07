/**
 * What the seed sources at the root of a 3.x chain share: SEED-SRC
 * (providers/implementations/rands/seed_src.c), FORTUNA (a source in SEED-SRC's shape) and
 * CRNG-TEST (providers/implementations/rands/fips_crng_test.c). None of them holds a lock to
 * take in one JavaScript realm or a secret that outlives a call, and all three answer
 * get_ctx_params with state, strength and max_request.
 */
import { raise } from '../../err/queue.js';
import { zeroize } from '../../bytes.js';
import type { OSSL_PARAM } from '../core/param-memory.js';
import { OSSL_PARAM_locate, OSSL_PARAM_set_int, OSSL_PARAM_set_size_t } from '../core/ossl-param.js';
import { paramDescriptors } from '../core/rand-params.js';
import { RandBase } from './rand-base.js';
import { RandState } from './rand-impl.js';

/**
 * seed_src.c seed_get_seed's sizing: max(ceil(entropy / 8), min_len) bytes (one bit of entropy
 * per bit of OS output), refused with ENTROPY_SOURCE_STRENGTH_TOO_WEAK above max_len. Zero
 * bytes is refused with `zeroLengthReason` (3.0: OPENSSL_secure_malloc(0) returns NULL, so
 * MALLOC_FAILURE; 3.5+: an empty pool is too weak). Returns the zeroed buffer to fill.
 */
export function seedBuffer(entropy: number, minLen: number, maxLen: number, zeroLengthReason: string): Uint8Array | null {
  let needed = entropy >= 0 ? Math.ceil(entropy / 8) : 0;
  if (needed < minLen) needed = minLen;
  if (needed > maxLen) {
    raise('PROV', 'ENTROPY_SOURCE_STRENGTH_TOO_WEAK');
    return null;
  }
  if (needed === 0) {
    raise('PROV', zeroLengthReason);
    return null;
  }
  return new Uint8Array(needed);
}

/** What a source reports through get_ctx_params, and how it writes its strength
 * (seed_src.c: OSSL_PARAM_set_int; fips_crng_test.c: OSSL_PARAM_set_uint). */
export interface SourceCtxParams {
  readonly state: RandState;
  readonly strength: number;
  readonly maxRequest: number;
  readonly setStrength?: (p: OSSL_PARAM, value: number) => number;
}

/** The state / strength / max_request part of a source's get_ctx_params, in OpenSSL's order;
 * false at the first parameter that cannot take its value. */
export function getSourceCtxParams(params: OSSL_PARAM[], values: SourceCtxParams): boolean {
  const setStrength = values.setStrength ?? OSSL_PARAM_set_int;
  let p = OSSL_PARAM_locate(params, 'state');
  if (p !== null && !OSSL_PARAM_set_int(p, values.state)) return false;
  p = OSSL_PARAM_locate(params, 'strength');
  if (p !== null && !setStrength(p, values.strength)) return false;
  p = OSSL_PARAM_locate(params, 'max_request');
  if (p !== null && !OSSL_PARAM_set_size_t(p, values.maxRequest)) return false;
  return true;
}

/**
 * The dispatch table a seed source shares: its state (READY once instantiated) with the check
 * generate and reseed make (NOT_INSTANTIATED, or IN_ERROR_STATE), clear_seed that wipes, locking that has nothing to
 * lock, nothing to verify zeroized, the state/strength/max_request gettable table and no
 * settable one.
 */
export abstract class SeedSource extends RandBase {
  protected state: RandState = RandState.UNINITIALISED;

  /** seed_src_instantiate, crng_test_instantiate: nothing to set up but the state. */
  instantiate(): boolean {
    this.state = RandState.READY;
    return true;
  }

  uninstantiate(): boolean {
    this.state = RandState.UNINITIALISED;
    return true;
  }

  protected requireReady(): boolean {
    if (this.state === RandState.READY) return true;
    raise('PROV', this.state === RandState.ERROR ? 'IN_ERROR_STATE' : 'NOT_INSTANTIATED');
    return false;
  }

  clearSeed(seed: Uint8Array): void {
    zeroize(seed);
  }

  enableLocking(): boolean {
    return true;
  }

  lock(): boolean {
    return true;
  }

  unlock(): void {}

  verifyZeroization(): boolean {
    return true;
  }

  gettableCtxParamArray(): OSSL_PARAM[] | null {
    return paramDescriptors(['state', 'strength', 'max_request']);
  }

  /** Seed sources have no set_ctx_params and no settable_ctx_params. */
  settableCtxParamArray(): OSSL_PARAM[] | null {
    return null;
  }

  free(): void {}
}
