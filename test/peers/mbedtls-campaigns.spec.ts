/**
 * Seeded differential campaigns: real Mbed TLS 2.28.3 and 3.6.6 against randshim in Mbed TLS's
 * conventions (provider/conventions), CTR_DRBG AES-256 df and HMAC_DRBG over SHA-1/224/256/
 * 384/512, step by step (return code, output, entropy request lengths); and the NIST CAVP
 * vectors through the library's own API, checked for both sides.
 */
import { expect } from 'chai';
import { MBEDTLS_LINES } from '../../interop/builds/mbedtls/library.js';
import { runMbedtlsCampaign, type MbedtlsConfig } from '../../interop/suites/peers/mbedtls-campaign.js';
import { runNistOnMbedtls } from '../../interop/suites/peers/nist.js';
import { describeMismatches, mbedtls } from './helpers.js';

const CONFIGS: readonly MbedtlsConfig[] = ['CTR', 'SHA1', 'SHA224', 'SHA256', 'SHA384', 'SHA512'];
const CASES = 150;

describe('peers: Mbed TLS campaigns', function () {
  this.timeout(60000);

  for (const line of MBEDTLS_LINES) {
    describe(`Mbed TLS ${line}`, () => {
      it('is the library it claims to be, from its Debian package', () => {
        const build = mbedtls(line);
        expect(build.version).to.match(line === '2.28' ? /^mbed TLS 2\.28\.\d+$/ : /^Mbed TLS 3\.6\.\d+$/);
        expect(build.debianPackage).to.match(line === '2.28' ? /^libmbedcrypto7 2\.28\./ : /^libmbedcrypto16 3\.6\./);
        expect(build.path).to.include(line === '2.28' ? 'libmbedcrypto.so.7' : 'libmbedcrypto.so.16');
      });

      CONFIGS.forEach((config, i) => {
        const name = config === 'CTR' ? 'CTR_DRBG AES-256 df' : `HMAC_DRBG ${config}`;
        it(`${name}: ${CASES} seeded cases agree step by step`, () => {
          const totals = runMbedtlsCampaign({ build: mbedtls(line), config, cases: CASES, seed: 1800 + i });
          expect(totals.mismatches, describeMismatches(totals.mismatches)).to.deep.equal([]);
          expect(totals.cases).to.equal(CASES);
          expect(totals.steps).to.be.greaterThan(CASES * 6);
          expect(totals.bytes).to.be.greaterThan(50000);
          // Refusals (limits, failed entropy) and entropy traces are part of what was compared.
          expect(totals.refusals).to.be.greaterThan(CASES / 2);
          expect(totals.entropyRequests).to.be.greaterThan(CASES * 2);
        });

        it(`${name}: the NIST CAVP vectors pass through the library and through randshim`, () => {
          const nist = runNistOnMbedtls(mbedtls(line), config);
          expect(nist.libraryFailures).to.deep.equal([]);
          expect(nist.randshimFailures).to.deep.equal([]);
          // CAVS 14.3 in evprand.txt: 480 no-reseed and 240 prediction-resistance cases each.
          expect(nist.cases).to.equal(720);
          expect(nist.notApplicable).to.equal(0);
          const outputBytes = { CTR: 64, SHA1: 80, SHA224: 112, SHA256: 128, SHA384: 192, SHA512: 256 }[config];
          expect(nist.bytes).to.equal(720 * outputBytes);
        });
      });
    });
  }
});
