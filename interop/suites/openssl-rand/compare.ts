/**
 * One `openssl rand` command on a build with the `openssl-command` capability and on randshim's
 * reproduction, compared on every observable (exit status, stdout, the -writerand file, urandom
 * bytes read, errors printed), plus the `[random]` configurations OpenSSL 3 accepts that randshim
 * implements. Shared by the spec and the conformance report.
 */
import { SUPPORTED_DIGESTS } from '../../../provider/sp800-90a/primitives/algorithms.js';
import type { OpensslCommand, RandCommand, RandCommandRun, RandomSection } from './command.js';
import { reproduceRandCommand } from './run-randshim.js';

/** Every configuration OpenSSL 3's [random] section accepts that randshim implements (use_df
 * is not configurable there). */
export const ACCEPTED_SECTIONS: readonly (RandomSection | undefined)[] = [
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

export interface RandCommandComparison {
  /** The build's run. */
  readonly run: RandCommandRun;
  /** The first observable that differs, or null. */
  readonly mismatch: { field: string; openssl: unknown; randshim: unknown } | null;
  /** Random output bytes compared (stdout hex decoded, plus the -writerand file). */
  readonly bytesCompared: number;
}

const hexOf = (b: Uint8Array | null): string | null => (b === null ? null : Buffer.from(b).toString('hex'));

export async function compareRandCommand(build: OpensslCommand, cmd: RandCommand): Promise<RandCommandComparison> {
  const w = await build.runRand(cmd);
  const r = reproduceRandCommand(cmd, w.primaryAddress, build.environment, w.threadId ?? null);
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
