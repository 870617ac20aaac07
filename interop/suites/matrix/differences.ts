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

/** Each peer's differences, shown by tests of one spec: [difference, test title] pairs. */
function shownBy(libraries: readonly PeerLibrary[], spec: string,
  pairs: readonly (readonly [difference: string, test: string])[]): PeerDifference[] {
  return pairs.map(([difference, test]) => ({ libraries, spec, difference, test }));
}

export const PEER_DIFFERENCES: readonly PeerDifference[] = [
  ...shownBy(MBEDTLS, CONVENTIONS, [
    ['CTR: entropy and nonce in one 48-byte entropy call',
      'default entropy_len 48: one callback call of 48 bytes covers entropy and nonce'],
    ['1024-byte requests, 256 bytes of additional input',
      'limits: 1024-byte requests, 256 bytes of additional input, 384 bytes of seed material'],
    ['reseed counter counts from 0 or 1 by line',
      'reseed interval 3: three generates from one seed, the fourth reseeds first'],
    ['after a failed seed the next reseed comes late',
      'after a failed seed the counter starts from -1'],
    ['PR: reseed with the adin, generate without it',
      'prediction resistance reseeds on every generate, consuming the additional input'],
    ['0-byte generate: updates only (OpenSSL +1 block)',
      'a 0-byte generate runs only the updates'],
    ['update(): new state without entropy',
      'update (df of the input, no entropy) does not count towards the reseed interval'],
    ['not SP 800-90A 9.2: reseeds from 0 entropy bytes',
      'entropy_len 0 after seeding: reseeds from a 0-byte request (no entropy at all)'],
    ['seeding a seeded context is accepted',
      'seeding a seeded context takes the reseed counter as the nonce length'],
    ['HMAC seed_buf: never reseeds, even with PR',
      'seed_buf: no entropy source, so no reseed ever, even with prediction resistance'],
  ]),
  ...shownBy(['wolfSSL'], WOLFSSL, [
    ['not SP 800-90A 9.1: no minimum seed length',
      'no minimum seed length: an empty seed instantiates (OpenSSL requires 32 bytes of entropy)'],
    ['health test output: exactly 128 bytes',
      'outputSz must be exactly 128 (RNG_HEALTH_TEST_CHECK_SIZE): -1 otherwise, output untouched'],
    ['health test returns the second generate',
      'the output is the second generate: the first block is thrown away (NIST DRBGVS procedure)'],
    ['a NULL nonce is an empty nonce',
      'a NULL nonce and an empty one are the same input (Hash_df skips an empty inB)'],
  ]),
  ...shownBy(['mirage-crypto'], MIRAGE, [
    ['not 10.1.2.2: empty reseed runs a 2nd round',
      'reseed of empty data runs Update\'s second round (10.1.2.2 step 3 returns after the first)'],
    ['generate 0 skips V = HMAC(K, V)',
      'generate 0 skips V = HMAC(K, V) before its Update (drbg_hmac.c and randshim compute it)'],
    ['no additional input on generate',
      'no additional input on generate: reseed(adin) then generate gives SP 800-90A\'s bytes, not its next state'],
    ['not 10.1.2.5: no 2^16-byte request limit',
      'no request limit: one generate of 70000 bytes (SP 800-90A caps a request at 2^16 bytes)'],
  ]),
];
