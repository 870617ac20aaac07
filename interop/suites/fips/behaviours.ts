/**
 * Every FIPS-relevant behaviour of the random layer, per line (1.1.1's FIPS_mode, 3.0 read from
 * source, 3.5, 3.6, 4.0 run on their real fips.so), with what randshim models and how it is
 * proven; docs/fips.md carries the table rendered from it (scripts/fips-table.ts) and
 * test/fips/fips-table.spec.ts keeps it fresh and checks that every "proven" cell of a live line
 * cites a test against the real FIPS provider.
 */

export type FipsTableLine = '1.1.1' | '3.0' | '3.5' | '3.6' | '4.0';
export const FIPS_TABLE_LINES: readonly FipsTableLine[] = ['1.1.1', '3.0', '3.5', '3.6', '4.0'];

/**
 * - proven: modelled and compared with the real library of that line (its fips.so for 3.5+);
 * - differs: a deliberate difference from the real library, listed and checked as such;
 * - source: modelled from OpenSSL's source only (3.0: no FIPS binary exists to run);
 * - absent: the line has no such behaviour (nothing to model);
 * - not modelled: the line has it, randshim does not;
 * - out of scope: not what a random-layer shim can or should reproduce.
 */
export type CellStatus = 'proven' | 'differs' | 'source' | 'absent' | 'not modelled' | 'out of scope';

export interface Cell {
  readonly status: CellStatus;
  readonly text?: string;
}

export interface Proof {
  /** The spec, relative to the repository root. */
  readonly file: string;
  /** A test title (or scenario name) that appears literally in `source` (default: `file`). */
  readonly test: string;
  readonly source?: string;
  /** How the table names it (default: `test`). */
  readonly label?: string;
  /** What it is compared with. */
  readonly oracle: string;
}

export interface FipsBehaviour {
  readonly id: string;
  readonly behaviour: string;
  readonly lines: Readonly<Record<FipsTableLine, Cell>>;
  /** Where randshim models it. */
  readonly model: string;
  readonly proofs: readonly Proof[];
}

const REAL_FIPS = 'real fips.so 3.5.9 / 3.6.5 / 4.0.3, every fipsinstall configuration';
const SELECTION_ORACLE = 'real libcrypto + fips.so 3.5 / 3.6 / 4.0 (default config)';
const proven = (text?: string): Cell => ({ status: 'proven', ...(text === undefined ? {} : { text }) });
const source = (text?: string): Cell => ({ status: 'source', ...(text === undefined ? {} : { text }) });
const absent = (text?: string): Cell => ({ status: 'absent', ...(text === undefined ? {} : { text }) });
const notModelled = (text?: string): Cell => ({ status: 'not modelled', ...(text === undefined ? {} : { text }) });
const outOfScope = (text?: string): Cell => ({ status: 'out of scope', ...(text === undefined ? {} : { text }) });
const live = (cell: Cell): Pick<Record<FipsTableLine, Cell>, '3.5' | '3.6' | '4.0'> => ({ '3.5': cell, '3.6': cell, '4.0': cell });

const spec = (file: string, test: string, oracle = REAL_FIPS): Proof => ({ file: `test/fips/${file}.spec.ts`, test, oracle });

export const FIPS_BEHAVIOURS: readonly FipsBehaviour[] = [
  {
    id: 'switch',
    behaviour: 'Turning FIPS on',
    lines: {
      '1.1.1': { status: 'differs', text: 'FIPS_mode_set(1) fails in every release; randshim turns on commit 3a50a8a9\'s behaviour (known difference fips-mode-set)' },
      '3.0': source('OSSL_PROVIDER_load(ctx, "fips"), fips=yes or EVP_default_properties_enable_fips'),
      ...live(proven('same calls; the FIPS DRBGs, TEST-RAND (fips=no) and default-property routing')),
    },
    model: 'compat/openssl111/fips.ts; provider/openssl3/core/provider-store.ts',
    proofs: [
      { file: 'test/compat/rand-drbg-scenarios.spec.ts', test: "known: 'fips-mode-set'", label: 'fips-mode-set', source: 'interop/suites/rand-drbg/data/ex-data-fips.ts',
        oracle: 'real 1.1.1w (system-1.1.1, node16-1.1.1): the difference is expected there' },
      spec('selection', 'fips=yes and provider=fips fetch the FIPS DRBGs; TEST-RAND is fips=no', SELECTION_ORACLE),
      spec('selection', 'EVP_default_properties_enable_fips routes every fetch to the FIPS provider, and back', SELECTION_ORACLE),
    ],
  },
  {
    id: 'rand-add',
    behaviour: 'RAND_add / RAND_seed credit no entropy',
    lines: {
      '1.1.1': proven('RAND_add(buf, n, r) behaves as RAND_add(buf, n, 0)'),
      '3.0': absent('the buffer is additional input anyway'), ...live(absent('as 3.0')),
    },
    model: 'compat/openssl111 (drbg_add with randomness forced to 0)',
    proofs: [{ file: 'test/compat/rand-drbg-scenarios.spec.ts', test: "scenario('fips-rand-add'", label: 'fips-rand-add', source: 'interop/suites/rand-drbg/data/ex-data-fips.ts',
      oracle: 'real 1.1.1w RAND_add(buf, n, 0), bit for bit' }],
  },
  {
    id: 'reseed-entropy',
    behaviour: 'EVP_RAND_reseed entropy used as additional input only',
    lines: {
      '1.1.1': absent(), '3.0': source('drbg.c FIPS_MODULE; CTR refuses (UNABLE_TO_RESEED, error state)'),
      ...live(proven('CTR refuses and restarts on its next generate; Hash and HMAC accept')),
    },
    model: 'provider/openssl3/rands/drbg.ts (fips), provider/openssl3/fips/fips-drbg.ts',
    proofs: [spec('drbg-scenarios', 'uses caller entropy on reseed as additional input only: CTR refuses, then restarts')],
  },
  {
    id: 'life-cycle',
    behaviour: 'FIPS DRBG states, errors and recovery over TEST-RAND',
    lines: {
      '1.1.1': absent(), '3.0': source('as the default provider\'s DRBGs'),
      ...live(proven('out of entropy, weak parent, use before instantiate, after uninstantiate')),
    },
    model: 'provider/openssl3/fips/fips-drbg.ts over rands/drbg.ts',
    proofs: [spec('drbg-scenarios', 'randshim agrees on every step (count compared)'),
      spec('drbg-scenarios', 'enters ERROR when the entropy runs out and recovers once there is entropy again')],
  },
  {
    id: 'cavp',
    behaviour: 'CTR-DRBG AES-128 df, PR: the self-test\'s CAVP vector',
    lines: { '1.1.1': absent(), '3.0': source(), ...live(proven()) },
    model: 'provider/sp800-90a/ctr-drbg.ts',
    proofs: [spec('drbg-scenarios', 'reproduces the CAVP CTR_DRBG vector the DRBG self-test uses')],
  },
  {
    id: 'df',
    behaviour: 'CTR-DRBG derivation function mandatory',
    lines: {
      '1.1.1': absent(), '3.0': notModelled(),
      '3.5': proven('use_derivation_function = 0 refused (DERIVATION_FUNCTION_INIT_FAILED)'),
      '3.6': proven('as 3.5'), '4.0': proven('the key is ignored: df always on'),
    },
    model: 'provider/openssl3/fips/fips-drbg.ts',
    proofs: [spec('drbg-scenarios', 'requires the derivation function on 3.5 and 3.6; 4.0 ignores use_derivation_function')],
  },
  {
    id: 'approved-digests',
    behaviour: 'Approved DRBG digests and the fips-indicator',
    lines: {
      '1.1.1': absent(), '3.0': absent('no indicator before 3.4'),
      ...live(proven('SHA-1, SHA2-256/512, SHA3-256/512 keep the indicator at 1; truncated ones clear it')),
    },
    model: 'provider/openssl3/fips/approved-digests.ts, fips-drbg.ts',
    proofs: [spec('digest-rules', 'approved digests keep the indicator at 1'),
      spec('selection', 'a FIPS DRBG reports its indicator, refuses MD5 and ignores "properties"', SELECTION_ORACLE)],
  },
  {
    id: 'no-trunc',
    behaviour: 'drbg-no-trunc-md and digest-check',
    lines: {
      '1.1.1': absent(), '3.0': absent(),
      ...live(proven('fipsinstall -no_drbg_truncated_digests refuses truncated digests unless digest-check = 0')),
    },
    model: 'provider/openssl3/fips/fips-drbg.ts',
    proofs: [spec('digest-rules', 'randshim agrees on every chain (count compared)'),
      spec('digest-rules', 'truncated digests are refused unless digest-check = 0 (indicator 0)')],
  },
  {
    id: 'fips-algorithms',
    behaviour: 'Only the FIPS provider\'s algorithms: MD5, SM3, BLAKE2, RIPEMD-160 refused; XOFs tolerated, unusable',
    lines: {
      '1.1.1': absent(), '3.0': source('EVP_MD_fetch in the FIPS library context'),
      '3.5': proven(), '3.6': proven('SHA2-256/192 exists from 3.6: not implemented by randshim'), '4.0': proven('as 3.6'),
    },
    model: 'provider/openssl3/fips/approved-digests.ts',
    proofs: [spec('drbg-scenarios', 'refuses algorithms the FIPS provider does not have (EVP_MD/CIPHER_fetch fails)')],
  },
  {
    id: 'properties',
    behaviour: 'A FIPS DRBG ignores the "properties" of its cipher / digest fetch',
    lines: { '1.1.1': absent(), '3.0': notModelled(), ...live(proven()) },
    model: 'provider/openssl3/fips/fips-drbg.ts',
    proofs: [spec('selection', 'a FIPS DRBG reports its indicator, refuses MD5 and ignores "properties"', SELECTION_ORACLE)],
  },
  {
    id: 'crng-rct',
    behaviour: 'CRNG-TEST repetition count test (SP 800-90B 4.4.1, cutoff 5 at H = 6)',
    lines: {
      '1.1.1': absent(), '3.0': notModelled('crngt.c compares successive blocks instead'),
      ...live(proven('5 identical bytes in a row refuse the seed')),
    },
    model: 'provider/openssl3/fips/health-tests.ts, crng-test.ts',
    proofs: [spec('crng-test', 'RCT: 4 identical bytes in a row pass, 5 fail the seed the DRBG asked for')],
  },
  {
    id: 'crng-apt',
    behaviour: 'CRNG-TEST adaptive proportion test (SP 800-90B 4.4.2, 25 in 512)',
    lines: { '1.1.1': absent(), '3.0': notModelled(), ...live(proven('windows span calls and restart after 512 samples')) },
    model: 'provider/openssl3/fips/health-tests.ts',
    proofs: [spec('crng-test', 'APT: 24 occurrences of the first byte in the window pass, 25 fail'),
      spec('crng-test', 'randshim agrees on every step of 28 fixed and')],
  },
  {
    id: 'crng-recovery',
    behaviour: 'After a health-test failure: DRBG error state, recovery; CRNG-TEST never blocks',
    lines: { '1.1.1': absent(), '3.0': notModelled(), ...live(proven()) },
    model: 'provider/openssl3/fips/crng-test.ts',
    proofs: [spec('crng-test', 'a failed DRBG recovers on good entropy; CRNG-TEST itself never blocks')],
  },
  {
    id: 'kat-load',
    behaviour: 'DRBG known-answer tests at load: HASH, CTR, HMAC; Start, Corrupt, Pass events',
    lines: { '1.1.1': absent(), '3.0': source('same tests; events not compared'), ...live(proven()) },
    model: 'provider/openssl3/fips/self-test.ts',
    proofs: [spec('self-tests', 'runs HASH, CTR, HMAC in that order, each Start, Corrupt, Pass')],
  },
  {
    id: 'kat-demand',
    behaviour: 'Self-tests on demand (OSSL_PROVIDER_self_test)',
    lines: { '1.1.1': absent(), '3.0': source(), ...live(proven()) },
    model: 'provider/openssl3/fips/self-test.ts',
    proofs: [spec('self-tests', 'randshim agrees on every event sequence and outcome (count compared)')],
  },
  {
    id: 'kat-defer',
    behaviour: 'Deferred self-tests (fipsinstall -defer_tests): each DRBG test at its first use',
    lines: { '1.1.1': absent(), '3.0': absent(), '3.5': absent(), '3.6': absent(),
      '4.0': proven('none at load; a corrupted one refuses EVP_RAND_CTX_new') },
    model: 'provider/openssl3/fips/self-test.ts (deferTests)',
    proofs: [spec('self-tests', 'runs HASH, CTR, HMAC in that order, each Start, Corrupt, Pass'),
      spec('self-tests', 'in its error state the module runs no test and refuses the self-test (INVALID_STATE)')],
  },
  {
    id: 'kat-corrupt',
    behaviour: 'A corrupted DRBG test: not available at load; on demand ret 0, module error state',
    lines: {
      '1.1.1': absent(), '3.0': source(), '3.5': proven(), '3.6': proven(),
      '4.0': proven('sometimes SIGSEGV in a later KAT after HASH/HMAC: retried, DRBG events still compared'),
    },
    model: 'provider/openssl3/fips/self-test.ts',
    proofs: [spec('self-tests', 'a corrupted test fails and puts the module in its error state'),
      spec('self-tests', 'crashes only after a corrupted HASH or HMAC test')],
  },
  {
    id: 'error-state',
    behaviour: 'The module\'s error state: nothing fetchable, a self-test refused (INVALID_STATE)',
    lines: { '1.1.1': absent(), '3.0': source(), ...live(proven()) },
    model: 'provider/openssl3/fips/self-test.ts',
    proofs: [spec('self-tests', 'in its error state the module runs no test and refuses the self-test (INVALID_STATE)')],
  },
  {
    id: 'other-kats',
    behaviour: 'The module\'s other KATs (ciphers, digests, signatures, KDFs) and their events',
    lines: { '1.1.1': absent(), '3.0': outOfScope(), ...live(outOfScope('counted in the report, not reproduced')) },
    model: 'none',
    proofs: [],
  },
  {
    id: 'integrity',
    behaviour: 'Module integrity MAC (fipsinstall module-mac over fips.so)',
    lines: { '1.1.1': absent(), '3.0': outOfScope(), ...live(outOfScope('randshim is no binary module')) },
    model: 'none',
    proofs: [],
  },
  {
    id: 'jitter',
    behaviour: 'JITTER entropy source and SP 800-90B entropy assessment of the noise source',
    lines: { '1.1.1': absent(), '3.0': absent(), ...live(outOfScope()) },
    model: 'none',
    proofs: [],
  },
  {
    id: 'random-provider',
    behaviour: 'RAND_set1_random_provider / [random] random_provider routing (3.5+)',
    lines: {
      '1.1.1': absent(),
      '3.0': absent('random_provider is an unknown [random] key (CRYPTO_R_UNKNOWN_NAME_IN_RANDOM_SECTION)'),
      ...live(proven('fips hooked on activation; set1(default): 0, empty queue; NULL: the chain; [random] keys')),
    },
    model: 'provider/openssl3/core/random-provider.ts, core/provider-store.ts, rand/fips-random-bytes.ts; '
      + 'compat/openssl3/rand-provider.ts',
    proofs: [
      { file: 'test/interop/lines-random-provider.spec.ts', test: 'matches randshim/compat/${line} step by step',
        label: 'lines-random-provider: 123 steps per line',
        oracle: 'real libcrypto + fips.so 3.5.9 / 3.6.5 / 4.0.3 (each line in its child), step by step' },
      { file: 'test/interop/lines-random-provider.spec.ts', test: 'randshim/compat/3.0 refuse the key (CRYPTO_R_UNKNOWN_NAME_IN_RANDOM_SECTION)',
        label: 'lines-random-provider: 3.0 refuses random_provider',
        oracle: 'real libcrypto 3.0 (system-3)' },
    ],
  },
];
