/**
 * What each line does in the probes of ./probes.ts, as data for the per-line personalities, with
 * the OpenSSL reason. test/interop/lines.spec.ts runs the probes on every line (and the 3.0
 * control) and requires exactly these results; TEST-RAND's `generate` output is checked against
 * {@link xorshiftBytes}, a model of test_rng.c written here (not randshim's code).
 */
import type { LineId } from './lines.js';
import type { ProbeResults, ProbeStep } from './probes.js';

export type ProbedLine = LineId | '3.0';

export interface ProbeExpectation {
  readonly probe: string;
  readonly reason: string;
  /** Per line, the steps as the probe reports them (`out` of generate left to the model). */
  readonly steps: Readonly<Record<ProbedLine, readonly ProbeStep[] | 'not run'>>;
}

const ok = (call: string, ret: number | string = 1, out?: string): ProbeStep => ({ call, ret, ...(out === undefined ? {} : { out }), errors: [] });
const GENERATED = 'generated';

/** Which symbols each line exports (include/openssl/rand.h, evp.h; `nm -D`). */
export const SYMBOL_EXPECTATIONS: Readonly<Record<ProbedLine, Readonly<Record<string, boolean>>>> = (() => {
  const added = { RAND_set0_public: true, RAND_set0_private: true, EVP_RAND_CTX_up_ref: true, RAND_set1_random_provider: true,
    OSSL_INDICATOR_set_callback: true };
  const none = Object.fromEntries(Object.keys(added).map((k) => [k, false]));
  return {
    '3.0': { ...none, RAND_set_rand_engine: true, ENGINE_get_default_RAND: true },
    3.5: { ...added, RAND_set_rand_engine: true, ENGINE_get_default_RAND: true },
    3.6: { ...added, RAND_set_rand_engine: true, ENGINE_get_default_RAND: true },
    '4.0': { ...added, RAND_set_rand_engine: false, ENGINE_get_default_RAND: false },
  };
})();

const generate = (line: ProbedLine): readonly ProbeStep[] => [
  ok('set strength=256 generate=1'), ok('instantiate'),
  line === '3.0' ? { call: 'generate 16', ret: 0, errors: [{ lib: 'EVP', reason: 'GENERATE_ERROR' }] } : ok('generate 16', 1, GENERATED),
];

const firstWins: readonly ProbeStep[] = [ok('set strength=256 strength=128'), ok('get_strength', 256)];
const repeatedRefused: readonly ProbeStep[] = [
  { call: 'set strength=256 strength=128', ret: 0, errors: [{ lib: 'PROV', reason: 'REPEATED_PARAMETER' }] }, ok('get_strength', 0),
];

const seedSrcBase = (line: ProbedLine): readonly ProbeStep[] => [
  ok('OSSL_PROVIDER_load base'),
  line === '3.0'
    ? { call: 'EVP_RAND_fetch SEED-SRC provider=base', ret: null, errors: [{ lib: 'EVP', reason: 'UNSUPPORTED' }] }
    : ok('EVP_RAND_fetch SEED-SRC provider=base', 'SEED-SRC @ base'),
];

const randomProvider: readonly ProbeStep[] = [
  ok('OSSL_LIB_CTX_load_config fips.cnf'), ok('OSSL_PROVIDER_available fips'),
  ok('RAND_bytes_ex 16 (random provider fips)', 1, '16 random bytes'),
  ok('RAND_set1_random_provider default'),
  // the default provider has no OSSL_FUNC_provider_random_bytes: 0, and nothing queued
  ok('RAND_bytes_ex 16 (random provider default)', 0),
  ok('RAND_set1_random_provider NULL'),
  ok('RAND_bytes_ex 16 (built-in chain)', 1, '16 random bytes'),
];

export const PROBE_EXPECTATIONS: readonly ProbeExpectation[] = [
  {
    probe: 'test-rand-generate',
    reason: 'providers/implementations/rands/test_rng.c: test_rng_generate, gen_byte (3.5: xorshift32 from 221953166, '
      + 'the low byte of each state); 3.0 has no `generate` and an empty test_entropy cannot generate',
    steps: { '3.0': generate('3.0'), 3.5: generate('3.5'), 3.6: generate('3.6'), '4.0': generate('4.0') },
  },
  {
    probe: 'repeated-strength',
    reason: 'util/perl/OpenSSL/paramnames.pm: output_param_decoder (3.6): PROV_R_REPEATED_PARAMETER (252); 3.0 and 3.5 '
      + 'take the first (OSSL_PARAM_locate)',
    steps: { '3.0': firstWins, 3.5: firstWins, 3.6: repeatedRefused, '4.0': repeatedRefused },
  },
  {
    probe: 'seed-src-base',
    reason: 'providers/baseprov.c: base_rands (3.5 adds SEED-SRC to the base provider)',
    steps: { '3.0': seedSrcBase('3.0'), 3.5: seedSrcBase('3.5'), 3.6: seedSrcBase('3.6'), '4.0': seedSrcBase('4.0') },
  },
  {
    probe: 'random-provider',
    reason: 'crypto/rand/rand_lib.c: RAND_bytes_ex, RAND_set1_random_provider, ossl_rand_check_random_provider_on_load; '
      + 'crypto/provider_core.c: ossl_provider_random_bytes (3.5); not run on 3.0 (no FIPS module in Debian\'s 3.0)',
    steps: { '3.0': 'not run', 3.5: randomProvider, 3.6: randomProvider, '4.0': randomProvider },
  },
];

/** TEST-RAND's `generate` mode as providers/implementations/rands/test_rng.c:gen_byte describes
 * it: a 32-bit xorshift (13, 17, 5) seeded with 221953166 at instantiate, one low byte per step. */
export function xorshiftBytes(n: number): string {
  let x = 221953166;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    x = (x ^ (x << 13)) >>> 0;
    x = (x ^ (x >>> 17)) >>> 0;
    x = (x ^ (x << 5)) >>> 0;
    out.push((x & 0xff).toString(16).padStart(2, '0'));
  }
  return out.join('');
}

/** How `results` (one line's probes) depart from the expectations: empty when they agree. */
export function probeMismatches(results: ProbeResults, line: ProbedLine): { mismatches: string[]; steps: number } {
  const mismatches: string[] = [];
  const json = (v: unknown): string => JSON.stringify(v);
  if (json(results.symbols) !== json(SYMBOL_EXPECTATIONS[line])) {
    mismatches.push(`symbols: expected ${json(SYMBOL_EXPECTATIONS[line])}, got ${json(results.symbols)}`);
  }
  let steps = 0;
  for (const e of PROBE_EXPECTATIONS) {
    const want = e.steps[line];
    const got = results.probes[e.probe];
    if (want === 'not run') {
      if (got !== undefined) mismatches.push(`${e.probe}: expected not run, got ${json(got)}`);
      continue;
    }
    const modelled = got?.map((st) => {
      if (e.probe !== 'test-rand-generate' || st.out === undefined) return st;
      return st.out === xorshiftBytes(st.out.length / 2) ? { ...st, out: GENERATED } : st;
    });
    if (json(modelled) !== json(want)) mismatches.push(`${e.probe}: expected ${json(want)}, got ${json(got)}`);
    steps += want.length;
  }
  return { mismatches, steps };
}
