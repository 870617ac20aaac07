/**
 * Clone safety for the 1.1.1 personality: randshim's controls, not OpenSSL functions (OpenSSL
 * 1.1.1 only compares the pid on every generate, which randshim keeps). Named and shaped after
 * what porters know from Mbed TLS (psa_random_reseed, psa_random_deplete,
 * psa_random_set_prediction_resistance) and s2n (prediction resistance by default); return
 * codes in OpenSSL's style (1 success, 0 failure with the reason on the error queue).
 *
 * The personality-wide ones act on the clone guard of this personality's DRBGs, which is the
 * realm's guard (shared with the 3.x personality and the provider) unless RANDSHIM_111_reset
 * was given another: a clone of the realm's memory is a clone of all of them.
 */
import type { CloneDiversifier, CloneEvent } from '../../provider/platform/clone-guard.js';
import { raise } from '../../provider/err/queue.js';
import { cPointer, cSizeT, cView, holds, refuse } from '../args/index.js';
import type { RAND_DRBG } from './rand_drbg.js';
import { state111 } from './state.js';

const guard = () => state111().shared.context.cloneGuard;

/**
 * Reseeds the shared DRBGs now, top down: the master from the OS, then the public and the
 * private DRBG from the master, each with `adin` as additional input (Mbed TLS's
 * psa_random_reseed with a personalization). Creates them if needed. Returns 1, or 0 when any
 * reseed failed (its reasons are on the queue).
 *
 * @see RAND_DRBG_reseed(3)
 */
export function RANDSHIM_111_reseed(adin: Uint8Array | null = null, adinlen: number = adin?.length ?? 0): number {
  const a = cPointer(adin);
  const n = cSizeT(adinlen);
  if (a === undefined || n === undefined || (a !== null && !holds(a, n))) return refuse({ lib: 'RAND', func: 'RAND_DRBG_RESEED' });
  return state111().shared.reseedNow(cView(a, n)) ? 1 : 0;
}

/** Every DRBG using this personality's clone guard reseeds before its next output. Call it
 * when the platform reports a restore (a VM or container snapshot) randshim cannot see.
 *
 * @see RAND_DRBG(7) (automatic reseeding)
 */
export function RANDSHIM_111_deplete(): void {
  guard().deplete('RANDSHIM_111_deplete');
}

/** The next generate on `drbg` reseeds first. 0 for a NULL DRBG.
 *
 * @see RAND_DRBG(7) (automatic reseeding)
 */
export function RANDSHIM_DRBG_deplete(drbg: RAND_DRBG | null): number {
  if (drbg === null) {
    raise('CRYPTO', 'PASSED_NULL_PARAMETER');
    return 0;
  }
  drbg.deplete();
  return 1;
}

/**
 * Prediction resistance on (1) or off (0) for every DRBG using this personality's clone guard:
 * each generate first reseeds its chain from the OS (the master's own get_entropy refuses
 * 1.1.1's prediction-resistance flag, so randshim reseeds the chain from its root instead).
 * Costs a kernel read and a reseed per level on every call.
 *
 * @see RAND_DRBG_generate(3) (prediction_resistance)
 */
export function RANDSHIM_111_set_prediction_resistance(on: number): number {
  guard().predictionResistance = on !== 0;
  return 1;
}

/** The same for one DRBG (and, through it, its ancestors on each of its generates).
 *
 * @see RAND_DRBG_generate(3) (prediction_resistance)
 */
export function RANDSHIM_DRBG_set_prediction_resistance(drbg: RAND_DRBG | null, on: number): number {
  if (drbg === null) {
    raise('CRYPTO', 'PASSED_NULL_PARAMETER');
    return 0;
  }
  drbg.predictionResistanceAlways = on !== 0;
  return 1;
}

/**
 * `fn` (or null to remove it) returns bytes that tell this clone apart from its siblings: an
 * instance id, a MAC address, a counter handed out by a coordinator. They are mixed in as
 * additional input whenever a DRBG reseeds because of a clone signal, for clones whose entropy
 * source holds no real entropy (a seed file or a fixed source copied with them: reseeding
 * identical clones identically keeps them identical). Keep it within max_adinlen (the CTR DRBGs
 * of 1.1.1 use the derivation function unless RAND_DRBG_FLAG_CTR_NO_DF: then 32 to 48 bytes).
 *
 * @see RAND_DRBG_reseed(3) (additional input)
 */
export function RANDSHIM_111_set_clone_diversifier(fn: CloneDiversifier | null): number {
  guard().diversifier = fn;
  return 1;
}

/** What moved this personality's clone guard (snapshot build and restore, VM generation
 * changes, depletions), oldest first.
 *
 * @see RAND_DRBG(7)
 */
export function RANDSHIM_111_clone_events(): readonly CloneEvent[] {
  return guard().events;
}
