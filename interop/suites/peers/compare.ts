/**
 * Step-by-step comparison of two runs of the same case, and the campaign totals every spec
 * and the matrix report: cases, steps and output bytes compared, and each mismatch with its
 * case, step and both outcomes.
 */
import type { StepOutcome } from './steps.js';

export interface PeerMismatch {
  readonly caseId: string;
  readonly step: number;
  readonly call: string;
  readonly library: StepOutcome;
  readonly randshim: StepOutcome;
}

export interface CampaignTotals {
  readonly cases: number;
  readonly steps: number;
  /** Output bytes compared (successful generates and health tests). */
  readonly bytes: number;
  /** Steps where the library returned an error code (compared like any other). */
  readonly refusals: number;
  /** Entropy requests compared (lengths). */
  readonly entropyRequests: number;
  readonly mismatches: readonly PeerMismatch[];
}

export function sameOutcome(a: StepOutcome, b: StepOutcome): boolean {
  return a.ret === b.ret && a.output === b.output
    && a.entropyRequests.length === b.entropyRequests.length
    && a.entropyRequests.every((n, i) => n === b.entropyRequests[i]);
}

/** Accumulates totals over cases. */
export class TotalsBuilder {
  cases = 0;
  steps = 0;
  bytes = 0;
  refusals = 0;
  entropyRequests = 0;
  readonly mismatches: PeerMismatch[] = [];

  /** Adds one case's outcomes (same length on both sides: same steps). */
  addCase(caseId: string, calls: readonly string[], library: readonly StepOutcome[], randshim: readonly StepOutcome[]): void {
    this.cases++;
    for (let i = 0; i < library.length; i++) {
      const lib = library[i];
      const ours = randshim[i];
      this.steps++;
      this.entropyRequests += lib.entropyRequests.length;
      if (lib.ret !== null && lib.ret !== 0) this.refusals++;
      if (!sameOutcome(lib, ours)) {
        this.mismatches.push({ caseId, step: i, call: calls[i], library: lib, randshim: ours });
        return; // later steps start from diverged states: one mismatch per case
      }
      if (lib.output !== null && lib.ret === 0) this.bytes += lib.output.length / 2;
    }
  }

  totals(): CampaignTotals {
    return {
      cases: this.cases, steps: this.steps, bytes: this.bytes, refusals: this.refusals,
      entropyRequests: this.entropyRequests, mismatches: this.mismatches,
    };
  }
}
