/**
 * Probes of what 3.5, 3.6 and 4.0 change beyond the reach of today's 3.x suites, run in a line's
 * child (or the 3.0 control) on its real library: which of the new or removed RAND symbols it
 * exports, TEST-RAND's `generate` mode, a repeated key in one OSSL_PARAM array, SEED-SRC in the
 * base provider, and the random provider that RAND_bytes goes to when a provider named "fips" is
 * loaded (crypto/rand/rand_lib.c: RAND_bytes_ex, RAND_set1_random_provider). Each probe
 * reports plain values (return codes, hex, decoded error queue); test/interop/lines.spec.ts
 * asserts them per line against the rows of differences.ts they prove.
 */
import { existsSync } from 'node:fs';
import { toHex } from '../../../provider/bytes.js';
import type { ReportedError } from '../../suites/differential/driver.js';
import { drainErrors3 } from '../openssl3/error-names.js';
import type { LibCrypto3 } from '../openssl3/libcrypto.js';
import { ParamArrays, type ParamEntry } from '../openssl3/param-build.js';
import type { Pointer } from '../../ffi/types.js';

export interface ProbeStep {
  readonly call: string;
  readonly ret: number | string | null;
  /** Hex, or "N random bytes" for OS-seeded output. */
  readonly out?: string;
  readonly errors: readonly ReportedError[];
}

export interface ProbeResults {
  /** Symbol name -> exported by the library. */
  readonly symbols: Readonly<Record<string, boolean>>;
  readonly probes: Readonly<Record<string, readonly ProbeStep[]>>;
}

/** New in 3.1-3.5 (include/openssl/rand.h, evp.h), and the one 4.0 removed. */
export const PROBED_SYMBOLS = ['RAND_set0_public', 'RAND_set0_private', 'EVP_RAND_CTX_up_ref', 'RAND_set1_random_provider',
  'OSSL_INDICATOR_set_callback', 'RAND_set_rand_engine', 'ENGINE_get_default_RAND'] as const;

/** `fipsConfig`: a config that loads the line's FIPS provider and base (absent for 3.0). */
export function runProbes(c: LibCrypto3, fipsConfig: string | null): ProbeResults {
  const symbols: Record<string, boolean> = {};
  for (const s of PROBED_SYMBOLS) symbols[s] = c.library.symbol(s) !== 0n;
  const params = new ParamArrays(c);
  const probes: Record<string, ProbeStep[]> = {};
  try {
    probes['test-rand-generate'] = testRandGenerate(c, params);
    probes['repeated-strength'] = repeatedStrength(c, params);
    probes['seed-src-base'] = seedSrcBase(c);
    if (fipsConfig !== null && existsSync(fipsConfig) && symbols.RAND_set1_random_provider) {
      probes['random-provider'] = randomProvider(c, fipsConfig);
    }
  } finally {
    params.close();
    c.ERR_clear_error();
  }
  return { symbols, probes };
}

/** `out`: hex, or a description of OS-seeded output. */
function step(c: LibCrypto3, call: string, ret: number | string | null, out?: string): ProbeStep {
  return { call, ret, ...(out === undefined ? {} : { out }), errors: drainErrors3(c) };
}

/** A TEST-RAND (no parent) given `entries` by one set_params (the step `label`), then the steps
 * `then` takes on it; freed afterwards. */
function onTestRand(c: LibCrypto3, params: ParamArrays, entries: ParamEntry[], label: string,
  then: (ctx: Pointer) => ProbeStep[]): ProbeStep[] {
  const rand = c.EVP_RAND_fetch(0n, 'TEST-RAND', null);
  const ctx = c.EVP_RAND_CTX_new(rand, 0n);
  try {
    const p = params.build(entries);
    const set = step(c, label, c.EVP_RAND_CTX_set_params(ctx, p));
    params.free(p);
    return [set, ...then(ctx)];
  } finally {
    c.EVP_RAND_CTX_free(ctx);
    c.EVP_RAND_free(rand);
  }
}

/** A TEST-RAND of strength 256 with `generate` = 1, instantiated, asked for 16 bytes
 * (providers/implementations/rands/test_rng.c: test_rng_generate, gen_byte). */
function testRandGenerate(c: LibCrypto3, params: ParamArrays): ProbeStep[] {
  return onTestRand(c, params, [['strength', { type: 'uint', value: 256 }], ['generate', { type: 'uint', value: 1 }]],
    'set strength=256 generate=1', (ctx) => {
      const instantiated = step(c, 'instantiate', c.EVP_RAND_instantiate(ctx, 0, 0, null, 0, 0n));
      const out = new Uint8Array(16);
      const ret = c.EVP_RAND_generate(ctx, out, out.length, 0, 0, null, 0);
      return [instantiated, step(c, 'generate 16', ret, ret === 1 ? toHex(out) : undefined)];
    });
}

/** set_params(strength=256, strength=128) on a TEST-RAND, then its strength. */
function repeatedStrength(c: LibCrypto3, params: ParamArrays): ProbeStep[] {
  return onTestRand(c, params, [['strength', { type: 'uint', value: 256 }], ['strength', { type: 'uint', value: 128 }]],
    'set strength=256 strength=128', (ctx) => [step(c, 'get_strength', c.EVP_RAND_get_strength(ctx))]);
}

/** In a new library context with only the base provider: EVP_RAND_fetch(SEED-SRC). */
function seedSrcBase(c: LibCrypto3): ProbeStep[] {
  const ctx = c.OSSL_LIB_CTX_new();
  const steps: ProbeStep[] = [];
  try {
    const base = c.OSSL_PROVIDER_load(ctx, 'base');
    steps.push(step(c, 'OSSL_PROVIDER_load base', base === 0n ? 0 : 1));
    const rand = c.EVP_RAND_fetch(ctx, 'SEED-SRC', 'provider=base');
    const provider = rand === 0n ? null : c.OSSL_PROVIDER_get0_name(c.EVP_RAND_get0_provider(rand));
    steps.push(step(c, 'EVP_RAND_fetch SEED-SRC provider=base', rand === 0n ? null : `${c.EVP_RAND_get0_name(rand)} @ ${provider}`));
    if (rand !== 0n) c.EVP_RAND_free(rand);
  } finally {
    c.OSSL_LIB_CTX_free(ctx);
  }
  return steps;
}

/**
 * A library context that loads the line's FIPS provider (and base): RAND_bytes_ex goes to the
 * "fips" random provider; pointed at "default", which has no random_bytes, it returns 0 with an
 * empty error queue; RAND_set1_random_provider(ctx, NULL) restores the built-in chain.
 */
function randomProvider(c: LibCrypto3, fipsConfig: string): ProbeStep[] {
  const lib = c.library;
  const loadConfig = lib.func('OSSL_LIB_CTX_load_config', 'int', ['ptr', 'cstr']);
  const setRandomProvider = lib.func('RAND_set1_random_provider', 'int', ['ptr', 'ptr']);
  const ctx = c.OSSL_LIB_CTX_new();
  const steps: ProbeStep[] = [];
  const bytes = (label: string): void => {
    const out = new Uint8Array(16);
    const ret = c.RAND_bytes_ex(ctx, out, out.length, 0);
    // OS-seeded bytes: only whether they came is compared
    steps.push(step(c, label, ret, ret === 1 ? `${out.length} random bytes` : undefined));
  };
  try {
    steps.push(step(c, 'OSSL_LIB_CTX_load_config fips.cnf', loadConfig(ctx, fipsConfig)));
    steps.push(step(c, 'OSSL_PROVIDER_available fips', c.OSSL_PROVIDER_available(ctx, 'fips')));
    bytes('RAND_bytes_ex 16 (random provider fips)');
    const dflt: Pointer = c.OSSL_PROVIDER_load(ctx, 'default');
    steps.push(step(c, 'RAND_set1_random_provider default', setRandomProvider(ctx, dflt)));
    bytes('RAND_bytes_ex 16 (random provider default)');
    steps.push(step(c, 'RAND_set1_random_provider NULL', setRandomProvider(ctx, 0n)));
    bytes('RAND_bytes_ex 16 (built-in chain)');
  } finally {
    c.OSSL_LIB_CTX_free(ctx);
  }
  return steps;
}
