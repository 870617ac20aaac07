/**
 * OpenSSL 3.0's test/rand_test.c, ported onto randshim/compat/3: the default chain's DRBGs
 * made TEST-RAND (RAND_set_DRBG_type in setup_tests), then the private one fed test entropy and
 * a test nonce through EVP_RAND_CTX_set_params. The C is an executable by itself; the port
 * starts from a fresh randshim realm (RANDSHIM_3_reset, not an OpenSSL function).
 *
 * Deviation: `RAND_priv_bytes(outbuf, sizeof(outbuf) + 1)` asks 4 bytes of a 3-byte buffer,
 * fine in C only because the request fails (TEST-RAND has 3 bytes of entropy left). randshim
 * refuses a length beyond the buffer (PASSED_INVALID_ARGUMENT), which would pass the assertion
 * for another reason, so the port passes a 4-byte buffer: TEST-RAND's refusal answers.
 */
import {
  EVP_RAND_CTX_set_params, EVP_RAND_nonce, OSSL_PARAM_construct_end, OSSL_PARAM_construct_octet_string,
  OSSL_RAND_PARAM_TEST_ENTROPY, OSSL_RAND_PARAM_TEST_NONCE, RAND_get0_private, RAND_priv_bytes, RAND_set_DRBG_type,
  RANDSHIM_3_reset, type OSSL_PARAM,
} from '../../../compat/openssl3/index.js';
import { TEST_int_gt, TEST_int_le, TEST_mem_eq, TEST_ptr, TEST_true } from '../testutil.js';
import { expectRegistrations } from '../registrations.js';
import { REGISTRATIONS_TITLE } from '../../../scripts/openssl-tests/tap.js';

function test_rand(): void {
  const entropy1 = Uint8Array.from([0x00, 0x01, 0x02, 0x03, 0x04, 0x05]);
  const entropy2 = Uint8Array.from([0xff, 0xfe, 0xfd]);
  const nonce = Uint8Array.from([0x00, 0x01, 0x02, 0x03, 0x04]);
  const outbuf = new Uint8Array(3);
  const params: OSSL_PARAM[] = [
    OSSL_PARAM_construct_octet_string(OSSL_RAND_PARAM_TEST_ENTROPY, entropy1, entropy1.length),
    OSSL_PARAM_construct_end(),
  ];

  const privctx = TEST_ptr(RAND_get0_private(null), 'RAND_get0_private');
  TEST_true(EVP_RAND_CTX_set_params(privctx, params), 'EVP_RAND_CTX_set_params(entropy1)');
  TEST_int_gt(RAND_priv_bytes(outbuf, outbuf.length), 0, 'RAND_priv_bytes');
  TEST_mem_eq(outbuf, outbuf.length, entropy1, outbuf.length, 'entropy1[0..3]');
  const longer = new Uint8Array(outbuf.length + 1); // see the module comment
  TEST_int_le(RAND_priv_bytes(longer, outbuf.length + 1), 0, 'RAND_priv_bytes(sizeof(outbuf) + 1)');
  TEST_int_gt(RAND_priv_bytes(outbuf, outbuf.length), 0, 'RAND_priv_bytes');
  TEST_mem_eq(outbuf, outbuf.length, entropy1.subarray(outbuf.length), outbuf.length, 'entropy1[3..6]');

  params[0] = OSSL_PARAM_construct_octet_string(OSSL_RAND_PARAM_TEST_ENTROPY, entropy2, entropy2.length);
  TEST_true(EVP_RAND_CTX_set_params(privctx, params), 'EVP_RAND_CTX_set_params(entropy2)');
  TEST_int_gt(RAND_priv_bytes(outbuf, outbuf.length), 0, 'RAND_priv_bytes');
  TEST_mem_eq(outbuf, outbuf.length, entropy2, outbuf.length, 'entropy2');

  params[0] = OSSL_PARAM_construct_octet_string(OSSL_RAND_PARAM_TEST_NONCE, nonce, nonce.length);
  TEST_true(EVP_RAND_CTX_set_params(privctx, params), 'EVP_RAND_CTX_set_params(nonce)');
  TEST_true(EVP_RAND_nonce(privctx, outbuf, outbuf.length), 'EVP_RAND_nonce');
  TEST_mem_eq(outbuf, outbuf.length, nonce, outbuf.length, 'nonce');
}


describe('OpenSSL 3.0 test/rand_test.c, ported (randshim/compat/3)', function () {
  before(function () {
    RANDSHIM_3_reset();
    // setup_tests()
    TEST_true(RAND_set_DRBG_type(null, 'TEST-RAND', null, null, null), 'RAND_set_DRBG_type(TEST-RAND)');
  });
  after(function () {
    RANDSHIM_3_reset();
  });

  it('test_rand', function () {
    test_rand();
  });

  it(REGISTRATIONS_TITLE, function () {
    expectRegistrations(this.test!.parent!, '3.0', 'test/rand_test.c', REGISTRATIONS_TITLE);
  });
});
