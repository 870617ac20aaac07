/**
 * Where each peer departs from OpenSSL's conventions (or from SP 800-90A), each shown by a
 * test: the spec file and the start of the test's title, so that the report and the docs can
 * name the test and test/matrix/matrix.spec.ts can check that the test exists. The campaigns
 * compare randshim in the library's own conventions, so these are not mismatches.
 */
import type { PeerLibrary } from './peer-runs.js';

export interface PeerDifference {
  readonly libraries: readonly PeerLibrary[];
  readonly difference: string;
  /** The spec, from the repository root. */
  readonly spec: string;
  /** The test title (or its literal start, before any interpolated part). */
  readonly test: string;
}

const MBEDTLS: readonly PeerLibrary[] = ['Mbed TLS 2.28', 'Mbed TLS 3.6'];
const CONVENTIONS = 'test/peers/mbedtls-conventions.spec.ts';
const WOLFSSL = 'test/peers/wolfssl.spec.ts';
const MIRAGE = 'test/fortuna/mirage-hmac.spec.ts';

export const PEER_DIFFERENCES: readonly PeerDifference[] = [
  { libraries: MBEDTLS, spec: CONVENTIONS, difference: 'CTR: entropy and nonce in one 48-byte entropy call',
    test: 'default entropy_len 48: one callback call of 48 bytes covers entropy and nonce' },
  { libraries: MBEDTLS, spec: CONVENTIONS, difference: '1024-byte requests, 256 bytes of additional input',
    test: 'limits: 1024-byte requests, 256 bytes of additional input, 384 bytes of seed material' },
  { libraries: MBEDTLS, spec: CONVENTIONS, difference: 'reseed counter counts from 0 or 1 by line',
    test: 'reseed interval 3: three generates from one seed, the fourth reseeds first' },
  { libraries: MBEDTLS, spec: CONVENTIONS, difference: 'after a failed seed the next reseed comes late',
    test: 'after a failed seed the counter starts from -1' },
  { libraries: MBEDTLS, spec: CONVENTIONS, difference: 'PR: reseed with the adin, generate without it',
    test: 'prediction resistance reseeds on every generate, consuming the additional input' },
  { libraries: MBEDTLS, spec: CONVENTIONS, difference: '0-byte generate: updates only (OpenSSL +1 block)',
    test: 'a 0-byte generate runs only the updates' },
  { libraries: MBEDTLS, spec: CONVENTIONS, difference: 'update(): new state without entropy',
    test: 'update (df of the input, no entropy) does not count towards the reseed interval' },
  { libraries: MBEDTLS, spec: CONVENTIONS, difference: 'not SP 800-90A 9.2: reseeds from 0 entropy bytes',
    test: 'entropy_len 0 after seeding: reseeds from a 0-byte request (no entropy at all)' },
  { libraries: MBEDTLS, spec: CONVENTIONS, difference: 'seeding a seeded context is accepted',
    test: 'seeding a seeded context takes the reseed counter as the nonce length' },
  { libraries: MBEDTLS, spec: CONVENTIONS, difference: 'HMAC seed_buf: never reseeds, even with PR',
    test: 'seed_buf: no entropy source, so no reseed ever, even with prediction resistance' },
  { libraries: ['wolfSSL'], spec: WOLFSSL, difference: 'not SP 800-90A 9.1: no minimum seed length',
    test: 'no minimum seed length: an empty seed instantiates (OpenSSL requires 32 bytes of entropy)' },
  { libraries: ['wolfSSL'], spec: WOLFSSL, difference: 'health test output: exactly 128 bytes',
    test: 'outputSz must be exactly 128 (RNG_HEALTH_TEST_CHECK_SIZE): -1 otherwise, output untouched' },
  { libraries: ['wolfSSL'], spec: WOLFSSL, difference: 'health test returns the second generate',
    test: 'the output is the second generate: the first block is thrown away (NIST DRBGVS procedure)' },
  { libraries: ['wolfSSL'], spec: WOLFSSL, difference: 'a NULL nonce is an empty nonce',
    test: 'a NULL nonce and an empty one are the same input (Hash_df skips an empty inB)' },
  { libraries: ['mirage-crypto'], spec: MIRAGE, difference: 'not 10.1.2.2: empty reseed runs a 2nd round',
    test: 'reseed of empty data runs Update\'s second round (10.1.2.2 step 3 returns after the first)' },
  { libraries: ['mirage-crypto'], spec: MIRAGE, difference: 'generate 0 skips V = HMAC(K, V)',
    test: 'generate 0 skips V = HMAC(K, V) before its Update (drbg_hmac.c and randshim compute it)' },
  { libraries: ['mirage-crypto'], spec: MIRAGE, difference: 'no additional input on generate',
    test: 'no additional input on generate: reseed(adin) then generate gives SP 800-90A\'s bytes, not its next state' },
  { libraries: ['mirage-crypto'], spec: MIRAGE, difference: 'not 10.1.2.5: no 2^16-byte request limit',
    test: 'no request limit: one generate of 70000 bytes (SP 800-90A caps a request at 2^16 bytes)' },
];
