/**
 * FIPS DRBGs over TEST-RAND on the real fips.so of every line and configuration, against
 * randshim's FIPS DRBG model (provider/openssl3/fips/fips-drbg.ts): every step's return code,
 * output, error queue, EVP_RAND_get_state and fips-indicator. The scenarios
 * (interop/suites/fips/drbg-cases.ts, rule-cases.ts): the CAVP CTR_DRBG vector of the DRBG
 * self-test, the mandatory derivation function, caller entropy on reseed (additional input only:
 * providers/implementations/rands/drbg.c ossl_prov_drbg_reseed under FIPS_MODULE), and life
 * cycles with refusals and recovery.
 */
import { expect } from 'chai';
import { compareChains, drbgScenarios } from '../../interop/suites/fips/suite.js';
import type { ChainComparison } from '../../interop/suites/fips/compare.js';
import type { FipsChainRun } from '../../interop/suites/fips/scenario.js';
import { FIPS_CONFIGS, installedConfig, runNamed, stepSummary } from './real-provider.js';

/** chains / steps compared / output bytes compared, per line (4.0 has one more CTR step: it
 * ignores use_derivation_function = 0; 3.5 one more chain: SHA2-256/192 is absent). */
const EXPECTED = { '3.5': [46, 178, 4776], '3.6': [45, 177, 4776], '4.0': [45, 179, 4808] } as const;

describe('FIPS DRBG scenarios on the real FIPS provider (3.5, 3.6, 4.0; every fipsinstall configuration)', () => {
  for (const { line, id } of FIPS_CONFIGS) {
    describe(`${line} ${id}`, () => {
      let comparison: ChainComparison;
      let runs: readonly FipsChainRun[];
      before(async () => {
        ({ comparison, runs } = await compareChains(installedConfig(line, id), drbgScenarios(line)));
      });

      it('randshim agrees on every step (count compared)', () => {
        expect(comparison.mismatches).to.deep.equal([]);
        expect([comparison.chains, comparison.steps, comparison.bytes]).to.deep.equal(EXPECTED[line]);
      });

      it('reproduces the CAVP CTR_DRBG vector the DRBG self-test uses', () => {
        const out = runNamed(runs, 'CTR_DRBG.rsp AES-128 df PR COUNT 0').steps[4].out;
        expect(out).to.equal('5a3539870f4d22a40924ee71c96fac720ad6f08882d0832873ec3f93d8ab4523'
          + 'f07eac45145e939fb1d676433db6e80888f6da89087742fe1af43fc423c51f68');
      });

      it('uses caller entropy on reseed as additional input only: CTR refuses, then restarts', () => {
        // drbg_ctr_reseed returns 0 for a NULL entropy; the DRBG is left in ERROR (2) and its next
        // generate re-instantiates it; Hash and HMAC accept the NULL entropy
        const ctr = runNamed(runs, 'CTR-DRBG reseed with caller entropy').steps;
        expect(stepSummary(ctr[2])).to.equal('ret 0 state 2 ind 1 [UNABLE_TO_RESEED]');
        expect(stepSummary(ctr[3])).to.equal('ret 1 state 1 ind 1 []');
        for (const type of ['HASH-DRBG', 'HMAC-DRBG']) {
          expect(stepSummary(runNamed(runs, `${type} reseed with caller entropy`).steps[2])).to.equal('ret 1 state 1 ind 1 []');
        }
      });

      it('requires the derivation function on 3.5 and 3.6; 4.0 ignores use_derivation_function', () => {
        const created = runNamed(runs, 'CTR use_derivation_function=0').created;
        expect(stepSummary(created)).to.equal(line === '4.0' ? 'ret 1 state 0 ind 1 []' : 'ret 0 state 0 ind 1 [DERIVATION_FUNCTION_INIT_FAILED]');
      });

      it('enters ERROR when the entropy runs out and recovers once there is entropy again', () => {
        for (const type of ['CTR-DRBG', 'HASH-DRBG', 'HMAC-DRBG']) {
          const steps = runNamed(runs, `${type} entropy runs out`).steps.map(stepSummary);
          expect(steps.slice(3), type).to.deep.equal([
            'ret 0 state 2 ind 1 [ERROR_RETRIEVING_ENTROPY RESEED_ERROR GENERATE_ERROR]',
            'ret 0 state 2 ind 1 [ERROR_RETRIEVING_ENTROPY IN_ERROR_STATE GENERATE_ERROR]',
            'ret 1 state 2 ind 1 []',
            'ret 1 state 1 ind 1 []',
            'ret 1 state 1 ind 1 []',
          ]);
        }
      });

      it('refuses algorithms the FIPS provider does not have (EVP_MD/CIPHER_fetch fails)', () => {
        for (const name of ['HASH-DRBG MD5 refused', 'HASH-DRBG SM3 refused', 'HMAC-DRBG MD5 refused', 'CTR-DRBG AES-128-ECB refused']) {
          expect(runNamed(runs, name).created.ret, name).to.equal(0);
        }
        expect(runNamed(runs, 'HASH-DRBG MD5 refused').created.errors).to.deep.equal([{ lib: 'EVP', reason: 'UNSUPPORTED' }]);
      });
    });
  }
});
