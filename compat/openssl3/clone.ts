/**
 * Clone safety for the 3.x personality: randshim's controls, not OpenSSL functions (OpenSSL 3
 * only compares the pid on every generate, which randshim keeps). Named and shaped after what
 * porters know from Mbed TLS (psa_random_reseed, psa_random_deplete,
 * psa_random_set_prediction_resistance) and s2n (prediction resistance by default); return
 * codes in OpenSSL's style (1 success, 0 failure with the reason on the error queue).
 *
 * The personality-wide ones act on the clone guard of this personality's DRBGs: the realm's
 * guard (shared with the 1.1.1 personality and the provider) unless RANDSHIM_3_reset was given
 * another. In 3.x prediction resistance reaches the OS: a DRBG asks its parent for
 * prediction-resistant entropy, up to the primary, which reads its seed source.
 */
import { realmCloneGuard, type CloneDiversifier, type CloneEvent, type CloneGuard } from '../../provider/platform/clone-guard.js';
import { DrbgCtx } from '../../provider/openssl3/rands/drbg.js';
import { raise } from '../../provider/err/queue.js';
import { cHandle, cPointer, cSizeT, cView, holds, refuse } from '../args/index.js';
import { EVP_RAND_CTX } from './evp_rand.js';
import { state3 } from './state.js';

const guard = (): CloneGuard => state3().env.cloneGuard ?? realmCloneGuard;

/**
 * Reseeds the default chain now, top down: the primary with prediction resistance (from its
 * seed source, the OS), then the public and the private DRBG from the primary, each with
 * `adin` as additional input. Creates them if needed. Returns 1, or 0 when any reseed failed.
 */
export function RANDSHIM_3_reseed(adin: Uint8Array | null = null, adinlen: number = adin?.length ?? 0): number {
  const a = cPointer(adin);
  const n = cSizeT(adinlen);
  if (a === undefined || n === undefined || (a !== null && !holds(a, n))) return refuse({ lib: 'EVP' });
  return state3().chain.reseedNow(cView(a, n)) ? 1 : 0;
}

/** Every DRBG using this personality's clone guard reseeds before its next output. Call it
 * when the platform reports a restore (a VM or container snapshot) randshim cannot see. */
export function RANDSHIM_3_deplete(): void {
  guard().deplete('RANDSHIM_3_deplete');
}

/** The DRBG behind `ctx`, or null (raised) for NULL or a context that is not a DRBG. */
function drbgOf(ctx: EVP_RAND_CTX | null): DrbgCtx | null {
  if (ctx === null) {
    raise('EVP', 'PASSED_NULL_PARAMETER');
    return null;
  }
  if (cHandle(ctx, EVP_RAND_CTX) === undefined || !(ctx.algctx instanceof DrbgCtx)) {
    raise('EVP', 'PASSED_INVALID_ARGUMENT');
    return null;
  }
  return ctx.algctx;
}

/** The next generate on `ctx` (a DRBG) reseeds first. 0 for NULL or a seed source/TEST-RAND. */
export function RANDSHIM_EVP_RAND_CTX_deplete(ctx: EVP_RAND_CTX | null): number {
  const drbg = drbgOf(ctx);
  if (drbg === null) return 0;
  drbg.deplete();
  return 1;
}

/** Prediction resistance on (1) or off (0) for every DRBG using this personality's clone guard,
 * whatever each generate asks: a kernel read and a reseed per chain level on every call. */
export function RANDSHIM_3_set_prediction_resistance(on: number): number {
  guard().predictionResistance = on !== 0;
  return 1;
}

/** The same for one DRBG context. */
export function RANDSHIM_EVP_RAND_CTX_set_prediction_resistance(ctx: EVP_RAND_CTX | null, on: number): number {
  const drbg = drbgOf(ctx);
  if (drbg === null) return 0;
  drbg.predictionResistanceAlways = on !== 0;
  return 1;
}

/**
 * `fn` (or null to remove it) returns bytes that tell this clone apart from its siblings (an
 * instance id, a MAC address, a counter from a coordinator), mixed in as additional input when
 * a DRBG reseeds because of a clone signal: for clones whose entropy source holds no real
 * entropy (reseeding identical clones identically keeps them identical). Keep it within the
 * DRBG's max_adinlen.
 */
export function RANDSHIM_3_set_clone_diversifier(fn: CloneDiversifier | null): number {
  guard().diversifier = fn;
  return 1;
}

/** What moved this personality's clone guard, oldest first. */
export function RANDSHIM_3_clone_events(): readonly CloneEvent[] {
  return guard().events;
}
