/**
 * A small EVP_RAND call language for the 3.x bad-input probes and fuzz campaign, run the same
 * way on the real OpenSSL 3 (evp3-real.ts) and on randshim's compat/openssl3 (evp3-randshim.ts).
 * Contexts are numbered in creation order; context 0 is the TEST-RAND parent every DRBG hangs
 * from (strength 256, a long test_entropy and a test_nonce, instantiated), so every output is
 * reproducible. Lengths are C's: `adinlen` goes with a NULL addin (C reads no bytes then), and
 * outputs are read back whole, also after a failed call (zero-filled or untouched).
 */
import type { ReportedError } from '../differential/driver.js';

export type Mechanism = 'CTR-DRBG' | 'HASH-DRBG' | 'HMAC-DRBG';

/** One DRBG configuration's EVP_RAND_CTX_set_params entries. */
export interface DrbgSetup {
  readonly mech: Mechanism;
  readonly cipher?: string;
  readonly useDf?: number;
  readonly digest?: string;
}

export type Evp3Op =
  | { readonly op: 'new'; readonly setup: DrbgSetup; readonly parent?: number }
  | { readonly op: 'instantiate'; readonly ctx: number; readonly strength: number; readonly pr: number; readonly pers: string | null }
  | { readonly op: 'generate'; readonly ctx: number; readonly outlen: number; readonly strength: number; readonly pr: number;
      readonly adin: string | null; readonly adinlen?: number }
  | { readonly op: 'reseed'; readonly ctx: number; readonly pr: number; readonly adin: string | null; readonly adinlen?: number }
  | { readonly op: 'uninstantiate' | 'state' | 'free' | 'strength'; readonly ctx: number }
  /** EVP_RAND_CTX_set_params with one entry. */
  | { readonly op: 'set'; readonly ctx: number; readonly key: 'cipher' | 'digest'; readonly value: string }
  | { readonly op: 'set'; readonly ctx: number; readonly key: 'use_derivation_function'; readonly value: number }
  | { readonly op: 'set'; readonly ctx: number; readonly key: 'reseed_requests' | 'reseed_time_interval'; readonly value: number };

export interface Evp3Result {
  readonly ret?: number;
  /** `new`: the 8 bytes (hex) of the provider context's address, what a DRBG passes its parent
   * as additional input in ossl_drbg_get_seed; randshim's context is pinned to the library's. */
  readonly identity?: string;
  /** The output buffer after the call (hex), success or not. */
  readonly out?: string;
  readonly state?: number;
  readonly errors: readonly ReportedError[];
}

/** What both runners implement. */
export interface Evp3Runner {
  /** Runs one call; `pinned` is the other side's result of the same call (identities). */
  run(op: Evp3Op, pinned?: Evp3Result): Evp3Result;
  /** Frees every context the run created. */
  close(): void;
}

/** The parent's test entropy: long enough for thousands of seeds, fixed. */
export const PARENT_ENTROPY = Uint8Array.from({ length: 1 << 16 }, (_, i) => (i * 131 + 7) & 0xff);
export const PARENT_NONCE = Uint8Array.from({ length: 16 }, (_, i) => 0x40 + i);

/** The set_params entries of a setup, in the order both runners pass them. */
export function setupEntries(s: DrbgSetup): [string, string | number][] {
  const e: [string, string | number][] = [];
  if (s.mech === 'CTR-DRBG') {
    e.push(['cipher', s.cipher ?? 'AES-256-CTR']);
    e.push(['use_derivation_function', s.useDf ?? 1]);
  } else {
    e.push(['digest', s.digest ?? 'SHA256']);
    if (s.mech === 'HMAC-DRBG') e.push(['mac', 'HMAC']);
  }
  return e;
}

/** The byte value an output buffer is prefilled with, so that "untouched" and "zeroed" differ. */
export const PREFILL = 0xa5;
