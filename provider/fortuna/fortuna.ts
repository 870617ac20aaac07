/**
 * Fortuna (Ferguson & Schneier, Practical Cryptography, ch. 9), bit-exact with MirageOS's
 * mirage-crypto-rng 0.10.7 (`Mirage_crypto_rng.Fortuna`, rng/fortuna.ml):
 *
 * - 32 pools (pools.ts), events framed [source; length] and spread by each accumulator handle
 *   over pools 0, 1, 2, ... in turn (`accumulate`: the handle's own counter starts at 0);
 * - before every `generate`, a reseed from the pools when pool 0 holds MORE than 64 data bytes
 *   (`add_pool_entropy`: `pool0_size > min_pool_size`), and, when the generator was created
 *   with a clock, only if more than one second (1e9 ns, `min_time_duration`) has passed since
 *   the last such reseed (the clock reads nanoseconds; the first reseed needs clock > 1e9,
 *   since `last_reseed` starts at 0);
 * - the k-th such reseed takes pool i when 2^i divides k; the key becomes
 *   SHAd256(key || SHAd256(pool)...) (generator.ts);
 * - an explicit `reseed(seed)` mixes `seed` into the key directly (no pool, no count);
 * - `generate` on a generator that was never reseeded throws FortunaUnseededError
 *   (`Rng.Unseeded_generator`), after the pool check (so enough pool-0 events seed it).
 *
 * SP 800-90A plays no part here: there is no reseed counter, no prediction resistance, no
 * request limit (long requests are chunked). `free()` wipes key, counter and pools.
 */
import { getBackend, type BackendName, type PrimitiveBackend } from '../sp800-90a/primitives/index.js';
import { FortunaGenerator } from './generator.js';
import { FORTUNA_POOLS, FortunaPools, type FortunaPoolState } from './pools.js';

/** fortuna.ml's min_pool_size: pool 0 must hold more than this many data bytes. */
export const FORTUNA_MIN_POOL_SIZE = 64;
/** fortuna.ml's min_time_duration, in nanoseconds. */
export const FORTUNA_MIN_RESEED_INTERVAL_NS = 1_000_000_000n;

/** Mirage_crypto_rng.Unseeded_generator. */
export class FortunaUnseededError extends Error {
  constructor() {
    super('Fortuna: the generator has not been seeded (no reseed, and pool 0 holds at most 64 bytes)');
    this.name = 'FortunaUnseededError';
  }
}

export interface FortunaOptions {
  /** Nanoseconds, as `Fortuna.create ~time`: enables 0.10.7's one-reseed-per-second limit.
   * Without it reseeds from the pools are not rate-limited (as `create ()`). */
  readonly clock?: () => bigint;
  /** Primitive backend for AES-256-CTR and the outer SHA-256 (default `node`). */
  readonly backend?: BackendName | PrimitiveBackend;
  /** A first explicit reseed, as `Mirage_crypto_rng.create ~seed`. */
  readonly seed?: Uint8Array;
}

/** Adds one event to the pool after the previous one of the same handle. */
export type FortunaEventHandle = (data: Uint8Array) => void;

/** What a reviewer may see: never the key or the counter. */
export interface FortunaState {
  readonly seeded: boolean;
  /** Reseeds from the pools so far (fortuna.ml's reseed_count). */
  readonly reseedCount: number;
  /** Explicit reseeds (`reseed(seed)`) so far; not counted by 0.10.7. */
  readonly explicitReseeds: number;
  /** Clock reading of the last reseed from the pools (0 before any, or without a clock). */
  readonly lastReseedNs: bigint;
  /** fortuna.ml's pool0_size. */
  readonly pool0Size: number;
  readonly pools: readonly FortunaPoolState[];
}

export class Fortuna {
  static readonly POOLS = FORTUNA_POOLS;
  private readonly backend: PrimitiveBackend;
  private readonly generator: FortunaGenerator;
  private readonly pools: FortunaPools;
  private readonly clock: (() => bigint) | undefined;
  private reseedCount = 0;
  private explicitReseeds = 0;
  private lastReseed = 0n;

  constructor(options: FortunaOptions = {}) {
    this.backend = getBackend(options.backend);
    this.generator = new FortunaGenerator(this.backend);
    this.pools = new FortunaPools(this.backend);
    this.clock = options.clock;
    if (options.seed !== undefined) this.reseed(options.seed);
  }

  get seeded(): boolean {
    return this.generator.seeded;
  }

  /** fortuna.ml's `accumulate ~g source`: a handle whose events go to pools 0, 1, ..., 31,
   * 0, ... in turn, each framed with `source` (taken modulo 256, as 0.10.7 does). */
  accumulate(source: number): FortunaEventHandle {
    checkSource(source);
    let pool = 0;
    return (data: Uint8Array) => {
      this.pools.add(source, pool, data);
      pool++;
    };
  }

  /** fortuna.ml's `add`: one event from `source` into pool `pool` (modulo 32). */
  addEvent(source: number, pool: number, data: Uint8Array): void {
    checkSource(source);
    if (!Number.isSafeInteger(pool) || pool < 0) throw new RangeError(`pool must be a non-negative integer, got ${pool}`);
    this.pools.add(source, pool, data);
  }

  /** fortuna.ml's `reseed`: key <- SHAd256(key || seed), counter + 1. */
  reseed(seed: Uint8Array): void {
    this.generator.reseed([seed]);
    this.explicitReseeds++;
  }

  /** fortuna.ml's `generate`: the pool check (maybe a reseed from the pools), then `n` bytes. */
  generate(n: number): Uint8Array {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`byte count must be a non-negative integer, got ${n}`);
    this.reseedFromPoolsIfDue();
    if (!this.generator.seeded) throw new FortunaUnseededError();
    return this.generator.generate(n);
  }

  state(): FortunaState {
    return {
      seeded: this.generator.seeded,
      reseedCount: this.reseedCount,
      explicitReseeds: this.explicitReseeds,
      lastReseedNs: this.lastReseed,
      pool0Size: this.pools.pool0Size,
      pools: this.pools.state(),
    };
  }

  /** Wipes key, counter and pools; the object is then as new (unseeded, empty pools). */
  free(): void {
    this.generator.clear();
    this.pools.clear();
    this.pools.restart();
    this.reseedCount = 0;
    this.explicitReseeds = 0;
    this.lastReseed = 0n;
  }

  /** True when key and counter are zero (after free): the zeroization check. */
  isCleared(): boolean {
    return this.generator.isCleared();
  }

  /** add_pool_entropy. */
  private reseedFromPoolsIfDue(): void {
    if (this.pools.pool0Size <= FORTUNA_MIN_POOL_SIZE) return;
    let now = 0n;
    if (this.clock !== undefined) {
      now = this.clock();
      // Int64.sub then a signed compare, as 0.10.7 does.
      if (BigInt.asIntN(64, now - this.lastReseed) <= FORTUNA_MIN_RESEED_INTERVAL_NS) return;
    }
    this.reseedCount++;
    this.lastReseed = now;
    this.pools.pool0Size = 0;
    const parts = this.pools.drain(this.reseedCount);
    this.generator.reseed(parts);
    for (const p of parts) p.fill(0);
  }
}

function checkSource(source: number): void {
  if (!Number.isSafeInteger(source) || source < 0) throw new RangeError(`source must be a non-negative integer, got ${source}`);
}
