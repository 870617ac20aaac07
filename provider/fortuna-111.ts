/**
 * Fortuna as the entropy source of a 1.1.1 DRBG (the master, usually): the get_entropy /
 * cleanup_entropy pair RAND_DRBG_set_callbacks takes (crypto/rand/drbg_lib.c), drawing on a
 * FortunaSeedSrc with SEED-SRC's sizing. Prediction-resistance requests reach the source, which
 * then mixes fresh OS bytes into Fortuna's key first (1.1.1's own pool path refuses them only
 * for RAND_add's attached buffers).
 */
import type { CleanupEntropyFn, GetEntropyFn } from './openssl111/drbg-lib.js';
import type { FortunaSeedSrc } from './openssl3/rands/fortuna-seed-src.js';

const NO_ADIN = new Uint8Array(0);

export interface FortunaEntropyCallbacks {
  readonly getEntropy: GetEntropyFn;
  readonly cleanupEntropy: CleanupEntropyFn;
}

/** The callbacks for RandDrbg.setCallbacks(getEntropy, cleanupEntropy, nonce..., ...). The
 * source must be instantiated first. */
export function fortunaEntropyCallbacks(source: FortunaSeedSrc): FortunaEntropyCallbacks {
  return {
    getEntropy: (_drbg, entropy, minLen, maxLen, predictionResistance) =>
      source.getSeed(entropy, minLen, maxLen, predictionResistance, NO_ADIN),
    cleanupEntropy: (_drbg, out) => source.clearSeed(out),
  };
}
