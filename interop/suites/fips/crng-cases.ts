/**
 * Generated CRNG-TEST scenarios around both SP 800-90B cutoffs of the FIPS provider
 * (RCT: 5 identical bytes in a row; APT: the window's first byte 25 times in 512 samples;
 * fips_crng_test.c): TEST-RAND test_entropy patterns fed through CRNG-TEST to a FIPS
 * CTR-DRBG (AES-128-CTR, df), and to CRNG-TEST's own generate, with failures, windows that span
 * calls, window restarts and recovery (new entropy, then the DRBG's automatic re-instantiate).
 */
import { toHex } from '../../../provider/bytes.js';
import { APT_CUTOFF, ENTROPY_APT_W, RCT_CUTOFF } from '../../../provider/openssl3/fips/health-tests.js';
import type { FipsChain, FipsStep } from './scenario.js';

/** Bytes with no two equal within 48 and never `avoid` (odd multiplier: a permutation mod 256). */
function filler(length: number, avoid: number, salt = 11): Uint8Array {
  const out = new Uint8Array(length);
  let k = 0;
  for (let i = 0; i < length; i++) {
    let b = (k * 37 + salt) & 0xff;
    k++;
    if (b === avoid) b = (k++ * 37 + salt) & 0xff;
    out[i] = b;
  }
  return out;
}

/** A run of `count` × `value` at `offset` in distinct filler. */
export function runPattern(length: number, value: number, offset: number, count: number): Uint8Array {
  const b = filler(length, value);
  b.fill(value, offset, offset + count);
  return b;
}

/** `value` first and then every `stride`-th byte, `count` times in all, in distinct filler. */
export function proportionPattern(length: number, value: number, stride: number, count: number): Uint8Array {
  const b = filler(length, value);
  for (let i = 0; i < count; i++) b[i * stride] = value;
  return b;
}

const DRBG = { type: 'CTR-DRBG', params: { cipher: 'AES-128-CTR' } } as const;

const usage = (extra: readonly FipsStep[] = []): FipsStep[] => [
  { op: 'instantiate', target: 'drbg', pers: 'pers', strength: 128 },
  { op: 'generate', target: 'drbg', length: 16 },
  { op: 'generate', target: 'drbg', length: 16, pr: true },
  { op: 'generate', target: 'crng', length: 8 },
  ...extra,
];

/** After a failure: good entropy again, then the DRBG restarts itself (rand_drbg_restart). */
const recovery = (): FipsStep[] => [
  { op: 'set-entropy', entropy: toHex(filler(48, -1, 3)) },
  { op: 'generate', target: 'drbg', length: 16 },
  { op: 'generate', target: 'crng', length: 8 },
];

function chain(name: string, entropy: Uint8Array, steps: FipsStep[]): FipsChain {
  return { name, drbg: DRBG, crng: true, parent: { strength: 256, entropy: toHex(entropy) }, steps };
}

/** The deterministic set: every run length and proportion count around the cutoffs. */
export function crngCases(): FipsChain[] {
  const out: FipsChain[] = [];
  for (const count of [RCT_CUTOFF - 2, RCT_CUTOFF - 1, RCT_CUTOFF, RCT_CUTOFF + 1]) {
    for (const [offset, value] of [[0, 0x00], [20, 0x09], [48 - count, 0xff]] as const) {
      out.push(chain(`RCT run ${count}x${value.toString(16)} at ${offset}`, runPattern(48, value, offset, count), usage(recovery())));
    }
  }
  for (const count of [APT_CUTOFF - 2, APT_CUTOFF - 1, APT_CUTOFF, APT_CUTOFF + 1]) {
    for (const stride of [2, 3, 20]) {
      const length = Math.max(48, (count - 1) * stride + 1);
      out.push(chain(`APT ${count}xAA stride ${stride} in ${length} B`, proportionPattern(length, 0xaa, stride, count), usage(recovery())));
    }
  }
  // the window spans calls: 12 AA per 48-byte pull, each prediction-resistant generate pulls again
  const spanning = proportionPattern(48, 0xaa, 4, 12);
  out.push(chain('APT window across pulls (12 AA per 48 B)', spanning, [
    { op: 'instantiate', target: 'drbg', pers: 'pers', strength: 128 },
    ...Array.from({ length: 4 }, (): FipsStep => ({ op: 'generate', target: 'drbg', length: 16, pr: true })),
    ...recovery(),
  ]));
  // the window ends after 512 samples: 24 AA in the first window, the next window starts afresh
  const edge = proportionPattern(ENTROPY_APT_W + 48, 0xaa, 21, 24);
  edge[ENTROPY_APT_W] = 0xaa;
  out.push(chain('APT window restart at 512 samples', edge, usage()));
  // the RCT state spans calls: a run of 3 at the end and 2 at the start of the next pull
  const tail = runPattern(48, 0x5a, 45, 3);
  tail[0] = 0x5a;
  tail[1] = 0x5a;
  out.push(chain('RCT run across pulls', tail, usage(recovery())));
  // CRNG-TEST alone: its own generate refuses, then accepts a new window
  out.push({ name: 'CRNG-TEST generate only', drbg: null, crng: true, parent: { strength: 256, entropy: toHex(runPattern(64, 0x33, 10, RCT_CUTOFF)) },
    steps: [{ op: 'instantiate', target: 'crng' }, { op: 'generate', target: 'crng', length: 8 }, { op: 'generate', target: 'crng', length: 16 },
      { op: 'generate', target: 'crng', length: 16 }, ...recovery().filter((s) => !('target' in s) || s.target === 'crng')] });
  return out;
}

/** A seeded batch of random patterns biased to sit near the cutoffs (xorshift32, as TEST-RAND's
 * generate mode; the seed makes every run the same set). */
export function randomCrngCases(count: number, seed = 0x2545f491): FipsChain[] {
  let x = seed >>> 0;
  const next = (n: number): number => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x % n;
  };
  const out: FipsChain[] = [];
  for (let i = 0; i < count; i++) {
    const length = 48 + next(80);
    const value = next(256);
    const b = next(2) === 0
      ? runPattern(length, value, next(length - 8), RCT_CUTOFF - 1 + next(3))
      : proportionPattern(length, value, 1 + next(3) + 1, Math.min(Math.floor((length - 1) / 2) + 1, APT_CUTOFF - 3 + next(6)));
    out.push(chain(`random ${i}`, b, usage(next(2) === 0 ? recovery() : [])));
  }
  return out;
}
