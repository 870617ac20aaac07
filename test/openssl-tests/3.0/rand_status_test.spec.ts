/**
 * OpenSSL 3.0's test/rand_status_test.c, ported onto randshim/compat/3. The C "needs to be in a
 * test executable all by itself so that it can be guaranteed to run before any generate calls
 * have been made": the port starts a fresh randshim realm (RANDSHIM_3_reset, not an OpenSSL
 * function: what a fresh process starts with) instead of a fresh process.
 */
import { RAND_status, RANDSHIM_3_reset } from '../../../compat/openssl3/index.js';
import { TEST_true } from '../testutil.js';
import { expectRegistrations } from '../registrations.js';
import { REGISTRATIONS_TITLE } from '../../../scripts/openssl-tests/tap.js';

function test_rand_status(): void {
  TEST_true(RAND_status(), 'RAND_status()');
}


describe('OpenSSL 3.0 test/rand_status_test.c, ported (randshim/compat/3)', function () {
  before(function () {
    RANDSHIM_3_reset();
  });
  after(function () {
    RANDSHIM_3_reset();
  });

  it('test_rand_status', function () {
    test_rand_status();
  });

  it(REGISTRATIONS_TITLE, function () {
    expectRegistrations(this.test!.parent!, '3.0', 'test/rand_status_test.c', REGISTRATIONS_TITLE);
  });
});
