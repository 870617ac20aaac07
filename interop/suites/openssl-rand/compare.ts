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

/** Other spellings and settings OpenSSL 3 also accepts (3.1.0 and 3.0; 4.0 refuses the seed
 * sources that cannot be made): aliases, case, property queries, seed
 * sources that cannot be created (the primary then has no parent and takes an OS nonce), an
 * unknown key (the rest of the section still applies). */
export const ACCEPTED_VARIANTS: readonly RandomSection[] = [
  { cipher: 'aes-192-ctr' },
  { random: 'hash-drbg', digest: 'sha256' },
  { random: 'Hmac-Drbg', digest: 'SHA-512' },
  { random: 'HASH-DRBG', digest: 'SHA512-224' },
  { random: 'HMAC-DRBG', digest: 'SHA224', cipher: 'ignored-by-hmac' },
  { random: 'CTR-DRBG', digest: 'ignored-by-ctr' },
  { properties: 'provider=default' },
  { properties: 'fips=no' },
  { properties: '?provider=fips' },
  { properties: '-fips' },
  { properties: 'provider=default,fips!=yes' },
  { properties: 'provider=fips,' },
  { properties: 'provider==default' },
  { seed: 'SEED-SRC' },
  { seed: 'seed-src', seed_properties: 'provider=default' },
  { seed: 'NO-SUCH-SOURCE' },
  { seed: 'CTR-DRBG' },
  { seed: 'HASH-DRBG', random: 'HASH-DRBG', digest: 'SHA1' },
  { seed: 'HMAC-DRBG', cipher: 'AES-128-CTR' },
  { seed_properties: 'provider=fips' },
  [['RANDOM', 'HMAC-DRBG'], ['bogus', 'x'], ['Digest', 'SHA3-256']],
  [['use_derivation_function', '0'], ['cipher', 'AES-128-CTR']],
];

/** Configurations both refuse: every RAND call fails (or, for `random = TEST-RAND`, every
 * generate), nothing is printed, the exit status is 1. */
export const REJECTED: readonly RandomSection[] = [
  { cipher: 'AES-256-CBC' },
  { cipher: 'AES-128-ECB' },
  { cipher: 'NOPE-CTR' },
  { random: 'NOPE-DRBG' },
  { random: 'SEED-SRC' },
  { random: 'TEST-RAND' },
  { random: 'HASH-DRBG' },
  { random: 'HASH-DRBG', digest: 'SHAKE128' },
  { random: 'HMAC-DRBG', digest: 'SHAKE256' },
  { random: 'HASH-DRBG', digest: 'NOPE' },
  { random: 'HMAC-DRBG', digest: 'MD4' },
  { random: 'HASH-DRBG', digest: 'WHIRLPOOL' },
  { properties: 'provider=fips' },
  { properties: 'fips=yes' },
  { properties: 'provider!=default' },
  { seed: 'TEST-RAND' },
];

/** Algorithms OpenSSL 3's default provider accepts but randshim does not implement: OpenSSL
 * generates, randshim refuses with the reason given. */
export const OPENSSL_ONLY: readonly [RandomSection, string][] = [
  [{ cipher: 'ARIA-128-CTR' }, 'PROV:UNABLE_TO_FIND_CIPHERS'],
  [{ cipher: 'CAMELLIA-256-CTR' }, 'PROV:UNABLE_TO_FIND_CIPHERS'],
  [{ cipher: 'SM4-CTR' }, 'PROV:UNABLE_TO_FIND_CIPHERS'],
  ...['MD5', 'MD5-SHA1', 'SM3', 'BLAKE2B-512', 'BLAKE2S-256', 'RIPEMD160'].flatMap((digest): [RandomSection, string][] => [
    [{ random: 'HASH-DRBG', digest }, 'PROV:DIGEST_NOT_ALLOWED'],
    [{ random: 'HMAC-DRBG', digest }, 'PROV:DIGEST_NOT_ALLOWED'],
  ]),
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
