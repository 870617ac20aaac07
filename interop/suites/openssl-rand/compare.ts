/**
 * One `openssl rand` command on the wasm-3.1 oracle and on randshim's reproduction, compared on
 * every observable (exit status, stdout, the -writerand file, urandom bytes read, errors
 * printed), plus the `[random]` configurations 3.1.0 accepts that randshim implements. Shared by
 * the wasm spec and the conformance report.
 */
import { SUPPORTED_DIGESTS } from '../../../provider/sp800-90a/primitives/algorithms.js';
import type { RandomSection, Wasm31RandCommand } from './command.js';
import { reproduceWasm31 } from './reproduction.js';
import type { Wasm31Oracle, Wasm31RandRun } from '../../builds/wasm31/wasm31.js';

/** Every configuration 3.1.0 accepts that randshim implements (use_df is not configurable). */
export const WASM31_ACCEPTED: readonly (RandomSection | undefined)[] = [
  undefined,
  {},
  { cipher: 'AES-128-CTR' },
  { cipher: 'AES-192-CTR' },
  { cipher: 'AES-256-CTR' },
  ...SUPPORTED_DIGESTS.map((digest) => ({ random: 'HASH-DRBG', digest })),
  ...SUPPORTED_DIGESTS.map((digest) => ({ random: 'HMAC-DRBG', digest })),
];

export function sectionLabel(section: RandomSection | undefined): string {
  return section === undefined ? '(no openssl.cnf)' : JSON.stringify(section);
}

export interface Wasm31Comparison {
  /** The wasm run. */
  readonly run: Wasm31RandRun;
  /** The first observable that differs, or null. */
  readonly mismatch: { field: string; openssl: unknown; randshim: unknown } | null;
  /** Random output bytes compared (stdout hex decoded, plus the -writerand file). */
  readonly bytesCompared: number;
}

const hexOf = (b: Uint8Array | null): string | null => (b === null ? null : Buffer.from(b).toString('hex'));

export async function compareWasm31(oracle: Wasm31Oracle, cmd: Wasm31RandCommand): Promise<Wasm31Comparison> {
  const w = await oracle.runRand(cmd);
  const r = reproduceWasm31(cmd, w.primaryAddress);
  const fields: [string, unknown, unknown][] = [
    ['trap', w.trap, null],
    ['exit status', w.exitCode, r.exitCode],
    ['stdout', w.stdout, r.stdout],
    ['urandom bytes read', w.urandomBytesRead, r.urandomBytesRead],
    ['-writerand file', hexOf(w.writtenFile), hexOf(r.writtenFile)],
    ['errors', JSON.stringify(w.errors), JSON.stringify(r.errors)],
  ];
  const diff = fields.find(([, a, b]) => a !== b);
  return {
    run: w,
    mismatch: diff === undefined ? null : { field: diff[0], openssl: diff[1], randshim: diff[2] },
    bytesCompared: Math.max(0, (w.stdout.length - 1) >> 1) + (w.writtenFile?.length ?? 0),
  };
}
