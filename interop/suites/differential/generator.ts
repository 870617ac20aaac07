/**
 * A seeded generator of random differential cases: mostly valid sequences of instantiate /
 * generate / reseed / uninstantiate, with lengths chosen around each configuration's limits
 * (see configs.ts), plus a share of out-of-limit inputs so that error paths, error queues and
 * states are compared too; output lengths include 0, 1, 15, 16, 17 and the 65536-byte chunking
 * boundary. The same seed always gives the same cases.
 */
import { toHex } from '../../../provider/bytes.js';
import type { DiffCase, DrbgConfig, Step } from './driver.js';
import { caseLimits, type CaseLimits } from './configs.js';

/** xoshiro128** (Blackman and Vigna), seeded through splitmix32: small, fast, reproducible. */
export class SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    let x = seed >>> 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** A uniform 32-bit unsigned integer. */
  u32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor((this.u32() / 0x100000000) * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.u32() / 0x100000000 < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = this.u32() & 0xff;
    return out;
  }

  hex(length: number): string {
    return toHex(this.bytes(length));
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Small output lengths around the mechanisms' block sizes (0 makes no provider call). */
export const SPECIAL_OUTLENS: readonly number[] = [0, 1, 15, 16, 17, 20, 28, 31, 32, 33, 48, 64];

/** Large output lengths around EVP_RAND_generate's chunking (max_request 65536). */
export const LARGE_OUTLENS: readonly number[] = [65535, 65536, 65537];

export interface GenerateOptions {
  readonly seed: number;
  readonly config: DrbgConfig;
  readonly count: number;
  /** Prefix of the case ids (default "seed <seed>"). */
  readonly idPrefix?: string;
  /** Probability that a generate asks for about 64 KiB or more (default 0.04). */
  readonly largeOutputRate?: number;
}

/** Generates `count` cases for one configuration. */
export function generateCases(options: GenerateOptions): DiffCase[] {
  const gen = new CaseGenerator(options);
  return Array.from({ length: options.count }, () => gen.next());
}

/** The same sequence as {@link generateCases}, one case at a time (for batched campaigns). */
export class CaseGenerator {
  private readonly rng: SeededRandom;
  private readonly limits: CaseLimits;
  private readonly prefix: string;
  private index = 0;

  constructor(private readonly options: Omit<GenerateOptions, 'count'>) {
    this.rng = new SeededRandom(options.seed);
    this.limits = caseLimits(options.config);
    this.prefix = options.idPrefix ?? `seed ${options.seed}`;
  }

  next(): DiffCase {
    const rng = this.rng;
    const gen = new StepGenerator(rng, this.limits, this.options.largeOutputRate ?? 0.04);
    const steps: Step[] = [];
    const n = rng.int(1, 8);
    steps.push(rng.chance(0.85) ? gen.instantiate(true) : gen.any());
    while (steps.length < n) steps.push(gen.any());
    return {
      id: `${this.prefix} #${this.index++}`,
      config: this.options.config,
      ...(rng.chance(0.35) ? { reseedInterval: rng.int(1, 4) } : {}),
      steps,
    };
  }
}

class StepGenerator {
  private lastAdin: string | undefined;

  constructor(private readonly rng: SeededRandom, private readonly limits: CaseLimits,
    private readonly largeOutputRate: number) {}

  any(): Step {
    const r = this.rng.int(0, 99);
    if (r < 58) return this.generate();
    if (r < 75) return this.reseed();
    if (r < 90) return this.instantiate(false);
    return { op: 'uninstantiate' };
  }

  instantiate(first: boolean): Step {
    const rng = this.rng;
    return {
      op: 'instantiate',
      ...(first || rng.chance(0.7) ? { entropy: this.entropy() } : {}),
      ...(this.limits.minNonceLen > 0 && (first ? rng.chance(0.95) : rng.chance(0.6)) ? { nonce: this.nonce() } : {}),
      ...this.optional('pers', this.input(0.3)),
      ...(rng.chance(0.15) ? { predictionResistance: true } : {}),
      ...this.optional('strength', this.strength()),
    };
  }

  reseed(): Step {
    const rng = this.rng;
    return {
      op: 'reseed',
      ...(rng.chance(0.3) ? { entropy: this.entropy() } : {}),
      ...this.optional('adin', this.adin()),
      ...(rng.chance(0.25) ? { predictionResistance: true } : {}),
    };
  }

  generate(): Step {
    const rng = this.rng;
    return {
      op: 'generate',
      outlen: this.outlen(),
      ...(rng.chance(0.2) ? { entropy: this.entropy() } : {}),
      ...this.optional('adin', this.adin()),
      ...(rng.chance(0.15) ? { predictionResistance: true } : {}),
      ...this.optional('strength', this.strength()),
    };
  }

  private optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
    return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
  }

  private entropy(): string {
    const { minEntropyLen: min, maxEntropyLen: max } = this.limits;
    const rng = this.rng;
    const r = rng.int(0, 99);
    if (r < 3) return '';
    if (r < 8) return rng.hex(rng.int(1, min - 1));
    if (max !== undefined) {
      // CTR without df: exactly seedlen, or longer (TEST-RAND caps it at max_len).
      return rng.hex(r < 85 ? max : rng.int(max + 1, max + 24));
    }
    return rng.hex(r < 90 ? rng.int(min, min + 32) : rng.int(min + 33, 300));
  }

  private nonce(): string {
    const min = this.limits.minNonceLen;
    const r = this.rng.int(0, 99);
    if (r < 3) return '';
    // A short nonce: TEST-RAND's length is not checked against min_noncelen.
    if (r < 10) return this.rng.hex(this.rng.int(1, min - 1));
    return this.rng.hex(this.rng.int(min, min + 24));
  }

  /** Personalization or additional input: absent (NULL) with probability `pNull`. */
  /** Additional input: often fresh, sometimes the previous one again (as a caller passing the
   * same context string does; this also exercises the derivation function's memo of its first
   * block, provider/sp800-90a/ctr-drbg.ts). */
  private adin(): string | undefined {
    const a = this.lastAdin !== undefined && this.rng.chance(0.2) ? this.lastAdin : this.input(0.5);
    if (a !== undefined && a !== '') this.lastAdin = a;
    return a;
  }

  private input(pNull: number): string | undefined {
    const rng = this.rng;
    if (rng.chance(pNull)) return undefined;
    if (rng.chance(0.12)) return '';
    const max = this.limits.maxInputLen;
    if (max !== undefined) return rng.hex(rng.chance(0.1) ? rng.int(max + 1, max + 8) : rng.int(1, max));
    return rng.hex(rng.chance(0.05) ? rng.int(65, 600) : rng.int(1, 64));
  }

  private strength(): number | undefined {
    const r = this.rng.int(0, 99);
    if (r < 85) return undefined;
    if (r < 93) return this.limits.strength;
    if (r < 96) return this.rng.int(0, this.limits.strength);
    return this.limits.strength + this.rng.int(1, 64);
  }

  private outlen(): number {
    const rng = this.rng;
    if (rng.chance(this.largeOutputRate)) return rng.chance(0.75) ? rng.pick(LARGE_OUTLENS) : rng.int(65538, 140000);
    if (rng.chance(0.3)) return rng.pick(SPECIAL_OUTLENS);
    return rng.int(1, 300);
  }
}
