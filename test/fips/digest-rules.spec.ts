/**
 * The approved-digest rule of the FIPS HASH-DRBG and HMAC-DRBG (3.4+
 * providers/implementations/rands/drbg.c ossl_drbg_verify_digest: SHA-1, SHA2-256, SHA2-512,
 * SHA3-256, SHA3-512 approved) on the real fips.so of every line under both truncated-digest
 * settings: `fipsinstall` (drbg-no-trunc-md = 0: a truncated digest is tolerated with the
 * fips-indicator at 0) and `fipsinstall -no_drbg_truncated_digests` (= 1: refused with
 * PROV_R_DIGEST_NOT_ALLOWED unless the context's digest-check is 0), against randshim's model.
 */
import { expect } from 'chai';
import { compareChains } from '../../interop/suites/fips/suite.js';
import { digestMatrix, MATRIX_DIGESTS } from '../../interop/suites/fips/rule-cases.js';
import type { ChainComparison } from '../../interop/suites/fips/compare.js';
import type { FipsChainRun } from '../../interop/suites/fips/scenario.js';
import { FIPS_CONFIGS, installedConfig, runNamed, stepSummary } from './real-provider.js';

const TRUNCATED = ['SHA2-224', 'SHA2-384', 'SHA2-512/224', 'SHA2-512/256', 'SHA3-224', 'SHA3-384'];
const APPROVED = ['SHA1', 'SHA2-256', 'SHA2-512', 'SHA3-256', 'SHA3-512', 'SHA256', 'SHA-512'];

describe('FIPS DRBG digest matrix on the real FIPS provider, both truncated-digest settings', () => {
  it('the matrix names every digest once as approved or truncated', () => {
    expect([...MATRIX_DIGESTS].sort()).to.deep.equal([...APPROVED, ...TRUNCATED].sort());
  });

  for (const { line, id } of FIPS_CONFIGS) {
    describe(`${line} ${id}`, () => {
      const config = installedConfig(line, id);
      const strict = config.drbgNoTruncMd === 1;
      let comparison: ChainComparison;
      let runs: readonly FipsChainRun[];
      before(async () => {
        ({ comparison, runs } = await compareChains(config, digestMatrix(line, strict)));
      });

      it(`fipsmodule.cnf says drbg-no-trunc-md = ${id === 'no-trunc' ? 1 : 0}`, () => {
        expect(config.drbgNoTruncMd).to.equal(id === 'no-trunc' ? 1 : 0);
      });

      it('randshim agrees on every chain (count compared)', () => {
        expect(comparison.mismatches).to.deep.equal([]);
        // 2 DRBGs x (13 digests + digest-check 0 and 1 for the 6 truncated ones and SHA2-256)
        expect([comparison.chains, comparison.steps, comparison.bytes]).to.deep.equal(strict ? [54, 114, 960] : [54, 162, 1728]);
      });

      it('approved digests keep the indicator at 1', () => {
        for (const type of ['HASH-DRBG', 'HMAC-DRBG']) {
          for (const digest of APPROVED) {
            const run = runNamed(runs, `${type} ${digest}`);
            expect(stepSummary(run.steps[1]), `${type} ${digest}`).to.equal('ret 1 state 1 ind 1 []');
          }
        }
      });

      it(strict ? 'truncated digests are refused unless digest-check = 0 (indicator 0)'
        : 'truncated digests are tolerated with the indicator at 0, whatever digest-check says', () => {
        for (const type of ['HASH-DRBG', 'HMAC-DRBG']) {
          for (const digest of TRUNCATED) {
            const plain = stepSummary(runNamed(runs, `${type} ${digest}`).created);
            const checked = stepSummary(runNamed(runs, `${type} ${digest} digest-check=1`).created);
            const relaxed = runNamed(runs, `${type} ${digest} digest-check=0`);
            const refused = 'ret 0 state 0 ind 0 [DIGEST_NOT_ALLOWED]';
            expect(plain, `${type} ${digest}`).to.equal(strict ? refused : 'ret 1 state 0 ind 0 []');
            expect(checked, `${type} ${digest} digest-check=1`).to.equal(strict ? refused : 'ret 1 state 0 ind 0 []');
            expect(stepSummary(relaxed.steps[1]), `${type} ${digest} digest-check=0`).to.equal('ret 1 state 1 ind 0 []');
          }
        }
      });
    });
  }
});
