/**
 * FORTUNA: a seed source in the shape of SEED-SRC (providers/implementations/rands/seed_src.c)
 * whose bytes come from a Fortuna (provider/fortuna, bit-exact with mirage-crypto-rng 0.10.7)
 * instead of straight from the OS, so that a 3.x primary DRBG (its parent) or a 1.1.1 master
 * (through its get_entropy callback, see provider/fortuna-111.ts) is seeded from
 * pooled events: the OS, event-loop timing jitter and caller events (RAND_add, addEvent).
 *
 * - instantiate: unless the Fortuna is already seeded, the bootstrap of
 *   Mirage_crypto_rng_unix.initialize (three whirlwind timing frames and 128 OS bytes) as its
 *   explicit seed; then one OS event per pool (the periodic getrandom task) and, unless
 *   disabled, EventLoopJitter on an unref'd timer.
 * - get_seed / generate: SEED-SRC's sizing (max(ceil(entropy / 8), min_len), refused above
 *   max_len); bytes are Fortuna's `generate`, which first reseeds from the pools when pool 0
 *   holds more than 64 bytes. Before that, fresh OS bytes go into the key directly (an explicit
 *   Fortuna reseed with an OS frame) when prediction resistance is asked for, when the process
 *   id changed (a fork) or when the clone guard's epoch moved (a VM clone or snapshot restore):
 *   a clone copies the pools and the key, so only something the copies do not share can tell
 *   them apart. The OS feeds the pools again at most every `osFeedIntervalMs` (default 10 s,
 *   as Mirage_crypto_rng_lwt's getrandom task).
 * - reseed(entropy, adin) and addEvent: caller events, one handle (round the pools), source 6.
 * - strength 256 (the AES-256 key of the generator), max_request 65536 (Fortuna's chunk).
 *
 * State (pool fill, reseed counts) is visible through fortunaState() for review. Fortuna is an
 * accumulator, not a certified entropy source: nothing here estimates entropy (SP 800-90B).
 */
import { raise } from '../../err/queue.js';
import type { OSSL_PARAM } from '../core/param-memory.js';
import { RandState, type RandImpl } from './rand-impl.js';
import { getSourceCtxParams, seedBuffer, SeedSource } from './seed-source.js';
import { currentForkId } from '../../platform/os-entropy.js';
import { osEntropy, type EntropyPoll } from '../../rand-pool/os-pool.js';
import { realmCloneGuard, type CloneGuard } from '../../platform/clone-guard.js';
import { Fortuna, FortunaUnseededError, type FortunaEventHandle, type FortunaState } from '../../fortuna/fortuna.js';
import { FORTUNA_CHUNK } from '../../fortuna/generator.js';
import { bootstrapSeed, EventLoopJitter, feedPools, frameEvent, FORTUNA_SOURCE } from '../../fortuna/event-sources.js';

export const FORTUNA_SEED_SRC_STRENGTH = 256;
/** Bytes of OS entropy fed into the key on prediction resistance or a clone signal. */
export const FORTUNA_FRESH_OS_BYTES = 48;

export interface FortunaSeedSrcOptions {
  /** The Fortuna to draw from (default: a new one reading process.hrtime.bigint() as its
   * clock, so reseeds from the pools happen at most once per second, as under Lwt). */
  readonly fortuna?: Fortuna;
  /** The OS (default: the kernel, as SEED-SRC). Tests pin or count it. */
  readonly os?: EntropyPoll;
  /** Bootstrap at instantiate when the Fortuna is unseeded (default true). */
  readonly bootstrap?: boolean;
  /** Event-loop jitter sampling while instantiated (default true). */
  readonly jitter?: boolean;
  /** Minimum time between two OS feeds of the pools, in ms (default 10000). */
  readonly osFeedIntervalMs?: number;
  readonly cloneGuard?: CloneGuard;
  readonly forkId?: () => number;
  /** Milliseconds clock for the OS feed interval (default Date.now). */
  readonly now?: () => number;
}

/** Review figures: Fortuna's state plus what this source did. */
export interface FortunaSeedSrcState extends FortunaState {
  readonly osFeeds: number;
  readonly freshOsReseeds: number;
  readonly callerEvents: number;
  readonly jitterSamples: number;
}

export class FortunaSeedSrc extends SeedSource implements RandImpl {
  readonly algorithm = 'FORTUNA';
  readonly fortuna: Fortuna;
  private readonly os: EntropyPoll;
  private readonly bootstrap: boolean;
  private readonly jitter: EventLoopJitter | null;
  private readonly osFeedIntervalMs: number;
  private readonly cloneGuard: CloneGuard;
  private readonly forkId: () => number;
  private readonly now: () => number;
  private callerHandle: FortunaEventHandle | null = null;
  private lastOsFeed = Number.NEGATIVE_INFINITY;
  private cloneEpoch = Number.NaN;
  private forkIdValue: number;
  private osFeeds = 0;
  private freshOsReseeds = 0;
  private callerEvents = 0;

  constructor(options: FortunaSeedSrcOptions = {}) {
    super();
    this.fortuna = options.fortuna ?? new Fortuna({ clock: () => process.hrtime.bigint() });
    this.os = options.os ?? osEntropy;
    this.bootstrap = options.bootstrap ?? true;
    this.jitter = options.jitter === false ? null : new EventLoopJitter(this.fortuna);
    this.osFeedIntervalMs = options.osFeedIntervalMs ?? 10_000;
    this.cloneGuard = options.cloneGuard ?? realmCloneGuard;
    this.forkId = options.forkId ?? currentForkId;
    this.now = options.now ?? Date.now;
    this.forkIdValue = this.forkId();
  }

  override instantiate(): boolean {
    if (!this.fortuna.seeded && this.bootstrap) {
      const seed = bootstrapSeed(undefined, (n) => this.os(n * 8, n, n));
      if (seed === null) {
        raise('PROV', 'ERROR_RETRIEVING_ENTROPY');
        return false;
      }
      this.fortuna.reseed(seed);
      seed.fill(0);
    }
    if (!this.feedPoolsFromOs()) return false;
    this.cloneEpoch = this.cloneGuard.epoch();
    this.forkIdValue = this.forkId();
    this.jitter?.start();
    this.state = RandState.READY;
    return true;
  }

  override uninstantiate(): boolean {
    this.jitter?.stop();
    this.state = RandState.UNINITIALISED;
    return true;
  }

  /** A caller event (RAND_add / RAND_seed routed here, or the application's own): one event
   * into the next pool of the caller handle. Returns false (raising nothing) for no data. */
  addEvent(data: Uint8Array): boolean {
    if (data.length === 0) return false;
    if (this.callerHandle === null) this.callerHandle = this.fortuna.accumulate(FORTUNA_SOURCE.caller);
    this.callerHandle(data);
    this.callerEvents++;
    return true;
  }

  fortunaState(): FortunaSeedSrcState {
    return {
      ...this.fortuna.state(),
      osFeeds: this.osFeeds,
      freshOsReseeds: this.freshOsReseeds,
      callerEvents: this.callerEvents,
      jitterSamples: this.jitter?.samples ?? 0,
    };
  }

  /** One OS event per pool (8 bytes each), at most every osFeedIntervalMs. */
  private feedPoolsFromOs(): boolean {
    const now = this.now();
    if (now - this.lastOsFeed < this.osFeedIntervalMs) return true;
    const perPool = 8;
    const bytes = this.os(perPool * 8 * 32, perPool * 32, perPool * 32);
    if (bytes === null || bytes.length < perPool * 32) {
      raise('PROV', 'ERROR_RETRIEVING_ENTROPY');
      return false;
    }
    let off = 0;
    feedPools(this.fortuna, FORTUNA_SOURCE.os, () => {
      const chunk = bytes.slice(off, off + perPool);
      off += perPool;
      return chunk;
    });
    bytes.fill(0);
    this.lastOsFeed = now;
    this.osFeeds++;
    return true;
  }

  /** Fresh OS bytes into the key when asked for (prediction resistance) or after a clone. */
  private freshenIfNeeded(predictionResistance: boolean): boolean {
    const epoch = this.cloneGuard.epoch();
    const forkId = this.forkId();
    const cloned = epoch !== this.cloneEpoch || forkId !== this.forkIdValue;
    if (!predictionResistance && !cloned) return true;
    const fresh = this.os(FORTUNA_FRESH_OS_BYTES * 8, FORTUNA_FRESH_OS_BYTES, FORTUNA_FRESH_OS_BYTES);
    if (fresh === null || fresh.length === 0) {
      raise('PROV', 'ERROR_RETRIEVING_ENTROPY');
      return false;
    }
    const frame = frameEvent(FORTUNA_SOURCE.os, fresh);
    this.fortuna.reseed(frame);
    frame.fill(0);
    fresh.fill(0);
    this.freshOsReseeds++;
    this.cloneEpoch = epoch;
    this.forkIdValue = forkId;
    return true;
  }

  generate(out: Uint8Array, _strength: number, predictionResistance = false, adin: Uint8Array | null = null): boolean {
    if (!this.requireReady()) return false;
    if (adin !== null && adin.length > 0) this.addEvent(adin);
    if (!this.freshenIfNeeded(predictionResistance) || !this.feedPoolsFromOs()) return false;
    let bytes: Uint8Array;
    try {
      bytes = this.fortuna.generate(out.length);
    } catch (e) {
      if (!(e instanceof FortunaUnseededError)) throw e;
      raise('PROV', 'ERROR_RETRIEVING_ENTROPY');
      return false;
    }
    out.set(bytes);
    bytes.fill(0);
    return true;
  }

  /** EVP_RAND_reseed on the source: `entropy` and `adin` become caller events. */
  reseed(_predictionResistance: boolean, entropy: Uint8Array | null, adin: Uint8Array | null): boolean {
    if (!this.requireReady()) return false;
    if (entropy !== null && entropy.length > 0) this.addEvent(entropy);
    if (adin !== null && adin.length > 0) this.addEvent(adin);
    return true;
  }

  getSeed(entropy: number, minLen: number, maxLen: number, pr: boolean, _adin: Uint8Array): Uint8Array | null {
    const seed = seedBuffer(entropy, minLen, maxLen, 'MALLOC_FAILURE');
    if (seed === null) return null;
    return this.generate(seed, 0, pr, null) ? seed : null;
  }

  /** The Fortuna's key and counter are zero (after free). */
  override verifyZeroization(): boolean {
    return this.fortuna.isCleared();
  }

  getCtxParamArray(params: OSSL_PARAM[]): boolean {
    const values = { state: this.state, strength: FORTUNA_SEED_SRC_STRENGTH, maxRequest: FORTUNA_CHUNK };
    return getSourceCtxParams(params, values);
  }

  /** Stops the jitter timer and wipes the Fortuna (key, counter, pools). */
  override free(): void {
    this.jitter?.stop();
    this.fortuna.free();
    this.callerHandle = null;
    this.state = RandState.UNINITIALISED;
  }
}
