/**
 * The 3.x fuzz campaign: random EVP_RAND call sequences (evp3-ops.ts) drawn by fast-check, each
 * run on the real OpenSSL 3.0 and on randshim's compat/openssl3 and compared call by call
 * (return, the whole output buffer also after a failure, state, error queue). Every sequence
 * starts with a fresh TEST-RAND parent and five DRBGs under it: CTR AES-256 with df, CTR
 * AES-128 without, HASH SHA-256, HMAC SHA-512, and a CTR child of the first. Calls then use
 * strengths above the DRBG's, lengths at and around the limits (0, 1, limit, limit + 1, -1,
 * 2^31, 2^32 + 5, 2^53; with a NULL addin, as C reads no bytes then), cipher, digest and df
 * changes on READY DRBGs (keyless contexts), ciphers that are not CTR, and reseed intervals.
 */
import fc from 'fast-check';
import { assertUntil, type CampaignFigures } from './campaign111.js';
import type { Evp3Op, Evp3Result } from './evp3-ops.js';
import { RealEvp3 } from './evp3-real.js';
import { RandshimEvp3 } from './evp3-randshim.js';
import { bytes } from '../rand-drbg/scenario.js';

export const PROLOGUE_3: readonly Evp3Op[] = [
  { op: 'new', setup: { mech: 'CTR-DRBG', cipher: 'AES-256-CTR', useDf: 1 } },
  { op: 'new', setup: { mech: 'CTR-DRBG', cipher: 'AES-128-CTR', useDf: 0 } },
  { op: 'new', setup: { mech: 'HASH-DRBG', digest: 'SHA256' } },
  { op: 'new', setup: { mech: 'HMAC-DRBG', digest: 'SHA512' } },
  { op: 'new', setup: { mech: 'CTR-DRBG' }, parent: 1 },
];

const ctx = fc.integer({ min: 1, max: PROLOGUE_3.length });
const flag = fc.constantFrom(0, 1);
const strength = fc.constantFrom(0, 128, 256, 257);
const hexOf = (lengths: readonly number[]) => fc.tuple(fc.constantFrom(...lengths), fc.integer({ min: 0, max: 255 }))
  .map(([n, seed]) => bytes(n, seed));
const adin = fc.oneof(
  fc.record({ adin: fc.constant(null), adinlen: fc.constantFrom(0, 1, 32, 48, 49, 2 ** 31, 2 ** 32 + 5, 2 ** 53, -1) }),
  fc.record({ adin: hexOf([0, 1, 16, 32, 48, 49]) }),
);

const op: fc.Arbitrary<Evp3Op> = fc.oneof(
  fc.record({ ctx, strength, pr: flag, pers: fc.oneof(fc.constant(null), hexOf([0, 1, 32, 48, 49])) })
    .map((o): Evp3Op => ({ op: 'instantiate', ...o })),
  fc.record({ ctx, outlen: fc.constantFrom(0, 1, 16, 65536, 65537), strength, pr: flag, a: adin })
    .map(({ a, ...o }): Evp3Op => ({ op: 'generate', ...o, ...a })),
  fc.record({ ctx, pr: flag, a: adin }).map(({ a, ...o }): Evp3Op => ({ op: 'reseed', ...o, ...a })),
  fc.record({ ctx, op: fc.constantFrom('uninstantiate' as const, 'state' as const, 'strength' as const) }),
  // Unknown cipher and digest names are left out: OpenSSL 3.0 keeps the failed fetch's NULL and
  // its next instantiate dereferences it (a segmentation fault, which randshim refuses instead).
  fc.record({ ctx, value: fc.constantFrom('AES-128-CTR', 'AES-192-CTR', 'AES-256-CTR', 'AES-256-ECB') })
    .map((o): Evp3Op => ({ op: 'set', key: 'cipher', ...o })),
  fc.record({ ctx, value: fc.constantFrom('SHA256', 'SHA512', 'SHA1') }).map((o): Evp3Op => ({ op: 'set', key: 'digest', ...o })),
  fc.record({ ctx, value: flag }).map((o): Evp3Op => ({ op: 'set', key: 'use_derivation_function', ...o })),
  fc.record({ ctx, value: fc.constantFrom(0, 1, 2, 1000) }).map((o): Evp3Op => ({ op: 'set', key: 'reseed_requests', ...o })),
  // Time intervals of seconds would make each side reseed by its own wall clock: 0 or 1000 only.
  fc.record({ ctx, value: fc.constantFrom(0, 1000) }).map((o): Evp3Op => ({ op: 'set', key: 'reseed_time_interval', ...o })),
);

export const sequence3 = (maxCalls: number): fc.Arbitrary<Evp3Op[]> => fc.array(op, { minLength: 1, maxLength: maxCalls, size: 'max' });

/** Runs `ops` on the real library and on randshim, call by call (randshim pinned to the
 * library's context addresses); both result lists, stopping after the first call that differs. */
export function runBoth3(ops: readonly Evp3Op[]): { real: Evp3Result[]; randshim: Evp3Result[] } {
  const real = new RealEvp3();
  const ours = new RandshimEvp3();
  const a: Evp3Result[] = [];
  const b: Evp3Result[] = [];
  try {
    for (const o of ops) {
      a.push(real.run(o));
      b.push(ours.run(o, a[a.length - 1]));
      if (JSON.stringify(a[a.length - 1]) !== JSON.stringify(b[b.length - 1])) break;
    }
    return { real: a, randshim: b };
  } finally {
    real.close();
    ours.close();
  }
}

/** The first call on which the two sides differ, or null. */
export function divergence3(ops: readonly Evp3Op[]): { index: number; op: Evp3Op; real: unknown; randshim: unknown } | null {
  const { real, randshim } = runBoth3(ops);
  const index = real.findIndex((r, i) => JSON.stringify(r) !== JSON.stringify(randshim[i]));
  return index < 0 ? null : { index, op: ops[index], real: real[index], randshim: randshim[index] };
}

/** As campaign111: about `calls` compared calls; throws fast-check's shrunk report on a divergence. */
export async function campaign3(calls: number, seed: number, maxLength = 40): Promise<CampaignFigures> {
  const start = Date.now();
  let compared = 0;
  let drawnCalls = 0;
  let sequences = 0;
  const prop = fc.asyncProperty(sequence3(maxLength), async (drawn) => {
    const ops = [...PROLOGUE_3, ...drawn];
    const d = divergence3(ops);
    if (d !== null) throw new Error(`call #${d.index} ${JSON.stringify(d.op)}:\n  openssl  ${JSON.stringify(d.real)}\n  randshim ${JSON.stringify(d.randshim)}`);
    compared += ops.length;
    drawnCalls += drawn.length;
    sequences++;
  });
  await assertUntil(prop, seed, calls, () => compared, PROLOGUE_3.length + maxLength / 2);
  return { personality: '3', sequences, calls: compared, drawn: drawnCalls, divergences: 0, seconds: (Date.now() - start) / 1000, seed };
}
