/**
 * The process-wide state OpenSSL 1.1.1 keeps in statics of crypto/rand/drbg_lib.c and
 * rand_lib.c: the default DRBG type and flags (RAND_DRBG_set_defaults), the default reseed
 * intervals (RAND_DRBG_set_reseed_defaults), the nonce counter, and the environment the DRBGs
 * read (clock, process id, thread id, timer, OS entropy). A realm (the main thread or a worker)
 * has one default context; tests create their own for isolation and determinism.
 */
import { realmCloneGuard, type CloneGuard } from '../platform/clone-guard.js';
import { currentForkId, currentThreadId, timeStamp } from '../platform/os-entropy.js';
import { osEntropy, type EntropyPoll } from '../rand-pool/os-pool.js';

/** NIDs of the 1.1.1 DRBG types (obj_mac.h). */
export const NID_aes_128_ctr = 904;
export const NID_aes_192_ctr = 905;
export const NID_aes_256_ctr = 906;

/** The only 1.1.1 flag: CTR without derivation function. */
export const RAND_DRBG_FLAG_CTR_NO_DF = 0x1;
/** RAND_DRBG_USED_FLAGS: the logical OR of every flag 1.1.1 knows. */
export const RAND_DRBG_USED_FLAGS = RAND_DRBG_FLAG_CTR_NO_DF;
export { RAND_DRBG_STRENGTH } from '../rand-pool/os-pool.js';
/** RAND_DRBG_TYPE / RAND_DRBG_FLAGS: the compiled-in defaults. */
export const RAND_DRBG_TYPE = NID_aes_256_ctr;
export const RAND_DRBG_FLAGS = 0;

/** rand_local.h: caps for the setters, and the defaults for "master" (parentless) and "slave"
 * (with parent) DRBGs. */
export const MAX_RESEED_INTERVAL = 1 << 24;
export const MAX_RESEED_TIME_INTERVAL = 1 << 20;
export const MASTER_RESEED_INTERVAL = 1 << 8;
export const SLAVE_RESEED_INTERVAL = 1 << 16;
export const MASTER_RESEED_TIME_INTERVAL = 60 * 60;
export const SLAVE_RESEED_TIME_INTERVAL = 7 * 60;

export interface Rand111Environment {
  /** time(NULL) in seconds. */
  clock?: () => number;
  /** openssl_get_fork_id(): getpid(). */
  forkId?: () => number;
  /** CRYPTO_THREAD_get_current_id(). */
  threadId?: () => number;
  /** get_timer_bits(): the low 32 bits of the TSC on x86, zero-extended. */
  timerBits?: () => bigint | number;
  /** get_time_stamp(): (seconds << 32) + nanoseconds of CLOCK_REALTIME. */
  timeStamp?: () => bigint;
  /** The OS entropy source (rand_pool_acquire_entropy). */
  osEntropy?: EntropyPoll;
  /** What signals that DRBG memory may have been copied (randshim's addition to the pid
   * check). Default: the realm's guard. */
  cloneGuard?: CloneGuard;
}

/** A cheap stand-in for the truncated TSC: the low 32 bits of a nanosecond timer. */
function defaultTimerBits(): number {
  return (performance.now() * 1e6) >>> 0;
}

export class Rand111Context {
  drbgType = RAND_DRBG_TYPE;
  drbgFlags = RAND_DRBG_FLAGS;
  masterReseedInterval = MASTER_RESEED_INTERVAL;
  slaveReseedInterval = SLAVE_RESEED_INTERVAL;
  masterReseedTimeInterval = MASTER_RESEED_TIME_INTERVAL;
  slaveReseedTimeInterval = SLAVE_RESEED_TIME_INTERVAL;
  /** rand_nonce_count. */
  private nonceCount = 0;
  /** How deep a prediction-resistance chain reseed (RandDrbg.reseedFromRoot) is running. */
  rootReseedDepth = 0;

  clock: () => number;
  forkId: () => number;
  threadId: () => number;
  timerBits: () => bigint | number;
  timeStamp: () => bigint;
  osEntropy: EntropyPoll;
  cloneGuard: CloneGuard;

  constructor(env: Rand111Environment = {}) {
    this.clock = env.clock ?? (() => Math.floor(Date.now() / 1000));
    this.forkId = env.forkId ?? currentForkId;
    this.threadId = env.threadId ?? currentThreadId;
    this.timerBits = env.timerBits ?? defaultTimerBits;
    this.timeStamp = env.timeStamp ?? timeStamp;
    this.osEntropy = env.osEntropy ?? osEntropy;
    this.cloneGuard = env.cloneGuard ?? realmCloneGuard;
  }

  /** CRYPTO_atomic_add(&rand_nonce_count, 1, &count): the value after the increment. */
  nextNonceCount(): number {
    this.nonceCount = (this.nonceCount + 1) | 0;
    return this.nonceCount;
  }

  /** RAND_DRBG_set_defaults: only the three AES-CTR types and the known flags. */
  setDefaults(type: number, flags: number): 'ok' | 'UNSUPPORTED_DRBG_TYPE' | 'UNSUPPORTED_DRBG_FLAGS' {
    if (type !== NID_aes_128_ctr && type !== NID_aes_192_ctr && type !== NID_aes_256_ctr) return 'UNSUPPORTED_DRBG_TYPE';
    if ((flags & ~RAND_DRBG_USED_FLAGS) !== 0) return 'UNSUPPORTED_DRBG_FLAGS';
    this.drbgType = type;
    this.drbgFlags = flags;
    return 'ok';
  }

  /** RAND_DRBG_set_reseed_defaults: all-or-nothing, capped at 2^24 requests and 2^20 s. */
  setReseedDefaults(masterInterval: number, slaveInterval: number, masterTime: number, slaveTime: number): boolean {
    if (masterInterval > MAX_RESEED_INTERVAL || slaveInterval > MAX_RESEED_INTERVAL) return false;
    if (masterTime > MAX_RESEED_TIME_INTERVAL || slaveTime > MAX_RESEED_TIME_INTERVAL) return false;
    this.masterReseedInterval = masterInterval;
    this.slaveReseedInterval = slaveInterval;
    this.masterReseedTimeInterval = masterTime;
    this.slaveReseedTimeInterval = slaveTime;
    return true;
  }
}
