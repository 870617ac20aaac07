/**
 * The configuration of OpenSSL 3's default RAND chain: the six keys of the `[random]` section
 * of openssl.cnf (crypto/rand/rand_lib.c random_conf_init), which RAND_set_DRBG_type and
 * RAND_set_seed_source_type also set, and the defaults rand_new_drbg / rand_new_seed fall back
 * to when a key is absent.
 */
import { raise } from '../../err/queue.js';

/** The `[random]` keys, with OpenSSL's spelling. An absent key means "use the default". */
export interface RandomConfig {
  /** The DRBG every level of the chain (primary, public, private) fetches; default "CTR-DRBG". */
  readonly random?: string;
  /** Passed as the "cipher" parameter (to every DRBG type); default "AES-256-CTR". */
  readonly cipher?: string;
  /** Passed as the "digest" parameter when set; no default. */
  readonly digest?: string;
  /** Property query for fetching the DRBG, also passed as its "properties" parameter. */
  readonly properties?: string;
  /** The seed source the primary pulls from; default "SEED-SRC". */
  readonly seed?: string;
  /** Property query for fetching the seed source. */
  readonly seed_properties?: string;
}

export type RandomConfigKey = keyof RandomConfig;

/** A `[random]` section as a caller writes it: the keys as an object, or the name/value lines
 * of the section in order (any spelling, unknown names included). */
export type RandomSection = RandomConfig | readonly (readonly [string, string])[];

/** The name/value lines of `section`, in order (an object's absent keys are left out). */
export function randomSectionEntries(section: RandomSection): readonly (readonly [string, string])[] {
  if (Array.isArray(section)) return section as readonly (readonly [string, string])[];
  return Object.entries(section as RandomConfig).filter((e): e is [string, string] => e[1] !== undefined);
}

/** rand_new_drbg's fallbacks (crypto/rand/rand_lib.c). */
export const DEFAULT_DRBG_NAME = 'CTR-DRBG';
export const DEFAULT_DRBG_CIPHER = 'AES-256-CTR';
/** rand_new_seed's fallback. */
export const DEFAULT_SEED_NAME = 'SEED-SRC';

/** PRIMARY_RESEED_INTERVAL / PRIMARY_RESEED_TIME_INTERVAL (crypto/rand/rand_local.h). */
export const PRIMARY_RESEED_INTERVAL = 1 << 8;
export const PRIMARY_RESEED_TIME_INTERVAL = 60 * 60;
/** SECONDARY_RESEED_INTERVAL / SECONDARY_RESEED_TIME_INTERVAL: public and private. */
export const SECONDARY_RESEED_INTERVAL = 1 << 16;
export const SECONDARY_RESEED_TIME_INTERVAL = 7 * 60;

const KEYS: readonly RandomConfigKey[] = ['random', 'cipher', 'digest', 'properties', 'seed', 'seed_properties'];

/**
 * random_conf_init: applies the name/value pairs of a `[random]` section, in order, onto
 * `config`. Names are matched case-insensitively; a later pair overrides an earlier one. An
 * unknown name raises CRYPTO_R_UNKNOWN_NAME_IN_RANDOM_SECTION and makes the result 0, but the
 * remaining pairs are still applied, as in OpenSSL. Returns 1 or 0 with the new configuration.
 */
export function applyRandomSection(config: RandomConfig,
  entries: readonly (readonly [string, string])[]): { ok: number; config: RandomConfig } {
  const next: { -readonly [K in RandomConfigKey]?: string } = { ...config };
  let ok = 1;
  for (const [name, value] of entries) {
    const key = KEYS.find((k) => k === name.toLowerCase());
    if (key === undefined) {
      raise('CRYPTO', 'UNKNOWN_NAME_IN_RANDOM_SECTION');
      ok = 0;
      continue;
    }
    next[key] = value;
  }
  return { ok, config: next };
}
