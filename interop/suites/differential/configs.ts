/**
 * The mechanism configurations the differential campaigns cover, and the limits case
 * generation aims at. The limits are computed here from the configuration alone (OpenSSL 3.0's
 * drbg_ctr_init_lengths and the Hash/HMAC set_ctx_params; CTR's are the same in 1.1.1w's
 * drbg_ctr_init), independently of randshim's engine, so that a wrong limit in the engine shows
 * up as a mismatch instead of being copied into the tests.
 */
import type { DrbgConfig } from './driver.js';

/** The lengths that matter for generating inputs (OpenSSL 3.0's values for the config). */
export interface CaseLimits {
  readonly strength: number;
  readonly minEntropyLen: number;
  /** Undefined when unbounded (INT32_MAX). */
  readonly maxEntropyLen?: number;
  /** 0 when no nonce is used (CTR without derivation function). */
  readonly minNonceLen: number;
  /** Undefined when unbounded. Also bounds personalization and additional input. */
  readonly maxInputLen?: number;
}

const DIGEST_SIZES: Readonly<Record<string, number>> = {
  SHA1: 20, 'SHA2-224': 28, 'SHA2-256': 32, 'SHA2-384': 48, 'SHA2-512': 64, 'SHA2-512/224': 28,
  'SHA2-512/256': 32, 'SHA3-224': 28, 'SHA3-256': 32, 'SHA3-384': 48, 'SHA3-512': 64,
};

const AES_KEY_LENGTHS: Readonly<Record<string, number>> = { 'AES-128-CTR': 16, 'AES-192-CTR': 24, 'AES-256-CTR': 32 };

/** Limits of a supported configuration: drbg_ctr_init_lengths, and the Hash/HMAC
 * set_ctx_params (strength = min(256, 64 * floor(size / 8))). Throws for unknown algorithms. */
export function caseLimits(config: DrbgConfig): CaseLimits {
  if (config.mechanism === 'CTR-DRBG') {
    const keylen = AES_KEY_LENGTHS[(config.cipher ?? '').toUpperCase()];
    if (keylen === undefined) throw new TypeError(`no limits known for cipher ${String(config.cipher)}`);
    if (config.useDf === false) {
      const seedlen = keylen + 16;
      return { strength: keylen * 8, minEntropyLen: seedlen, maxEntropyLen: seedlen, minNonceLen: 0, maxInputLen: seedlen };
    }
    return { strength: keylen * 8, minEntropyLen: keylen, minNonceLen: keylen / 2 };
  }
  const size = DIGEST_SIZES[(config.digest ?? '').toUpperCase()];
  if (size === undefined) throw new TypeError(`no limits known for digest ${String(config.digest)}`);
  const strength = Math.min(256, 64 * (size >> 3));
  return { strength, minEntropyLen: strength / 8, minNonceLen: strength / 16 };
}

/** Every configuration randshim supports: CTR AES-128/192/256 with and without df, and Hash
 * and HMAC with each of its digests. */
export function supportedConfigs(): DrbgConfig[] {
  const configs: DrbgConfig[] = [];
  for (const cipher of Object.keys(AES_KEY_LENGTHS)) {
    for (const useDf of [true, false]) configs.push({ mechanism: 'CTR-DRBG', cipher, useDf });
  }
  for (const mechanism of ['HASH-DRBG', 'HMAC-DRBG'] as const) {
    for (const digest of Object.keys(DIGEST_SIZES)) configs.push({ mechanism, digest });
  }
  return configs;
}

/** Every CTR configuration (the only ones OpenSSL 1.1.1 has). */
export const CTR_CONFIGS: readonly DrbgConfig[] = supportedConfigs().filter((c) => c.mechanism === 'CTR-DRBG');

/** Every configuration randshim supports. */
export const ALL_CONFIGS: readonly DrbgConfig[] = supportedConfigs();

export function configLabel(c: DrbgConfig): string {
  if (c.mechanism === 'CTR-DRBG') return `CTR ${c.cipher}${c.useDf === false ? ' no-df' : ' df'}`;
  return `${c.mechanism === 'HASH-DRBG' ? 'HASH' : 'HMAC'} ${c.digest}`;
}
