/**
 * OpenSSL 1.1.1w's three shared DRBGs and its default RAND_METHOD (crypto/rand/drbg_lib.c
 * drbg_setup, RAND_DRBG_get0_master/public/private, drbg_bytes, drbg_add, drbg_seed,
 * drbg_status; rand_lib.c RAND_poll's default branch).
 *
 * Scope in Node: OpenSSL has one master per process and a public/private pair per thread. A
 * JavaScript realm (the main thread or one worker) has its own module instances, hence its own
 * SharedDrbgs111: the master is per realm (per isolate), and so are public and private.
 *
 * FIPS mode (FIPS_mode_set(1)) applies the RAND_DRBG(7) behaviour of OpenSSL commit 3a50a8a9
 * ("Ignore entropy from RAND_add()/RAND_seed() in FIPS mode", 3.0 development branch, never in a
 * 1.1.1 release): after the argument checks, drbg_add forces randomness to 0, so the buffer is
 * only ever mixed in as additional data and never credited as entropy.
 */
import { raise } from '../err/queue.js';
import type { BackendName, PrimitiveBackend } from '../sp800-90a/primitives/index.js';
import { Rand111Context } from './drbg-context.js';
import { DEFAULT_PERS_111, DrbgStatus, RandDrbg } from './drbg-lib.js';

/**
 * C's `(size_t)` conversion of a double as x86-64 compilers emit it (cvttsd2si, with the
 * 2^63 adjustment for large values): NaN gives 0x8000000000000000. drbg_add reaches it with a
 * NaN randomness (every comparison with NaN is false, so neither the threshold nor the clamp
 * replaces it): real 1.1.1 then fails rand_drbg_restart with ENTROPY_OUT_OF_RANGE and leaves
 * the master in ERROR, and so does randshim. Other values reach it truncated within
 * [0, 8 * seedlen].
 */
export function doubleToSizeT(x: number): number {
  if (Number.isNaN(x)) return 2 ** 63;
  return Math.trunc(x);
}

export interface SharedDrbgs111Options {
  readonly backend?: BackendName | PrimitiveBackend;
}

export class SharedDrbgs111 {
  readonly context: Rand111Context;
  private readonly backend: BackendName | PrimitiveBackend | undefined;
  private masterDrbg: RandDrbg | null = null;
  private initDone = false;
  private initOk = false;
  private publicDrbg: RandDrbg | null = null;
  private privateDrbg: RandDrbg | null = null;
  /** FIPS_mode(): RAND_add/RAND_seed randomness is ignored. */
  fipsMode = false;

  constructor(context: Rand111Context = new Rand111Context(), options: SharedDrbgs111Options = {}) {
    this.context = context;
    this.backend = options.backend;
  }

  /** drbg_setup: secure DRBG of the default type, propagation on with counter 1, instantiated
   * with the 28-byte personalization (failure ignored: just-in-time instantiation later). */
  private setup(parent: RandDrbg | null): RandDrbg | null {
    const ctx = this.context;
    const drbg = RandDrbg.create(ctx, ctx.drbgType, ctx.drbgFlags, parent, true, { backend: this.backend });
    if (drbg === null) return null;
    if (parent === null && !drbg.enableLocking()) {
      drbg.free();
      return null;
    }
    drbg.enableReseedPropagation = true;
    drbg.reseedCounter = 1;
    drbg.instantiate(DEFAULT_PERS_111);
    return drbg;
  }

  /** RAND_DRBG_get0_master: created on first use of any shared DRBG (do_rand_drbg_init). */
  master(): RandDrbg | null {
    if (!this.initDone) {
      this.initDone = true;
      this.masterDrbg = this.setup(null);
      this.initOk = this.masterDrbg !== null;
    }
    return this.initOk ? this.masterDrbg : null;
  }

  /** RAND_DRBG_get0_public. */
  public(): RandDrbg | null {
    const master = this.master();
    if (master === null) return null;
    if (this.publicDrbg === null) this.publicDrbg = this.setup(master);
    return this.publicDrbg;
  }

  /** RAND_DRBG_get0_private. */
  private(): RandDrbg | null {
    const master = this.master();
    if (master === null) return null;
    if (this.privateDrbg === null) this.privateDrbg = this.setup(master);
    return this.privateDrbg;
  }

  /** drbg_delete_thread_state: what OPENSSL_thread_stop does for this realm. */
  /**
   * Reseeds master, public and private now, in that order, each with `adin` (randshim's
   * control, not an OpenSSL function): the master from the OS, the others from the fresh
   * master. Creates them if needed; false when any step failed.
   */
  reseedNow(adin: Uint8Array | null): boolean {
    for (const get of [() => this.master(), () => this.public(), () => this.private()]) {
      const drbg = get();
      if (drbg === null || !drbg.reseed(adin, false)) return false;
    }
    return true;
  }

  deleteThreadState(): void {
    this.publicDrbg?.free();
    this.privateDrbg?.free();
    this.publicDrbg = null;
    this.privateDrbg = null;
  }

  /** rand_drbg_cleanup_int: what OPENSSL_cleanup does (frees the master; a later use
   * re-creates everything). */
  cleanup(): void {
    this.deleteThreadState();
    this.masterDrbg?.free();
    this.masterDrbg = null;
    this.initDone = false;
    this.initOk = false;
  }

  // ---- the default RAND_METHOD (RAND_OpenSSL()) ----

  /**
   * drbg_bytes: RAND_DRBG_bytes on the public DRBG. C converts a negative count to a huge
   * size_t and overruns the buffer. compat/ refuses that before it gets here
   * (ERR_R_PASSED_INVALID_ARGUMENT); a direct provider caller gets 0 and
   * RAND_R_ARGUMENT_OUT_OF_RANGE.
   */
  bytes(out: Uint8Array, count: number): number {
    const drbg = this.public();
    if (drbg === null) return 0;
    return this.drbgBytes(drbg, out, count);
  }

  /** RAND_priv_bytes with the default method: RAND_DRBG_bytes on the private DRBG. */
  privBytes(out: Uint8Array, count: number): number {
    const drbg = this.private();
    if (drbg === null) return 0;
    return this.drbgBytes(drbg, out, count);
  }

  private drbgBytes(drbg: RandDrbg, out: Uint8Array, count: number): number {
    if (count < 0 || count > out.length) {
      raise('RAND', 'ARGUMENT_OUT_OF_RANGE', 'RAND_BYTES');
      return 0;
    }
    return drbg.bytes(out.subarray(0, count)) ? 1 : 0;
  }

  /**
   * drbg_add (1.1.1a-w): randomness in bytes. Below the master's seedlen (in length or in
   * randomness) the buffer is additional input only: a bare reseed that reads no entropy,
   * resets no counter and does not propagate. At or above it, the whole buffer is the sole
   * entropy input of a full reseed (or of the re-instantiation of a broken master), with
   * randomness clamped to seedlen.
   */
  add(buf: Uint8Array | null, num: number, randomness: number): number {
    const drbg = this.master();
    if (drbg === null) return 0;
    if (num < 0 || randomness < 0) return 0;
    const seedlen = drbg.minSeedLen();
    const buflen = num;
    if (this.fipsMode) randomness = 0;
    if (buflen < seedlen || randomness < seedlen) randomness = 0;
    if (randomness > seedlen) randomness = seedlen;
    const buffer = buf === null ? null : buf.subarray(0, buflen);
    return drbg.restart(buffer, doubleToSizeT(8 * randomness)) ? 1 : 0;
  }

  /** drbg_seed: drbg_add(buf, num, num). */
  seed(buf: Uint8Array | null, num: number): number {
    return this.add(buf, num, num);
  }

  /** drbg_status: 1 iff the master is READY. */
  status(): number {
    const drbg = this.master();
    if (drbg === null) return 0;
    return drbg.state === DrbgStatus.READY ? 1 : 0;
  }

  /** RAND_poll with the default method: rand_drbg_restart(master, NULL, 0, 0). */
  poll(): number {
    const drbg = this.master();
    if (drbg === null) return 0;
    return drbg.restart(null, 0) ? 1 : 0;
  }
}
