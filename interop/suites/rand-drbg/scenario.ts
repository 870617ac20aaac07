/**
 * OpenSSL 1.1.1 RAND / RAND_DRBG scenarios: call sequences in the raw 1.1.1 language
 * (interop/suites/raw-calls-111/calls.ts) that run unchanged on real OpenSSL 1.1.1 (the 1.1.1 oracles) and on
 * randshim's compat/openssl111 API (interop/suites/raw-calls-111/run-randshim.ts), whose results are then compared
 * call by call: return codes, error queues (library, function, reason), output bytes, states,
 * private fields, and the trace of seed-source callbacks (arguments and order).
 *
 * A step is a raw call, optionally with
 * - `output: 'length'`: the bytes cannot match (RAND_bytes / RAND_DRBG_bytes mix in pid, thread
 *   id and a CPU timer; a DRBG seeded from the OS): only their length is compared;
 * - `randshim`: the call randshim runs in place of `call` (e.g. FIPS mode's RAND_add with a
 *   randomness real 1.1.1 cannot be told to ignore);
 * - `known`: the id of a documented difference (known-differences.ts) that this step shows
 *   instead of equality.
 */
import type { RawCall } from '../raw-calls-111/calls.js';

export interface Step {
  readonly call: RawCall;
  readonly randshim?: RawCall;
  readonly output?: 'length';
  readonly known?: string;
}

export interface Scenario111 {
  readonly name: string;
  /** What of the 1.1.1 behaviour it pins down. */
  readonly covers: string;
  readonly steps: readonly Step[];
}

/** A step from a bare call or a step. */
export type StepLike = RawCall | Step;

export function isStep(s: StepLike): s is Step {
  return 'call' in s;
}

export function scenario(name: string, covers: string, steps: readonly (StepLike | readonly StepLike[])[]): Scenario111 {
  return { name, covers, steps: steps.flat().map((s) => (isStep(s) ? s : { call: s })) };
}

/** A call whose output bytes cannot match, only their length. */
export function lengthOnly(call: RawCall): Step {
  return { call, output: 'length' };
}

// ---- data helpers -------------------------------------------------------------------------

/** `n` bytes (hex) of a recognisable pattern: byte i = (seed + 7 i) mod 256. */
export function bytes(n: number, seed = 0): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ((seed + 7 * i) & 0xff).toString(16).padStart(2, '0');
  return s;
}

/** The 28-byte personalization 1.1.1 uses for the shared DRBGs and implicit instantiation. */
export const DEFAULT_PERS = Buffer.from('OpenSSL NIST SP 800-90A DRBG').toString('hex');

export const NID_128 = 904;
export const NID_192 = 905;
export const NID_256 = 906;
export const NO_DF = 1;
export const INT32_MAX = 2147483647;

/**
 * Puts the process-wide master / public / private into a known state on both sides: bind all
 * three first (randshim creates them on first use, C has them already), then give the master
 * the named source and re-instantiate it with the 28-byte personalization, and re-instantiate
 * public and private from it (each pulls with its own address as additional input). Also resets
 * their reseed intervals to 1.1.1's defaults, in case an earlier scenario changed them.
 */
export function resetShared(source = 'master-src', entropy = bytes(32, 0x10), nonce = bytes(16, 0x90)): RawCall[] {
  const child = (drbg: 'public' | 'private'): RawCall[] => [
    { fn: 'RAND_DRBG_uninstantiate', drbg },
    { fn: 'RAND_DRBG_set_reseed_interval', drbg, interval: 1 << 16 },
    { fn: 'RAND_DRBG_set_reseed_time_interval', drbg, interval: 420 },
    { fn: 'RAND_DRBG_instantiate', drbg, pers: DEFAULT_PERS },
  ];
  return [
    { fn: 'RAND_DRBG_get0_master', bind: 'master' },
    { fn: 'RAND_DRBG_get0_public', bind: 'public' },
    { fn: 'RAND_DRBG_get0_private', bind: 'private' },
    { fn: 'source', name: source, entropy, nonce },
    { fn: 'RAND_DRBG_set', drbg: 'master', type: NID_256, flags: 0 },
    { fn: 'RAND_DRBG_set_callbacks', drbg: 'master', source },
    { fn: 'RAND_DRBG_set_reseed_interval', drbg: 'master', interval: 256 },
    { fn: 'RAND_DRBG_set_reseed_time_interval', drbg: 'master', interval: 3600 },
    { fn: 'RAND_DRBG_instantiate', drbg: 'master', pers: DEFAULT_PERS },
    ...child('public'),
    ...child('private'),
  ];
}

/** 1.1.1's compiled-in process defaults, for scenarios that change them to put back. */
export const RESTORE_DEFAULTS: RawCall[] = [
  { fn: 'RAND_DRBG_set_defaults', type: NID_256, flags: 0 },
  { fn: 'RAND_DRBG_set_reseed_defaults', masterInterval: 256, slaveInterval: 1 << 16, masterTime: 3600, slaveTime: 420 },
];
