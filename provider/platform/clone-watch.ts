/**
 * What one DRBG keeps to notice that it was cloned, for both state machines' generate: the
 * fork id it last saw (drbg->fork_id against openssl_get_fork_id(): 3.x drbg.c
 * ossl_prov_drbg_generate, 1.1.1 drbg_lib.c RAND_DRBG_generate), and the epoch of its clone guard when it was last (re)seeded (randshim's VM, snapshot and deplete
 * signals, clone-guard.ts).
 */
import type { CloneGuard } from './clone-guard.js';

/** Where a watch reads its signals from; read on every check (the 1.1.1 context's fields can
 * be replaced). */
export interface CloneSignals {
  readonly forkId: () => number;
  readonly cloneGuard: CloneGuard;
}

/** The outcome of a generate's clone check: no clone; a clone, so a reseed is required; or a
 * clone to answer at once by a reseed with {@link CloneWatch.diversifier} as additional input. */
export type CloneCheck = 'none' | 'reseed-required' | 'diversify';

export class CloneWatch {
  private forkIdValue: number;
  /** The clone guard's epoch at the last (re)seed; NaN (equal to nothing) when depleted. */
  private seededEpoch = Number.NaN;

  constructor(private readonly signals: CloneSignals) {
    this.forkIdValue = signals.forkId();
  }

  /** The guard's epoch, read when a (re)seed begins and given to {@link seeded} on success. */
  epoch(): number {
    return this.signals.cloneGuard.epoch();
  }

  /** Records a successful (re)seed that began at `epoch`. */
  seeded(epoch: number): void {
    this.seededEpoch = epoch;
  }

  /** Forces a reseed before the next output (Mbed TLS's psa_random_deplete, for one DRBG). */
  deplete(): void {
    this.seededEpoch = Number.NaN;
  }

  /** Takes over an imported state: depleted when it must reseed before use, else current. */
  adopt(reseedBeforeUse: boolean): void {
    this.seededEpoch = reseedBeforeUse ? Number.NaN : this.epoch();
  }

  /** Whether the next generate reseeds because of a clone signal or a deplete. */
  get depleted(): boolean {
    return this.epoch() !== this.seededEpoch || this.forkIdValue !== this.signals.forkId();
  }

  /**
   * generate's check: the fork id (a new one is remembered), then the guard's epoch. On a
   * clone with a diversifier set, 'diversify': the caller reseeds at once with
   * {@link diversifier} as additional input (clones reseeding from a source with no real
   * entropy would otherwise stay identical, and the caller's own additional input stays
   * theirs). No callback: this runs on every request, and a closure per call costs more than
   * the check.
   */
  check(): CloneCheck {
    let cloned = false;
    const forkId = this.signals.forkId();
    if (this.forkIdValue !== forkId) {
      this.forkIdValue = forkId;
      cloned = true;
    }
    if (this.signals.cloneGuard.epoch() !== this.seededEpoch) cloned = true;
    if (!cloned) return 'none';
    return this.signals.cloneGuard.diversifier === null ? 'reseed-required' : 'diversify';
  }

  /** The clone guard's diversifier bytes, for the reseed after check() said 'diversify'. */
  diversifier(): Uint8Array {
    const diversifier = this.signals.cloneGuard.diversifier;
    if (diversifier === null) throw new Error('CloneWatch.diversifier: the clone guard has no diversifier');
    return diversifier();
  }
}
