/**
 * OpenSSL 1.1.1w's RAND_DRBG (crypto/rand/drbg_lib.c, with the default callbacks of
 * rand_lib.c), on randshim's CTR_DRBG mechanism. Every function keeps 1.1.1w's semantics:
 * return values, RANDerr(function, reason) codes raised onto the error queue, the states it
 * leaves, the order in which callbacks are asked for entropy and nonce, and its quirks
 * (instantiate on READY returning 1, generate_counter from 1 with
 * the >= test, reseed propagation of 1.1.1r-w, a parent pull of 1.5x entropy in place of a
 * nonce with the child's address as additional input, the 28-byte default personalization of
 * implicit instantiation, the RAND_add buffer paths of rand_drbg_restart).
 */
import { writeU32LE, writeU64LE, utf8 } from '../bytes.js';
import { raise } from '../err/queue.js';
import { RAND_POOL_MAX_LENGTH } from '../rand-pool/os-pool.js';
import { CtrDrbgMechanism } from '../sp800-90a/ctr-drbg.js';
import { DRBG_MAX_LENGTH } from '../sp800-90a/mechanism.js';
import { findCtrCipher } from '../sp800-90a/primitives/algorithms.js';
import { getBackend, type BackendName, type PrimitiveBackend } from '../sp800-90a/primitives/index.js';
import { newIdentity } from '../platform/process-identity.js';
import { CloneWatch } from '../platform/clone-watch.js';
import {
  NID_aes_128_ctr, NID_aes_192_ctr, NID_aes_256_ctr, RAND_DRBG_FLAG_CTR_NO_DF, MAX_RESEED_INTERVAL,
  MAX_RESEED_TIME_INTERVAL, type Rand111Context,
} from './drbg-context.js';

/** "OpenSSL NIST SP 800-90A DRBG" without its NUL: 1.1.1 passes sizeof - 1 = 28 bytes. */
export const DEFAULT_PERS_111 = utf8('OpenSSL NIST SP 800-90A DRBG');

/** get_entropy: returns the entropy buffer (its length is the C return value) or null (0). */
export type GetEntropyFn = (drbg: RandDrbg, entropy: number, minLen: number, maxLen: number,
  predictionResistance: boolean) => Uint8Array | null;
export type CleanupEntropyFn = (drbg: RandDrbg, out: Uint8Array) => void;
/** get_nonce: returns the nonce buffer or null. */
export type GetNonceFn = (drbg: RandDrbg, entropy: number, minLen: number, maxLen: number) => Uint8Array | null;
export type CleanupNonceFn = (drbg: RandDrbg, out: Uint8Array) => void;

const CIPHER_OF_NID: Record<number, string> = {
  [NID_aes_128_ctr]: 'AES-128-CTR',
  [NID_aes_192_ctr]: 'AES-192-CTR',
  [NID_aes_256_ctr]: 'AES-256-CTR',
};

/** A buffer handed over by RAND_add / RAND_seed while rand_drbg_restart runs (seed_pool). */
interface SeedPool {
  readonly buffer: Uint8Array;
  /** Entropy in bits the caller credited. */
  readonly entropy: number;
}

const raiseRand = (func: string, reason: string): void => raise('RAND', reason, func);

/** DRBG_STATUS of crypto/rand/rand_local.h: the three states of a 1.1.1 RAND_DRBG. */
export const enum DrbgStatus {
  UNINITIALISED = 0,
  READY = 1,
  ERROR = 2,
}

export interface RandDrbgOptions {
  readonly backend?: BackendName | PrimitiveBackend;
  /** The "address" of this DRBG: what it passes as additional input when pulling from its
   * parent, and bytes 24..32 of its default nonce. Default: 8 random bytes. */
  readonly identity?: Uint8Array;
}

export class RandDrbg {
  readonly context: Rand111Context;
  readonly parent: RandDrbg | null;
  readonly secure: boolean;
  readonly backend: PrimitiveBackend;
  identity: Uint8Array;

  type = 0;
  /** unsigned short in C: stored truncated to 16 bits. */
  flags = 0;
  private meth: CtrDrbgMechanism | null = null;

  strength = 0;
  seedlen = 0;
  maxRequest = 0;
  minEntropyLen = 0;
  maxEntropyLen = 0;
  minNonceLen = 0;
  maxNonceLen = 0;
  maxPersLen = 0;
  maxAdinLen = 0;

  state: DrbgStatus = DrbgStatus.UNINITIALISED;
  generateCounter = 0;
  reseedInterval: number;
  reseedTime = 0;
  reseedTimeInterval: number;
  enableReseedPropagation = false;
  reseedCounter = 0;
  /** The fork id and clone-guard epoch this DRBG last saw (drbg->fork_id). */
  private readonly cloneWatch: CloneWatch;
  /** randshim's prediction resistance control: every generate first reseeds the chain from
   * its root (see reseedFromRoot). */
  predictionResistanceAlways = false;
  private seedPool: SeedPool | null = null;
  /** Whether an additional-data pool exists (RAND_DRBG_bytes allocates it lazily). */
  private hasAdinPool = false;
  private readonly adinBuffer = new Uint8Array(24);
  lockEnabled = false;
  private readonly exData = new Map<number, unknown>();

  getEntropy: GetEntropyFn | null = defaultGetEntropy;
  cleanupEntropy: CleanupEntropyFn | null = defaultCleanupEntropy;
  getNonce: GetNonceFn | null;
  cleanupNonce: CleanupNonceFn | null;

  private constructor(context: Rand111Context, secure: boolean, parent: RandDrbg | null, options: RandDrbgOptions) {
    this.context = context;
    this.secure = secure;
    this.parent = parent;
    this.backend = getBackend(options.backend);
    this.identity = options.identity ?? newIdentity();
    this.cloneWatch = new CloneWatch(context);
    if (parent === null) {
      this.getNonce = defaultGetNonce;
      this.cleanupNonce = defaultCleanupNonce;
      this.reseedInterval = context.masterReseedInterval;
      this.reseedTimeInterval = context.masterReseedTimeInterval;
    } else {
      // A child gets no nonce callback: its nonce comes out of a 1.5x entropy pull.
      this.getNonce = null;
      this.cleanupNonce = null;
      this.reseedInterval = context.slaveReseedInterval;
      this.reseedTimeInterval = context.slaveReseedTimeInterval;
    }
  }

  /** rand_drbg_new (RAND_DRBG_new / RAND_DRBG_secure_new): null on failure. */
  static create(context: Rand111Context, type: number, flags: number, parent: RandDrbg | null,
    secure = false, options: RandDrbgOptions = {}): RandDrbg | null {
    const drbg = new RandDrbg(context, secure, parent, options);
    if (!drbg.set(type, flags)) {
      drbg.free();
      return null;
    }
    if (parent !== null && drbg.strength > parent.strength) {
      raiseRand('RAND_DRBG_NEW', 'PARENT_STRENGTH_TOO_WEAK');
      drbg.free();
      return null;
    }
    return drbg;
  }

  /** RAND_DRBG_set: (re)configure type and flags; 0/0 means the current defaults. */
  set(type: number, flags: number): boolean {
    if (type === 0 && flags === 0) {
      type = this.context.drbgType;
      flags = this.context.drbgFlags;
    }
    flags &= 0xffff;
    if (this.type !== 0 && (type !== this.type || flags !== this.flags)) {
      this.meth?.uninstantiate();
      this.hasAdinPool = false;
    }
    this.state = DrbgStatus.UNINITIALISED;
    this.flags = flags;
    this.type = type;
    const cipherName = CIPHER_OF_NID[type];
    if (type === 0) {
      this.meth = null;
      return true;
    }
    if (cipherName === undefined) {
      this.type = 0;
      this.flags = 0;
      this.meth = null;
      raiseRand('RAND_DRBG_SET', 'UNSUPPORTED_DRBG_TYPE');
      return false;
    }
    this.initCtr(cipherName);
    return true;
  }

  /** drbg_ctr_init: method, strength and lengths for the type and the NO_DF flag. */
  private initCtr(cipherName: string): void {
    this.meth?.uninstantiate();
    const useDf = (this.flags & RAND_DRBG_FLAG_CTR_NO_DF) === 0;
    const meth = new CtrDrbgMechanism(findCtrCipher(cipherName)!, useDf, this.backend);
    this.meth = meth;
    const l = meth.limits;
    this.strength = l.strength;
    this.seedlen = l.seedlen;
    this.minEntropyLen = l.minEntropyLen;
    this.maxEntropyLen = l.maxEntropyLen;
    this.minNonceLen = l.minNonceLen;
    this.maxNonceLen = l.maxNonceLen;
    this.maxPersLen = l.maxPersLen;
    this.maxAdinLen = l.maxAdinLen;
    this.maxRequest = l.maxRequest;
  }

  /** Whether a method (type) is selected. */
  get hasMethod(): boolean {
    return this.meth !== null;
  }

  /** RAND_DRBG_free: wipe the working state and drop it. */
  free(): void {
    this.meth?.uninstantiate();
    this.meth = null;
    this.hasAdinPool = false;
    this.exData.clear();
  }

  /** The mechanism's live secret buffers (zeroization tests). */
  secretBuffers(): readonly Uint8Array[] {
    return this.meth?.secretBuffers() ?? [];
  }

  verifyZeroization(): boolean {
    return this.meth === null || this.meth.verifyZeroization();
  }

  /** RAND_DRBG_instantiate. `perslen` defaults to pers.length; C checks it against
   * max_perslen even when pers is NULL (then no personalization is used). */
  instantiate(pers: Uint8Array | null, perslen: number = pers === null ? 0 : pers.length): boolean {
    let entropy: Uint8Array | null = null;
    let nonce: Uint8Array | null = null;
    const epoch = this.cloneWatch.epoch();
    end: {
      if (perslen > this.maxPersLen) {
        raiseRand('RAND_DRBG_INSTANTIATE', 'PERSONALISATION_STRING_TOO_LONG');
        break end;
      }
      if (this.meth === null) {
        raiseRand('RAND_DRBG_INSTANTIATE', 'NO_DRBG_IMPLEMENTATION_SELECTED');
        break end;
      }
      if (this.state !== DrbgStatus.UNINITIALISED) {
        raiseRand('RAND_DRBG_INSTANTIATE', this.state === DrbgStatus.ERROR ? 'IN_ERROR_STATE' : 'ALREADY_INSTANTIATED');
        break end;
      }
      // C reads perslen bytes of pers: a shorter JavaScript buffer is refused after OpenSSL's
      // own checks, before any state change (compat/args/buffers.ts).
      if (pers !== null && pers.length < perslen) {
        raiseRand('RAND_DRBG_INSTANTIATE', 'PASSED_INVALID_ARGUMENT');
        break end;
      }
      this.state = DrbgStatus.ERROR;

      let minEntropy = this.strength;
      let minEntropyLen = this.minEntropyLen;
      let maxEntropyLen = this.maxEntropyLen;
      // SP 800-90A 9.1: no nonce callback, so take the nonce out of 1.5x the entropy.
      if (this.minNonceLen > 0 && this.getNonce === null) {
        minEntropy += this.strength / 2;
        minEntropyLen += this.minNonceLen;
        maxEntropyLen += this.maxNonceLen;
      }

      if (this.getEntropy !== null) entropy = this.getEntropy(this, minEntropy, minEntropyLen, maxEntropyLen, false);
      const entropylen = entropy === null ? 0 : entropy.length;
      if (entropylen < minEntropyLen || entropylen > maxEntropyLen) {
        raiseRand('RAND_DRBG_INSTANTIATE', 'ERROR_RETRIEVING_ENTROPY');
        break end;
      }

      if (this.minNonceLen > 0 && this.getNonce !== null) {
        nonce = this.getNonce(this, this.strength / 2, this.minNonceLen, this.maxNonceLen);
        const noncelen = nonce === null ? 0 : nonce.length;
        if (noncelen < this.minNonceLen || noncelen > this.maxNonceLen) {
          raiseRand('RAND_DRBG_INSTANTIATE', 'ERROR_RETRIEVING_NONCE');
          break end;
        }
      }

      if (!this.meth.instantiate(entropy, nonce, pers)) {
        raiseRand('RAND_DRBG_INSTANTIATE', 'ERROR_INSTANTIATING_DRBG');
        break end;
      }

      this.markSeeded(epoch);
    }
    if (entropy !== null && this.cleanupEntropy !== null) this.cleanupEntropy(this, entropy);
    if (nonce !== null && this.cleanupNonce !== null) this.cleanupNonce(this, nonce);
    return this.state === DrbgStatus.READY;
  }

  /** What a successful instantiate or reseed leaves (drbg_lib.c): READY, the request counter
   * back to 1, the time, the master's propagation counter; and the clone guard's epoch read when
   * the (re)seed began. */
  private markSeeded(epoch: number): void {
    this.state = DrbgStatus.READY;
    this.generateCounter = 1;
    this.reseedTime = this.context.clock();
    if (this.enableReseedPropagation && this.parent === null) this.reseedCounter = (this.reseedCounter + 1) >>> 0;
    this.cloneWatch.seeded(epoch);
  }

  /** RAND_DRBG_uninstantiate: wipe, then RAND_DRBG_set(type, flags) back to UNINITIALISED. */
  uninstantiate(): boolean {
    if (this.meth === null) {
      this.state = DrbgStatus.ERROR;
      raiseRand('RAND_DRBG_UNINSTANTIATE', 'NO_DRBG_IMPLEMENTATION_SELECTED');
      return false;
    }
    this.meth.uninstantiate();
    return this.set(this.type, this.flags);
  }

  /** RAND_DRBG_reseed: no automatic restart in 1.1.1. `adinlen` (default adin.length) is C's
   * length, checked against max_adinlen unless adin is NULL. */
  reseed(adin: Uint8Array | null, predictionResistance: boolean, adinlen: number = adin === null ? 0 : adin.length): boolean {
    if (this.state === DrbgStatus.ERROR) {
      raiseRand('RAND_DRBG_RESEED', 'IN_ERROR_STATE');
      return false;
    }
    if (this.state === DrbgStatus.UNINITIALISED) {
      raiseRand('RAND_DRBG_RESEED', 'NOT_INSTANTIATED');
      return false;
    }
    if (adin !== null && adinlen > this.maxAdinLen) {
      raiseRand('RAND_DRBG_RESEED', 'ADDITIONAL_INPUT_TOO_LONG');
      return false;
    }
    if (adin !== null && adin.length < adinlen) {
      raiseRand('RAND_DRBG_RESEED', 'PASSED_INVALID_ARGUMENT');
      return false;
    }
    this.state = DrbgStatus.ERROR;
    const epoch = this.cloneWatch.epoch();
    let seeded = false; // READY again only through a successful reseed
    let entropy: Uint8Array | null = null;
    if (this.getEntropy !== null) {
      entropy = this.getEntropy(this, this.strength, this.minEntropyLen, this.maxEntropyLen, predictionResistance);
    }
    const entropylen = entropy === null ? 0 : entropy.length;
    if (entropylen < this.minEntropyLen || entropylen > this.maxEntropyLen) {
      raiseRand('RAND_DRBG_RESEED', 'ERROR_RETRIEVING_ENTROPY');
    } else if ((this.meth as CtrDrbgMechanism).reseed(entropy, adin)) {
      this.markSeeded(epoch);
      seeded = true;
    }
    if (entropy !== null && this.cleanupEntropy !== null) this.cleanupEntropy(this, entropy);
    return seeded;
  }

  /**
   * rand_drbg_restart: get the DRBG instantiated by all means. With a buffer and `entropy`
   * bits > 0, the buffer becomes the sole entropy input (through the seed pool); with 0 bits it
   * is mixed in by a bare reseed that takes no entropy and touches no counter.
   */
  restart(buffer: Uint8Array | null, entropy: number): boolean {
    let reseeded = false;
    let adin: Uint8Array | null = null;
    if (this.seedPool !== null) {
      raiseRand('RAND_DRBG_RESTART', 'INTERNAL_ERROR');
      this.state = DrbgStatus.ERROR;
      this.seedPool = null;
      return false;
    }
    if (buffer !== null) {
      if (entropy > 0) {
        if (this.maxEntropyLen < buffer.length) {
          raiseRand('RAND_DRBG_RESTART', 'ENTROPY_INPUT_TOO_LONG');
          this.state = DrbgStatus.ERROR;
          return false;
        }
        if (entropy > 8 * buffer.length) {
          raiseRand('RAND_DRBG_RESTART', 'ENTROPY_OUT_OF_RANGE');
          this.state = DrbgStatus.ERROR;
          return false;
        }
        this.seedPool = { buffer, entropy };
      } else {
        if (this.maxAdinLen < buffer.length) {
          raiseRand('RAND_DRBG_RESTART', 'ADDITIONAL_INPUT_TOO_LONG');
          this.state = DrbgStatus.ERROR;
          return false;
        }
        adin = buffer;
      }
    }
    if (this.state === DrbgStatus.ERROR) this.uninstantiate();
    if (this.state === DrbgStatus.UNINITIALISED) {
      this.instantiate(DEFAULT_PERS_111);
      reseeded = (this.state as DrbgStatus) === DrbgStatus.READY;
    }
    if (this.state === DrbgStatus.READY) {
      if (adin !== null) {
        // meth->reseed(drbg, adin, adinlen, NULL, 0): the buffer in the *entropy* slot, no
        // get_entropy, no counters; the result is ignored.
        (this.meth as CtrDrbgMechanism).reseed(adin, null);
      } else if (!reseeded) {
        if (!this.reseed(null, false)) raiseRand('RAND_DRBG_RESTART', 'RESEED_ERROR');
      }
    }
    this.seedPool = null;
    return this.state === DrbgStatus.READY;
  }

  /** The buffer a RAND_add/RAND_seed attached for the duration of restart, if any. */
  get attachedSeed(): SeedPool | null {
    return this.seedPool;
  }

  /** RAND_DRBG_generate: one request of at most max_request bytes. `adinlen` defaults to
   * adin.length; C checks it against max_adinlen even when adin is NULL. `outlen` (default
   * out.length) is C's length: a JavaScript buffer shorter than it is refused after the limits. */
  generate(out: Uint8Array, predictionResistance: boolean, adin: Uint8Array | null,
    adinlen: number = adin === null ? 0 : adin.length, outlen: number = out.length): boolean {
    if (this.state !== DrbgStatus.READY) {
      this.restart(null, 0);
      if (this.state === DrbgStatus.ERROR) {
        raiseRand('RAND_DRBG_GENERATE', 'IN_ERROR_STATE');
        return false;
      }
      if (this.state === DrbgStatus.UNINITIALISED) {
        raiseRand('RAND_DRBG_GENERATE', 'NOT_INSTANTIATED');
        return false;
      }
    }
    if (outlen > this.maxRequest) {
      raiseRand('RAND_DRBG_GENERATE', 'REQUEST_TOO_LARGE_FOR_DRBG');
      return false;
    }
    if (adinlen > this.maxAdinLen) {
      raiseRand('RAND_DRBG_GENERATE', 'ADDITIONAL_INPUT_TOO_LONG');
      return false;
    }
    if (out.length < outlen || (adin !== null && adin.length < adinlen)) {
      raiseRand('RAND_DRBG_GENERATE', 'PASSED_INVALID_ARGUMENT');
      return false;
    }
    // Clone signals: OpenSSL's fork check, then randshim's clone guard (platform/clone-watch.ts).
    const clone = this.cloneWatch.check();
    if (clone === 'diversify' && !this.reseed(this.cloneWatch.diversifier(), false)) {
      raiseRand('RAND_DRBG_GENERATE', 'RESEED_ERROR');
      return false;
    }
    let reseedRequired = clone === 'reseed-required';
    const guard = this.context.cloneGuard;
    if (!predictionResistance && this.context.rootReseedDepth === 0 && (this.predictionResistanceAlways || guard.predictionResistance)) {
      // 1.1.1's own prediction resistance cannot reach the OS (the master's get_entropy refuses
      // it: PREDICTION_RESISTANCE_NOT_SUPPORTED), so randshim's control reseeds the chain from
      // its root instead: the master from the OS, then each DRBG from its fresh parent.
      if (!this.reseedFromRoot(adin)) {
        raiseRand('RAND_DRBG_GENERATE', 'RESEED_ERROR');
        return false;
      }
      reseedRequired = false;
      adin = null;
    }
    if (this.reseedInterval > 0 && this.generateCounter >= this.reseedInterval) reseedRequired = true;
    if (this.reseedTimeInterval > 0) {
      const now = this.context.clock();
      if (now < this.reseedTime || now - this.reseedTime >= this.reseedTimeInterval) reseedRequired = true;
    }
    if (this.enableReseedPropagation && this.parent !== null && this.reseedCounter !== this.parent.reseedCounter) {
      reseedRequired = true;
    }
    if (reseedRequired || predictionResistance) {
      if (!this.reseed(adin, predictionResistance)) {
        raiseRand('RAND_DRBG_GENERATE', 'RESEED_ERROR');
        return false;
      }
      adin = null;
    }
    if (!(this.meth as CtrDrbgMechanism).generate(out, adin, this.generateCounter)) {
      this.state = DrbgStatus.ERROR;
      raiseRand('RAND_DRBG_GENERATE', 'GENERATE_ERROR');
      return false;
    }
    this.generateCounter = (this.generateCounter + 1) >>> 0;
    return true;
  }

  /** Reseeds every ancestor from the top down, then this DRBG (with `adin`). An ancestor not
   * READY is restarted (instantiated afresh) instead. */
  private reseedFromRoot(adin: Uint8Array | null): boolean {
    // The parents' generates serving these reseeds must not start another chain reseed.
    this.context.rootReseedDepth++;
    try {
      if (this.parent !== null && !this.parent.reseedFromRoot(null)) return false;
      return this.state === DrbgStatus.READY ? this.reseed(adin, false) : this.restart(null, 0);
    } finally {
      this.context.rootReseedDepth--;
    }
  }

  /** The next generate reseeds first (Mbed TLS's psa_random_deplete, for this DRBG). */
  deplete(): void {
    this.cloneWatch.deplete();
  }

  /** Whether the next generate reseeds because of a clone signal or a deplete. */
  get depleted(): boolean {
    return this.cloneWatch.depleted;
  }

  /**
   * RAND_DRBG_bytes: chunks of max_request, each a generate call with the same 24 bytes of
   * additional data {fork id, padding, thread id, timer} (rand_pool_add_additional_data).
   * Output written before a failing chunk stays written, as in C.
   */
  bytes(out: Uint8Array): boolean {
    if (!this.hasAdinPool) {
      if (this.type === 0) return false;
      this.hasAdinPool = true;
    }
    const additional = this.additionalData();
    let ok = true;
    for (let off = 0; off < out.length; off += this.maxRequest) {
      const chunk = out.subarray(off, Math.min(out.length, off + this.maxRequest));
      if (!this.generate(chunk, false, additional)) {
        ok = false;
        break;
      }
    }
    if (additional !== null) additional.fill(0);
    return ok;
  }

  /** rand_drbg_get_additional_data into a pool of max min(max_adinlen, 12288) bytes; null
   * (generate then runs without adin) when 24 bytes do not fit. */
  private additionalData(): Uint8Array | null {
    if (Math.min(this.maxAdinLen, RAND_POOL_MAX_LENGTH) < 24) return null;
    // The pool's buffer: reused across calls and wiped after each (rand_pool_reattach).
    const data = this.adinBuffer;
    writeU32LE(data, 0, this.context.forkId());
    writeU64LE(data, 8, this.context.threadId());
    writeU64LE(data, 16, this.context.timerBits());
    return data;
  }

  /** RAND_DRBG_set_callbacks: only while uninstantiated. */
  setCallbacks(getEntropy: GetEntropyFn | null, cleanupEntropy: CleanupEntropyFn | null,
    getNonce: GetNonceFn | null, cleanupNonce: CleanupNonceFn | null): boolean {
    if (this.state !== DrbgStatus.UNINITIALISED) return false;
    this.getEntropy = getEntropy;
    this.cleanupEntropy = cleanupEntropy;
    this.getNonce = getNonce;
    this.cleanupNonce = cleanupNonce;
    return true;
  }

  /** RAND_DRBG_set_reseed_interval: 0 disables; above 2^24 refused. */
  setReseedInterval(interval: number): boolean {
    if (interval > MAX_RESEED_INTERVAL) return false;
    this.reseedInterval = interval;
    return true;
  }

  /** RAND_DRBG_set_reseed_time_interval: time_t, so negative values pass and disable it. */
  setReseedTimeInterval(interval: number): boolean {
    if (interval > MAX_RESEED_TIME_INTERVAL) return false;
    this.reseedTimeInterval = interval;
    return true;
  }

  /** rand_drbg_enable_locking. */
  enableLocking(): boolean {
    if (this.state !== DrbgStatus.UNINITIALISED) {
      raiseRand('RAND_DRBG_ENABLE_LOCKING', 'DRBG_ALREADY_INITIALIZED');
      return false;
    }
    if (!this.lockEnabled) {
      if (this.parent !== null && !this.parent.lockEnabled) {
        raiseRand('RAND_DRBG_ENABLE_LOCKING', 'PARENT_LOCKING_NOT_ENABLED');
        return false;
      }
      this.lockEnabled = true;
    }
    return true;
  }

  setExData(index: number, value: unknown): boolean {
    if (!Number.isInteger(index) || index < 0) return false;
    this.exData.set(index, value);
    return true;
  }

  getExData(index: number): unknown {
    return this.exData.get(index) ?? null;
  }

  /** rand_drbg_seedlen: the smallest full-entropy buffer that can (re)seed this DRBG. */
  minSeedLen(): number {
    let minEntropy = this.strength;
    let minEntropyLen = this.minEntropyLen;
    if (this.minNonceLen > 0 && this.getNonce === null) {
      minEntropy += this.strength / 2;
      minEntropyLen += this.minNonceLen;
    }
    minEntropy >>= 3;
    return Math.max(minEntropy, minEntropyLen);
  }
}

/**
 * rand_drbg_get_entropy (rand_lib.c): from the attached RAND_add buffer, else from the parent
 * (a generate with the child's address as additional input; 1.1.1r+ copies the parent's reseed
 * counter on success), else from the OS. Prediction resistance cannot be served by the OS.
 */
export const defaultGetEntropy: GetEntropyFn = (drbg, entropy, minLen, maxLen, pr) => {
  const parent = drbg.parent;
  if (parent !== null && drbg.strength > parent.strength) {
    raiseRand('RAND_DRBG_GET_ENTROPY', 'PARENT_STRENGTH_TOO_WEAK');
    return null;
  }
  const attached = drbg.attachedSeed;
  if (attached !== null) {
    // An attached pool cannot grow: its credited entropy suffices (the DRBG then checks the
    // whole buffer's length against its limits), or rand_pool_bytes_needed overflows.
    if (parent === null && pr) {
      raiseRand('RAND_DRBG_GET_ENTROPY', 'PREDICTION_RESISTANCE_NOT_SUPPORTED');
      return null;
    }
    if (attached.entropy >= entropy) return attached.buffer;
    raiseRand('RAND_POOL_BYTES_NEEDED', 'RANDOM_POOL_OVERFLOW');
    return null;
  }
  const cap = Math.min(maxLen, RAND_POOL_MAX_LENGTH);
  if (parent !== null) {
    const needed = Math.max(Math.ceil(entropy / 8), minLen);
    if (Math.ceil(entropy / 8) > cap) {
      raiseRand('RAND_POOL_BYTES_NEEDED', 'RANDOM_POOL_OVERFLOW');
      return null;
    }
    if (needed > cap) {
      raiseRand('RAND_POOL_GROW', 'INTERNAL_ERROR');
      return null;
    }
    if (needed === 0) return null;
    const buffer = new Uint8Array(needed);
    if (!parent.generate(buffer, pr, drbg.identity)) {
      buffer.fill(0);
      return null;
    }
    if (drbg.enableReseedPropagation) drbg.reseedCounter = parent.reseedCounter;
    return buffer;
  }
  if (pr) {
    raiseRand('RAND_DRBG_GET_ENTROPY', 'PREDICTION_RESISTANCE_NOT_SUPPORTED');
    return null;
  }
  return drbg.context.osEntropy(entropy, minLen, maxLen);
};

/** rand_drbg_cleanup_entropy: wipe, except a borrowed RAND_add buffer. */
export const defaultCleanupEntropy: CleanupEntropyFn = (drbg, out) => {
  if (drbg.attachedSeed === null) out.fill(0);
};

/**
 * rand_drbg_get_nonce (rand_lib.c): the 40-byte nonce of 64-bit Unix: pid, padding, thread id,
 * CLOCK_REALTIME stamp, the DRBG's own address, the nonce counter after increment, padding.
 */
export const defaultGetNonce: GetNonceFn = (drbg, _entropy, _minLen, maxLen) => {
  const ctx = drbg.context;
  const out = new Uint8Array(40);
  writeU32LE(out, 0, ctx.forkId());
  writeU64LE(out, 8, ctx.threadId());
  writeU64LE(out, 16, ctx.timeStamp());
  out.set(drbg.identity.subarray(0, 8), 24);
  writeU32LE(out, 32, ctx.nextNonceCount());
  // The pool (max_len capped at 12288) takes the 24-byte then the 16-byte part, or refuses;
  // the DRBG itself checks the result against [min_noncelen, max_noncelen].
  if (out.length > Math.min(maxLen, RAND_POOL_MAX_LENGTH)) {
    raiseRand('RAND_POOL_ADD', 'ENTROPY_INPUT_TOO_LONG');
    return null;
  }
  return out;
};

export const defaultCleanupNonce: CleanupNonceFn = (_drbg, out) => {
  out.fill(0);
};

/** 1.1.1's DRBG_MAX_LENGTH, re-exported for the compat limits table. */
export { DRBG_MAX_LENGTH };
