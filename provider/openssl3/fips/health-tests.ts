/**
 * SP 800-90B section 4.4 continuous health tests as the FIPS provider of OpenSSL 3.4+ runs them
 * on every byte of seed material (providers/implementations/rands/fips_crng_test.c: RCT_test,
 * APT_test, crng_test). Each byte is one sample; the entropy assumption is the compile-time
 * ENTROPY_H = 6 bits per byte and the APT window ENTROPY_APT_W = 512 samples.
 *
 * State persists across calls (a window spans separate get_seed calls) and is not reset by a
 * failure of the repetition count test: the run keeps counting, so the next identical byte fails
 * again. The adaptive proportion test restarts its window after a failure.
 */

/** Bits of min-entropy per byte the FIPS provider assumes (fips_crng_test.c ENTROPY_H). */
export const ENTROPY_H = 6;
/** The adaptive proportion test's window, in samples (ENTROPY_APT_W). */
export const ENTROPY_APT_W = 512;

/** RCT cutoffs C = 1 + ceil(-log2(2^-20) / H) for H = 0.5, 1, ..., 8 (fips_crng_test.c rct_c). */
const RCT_CUTOFFS = [41, 21, 11, 8, 6, 5, 5, 4, 4] as const;
/** APT cutoffs for n = 512, p = 2^-H at alpha = 2^-20, SP 800-90B table 2 (apt_c). */
const APT_CUTOFFS = [410, 311, 177, 103, 62, 39, 25, 18, 13] as const;

/** The repetition count test fails on this many identical bytes in a row (5 for H = 6). */
export const RCT_CUTOFF: number = RCT_CUTOFFS[ENTROPY_H];
/** The adaptive proportion test fails when a window's first byte occurs this often (25). */
export const APT_CUTOFF: number = APT_CUTOFFS[ENTROPY_H];

/** Which test refused a sample. */
export type HealthFailure = 'RCT' | 'APT';

export class ContinuousHealthTests {
  // SP 800-90B 4.4.1: the sample A and how many times in a row it was seen (B; 0 = no sample yet)
  private rctSample = 0;
  private rctCount = 0;
  // SP 800-90B 4.4.2: the window's first sample, its count (0 = no window), samples in window
  private aptSample = 0;
  private aptCount = 0;
  private aptSeen = 0;

  /** RCT_test: false when `next` makes the RCT_CUTOFF-th identical byte in a row. */
  private repetitionCount(next: number): boolean {
    if (this.rctCount !== 0 && next === this.rctSample) return ++this.rctCount < RCT_CUTOFF;
    this.rctSample = next;
    this.rctCount = 1;
    return true;
  }

  /** APT_test: false when the window's first byte reaches APT_CUTOFF occurrences. */
  private adaptiveProportion(next: number): boolean {
    if (this.aptCount !== 0) {
      if (this.aptSample === next && ++this.aptCount >= APT_CUTOFF) {
        this.aptCount = 0;
        return false;
      }
      if (++this.aptSeen >= ENTROPY_APT_W) this.aptCount = 0;
      return true;
    }
    this.aptSample = next;
    this.aptCount = 1;
    this.aptSeen = 1;
    return true;
  }

  /** crng_test: runs both tests on each byte in order and stops at the first refusal (the APT
   * does not see the byte the RCT refused). Returns null when every byte passed. */
  test(samples: Uint8Array): HealthFailure | null {
    for (const b of samples) {
      if (!this.repetitionCount(b)) return 'RCT';
      if (!this.adaptiveProportion(b)) return 'APT';
    }
    return null;
  }
}
