/**
 * What the FIPS-provider suites send to the real provider and run on randshim's model: chains of
 * TEST-RAND (the "entropy source", its test_entropy given) -> CRNG-TEST -> a FIPS DRBG, driven
 * step by step through EVP_RAND; and what each step observed. Both sides fill the same
 * {@link FipsStepResult}, so a mismatch names the step and the field.
 */
import { fromHex, utf8 } from '../../../provider/bytes.js';
import type { ReportedError } from '../differential/driver.js';

/** One EVP_RAND call on the chain. `target` "drbg" is the FIPS DRBG, "crng" the CRNG-TEST. */
export type FipsStep =
  | { readonly op: 'instantiate'; readonly target: 'drbg' | 'crng'; readonly pers?: string; readonly persHex?: string;
      readonly strength?: number }
  | { readonly op: 'generate'; readonly target: 'drbg' | 'crng'; readonly length: number; readonly pr?: boolean;
      readonly adin?: string }
  | { readonly op: 'reseed'; readonly target: 'drbg'; readonly pr?: boolean; readonly entropy?: string; readonly adin?: string }
  /** TEST-RAND's test_entropy (hex) and optionally test_nonce, set on the parent. */
  | { readonly op: 'set-entropy'; readonly entropy: string; readonly nonce?: string }
  /** set_ctx_params on the DRBG: digest / cipher / digest-check / use_derivation_function. */
  | { readonly op: 'set'; readonly target: 'drbg'; readonly params: FipsParams }
  | { readonly op: 'uninstantiate'; readonly target: 'drbg' };

export interface FipsParams {
  readonly cipher?: string;
  readonly digest?: string;
  readonly mac?: string;
  readonly 'digest-check'?: number;
  readonly use_derivation_function?: number;
}

export interface FipsChain {
  readonly name: string;
  /** The DRBG at the bottom and its set_ctx_params at creation (null: no DRBG, CRNG-TEST only). */
  readonly drbg: { readonly type: 'CTR-DRBG' | 'HASH-DRBG' | 'HMAC-DRBG'; readonly params: FipsParams } | null;
  /** false: TEST-RAND feeds the DRBG directly (no CRNG-TEST between them). */
  readonly crng: boolean;
  /** TEST-RAND's strength, test_entropy (hex) and test_nonce (hex). */
  readonly parent: { readonly strength: number; readonly entropy: string; readonly nonce?: string };
  readonly steps: readonly FipsStep[];
}

/** What one step saw: its return code, output, the error queue it left, and afterwards the
 * DRBG's state and fips-indicator and CRNG-TEST's state as EVP_RAND_get_state reports it. */
export interface FipsStepResult {
  readonly ret: number;
  readonly out?: string;
  readonly errors: readonly ReportedError[];
  readonly drbgState: number | null;
  readonly drbgIndicator: number | null;
  readonly crngState: number | null;
}

export interface FipsChainRun {
  readonly name: string;
  /** Creation of the chain (DRBG set_ctx_params at creation): ret 1 or 0 with its errors. */
  readonly created: FipsStepResult;
  readonly steps: readonly FipsStepResult[];
}

/** One OSSL_SELF_TEST callback invocation: OSSL_PROV_PARAM_SELF_TEST_PHASE / _TYPE / _DESC. */
export interface SelfTestEvent {
  readonly phase: string;
  readonly type: string;
  readonly desc: string;
}

/** Which test the callback corrupts (returns 0 on its Corrupt phase), like fipsinstall's
 * -corrupt_desc / -corrupt_type: each given field must match exactly. */
export interface CorruptTarget {
  readonly desc?: string;
  readonly type?: string;
}

export const eventKey = (e: SelfTestEvent): string => `${e.phase}:${e.type}:${e.desc}`;

/** The set_ctx_params entries of `p` in the order both sides send them: the switches before
 * the algorithm they qualify. */
export function paramList(p: FipsParams): { key: string; int?: number; utf8?: string }[] {
  const out: { key: string; int?: number; utf8?: string }[] = [];
  if (p['digest-check'] !== undefined) out.push({ key: 'digest-check', int: p['digest-check'] });
  if (p.use_derivation_function !== undefined) out.push({ key: 'use_derivation_function', int: p.use_derivation_function });
  if (p.cipher !== undefined) out.push({ key: 'cipher', utf8: p.cipher });
  if (p.mac !== undefined) out.push({ key: 'mac', utf8: p.mac });
  if (p.digest !== undefined) out.push({ key: 'digest', utf8: p.digest });
  return out;
}

/** The personalization string of an instantiate step: `persHex` bytes, `pers` text, or none. */
export function persOf(step: { readonly pers?: string; readonly persHex?: string }): Uint8Array | null {
  if (step.persHex !== undefined) return fromHex(step.persHex);
  return step.pers === undefined ? null : utf8(step.pers);
}
