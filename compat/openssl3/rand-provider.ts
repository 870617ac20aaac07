/**
 * The random provider and the replaceable public / private DRBGs of OpenSSL 3.5+ (the 3.0
 * personality does not export these): RAND_set1_random_provider (3.5), RAND_set0_public and
 * RAND_set0_private (3.1), and the step RAND_bytes_ex / RAND_priv_bytes_ex take after the
 * RAND_METHOD and before the chain (crypto/rand/rand_lib.c; crypto/provider_core.c:
 * ossl_provider_random_bytes). The library context must be null (the default one).
 */
import { cHandle, refuse, type ArgSite } from '../args/index.js';
import { FipsRandomBytes } from '../../provider/openssl3/rand/fips-random-bytes.js';
import { providerCandidate, type ProviderName } from '../../provider/openssl3/core/provider-store.js';
import { lineBehaviour } from '../../provider/openssl3/lines.js';
import type { RandomWhich } from '../../provider/openssl3/core/random-provider.js';
import { EVP_RAND_CTX, EVP_RAND_CTX_free, RANDSHIM_EVP_RAND_CTX_get0_impl } from './evp_rand.js';
import { OSSL_PROVIDER, type OSSL_LIB_CTX } from './provider.js';
import { state3 } from './state.js';

export { OSSL_PROV_RANDOM_PRIVATE, OSSL_PROV_RANDOM_PUBLIC } from '../../provider/openssl3/core/random-provider.js';

const RAND: ArgSite = { lib: 'RAND' };

/**
 * @internal What RAND_bytes_ex / RAND_priv_bytes_ex return through the random provider, or null
 * when the line has none or none is designated (the chain answers). A designated provider
 * without random_bytes gives 0 and queues nothing (ossl_provider_random_bytes).
 */
export function randomProviderBytes(which: RandomWhich, buf: Uint8Array | null, num: number, strength: number): number | null {
  if (!lineBehaviour().randomProvider) return null;
  const s = state3();
  const prov = s.store.randomProvider.provider;
  if (prov === null) return null;
  if (!prov.hasRandomBytes) return 0;
  s.fipsRandom ??= new FipsRandomBytes(s.env);
  return s.fipsRandom.randomBytes(which, buf ?? new Uint8Array(0), num, strength);
}

/**
 * RAND_set1_random_provider(ctx, prov): RAND_bytes and RAND_priv_bytes of `ctx` go to `prov`'s
 * random_bytes from now on (a provider without one, such as "default", makes them return 0 with
 * an empty error queue); NULL switches the mechanism off (a later load of "fips" is not hooked).
 * Returns 1.
 *
 * @see RAND_set1_random_provider(3)
 */
export function RAND_set1_random_provider(ctx: OSSL_LIB_CTX, prov: OSSL_PROVIDER | null): number {
  void ctx;
  const p = cHandle(prov, OSSL_PROVIDER);
  if (p === undefined) return refuse(RAND);
  return state3().store.randomProvider.set1(p === null ? null : providerCandidate(p.name as ProviderName));
}

/** RAND_set0_public / RAND_set0_private: `rand` replaces the level's DRBG, the old one is freed. */
function set0(level: 'public' | 'private', rand: EVP_RAND_CTX | null): number {
  const r = cHandle(rand, EVP_RAND_CTX);
  if (r === undefined) return refuse(RAND);
  const s = state3();
  const impl = r === null ? null : RANDSHIM_EVP_RAND_CTX_get0_impl(r);
  if (r !== null && impl !== null) s.chainCtxs.set(impl, r);
  const old = s.chain.replaceSecondary(level, impl);
  if (old !== null) {
    const oldCtx = s.chainCtxs.get(old) as EVP_RAND_CTX | undefined;
    s.chainCtxs.delete(old);
    if (oldCtx !== undefined) EVP_RAND_CTX_free(oldCtx);
    else old.free();
  }
  return 1;
}

/**
 * RAND_set0_public(ctx, rand): `rand` (owned from now on; NULL: none) becomes the public DRBG
 * RAND_get0_public returns and RAND_bytes uses when no random provider answers; the previous one
 * is freed (EVP_RAND_CTX_free: an up_ref'd context survives it). Returns 1.
 *
 * @see RAND_set0_public(3)
 */
export function RAND_set0_public(ctx: OSSL_LIB_CTX, rand: EVP_RAND_CTX | null): number {
  void ctx;
  return set0('public', rand);
}

/**
 * RAND_set0_private(ctx, rand): as RAND_set0_public, for the private DRBG.
 *
 * @see RAND_set0_public(3)
 */
export function RAND_set0_private(ctx: OSSL_LIB_CTX, rand: EVP_RAND_CTX | null): number {
  void ctx;
  return set0('private', rand);
}
