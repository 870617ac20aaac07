/**
 * OpenSSL 3's default RAND chain (crypto/rand/rand_lib.c and rand_meth.c, 3.0; 3.1.0 behaves
 * the same, see the wasm-3.1 oracle): a seed source, a primary DRBG seeded from it, and the
 * public and private DRBGs seeded from the primary, all created lazily on first use.
 *
 *   seed     EVP_RAND "SEED-SRC" (or `[random] seed`), instantiated with no parameters. If it
 *            cannot be created its errors are dropped (ERR_set_mark / ERR_pop_to_mark) and
 *            the primary is created without a parent, i.e. seeded from the OS with a nonce.
 *   primary  `[random] random` ("CTR-DRBG") under the seed source, reseed_requests 256,
 *            reseed_time_interval 3600 s, locking enabled.
 *   public   the same DRBG type under the primary, 65536 requests / 420 s (RAND_bytes).
 *   private  likewise (RAND_priv_bytes).
 *
 * Every DRBG is instantiated with strength 0, no prediction resistance and a NULL
 * personalization (so the 29-byte default), with the parameters rand_new_drbg passes: cipher
 * (default AES-256-CTR), digest and properties when configured, mac "HMAC", and the reseed
 * intervals. The derivation function cannot be configured and stays on.
 *
 * Methods keep OpenSSL's return values (1 / 0) and raise OpenSSL's reasons through
 * provider/err/queue.ts. This is the default RAND_METHOD's behaviour; RAND_set_rand_method and
 * engines belong to compat/.
 */
import { errorQueue, popToMark, raise, setMark } from '../../err/queue.js';
import { lineBehaviour } from '../lines.js';
import { DrbgCtx } from '../rands/drbg.js';
import { RandState, type RandImpl, type RandParams } from '../rands/rand-impl.js';
import {
  applyRandomSection, DEFAULT_DRBG_CIPHER, DEFAULT_DRBG_NAME, DEFAULT_SEED_NAME, PRIMARY_RESEED_INTERVAL,
  PRIMARY_RESEED_TIME_INTERVAL, SECONDARY_RESEED_INTERVAL, SECONDARY_RESEED_TIME_INTERVAL,
  type RandomConfig,
} from './random-config.js';
import { evpEnableLocking, evpGenerate, evpGetState, evpInstantiate, evpReseed } from './evp-rand.js';
import { newRandCtx, type RandEnvironment } from './evp-rand-fetch.js';
import { ProviderStore } from '../core/provider-store.js';

/** C cannot pass a `num` beyond its buffer, or a fractional one: refused as compat's RAND_bytes
 * refuses it (RAND ERR_R_PASSED_INVALID_ARGUMENT), rather than overrunning `buf`. */
function fits(buf: Uint8Array, num: number): boolean {
  if (Number.isInteger(num) && num <= buf.length) return true;
  raise('RAND', 'PASSED_INVALID_ARGUMENT');
  return false;
}

/** The four contexts of the chain. */
export type ChainLevel = 'seed' | 'primary' | 'public' | 'private';

export interface DefaultChainOptions {
  /** The `[random]` configuration (what openssl.cnf or RAND_set_DRBG_type would set). */
  readonly config?: RandomConfig;
  /** OS entropy and nonce, clock, fork id and primitive backend of the contexts. */
  readonly environment?: RandEnvironment;
  /** The library context's providers and default properties, which every fetch of the chain
   * goes through (EVP_RAND_fetch(libctx, ...)): loading randshim's "fips" provider and
   * enabling "fips=yes" there makes the chain's DRBGs the FIPS provider's. Absent: a store
   * with the default provider only. */
  readonly store?: ProviderStore;
  /** A ready seed source to use instead of creating `[random] seed` (e.g. a TEST-RAND with
   * fixed entropy, or a SeedSrc on a chosen poll). The caller keeps ownership: free() leaves
   * it alone. */
  readonly seedSource?: RandImpl;
  /** The "addresses" the contexts pass as additional input to their children (a DRBG parent
   * sends its own; in OpenSSL the primary's pointer is what public and private receive).
   * Absent: a fresh random identity per context. */
  readonly identities?: Partial<Record<ChainLevel, Uint8Array>>;
}

/** "polling" with its NUL: the salt RAND_poll hands RAND_seed (rand_lib.c). */
export const POLL_SALT = Uint8Array.from([0x70, 0x6f, 0x6c, 0x6c, 0x69, 0x6e, 0x67, 0x00]);

export class DefaultChain3x {
  private cfg: RandomConfig;
  private readonly env: RandEnvironment;
  private readonly store: ProviderStore;
  private readonly identities: Partial<Record<ChainLevel, Uint8Array>>;
  private seedCtx: RandImpl | null;
  private readonly ownsSeed: boolean;
  private primaryCtx: RandImpl | null = null;
  private publicCtx: RandImpl | null = null;
  private privateCtx: RandImpl | null = null;

  constructor(options: DefaultChainOptions = {}) {
    this.cfg = { ...options.config };
    this.env = options.environment ?? {};
    this.store = options.store ?? new ProviderStore();
    this.identities = { ...options.identities };
    this.seedCtx = options.seedSource ?? null;
    this.ownsSeed = options.seedSource === undefined;
  }

  /** The configuration in force (changes only through the setters, before the primary exists). */
  get config(): RandomConfig {
    return this.cfg;
  }

  /** The seed source, if it was created (dgbl->seed); never creates it. */
  get seedSource(): RandImpl | null {
    return this.seedCtx;
  }

  /**
   * RAND_set_DRBG_type(ctx, drbg, propq, cipher, digest): replaces all four settings (null
   * clears one back to its default). Refused with RAND_R_ALREADY_INSTANTIATED once the
   * primary exists.
   */
  setDrbgType(drbg: string | null, propq: string | null, cipher: string | null, digest: string | null): number {
    if (this.primaryCtx !== null) {
      raise('RAND', 'ALREADY_INSTANTIATED');
      return 0;
    }
    this.cfg = withKeys(this.cfg, { random: drbg, properties: propq, cipher, digest });
    return 1;
  }

  /**
   * The `[random]` section of a configuration (random_conf_init): each name/value pair sets
   * one key (names case-insensitive; keys not named keep their value); an unknown name raises
   * CRYPTO_R_UNKNOWN_NAME_IN_RANDOM_SECTION and makes the result 0, the other pairs still
   * apply. OpenSSL's config module runs before anything uses RAND; here a section given once
   * the primary exists is refused (RAND_R_ALREADY_INSTANTIATED, 0), as RAND_set_DRBG_type is,
   * rather than stored without effect.
   */
  configure(entries: readonly (readonly [string, string])[]): number {
    if (this.primaryCtx !== null) {
      raise('RAND', 'ALREADY_INSTANTIATED');
      return 0;
    }
    const { ok, config } = applyRandomSection(this.cfg, entries);
    this.cfg = config;
    return ok;
  }

  /** RAND_set_seed_source_type(ctx, seed, propq); same rule as {@link setDrbgType} on 3.0; from
   * 3.5 the guard is the seed source itself (dgbl->seed), which a failed seed never sets. */
  setSeedSourceType(seed: string | null, propq: string | null): number {
    const made = lineBehaviour().seedSourceTypeGuardIsSeed ? this.seedCtx : this.primaryCtx;
    if (made !== null) {
      raise('RAND', 'ALREADY_INSTANTIATED');
      return 0;
    }
    this.cfg = withKeys(this.cfg, { seed, seed_properties: propq });
    return 1;
  }

  /** Sets the address a context passes to its children; applies to a live DRBG too. */
  setIdentity(level: ChainLevel, identity: Uint8Array): void {
    this.identities[level] = identity;
    const ctx = this.context(level);
    if (ctx instanceof DrbgCtx) ctx.identity = identity;
  }

  private context(level: ChainLevel): RandImpl | null {
    switch (level) {
      case 'seed': return this.seedCtx;
      case 'primary': return this.primaryCtx;
      case 'public': return this.publicCtx;
      default: return this.privateCtx;
    }
  }

  /** rand_new_seed: fetch, create with no parent, instantiate with no parameters. From 4.0 the
   * fetch's own errors are popped and UNABLE_TO_FETCH_DRBG is raised only for a configured
   * `seed` (rand_lib.c rand_new_seed: `if (!fallback)`). */
  private newSeed(): RandImpl | null {
    const fatal = lineBehaviour().seedConfigFatal;
    const fetch = () => this.store.fetchRand(this.cfg.seed ?? DEFAULT_SEED_NAME, this.cfg.seed_properties ?? null);
    const algorithm = fatal ? discardingErrors(fetch) : fetch();
    if (algorithm === null) {
      if (!fatal || this.cfg.seed !== undefined) raise('RAND', 'UNABLE_TO_FETCH_DRBG');
      return null;
    }
    const ctx = newRandCtx(algorithm, null, this.env, this.identities.seed);
    if (ctx === null) {
      raise('RAND', 'UNABLE_TO_CREATE_DRBG');
      return null;
    }
    if (!evpInstantiate(ctx, 0, false, null, null)) {
      raise('RAND', 'ERROR_INSTANTIATING_DRBG');
      ctx.free();
      return null;
    }
    return ctx;
  }

  /** rand_new_drbg: fetch the configured DRBG, create it under `parent`, instantiate it with
   * the configured parameters and the given reseed intervals. */
  private newDrbg(parent: RandImpl | null, level: ChainLevel, reseedRequests: number,
    reseedTimeInterval: number): RandImpl | null {
    const algorithm = this.store.fetchRand(this.cfg.random ?? DEFAULT_DRBG_NAME, this.cfg.properties ?? null);
    if (algorithm === null) {
      raise('RAND', 'UNABLE_TO_FETCH_DRBG');
      return null;
    }
    const ctx = newRandCtx(algorithm, parent, this.env, this.identities[level]);
    if (ctx === null) {
      raise('RAND', 'UNABLE_TO_CREATE_DRBG');
      return null;
    }
    const params: RandParams = { cipher: this.cfg.cipher ?? DEFAULT_DRBG_CIPHER };
    if (this.cfg.digest !== undefined) params.digest = this.cfg.digest;
    if (this.cfg.properties !== undefined) params.properties = this.cfg.properties;
    params.mac = 'HMAC';
    params.reseed_requests = reseedRequests;
    params.reseed_time_interval = reseedTimeInterval;
    if (!evpInstantiate(ctx, 0, false, null, params)) {
      raise('RAND', 'ERROR_INSTANTIATING_DRBG');
      ctx.free();
      return null;
    }
    return ctx;
  }

  /**
   * RAND_get0_primary: creates the seed source (unless it exists; its errors are discarded)
   * and the primary on first use, then enables locking on the primary (failure:
   * EVP_R_UNABLE_TO_ENABLE_LOCKING). Returns null when it cannot; the next call tries again.
   */
  getPrimary(): RandImpl | null {
    if (this.primaryCtx !== null) return this.primaryCtx;
    if (this.seedCtx === null) {
      if (lineBehaviour().seedConfigFatal) {
        // 4.0 rand_get0_primary: a seed source that failed with errors fails the primary too
        // (ERR_count_to_mark() > 0: the errors stay queued); without errors it goes parentless
        const mark = setMark();
        const seed = this.newSeed();
        const raised = popToMark(mark);
        if (seed === null && raised.length > 0) {
          errorQueue().push(...raised);
          return null;
        }
        this.seedCtx = seed;
      } else {
        this.seedCtx = discardingErrors(() => this.newSeed());
      }
    }
    let primary = this.newDrbg(this.seedCtx, 'primary', PRIMARY_RESEED_INTERVAL, PRIMARY_RESEED_TIME_INTERVAL);
    if (primary !== null && !evpEnableLocking(primary)) {
      raise('EVP', 'UNABLE_TO_ENABLE_LOCKING');
      primary.free();
      primary = null;
    }
    this.primaryCtx = primary;
    return primary;
  }

  /** RAND_get0_public: the public DRBG, created under the primary on first use. */
  getPublic(): RandImpl | null {
    if (this.publicCtx === null) this.publicCtx = this.newSecondary('public');
    return this.publicCtx;
  }

  /** RAND_get0_private: the private DRBG, created under the primary on first use. */
  getPrivate(): RandImpl | null {
    if (this.privateCtx === null) this.privateCtx = this.newSecondary('private');
    return this.privateCtx;
  }

  /**
   * Reseeds the chain now, top down (randshim's control, not an OpenSSL function): the primary
   * with prediction resistance (from its seed source), then public and private from the fresh
   * primary, each with `adin`. Creates them if needed; false when any step failed.
   */
  reseedNow(adin: Uint8Array | null): boolean {
    const levels: [() => RandImpl | null, boolean][] = [
      [() => this.getPrimary(), true], [() => this.getPublic(), false], [() => this.getPrivate(), false],
    ];
    for (const [get, predictionResistance] of levels) {
      const ctx = get();
      if (ctx === null || !ctx.reseed(predictionResistance, null, adin)) return false;
    }
    return true;
  }

  /**
   * RAND_set0_public / RAND_set0_private (3.1+): `ctx` becomes that level's DRBG (null: none, so
   * the next use creates one again) and the one it replaces is returned for the caller to free
   * (crypto/rand/rand_lib.c: CRYPTO_THREAD_set_local, then EVP_RAND_CTX_free(old)).
   */
  replaceSecondary(level: 'public' | 'private', ctx: RandImpl | null): RandImpl | null {
    const old = level === 'public' ? this.publicCtx : this.privateCtx;
    if (level === 'public') this.publicCtx = ctx;
    else this.privateCtx = ctx;
    return old;
  }

  private newSecondary(level: 'public' | 'private'): RandImpl | null {
    const primary = this.getPrimary();
    if (primary === null) return null;
    return this.newDrbg(primary, level, SECONDARY_RESEED_INTERVAL, SECONDARY_RESEED_TIME_INTERVAL);
  }

  /**
   * RAND_bytes_ex / drbg_bytes: EVP_RAND_generate(public, buf, num, strength, 0, NULL, 0).
   * There is no per-call additional input in 3.x. `num` < 0 returns 0 (RAND_bytes' check);
   * `num` = 0 still creates the chain and returns 1. A `num` C could not pass with `buf` (beyond
   * it, or not an integer) returns 0 with RAND ERR_R_PASSED_INVALID_ARGUMENT.
   */
  bytes(buf: Uint8Array, num: number, strength = 0): number {
    return this.generateOn(() => this.getPublic(), buf, num, strength);
  }

  /** RAND_priv_bytes_ex: the same on the private DRBG. */
  privBytes(buf: Uint8Array, num: number, strength = 0): number {
    return this.generateOn(() => this.getPrivate(), buf, num, strength);
  }

  private generateOn(get: () => RandImpl | null, buf: Uint8Array, num: number, strength: number): number {
    if (num < 0) return 0;
    if (!fits(buf, num)) return 0;
    const ctx = get();
    if (ctx === null) return 0;
    return evpGenerate(ctx, buf.subarray(0, num), strength, false, null) ? 1 : 0;
  }

  /**
   * drbg_add (crypto/rand/rand_meth.c), what RAND_add calls: gets the primary (creating the
   * chain's top), returns 0 if there is none or `num` <= 0, else returns
   * EVP_RAND_reseed(primary, 0, NULL, 0, buf, num): a full reseed from the seed source with
   * the buffer as additional input. `randomness` is ignored.
   */
  add(buf: Uint8Array | null, num: number, randomness: number): number {
    void randomness;
    const primary = this.getPrimary();
    if (primary === null || num <= 0) return 0;
    if (buf !== null && !fits(buf, num)) return 0;
    // randshim: a seed source that takes events (FORTUNA) also gets the buffer as one event.
    const events = this.seedCtx as { addEvent?: (data: Uint8Array) => boolean } | null;
    if (buf !== null && events?.addEvent !== undefined) events.addEvent(buf.subarray(0, num));
    return evpReseed(primary, false, null, buf === null ? null : buf.subarray(0, num)) ? 1 : 0;
  }

  /** drbg_seed, what RAND_seed calls: drbg_add(buf, num, num). */
  seed(buf: Uint8Array | null, num: number): number {
    return this.add(buf, num, num);
  }

  /** RAND_poll with the default method: RAND_seed("polling", 8), then 1 whatever happened. */
  poll(): number {
    this.seed(POLL_SALT, POLL_SALT.length);
    return 1;
  }

  /** RAND_status / drbg_status: 1 iff the primary exists (it is created here) and is READY. */
  status(): number {
    const primary = this.getPrimary();
    if (primary === null) return 0;
    return evpGetState(primary) === RandState.READY ? 1 : 0;
  }

  /** ossl_rand_ctx_free plus the thread-stop cleanup: frees every context. */
  free(): void {
    for (const ctx of [this.publicCtx, this.privateCtx, this.primaryCtx]) ctx?.free();
    if (this.ownsSeed) this.seedCtx?.free();
    this.publicCtx = this.privateCtx = this.primaryCtx = this.seedCtx = null;
  }
}

/** ERR_set_mark(); op(); ERR_pop_to_mark(): whatever `op` left on the error queue is removed. */
function discardingErrors<T>(op: () => T): T {
  const mark = setMark();
  const result = op();
  popToMark(mark);
  return result;
}

function withKeys(config: RandomConfig, keys: { [K in keyof RandomConfig]?: string | null }): RandomConfig {
  const next: { -readonly [K in keyof RandomConfig]?: string } = { ...config };
  for (const [k, v] of Object.entries(keys) as [keyof RandomConfig, string | null][]) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  return next;
}
