/**
 * OpenSSL 3.0's test/drbgtest.c (Debian bookworm's 3.0 source package), ported function by
 * function and assertion by assertion onto randshim/compat/3, the C's names kept.
 *
 * Deliberate deviations, each also noted where it happens:
 * - testutil's TEST_* macros throw (../testutil.ts): the first failed assertion ends a case.
 * - prov_rand(drbg) is the C's `(PROV_DRBG *)drbg->algctx` (evp_local.h, drbg_local.h), used
 *   to write p->reseed_counter and read p->parent. randshim's EVP_RAND_CTX has the same public
 *   `algctx`, a DrbgCtx whose `reseedCounter` and `parent` are public for review: the port
 *   uses those. Everything else goes through EVP_RAND_CTX_get_params, as in the C.
 * - fork(): Node cannot fork. 3.0 detects a fork by comparing openssl_get_fork_id() (getpid())
 *   with drbg->fork_id in ossl_prov_drbg_generate. The port runs the file with randshim's
 *   injectable process id (RANDSHIM_3_reset's environment, not an OpenSSL function) and makes
 *   each "child" a real copy of the parent's three DRBGs: before it, the working states and
 *   counters of primary, public and private are exported (DrbgCtx.exportWorkingState, the
 *   state-transport hook randshim has for review) and afterwards the parent's are put back, so
 *   every child starts from the parent's exact state, as after fork(), with its own pid. The
 *   pipe becomes a return value. Because the DRBGs keep the last child's pid, the parent's
 *   next generate after the test reseeds once (C's parent never sees the children's pids); the
 *   C asserts nothing there beyond success. The parent's own round runs before the children
 *   (C: after), on the same state, so that it runs under its own pid.
 *   A control beyond the C shows that the C's duplicate checks bite: children copied from one
 *   state without a pid change give identical output and fail them.
 * - threads: a worker thread is its own randshim realm (own default chain); test_multi_thread
 *   runs 3 workers and the main thread for 2 s instead of 5 s (the 1 s reseed time interval is
 *   still crossed).
 * - using_fips_rng(): randshim's default chain is the default provider's here, so the
 *   TEST_skip branches are not taken (asserted, not skipped).
 */
import { expect } from 'chai';
import {
  ERR_clear_error, EVP_RAND_CTX_free, EVP_RAND_CTX_get0_rand, EVP_RAND_CTX_get_params, EVP_RAND_CTX_new,
  EVP_RAND_CTX_set_params, EVP_RAND_fetch, EVP_RAND_free, EVP_RAND_generate, EVP_RAND_get0_provider, EVP_RAND_get_state,
  EVP_RAND_instantiate, EVP_RAND_reseed, EVP_RAND_uninstantiate, OSSL_DRBG_PARAM_CIPHER, OSSL_DRBG_PARAM_RESEED_TIME,
  OSSL_PARAM_construct_end, OSSL_PARAM_construct_time_t, OSSL_PARAM_construct_uint,
  OSSL_PARAM_construct_utf8_string, OSSL_PROVIDER_get0_name, RAND_OpenSSL, RAND_add, RAND_bytes, RAND_get0_primary,
  RAND_get0_private, RAND_get0_public, RAND_get_rand_method, RAND_priv_bytes, RANDSHIM_3_reset, type EVP_RAND_CTX,
  type IntBox, type OSSL_PARAM,
} from '../../../compat/openssl3/index.js';
import { DrbgCtx } from '../../../provider/openssl3/rands/drbg.js';
import { toHex, zeroize } from '../../../provider/bytes.js';
import {
  TEST_int_eq, TEST_int_ge, TEST_int_gt, TEST_int_le, TEST_int_ne, TEST_mem_ne, TEST_ptr, TEST_ptr_eq, TEST_ptr_ne,
  TEST_true, time,
} from '../testutil.js';
import { expectRegistrations } from '../registrations.js';
import { REGISTRATIONS_TITLE } from '../../../scripts/openssl-tests/tap.js';
import { gen_bytes } from './fixtures/multi-thread.js';
import { test_multi_thread } from '../multi-thread.js';
import { DRBG_ERROR, DRBG_READY } from '../drbg-status.js';

function rand_bytes(buf: Uint8Array, num: number): number {
  return gen_bytes(RAND_get0_public(null), buf, num);
}

function rand_priv_bytes(buf: Uint8Array, num: number): number {
  return gen_bytes(RAND_get0_private(null), buf, num);
}

/* size of random output generated in test_drbg_reseed() */
const RANDOM_SIZE = 16;

/* DRBG query functions */
function state(drbg: EVP_RAND_CTX): number {
  return EVP_RAND_get_state(drbg);
}

function query_rand_uint(drbg: EVP_RAND_CTX, name: string): number {
  const n: IntBox = { value: 0 };
  const params: OSSL_PARAM[] = [OSSL_PARAM_construct_uint(name, n), OSSL_PARAM_construct_end()];
  if (EVP_RAND_CTX_get_params(drbg, params)) return Number(n.value);
  return 0;
}

/** DRBG_UINT(reseed_counter) */
function reseed_counter(drbg: EVP_RAND_CTX): number {
  return query_rand_uint(drbg, 'reseed_counter');
}

/** (PROV_DRBG *)drbg->algctx (see the module comment). */
function prov_rand(drbg: EVP_RAND_CTX): DrbgCtx {
  const p = drbg.algctx;
  if (!(p instanceof DrbgCtx)) throw new Error('not a DRBG');
  return p;
}

function set_reseed_counter(drbg: EVP_RAND_CTX, n: number): void {
  prov_rand(drbg).reseedCounter = n;
}

function inc_reseed_counter(drbg: EVP_RAND_CTX): void {
  set_reseed_counter(drbg, reseed_counter(drbg) + 1);
}

function reseed_time(drbg: EVP_RAND_CTX): number {
  const t: IntBox = { value: 0 };
  const params: OSSL_PARAM[] = [OSSL_PARAM_construct_time_t(OSSL_DRBG_PARAM_RESEED_TIME, t), OSSL_PARAM_construct_end()];
  if (EVP_RAND_CTX_get_params(drbg, params)) return Number(t.value);
  return 0;
}

/** Whether the FIPS provider's DRBGs are in use (the C then skips the CRNGT-dependent tests). */
function using_fips_rng(): boolean {
  const primary = TEST_ptr(RAND_get0_primary(null), 'RAND_get0_primary');
  const prov = TEST_ptr(EVP_RAND_get0_provider(EVP_RAND_CTX_get0_rand(primary)), 'EVP_RAND_get0_provider');
  return OSSL_PROVIDER_get0_name(prov) === 'OpenSSL FIPS Provider';
}

/** A stub in 3.0 too ("This stub remains to indicate the calling locations"). */
function disable_crngt(_drbg: EVP_RAND_CTX): number {
  return 1;
}

/**
 * Generates random output using rand_bytes() and rand_priv_bytes() and checks whether the three
 * shared DRBGs were reseeded as expected (1: reseeded, 0: not, -1: don't check).
 */
function test_drbg_reseed(expect_success: number, primary: EVP_RAND_CTX, pub: EVP_RAND_CTX, priv: EVP_RAND_CTX,
  public_random: Uint8Array | null, private_random: Uint8Array | null, expect_primary_reseed: number,
  expect_public_reseed: number, expect_private_reseed: number, reseed_when: number): true {
  const expected_state = expect_success ? DRBG_READY : DRBG_ERROR;
  const dummy = new Uint8Array(RANDOM_SIZE);
  public_random ??= dummy;
  private_random ??= dummy;

  /* step 1: check preconditions */

  /* Test whether seed propagation is enabled */
  const primary_reseed = reseed_counter(primary);
  TEST_int_ne(primary_reseed, 0, 'reseed_counter(primary)');
  const public_reseed = reseed_counter(pub);
  TEST_int_ne(public_reseed, 0, 'reseed_counter(public)');
  const private_reseed = reseed_counter(priv);
  TEST_int_ne(private_reseed, 0, 'reseed_counter(private)');

  /* step 2: generate random output */
  if (reseed_when === 0) reseed_when = time();

  /* Generate random output from the public and private DRBG */
  const before_reseed = expect_primary_reseed === 1 ? reseed_when : 0;
  TEST_int_eq(rand_bytes(public_random, RANDOM_SIZE), expect_success, 'rand_bytes');
  TEST_int_eq(rand_priv_bytes(private_random, RANDOM_SIZE), expect_success, 'rand_priv_bytes');
  const after_reseed = time();

  /* step 3: check postconditions */

  /* Test whether reseeding succeeded as expected */
  TEST_int_eq(state(primary), expected_state, 'state(primary)');
  TEST_int_eq(state(pub), expected_state, 'state(public)');
  TEST_int_eq(state(priv), expected_state, 'state(private)');

  if (expect_primary_reseed >= 0) {
    /* Test whether primary DRBG was reseeded as expected */
    TEST_int_ge(reseed_counter(primary), primary_reseed, 'reseed_counter(primary)');
  }
  if (expect_public_reseed >= 0) {
    /* Test whether public DRBG was reseeded as expected */
    TEST_int_ge(reseed_counter(pub), public_reseed, 'reseed_counter(public)');
    TEST_int_ge(reseed_counter(pub), reseed_counter(primary), 'reseed_counter(public) >= primary');
  }
  if (expect_private_reseed >= 0) {
    /* Test whether public DRBG was reseeded as expected */
    TEST_int_ge(reseed_counter(priv), private_reseed, 'reseed_counter(private)');
    TEST_int_ge(reseed_counter(priv), reseed_counter(primary), 'reseed_counter(private) >= primary');
  }

  if (expect_success === 1) {
    /* Test whether reseed time of primary DRBG is set correctly */
    TEST_int_le(before_reseed, reseed_time(primary), 'before_reseed <= reseed_time(primary)');
    TEST_int_le(reseed_time(primary), after_reseed, 'reseed_time(primary) <= after_reseed');

    /* Test whether reseed times of child DRBGs are synchronized with primary */
    TEST_int_ge(reseed_time(pub), reseed_time(primary), 'reseed_time(public) >= primary');
    TEST_int_ge(reseed_time(priv), reseed_time(primary), 'reseed_time(private) >= primary');
  } else {
    ERR_clear_error();
  }
  return true;
}

/* number of children to fork */
const DRBG_FORK_COUNT = 9;
/* two results per child, two for the parent */
const DRBG_FORK_RESULT_COUNT = 2 * (DRBG_FORK_COUNT + 1);

interface drbg_fork_result {
  random: Uint8Array; /* random output */
  pindex: number; /* process index (0: parent, 1,2,3...: children) */
  pid: number; /* process id */
  private: number; /* true if the private drbg was used */
  name: string; /* 'parent' resp. 'child 1', 'child 2', ... */
}

function memcmp(a: Uint8Array, b: Uint8Array, n: number): number {
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Sort the drbg_fork_result entries in lexicographical order. */
function compare_drbg_fork_result(l: drbg_fork_result, r: drbg_fork_result): number {
  let result = l.private - r.private; /* separate public and private results */
  if (result === 0) result = memcmp(l.random, r.random, RANDOM_SIZE);
  if (result === 0) result = l.pindex - r.pindex;
  return result;
}

/** The process id randshim's 3.x realm sees (openssl_get_fork_id()); see the module comment. */
let simulated_pid = process.pid;
let next_child_pid = process.pid;

/** What a fork copies of one DRBG: its working state and counters (see the module comment). */
interface DrbgCopy {
  working: Uint8Array;
  generateCounter: number;
  reseedTime: number;
  reseedCounter: number;
  parentReseedCounter: number;
}

/** The three shared DRBGs' memory, as fork() would copy it. */
function copy_drbgs(...ctxs: EVP_RAND_CTX[]): DrbgCopy[] {
  return ctxs.map((ctx) => {
    const p = prov_rand(ctx);
    const working = TEST_ptr(p.exportWorkingState(), 'exportWorkingState');
    return {
      working, generateCounter: p.generateCounter, reseedTime: p.reseedTime, reseedCounter: p.reseedCounter,
      parentReseedCounter: p.parentReseedCounter,
    };
  });
}

/** Puts a copy back (importWorkingState with no reseed forced: the copy is this process's own). */
function restore_drbgs(copies: DrbgCopy[], ...ctxs: EVP_RAND_CTX[]): void {
  ctxs.forEach((ctx, i) => {
    const p = prov_rand(ctx);
    const c = copies[i]!;
    expect(p.importWorkingState(c.working, c, false), 'importWorkingState').to.equal(true);
    p.parentReseedCounter = c.parentReseedCounter;
  });
}

function wipe_copies(copies: DrbgCopy[]): void {
  for (const c of copies) zeroize(c.working);
}

/**
 * Test whether primary, public and private DRBG are reseeded in the child after forking the
 * process, collecting the child's random output. `forked`: the child gets its own pid (false
 * only in the control beyond the C).
 */
function test_drbg_reseed_in_child(primary: EVP_RAND_CTX, pub: EVP_RAND_CTX, priv: EVP_RAND_CTX,
  parent_memory: DrbgCopy[], result: [drbg_fork_result, drbg_fork_result], forked: boolean): true {
  const random = new Uint8Array(2 * RANDOM_SIZE);
  const parent_pid = simulated_pid;
  // pid = fork(): the child has the parent's memory and its own pid.
  restore_drbgs(parent_memory, primary, pub, priv);
  const pid = forked ? ++next_child_pid : parent_pid;
  simulated_pid = pid;
  const primary_counter_before = reseed_counter(primary);
  try {
    /* I'm the child; check whether all three DRBGs reseed and send output to parent */
    // The control (no fork detected) expects no reseed: -1, "don't check".
    const expect_reseed = forked ? 1 : -1;
    TEST_true(test_drbg_reseed(1, primary, pub, priv, random.subarray(0, RANDOM_SIZE), random.subarray(RANDOM_SIZE),
      expect_reseed, expect_reseed, expect_reseed, 0), 'test_drbg_reseed in the child');
    if (forked) {
      // Beyond the C (whose >= checks pass without any reseed): the primary did reseed.
      TEST_int_ne(reseed_counter(primary), primary_counter_before, 'reseed_counter(primary) moved in the child');
    }
  } finally {
    simulated_pid = parent_pid;
  }
  /* random output of public drbg */
  result[0].pid = pid;
  result[0].private = 0;
  result[0].random = random.slice(0, RANDOM_SIZE);
  /* random output of private drbg */
  result[1].pid = pid;
  result[1].private = 1;
  result[1].random = random.slice(RANDOM_SIZE);
  return true;
}

/** The C's duplicate counts over the results and the sampled two-byte chunks. */
function count_duplicates(result: drbg_fork_result[]): { prefix: [number, number]; chunks: number } {
  /* collect all sampled random data in a single buffer */
  const sample = new Uint8Array(DRBG_FORK_RESULT_COUNT * RANDOM_SIZE);
  result.forEach((r, i) => sample.set(r.random, i * RANDOM_SIZE));

  /* sort the results... and count duplicate prefixes by looking at the first byte only */
  const sorted = [...result].sort(compare_drbg_fork_result);
  const prefix: [number, number] = [0, 0];
  for (let i = 1; i < DRBG_FORK_RESULT_COUNT; ++i) {
    if (sorted[i]!.random[0] === sorted[i - 1]!.random[0]) ++prefix[sorted[i]!.private as 0 | 1]; /* count public and private duplicates separately */
  }

  /* sort the two-byte chunks... and count duplicate chunks */
  const chunks: string[] = [];
  for (let i = 0; i < sample.length; i += 2) chunks.push(toHex(sample.subarray(i, i + 2)));
  chunks.sort();
  let dup = 0;
  for (let i = 1; i < chunks.length; i++) if (chunks[i] === chunks[i - 1]) ++dup;
  return { prefix, chunks: dup };
}

function new_results(): drbg_fork_result[] {
  return Array.from({ length: DRBG_FORK_RESULT_COUNT }, () => ({ random: new Uint8Array(RANDOM_SIZE), pindex: 0, pid: 0, private: 0, name: '' }));
}

function test_rand_reseed_on_fork(primary: EVP_RAND_CTX, pub: EVP_RAND_CTX, priv: EVP_RAND_CTX, forked = true): number {
  const pid = simulated_pid;
  const random = new Uint8Array(2 * RANDOM_SIZE);
  const result = new_results();
  const parent_memory = copy_drbgs(primary, pub, priv);
  try {
    /* collect the random output of the parent (see the module comment: first, on the same state) */
    TEST_true(test_drbg_reseed(1, primary, pub, priv, random.subarray(0, RANDOM_SIZE), random.subarray(RANDOM_SIZE),
      0, 0, 0, 0), 'test_drbg_reseed in the parent');
    const parent_after = copy_drbgs(primary, pub, priv);
    result[0]!.name = result[1]!.name = 'parent';
    /* output of public drbg */
    result[0]!.pid = pid;
    result[0]!.private = 0;
    result[0]!.random = random.slice(0, RANDOM_SIZE);
    /* output of private drbg */
    result[1]!.pid = pid;
    result[1]!.private = 1;
    result[1]!.random = random.slice(RANDOM_SIZE);

    for (let i = 1; i <= DRBG_FORK_COUNT; ++i) {
      const presult = [result[2 * i]!, result[2 * i + 1]!] as [drbg_fork_result, drbg_fork_result];
      presult[0].pindex = presult[1].pindex = i;
      presult[0].name = presult[1].name = `child ${i}`;
      /* collect the random output of the children */
      TEST_true(test_drbg_reseed_in_child(primary, pub, priv, parent_memory, presult, forked), `child ${i}`);
    }
    // The parent goes on from its own memory.
    restore_drbgs(parent_after, primary, pub, priv);
    wipe_copies(parent_after);
  } finally {
    wipe_copies(parent_memory);
  }

  const duplicate = count_duplicates(result);
  let success = 1;
  /* just too many duplicates to be a coincidence */
  if (duplicate.prefix[0] >= DRBG_FORK_COUNT - 1) success = 0; // "duplicate prefixes in public random output"
  if (duplicate.prefix[1] >= DRBG_FORK_COUNT - 1) success = 0; // "duplicate prefixes in private random output"
  if (duplicate.chunks >= DRBG_FORK_COUNT - 1) success = 0; // "duplicate chunks in random output"
  return success;
}

function test_rand_fork_safety(_i: number): number {
  let success = 1;
  const random = new Uint8Array(1);
  /* All three DRBGs should be non-null */
  const primary = TEST_ptr(RAND_get0_primary(null), 'RAND_get0_primary');
  const pub = TEST_ptr(RAND_get0_public(null), 'RAND_get0_public');
  const priv = TEST_ptr(RAND_get0_private(null), 'RAND_get0_private');

  /* run the actual test */
  if (!test_rand_reseed_on_fork(primary, pub, priv)) success = 0;
  TEST_true(success, 'test_rand_reseed_on_fork');

  /* request a single byte from each of the DRBGs before the next run */
  TEST_int_gt(RAND_bytes(random, 1), 0, 'RAND_bytes');
  TEST_int_gt(RAND_priv_bytes(random, 1), 0, 'RAND_priv_bytes');
  return success;
}

/**
 * Test whether the default rand_method (RAND_OpenSSL()) is setup correctly, in particular
 * whether reseeding works as designed.
 */
function test_rand_reseed(): void {
  const rand_add_buf = new Uint8Array(256);

  expect(using_fips_rng(), 'using_fips_rng() (the C would TEST_skip)').to.equal(false);

  /* Check whether RAND_OpenSSL() is the default method */
  TEST_ptr_eq(RAND_get_rand_method(), RAND_OpenSSL(), 'RAND_get_rand_method() == RAND_OpenSSL()');

  /* All three DRBGs should be non-null */
  const primary = TEST_ptr(RAND_get0_primary(null), 'RAND_get0_primary');
  const pub = TEST_ptr(RAND_get0_public(null), 'RAND_get0_public');
  const priv = TEST_ptr(RAND_get0_private(null), 'RAND_get0_private');

  /* There should be three distinct DRBGs, two of them chained to primary */
  TEST_ptr_ne(pub, priv, 'public != private');
  TEST_ptr_ne(pub, primary, 'public != primary');
  TEST_ptr_ne(priv, primary, 'private != primary');
  TEST_ptr_eq(prov_rand(pub).parent, prov_rand(primary), 'prov_rand(public)->parent == prov_rand(primary)');
  TEST_ptr_eq(prov_rand(priv).parent, prov_rand(primary), 'prov_rand(private)->parent == prov_rand(primary)');

  /* Disable CRNG testing for the primary DRBG */
  TEST_true(disable_crngt(primary), 'disable_crngt');

  /* uninstantiate the three global DRBGs */
  EVP_RAND_uninstantiate(primary);
  EVP_RAND_uninstantiate(priv);
  EVP_RAND_uninstantiate(pub);

  /* Test initial seeding of shared DRBGs */
  TEST_true(test_drbg_reseed(1, primary, pub, priv, null, null, 1, 1, 1, 0), 'initial seeding');

  /* Test initial state of shared DRBGs */
  TEST_true(test_drbg_reseed(1, primary, pub, priv, null, null, 0, 0, 0, 0), 'initial state');

  /* Test whether the public and private DRBG are both reseeded when their reseed counters
   * differ from the primary's reseed counter. */
  inc_reseed_counter(primary);
  TEST_true(test_drbg_reseed(1, primary, pub, priv, null, null, 0, 1, 1, 0), 'public and private reseed');

  /* Test whether the public DRBG is reseeded when its reseed counter differs from the primary's. */
  inc_reseed_counter(primary);
  inc_reseed_counter(priv);
  TEST_true(test_drbg_reseed(1, primary, pub, priv, null, null, 0, 1, 0, 0), 'public reseeds');

  /* Test whether the private DRBG is reseeded when its reseed counter differs from the primary's. */
  inc_reseed_counter(primary);
  inc_reseed_counter(pub);
  TEST_true(test_drbg_reseed(1, primary, pub, priv, null, null, 0, 0, 1, 0), 'private reseeds');

  /* fill 'randomness' buffer with some arbitrary data */
  rand_add_buf.fill('r'.charCodeAt(0));

  /* Test whether all three DRBGs are reseeded by RAND_add(). */
  const before_reseed = time();
  RAND_add(rand_add_buf, rand_add_buf.length, rand_add_buf.length);
  TEST_true(test_drbg_reseed(1, primary, pub, priv, null, null, 1, 1, 1, before_reseed), 'RAND_add reseeds all three');
}


function new_drbg(parent: EVP_RAND_CTX | null): EVP_RAND_CTX {
  const params: OSSL_PARAM[] = [OSSL_PARAM_construct_utf8_string(OSSL_DRBG_PARAM_CIPHER, 'AES-256-CTR', 0), OSSL_PARAM_construct_end()];
  const rand = TEST_ptr(EVP_RAND_fetch(null, 'CTR-DRBG', null), 'EVP_RAND_fetch');
  try {
    const drbg = TEST_ptr(EVP_RAND_CTX_new(rand, parent), 'EVP_RAND_CTX_new');
    try {
      TEST_true(EVP_RAND_CTX_set_params(drbg, params), 'EVP_RAND_CTX_set_params');
    } catch (e) {
      EVP_RAND_CTX_free(drbg);
      throw e;
    }
    return drbg;
  } finally {
    EVP_RAND_free(rand);
  }
}

function test_rand_prediction_resistance(): void {
  const buf1 = new Uint8Array(51);
  const buf2 = new Uint8Array(buf1.length);
  let x: EVP_RAND_CTX | null = null;
  let y: EVP_RAND_CTX | null = null;
  let z: EVP_RAND_CTX | null = null;

  expect(using_fips_rng(), 'using_fips_rng() (the C would TEST_skip)').to.equal(false);
  try {
    /* Initialise a three long DRBG chain */
    x = new_drbg(null);
    TEST_true(disable_crngt(x), 'disable_crngt');
    TEST_true(EVP_RAND_instantiate(x, 0, 0, null, 0, null), 'EVP_RAND_instantiate(x)');
    y = new_drbg(x);
    TEST_true(EVP_RAND_instantiate(y, 0, 0, null, 0, null), 'EVP_RAND_instantiate(y)');
    z = new_drbg(y);
    TEST_true(EVP_RAND_instantiate(z, 0, 0, null, 0, null), 'EVP_RAND_instantiate(z)');

    /* During a normal reseed, only the last DRBG in the chain should be reseeded. */
    inc_reseed_counter(y);
    let xreseed = reseed_counter(x);
    let yreseed = reseed_counter(y);
    let zreseed = reseed_counter(z);
    TEST_true(EVP_RAND_reseed(z, 0, null, 0, null, 0), 'EVP_RAND_reseed(z, 0)');
    TEST_int_eq(reseed_counter(x), xreseed, 'reseed_counter(x)');
    TEST_int_eq(reseed_counter(y), yreseed, 'reseed_counter(y)');
    TEST_int_gt(reseed_counter(z), zreseed, 'reseed_counter(z)');

    /* When prediction resistance is requested, the request should be propagated to the
     * primary, so that the entire DRBG chain reseeds. */
    zreseed = reseed_counter(z);
    TEST_true(EVP_RAND_reseed(z, 1, null, 0, null, 0), 'EVP_RAND_reseed(z, 1)');
    TEST_int_gt(reseed_counter(x), xreseed, 'reseed_counter(x)');
    TEST_int_gt(reseed_counter(y), yreseed, 'reseed_counter(y)');
    TEST_int_gt(reseed_counter(z), zreseed, 'reseed_counter(z)');

    /* During a normal generate, only the last DRBG should be reseed */
    inc_reseed_counter(y);
    xreseed = reseed_counter(x);
    yreseed = reseed_counter(y);
    zreseed = reseed_counter(z);
    TEST_true(EVP_RAND_generate(z, buf1, buf1.length, 0, 0, null, 0), 'EVP_RAND_generate(z, pr 0)');
    TEST_int_eq(reseed_counter(x), xreseed, 'reseed_counter(x)');
    TEST_int_eq(reseed_counter(y), yreseed, 'reseed_counter(y)');
    TEST_int_gt(reseed_counter(z), zreseed, 'reseed_counter(z)');

    /* When a prediction resistant generate is requested, the request should be propagated to
     * the primary, reseeding the entire DRBG chain. */
    zreseed = reseed_counter(z);
    TEST_true(EVP_RAND_generate(z, buf2, buf2.length, 0, 1, null, 0), 'EVP_RAND_generate(z, pr 1)');
    TEST_int_gt(reseed_counter(x), xreseed, 'reseed_counter(x)');
    TEST_int_gt(reseed_counter(y), yreseed, 'reseed_counter(y)');
    TEST_int_gt(reseed_counter(z), zreseed, 'reseed_counter(z)');
    TEST_mem_ne(buf1, buf1.length, buf2, buf2.length, 'buf1 != buf2');

    /* Verify that a normal reseed still only reseeds the last DRBG */
    inc_reseed_counter(y);
    xreseed = reseed_counter(x);
    yreseed = reseed_counter(y);
    zreseed = reseed_counter(z);
    TEST_true(EVP_RAND_reseed(z, 0, null, 0, null, 0), 'EVP_RAND_reseed(z, 0)');
    TEST_int_eq(reseed_counter(x), xreseed, 'reseed_counter(x)');
    TEST_int_eq(reseed_counter(y), yreseed, 'reseed_counter(y)');
    TEST_int_gt(reseed_counter(z), zreseed, 'reseed_counter(z)');
  } finally {
    EVP_RAND_CTX_free(z);
    EVP_RAND_CTX_free(y);
    EVP_RAND_CTX_free(x);
  }
}


describe('OpenSSL 3.0 test/drbgtest.c, ported (randshim/compat/3)', function () {
  this.timeout(120_000);

  before(function () {
    // One realm for the whole file, as the C's one process, with an injectable process id.
    simulated_pid = next_child_pid = process.pid;
    RANDSHIM_3_reset({ forkId: () => simulated_pid });
  });
  after(function () {
    RANDSHIM_3_reset();
    ERR_clear_error();
  });

  it('test_rand_reseed', function () {
    test_rand_reseed();
  });
  for (let i = 0; i < RANDOM_SIZE; i++) {
    it(`test_rand_fork_safety ${i}`, function () {
      expect(test_rand_fork_safety(i)).to.equal(1);
    });
  }
  it('test_rand_prediction_resistance', function () {
    test_rand_prediction_resistance();
  });
  it('test_multi_thread', async function () {
    await test_multi_thread(new URL('./fixtures/multi-thread.js', import.meta.url));
  });

  it('control, beyond the C: children copied from one state without a pid change fail its duplicate checks', function () {
    const primary = TEST_ptr(RAND_get0_primary(null), 'RAND_get0_primary');
    const pub = TEST_ptr(RAND_get0_public(null), 'RAND_get0_public');
    const priv = TEST_ptr(RAND_get0_private(null), 'RAND_get0_private');
    expect(test_rand_reseed_on_fork(primary, pub, priv, false), 'success without fork detection').to.equal(0);
  });

  it(REGISTRATIONS_TITLE, function () {
    expectRegistrations(this.test!.parent!, '3.0', 'test/drbgtest.c', REGISTRATIONS_TITLE);
  });
});
