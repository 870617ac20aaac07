/**
 * EVP_RAND_fetch and EVP_RAND_CTX_new over randshim's RAND implementations (crypto/evp/
 * evp_rand.c, evp_fetch.c): look an algorithm up by name (case-insensitive, as OpenSSL's
 * namemap) and property query, then create a context under an optional parent.
 */
import { DrbgCtx, type DrbgCtxOptions, type UnconfiguredMechanism } from '../drbg/ctx.js';
import { SeedSrc } from '../entropy/seed-src.js';
import { TestRand } from '../entropy/test-rand.js';
import { raise } from '../errors.js';
import type { RandImpl } from '../rand.js';
import { matchesDefaultProvider } from './properties.js';

/** The RAND algorithms OpenSSL 3's default provider offers (providers/defltprov.c). */
export const RAND_ALGORITHMS = ['CTR-DRBG', 'HASH-DRBG', 'HMAC-DRBG', 'SEED-SRC', 'TEST-RAND'] as const;
export type RandAlgorithm = (typeof RAND_ALGORITHMS)[number];

/** What a context needs from its surroundings besides its parent: the provider's environment
 * (OS entropy and nonce for a parentless DRBG, clock, fork id, primitive backend) and the
 * address it passes as additional input to its children. `osEntropy` also feeds SEED-SRC. */
export type RandEnvironment = Omit<DrbgCtxOptions, 'mechanism' | 'parent' | 'identity'>;

/**
 * EVP_RAND_fetch: the algorithm called `name` whose definition matches `properties`, or null
 * after raising EVP_R_UNSUPPORTED (what inner_evp_generic_fetch raises both for an unknown
 * name and for a query no implementation satisfies).
 *
 * A query that does not parse is treated as no query at all, as ossl_method_store_fetch does
 * (crypto/property/property.c: `pq == NULL` takes the first implementation): "provider=fips,"
 * fetches the default provider's DRBG. OpenSSL leaves the parser's PROP_R_* error on the
 * queue; randshim's error libraries have no PROP, so nothing is raised here.
 */
export function fetchRand(name: string, properties: string | null | undefined): RandAlgorithm | null {
  const algorithm = RAND_ALGORITHMS.find((a) => a === name.toUpperCase());
  if (algorithm === undefined || matchesDefaultProvider(properties) === false) {
    raise('EVP', 'UNSUPPORTED');
    return null;
  }
  return algorithm;
}

/**
 * EVP_RAND_CTX_new(fetched, parent): the provider's newctx. A DRBG gets the environment and
 * `identity`; SEED-SRC refuses a parent (PROV_R_SEED_SOURCES_MUST_NOT_HAVE_A_PARENT). On
 * failure EVP raises ERR_R_MALLOC_FAILURE (sic, evp_rand.c) and null is returned.
 */
export function newRandCtx(algorithm: RandAlgorithm, parent: RandImpl | null, env: RandEnvironment,
  identity: Uint8Array | undefined): RandImpl | null {
  let ctx: RandImpl | null;
  switch (algorithm) {
    case 'SEED-SRC':
      if (parent !== null) {
        raise('PROV', 'SEED_SOURCES_MUST_NOT_HAVE_A_PARENT');
        ctx = null;
      } else {
        ctx = new SeedSrc(env.osEntropy);
      }
      break;
    case 'TEST-RAND':
      ctx = new TestRand();
      break;
    default:
      ctx = DrbgCtx.create({
        ...env,
        mechanism: { type: algorithm } as UnconfiguredMechanism,
        parent,
        ...(identity === undefined ? {} : { identity }),
      });
  }
  if (ctx === null) raise('EVP', 'MALLOC_FAILURE');
  return ctx;
}
