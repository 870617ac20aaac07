/**
 * randshim's providers and the EVP_RAND method store (crypto/evp/evp_fetch.c,
 * crypto/property/property.c ossl_method_store_fetch): which RAND algorithm implementation a
 * name and a property query fetch, under the library context's default properties.
 *
 * Three providers:
 * - "default": CTR-DRBG, HASH-DRBG, HMAC-DRBG, SEED-SRC and TEST-RAND, defined
 *   "provider=default" (providers/defltprov.c). Always loaded, as OpenSSL's default provider
 *   is when nothing else was loaded first.
 * - "fips": randshim's FIPS-behaviour provider, loaded only on request (OSSL_PROVIDER_load).
 *   CTR-DRBG, HASH-DRBG and HMAC-DRBG defined "provider=fips,fips=yes" and TEST-RAND
 *   "provider=fips,fips=no" (providers/fips/fipsprov.c). Its DRBGs behave as the FIPS module's
 *   drbg.c does (FIPS_MODULE: an entropy buffer given to reseed is additional input only) and
 *   fetch their ciphers and digests from the FIPS provider. This is from code reading only:
 *   no FIPS provider was run (the system OpenSSL has none); the self-tests, the continuous RNG
 *   test (crngt.c) on the entropy of a parentless DRBG and the FIPS indicator are not modelled.
 *
 * - "base": loadable on every line; from 3.5 it offers SEED-SRC, defined "provider=base"
 *   (providers/baseprov.c: base_rands), the same seed source as the default provider's. 3.0's
 *   base provider has no RAND algorithm.
 *
 * Implementations are tried in provider load order ("default" first); without a query the
 * first one wins, with one the best ossl_property_match_count wins (the first on a tie; a
 * query without optional clauses takes the first match). A query that does not parse is
 * ignored (the default properties alone apply), as the store does.
 */
import {
  mergeProperties, parseDefinition, parsePropertyQuery, propertyMatchCount, type PropertyClause, type PropertyDefinition,
} from './properties.js';
import { raise } from '../../err/queue.js';
import { lineBehaviour } from '../lines.js';
import { RandomProviderDesignation } from './random-provider.js';

/** The property definitions of the default provider's DRBGs (providers/defltprov.c) and of the
 * FIPS provider's (providers/fips/fipsprov.c), as strings and parsed. */
export const DEFAULT_PROVIDER_PROPERTIES = 'provider=default';
export const FIPS_PROVIDER_PROPERTIES = 'provider=fips,fips=yes';
export const DEFAULT_PROVIDER_DEFINITION: PropertyDefinition = parseDefinition(DEFAULT_PROVIDER_PROPERTIES);
export const FIPS_PROVIDER_DEFINITION: PropertyDefinition = parseDefinition(FIPS_PROVIDER_PROPERTIES);

export const RAND_ALGORITHM_NAMES = ['CTR-DRBG', 'HASH-DRBG', 'HMAC-DRBG', 'SEED-SRC', 'TEST-RAND'] as const;
export type RandAlgorithmName = (typeof RAND_ALGORITHM_NAMES)[number];

export type ProviderName = 'default' | 'fips' | 'base';
export const PROVIDER_NAMES: readonly ProviderName[] = ['default', 'fips', 'base'];

/** One implementation in the store (an OSSL_ALGORITHM of a provider's RAND table). */
export interface RandMethod {
  readonly name: RandAlgorithmName;
  readonly provider: ProviderName;
  /** The property definition string, e.g. "provider=default". */
  readonly properties: string;
  readonly definition: PropertyDefinition;
  /** Offered only on the lines where this flag of the per-line table is set. */
  readonly since?: 'seedSrcInBase';
}

function method(name: RandAlgorithmName, provider: ProviderName, properties: string, since?: RandMethod['since']): RandMethod {
  return { name, provider, properties, definition: parseDefinition(properties), ...(since === undefined ? {} : { since }) };
}

/** Whether the running call's line offers `m`. */
const offered = (m: RandMethod): boolean => m.since === undefined || lineBehaviour()[m.since];

const METHODS: readonly RandMethod[] = [
  ...(['CTR-DRBG', 'HASH-DRBG', 'HMAC-DRBG', 'SEED-SRC', 'TEST-RAND'] as const)
    .map((n) => method(n, 'default', DEFAULT_PROVIDER_PROPERTIES)),
  ...(['CTR-DRBG', 'HASH-DRBG', 'HMAC-DRBG'] as const).map((n) => method(n, 'fips', FIPS_PROVIDER_PROPERTIES)),
  method('TEST-RAND', 'fips', 'provider=fips,fips=no'),
  method('SEED-SRC', 'base', 'provider=base', 'seedSrcInBase'),
];

/** The implementation `provider` itself offers under `name` (what a provider's own library
 * context fetches, e.g. the FIPS module's internal chain), or null. */
export function providerMethod(provider: ProviderName, name: RandAlgorithmName): RandMethod | null {
  return METHODS.find((m) => m.provider === provider && m.name === name && offered(m)) ?? null;
}

/** A provider as the random provider designation sees it: only the FIPS provider has
 * random_bytes (providers/fips/fipsprov.c: fips_random_bytes; defltprov.c has none). */
export function providerCandidate(name: ProviderName): { name: ProviderName; hasRandomBytes: boolean } {
  return { name, hasRandomBytes: name === 'fips' };
}

/** A library context's provider set and default properties. */
export class ProviderStore {
  private readonly loaded: ProviderName[] = ['default'];
  private defaults: PropertyClause[] | null = null;
  /** The library context's random provider (3.5+; crypto/rand/rand_lib.c RAND_GLOBAL). */
  readonly randomProvider = new RandomProviderDesignation();

  /** OSSL_PROVIDER_load: true when `name` is (now) loaded; false for an unknown provider. Each
   * load activates the provider, and from 3.5 provider_activate (crypto/provider_core.c) offers
   * one with random_bytes (the FIPS provider) to the random provider designation. */
  load(name: string): boolean {
    if (!(PROVIDER_NAMES as readonly string[]).includes(name)) return false;
    if (!this.loaded.includes(name as ProviderName)) this.loaded.push(name as ProviderName);
    if (lineBehaviour().randomProvider) this.randomProvider.onActivate(providerCandidate(name as ProviderName));
    return true;
  }

  /** OSSL_PROVIDER_unload. The default provider stays. The FIPS provider stops being the random
   * provider (ossl_rand_check_random_provider_on_unload). */
  unload(name: ProviderName): void {
    if (name === 'default') return;
    const i = this.loaded.indexOf(name);
    if (i >= 0) this.loaded.splice(i, 1);
    this.randomProvider.onUnload(name);
  }

  isLoaded(name: string): boolean {
    return this.loaded.includes(name as ProviderName);
  }

  /** EVP_set_default_properties: false (EVP_R_DEFAULT_QUERY_PARSE_ERROR raised) if `query`
   * does not parse. */
  setDefaultProperties(query: string | null): boolean {
    if (query === null) {
      this.defaults = null;
      return true;
    }
    const clauses = parsePropertyQuery(query);
    if (clauses === null) {
      raise('EVP', 'DEFAULT_QUERY_PARSE_ERROR');
      return false;
    }
    this.defaults = clauses;
    return true;
  }

  /** EVP_default_properties_enable_fips: merges "fips=yes" (or "-fips") into the defaults. */
  enableFips(enable: boolean): boolean {
    const clauses = parsePropertyQuery(enable ? 'fips=yes' : '-fips') as PropertyClause[];
    this.defaults = this.defaults === null ? clauses : mergeProperties(clauses, this.defaults);
    return true;
  }

  /** EVP_default_properties_is_fips_enabled: the defaults hold a mandatory fips=yes. */
  isFipsEnabled(): boolean {
    const fips = this.defaults?.find((c) => c.name === 'fips');
    if (fips === undefined || fips.optional || fips.op === 'override') return false;
    const isYes = fips.value.kind === 'string' && fips.value.text === 'yes';
    return fips.op === 'eq' ? isYes : !isYes;
  }

  /** The default properties as a query string ("" when none). */
  get defaultProperties(): readonly PropertyClause[] {
    return this.defaults ?? [];
  }

  /**
   * EVP_RAND_fetch(libctx, name, properties): the implementation, or null after raising
   * ERR_LIB_EVP ERR_R_UNSUPPORTED (an unknown name, or no implementation matching).
   */
  fetchRand(name: string | null, properties: string | null): RandMethod | null {
    // 3.5 and 3.6 find a name with trailing spaces ("CTR-DRBG "); 3.0 and 4.0 do not
    const upper = (lineBehaviour().fetchTrimsName ? name?.replace(/ +$/, '') : name)?.toUpperCase();
    const candidates = this.loaded.flatMap((prov) => METHODS.filter((m) => m.provider === prov && m.name === upper && offered(m)));
    let query: PropertyClause[] | null = properties === null ? null : parsePropertyQuery(properties);
    if (this.defaults !== null) query = query === null ? this.defaults : mergeProperties(query, this.defaults);
    let best: RandMethod | null = null;
    if (query === null) {
      best = candidates[0] ?? null;
    } else {
      const optional = query.some((q) => q.optional);
      let bestScore = -1;
      for (const m of candidates) {
        const score = propertyMatchCount(query, m.definition);
        if (score > bestScore) {
          best = m;
          bestScore = score;
          if (!optional) break;
        }
      }
    }
    if (best === null) raise('EVP', 'UNSUPPORTED');
    return best;
  }
}
