/**
 * Mechanism selection from a configuration, the way OpenSSL 3 configures a DRBG from its
 * "cipher" / "use_derivation_function" / "digest" / "mac" parameters.
 */
import { raise } from '../err/queue.js';
import { resolveCtrCipher, resolveDigest } from './primitives/algorithms.js';
import type { PrimitiveBackend } from './primitives/backend.js';
import { CtrDrbgMechanism } from './ctr-drbg.js';
import { HashDrbgMechanism } from './hash-drbg.js';
import { HmacDrbgMechanism } from './hmac-drbg.js';
import type { Mechanism } from './mechanism.js';

export type { DrbgLimits, Mechanism, MechanismType } from './mechanism.js';
export { DRBG_MAX_LENGTH, DRBG_MAX_REQUEST } from './mechanism.js';
export { ctrLimits } from './ctr-drbg.js';
export { CtrDrbgMechanism, HashDrbgMechanism, HmacDrbgMechanism };

export type MechanismConfig =
  | { readonly type: 'CTR-DRBG'; readonly cipher: string; readonly useDf?: boolean }
  | { readonly type: 'HASH-DRBG'; readonly digest: string }
  | { readonly type: 'HMAC-DRBG'; readonly digest: string; readonly mac?: string };

/**
 * Builds the mechanism for `config`, or raises OpenSSL's reason and returns undefined:
 * PROV_R_REQUIRE_CTR_MODE_CIPHER / UNABLE_TO_FIND_CIPHERS for a bad cipher,
 * PROV_R_XOF_DIGESTS_NOT_ALLOWED for an XOF, and for HMAC a MAC other than "HMAC".
 */
export function createMechanism(config: MechanismConfig, backend: PrimitiveBackend): Mechanism | undefined {
  switch (config.type) {
    case 'CTR-DRBG': {
      const cipher = resolveCtrCipher(config.cipher);
      return cipher && new CtrDrbgMechanism(cipher, config.useDf ?? true, backend);
    }
    case 'HASH-DRBG': {
      const digest = resolveDigest(config.digest);
      return digest && new HashDrbgMechanism(digest, backend);
    }
    case 'HMAC-DRBG': {
      if (config.mac !== undefined && config.mac.toUpperCase() !== 'HMAC') {
        raise('PROV', 'MISSING_MAC');
        return undefined;
      }
      const digest = resolveDigest(config.digest);
      return digest && new HmacDrbgMechanism(digest, backend);
    }
    default:
      raise('PROV', 'INVALID_MODE');
      return undefined;
  }
}
