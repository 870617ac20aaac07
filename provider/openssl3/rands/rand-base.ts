/**
 * What every RAND implementation derives from its OSSL_PARAM form: the plain-object parameter
 * API of {@link RandImpl} (getCtxParams / setCtxParams / gettableParams / settableParams),
 * which goes through the implementation's own get_ctx_params / set_ctx_params so that both
 * forms share one code path; and the parent-locking check of every RAND that has a parent.
 */
import type { OSSL_PARAM } from '../core/param-memory.js';
import { getThroughArray, paramsToArray } from '../core/rand-params.js';
import type { RandImpl, RandParamName, RandParams } from './rand-impl.js';
import { raise } from '../../err/queue.js';

/** enable_locking for a RAND with a parent (drbg.c ossl_drbg_enable_locking,
 * fips_crng_test.c crng_test_enable_locking): the parent must accept locking first. */
export function parentAcceptsLocking(parent: RandImpl | null): boolean {
  if (parent !== null && !parent.enableLocking()) {
    raise('PROV', 'PARENT_LOCKING_NOT_ENABLED');
    return false;
  }
  return true;
}

export abstract class RandBase implements RandImpl {
  abstract readonly algorithm: string;
  abstract instantiate(strength: number, predictionResistance: boolean, pers: Uint8Array | null): boolean;
  abstract uninstantiate(): boolean;
  abstract generate(out: Uint8Array, strength: number, predictionResistance: boolean, adin: Uint8Array | null): boolean;
  abstract reseed(predictionResistance: boolean, entropy: Uint8Array | null, adin: Uint8Array | null): boolean;
  abstract enableLocking(): boolean;
  abstract lock(): boolean;
  abstract unlock(): void;
  abstract verifyZeroization(): boolean;
  abstract getCtxParamArray(params: OSSL_PARAM[]): boolean;
  setCtxParamArray?(params: OSSL_PARAM[] | null): boolean;
  abstract gettableCtxParamArray(): OSSL_PARAM[] | null;
  abstract settableCtxParamArray(): OSSL_PARAM[] | null;
  abstract free(): void;

  getCtxParams(wanted: readonly RandParamName[], into: RandParams): boolean {
    return getThroughArray((p) => this.getCtxParamArray(p), wanted, into);
  }

  setCtxParams(params: RandParams): boolean {
    return this.setCtxParamArray === undefined ? true : this.setCtxParamArray(paramsToArray(params));
  }

  gettableParams(): readonly RandParamName[] {
    return names(this.gettableCtxParamArray());
  }

  settableParams(): readonly RandParamName[] {
    return names(this.settableCtxParamArray());
  }
}

function names(table: OSSL_PARAM[] | null): RandParamName[] {
  const out: RandParamName[] = [];
  for (const p of table ?? []) {
    if (p.key === null) break;
    out.push(p.key as RandParamName);
  }
  return out;
}
