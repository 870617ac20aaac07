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

/** The outcome of a generate's clone check: no clone; a clone, so a reseed is required; a
 * clone already answered by a reseed with the guard's diversifier; or that reseed failed. */
export type CloneCheck = 'none' | 'reseed-required' | 'diversified' | 'reseed-failed';

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
   * clone with a diversifier set, `reseedWith` runs at once with it as additional input: clones
   * reseeding from a source with no real entropy would otherwise stay identical, and the
   * caller's own additional input stays theirs.
   */
  check(reseedWith: (diversifier: Uint8Array) => boolean): CloneCheck {
    let cloned = false;
    const forkId = this.signals.forkId();
    if (this.forkIdValue !== forkId) {
      this.forkIdValue = forkId;
      cloned = true;
    }
    const guard = this.signals.cloneGuard;
    if (guard.epoch() !== this.seededEpoch) cloned = true;
    if (!cloned) return 'none';
    const diversifier = guard.diversifier;
    if (diversifier === null) return 'reseed-required';
    return reseedWith(diversifier()) ? 'diversified' : 'reseed-failed';
  }
}
