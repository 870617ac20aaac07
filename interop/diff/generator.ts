/**
 * Seeded generator of differential cases: random lengths from 0 to past the limits of each
 * configuration, random entropy / nonce / personalization / additional input, random sequences
 * of reseed, generate (with prediction resistance, with output lengths including 0, 1, 15, 16,
 * 17, 65536 and beyond) and uninstantiate / re-instantiate, and automatic reseeds by count.
 * Most inputs are valid so that most steps produce output to compare; a minority steps outside
 * the limits so that error paths, reasons and states are compared too.
 */
import { ctrLimits } from '../../provider/mechanisms/ctr.js';
import { digestStrength } from '../../provider/mechanisms/digest-limits.js';
import { DRBG_MAX_LENGTH } from '../../provider/mechanisms/mechanism.js';
import { findCtrCipher, findDigest } from '../../provider/primitives/algorithms.js';
import type { DiffCase, DrbgConfig, Step } from '../driver.js';
import { CasePrng } from './prng.js';

interface Lengths {
  minEntropy: number;
  maxEntropy: number;
  minNonce: number;
  maxPers: number;
  maxAdin: number;
  strength: number;
}

function lengthsOf(config: DrbgConfig): Lengths {
  if (config.mechanism === 'CTR-DRBG') {
    const l = ctrLimits(findCtrCipher(config.cipher ?? 'AES-256-CTR')!.keyLength, config.useDf !== false);
    return { minEntropy: l.minEntropyLen, maxEntropy: l.maxEntropyLen, minNonce: l.minNonceLen, maxPers: l.maxPersLen, maxAdin: l.maxAdinLen, strength: l.strength };
  }
  const strength = digestStrength(findDigest(config.digest ?? 'SHA2-256')!);
  return { minEntropy: strength / 8, maxEntropy: DRBG_MAX_LENGTH, minNonce: strength / 16, maxPers: DRBG_MAX_LENGTH, maxAdin: DRBG_MAX_LENGTH, strength };
}

const OUTLENS = [0, 1, 2, 15, 16, 17, 31, 32, 33, 47, 48, 49, 63, 64, 65, 100, 127, 128, 129, 255, 256, 1000, 1024, 4095, 4096, 4097];
const BIG_OUTLENS = [65535, 65536, 65537, 100000, 131072, 131073];

export class CaseGenerator {
  private readonly prng: CasePrng;
  private count = 0;

  constructor(readonly seed: number) {
    this.prng = new CasePrng(seed);
  }

  /** A byte-string length around [lo, hi]: usually inside, sometimes just outside. */
  private around(lo: number, hi: number, capAbove = 160): number {
    const r = this.prng;
    const top = Math.min(hi, lo + capAbove);
    const roll = r.u32() % 100;
    if (roll < 6 && lo > 0) return lo - 1;
    if (roll < 10 && hi < DRBG_MAX_LENGTH) return hi + r.int(1, 3);
    if (roll < 22) return lo;
    if (roll < 26 && hi < DRBG_MAX_LENGTH) return hi;
    return r.int(lo, top);
  }

  private optionalBytes(maxLen: number): string | undefined {
    const r = this.prng;
    const roll = r.u32() % 100;
    if (roll < 30) return undefined;
    if (roll < 40) return '';
    const limit = Math.min(maxLen, 200);
    const len = roll < 45 && maxLen < DRBG_MAX_LENGTH ? maxLen + 1 : roll < 50 ? limit : r.int(1, limit);
    return r.hex(len);
  }

  private outlen(): number {
    const r = this.prng;
    if (r.chance(0.02)) return r.pick(BIG_OUTLENS);
    if (r.chance(0.15)) return r.int(0, 5000);
    return r.pick(OUTLENS);
  }

  /** The next case for `config`. */
  next(config: DrbgConfig): DiffCase {
    const r = this.prng;
    const L = lengthsOf(config);
    const id = `seed ${this.seed} #${this.count++}`;
    const entropy = (): string => r.hex(this.around(L.minEntropy, L.maxEntropy));
    const nonce = (): string => r.hex(L.minNonce === 0 ? (r.chance(0.8) ? 0 : r.int(1, 16)) : this.around(L.minNonce, L.minNonce + 64));
    const instantiate = (): Step => {
      const pers = this.optionalBytes(L.maxPers);
      return {
        op: 'instantiate', entropy: entropy(), nonce: nonce(),
        ...(pers !== undefined ? { pers } : {}),
        ...(r.chance(0.1) ? { predictionResistance: true } : {}),
        ...(r.chance(0.05) ? { strength: r.pick([0, 128, 192, 256, L.strength + 1]) } : {}),
      };
    };
    const steps: Step[] = [instantiate()];
    const n = r.int(1, 7);
    for (let i = 0; i < n; i++) {
      const roll = r.u32() % 100;
      const adin = this.optionalBytes(L.maxAdin);
      if (roll < 60) {
        const pr = r.chance(0.15);
        steps.push({
          op: 'generate', outlen: this.outlen(),
          ...(pr || r.chance(0.1) ? { entropy: entropy() } : {}),
          ...(adin !== undefined ? { adin } : {}),
          ...(pr ? { predictionResistance: true } : {}),
          ...(r.chance(0.03) ? { strength: r.pick([0, 128, L.strength, L.strength + 1]) } : {}),
        });
      } else if (roll < 85) {
        steps.push({
          op: 'reseed',
          ...(r.chance(0.9) ? { entropy: entropy() } : {}),
          ...(adin !== undefined ? { adin } : {}),
          ...(r.chance(0.1) ? { predictionResistance: true } : {}),
        });
      } else if (roll < 93) {
        steps.push({ op: 'uninstantiate' });
        if (r.chance(0.8)) steps.push(instantiate());
      } else {
        steps.push(instantiate());
      }
    }
    const reseedInterval = r.chance(0.15) ? r.int(1, 4) : 0;
    return { id, config, ...(reseedInterval > 0 ? { reseedInterval } : {}), steps };
  }
}
