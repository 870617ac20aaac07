/**
 * The random provider sequences (./random-provider-steps.ts) on a 3.5+ line's real libcrypto, in
 * the line's child: each sequence in a fresh OSSL_LIB_CTX; the FIPS provider (and base) loaded
 * with the line's fips.cnf; `[random] random_provider = NAME` through a configuration written
 * next to it that includes the line's fipsmodule.cnf and activates fips, base and default before
 * the random section (crypto/conf: modules run in the order of the openssl_init section).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drainErrors3 } from '../openssl3/error-names.js';
import type { LibCrypto3 } from '../openssl3/libcrypto.js';
import { ParamArrays } from '../openssl3/param-build.js';
import type { Pointer } from '../../ffi/types.js';
import {
  runRandomProviderSequences, type CtxHandle, type RandomProviderApi, type RandomProviderRun, type RandomProviderSetup,
} from './random-provider-steps.js';

/** The fipsmodule.cnf a line's fips.cnf includes. */
function fipsModuleConfig(fipsConfig: string): string {
  const include = readFileSync(fipsConfig, 'utf8').split('\n').find((l) => l.startsWith('.include '));
  if (include === undefined) throw new Error(`${fipsConfig} includes no fipsmodule.cnf`);
  return include.slice('.include '.length).trim();
}

function randomProviderConfig(fipsModule: string, name: string): string {
  return [
    'openssl_conf = openssl_init',
    `.include ${fipsModule}`,
    '[openssl_init]', 'providers = provider_sect', 'random = random_sect',
    '[provider_sect]', 'fips = fips_sect', 'base = base_sect', 'default = default_sect',
    '[base_sect]', 'activate = 1',
    '[default_sect]', 'activate = 1',
    '[random_sect]', `random_provider = ${name}`, '',
  ].join('\n');
}

export function runRandomProviderLibcrypto(c: LibCrypto3, fipsConfig: string): RandomProviderRun[] {
  const lib = c.library;
  const loadConfig = lib.func('OSSL_LIB_CTX_load_config', 'int', ['ptr', 'cstr']);
  const setRandomProvider = lib.func('RAND_set1_random_provider', 'int', ['ptr', 'ptr']);
  const set0Public = lib.func('RAND_set0_public', 'int', ['ptr', 'ptr']);
  const set0Private = lib.func('RAND_set0_private', 'int', ['ptr', 'ptr']);
  const ctxUpRef = lib.func('EVP_RAND_CTX_up_ref', 'int', ['ptr']);
  const dir = mkdtempSync(join(tmpdir(), 'randshim-random-provider-'));
  const fipsModule = fipsModuleConfig(fipsConfig);
  const params = new ParamArrays(c);
  let libctx: Pointer = 0n;
  const handles: Pointer[] = [];
  const api: RandomProviderApi = {
    fresh(setup: RandomProviderSetup): number {
      libctx = c.OSSL_LIB_CTX_new();
      if (setup.kind === 'none') return libctx === 0n ? 0 : 1;
      if (setup.kind === 'fips') return loadConfig(libctx, fipsConfig);
      const file = join(dir, `random-provider-${handles.length}-${setup.randomProvider}.cnf`);
      writeFileSync(file, randomProviderConfig(fipsModule, setup.randomProvider));
      return loadConfig(libctx, file);
    },
    bytes: (priv, out) => (priv ? c.RAND_priv_bytes_ex : c.RAND_bytes_ex)(libctx, out, out.length, 0),
    loadFipsAgain: () => (c.OSSL_PROVIDER_load(libctx, 'fips') === 0n ? 0 : 1),
    setRandomProvider: (name) => setRandomProvider(libctx, name === null ? 0n : c.OSSL_PROVIDER_load(libctx, name)),
    newTestRand(entropy: Uint8Array): CtxHandle | null {
      const rand = c.EVP_RAND_fetch(libctx, 'TEST-RAND', null);
      if (rand === 0n) return null;
      const ctx = c.EVP_RAND_CTX_new(rand, 0n);
      c.EVP_RAND_free(rand);
      if (ctx === 0n) return null;
      const p = params.build([['strength', { type: 'uint', value: 256 }], ['test_entropy', { type: 'octets', value: entropy }]]);
      const ok = c.EVP_RAND_CTX_set_params(ctx, p) === 1 && c.EVP_RAND_instantiate(ctx, 0, 0, null, 0, 0n) === 1;
      params.free(p);
      if (!ok) {
        c.EVP_RAND_CTX_free(ctx);
        return null;
      }
      handles.push(ctx);
      return handles.length - 1;
    },
    set0: (priv, h) => (priv ? set0Private : set0Public)(libctx, h === null ? 0n : handles[h] as Pointer),
    get0Is: (priv, h) => ((priv ? c.RAND_get0_private : c.RAND_get0_public)(libctx) === handles[h] ? 1 : 0),
    get0Exists: (priv) => ((priv ? c.RAND_get0_private : c.RAND_get0_public)(libctx) === 0n ? 0 : 1),
    upRef: (h) => ctxUpRef(handles[h] as Pointer),
    free: (h) => c.EVP_RAND_CTX_free(handles[h] as Pointer),
    state: (h) => c.EVP_RAND_get_state(handles[h] as Pointer),
    errors: () => drainErrors3(c),
    close(): void {
      // 3.6+ keep public / private in thread-local storage keyed by the OSSL_LIB_CTX pointer and
      // register their cleanup only when rand_get0_public / _private create one, so a DRBG given
      // by RAND_set0_* to a context that had none outlives OSSL_LIB_CTX_free and is inherited
      // by the next context malloc places at that address (crypto/rand/rand_lib.c 3.6:
      // RAND_set0_public, rand_delete_thread_state). Handing them back first keeps each
      // sequence on a fresh context.
      set0Public(libctx, 0n);
      set0Private(libctx, 0n);
      c.OSSL_LIB_CTX_free(libctx);
      libctx = 0n;
      c.ERR_clear_error();
    },
  };
  try {
    return runRandomProviderSequences(api);
  } finally {
    params.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
