/** One section of the conformance report (`npm start`). */
import type { ProgressUpdate } from './progress.js';

/** One line of the closing summary table: what one suite compared against one oracle. */
export interface SummaryRow {
  /** The suite (differential, openssl rand, EVP_RAND scenarios, ...). */
  readonly suite: string;
  /** The build or implementation compared with, or `engine` for the NIST vectors. */
  readonly oracle: string;
  /** What was compared, counted: "56,000 cases", "21 scenarios, 1,280 calls". */
  readonly compared: string;
  /** Output bytes compared, when the suite compares bytes. */
  readonly bytes: number | null;
  /** Disagreements with the oracle; null when the oracle was unavailable. */
  readonly mismatches: number | null;
  /** Why nothing was compared (an unavailable oracle). */
  readonly unavailable?: string;
}

export interface ReportSection {
  readonly title: string;
  /** The terminal rendering (tables, notes). */
  readonly text: string;
  /** False when anything in the section disagrees with OpenSSL or the vectors. */
  readonly ok: boolean;
  /** Machine-readable figures for --json. */
  readonly json: unknown;
  /** The section's lines in the closing summary table. */
  readonly summary: readonly SummaryRow[];
}

export interface ReportOptions {
  /** Differential cases per configuration (--cases). */
  readonly cases?: number;
  /** Campaign seed (--seed). */
  readonly seed: number;
  /** Restrict to one oracle (--oracle). */
  readonly oracle?: string;
  /** Show progress on the terminal. */
  readonly progress: boolean;
  /** Where a long section reports how far it is (npm start's progress bar). */
  readonly onProgress?: ProgressUpdate;
}

/** The section for a build that could not be brought up: nothing compared, nothing wrong. */
export function unavailableSection(title: string, name: string, reason: string, suite = title): ReportSection {
  return {
    title, ok: true, text: `${name} unavailable: ${reason}`, json: { available: false, reason },
    summary: [{ suite, oracle: name, compared: 'nothing', bytes: null, mismatches: null, unavailable: reason }],
  };
}

/** "1,234 cases" */
export const counted = (n: number, what: string): string => `${n.toLocaleString('en-US')} ${what}`;
