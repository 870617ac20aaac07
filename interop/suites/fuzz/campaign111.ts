/**
 * The 1.1.1 fuzz campaign: random sequences of raw 1.1.1 calls (interop/suites/raw-calls-111)
 * drawn by fast-check, each run on the real OpenSSL 1.1.1w (in-process) and on randshim's
 * compat/openssl111, compared call by call with the scenario comparator (return, output bytes,
 * state, error queue with function codes, callback trace). Every sequence starts from a known
 * state: the shared DRBGs re-seeded from a named source, two named DRBGs ("a", parentless, and
 * "b", its child) on named sources. Calls then hit them with lengths at and around every limit
 * (0, 1, limit, limit + 1, -1, 2^31, 2^32 + 5, 2^53), types and flags C does not support,
 * reseed intervals out of range, short, empty and oversized seed buffers, and the shared RAND
 * front end (whose outputs carry the process id, thread id and a timer: compared by length).
 */
import fc from 'fast-check';
import type { RawCall } from '../raw-calls-111/calls.js';
import type { Oracle111 } from '../../builds/openssl111/oracle.js';
import { compareRuns } from '../rand-drbg/compare.js';
import { runOnRandshim } from '../rand-drbg/run.js';
import { bytes, lengthOnly, resetShared, scenario, type Step } from '../rand-drbg/scenario.js';

const SIZES = [0, 1, 2 ** 31 - 1, 2 ** 31, 2 ** 32 + 5, 2 ** 53, -1];
const drbgName = fc.constantFrom('a', 'b');
const hexOf = (lengths: readonly number[]) => fc.tuple(fc.constantFrom(...lengths), fc.integer({ min: 0, max: 255 }))
  .map(([n, seed]) => bytes(n, seed));
const nullWithLength = fc.constantFrom(...SIZES);
const adin = fc.oneof(fc.record({ adin: hexOf([0, 1, 16, 32, 33, 48, 49]) }), fc.record({ adinlen: nullWithLength }), fc.constant({}));
const pr = fc.boolean();

/** One drawn step: a call, compared as is or by length. */
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ drbg: drbgName, outlen: fc.constantFrom(0, 1, 16, 65536, 65537), predictionResistance: pr, extra: adin })
    .map(({ extra, ...c }): Step => ({ call: { fn: 'RAND_DRBG_generate', ...c, ...extra } })),
  fc.record({ drbg: drbgName, predictionResistance: pr, extra: adin })
    .map(({ extra, ...c }): Step => ({ call: { fn: 'RAND_DRBG_reseed', ...c, ...extra } })),
  fc.record({ drbg: drbgName, extra: fc.oneof(fc.record({ pers: hexOf([0, 1, 32, 33]) }), fc.record({ perslen: nullWithLength }), fc.constant({})) })
    .map(({ extra, ...c }): Step => ({ call: { fn: 'RAND_DRBG_instantiate', ...c, ...extra } })),
  drbgName.map((drbg): Step => ({ call: { fn: 'RAND_DRBG_uninstantiate', drbg } })),
  fc.record({ drbg: drbgName, type: fc.constantFrom(0, 904, 905, 906, 1, -1), flags: fc.constantFrom(0, 1, 2, 0xffff, -1) })
    .map((c): Step => ({ call: { fn: 'RAND_DRBG_set', ...c } })),
  fc.record({ drbg: drbgName, interval: fc.constantFrom(0, 1, 2, 2 ** 24, 2 ** 24 + 1, -1, 2 ** 32 + 5) })
    .map((c): Step => ({ call: { fn: 'RAND_DRBG_set_reseed_interval', ...c } })),
  // (no interval of a few seconds: each side would reseed by its own reading of the wall clock)
  fc.record({ drbg: drbgName, interval: fc.constantFrom(0, -1, 2 ** 20, 2 ** 20 + 1) })
    .map((c): Step => ({ call: { fn: 'RAND_DRBG_set_reseed_time_interval', ...c } })),
  // (source: null is left out: the raw harness detaches its hub even when C refuses the call)
  fc.record({ drbg: drbgName, source: fc.constantFrom('sa', 'sb'), nonce: fc.boolean() })
    .map((c): Step => ({ call: { fn: 'RAND_DRBG_set_callbacks', ...c } })),
  fc.record({ name: fc.constantFrom('sa', 'sb'), entropy: hexOf([0, 16, 24, 32, 48, 64, 200]), nonce: hexOf([0, 8, 16, 32, 70]) })
    .map((c): Step => ({ call: { fn: 'source', ...c } })),
  drbgName.map((drbg): Step => ({ call: { fn: 'peek', drbg } })),
  fc.record({ fn: fc.constantFrom('RAND_bytes' as const, 'RAND_priv_bytes' as const), num: fc.constantFrom(0, 1, 32) })
    .map((c): Step => lengthOnly(c)),
  fc.record({ n: fc.constantFrom(0, 1, 16, 32, 48, 64), r: fc.constantFrom<RawCall & { fn: 'RAND_add' } extends { randomness: infer D } ? D : never>(0, 1, 32, 48, 64, -1, 'NaN', 'Infinity'), seed: fc.integer({ min: 0, max: 255 }) })
    .map(({ n, r, seed }): Step => ({ call: { fn: 'RAND_add', buf: bytes(n, seed), randomness: r } })),
  fc.record({ n: fc.constantFrom(0, 1, 32, 48), seed: fc.integer({ min: 0, max: 255 }) })
    .map(({ n, seed }): Step => ({ call: { fn: 'RAND_seed', buf: bytes(n, seed) } })),
  fc.constantFrom<Step>({ call: { fn: 'RAND_status' } }, { call: { fn: 'RAND_poll' } }),
  fc.constant<Step>({ call: { fn: 'RAND_DRBG_set_reseed_defaults', masterInterval: 2 ** 24 + 1, slaveInterval: 1, masterTime: 1, slaveTime: 1 } }),
);

/** The prologue's RAND_DRBG_get0_master / public / private binds. */
const UNCOMPARED = 3;

/** The fixed start of every sequence (see the module comment). */
export function prologue(): Step[] {
  const calls: RawCall[] = [
    ...resetShared(),
    { fn: 'source', name: 'sa', entropy: bytes(48, 0x21), nonce: bytes(16, 0x31) },
    { fn: 'source', name: 'sb', entropy: bytes(48, 0x41), nonce: bytes(16, 0x51) },
    { fn: 'RAND_DRBG_new', type: 906, flags: 0, bind: 'a' },
    { fn: 'RAND_DRBG_set_callbacks', drbg: 'a', source: 'sa' },
    { fn: 'RAND_DRBG_new', type: 905, flags: 0, parent: 'a', bind: 'b' },
  ];
  return calls.map((call) => ({ call }));
}

export const sequence111 = (maxCalls: number): fc.Arbitrary<Step[]> =>
  fc.array(step, { minLength: 1, maxLength: maxCalls, size: 'max' });

export interface CampaignFigures {
  readonly personality: '1.1.1' | '3';
  /** Sequences run on both sides. */
  readonly sequences: number;
  /** Calls compared, the fixed prologues included. */
  readonly calls: number;
  /** Of those, the calls fast-check drew. */
  readonly drawn: number;
  readonly divergences: number;
  readonly seconds: number;
  readonly seed: number;
}

/**
 * fc.assert in rounds (seed, seed + 1, ...) until `done()` reaches `calls`, each round sized
 * for what is left at about `perRun` calls per sequence. A failure report names its round's seed.
 */
export async function assertUntil<T>(prop: fc.IAsyncProperty<[T]>, seed: number, calls: number, done: () => number,
  perRun: number): Promise<void> {
  for (let round = 0; done() < calls; round++) {
    const numRuns = Math.max(1, Math.ceil((calls - done()) / perRun));
    await fc.assert(prop, { seed: seed + round, numRuns });
  }
}

/**
 * Runs sequences until about `calls` calls were compared (the figures give the exact count).
 * At the first divergence fast-check shrinks the sequence and this throws its report: the seed,
 * the path and the smallest sequence that still diverges, with the differing calls.
 */
export async function campaign111(oracle: Oracle111, calls: number, seed: number, maxLength = 40): Promise<CampaignFigures> {
  const start = Date.now();
  const head = prologue();
  let compared = 0;
  let drawnCalls = 0;
  let sequences = 0;
  const prop = fc.asyncProperty(sequence111(maxLength), async (drawn) => {
    const sc = scenario('fuzz', 'fuzz', [...head, ...drawn]);
    const openssl = await oracle.runRaw(sc.steps.map((s) => s.call));
    const randshim = runOnRandshim(sc, openssl);
    // The first three calls bind the shared DRBGs as an earlier sequence left them in the C
    // process (randshim starts afresh): not compared; resetShared then puts them in a known state.
    const c = compareRuns(sc.steps.slice(UNCOMPARED), openssl.slice(UNCOMPARED), randshim.slice(UNCOMPARED));
    if (c.mismatches.length > 0) throw new Error(c.mismatches.join('\n'));
    compared += c.compared;
    drawnCalls += drawn.length;
    sequences++;
  });
  await assertUntil(prop, seed, calls, () => compared, head.length - UNCOMPARED + maxLength / 2);
  return { personality: '1.1.1', sequences, calls: compared, drawn: drawnCalls, divergences: 0, seconds: (Date.now() - start) / 1000, seed };
}
