/**
 * The FIPS provider's random_bytes (providers/fips/fipsprov.c: fips_random_bytes), what
 * RAND_bytes_ex / RAND_priv_bytes_ex of a 3.5+ library context reach when "fips" is its random
 * provider: RAND_bytes_ex (OSSL_PROV_RANDOM_PUBLIC) or RAND_priv_bytes_ex (PRIVATE) in the
 * module's own library context, i.e. EVP_RAND_generate(drbg, buf, n, strength, 0, NULL, 0) on
 * that context's chain, which since 3.4 is (crypto/rand/rand_lib.c, FIPS_MODULE:
 * rand_get0_primary, rand_new_crngt, rand_new_drbg):
 *
 *   primary = CRNG-TEST with no parent (no seed source in the module), instantiated with nothing
 *   public, private = CTR-DRBG (AES-256-CTR, derivation function) under it,
 *                     reseed every 65536 requests / 420 s (SECONDARY_RESEED_*)
 *
 * Modelled: that shape, the FIPS CTR-DRBG rules (./fips-drbg.ts), CRNG-TEST's SP 800-90B health
 * tests on every seed (./crng-test.ts), the nonce through the entropy + 50 % path (CRNG-TEST
 * has no nonce function). Not modelled: the per-thread copies (JavaScript has one thread), the
 * core's get_user_entropy up-call drawing from the application's SEED-SRC once that exists
 * (crypto/rand/prov_seed.c; here CRNG-TEST reads the OS pool, as it does before the application
 * made a seed source), and the module's self-tests before first use (./self-test.ts models them
 * separately). The chain's output is OS-seeded, so only whether bytes came is comparable.
 */
import { osEntropy } from '../../rand-pool/os-pool.js';
import { providerMethod } from '../core/provider-store.js';
import { evpGenerate, evpInstantiate } from './evp-rand.js';
import { newRandCtx, type RandEnvironment } from './evp-rand-fetch.js';
import { DEFAULT_DRBG_CIPHER, SECONDARY_RESEED_INTERVAL, SECONDARY_RESEED_TIME_INTERVAL } from './random-config.js';
import { OSSL_PROV_RANDOM_PRIVATE, type RandomWhich } from '../core/random-provider.js';
import type { RandImpl } from '../rands/rand-impl.js';
import { CrngTest } from '../fips/crng-test.js';

export class FipsRandomBytes {
  private crng: CrngTest | null = null;
  private publicDrbg: RandImpl | null = null;
  private privateDrbg: RandImpl | null = null;

  constructor(private readonly env: RandEnvironment) {}

  /** fips_random_bytes(provctx, which, buf, n, strength): 1, or 0 with the module's errors. */
  randomBytes(which: RandomWhich, buf: Uint8Array, n: number, strength: number): number {
    const drbg = which === OSSL_PROV_RANDOM_PRIVATE ? (this.privateDrbg ??= this.newDrbg()) : (this.publicDrbg ??= this.newDrbg());
    if (drbg === null) return 0;
    return evpGenerate(drbg, buf, strength, false, null, n, 0) ? 1 : 0;
  }

  /** rand_get0_primary (FIPS_MODULE): CRNG-TEST, created and instantiated once. */
  private primary(): CrngTest {
    if (this.crng === null) {
      this.crng = new CrngTest(null, this.env.osEntropy ?? osEntropy);
      this.crng.instantiate();
    }
    return this.crng;
  }

  /** rand_new_drbg in the module: its CTR-DRBG under CRNG-TEST (null when it cannot be made;
   * the DRBG's own errors stay queued, as the module's do). */
  private newDrbg(): RandImpl | null {
    const method = providerMethod('fips', 'CTR-DRBG');
    if (method === null) return null;
    const drbg = newRandCtx(method, this.primary(), this.env, undefined);
    if (drbg === null) return null;
    const params = {
      cipher: DEFAULT_DRBG_CIPHER, reseed_requests: SECONDARY_RESEED_INTERVAL, reseed_time_interval: SECONDARY_RESEED_TIME_INTERVAL,
    };
    if (!evpInstantiate(drbg, 0, false, null, params)) {
      drbg.free();
      return null;
    }
    return drbg;
  }

  /** The module unloaded: every context freed (their secrets wiped by free). */
  free(): void {
    this.publicDrbg?.free();
    this.privateDrbg?.free();
    this.crng?.free();
    this.publicDrbg = this.privateDrbg = this.crng = null;
  }
}
