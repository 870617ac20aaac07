/**
 * The documented, intentional differences between randshim's 1.1.1 personality and real
 * OpenSSL 1.1.1 (README.md, "Known differences", lists each by id). Those a scenario step can
 * show have a `check`: a step marked `known: id` is not compared for equality, `check` asserts
 * that each side shows exactly its documented behaviour, so a difference that changes shape is
 * still caught. The others say why no scenario can show them (`notComparable`).
 */
import type { RawResult } from '../raw-calls-111/calls.js';

export interface KnownDifference {
  readonly id: string;
  readonly title: string;
  /** Why it is not (and should not be) removed. */
  readonly reason: string;
  /** null when `openssl` and `randshim` show exactly the documented behaviours, else why not. */
  readonly check?: (openssl: RawResult, randshim: RawResult) => string | null;
  /** Why no scenario compares it with real 1.1.1. */
  readonly notComparable?: string;
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

export const UNCOMPARED_DIFFERENCES: readonly KnownDifference[] = [
  {
    id: 'identity',
    title: 'a DRBG\'s address is a per-instance 8-byte identity',
    reason: 'Where 1.1.1 mixes in a DRBG\'s address (a child\'s additional input when it pulls from its parent, ' +
      'bytes 24..32 of the default nonce), randshim uses `identity`: random by default, settable.',
    notComparable: 'the scenarios pin every identity to the address the oracle reports, and then compare equal',
  },
  {
    id: 'timer-source',
    title: 'the timer of RAND_DRBG_bytes\' additional data and the default nonce\'s time stamp',
    reason: 'randshim takes the low 32 bits of a nanosecond timer (performance.now) where 1.1.1 takes the low 32 ' +
      'bits of the CPU\'s time-stamp counter, and Date.now / process.hrtime for the nonce\'s CLOCK_REALTIME stamp: ' +
      'same layout, values as unpredictable.',
    notComparable: 'the values are unpredictable on both sides; the layout is proven against C by finding its timer in a TSC bracket',
  },
  {
    id: 'short-buffers',
    title: 'a length longer than its buffer, or a negative RAND_bytes count, is refused',
    reason: 'C would read or write past the buffer (RAND_bytes converts a negative count to a huge size_t); randshim ' +
      'returns 0 (or adds nothing) with ERR_R_PASSED_INVALID_ARGUMENT.',
    notComparable: 'real 1.1.1 cannot run these calls without undefined behaviour',
  },
  {
    id: 'zeroed-on-failure',
    title: 'a failed generate leaves a zeroed output buffer',
    reason: 'RAND_DRBG_generate, RAND_DRBG_bytes, RAND_bytes, RAND_priv_bytes and RAND_pseudo_bytes zero the output ' +
      'on failure; 1.1.1 leaves it untouched, or partly written when a later chunk of RAND_DRBG_bytes fails.',
    notComparable: 'the raw call language reports output only for successful calls',
  },
  {
    id: 'realm-scope',
    title: 'the shared DRBGs are per JavaScript realm',
    reason: 'OpenSSL has one master per process and public / private per thread; in randshim all three belong to ' +
      'the realm (main thread or worker). Fork detection compares process.pid (which changes only for a process ' +
      'started from a snapshot, or a C embedder\'s fork), and randshim\'s clone guard adds snapshot and VM clone ' +
      'detection (README "Cloning, forking and snapshots").',
    notComparable: 'a process-wide C object has no counterpart to compare across realms or forks',
  },
  {
    id: 'random-devices',
    title: 'RAND_keep_random_devices_open is a no-op',
    reason: 'entropy is read from /dev/urandom, opened for each read: a descriptor kept open would not survive ' +
      'into a process started from a snapshot.',
    notComparable: 'no observable effect on either side',
  },
];

/** Every documented difference, shown by scenarios or not. */
export const ALL_DIFFERENCES: readonly KnownDifference[] = [...KNOWN_DIFFERENCES, ...UNCOMPARED_DIFFERENCES];

export function knownDifference(id: string): KnownDifference & { check: NonNullable<KnownDifference['check']> } {
  const d = KNOWN_DIFFERENCES.find((k) => k.id === id);
  if (d?.check === undefined) throw new Error(`no documented difference ${id} that a scenario can show`);
  return d as KnownDifference & { check: NonNullable<KnownDifference['check']> };
}
