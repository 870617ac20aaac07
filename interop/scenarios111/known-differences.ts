/**
 * The documented, intentional differences between randshim's 1.1.1 personality and real
 * OpenSSL 1.1.1 that a scenario step may show (README.md, "Known differences", lists each by id).
 * A step marked `known: id` is not compared for equality: `check` asserts that each side shows
 * exactly its documented behaviour, so a difference that changes shape is still caught.
 */
import type { RawResult } from '../ffi111/raw111.js';

export interface KnownDifference {
  readonly id: string;
  readonly title: string;
  /** Why it is not (and should not be) removed. */
  readonly reason: string;
  /** null when `openssl` and `randshim` show exactly the documented behaviours, else why not. */
  check(openssl: RawResult, randshim: RawResult): string | null;
}

const json = (x: unknown): string => JSON.stringify(x);

function expectFields(side: string, r: RawResult, want: Partial<RawResult>): string | null {
  for (const [k, v] of Object.entries(want)) {
    const got = (r as unknown as Record<string, unknown>)[k];
    if (json(got) !== json(v)) return `${side} ${k}: ${json(got)}, documented ${json(v)}`;
  }
  return null;
}

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    id: 'fips-mode-set',
    title: 'FIPS_mode_set(1) succeeds',
    reason: 'OpenSSL 1.1.1 has no FIPS module: FIPS_mode_set(1) fails with CRYPTO_R_FIPS_MODE_NOT_SUPPORTED. ' +
      'randshim switches to the FIPS behaviour RAND_DRBG(7) describes (OpenSSL commit 3a50a8a9, 3.0 development ' +
      'branch): RAND_add / RAND_seed never credit their buffer as entropy.',
    check: (o, r) => expectFields('openssl', o, {
      ret: 0, errors: [{ lib: 'CRYPTO', func: '0x6d', reason: '0x65' }], calls: [],
    }) ?? expectFields('randshim', r, { ret: 1, errors: [], calls: [] }),
  },
  {
    id: 'thread-id',
    title: 'the thread id in nonces and additional data is Node\'s worker threadId',
    reason: 'Where 1.1.1 uses pthread_self() (CRYPTO_THREAD_get_current_id: the address of the thread\'s ' +
      'descriptor), randshim uses worker_threads.threadId (0 on the main thread): JavaScript has no thread ' +
      'address, and the value is only ever mixed into nonces and RAND_DRBG_bytes\' additional data.',
    check: (o, r) => (typeof o.value === 'number' && o.value > 0 && o.value !== r.value ? null
      : `openssl ${o.value}: not a pthread_self() value`) ?? expectFields('randshim', r, { value: 0, errors: [] }),
  },
  {
    id: 'fips-mode',
    title: 'FIPS_mode() reports 1 after FIPS_mode_set(1)',
    reason: 'follows from fips-mode-set: real 1.1.1 stays out of FIPS mode.',
    check: (o, r) => expectFields('openssl', o, { ret: 0, errors: [] }) ?? expectFields('randshim', r, { ret: 1, errors: [] }),
  },
];

export function knownDifference(id: string): KnownDifference {
  const d = KNOWN_DIFFERENCES.find((k) => k.id === id);
  if (d === undefined) throw new Error(`no documented difference ${id}`);
  return d;
}
