/**
 * The random-layer part of OpenSSL 3.0's test/evp_extra_test.c, ported onto randshim/compat/3:
 * test_rand_agglomeration (a TEST-RAND with max_request 7 must still hand out a 64-byte
 * request whole, in chunks, from its test entropy). The file's other 205 cases test EVP_PKEY,
 * ciphers and digests, which randshim does not implement.
 *
 * Deviations: testutil's TEST_* macros throw (../testutil.ts); the C's testctx / testpropq are
 * the default library context and no query unless the test is run with a config (randshim's
 * only context is the default one: NULL).
 */
import {
  EVP_RAND_CTX_free, EVP_RAND_CTX_new, EVP_RAND_CTX_set_params, EVP_RAND_fetch, EVP_RAND_free, EVP_RAND_generate,
  OSSL_PARAM_construct_end, OSSL_PARAM_construct_octet_string, OSSL_PARAM_construct_uint, OSSL_RAND_PARAM_MAX_REQUEST,
  OSSL_RAND_PARAM_TEST_ENTROPY, RANDSHIM_3_reset, type OSSL_PARAM,
} from '../../../compat/openssl3/index.js';
import { concatBytes, utf8 } from '../../../provider/bytes.js';
import { TEST_int_ne, TEST_mem_eq, TEST_ptr, TEST_true } from '../testutil.js';
import { expectRegistrations } from '../registrations.js';
import { REGISTRATIONS_TITLE } from '../../../scripts/openssl-tests/tap.js';

function test_rand_agglomeration(): void {
  const step = 7;
  // static unsigned char seed[] = "..." : sizeof(seed) counts the terminating NUL.
  const seed = concatBytes(utf8('It does not matter how slowly you go as long as you do not stop.'), new Uint8Array(1));
  const out = new Uint8Array(seed.length);

  TEST_int_ne(seed.length % step, 0, 'sizeof(seed) % step');
  const rand = TEST_ptr(EVP_RAND_fetch(null, 'TEST-RAND', null), 'EVP_RAND_fetch(TEST-RAND)');
  const ctx = EVP_RAND_CTX_new(rand, null);
  EVP_RAND_free(rand);
  TEST_ptr(ctx, 'EVP_RAND_CTX_new');
  try {
    const params: OSSL_PARAM[] = [
      OSSL_PARAM_construct_octet_string(OSSL_RAND_PARAM_TEST_ENTROPY, seed, seed.length),
      OSSL_PARAM_construct_uint(OSSL_RAND_PARAM_MAX_REQUEST, { value: step }),
      OSSL_PARAM_construct_end(),
    ];
    TEST_true(EVP_RAND_CTX_set_params(ctx!, params), 'EVP_RAND_CTX_set_params');
    TEST_true(EVP_RAND_generate(ctx!, out, out.length, 0, 1, null, 0), 'EVP_RAND_generate');
    TEST_mem_eq(seed, seed.length, out, out.length, 'out == seed');
  } finally {
    EVP_RAND_CTX_free(ctx);
  }
}

describe('OpenSSL 3.0 test/evp_extra_test.c, the random-layer part ported (randshim/compat/3)', function () {
  before(function () {
    RANDSHIM_3_reset();
  });
  after(function () {
    RANDSHIM_3_reset();
  });

  it('test_rand_agglomeration', function () {
    test_rand_agglomeration();
  });

  it(REGISTRATIONS_TITLE, function () {
    expectRegistrations(this.test!.parent!, '3.0', 'test/evp_extra_test.c', REGISTRATIONS_TITLE);
  });
});
