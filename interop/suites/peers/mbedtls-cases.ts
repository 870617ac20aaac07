/**
 * Seeded Mbed TLS cases: a configuration prologue (entropy and nonce lengths, reseed interval
 * set before seeding, prediction resistance), a seed, then a
 * random mix of generates, reseeds, updates, mid-life setting changes and entropy failures.
 * Lengths sit around the library's own limits (mbedtls/ctr_drbg.h, hmac_drbg.h): 1024 bytes
 * per request, 256 of additional input, 384 of seed material, each just below, at and above.
 */
import { MBEDTLS_CTR_DRBG } from '../../../provider/conventions/mbedtls-ctr.js';
import { SeededRandom } from '../differential/generator.js';
import type { PeerCase, PeerStep } from './steps.js';

export type MbedtlsMechanism = 'ctr' | 'hmac';

const OUT_LENGTHS = [0, 1, 15, 16, 17, 20, 28, 31, 32, 33, 48, 64, 100, 255, 1023, 1024, 1025];
const ADIN_LENGTHS = [1, 15, 16, 17, 32, 47, 48, 49, 100, 255, 256, 257];
const UPDATE_LENGTHS = [0, 1, 16, 48, 100, 256, 383, 384, 385, 500];
const CTR_ENTROPY_LENGTHS = [0, 1, 16, 24, 31, 32, 33, 47, 48, 49, 64, 100, 200, 336, 383, 384, 385];
const HMAC_ENTROPY_LENGTHS = [0, 1, 16, 24, 32, 33, 48, 64, 100, 200, 255, 256, 257];
const NONCE_LENGTHS = [0, 1, 8, 16, 24, 32, 100, 336, 384, 385];
const CUSTOM_LENGTHS = [0, 1, 16, 32, 48, 100, 200, 256, 257, 300, 336, 337, 384];
const INTERVALS = [1, 2, 3, 5];

/** null (no buffer), an empty buffer, or `length` bytes. */
function buffer(random: SeededRandom, lengths: readonly number[], nullRate = 0.25): Uint8Array | null {
  if (random.chance(nullRate)) return random.chance(0.5) ? null : new Uint8Array(0);
  return random.bytes(random.pick(lengths));
}

function prologue(random: SeededRandom, mechanism: MbedtlsMechanism): PeerStep[] {
  const steps: PeerStep[] = [];
  const entropyLengths = mechanism === 'ctr' ? CTR_ENTROPY_LENGTHS : HMAC_ENTROPY_LENGTHS;
  if (random.chance(0.6)) steps.push({ op: 'set-entropy-len', length: random.pick(entropyLengths) });
  if (mechanism === 'ctr' && random.chance(0.4)) steps.push({ op: 'set-nonce-len', length: random.pick(NONCE_LENGTHS) });
  if (random.chance(0.2)) steps.push({ op: 'set-reseed-interval', interval: random.pick(INTERVALS) });
  if (random.chance(0.2)) steps.push({ op: 'set-pr', on: true });
  if (mechanism === 'hmac' && random.chance(0.15)) {
    steps.push({ op: 'seed-buf', data: buffer(random, CUSTOM_LENGTHS) });
  } else {
    if (random.chance(0.05)) steps.push({ op: 'fail-next-entropy' });
    steps.push({ op: 'seed', custom: buffer(random, CUSTOM_LENGTHS) });
  }
  return steps;
}

function bodyStep(random: SeededRandom, mechanism: MbedtlsMechanism, line: string, hasSource: boolean): PeerStep {
  let roll = random.int(0, 99);
  // Without an entropy source (seed_buf) reseed would call a NULL f_entropy: never asked.
  if (!hasSource && roll >= 50 && roll < 62) roll = 0;
  if (roll < 50) {
    const length = random.chance(0.1) ? random.int(0, MBEDTLS_CTR_DRBG.MAX_REQUEST + 1) : random.pick(OUT_LENGTHS);
    return { op: 'random', length, additional: buffer(random, ADIN_LENGTHS, 0.5) };
  }
  if (roll < 62) return { op: 'reseed', additional: buffer(random, [1, 16, 48, 100, 200, 256, 257, 300, 336, 337]) };
  if (roll < 72) return { op: 'update', additional: buffer(random, UPDATE_LENGTHS, 0.2) };
  if (roll < 76 && mechanism === 'ctr' && line === '2.28') {
    return { op: 'update-void', additional: buffer(random, UPDATE_LENGTHS, 0.2) };
  }
  if (roll < 82) return { op: 'set-reseed-interval', interval: random.pick(INTERVALS) };
  if (roll < 87) return { op: 'set-pr', on: random.chance(0.5) };
  if (roll < 91) return { op: 'fail-next-entropy' };
  if (roll < 95) {
    // Not 0 here: after seeding, entropy_len 0 makes Mbed TLS reseed from no entropy at all (a
    // documented difference with its own test), out of the CTR model's reach without input.
    const lengths = mechanism === 'ctr' ? CTR_ENTROPY_LENGTHS : HMAC_ENTROPY_LENGTHS;
    return { op: 'set-entropy-len', length: random.pick(lengths.filter((n) => n !== 0)) };
  }
  if (mechanism === 'ctr' && roll < 98) return { op: 'set-nonce-len', length: random.pick(NONCE_LENGTHS) };
  // CTR only: seeding again (the reseed counter then serves as the nonce length).
  if (mechanism === 'ctr') return { op: 'seed', custom: buffer(random, [0, 1, 16, 32]) };
  return { op: 'random', length: random.pick(OUT_LENGTHS), additional: null };
}

export interface MbedtlsCaseOptions {
  readonly seed: number;
  readonly count: number;
  readonly mechanism: MbedtlsMechanism;
  /** '2.28' adds the deprecated void update. */
  readonly line: string;
  /** Steps after the prologue: at least min, at most max. */
  readonly minSteps?: number;
  readonly maxSteps?: number;
}

export function generateMbedtlsCases(options: MbedtlsCaseOptions): PeerCase[] {
  const random = new SeededRandom(options.seed);
  const cases: PeerCase[] = [];
  for (let i = 0; i < options.count; i++) {
    const steps = prologue(random, options.mechanism);
    const hasSource = steps.some((s) => s.op === 'seed');
    const n = random.int(options.minSteps ?? 3, options.maxSteps ?? 14);
    for (let k = 0; k < n; k++) steps.push(bodyStep(random, options.mechanism, options.line, hasSource));
    cases.push({ id: `${options.mechanism} seed ${options.seed} #${i}`, entropySeed: random.u32(), steps });
  }
  return cases;
}
