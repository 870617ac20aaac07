/** The type-specific halves of the DRBGs (drbg_ctr.c, drbg_hash.c, drbg_hmac.c). */
import type { MechanismType } from '../../sp800-90a/mechanism.js';
import { CtrVariant } from './drbg-ctr.js';
import { HashVariant } from './drbg-hash.js';
import { HmacVariant } from './drbg-hmac.js';
import type { DrbgVariant, VariantEnv } from './drbg-variant.js';

export type { DrbgVariant, VariantEnv } from './drbg-variant.js';
export { CtrVariant, HashVariant, HmacVariant };

/** drbg_*_new: a variant with nothing configured yet. */
export function newVariant(type: MechanismType, env: VariantEnv): DrbgVariant {
  switch (type) {
    case 'CTR-DRBG': return new CtrVariant(env);
    case 'HASH-DRBG': return new HashVariant(env);
    default: return new HmacVariant(env);
  }
}
