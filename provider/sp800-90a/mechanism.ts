/**
 * What every SP 800-90A mechanism offers the generic DRBG core: OpenSSL's four per-type
 * methods (instantiate, reseed, generate, uninstantiate) plus verify_zeroization, and the
 * length limits that the core checks on every call. This is the TypeScript counterpart of the
 * function pointers `ossl_rand_drbg_new` stores in a PROV_DRBG.
 *
 * Buffers follow C's (pointer, length) convention: `null` is a NULL pointer, an empty array is
 * a non-NULL pointer with length 0. Some mechanisms distinguish the two (CTR_DRBG's derivation
 * function runs on a non-NULL empty input but not on NULL).
 */

/** The per-configuration constants OpenSSL keeps in its DRBG object (drbg_local.h). Lengths
 * are in bytes, strength in bits, as in OpenSSL (not in bits as in SP 800-90A). */
export interface DrbgLimits {
  /** Security strength in bits. */
  readonly strength: number;
  /** seedlen in bytes (SP 800-90A 10.1 table 2 / 10.2.1 table 3). */
  readonly seedlen: number;
  readonly minEntropyLen: number;
  readonly maxEntropyLen: number;
  readonly minNonceLen: number;
  readonly maxNonceLen: number;
  readonly maxPersLen: number;
  readonly maxAdinLen: number;
  /** Largest generate request in bytes (2^16: SP 800-90A's 2^19 bits). */
  readonly maxRequest: number;
}

/** OpenSSL's DRBG_MAX_LENGTH: the cap on entropy, nonce, personalization and additional input
 * (INT32_MAX bytes, below SP 800-90A's 2^35 bits). */
export const DRBG_MAX_LENGTH = 0x7fffffff;

/** Maximum bytes per generate request for every mechanism: 1 << 16. */
export const DRBG_MAX_REQUEST = 1 << 16;

export type MechanismType = 'CTR-DRBG' | 'HASH-DRBG' | 'HMAC-DRBG';

export interface Mechanism {
  readonly type: MechanismType;
  readonly limits: DrbgLimits;
  /** OpenSSL's name of the configured cipher or digest (EVP_CIPHER_get0_name / EVP_MD_get0_name). */
  readonly algorithmName: string;
  /** Instantiate_algorithm (SP 800-90A 10.x.x.2). Returns false where OpenSSL returns 0. */
  instantiate(entropy: Uint8Array | null, nonce: Uint8Array | null, pers: Uint8Array | null): boolean;
  /** Reseed_algorithm. */
  reseed(entropy: Uint8Array | null, adin: Uint8Array | null): boolean;
  /** Generate_algorithm: fills all of `out`. `generateCounter` is the DRBG's reseed_counter in
   * SP 800-90A's sense (OpenSSL's generate_counter); only Hash_DRBG mixes it in. */
  generate(out: Uint8Array, adin: Uint8Array | null, generateCounter: number): boolean;
  /** Zeroizes the working state (Uninstantiate_function, SP 800-90A 9.4). */
  uninstantiate(): void;
  /** True when every secret buffer is zero (OSSL_FUNC_rand_verify_zeroization). */
  verifyZeroization(): boolean;
  /** The live secret buffers (not copies), for zeroization tests and for debugging. */
  secretBuffers(): readonly Uint8Array[];
  /** A copy of the working state SP 800-90A names (CTR: Key || V; Hash: V || C; HMAC: K || V),
   * for moving a DRBG elsewhere. The caller owns the copy and must wipe it. */
  exportState(): Uint8Array;
  /** Takes over a working state exported by a mechanism of the same configuration; false (state
   * untouched) when the length does not match it. */
  importState(state: Uint8Array): boolean;
}
