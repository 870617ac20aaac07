/** The type-specific halves of the DRBGs (drbg_ctr.c, drbg_hash.c, drbg_hmac.c). */
import type { MechanismType } from '../../mechanisms/mechanism.js';
import { CtrVariant } from './ctr.js';
import { HashVariant } from './hash.js';
import { HmacVariant } from './hmac.js';
import type { DrbgVariant, VariantEnv } from './variant.js';

export type { DrbgVariant, VariantEnv } from './variant.js';
export { CtrVariant, HashVariant, HmacVariant };

/** drbg_*_new: a variant with nothing configured yet. */
export function newVariant(type: MechanismType, env: VariantEnv): DrbgVariant {
  switch (type) {
    case 'CTR-DRBG': return new CtrVariant(env);
    case 'HASH-DRBG': return new HashVariant(env);
    default: return new HmacVariant(env);
  }
}
