/**
 * OpenSSL 1.1.1w's test/drbg_cavs_test.c, ported function by function onto
 * randshim/compat/1.1.1: 4,320 NIST CAVS CTR_DRBG cases (AES-128/192/256, with and without the
 * derivation function; no reseed, reseed without and with prediction resistance). The data is
 * OpenSSL's test/drbg_cavs_data.c, read from the fetched source package and parsed (its
 * unsigned char arrays, the drbg_kat_* structs and the drbg_test[] list), not copied into the
 * repository.
 *
 * Deviations: testutil's TEST_* macros throw (../testutil.ts); the 4,320 cases run inside one
 * mocha case per NIST family of the data file (type, df, key size: 18), each asserting how many
 * cases it ran, rather than 4,320 mocha cases (the C's TAP output lists them as iterations of
 * one test, test_cavs_kats); every case still runs all of the C's assertions. The C's
 * persstr/addin arrays of length 0 hold one placeholder byte (`{0}`); the lengths come from the
 * struct, as in the C.
 */
import { expect } from 'chai';
import {
  ERR_clear_error, NID_aes_128_ctr, NID_aes_192_ctr, NID_aes_256_ctr, RAND_DRBG_FLAG_CTR_NO_DF, RAND_DRBG_free,
  RAND_DRBG_generate, RAND_DRBG_instantiate, RAND_DRBG_new, RAND_DRBG_reseed, RAND_DRBG_uninstantiate,
  RANDSHIM_111_reset, type RAND_DRBG,
} from '../../../compat/openssl111/index.js';
import { readCByteArrays, readSource, stripCComments } from '../sources.js';
import { TEST_mem_eq, TEST_ptr, TEST_true } from '../testutil.js';
import { expectRegistrations } from '../registrations.js';
import { new_test_ctx, setup_app_data_index, use_test_ctx, type TEST_CTX } from './fixtures/test-ctx.js';
import { REGISTRATIONS_TITLE } from '../../../scripts/openssl-tests/tap.js';

type KatType = 'NO_RESEED' | 'PR_FALSE' | 'PR_TRUE';

/** struct drbg_kat with its `t` resolved: the data arrays by the field names of
 * drbg_kat_no_reseed / drbg_kat_pr_false / drbg_kat_pr_true. */
interface drbg_kat {
  name: string;
  type: KatType;
  df: 'USE_DF' | 'NO_DF';
  nid: number;
  entropyinlen: number;
  noncelen: number;
  persstrlen: number;
  addinlen: number;
  retbyteslen: number;
  t: Record<string, Uint8Array>;
}

/** The fields after `count` of each struct (drbg_cavs_data.h). */
const T_FIELDS: Record<KatType, readonly string[]> = {
  NO_RESEED: ['entropyin', 'nonce', 'persstr', 'addin1', 'addin2', 'retbytes'],
  PR_FALSE: ['entropyin', 'nonce', 'persstr', 'entropyinreseed', 'addinreseed', 'addin1', 'addin2', 'retbytes'],
  PR_TRUE: ['entropyin', 'nonce', 'persstr', 'entropyinpr1', 'addin1', 'entropyinpr2', 'addin2', 'retbytes'],
};
const STRUCT_OF: Record<string, KatType> = {
  drbg_kat_no_reseed: 'NO_RESEED', drbg_kat_pr_false: 'PR_FALSE', drbg_kat_pr_true: 'PR_TRUE',
};
const NIDS: Record<string, number> = { NID_aes_128_ctr, NID_aes_192_ctr, NID_aes_256_ctr };

/** drbg_test[] of drbg_cavs_data.c, in order. */
function load_drbg_test(): drbg_kat[] {
  const text = stripCComments(readSource('1.1.1w', 'test/drbg_cavs_data.c'));
  const arrays = readCByteArrays(text);
  const ts = new Map<string, { type: KatType; t: Record<string, Uint8Array> }>();
  for (const m of text.matchAll(/struct\s+(drbg_kat_\w+)\s+(\w+)\s*=\s*\{([^}]*)\}/g)) {
    const type = STRUCT_OF[m[1] ?? ''];
    if (type === undefined) continue;
    const values = (m[3] ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
    const fields = T_FIELDS[type];
    if (values.length !== fields.length + 1) throw new Error(`${m[2]}: ${values.length} fields`);
    const t: Record<string, Uint8Array> = {};
    fields.forEach((f, i) => {
      const a = arrays.get(values[i + 1] ?? '');
      if (a === undefined) throw new Error(`${m[2]}: no array ${values[i + 1]}`);
      t[f] = a;
    });
    ts.set(m[2] ?? '', { type, t });
  }
  const kats = new Map<string, drbg_kat>();
  for (const m of text.matchAll(/struct\s+drbg_kat\s+(\w+)\s*=\s*\{([^}]*)\}/g)) {
    const v = (m[2] ?? '').split(',').map((x) => x.trim());
    const [type, df, nid, entropyinlen, noncelen, persstrlen, addinlen, retbyteslen, tref] = v;
    const t = ts.get((tref ?? '').replace(/^&/, ''));
    const nidValue = NIDS[nid ?? ''];
    if (t === undefined || nidValue === undefined || t.type !== type) throw new Error(`${m[1]}: cannot resolve`);
    kats.set(m[1] ?? '', {
      name: m[1] ?? '', type: t.type, df: df === 'USE_DF' ? 'USE_DF' : 'NO_DF', nid: nidValue,
      entropyinlen: Number(entropyinlen), noncelen: Number(noncelen), persstrlen: Number(persstrlen),
      addinlen: Number(addinlen), retbyteslen: Number(retbyteslen), t: t.t,
    });
  }
  const list = /const\s+struct\s+drbg_kat\s*\*\s*drbg_test\s*\[\s*\]\s*=\s*\{([^}]*)\}/.exec(text);
  if (list === null) throw new Error('drbg_cavs_data.c: no drbg_test[]');
  return (list[1] ?? '').split(',').map((x) => x.trim().replace(/^&/, '')).filter((x) => x !== '').map((n) => {
    const k = kats.get(n);
    if (k === undefined) throw new Error(`drbg_test[]: no ${n}`);
    return k;
  });
}

/** A case's DRBG with the C's callbacks and ex_data, its TEST_CTX and output buffer. */
interface KAT_RUN {
  drbg: RAND_DRBG;
  t: TEST_CTX;
  buff: Uint8Array;
}

/** Hands `entropy` (entropyinlen bytes) out at the next get_entropy call. */
function next_entropy(run: KAT_RUN, td: drbg_kat, entropy: Uint8Array): void {
  run.t.entropy = entropy;
  run.t.entropylen = td.entropyinlen;
}

/** RAND_DRBG_generate number `n` (1 or 2) of a case, with addin1 or addin2. */
function generate(run: KAT_RUN, td: drbg_kat, n: 1 | 2, prediction_resistance: 0 | 1): void {
  const addin = n === 1 ? td.t.addin1! : td.t.addin2!;
  TEST_true(RAND_DRBG_generate(run.drbg, run.buff, td.retbyteslen, prediction_resistance, addin, td.addinlen),
    `RAND_DRBG_generate ${n}`);
}

/** What the three single_kat_* share: RAND_DRBG_new with the case's flags and test entropy,
 * Instantiate, `steps`, Uninstantiate, compare with retbytes; err: uninstantiate and free. */
function single_kat(td: drbg_kat, steps: (run: KAT_RUN) => void): void {
  const drbg = TEST_ptr(RAND_DRBG_new(td.nid, td.df === 'USE_DF' ? 0 : RAND_DRBG_FLAG_CTR_NO_DF, null), 'RAND_DRBG_new');
  const run: KAT_RUN = { drbg, t: new_test_ctx(), buff: new Uint8Array(td.retbyteslen) };
  try {
    use_test_ctx(drbg, run.t, { entropy: td.t.entropyin!, entropylen: td.entropyinlen, nonce: td.t.nonce!, noncelen: td.noncelen });
    TEST_true(RAND_DRBG_instantiate(drbg, td.t.persstr!, td.persstrlen), 'RAND_DRBG_instantiate');
    steps(run);
    TEST_true(RAND_DRBG_uninstantiate(drbg), 'RAND_DRBG_uninstantiate');
    TEST_mem_eq(td.t.retbytes!, td.retbyteslen, run.buff, td.retbyteslen, `${td.name} retbytes`);
  } finally {
    // err: OPENSSL_free(buff); RAND_DRBG_uninstantiate(drbg); RAND_DRBG_free(drbg);
    RAND_DRBG_uninstantiate(drbg);
    RAND_DRBG_free(drbg);
  }
}

/** Instantiate, Generate (pr=false) twice, Uninstantiate. */
function single_kat_no_reseed(td: drbg_kat): void {
  single_kat(td, (run) => {
    generate(run, td, 1, 0);
    generate(run, td, 2, 0);
  });
}

/** Instantiate, Reseed, Generate (pr=false) twice, Uninstantiate. */
function single_kat_pr_false(td: drbg_kat): void {
  single_kat(td, (run) => {
    next_entropy(run, td, td.t.entropyinreseed!);
    TEST_true(RAND_DRBG_reseed(run.drbg, td.t.addinreseed!, td.addinlen, 0), 'RAND_DRBG_reseed');
    generate(run, td, 1, 0);
    generate(run, td, 2, 0);
  });
}

/** Instantiate, Generate (pr=true) twice with fresh entropy each, Uninstantiate. */
function single_kat_pr_true(td: drbg_kat): void {
  single_kat(td, (run) => {
    next_entropy(run, td, td.t.entropyinpr1!);
    generate(run, td, 1, 1);
    next_entropy(run, td, td.t.entropyinpr2!);
    generate(run, td, 2, 1);
  });
}

function test_cavs_kats(td: drbg_kat): void {
  switch (td.type) {
    case 'NO_RESEED': single_kat_no_reseed(td); break;
    case 'PR_FALSE': single_kat_pr_false(td); break;
    case 'PR_TRUE': single_kat_pr_true(td); break;
  }
}

/** drbg_test_nelem in 1.1.1w. */
const DRBG_TEST_NELEM = 4320;

/** The families of the data file: type, df and key size (see the module comment). */
function familyOf(td: drbg_kat): string {
  const bits = td.nid === NID_aes_128_ctr ? 128 : td.nid === NID_aes_192_ctr ? 192 : 256;
  return `${td.type} ${td.df} AES-${bits}`;
}

describe('OpenSSL 1.1.1w test/drbg_cavs_test.c, ported (randshim/compat/1.1.1)', function () {
  this.timeout(300_000);
  const drbg_test = load_drbg_test();
  const families = new Map<string, drbg_kat[]>();
  for (const td of drbg_test) families.set(familyOf(td), [...(families.get(familyOf(td)) ?? []), td]);

  before(function () {
    RANDSHIM_111_reset();
    setup_app_data_index();
  });
  after(function () {
    RANDSHIM_111_reset();
    ERR_clear_error();
  });

  it('drbg_test_nelem: the data file lists 4,320 cases in 18 families', function () {
    expect(drbg_test.length).to.equal(DRBG_TEST_NELEM);
    expect(families.size).to.equal(18);
  });
  for (const [family, tds] of families) {
    it(`test_cavs_kats: ${family} (${tds.length} cases)`, function () {
      let ran = 0;
      for (const td of tds) {
        test_cavs_kats(td);
        ran++;
      }
      expect(ran).to.equal(tds.length);
    });
  }

  it(REGISTRATIONS_TITLE, function () {
    expectRegistrations(this.test!.parent!, '1.1.1w', 'test/drbg_cavs_test.c', REGISTRATIONS_TITLE);
  });
});
