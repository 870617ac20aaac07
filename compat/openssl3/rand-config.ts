/**
 * Choosing the default chain's DRBG and seed source (RAND_set_DRBG_type(3), and openssl.cnf's
 * `[random]` section as crypto/rand/rand_lib.c random_conf_init reads it). Both must happen
 * before the primary DRBG exists, i.e. before the first RAND_* call that generates, adds or
 * asks for a DRBG:
 *
 *   // openssl.cnf:  [random]  random = HASH-DRBG   digest = SHA2-512
 *   RANDSHIM_3_configure({ random: 'HASH-DRBG', digest: 'SHA2-512' });
 *   // or in C:     RAND_set_DRBG_type(NULL, "HASH-DRBG", NULL, NULL, "SHA2-512");
 *   RAND_set_DRBG_type(null, 'HASH-DRBG', null, null, 'SHA2-512');
 *
 * Keys: `random` (the DRBG, default "CTR-DRBG"), `cipher` (default "AES-256-CTR"), `digest`,
 * `properties` (the query the DRBG is fetched with, also its "properties" parameter), `seed`
 * (default "SEED-SRC") and `seed_properties`. Every fetch goes through the library context's
 * providers and default properties (provider.ts): with randshim's FIPS provider loaded and
 * "fips=yes" the chain's DRBGs are the FIPS provider's.
 */
import { randomSectionEntries, type RandomSection } from '../../provider/openssl3/rand/random-config.js';
import type { OSSL_LIB_CTX } from './provider.js';
import { state3 } from './state.js';
import { providerCandidate, type ProviderName } from '../../provider/openssl3/core/provider-store.js';
import { lineBehaviour } from '../../provider/openssl3/lines.js';

export type { RandomConfig, RandomSection } from '../../provider/openssl3/rand/random-config.js';

/**
 * RAND_set_DRBG_type(ctx, drbg, propq, cipher, digest): the DRBG type (fetched as `drbg` with
 * the query `propq`) and its cipher or digest for the primary, public and private DRBGs;
 * NULL arguments fall back to the defaults. All four settings are replaced. Returns 1, or 0
 * with RAND_R_ALREADY_INSTANTIATED once the primary exists.
 *
 * @see RAND_set_DRBG_type(3)
 */
export function RAND_set_DRBG_type(ctx: OSSL_LIB_CTX, drbg: string | null, propq: string | null,
  cipher: string | null, digest: string | null): number {
  void ctx;
  return state3().chain.setDrbgType(drbg, propq, cipher, digest);
}

/**
 * RAND_set_seed_source_type(ctx, seed, propq): the seed source the primary pulls from (NULL:
 * "SEED-SRC"), fetched with `propq`. Returns 1, or 0 with RAND_R_ALREADY_INSTANTIATED once the
 * primary exists.
 *
 * @see RAND_set_DRBG_type(3)
 */
export function RAND_set_seed_source_type(ctx: OSSL_LIB_CTX, seed: string | null, propq: string | null): number {
  void ctx;
  return state3().chain.setSeedSourceType(seed, propq);
}

/**
 * The `[random]` section of openssl.cnf for the default library context (not an OpenSSL
 * function: what OPENSSL_init_crypto's config loading hands random_conf_init). `section` is
 * an object of the six keys, or the section's `name = value` lines in order (names
 * case-insensitive; later lines win). Keys not given keep their value. An unknown name raises
 * CRYPTO_R_UNKNOWN_NAME_IN_RANDOM_SECTION and the result is 0, but the other lines still
 * apply, as in OpenSSL (whose config loader then drops that error by default). Once the
 * primary DRBG exists the section is refused (RAND_R_ALREADY_INSTANTIATED, 0), as
 * RAND_set_DRBG_type is. From 3.5 a seventh key, `random_provider = NAME`, designates the
 * random provider (rand-provider.ts) when NAME is loaded and otherwise records the name; 3.0
 * refuses it as an unknown name. Returns 1 on success.
 */
export function RANDSHIM_3_configure(section: RandomSection): number {
  const entries = randomSectionEntries(section);
  if (!lineBehaviour().randomProvider) return state3().chain.configure(entries);
  // 3.5+ random_conf_init: random_provider = NAME designates NAME if it is loaded, else records
  // the name (crypto/rand/rand_lib.c); it is not a key of the chain's configuration
  const isRandomProvider = (e: readonly [string, string]): boolean => e[0].toLowerCase() === 'random_provider';
  const store = state3().store;
  for (const [, name] of entries.filter(isRandomProvider)) {
    store.randomProvider.configure(name, store.isLoaded(name) ? providerCandidate(name as ProviderName) : null);
  }
  const chainEntries = entries.filter((e) => !isRandomProvider(e));
  return chainEntries.length === 0 ? 1 : state3().chain.configure(chainEntries);
}
