/**
 * EVP_RAND_CTX_new over randshim's RAND implementations (crypto/evp/evp_rand.c): create a
 * context of a fetched method under an optional parent. Fetching itself (a name and a property
 * query under the library context's default properties) is the {@link ProviderStore}'s: the
 * default chain and compat's EVP_RAND_fetch both go through it, so a `[random] properties`
 * query and FIPS mode select the same implementation EVP_RAND_fetch would.
 */
import { DrbgCtx, type DrbgCtxOptions, type UnconfiguredMechanism } from '../rands/drbg.js';
import { FipsDrbgCtx } from '../fips/fips-drbg.js';
import { lineBehaviour } from '../lines.js';
import { SeedSrc } from '../rands/seed-src.js';
import { TestRand } from '../rands/test-rand.js';
import { raise } from '../../err/queue.js';
import type { RandMethod } from '../core/provider-store.js';
import type { RandImpl } from '../rands/rand-impl.js';

/** What a context needs from its surroundings besides its parent: the provider's environment
 * (OS entropy and nonce for a parentless DRBG, clock, fork id, primitive backend) and the
 * address it passes as additional input to its children. `osEntropy` also feeds SEED-SRC.
 * Whether a DRBG behaves as the FIPS module's follows from the method's provider. */
export type RandEnvironment = Omit<DrbgCtxOptions, 'mechanism' | 'parent' | 'identity' | 'fips'>;

/**
 * EVP_RAND_CTX_new(fetched, parent): the provider's newctx. A DRBG gets the environment,
 * `identity` and the FIPS behaviour when `method` is the FIPS provider's; SEED-SRC refuses a
 * parent (PROV_R_SEED_SOURCES_MUST_NOT_HAVE_A_PARENT). On failure EVP raises
 * ERR_R_MALLOC_FAILURE (sic, evp_rand.c) and null is returned.
 */
export function newRandCtx(method: RandMethod, parent: RandImpl | null, env: RandEnvironment,
  identity: Uint8Array | undefined): RandImpl | null {
  let ctx: RandImpl | null;
  switch (method.name) {
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
    default: {
      const options = {
        ...env,
        mechanism: { type: method.name } as UnconfiguredMechanism,
        parent,
        ...(identity === undefined ? {} : { identity }),
      };
      // the FIPS provider of 3.5+ is randshim's model of it (provider/openssl3/fips); 3.0's
      // FIPS-behaviour DRBG is read from source
      const fipsLine = method.provider === 'fips' ? lineBehaviour().line : null;
      ctx = fipsLine === null || fipsLine === '3.0'
        ? DrbgCtx.create({ ...options, fips: fipsLine !== null })
        : FipsDrbgCtx.createFips(options, { line: fipsLine, drbgNoTruncMd: false });
    }
  }
  // 3.5 replaced evp_rand.c's malloc-failure raises with ERR_R_EVP_LIB
  if (ctx === null) raise('EVP', lineBehaviour().ctxNewFailureIsEvpLib ? 'EVP_LIB' : 'MALLOC_FAILURE');
  return ctx;
}
