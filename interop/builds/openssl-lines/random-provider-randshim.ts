/**
 * The random provider sequences (./random-provider-steps.ts) on randshim's personality of a
 * 3.5+ line (compat/openssl3-lines: createPersonality3): each sequence after RANDSHIM_3_reset (a
 * fresh default library context); "fips loaded" is OSSL_PROVIDER_load(NULL, "fips") (randshim
 * has no base provider and its default provider is always there); `[random] random_provider =
 * NAME` is RANDSHIM_3_configure after loading fips, as the real configuration activates its
 * providers before the random section.
 */
import { drainErrors3 } from '../openssl3/error-names.js';
import { createPersonality3, type Personality3 } from '../../../compat/openssl3-lines/personality.js';
import type { EVP_RAND_CTX } from '../../../compat/openssl3/index.js';
import type { OpenSSL3Line } from '../../../provider/openssl3/lines.js';
import {
  runRandomProviderSequences, type CtxHandle, type RandomProviderApi, type RandomProviderRun, type RandomProviderSetup,
} from './random-provider-steps.js';

export function randomProviderApi(p: Personality3): RandomProviderApi {
  const handles: EVP_RAND_CTX[] = [];
  const ctx = (h: CtxHandle): EVP_RAND_CTX => handles[h] as EVP_RAND_CTX;
  return {
    fresh(setup: RandomProviderSetup): number {
      p.RANDSHIM_3_reset();
      if (setup.kind === 'none') return 1;
      if (p.OSSL_PROVIDER_load(null, 'fips') === null) return 0;
      return setup.kind === 'fips' ? 1 : p.RANDSHIM_3_configure([['random_provider', setup.randomProvider]]);
    },
    bytes: (priv, out) => (priv ? p.RAND_priv_bytes_ex : p.RAND_bytes_ex)(null, out, out.length, 0),
    loadFipsAgain: () => (p.OSSL_PROVIDER_load(null, 'fips') === null ? 0 : 1),
    setRandomProvider: (name) => p.RAND_set1_random_provider(null, name === null ? null : p.OSSL_PROVIDER_load(null, name)),
    newTestRand(entropy: Uint8Array): CtxHandle | null {
      const rand = p.EVP_RAND_fetch(null, 'TEST-RAND', null);
      if (rand === null) return null;
      const c = p.EVP_RAND_CTX_new(rand, null);
      p.EVP_RAND_free(rand);
      if (c === null) return null;
      const params = [
        p.OSSL_PARAM_construct_uint('strength', { value: 256 }),
        p.OSSL_PARAM_construct_octet_string('test_entropy', entropy, entropy.length),
        p.OSSL_PARAM_construct_end(),
      ];
      if (p.EVP_RAND_CTX_set_params(c, params) !== 1 || p.EVP_RAND_instantiate(c, 0, 0, null, 0, null) !== 1) {
        p.EVP_RAND_CTX_free(c);
        return null;
      }
      handles.push(c);
      return handles.length - 1;
    },
    set0: (priv, h) => (priv ? p.RAND_set0_private : p.RAND_set0_public)(null, h === null ? null : ctx(h)),
    get0Is: (priv, h) => ((priv ? p.RAND_get0_private : p.RAND_get0_public)(null) === ctx(h) ? 1 : 0),
    get0Exists: (priv) => ((priv ? p.RAND_get0_private : p.RAND_get0_public)(null) === null ? 0 : 1),
    upRef: (h) => p.EVP_RAND_CTX_up_ref(ctx(h)),
    free: (h) => p.EVP_RAND_CTX_free(ctx(h)),
    state: (h) => p.EVP_RAND_get_state(ctx(h)),
    errors: () => drainErrors3(p),
    close(): void {
      p.RANDSHIM_3_reset();
      p.ERR_clear_error();
    },
  };
}

/** The sequences on randshim's personality of `line`. */
export function runRandomProviderRandshim(line: OpenSSL3Line): RandomProviderRun[] {
  return runRandomProviderSequences(randomProviderApi(createPersonality3(line)));
}
