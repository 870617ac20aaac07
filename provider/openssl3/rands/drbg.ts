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
import { utf8 } from '../../bytes.js';
import { DEFAULT_PROVIDER_DEFINITION, FIPS_PROVIDER_DEFINITION } from '../core/provider-store.js';
import { realmCloneGuard, type CloneGuard } from '../../platform/clone-guard.js';
import { CloneWatch } from '../../platform/clone-watch.js';
import { raise } from '../../err/queue.js';
import { currentForkId, defaultNonce } from '../../platform/os-entropy.js';
import { osEntropy, type EntropyPoll } from '../../rand-pool/os-pool.js';
import type { MechanismConfig } from '../../sp800-90a/index.js';
import type { DrbgLimits } from '../../sp800-90a/mechanism.js';
import type { OSSL_PARAM } from '../core/param-memory.js';
import {
  OSSL_PARAM_construct_end, OSSL_PARAM_construct_int, OSSL_PARAM_construct_utf8_string, OSSL_PARAM_get_time_t,
  OSSL_PARAM_get_uint, OSSL_PARAM_locate, OSSL_PARAM_locate_const, OSSL_PARAM_set_int, OSSL_PARAM_set_size_t,
  OSSL_PARAM_set_time_t, OSSL_PARAM_set_uint,
} from '../core/ossl-param.js';
import { paramsDecoded, tableKeys } from '../core/param-decoder.js';
import { paramDescriptors } from '../core/rand-params.js';
import { lineBehaviour } from '../lines.js';
import { providerNameSettable } from './provider-name-param.js';
import { getBackend, type BackendName, type PrimitiveBackend } from '../../sp800-90a/primitives/index.js';
import { parentAcceptsLocking, RandBase } from './rand-base.js';
import { RandState, type RandImpl, type RandParamName, type RandParams } from './rand-impl.js';
import { newIdentity } from '../../platform/process-identity.js';
import { newVariant, type DrbgVariant } from './variants.js';

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
  /** FIPS_MODULE behaviour (from code reading; no FIPS provider was run): entropy given to
   * reseed is used as additional input only (drbg.c ossl_prov_drbg_reseed, SP 800-90A 8.6.5),
   * and ciphers and digests are fetched from the FIPS provider ("provider=fips,fips=yes"). */
  readonly fips?: boolean;
  /** The OS entropy source of a parentless DRBG. */
  readonly osEntropy?: EntropyPoll;
  /** The OS nonce of a parentless DRBG (default: OpenSSL's 40-byte layout). */
  readonly osNonce?: (identity: Uint8Array) => Uint8Array | null;
  /** What signals that this DRBG's memory may have been copied (snapshot restore, VM generation
   * change, application depletion). Default: the realm's guard. */
  readonly cloneGuard?: CloneGuard;
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
const COMMON_SETTABLE: readonly RandParamName[] = ['reseed_requests', 'reseed_time_interval'];

/** The set_ctx_params a configuration stands for (what EVP_RAND_CTX_set_params would be given). */
function configParams(config: MechanismConfig | UnconfiguredMechanism): OSSL_PARAM[] | null {
  const params: OSSL_PARAM[] = [];
  if (config.type === 'CTR-DRBG') {
    if (config.cipher === undefined) return null;
    params.push(OSSL_PARAM_construct_int('use_derivation_function', { value: config.useDf === false ? 0 : 1 }));
    params.push(OSSL_PARAM_construct_utf8_string('cipher', config.cipher, 0));
  } else {
    if (config.digest === undefined) return null;
    params.push(OSSL_PARAM_construct_utf8_string('digest', config.digest, 0));
    if (config.type === 'HMAC-DRBG') params.push(OSSL_PARAM_construct_utf8_string('mac', config.mac ?? 'HMAC', 0));
  }
  params.push(OSSL_PARAM_construct_end());
  return params;
}

export class DrbgCtx extends RandBase implements RandImpl {
  readonly algorithm: MechanismConfig['type'];
  readonly parent: RandImpl | null;
  readonly backend: PrimitiveBackend;
  /** The bytes a child pulling from this DRBG sends as additional input (its "address"). */
  identity: Uint8Array;
  readonly fips: boolean;

  /** The type-specific half (PROV_DRBG_CTR / _HASH / _HMAC). */
  private readonly variant: DrbgVariant;

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
  /** The fork id and clone-guard epoch this DRBG last saw (OpenSSL's drbg->fork_id). */
  private readonly cloneWatch: CloneWatch;
  /** Prediction resistance on every generate, whatever the caller asks (randshim's control,
   * as s2n's default and Mbed TLS's psa_random_set_prediction_resistance). */
  predictionResistanceAlways = false;
  private lockingEnabled = false;

  private readonly clock: () => number;
  private readonly forkId: () => number;
  private readonly osEntropy: EntropyPoll;
  private readonly osNonce: (identity: Uint8Array) => Uint8Array | null;
  readonly cloneGuard: CloneGuard;

  constructor(options: DrbgCtxOptions) {
    super();
    this.algorithm = options.mechanism.type;
    this.parent = options.parent ?? null;
    this.backend = getBackend(options.backend);
    this.identity = options.identity ?? newIdentity();
    this.fips = options.fips ?? false;
    this.clock = options.clock ?? (() => Math.floor(Date.now() / 1000));
    this.forkId = options.forkId ?? currentForkId;
    this.osEntropy = options.osEntropy ?? osEntropy;
    this.osNonce = options.osNonce ?? ((identity) => defaultNonce(identity));
    this.cloneGuard = options.cloneGuard ?? realmCloneGuard;
    this.cloneWatch = new CloneWatch({ forkId: this.forkId, cloneGuard: this.cloneGuard });
    this.variant = newVariant(options.mechanism.type, {
      backend: this.backend,
      definition: this.fips ? FIPS_PROVIDER_DEFINITION : DEFAULT_PROVIDER_DEFINITION,
    });
    if (options.mechanism.type === 'CTR-DRBG' && options.mechanism.cipher === undefined && options.mechanism.useDf === false) {
      (this.variant as { useDf?: boolean }).useDf = false;
    }
  }

  /**
   * ossl_rand_drbg_new's second half: refuse a parent weaker than us
   * (PROV_R_PARENT_STRENGTH_TOO_WEAK). A complete `mechanism` configuration is applied first, as
   * set_ctx_params would. Returns null (with errors raised) on failure.
   */
  static create(options: DrbgCtxOptions): DrbgCtx | null {
    const drbg = new DrbgCtx(options);
    const params = configParams(options.mechanism);
    if (params !== null && !drbg.setCtxParamArray(params)) return null;
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

  private get limits(): DrbgLimits {
    return this.variant.limits;
  }

  get drbgLimits(): DrbgLimits {
    return this.variant.limits;
  }

  get strength(): number {
    return this.variant.limits.strength;
  }

  /** The cipher or digest the parameters name (what "cipher" / "digest" report), or null. */
  get algorithmName(): string | null {
    return this.variant.algorithmName;
  }

  /** The mechanism's live secret buffers, for zeroization tests. */
  secretBuffers(): readonly Uint8Array[] {
    return this.variant.secretBuffers();
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

  /** ossl_prov_drbg_instantiate. `pers` null means the 29-byte default personalization;
   * `perslen` (default pers.length) is C's length, ignored with a NULL pers as in C. */
  instantiate(strength: number, predictionResistance: boolean, pers: Uint8Array | null,
    perslen: number = pers === null ? 0 : pers.length): boolean {
    let nonce: Uint8Array | null = null;
    let ownsNonce = false;
    const limits = this.limits;
    const epoch = this.cloneWatch.epoch();
    end: {
      if (strength > limits.strength) {
        raise('PROV', 'INSUFFICIENT_DRBG_STRENGTH');
        break end;
      }
      let minEntropy = limits.strength;
      let minEntropyLen = limits.minEntropyLen;
      let maxEntropyLen = limits.maxEntropyLen;
      const persBytes = pers ?? DEFAULT_PERS_3X;
      const persLength = pers === null ? DEFAULT_PERS_3X.length : perslen;
      if (persLength > limits.maxPersLen) {
        raise('PROV', 'PERSONALISATION_STRING_TOO_LONG');
        break end;
      }
      if (this.state !== RandState.UNINITIALISED) {
        raise('PROV', this.state === RandState.ERROR ? 'IN_ERROR_STATE' : 'ALREADY_INSTANTIATED');
        break end;
      }
      // C reads perslen bytes: a shorter JavaScript buffer is refused after OpenSSL's checks.
      if (persBytes.length < persLength) {
        raise('PROV', 'PASSED_INVALID_ARGUMENT');
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
      const ok = this.variant.instantiate(entropy, nonce, persBytes);
      this.cleanupEntropy(entropy);
      if (!ok) {
        raise('PROV', 'ERROR_INSTANTIATING_DRBG');
        break end;
      }

      this.markSeeded(epoch);
    }
    if (nonce !== null && ownsNonce) nonce.fill(0);
    return this.state === RandState.READY;
  }

  /** The per-type uninstantiate: zeroize the mechanism, then state = UNINITIALISED. */
  uninstantiate(): boolean {
    this.variant.uninstantiate();
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
   * buffer, then from its own source. In FIPS mode (`fips`; from code reading of drbg.c
   * lines 557-572, FIPS_MODULE, not run against a FIPS provider) the first reseed takes the
   * buffer as additional input with NULL entropy (SP 800-90A 8.6.5), which CTR refuses
   * (drbg_ctr.c line 348: PROV_R_UNABLE_TO_RESEED, state ERROR), and the caller's additional
   * input is kept for the second.
   */
  reseed(predictionResistance: boolean, ent: Uint8Array | null, adin: Uint8Array | null,
    entlen: number = ent === null ? 0 : ent.length, adinlen: number = adin === null ? 0 : adin.length): boolean {
    if (!this.recover()) return false;
    const limits = this.limits;
    if (ent !== null) {
      if (entlen < limits.minEntropyLen) {
        raise('RAND', 'ENTROPY_OUT_OF_RANGE');
        this.state = RandState.ERROR;
        return false;
      }
      if (entlen > limits.maxEntropyLen) {
        raise('RAND', 'ENTROPY_INPUT_TOO_LONG');
        this.state = RandState.ERROR;
        return false;
      }
    }
    if (adin !== null && adinlen > limits.maxAdinLen) {
      raise('PROV', 'ADDITIONAL_INPUT_TOO_LONG');
      return false;
    }
    // C reads ent_len / adinlen bytes: shorter JavaScript buffers are refused after the limits.
    if ((ent !== null && ent.length < entlen) || (adin !== null && adin.length < adinlen)) {
      raise('PROV', 'PASSED_INVALID_ARGUMENT');
      return false;
    }

    this.state = RandState.ERROR;
    this.nextReseedCounter();
    const mechanism = this.variant;
    const epoch = this.cloneWatch.epoch();

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

    // The state is ERROR from here; only a successful reseed makes it READY again.
    let seeded = false;
    const entropy = this.getEntropy(limits.strength, limits.minEntropyLen, limits.maxEntropyLen,
      predictionResistance);
    const entropylen = entropy === null ? 0 : entropy.length;
    if (entropylen < limits.minEntropyLen || entropylen > limits.maxEntropyLen) {
      raise('PROV', 'ERROR_RETRIEVING_ENTROPY');
    } else if (mechanism.reseed(entropy, adin)) {
      this.markSeeded(epoch);
      if (this.parent !== null) this.parentReseedCounter = this.getParentReseedCount();
      seeded = true;
    }
    this.cleanupEntropy(entropy);
    return seeded;
  }

  /** ossl_prov_drbg_generate: one request of at most max_request bytes. `adinlen` and `outlen`
   * (default: the buffers' lengths) are C's; C checks adinlen even with a NULL adin. */
  generate(out: Uint8Array, strength: number, predictionResistance: boolean, adin: Uint8Array | null,
    adinlen: number = adin === null ? 0 : adin.length, outlen: number = out.length): boolean {
    if (!this.recover()) return false;
    const limits = this.limits;
    if (strength > limits.strength) {
      raise('PROV', 'INSUFFICIENT_DRBG_STRENGTH');
      return false;
    }
    if (outlen > limits.maxRequest) {
      raise('PROV', 'REQUEST_TOO_LARGE_FOR_DRBG');
      return false;
    }
    if (adinlen > limits.maxAdinLen) {
      raise('PROV', 'ADDITIONAL_INPUT_TOO_LONG');
      return false;
    }
    if (out.length < outlen || (adin !== null && adin.length < adinlen)) {
      raise('PROV', 'PASSED_INVALID_ARGUMENT');
      return false;
    }

    if (this.predictionResistanceAlways || this.cloneGuard.predictionResistance) predictionResistance = true;
    // Clone signals: OpenSSL's fork check, then randshim's clone guard (platform/clone-watch.ts).
    const clone = this.cloneWatch.check();
    if (clone === 'diversify') {
      if (!this.reseed(predictionResistance, null, this.cloneWatch.diversifier())) {
        raise('PROV', 'RESEED_ERROR');
        return false;
      }
      predictionResistance = false;
    }
    let reseedRequired = clone === 'reseed-required';
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
      adinlen = 0;
    }

    if (!this.variant.generate(out, adin, this.generateCounter, adin === null ? adinlen : adin.length)) {
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

  /** What a successful instantiate or reseed leaves (drbg.c): READY, generate_counter 1, the
   * reseed time and counter; and the clone guard's epoch read when the (re)seed began. */
  private markSeeded(epoch: number): void {
    this.state = RandState.READY;
    this.generateCounter = 1;
    this.reseedTime = this.clock();
    this.reseedCounter = this.reseedNextCounter;
    this.cloneWatch.seeded(epoch);
  }

  // ---- clone safety (randshim's controls; not OpenSSL functions) ----

  /** Forces a reseed before the next output (Mbed TLS's psa_random_deplete, for one DRBG). */
  deplete(): void {
    this.cloneWatch.deplete();
  }

  /** Whether the next generate reseeds because of a clone signal or a deplete. */
  get depleted(): boolean {
    return this.cloneWatch.depleted;
  }

  /** The mechanism's working state (a copy the caller must wipe), or null when no algorithm
   * is configured. See ./state-transport.ts for the transport format. */
  exportWorkingState(): Uint8Array | null {
    return this.variant.exportState();
  }

  /**
   * Takes over an exported working state and the counters that go with it, as READY. `reseed`
   * (the default) depletes it: a copy of a DRBG state must never produce output before a reseed.
   */
  importWorkingState(working: Uint8Array, counters: { generateCounter: number; reseedTime: number; reseedCounter: number },
    reseedBeforeUse: boolean): boolean {
    if (!this.variant.importState(working)) return false;
    this.state = RandState.READY;
    this.generateCounter = counters.generateCounter;
    this.reseedTime = counters.reseedTime;
    this.reseedCounter = counters.reseedCounter;
    this.cloneWatch.adopt(reseedBeforeUse);
    return true;
  }

  // ---- locking (a no-op in one JavaScript realm; kept for the dispatch table) ----

  enableLocking(): boolean {
    if (!this.lockingEnabled) {
      if (!parentAcceptsLocking(this.parent)) return false;
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
    return this.variant.verifyZeroization();
  }

  // ---- parameters (the per-type get/set_ctx_params, then ossl_drbg_get/set_ctx_params) ----

  gettableCtxParamArray(): OSSL_PARAM[] {
    return paramDescriptors([...this.variant.gettable, ...COMMON_GETTABLE]);
  }

  settableCtxParamArray(): OSSL_PARAM[] {
    return paramDescriptors([...this.variant.settable, ...providerNameSettable(), ...COMMON_SETTABLE]);
  }

  /**
   * drbg_<type>_get_ctx_params: the type's own parameters, then ossl_drbg_get_ctx_params
   * (state, strength through OSSL_PARAM_set_int, max_request and the lengths as size_t,
   * reseed_requests as uint, reseed_time and reseed_time_interval as time_t, reseed_counter as
   * uint), stopping at the first that fails.
   */
  getCtxParamArray(params: OSSL_PARAM[]): boolean {
    if (!paramsDecoded(params, tableKeys(this.gettableCtxParamArray()))) return false;
    const l = this.limits;
    // 3.5+: ossl_drbg_get_ctx_params_no_lock writes these two before the type's own
    const first: [RandParamName, (p: OSSL_PARAM) => number][] = lineBehaviour().drbgGetCountersFirst
      ? [['max_request', (p) => OSSL_PARAM_set_size_t(p, l.maxRequest)], ['reseed_counter', (p) => OSSL_PARAM_set_uint(p, this.reseedCounter)]]
      : [];
    for (const [name, set] of first) {
      const p = OSSL_PARAM_locate(params, name);
      if (p !== null && !set(p)) return false;
    }
    if (!this.variant.getParams(params)) return false;
    const sets: [RandParamName, (p: OSSL_PARAM) => number][] = [
      ['state', (p) => OSSL_PARAM_set_int(p, this.state)],
      ['strength', (p) => OSSL_PARAM_set_int(p, l.strength | 0)],
      ['max_request', (p) => OSSL_PARAM_set_size_t(p, l.maxRequest)],
      ['min_entropylen', (p) => OSSL_PARAM_set_size_t(p, l.minEntropyLen)],
      ['max_entropylen', (p) => OSSL_PARAM_set_size_t(p, l.maxEntropyLen)],
      ['min_noncelen', (p) => OSSL_PARAM_set_size_t(p, l.minNonceLen)],
      ['max_noncelen', (p) => OSSL_PARAM_set_size_t(p, l.maxNonceLen)],
      ['max_perslen', (p) => OSSL_PARAM_set_size_t(p, l.maxPersLen)],
      ['max_adinlen', (p) => OSSL_PARAM_set_size_t(p, l.maxAdinLen)],
      ['reseed_requests', (p) => OSSL_PARAM_set_uint(p, this.reseedInterval)],
      ['reseed_time', (p) => OSSL_PARAM_set_time_t(p, this.reseedTime)],
      ['reseed_time_interval', (p) => OSSL_PARAM_set_time_t(p, this.reseedTimeInterval)],
      ['reseed_counter', (p) => OSSL_PARAM_set_uint(p, this.reseedCounter)],
    ];
    for (const [name, set] of sets) {
      if (first.some(([done]) => done === name)) continue;
      const p = OSSL_PARAM_locate(params, name);
      if (p !== null && !set(p)) return false;
    }
    return true;
  }

  /**
   * drbg_<type>_set_ctx_params: the type's own parameters, then ossl_drbg_set_ctx_params
   * (reseed_requests through OSSL_PARAM_get_uint, reseed_time_interval through
   * OSSL_PARAM_get_time_t; no range checks), stopping at the first that fails: whatever was
   * applied before stays applied.
   */
  override setCtxParamArray(params: OSSL_PARAM[] | null): boolean {
    const list = params ?? [];
    if (!paramsDecoded(params, tableKeys(this.settableCtxParamArray()))) return false;
    if (!this.variant.setParams(list)) return false;
    if (params === null) return true;
    let p = OSSL_PARAM_locate_const(list, 'reseed_requests');
    if (p !== null) {
      const v = { value: 0 };
      if (!OSSL_PARAM_get_uint(p, v)) return false;
      this.reseedInterval = v.value as number;
    }
    p = OSSL_PARAM_locate_const(list, 'reseed_time_interval');
    if (p !== null) {
      const v = { value: 0 };
      if (!OSSL_PARAM_get_time_t(p, v)) return false;
      this.reseedTimeInterval = v.value as number;
    }
    return true;
  }

  /** freectx: zeroize the working state. */
  free(): void {
    this.uninstantiate();
  }
}
