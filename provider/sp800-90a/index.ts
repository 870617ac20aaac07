/**
 * The SP 800-90A mechanisms (CTR_DRBG 10.2, Hash_DRBG 10.1.1, HMAC_DRBG 10.1.2) and the
 * configuration that names one: its type and the cipher or digest it runs on, under the names
 * OpenSSL 3 fetches them by. Looking those names up (and refusing bad ones with OpenSSL's
 * reasons) is the DRBG variants' job (../openssl3/rands/drbg-ctr.ts, drbg-hash.ts, drbg-hmac.ts).
 */
import { CtrDrbgMechanism } from './ctr-drbg.js';
import { HashDrbgMechanism } from './hash-drbg.js';
import { HmacDrbgMechanism } from './hmac-drbg.js';

export type { DrbgLimits, Mechanism, MechanismType } from './mechanism.js';
export { DRBG_MAX_LENGTH, DRBG_MAX_REQUEST } from './mechanism.js';
export { ctrLimits } from './ctr-drbg.js';
export { CtrDrbgMechanism, HashDrbgMechanism, HmacDrbgMechanism };

export type MechanismConfig =
  | { readonly type: 'CTR-DRBG'; readonly cipher: string; readonly useDf?: boolean }
  | { readonly type: 'HASH-DRBG'; readonly digest: string }
  | { readonly type: 'HMAC-DRBG'; readonly digest: string; readonly mac?: string };
