/** One section of the conformance report (`npm start`). */
export interface ReportSection {
  readonly title: string;
  /** The terminal rendering (tables, notes). */
  readonly text: string;
  /** False when anything in the section disagrees with OpenSSL or the vectors. */
  readonly ok: boolean;
  /** Machine-readable figures for --json. */
  readonly json: unknown;
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
}

/** The section for a build that could not be brought up: nothing compared, nothing wrong. */
export function unavailableSection(title: string, name: string, reason: string): ReportSection {
  return { title, ok: true, text: `${name} unavailable: ${reason}`, json: { available: false, reason } };
}
