/**
 * The generic DRBG: OpenSSL 3.0's providers/implementations/rands/drbg.c in TypeScript. It owns
 * the SP 800-90A state machine (uninstantiated / ready / error), the reseed counters and
 * intervals, entropy and nonce gathering from a parent (any {@link RandImpl}: TEST-RAND,
 * SEED-SRC or another DRBG) or from the OS, and delegates the arithmetic to a
 * {@link Mechanism} (CTR, Hash or HMAC).
 *
 * Methods keep OpenSSL's semantics exactly: they return OpenSSL's success flag, raise
 * OpenSSL's reasons onto the error queue, and leave the state where OpenSSL leaves it
 * (including its quirks, e.g. instantiate on a READY DRBG raising an error but returning 1).
 * compat/ builds EVP_RAND on these methods; {@link Drbg} wraps them into a throwing API.
 */
import { utf8 } from '../bytes.js';
import { raise } from '../errors.js';
import { currentForkId, defaultNonce, osEntropy, type EntropyPoll } from '../entropy/os.js';
import { createMechanism, type MechanismConfig } from '../mechanisms/index.js';
import { DRBG_MAX_LENGTH, DRBG_MAX_REQUEST, type DrbgLimits, type Mechanism } from '../mechanisms/mechanism.js';
import { getBackend, type BackendName, type PrimitiveBackend } from '../primitives/index.js';
import { RandState, type RandImpl, type RandParamName, type RandParams } from '../rand.js';
import { newIdentity } from './identity.js';

/** "OpenSSL NIST SP 800-90A DRBG" plus its terminating NUL: 3.x passes sizeof() = 29 bytes
 * when the caller's personalization is NULL (drbg.c ossl_pers_string). */
export const DEFAULT_PERS_3X = Uint8Array.from([...utf8('OpenSSL NIST SP 800-90A DRBG'), 0]);

/** RESEED_INTERVAL (1 << 8) and TIME_INTERVAL (3600 s): the 3.x defaults for every DRBG. */
export const DEFAULT_RESEED_INTERVAL = 256;
export const DEFAULT_RESEED_TIME_INTERVAL = 3600;

const UINT_MAX = 0xffffffff;

export interface DrbgCtxOptions {
  /** Mechanism and its algorithm. A CTR config without `cipher` (or Hash/HMAC without
   * `digest`) leaves the DRBG unconfigured, as EVP_RAND_CTX_new does until params are set. */
  readonly mechanism: MechanismConfig | UnconfiguredMechanism;
  /** The parent source; null or absent means the OS (ossl_prov_get_entropy). */
  readonly parent?: RandImpl | null;
  readonly backend?: BackendName | PrimitiveBackend;
  /** time(NULL): seconds. Injectable so reseed-by-time is testable. */
  readonly clock?: () => number;
  /** openssl_get_fork_id(): getpid(). Injectable so fork safety is testable. */
  readonly forkId?: () => number;
  /** This DRBG's address as OpenSSL would pass it as additional input (8 bytes on LP64). */
  readonly identity?: Uint8Array;
  /** FIPS_MODULE behaviour: entropy given to reseed is used as additional input only. */
  readonly fips?: boolean;
  /** The OS entropy source of a parentless DRBG. */
  readonly osEntropy?: EntropyPoll;
  /** The OS nonce of a parentless DRBG (default: OpenSSL's 40-byte layout). */
  readonly osNonce?: (identity: Uint8Array) => Uint8Array | null;
}

export type UnconfiguredMechanism =
  | { readonly type: 'CTR-DRBG'; readonly cipher?: undefined; readonly useDf?: boolean }
  | { readonly type: 'HASH-DRBG'; readonly digest?: undefined }
  | { readonly type: 'HMAC-DRBG'; readonly digest?: undefined; readonly mac?: string };

const COMMON_GETTABLE: readonly RandParamName[] = [
  'state', 'strength', 'max_request', 'min_entropylen', 'max_entropylen', 'min_noncelen',
  'max_noncelen', 'max_perslen', 'max_adinlen', 'reseed_counter', 'reseed_time', 'reseed_requests',
  'reseed_time_interval',
];

/** Limits of a DRBG whose cipher or digest is not set yet (drbg_*_new + init_lengths, keylen 0). */
function unconfiguredLimits(type: MechanismConfig['type'], useDf: boolean): DrbgLimits {
  const open = {
    strength: 0, seedlen: type === 'HASH-DRBG' ? 111 : 0,
    minEntropyLen: 0, maxEntropyLen: DRBG_MAX_LENGTH, minNonceLen: 0, maxNonceLen: DRBG_MAX_LENGTH,
    maxPersLen: DRBG_MAX_LENGTH, maxAdinLen: DRBG_MAX_LENGTH, maxRequest: DRBG_MAX_REQUEST,
  };
  if (type === 'CTR-DRBG' && !useDf) {
    return {
      ...open, minEntropyLen: DRBG_MAX_LENGTH, maxEntropyLen: DRBG_MAX_LENGTH, minNonceLen: 0,
      maxNonceLen: 0, maxPersLen: DRBG_MAX_LENGTH, maxAdinLen: DRBG_MAX_LENGTH,
    };
  }
  return open;
}

export class DrbgCtx implements RandImpl {
  readonly algorithm: MechanismConfig['type'];
  readonly parent: RandImpl | null;
  readonly backend: PrimitiveBackend;
  /** The bytes a child pulling from this DRBG sends as additional input (its "address"). */
  identity: Uint8Array;
  readonly fips: boolean;

  private mechanism: Mechanism | null = null;
  private mechanismConfig: MechanismConfig | UnconfiguredMechanism;
  private limits: DrbgLimits;

  state: RandState = RandState.UNINITIALISED;
  /** SP 800-90A's reseed_counter: generate requests since the last (re)seed, from 1. */
  generateCounter = 1;
  /** 0 disables reseeding by count. */
  reseedInterval = DEFAULT_RESEED_INTERVAL;
  /** Seconds of the last (re)seed, from the clock. */
  reseedTime = 0;
  /** 0 (or negative) disables reseeding by time. */
  reseedTimeInterval = DEFAULT_RESEED_TIME_INTERVAL;
  /** OpenSSL's propagation counter: bumped on every successful (re)seed, skipping 0. */
  reseedCounter = 1;
  private reseedNextCounter = 0;
  /** The parent's reseed_counter seen at our last reseed (0 until then: the first generate
   * after instantiate therefore reseeds when the parent reports a counter). */
  parentReseedCounter = 0;
  private forkIdValue: number;
  private lockingEnabled = false;

  private readonly clock: () => number;
  private readonly forkId: () => number;
  private readonly osEntropy: EntropyPoll;
  private readonly osNonce: (identity: Uint8Array) => Uint8Array | null;

  constructor(options: DrbgCtxOptions) {
    this.algorithm = options.mechanism.type;
    this.parent = options.parent ?? null;
    this.backend = getBackend(options.backend);
    this.identity = options.identity ?? newIdentity();
    this.fips = options.fips ?? false;
    this.clock = options.clock ?? (() => Math.floor(Date.now() / 1000));
    this.forkId = options.forkId ?? currentForkId;
    this.osEntropy = options.osEntropy ?? osEntropy;
    this.osNonce = options.osNonce ?? ((identity) => defaultNonce(identity));
    this.forkIdValue = this.forkId();
    this.mechanismConfig = options.mechanism;
    this.limits = unconfiguredLimits(options.mechanism.type, useDfOf(options.mechanism));
  }

  /**
   * ossl_rand_drbg_new's second half: configure the mechanism, then refuse a parent weaker
   * than us (PROV_R_PARENT_STRENGTH_TOO_WEAK). Returns null (with errors raised) on failure.
   */
  static create(options: DrbgCtxOptions): DrbgCtx | null {
    const drbg = new DrbgCtx(options);
    if (!drbg.configure(options.mechanism)) return null;
    if (drbg.parent !== null) {
      const parentStrength = drbg.getParentStrength();
      if (parentStrength === undefined) return null;
      if (drbg.limits.strength > parentStrength) {
        raise('PROV', 'PARENT_STRENGTH_TOO_WEAK');
        return null;
      }
    }
    return drbg;
  }

  /** Installs a (new) mechanism configuration, as setting "cipher"/"digest"/"use_df" does.
   * The working state of a previous mechanism is zeroized. */
  configure(config: MechanismConfig | UnconfiguredMechanism): boolean {
    const complete = config.type === 'CTR-DRBG' ? config.cipher !== undefined : config.digest !== undefined;
    if (!complete) {
      this.mechanism?.uninstantiate();
      this.mechanism = null;
      this.mechanismConfig = config;
      this.limits = unconfiguredLimits(config.type, useDfOf(config));
      return true;
    }
    const mechanism = createMechanism(config as MechanismConfig, this.backend);
    if (mechanism === undefined) return false;
    this.mechanism?.uninstantiate();
    this.mechanism = mechanism;
    this.mechanismConfig = config;
    this.limits = mechanism.limits;
    return true;
  }

  get config(): MechanismConfig | UnconfiguredMechanism {
    return this.mechanismConfig;
  }

  get drbgLimits(): DrbgLimits {
    return this.limits;
  }

  get strength(): number {
    return this.limits.strength;
  }

  /** The mechanism's live secret buffers, for zeroization tests. */
  secretBuffers(): readonly Uint8Array[] {
    return this.mechanism?.secretBuffers() ?? [];
  }

  // ---- parent access (drbg.c get_parent_strength, get_parent_reseed_count, get_entropy) ----

  private lockParent(): boolean {
    if (this.parent !== null && !this.parent.lock()) {
      raise('PROV', 'PARENT_LOCKING_NOT_ENABLED');
      return false;
    }
    return true;
  }

  private unlockParent(): void {
    this.parent?.unlock();
  }

  private getParentStrength(): number | undefined {
    const parent = this.parent as RandImpl;
    // A DRBG parent reports its strength without fail: skip the params round trip.
    if (parent instanceof DrbgCtx) return parent.limits.strength;
    if (!this.lockParent()) {
      raise('PROV', 'UNABLE_TO_LOCK_PARENT');
      return undefined;
    }
    const p: RandParams = { strength: 0 };
    const ok = parent.getCtxParams(['strength'], p);
    this.unlockParent();
    if (!ok) {
      raise('PROV', 'UNABLE_TO_GET_PARENT_STRENGTH');
      return undefined;
    }
    return p.strength;
  }

  private getParentReseedCount(): number {
    const parent = this.parent as RandImpl;
    // Checked on every generate: read a DRBG parent's counter directly (same value).
    if (parent instanceof DrbgCtx) return parent.reseedCounter;
    if (!this.lockParent()) {
      raise('PROV', 'UNABLE_TO_LOCK_PARENT');
      const r = (this.reseedCounter - 2) >>> 0;
      return r === 0 ? UINT_MAX : r;
    }
    const p: RandParams = { reseed_counter: 0 };
    const ok = parent.getCtxParams(['reseed_counter'], p);
    this.unlockParent();
    return ok ? (p.reseed_counter as number) : 0;
  }

  /** get_entropy: from the parent's get_seed (asking for our strength, whatever `entropy`
   * says), or from the OS when parentless. */
  private getEntropy(entropy: number, minLen: number, maxLen: number, pr: boolean): Uint8Array | null {
    const parent = this.parent;
    if (parent === null) return this.osEntropy(entropy, minLen, maxLen);
    if (parent.getSeed === undefined) {
      raise('PROV', 'PARENT_CANNOT_SUPPLY_ENTROPY_SEED');
      return null;
    }
    const parentStrength = this.getParentStrength();
    if (parentStrength === undefined) return null;
    if (this.limits.strength > parentStrength) {
      raise('PROV', 'PARENT_STRENGTH_TOO_WEAK');
      return null;
    }
    if (!this.lockParent()) return null;
    // In C the child passes its own address here; every parent kind ignores it (a DRBG parent
    // sends its own address instead, see getSeed).
    const seed = parent.getSeed(this.limits.strength, minLen, maxLen, pr, this.identity);
    this.unlockParent();
    return seed;
  }

  private cleanupEntropy(seed: Uint8Array | null): void {
    if (seed === null) return;
    if (this.parent === null) {
      seed.fill(0);
    } else if (this.parent.clearSeed !== undefined) {
      if (!this.lockParent()) return;
      this.parent.clearSeed(seed);
      this.unlockParent();
    }
  }

  /** prov_drbg_get_nonce (parentless): the parent's nonce if any, else the OS nonce. */
  private getOsNonce(): Uint8Array | null {
    return this.osNonce(this.identity);
  }

  private nextReseedCounter(): void {
    let next = this.reseedCounter;
    if (next !== 0) {
      next = (next + 1) >>> 0;
      if (next === 0) next = 1;
    }
    this.reseedNextCounter = next;
  }

  // ---- SP 800-90A functions (ossl_prov_drbg_*) ----

  /** ossl_prov_drbg_instantiate. `pers` null means the 29-byte default personalization. */
  instantiate(strength: number, predictionResistance: boolean, pers: Uint8Array | null): boolean {
    let nonce: Uint8Array | null = null;
    let ownsNonce = false;
    const limits = this.limits;
    end: {
      if (strength > limits.strength) {
        raise('PROV', 'INSUFFICIENT_DRBG_STRENGTH');
        break end;
      }
      let minEntropy = limits.strength;
      let minEntropyLen = limits.minEntropyLen;
      let maxEntropyLen = limits.maxEntropyLen;
      const persBytes = pers ?? DEFAULT_PERS_3X;
      if (persBytes.length > limits.maxPersLen) {
        raise('PROV', 'PERSONALISATION_STRING_TOO_LONG');
        break end;
      }
      if (this.state !== RandState.UNINITIALISED) {
        raise('PROV', this.state === RandState.ERROR ? 'IN_ERROR_STATE' : 'ALREADY_INSTANTIATED');
        break end;
      }
      this.state = RandState.ERROR;

      if (limits.minNonceLen > 0) {
        const parent = this.parent;
        if (parent !== null && parent.nonce !== undefined) {
          const noncelen = parent.nonce(null, limits.strength, limits.minNonceLen, limits.maxNonceLen);
          if (noncelen === 0) {
            raise('PROV', 'ERROR_RETRIEVING_NONCE');
            break end;
          }
          nonce = new Uint8Array(noncelen);
          ownsNonce = true;
          if (noncelen !== parent.nonce(nonce, limits.strength, limits.minNonceLen, limits.maxNonceLen)) {
            raise('PROV', 'ERROR_RETRIEVING_NONCE');
            break end;
          }
        } else if (parent !== null) {
          // SP 800-90A 9.1: take the nonce out of a 1.5x entropy request.
          minEntropy += limits.strength / 2;
          minEntropyLen += limits.minNonceLen;
          maxEntropyLen += limits.maxNonceLen;
        } else {
          nonce = this.getOsNonce();
          ownsNonce = true;
          if (nonce === null || nonce.length < limits.minNonceLen || nonce.length > limits.maxNonceLen) {
            raise('PROV', 'ERROR_RETRIEVING_NONCE');
            break end;
          }
        }
      }

      this.nextReseedCounter();

      const entropy = this.getEntropy(minEntropy, minEntropyLen, maxEntropyLen, predictionResistance);
      const entropylen = entropy === null ? 0 : entropy.length;
      if (entropylen < minEntropyLen || entropylen > maxEntropyLen) {
        raise('PROV', 'ERROR_RETRIEVING_ENTROPY');
        this.cleanupEntropy(entropy);
        break end;
      }
      const ok = this.mechanism !== null && this.mechanism.instantiate(entropy, nonce, persBytes);
      this.cleanupEntropy(entropy);
      if (!ok) {
        // Without a cipher/digest OpenSSL's mechanism fails inside: HMAC on its missing MAC
        // context, Hash in EVP_DigestInit_ex with no digest.
        if (this.mechanism === null && this.algorithm === 'HMAC-DRBG') raise('PROV', 'MISSING_MAC');
        if (this.mechanism === null && this.algorithm === 'HASH-DRBG') raise('EVP', 'NO_DIGEST_SET');
        raise('PROV', 'ERROR_INSTANTIATING_DRBG');
        break end;
      }

      this.state = RandState.READY;
      this.generateCounter = 1;
      this.reseedTime = this.clock();
      this.reseedCounter = this.reseedNextCounter;
    }
    if (nonce !== null && ownsNonce) nonce.fill(0);
    return this.state === RandState.READY;
  }

  /** The per-type uninstantiate: zeroize the mechanism, then state = UNINITIALISED. */
  uninstantiate(): boolean {
    this.mechanism?.uninstantiate();
    this.state = RandState.UNINITIALISED;
    return true;
  }

  /** The "try to recover from previous errors" prologue of reseed and generate. */
  private recover(): boolean {
    if (this.state === RandState.READY) return true;
    this.restart();
    if (this.state === RandState.ERROR) {
      raise('PROV', 'IN_ERROR_STATE');
      return false;
    }
    if (this.state === RandState.UNINITIALISED) {
      raise('PROV', 'NOT_INSTANTIATED');
      return false;
    }
    return true;
  }

  /** rand_drbg_restart: repair the error state, re-instantiate with the default pers. */
  private restart(): boolean {
    if (this.state === RandState.ERROR) this.uninstantiate();
    if (this.state === RandState.UNINITIALISED) this.instantiate(this.limits.strength, false, null);
    return this.state === RandState.READY;
  }

  /**
   * ossl_prov_drbg_reseed. With an explicit entropy buffer it reseeds twice: once with that
   * buffer (in FIPS mode: as additional input, SP 800-90A 8.6.5), then from its own source.
   */
  reseed(predictionResistance: boolean, ent: Uint8Array | null, adin: Uint8Array | null): boolean {
    if (!this.recover()) return false;
    const limits = this.limits;
    if (ent !== null) {
      if (ent.length < limits.minEntropyLen) {
        raise('RAND', 'ENTROPY_OUT_OF_RANGE');
        this.state = RandState.ERROR;
        return false;
      }
      if (ent.length > limits.maxEntropyLen) {
        raise('RAND', 'ENTROPY_INPUT_TOO_LONG');
        this.state = RandState.ERROR;
        return false;
      }
    }
    if (adin !== null && adin.length > limits.maxAdinLen) {
      raise('PROV', 'ADDITIONAL_INPUT_TOO_LONG');
      return false;
    }

    this.state = RandState.ERROR;
    this.nextReseedCounter();
    const mechanism = this.mechanism as Mechanism;

    if (ent !== null) {
      if (this.fips) {
        if (!mechanism.reseed(null, ent)) {
          raise('PROV', 'UNABLE_TO_RESEED');
          return false;
        }
      } else {
        if (!mechanism.reseed(ent, adin)) {
          raise('PROV', 'UNABLE_TO_RESEED');
          return false;
        }
        // "There isn't much point adding the same additional input twice."
        adin = null;
      }
    }

    const entropy = this.getEntropy(limits.strength, limits.minEntropyLen, limits.maxEntropyLen,
      predictionResistance);
    const entropylen = entropy === null ? 0 : entropy.length;
    if (entropylen < limits.minEntropyLen || entropylen > limits.maxEntropyLen) {
      raise('PROV', 'ERROR_RETRIEVING_ENTROPY');
    } else if (mechanism.reseed(entropy, adin)) {
      this.state = RandState.READY;
      this.generateCounter = 1;
      this.reseedTime = this.clock();
      this.reseedCounter = this.reseedNextCounter;
      if (this.parent !== null) this.parentReseedCounter = this.getParentReseedCount();
    }
    this.cleanupEntropy(entropy);
    return this.state === RandState.READY;
  }

  /** ossl_prov_drbg_generate: one request of at most max_request bytes (`out.length`). */
  generate(out: Uint8Array, strength: number, predictionResistance: boolean, adin: Uint8Array | null): boolean {
    if (!this.recover()) return false;
    const limits = this.limits;
    if (strength > limits.strength) {
      raise('PROV', 'INSUFFICIENT_DRBG_STRENGTH');
      return false;
    }
    if (out.length > limits.maxRequest) {
      raise('PROV', 'REQUEST_TOO_LARGE_FOR_DRBG');
      return false;
    }
    const adinlen = adin === null ? 0 : adin.length;
    if (adinlen > limits.maxAdinLen) {
      raise('PROV', 'ADDITIONAL_INPUT_TOO_LONG');
      return false;
    }

    let reseedRequired = false;
    const forkId = this.forkId();
    if (this.forkIdValue !== forkId) {
      this.forkIdValue = forkId;
      reseedRequired = true;
    }
    if (this.reseedInterval > 0 && this.generateCounter >= this.reseedInterval) reseedRequired = true;
    if (this.reseedTimeInterval > 0) {
      const now = this.clock();
      if (now < this.reseedTime || now - this.reseedTime >= this.reseedTimeInterval) reseedRequired = true;
    }
    if (this.parent !== null && this.getParentReseedCount() !== this.parentReseedCounter) reseedRequired = true;

    if (reseedRequired || predictionResistance) {
      if (!this.reseed(predictionResistance, null, adin)) {
        raise('PROV', 'RESEED_ERROR');
        return false;
      }
      adin = null;
    }

    if (!(this.mechanism as Mechanism).generate(out, adin, this.generateCounter)) {
      this.state = RandState.ERROR;
      raise('PROV', 'GENERATE_ERROR');
      return false;
    }
    this.generateCounter = (this.generateCounter + 1) >>> 0;
    return true;
  }

  // ---- what this DRBG offers its children (ossl_drbg_get_seed / clear_seed) ----

  /**
   * ossl_drbg_get_seed: generate clamp(ceil(entropy / 8), minLen, maxLen) bytes for a child,
   * with OUR OWN address as additional input (the child's, passed in `adin`, is ignored).
   */
  getSeed(entropy: number, minLen: number, maxLen: number, predictionResistance: boolean): Uint8Array | null {
    let needed = entropy >= 0 ? Math.ceil(entropy / 8) : 0;
    if (needed < minLen) needed = minLen;
    if (needed > maxLen) needed = maxLen;
    if (needed === 0) {
      // OPENSSL_secure_malloc(0) returns NULL.
      raise('PROV', 'MALLOC_FAILURE');
      return null;
    }
    const buffer = new Uint8Array(needed);
    if (!this.generate(buffer, this.limits.strength, predictionResistance, this.identity)) {
      buffer.fill(0);
      raise('PROV', 'GENERATE_ERROR');
      return null;
    }
    return buffer;
  }

  clearSeed(seed: Uint8Array): void {
    seed.fill(0);
  }

  // ---- locking (a no-op in one JavaScript realm; kept for the dispatch table) ----

  enableLocking(): boolean {
    if (!this.lockingEnabled) {
      if (this.parent !== null && !this.parent.enableLocking()) {
        raise('PROV', 'PARENT_LOCKING_NOT_ENABLED');
        return false;
      }
      this.lockingEnabled = true;
    }
    return true;
  }

  lock(): boolean {
    return true;
  }

  unlock(): void {}

  get isLockingEnabled(): boolean {
    return this.lockingEnabled;
  }

  verifyZeroization(): boolean {
    return this.mechanism === null || this.mechanism.verifyZeroization();
  }

  // ---- parameters (ossl_drbg_get_ctx_params / set_ctx_params and the per-type ones) ----

  gettableParams(): readonly RandParamName[] {
    switch (this.algorithm) {
      case 'CTR-DRBG': return ['cipher', 'use_derivation_function', ...COMMON_GETTABLE];
      case 'HASH-DRBG': return ['digest', ...COMMON_GETTABLE];
      default: return ['mac', 'digest', ...COMMON_GETTABLE];
    }
  }

  settableParams(): readonly RandParamName[] {
    const common: RandParamName[] = ['reseed_requests', 'reseed_time_interval'];
    switch (this.algorithm) {
      case 'CTR-DRBG': return ['properties', 'cipher', 'use_derivation_function', ...common];
      case 'HASH-DRBG': return ['properties', 'digest', ...common];
      default: return ['properties', 'digest', 'mac', ...common];
    }
  }

  getCtxParams(wanted: readonly RandParamName[], into: RandParams): boolean {
    const l = this.limits;
    const config = this.mechanismConfig;
    for (const name of wanted) {
      switch (name) {
        case 'state': into.state = this.state; break;
        case 'strength': into.strength = l.strength; break;
        case 'max_request': into.max_request = l.maxRequest; break;
        case 'min_entropylen': into.min_entropylen = l.minEntropyLen; break;
        case 'max_entropylen': into.max_entropylen = l.maxEntropyLen; break;
        case 'min_noncelen': into.min_noncelen = l.minNonceLen; break;
        case 'max_noncelen': into.max_noncelen = l.maxNonceLen; break;
        case 'max_perslen': into.max_perslen = l.maxPersLen; break;
        case 'max_adinlen': into.max_adinlen = l.maxAdinLen; break;
        case 'reseed_counter': into.reseed_counter = this.reseedCounter; break;
        case 'reseed_time': into.reseed_time = this.reseedTime; break;
        case 'reseed_requests': into.reseed_requests = this.reseedInterval; break;
        case 'reseed_time_interval': into.reseed_time_interval = this.reseedTimeInterval; break;
        case 'use_derivation_function':
          if (config.type !== 'CTR-DRBG') break;
          into.use_derivation_function = useDfOf(config) ? 1 : 0;
          break;
        case 'cipher':
          if (config.type !== 'CTR-DRBG') break;
          if (this.mechanism === null) return false;
          into.cipher = this.mechanism.algorithmName;
          break;
        case 'digest':
          if (config.type === 'CTR-DRBG') break;
          if (this.mechanism === null) return false;
          into.digest = this.mechanism.algorithmName;
          break;
        case 'mac':
          if (config.type !== 'HMAC-DRBG') break;
          if (this.mechanism === null) return false;
          into.mac = 'HMAC';
          break;
        default:
          break;
      }
    }
    return true;
  }

  setCtxParams(params: RandParams): boolean {
    const config = this.mechanismConfig;
    let next: MechanismConfig | UnconfiguredMechanism | undefined;
    if (config.type === 'CTR-DRBG') {
      const useDf = params.use_derivation_function !== undefined
        ? params.use_derivation_function !== 0 : useDfOf(config);
      const cipher = params.cipher ?? config.cipher;
      if (params.use_derivation_function !== undefined || params.cipher !== undefined) {
        next = cipher === undefined ? { type: 'CTR-DRBG', useDf } : { type: 'CTR-DRBG', cipher, useDf };
      }
    } else if (params.digest !== undefined || (config.type === 'HMAC-DRBG' && params.mac !== undefined)) {
      const digest = params.digest ?? config.digest;
      if (config.type === 'HASH-DRBG') {
        next = digest === undefined ? { type: 'HASH-DRBG' } : { type: 'HASH-DRBG', digest };
      } else {
        const mac = params.mac ?? config.mac;
        next = digest === undefined ? { type: 'HMAC-DRBG', mac } : { type: 'HMAC-DRBG', digest, mac };
      }
    }
    if (next !== undefined && !this.configure(next)) return false;
    if (params.reseed_requests !== undefined) this.reseedInterval = params.reseed_requests >>> 0;
    if (params.reseed_time_interval !== undefined) this.reseedTimeInterval = params.reseed_time_interval;
    return true;
  }

  /** freectx: zeroize and drop the mechanism. */
  free(): void {
    this.uninstantiate();
    this.mechanism = null;
  }
}

function useDfOf(config: MechanismConfig | UnconfiguredMechanism): boolean {
  return config.type === 'CTR-DRBG' ? config.useDf ?? true : false;
}
