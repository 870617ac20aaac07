/**
 * The scripts the mirage-crypto-rng driver (driver.ml) and randshim replay: one step per line,
 * the same JSON on both sides, and the answers both give, compared byte for byte.
 */

export type MirageStep =
  | { readonly op: 'version' }
  | { readonly op: 'fortuna'; readonly time: boolean }
  | { readonly op: 'hmac' }
  | { readonly op: 'clock'; readonly ns: string }
  | { readonly op: 'reseed'; readonly data: string }
  | { readonly op: 'acc'; readonly source: number; readonly data: string }
  | { readonly op: 'handle'; readonly source: number }
  | { readonly op: 'generate'; readonly n: number }
  | { readonly op: 'seeded' }
  | { readonly op: 'header'; readonly source: number; readonly data: string };

/** One answer line: `out` (hex) for generate and header, `seeded`, `version`, or `error`. */
export interface MirageAnswer {
  readonly ok?: boolean;
  readonly out?: string;
  readonly seeded?: boolean;
  readonly version?: string;
  readonly error?: string;
}

/** The JSON-lines text of `steps` (no escapes are ever needed: hex, digits and op names). */
export function scriptText(steps: readonly MirageStep[]): string {
  return steps.map((s) => JSON.stringify(s)).join('\n') + '\n';
}

/** A stable rendering of one answer, for equality and for showing a mismatch. */
export function answerKey(a: MirageAnswer): string {
  if (a.error !== undefined) return `error:${a.error}`;
  if (a.out !== undefined) return `out:${a.out}`;
  if (a.seeded !== undefined) return `seeded:${a.seeded}`;
  if (a.version !== undefined) return `version:${a.version}`;
  return a.ok === true ? 'ok' : JSON.stringify(a);
}
