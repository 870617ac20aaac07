/**
 * The type-specific half of a DRBG (drbg_ctr.c, drbg_hash.c, drbg_hmac.c): the algorithm it
 * runs with and how its parameters set it, the working state (through a {@link Mechanism}),
 * and the limits drbg.c checks. {@link DrbgCtx} is the generic half (drbg.c).
 *
 * Each variant keeps OpenSSL's split between what a parameter names and what the algorithm
 * contexts hold, because they part ways after a change: a CTR-DRBG whose cipher is set again
 * re-initialises its cipher contexts without a key (every use then fails with
 * PROV_R_NO_KEY_SET until it is instantiated again); a Hash or HMAC DRBG whose digest is set
 * again carries on from its current V and C (or K and V) with the new digest; a failed fetch
 * forgets the name (the getter then fails) while the running contexts stay as they were.
 */
import type { PropertyDefinition } from '../core/properties.js';
import type { DrbgLimits, Mechanism, MechanismType } from '../../sp800-90a/mechanism.js';
import { DRBG_MAX_LENGTH, DRBG_MAX_REQUEST } from '../../sp800-90a/mechanism.js';
import type { OSSL_PARAM } from '../core/param-memory.js';
import type { PrimitiveBackend } from '../../sp800-90a/primitives/backend.js';
import type { RandParamName } from './rand-impl.js';

/** What a variant needs from its surroundings. */
export interface VariantEnv {
  readonly backend: PrimitiveBackend;
  /** The property definition of the provider the DRBG belongs to (fetches match it). */
  readonly definition: PropertyDefinition;
}

export interface DrbgVariant {
  readonly type: MechanismType;
  /** strength, seedlen, length limits and max_request as drbg.c reads them. */
  readonly limits: DrbgLimits;
  /** The cipher or digest the parameters name (EVP_CIPHER_get0_name / EVP_MD_get0_name),
   * null when the getter would fail. */
  readonly algorithmName: string | null;
  /** The per-type methods drbg.c calls. Each returns false (after raising what OpenSSL raises
   * inside it) when the configured algorithm cannot run. */
  instantiate(entropy: Uint8Array | null, nonce: Uint8Array | null, pers: Uint8Array | null): boolean;
  reseed(entropy: Uint8Array | null, adin: Uint8Array | null): boolean;
  /** `adinlen`: C's length, which a NULL adin may carry (drbg_hmac_generate's final update). */
  generate(out: Uint8Array, adin: Uint8Array | null, generateCounter: number, adinlen?: number): boolean;
  uninstantiate(): void;
  verifyZeroization(): boolean;
  secretBuffers(): readonly Uint8Array[];
  /** The mechanism's working state (a copy), or null when no algorithm is configured. */
  exportState(): Uint8Array | null;
  /** Takes over an exported working state; false when none is configured or it does not fit. */
  importState(state: Uint8Array): boolean;
  /** The type-specific head of get_ctx_params (ossl_drbg_get_ctx_params follows). */
  getParams(params: OSSL_PARAM[]): boolean;
  /** set_ctx_params up to the call of ossl_drbg_set_ctx_params. */
  setParams(params: OSSL_PARAM[]): boolean;
  readonly gettable: readonly RandParamName[];
  readonly settable: readonly RandParamName[];
}

/** Limits before any algorithm is configured (drbg_*_new; CTR's init_lengths with keylen 0). */
export function openLimits(seedlen: number): DrbgLimits {
  return {
    strength: 0, seedlen, minEntropyLen: 0, maxEntropyLen: DRBG_MAX_LENGTH, minNonceLen: 0,
    maxNonceLen: DRBG_MAX_LENGTH, maxPersLen: DRBG_MAX_LENGTH, maxAdinLen: DRBG_MAX_LENGTH,
    maxRequest: DRBG_MAX_REQUEST,
  };
}

/** A new mechanism takes over the working state of the one it replaces (OpenSSL keeps one set
 * of fixed-size buffers per DRBG whatever the algorithm). */
export function adoptState(next: Mechanism, previous: Mechanism | null): void {
  if (previous === null || previous.type !== next.type) return;
  const from = previous.secretBuffers();
  const to = next.secretBuffers();
  for (let i = 0; i < to.length && i < from.length; i++) to[i].set(from[i].subarray(0, to[i].length));
}

/** The working-state half every variant shares: wiping, checking and exposing its mechanism's
 * secret buffers (OSSL_FUNC_rand_uninstantiate's cleanse, verify_zeroization). */
export abstract class MechanismHolder<M extends Mechanism> {
  protected mech: M | null = null;

  uninstantiate(): void {
    this.mech?.uninstantiate();
  }

  verifyZeroization(): boolean {
    return this.mech === null || this.mech.verifyZeroization();
  }

  secretBuffers(): readonly Uint8Array[] {
    return this.mech?.secretBuffers() ?? [];
  }

  exportState(): Uint8Array | null {
    return this.mech?.exportState() ?? null;
  }

  importState(state: Uint8Array): boolean {
    return this.mech !== null && this.mech.importState(state);
  }
}
