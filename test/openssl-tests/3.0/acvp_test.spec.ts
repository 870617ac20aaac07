/**
 * The random-layer part of OpenSSL 3.0's test/acvp_test.c, ported onto randshim/compat/3:
 * drbg_test, the ACVP CTR_DRBG case (TEST-RAND parent at strength 256 fed the test entropy and
 * nonce, a CTR-DRBG AES-256-CTR with the derivation function, two generates of 64 bytes), over
 * drbg_data[] of acvp_test.inc, read from the fetched source. The file's other 34 cases test
 * ciphers, RSA, DH, DSA and ECDSA, which randshim does not implement.
 *
 * Deviations: testutil's TEST_* macros throw (../testutil.ts); the C's libctx is
 * test_get_libctx's, with no -config the default library context (randshim's only one: NULL);
 * test_output_memory (a print of the output) is left out; the C's
 * OSSL_SELF_TEST_set_callback is not called (randshim has no self-test callbacks and
 * drbg_test does not look at them).
 */
import { expect } from 'chai';
import {
  EVP_RAND_CTX_free, EVP_RAND_CTX_new, EVP_RAND_CTX_set_params, EVP_RAND_fetch, EVP_RAND_free, EVP_RAND_generate,
  EVP_RAND_instantiate, EVP_RAND_uninstantiate, OSSL_DRBG_PARAM_CIPHER, OSSL_DRBG_PARAM_USE_DF, OSSL_PARAM_construct_end,
  OSSL_PARAM_construct_int, OSSL_PARAM_construct_octet_string, OSSL_PARAM_construct_uint,
  OSSL_PARAM_construct_utf8_string, OSSL_RAND_PARAM_STRENGTH, OSSL_RAND_PARAM_TEST_ENTROPY, OSSL_RAND_PARAM_TEST_NONCE,
  RANDSHIM_3_reset, type EVP_RAND, type EVP_RAND_CTX, type OSSL_PARAM,
} from '../../../compat/openssl3/index.js';
import { utf8 } from '../../../provider/bytes.js';
import { readCByteArrays, readSource, stripCComments } from '../sources.js';
import { TEST_mem_eq, TEST_ptr, TEST_true } from '../testutil.js';
import { expectRegistrations } from '../registrations.js';
import { REGISTRATIONS_TITLE } from '../../../scripts/openssl-tests/tap.js';

/** struct drbg_st (ITM(x) is `x, sizeof(x)`: the arrays carry their lengths). */
interface drbg_st {
  drbg_name: string;
  cipher: string;
  use_df: number;
  entropy_input: Uint8Array;
  nonce: Uint8Array;
  returned_bits: Uint8Array;
}

/** drbg_data[] of acvp_test.inc. */
function load_drbg_data(): drbg_st[] {
  const text = stripCComments(readSource('3.0', 'test/acvp_test.inc'));
  const arrays = readCByteArrays(text);
  const list = /struct\s+drbg_st\s+drbg_data\s*\[\s*\]\s*=\s*\{([\s\S]*?)\n\};/.exec(text);
  if (list === null) throw new Error('acvp_test.inc: no drbg_data[]');
  const entries = [...(list[1] ?? '').matchAll(/\{\s*"([^"]*)",\s*"([^"]*)",\s*(\d+),\s*ITM\((\w+)\),\s*ITM\((\w+)\),\s*ITM\((\w+)\)\s*\}/g)];
  const array = (name: string | undefined): Uint8Array => {
    const a = arrays.get(name ?? '');
    if (a === undefined) throw new Error(`acvp_test.inc: no ${name}`);
    return a;
  };
  return entries.map((m) => ({
    drbg_name: m[1] ?? '', cipher: m[2] ?? '', use_df: Number(m[3]),
    entropy_input: array(m[4]), nonce: array(m[5]), returned_bits: array(m[6]),
  }));
}

function drbg_test(tst: drbg_st): void {
  const returned_bits = new Uint8Array(64);
  let rand: EVP_RAND | null = null;
  let ctx: EVP_RAND_CTX | null = null;
  let parent: EVP_RAND_CTX | null = null;
  try {
    /* Create the seed source */
    rand = TEST_ptr(EVP_RAND_fetch(null, 'TEST-RAND', '-fips'), 'EVP_RAND_fetch(TEST-RAND, -fips)');
    parent = TEST_ptr(EVP_RAND_CTX_new(rand, null), 'EVP_RAND_CTX_new(parent)');
    EVP_RAND_free(rand);
    rand = null;

    const params: OSSL_PARAM[] = [OSSL_PARAM_construct_uint(OSSL_RAND_PARAM_STRENGTH, { value: 256 }), OSSL_PARAM_construct_end()];
    TEST_true(EVP_RAND_CTX_set_params(parent, params), 'EVP_RAND_CTX_set_params(parent, strength)');

    /* Get the DRBG */
    rand = TEST_ptr(EVP_RAND_fetch(null, tst.drbg_name, ''), `EVP_RAND_fetch(${tst.drbg_name})`);
    ctx = TEST_ptr(EVP_RAND_CTX_new(rand, parent), 'EVP_RAND_CTX_new(ctx)');

    /* Set the DRBG up */
    TEST_true(EVP_RAND_CTX_set_params(ctx, [
      OSSL_PARAM_construct_int(OSSL_DRBG_PARAM_USE_DF, { value: tst.use_df }),
      OSSL_PARAM_construct_utf8_string(OSSL_DRBG_PARAM_CIPHER, tst.cipher, 0),
      OSSL_PARAM_construct_end(),
    ]), 'EVP_RAND_CTX_set_params(ctx, use_df, cipher)');

    /* Feed in the entropy and nonce */
    TEST_true(EVP_RAND_CTX_set_params(parent, [
      OSSL_PARAM_construct_octet_string(OSSL_RAND_PARAM_TEST_ENTROPY, tst.entropy_input, tst.entropy_input.length),
      OSSL_PARAM_construct_octet_string(OSSL_RAND_PARAM_TEST_NONCE, tst.nonce, tst.nonce.length),
      OSSL_PARAM_construct_end(),
    ]), 'EVP_RAND_CTX_set_params(parent, entropy, nonce)');

    /* Run the test: a non-NULL empty personalisation string (NULL means the built-in one) */
    TEST_true(EVP_RAND_instantiate(ctx, 0, 0, utf8(''), 0, null), 'EVP_RAND_instantiate');
    TEST_true(EVP_RAND_generate(ctx, returned_bits, returned_bits.length, 0, 0, null, 0), 'EVP_RAND_generate 1');
    TEST_true(EVP_RAND_generate(ctx, returned_bits, returned_bits.length, 0, 0, null, 0), 'EVP_RAND_generate 2');

    /* Clean up */
    TEST_true(EVP_RAND_uninstantiate(ctx), 'EVP_RAND_uninstantiate(ctx)');
    TEST_true(EVP_RAND_uninstantiate(parent), 'EVP_RAND_uninstantiate(parent)');

    /* Verify the output */
    TEST_mem_eq(returned_bits, returned_bits.length, tst.returned_bits, tst.returned_bits.length, 'returned bits');
  } finally {
    EVP_RAND_CTX_free(ctx);
    EVP_RAND_CTX_free(parent);
    EVP_RAND_free(rand);
  }
}

describe('OpenSSL 3.0 test/acvp_test.c, the random-layer part ported (randshim/compat/3)', function () {
  const drbg_data = load_drbg_data();

  before(function () {
    RANDSHIM_3_reset();
  });
  after(function () {
    RANDSHIM_3_reset();
  });

  it('OSSL_NELEM(drbg_data): acvp_test.inc has 1 DRBG case', function () {
    expect(drbg_data.length).to.equal(1);
  });
  drbg_data.forEach((tst, i) => {
    it(`drbg_test ${i}`, function () {
      drbg_test(tst);
    });
  });

  it(REGISTRATIONS_TITLE, function () {
    expectRegistrations(this.test!.parent!, '3.0', 'test/acvp_test.c', REGISTRATIONS_TITLE);
  });
});
