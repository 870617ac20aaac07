/**
 * Which of OpenSSL's random-layer test files are ported (test/openssl-tests/<line>/<name>.spec.ts)
 * and which originals are built and run against the real library
 * (scripts/build-openssl-tests.sh, test/openssl-tests/originals.spec.ts): the one list the
 * ports, the originals spec and the docs table are checked against.
 */
import type { OpensslLine } from './lines.js';

export interface PortedFile {
  readonly line: OpensslLine;
  /** The C file, e.g. "test/drbgtest.c". */
  readonly file: string;
  /** The port, relative to test/openssl-tests/. */
  readonly spec: string;
  /** Cases per registered function, as the C's setup_tests() registers them (ADD_TEST: 1). */
  readonly cases: Readonly<Record<string, number>>;
  /** Mocha cases the port adds beyond the C (controls), by title. */
  readonly extra: readonly string[];
  /** The original's binary under .cache/openssl-tests-build/<line>/, or null if not built. */
  readonly original: string | null;
  /** Arguments selecting the ported cases (testutil's `-test NAME`) when only part of the
   * file is ported. */
  readonly originalArgs?: readonly string[];
  /** The original links against libssl-dev's static libcrypto.a, not the shared library,
   * because it calls these functions the shared library does not export. */
  readonly staticOnlyFor?: readonly string[];
}

export const PORTED: readonly PortedFile[] = [
  {
    line: '1.1.1w', file: 'test/drbgtest.c', spec: '1.1.1/drbgtest.spec.ts', original: 'drbgtest',
    extra: ['control, beyond the C: the fork assertions fail when the process id does not change'],
    cases: { test_kats: 6, test_error_checks: 6, test_rand_drbg_reseed: 1, test_rand_seed: 1, test_rand_add: 1, test_multi_thread: 1 },
  },
  {
    line: '1.1.1w', file: 'test/drbg_cavs_test.c', spec: '1.1.1/drbg_cavs_test.spec.ts', original: 'drbg_cavs_test',
    extra: ['drbg_test_nelem: the data file lists 4,320 cases in 18 families'],
    cases: { test_cavs_kats: 4320 },
  },
  {
    line: '3.0', file: 'test/drbgtest.c', spec: '3.0/drbgtest.spec.ts', original: 'drbgtest',
    extra: ['control, beyond the C: children copied from one state without a pid change fail its duplicate checks'],
    cases: { test_rand_reseed: 1, test_rand_fork_safety: 16, test_rand_prediction_resistance: 1, test_multi_thread: 1 },
  },
  {
    line: '3.0', file: 'test/rand_test.c', spec: '3.0/rand_test.spec.ts', original: 'rand_test', extra: [],
    cases: { test_rand: 1 },
  },
  {
    line: '3.0', file: 'test/rand_status_test.c', spec: '3.0/rand_status_test.spec.ts', original: 'rand_status_test', extra: [],
    cases: { test_rand_status: 1 },
  },
  {
    line: '3.0', file: 'test/acvp_test.c', spec: '3.0/acvp_test.spec.ts', original: 'acvp_test',
    originalArgs: ['-test', 'drbg_test'], extra: ['OSSL_NELEM(drbg_data): acvp_test.inc has 1 DRBG case'],
    cases: { drbg_test: 1 },
  },
  {
    line: '3.0', file: 'test/evp_extra_test.c', spec: '3.0/evp_extra_test.spec.ts', original: 'evp_extra_test',
    originalArgs: ['-test', 'test_rand_agglomeration'], extra: [],
    staticOnlyFor: ['evp_pkey_copy_downgraded', 'evp_keymgmt_util_export'],
    cases: { test_rand_agglomeration: 1 },
  },
];

/** The ported entry of `file` in `line`, or undefined. */
export function portedFile(line: OpensslLine, file: string): PortedFile | undefined {
  return PORTED.find((p) => p.line === line && p.file === file);
}

/** Sum of a ported file's C cases (for a partial port, of the random-layer cases). */
export function portedCaseCount(p: PortedFile): number {
  return Object.values(p.cases).reduce((n, c) => n + c, 0);
}
