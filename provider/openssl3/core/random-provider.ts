/**
 * The random provider of OpenSSL 3.5+ (crypto/rand/rand_lib.c, RAND_GLOBAL's random_provider
 * and random_provider_name): per library context, the name of the provider RAND_bytes_ex and
 * RAND_priv_bytes_ex hand their requests to (OSSL_FUNC_provider_random_bytes) instead of the
 * built-in chain, and the provider designated under that name once it is active.
 *
 * - ossl_rand_ctx_new presets the name "fips".
 * - ossl_rand_check_random_provider_on_load (from crypto/provider_core.c: provider_activate, for a
 *   provider that has random_bytes): hooks it when no provider is designated yet and its name
 *   equals the recorded one (strcmp: case matters).
 * - ossl_rand_check_random_provider_on_unload: forgets it when that provider goes.
 * - RAND_set1_random_provider(ctx, NULL): no name and no provider (the mechanism is off, and a
 *   later load of "fips" hooks nothing); (ctx, prov): records prov's name and designates it,
 *   whether or not it has random_bytes.
 * - `[random] random_provider = NAME` (random_conf_init): RAND_set1_random_provider when NAME is
 *   a loaded provider, then OSSL_PROVIDER_unload of the reference ossl_provider_find took, which
 *   deactivates it once and so un-hooks it if it has random_bytes (the FIPS provider); otherwise
 *   only the name is recorded (set_random_provider_name, which keeps a provider already
 *   designated).
 * - every deactivation of the designated provider (provider_deactivate, also an
 *   OSSL_PROVIDER_unload that leaves it loaded) un-hooks it; the next activation hooks it again.
 */

/** What the designation needs to know about a provider. */
export interface RandomProviderCandidate {
  readonly name: string;
  /** The provider's dispatch table has OSSL_FUNC_PROVIDER_RANDOM_BYTES (only the FIPS
   * provider among OpenSSL's own: providers/fips/fipsprov.c fips_random_bytes). */
  readonly hasRandomBytes: boolean;
}

/** OSSL_PROV_RANDOM_PUBLIC / OSSL_PROV_RANDOM_PRIVATE (include/openssl/core_dispatch.h). */
export const OSSL_PROV_RANDOM_PUBLIC = 0;
export const OSSL_PROV_RANDOM_PRIVATE = 1;
export type RandomWhich = typeof OSSL_PROV_RANDOM_PUBLIC | typeof OSSL_PROV_RANDOM_PRIVATE;

/** The random provider name preset by ossl_rand_ctx_new (random_provider_fips_name). */
export const DEFAULT_RANDOM_PROVIDER_NAME = 'fips';

export class RandomProviderDesignation {
  private recordedName: string | null = DEFAULT_RANDOM_PROVIDER_NAME;
  private designated: RandomProviderCandidate | null = null;

  /** dgbl->random_provider_name. */
  get name(): string | null {
    return this.recordedName;
  }

  /** dgbl->random_provider: the provider RAND_bytes goes to, or null (the chain). */
  get provider(): RandomProviderCandidate | null {
    return this.designated;
  }

  /** ossl_rand_check_random_provider_on_load. */
  onActivate(prov: RandomProviderCandidate): void {
    if (!prov.hasRandomBytes || this.recordedName === null || this.designated !== null) return;
    if (this.recordedName === prov.name) this.designated = prov;
  }

  /** ossl_rand_check_random_provider_on_unload. */
  onUnload(name: string): void {
    if (this.designated?.name === name) this.designated = null;
  }

  /** RAND_set1_random_provider: always 1. */
  set1(prov: RandomProviderCandidate | null): number {
    if (prov === null) {
      this.recordedName = null;
      this.designated = null;
      return 1;
    }
    if (this.designated?.name === prov.name) return 1;
    this.recordedName = prov.name;
    this.designated = prov;
    return 1;
  }

  /** random_conf_init's random_provider line: `loaded` is the provider of that name, if any. */
  configure(name: string, loaded: RandomProviderCandidate | null): number {
    if (loaded !== null) {
      this.set1(loaded);
      // random_conf_init then drops ossl_provider_find's reference with OSSL_PROVIDER_unload,
      // whose provider_deactivate un-hooks a provider that has random_bytes even though it stays
      // loaded (crypto/provider_core.c): naming the FIPS provider switches it off as the random
      // provider (seen on 3.5.9, 3.6.5 and 4.0.3); naming "default" keeps it designated
      if (loaded.hasRandomBytes) this.onUnload(loaded.name);
      return 1;
    }
    // set_random_provider_name: the same name (any case) is kept as it was
    if (this.recordedName === null || this.recordedName.toLowerCase() !== name.toLowerCase()) this.recordedName = name;
    return 1;
  }
}
