/**
 * Seeded random CTR-DRBG cases for the 1.1.1 oracles, with lengths chosen within and around the
 * limits drbg_ctr_init sets in 1.1.1 (crypto/rand/drbg_ctr.c; docs/openssl-behaviour.md), and the predicate
 * saying when the `1.1.1` and `3.x` flavours must agree.
 */
import type { DiffCase, DrbgConfig, Step } from '../../interop/suites/differential/driver.js';
import { SeededRandom } from '../../interop/suites/differential/generator.js';

/** The shared seeded PRNG with the [0, n) helper these generators use. */
class Rng extends SeededRandom {
  /** Integer in [0, n). */
  below(n: number): number {
    return this.int(0, n - 1);
  }
}

export const CIPHERS = ['AES-128-CTR', 'AES-192-CTR', 'AES-256-CTR'] as const;
export const KEYLEN: Readonly<Record<string, number>> = { 'AES-128-CTR': 16, 'AES-192-CTR': 24, 'AES-256-CTR': 32 };
const INT32_MAX = 2147483647;

/** drbg_ctr_init's limits (bytes) for a configuration. */
export interface Limits {
  readonly minEntropy: number;
  readonly maxEntropy: number;
  readonly minNonce: number;
  readonly maxNonce: number;
  readonly maxPers: number;
  readonly maxAdin: number;
  readonly maxRequest: number;
}

export function limits111(config: DrbgConfig): Limits {
  const k = KEYLEN[config.cipher ?? ''];
  const seedlen = k + 16;
  return config.useDf === false
    ? { minEntropy: seedlen, maxEntropy: seedlen, minNonce: 0, maxNonce: 0, maxPers: seedlen, maxAdin: seedlen, maxRequest: 65536 }
    : { minEntropy: k, maxEntropy: INT32_MAX, minNonce: k / 2, maxNonce: INT32_MAX, maxPers: INT32_MAX,
      maxAdin: INT32_MAX, maxRequest: 65536 };
}

/** Lengths at and around a limit, plus a few free ones. */
function lengthAround(rng: Rng, points: readonly number[], cap = 300): number {
  const p = rng.pick(points);
  const n = rng.chance(0.75) ? p + rng.pick([-1, 0, 0, 1]) : rng.below(cap);
  return Math.max(0, n);
}

const OUTLENS = [0, 1, 15, 16, 17, 65536, 65537] as const;

/**
 * `count` random cases for `config` from `seed`: 1..8 steps mixing instantiate / generate /
 * reseed / uninstantiate, entropy and nonce lengths within and around the limits (usually
 * valid), NULL / empty / sized pers and adin, outlen 0/1/15/16/17/65536/65537 or small random,
 * prediction resistance, reseed intervals 0..3, uninstantiate + re-instantiate.
 */
export function randomCases111(config: DrbgConfig, seed: number, count: number): DiffCase[] {
  const rng = new Rng(seed);
  const k = KEYLEN[config.cipher ?? ''];
  const seedlen = k + 16;
  const df = config.useDf !== false;
  const lim = limits111(config);
  const entropyLen = (): number => (rng.chance(0.85) ? (df ? k + rng.below(seedlen) : seedlen)
    : lengthAround(rng, df ? [0, k, seedlen, 64] : [0, k, seedlen]));
  const nonceLen = (): number => (rng.chance(0.85) ? k / 2 + rng.below(k) : lengthAround(rng, [0, k / 2, k, 32]));
  const optBytes = (maxHint: number): string | undefined => {
    if (rng.chance(0.25)) return undefined;
    if (rng.chance(0.2)) return '';
    const len = df ? lengthAround(rng, [1, 16, seedlen, 100]) : lengthAround(rng, [1, seedlen - 1, maxHint]);
    return rng.hex(len);
  };
  const outlen = (): number => (rng.chance(0.3) ? rng.below(80) : rng.pick(OUTLENS));
  const cases: DiffCase[] = [];
  for (let i = 0; i < count; i++) {
    const steps: Step[] = [];
    const n = 1 + rng.below(8);
    for (let j = 0; j < n; j++) {
      const withEntropy = j === 0 || rng.chance(0.3);
      const entropy = withEntropy ? rng.hex(entropyLen()) : undefined;
      const roll = j === 0 && rng.chance(0.9) ? 0 : rng.below(100);
      if (roll < 15) {
        steps.push({ op: 'instantiate', entropy, ...(j === 0 || rng.chance(0.5) ? { nonce: rng.hex(nonceLen()) } : {}),
          pers: optBytes(lim.maxPers) });
      } else if (roll < 65) {
        steps.push({ op: 'generate', outlen: outlen(), entropy, adin: optBytes(lim.maxAdin),
          predictionResistance: rng.chance(0.2) });
      } else if (roll < 88) {
        steps.push({ op: 'reseed', entropy, adin: optBytes(lim.maxAdin), predictionResistance: rng.chance(0.3) });
      } else {
        steps.push({ op: 'uninstantiate' });
      }
    }
    const reseedInterval = rng.chance(0.6) ? 0 : 1 + rng.below(3);
    cases.push({ id: `${config.cipher}/${df ? 'df' : 'nodf'} seed ${seed} #${i}`, config, reseedInterval, steps });
  }
  return cases;
}

/**
 * `count` cases for `config` from `seed` that stay where the flavours coincide (see
 * {@link flavoursCoincide}): valid entropy / nonce lengths, explicit pers, adin within limits,
 * outlen 1..65536, reseeds with and without prediction resistance, reseed intervals 0..3,
 * uninstantiate followed by a fresh instantiate.
 */
export function wellFormedCases111(config: DrbgConfig, seed: number, count: number): DiffCase[] {
  const rng = new Rng(seed);
  const k = KEYLEN[config.cipher ?? ''];
  const seedlen = k + 16;
  const df = config.useDf !== false;
  const entropy = (): string => rng.hex(df ? k + rng.below(2 * seedlen) : seedlen);
  const nonce = (): string => rng.hex(k / 2 + rng.below(2 * k));
  const bytes = (): string => rng.hex(df ? rng.pick([0, 1, 16, seedlen, 100 + rng.below(200)]) : rng.below(seedlen + 1));
  const adin = (): string | undefined => (rng.chance(0.3) ? undefined : bytes());
  const outlen = (): number => (rng.chance(0.1) ? rng.pick([65535, 65536]) : 1 + rng.below(rng.pick([16, 64, 300])));
  const cases: DiffCase[] = [];
  for (let i = 0; i < count; i++) {
    const steps: Step[] = [{ op: 'instantiate', entropy: entropy(), nonce: nonce(), pers: bytes() }];
    const n = 1 + rng.below(8);
    for (let j = 0; j < n; j++) {
      const roll = rng.below(100);
      const e = rng.chance(0.3) ? entropy() : undefined;
      if (roll < 60) {
        steps.push({ op: 'generate', outlen: outlen(), entropy: e, adin: adin(), predictionResistance: rng.chance(0.2) });
      } else if (roll < 88) {
        steps.push({ op: 'reseed', entropy: e, adin: adin(), predictionResistance: rng.chance(0.3) });
      } else {
        steps.push({ op: 'uninstantiate' });
        steps.push({ op: 'instantiate', entropy: entropy(), nonce: nonce(), pers: bytes() });
      }
    }
    const reseedInterval = rng.chance(0.5) ? 0 : 1 + rng.below(3);
    cases.push({ id: `${config.cipher}/${df ? 'df' : 'nodf'} well-formed seed ${seed} #${i}`, config, reseedInterval, steps });
  }
  return cases;
}

/**
 * True when the `1.1.1` flavour (callbacks) and the `3.x` flavour (TEST-RAND parent) must give
 * the same return codes and outputs: every step is predicted to succeed under the limits, which
 * the two share, and nothing depends on where they differ:
 * - every instantiate gives pers explicitly (1.1.1 NULL = none, 3.x NULL = default) and runs on
 *   an uninstantiated DRBG (1.1.1 returns 1 on a READY one);
 * - generate / reseed only on an instantiated DRBG (1.1.1 restarts with a 28-byte pers or
 *   refuses, 3.x restarts with its 29-byte one);
 * - the current entropy (and, with df, nonce) is within [min, max] whenever a seed may be
 *   pulled (3.x caps at max_len, 1.1.1 refuses), so no step can fail;
 * - pers / adin within max, outlen <= 65536 (3.x chunks, 1.1.1 refuses);
 * - no generate of 0 bytes: 1.1.1's RAND_DRBG_generate runs a full generate for 0 bytes
 *   (reseed checks, drbg_ctr_generate's update of K and V, generate_counter++), while 3.x's
 *   EVP_RAND_generate loops `for (; outlen > 0; ...)` and never calls the provider
 *   (crypto/evp/evp_rand.c evp_rand_generate_locked), so later outputs differ.
 */
export function flavoursCoincide(c: DiffCase): boolean {
  const lim = limits111(c.config);
  const within = (hex: string | undefined, min: number, max: number): boolean =>
    hex !== undefined && hex.length / 2 >= min && hex.length / 2 <= max;
  const fits = (hex: string | undefined, max: number): boolean => hex === undefined || hex.length / 2 <= max;
  let entropy: string | undefined;
  let nonce: string | undefined;
  let ready = false;
  for (const s of c.steps) {
    if (s.op !== 'uninstantiate' && s.entropy !== undefined) entropy = s.entropy;
    if (s.op === 'instantiate' && s.nonce !== undefined) nonce = s.nonce;
    const seedOk = within(entropy, lim.minEntropy, lim.maxEntropy);
    switch (s.op) {
      case 'instantiate':
        if (ready || s.pers === undefined || !fits(s.pers, lim.maxPers) || !seedOk) return false;
        if (lim.minNonce > 0 && !within(nonce, lim.minNonce, lim.maxNonce)) return false;
        ready = true;
        break;
      case 'reseed':
        if (!ready || !seedOk || !fits(s.adin, lim.maxAdin)) return false;
        break;
      case 'generate':
        if (!ready || !seedOk || !fits(s.adin, lim.maxAdin) || s.outlen === 0 || s.outlen > lim.maxRequest) return false;
        break;
      case 'uninstantiate':
        ready = false;
        break;
    }
  }
  return true;
}
