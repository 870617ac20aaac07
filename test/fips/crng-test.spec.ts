/**
 * CRNG-TEST (providers/implementations/rands/fips_crng_test.c: the SP 800-90B repetition count
 * and adaptive proportion tests, H = 6 bits per byte: RCT cutoff 5, APT cutoff 25 in a 512-sample
 * window) on the real fips.so of every line, between TEST-RAND and a FIPS CTR-DRBG, against
 * randshim's CrngTest (provider/openssl3/fips/crng-test.ts): byte patterns just below, at and
 * above both cutoffs, windows and runs that span pulls, window restart, recovery, and a seeded
 * random batch near the cutoffs (interop/suites/fips/crng-cases.ts).
 */
import { expect } from 'chai';
import { compareChains, crngRefusals, crngScenarios } from '../../interop/suites/fips/suite.js';
import type { ChainComparison } from '../../interop/suites/fips/compare.js';
import type { FipsChainRun } from '../../interop/suites/fips/scenario.js';
import { FIPS_LINES, installedConfig, runNamed, stepSummary } from './real-provider.js';

const RANDOM_CASES = 24;
const FAILED = 'ENTROPY_SOURCE_FAILED_CONTINUOUS_TESTS';

describe('CRNG-TEST on the real FIPS provider: both SP 800-90B cutoffs (3.5, 3.6, 4.0)', () => {
  for (const [line, id] of [...FIPS_LINES.map((l) => [l, 'default'] as const), ['4.0', 'defer'] as const]) {
    describe(`${line} ${id}`, () => {
      let comparison: ChainComparison;
      let runs: readonly FipsChainRun[];
      before(async () => {
        ({ comparison, runs } = await compareChains(installedConfig(line, id), crngScenarios(RANDOM_CASES)));
      });

      it(`randshim agrees on every step of 28 fixed and ${RANDOM_CASES} random cases`, () => {
        expect(comparison.mismatches).to.deep.equal([]);
        expect([comparison.chains, comparison.steps, comparison.bytes]).to.deep.equal([52, 374, 1952]);
        expect(crngRefusals(runs)).to.equal(90);
      });

      it('RCT: 4 identical bytes in a row pass, 5 fail the seed the DRBG asked for', () => {
        for (const [at, value] of [[0, '0'], [20, '9']] as const) {
          expect(stepSummary(runNamed(runs, `RCT run 4x${value} at ${at}`).steps[0])).to.equal('ret 1 state 1 ind 1 []');
          expect(stepSummary(runNamed(runs, `RCT run 5x${value} at ${at}`).steps[0]))
            .to.equal(`ret 0 state 2 ind 1 [${FAILED} ERROR_RETRIEVING_ENTROPY]`);
        }
      });

      it('APT: 24 occurrences of the first byte in the window pass, 25 fail', () => {
        for (const stride of [2, 3, 20]) {
          const pass = runNamed(runs, runs.find((r) => r.name.startsWith(`APT 24xAA stride ${stride} `))?.name ?? '');
          const fail = runNamed(runs, runs.find((r) => r.name.startsWith(`APT 25xAA stride ${stride} `))?.name ?? '');
          expect(pass.steps[0].ret, `stride ${stride}`).to.equal(1);
          expect(stepSummary(fail.steps[0]), `stride ${stride}`).to.equal(`ret 0 state 2 ind 1 [${FAILED} ERROR_RETRIEVING_ENTROPY]`);
        }
      });

      it('a failed DRBG recovers on good entropy; CRNG-TEST itself never blocks', () => {
        const steps = runNamed(runs, 'RCT run 5x0 at 0').steps.map(stepSummary);
        expect(steps.slice(4)).to.deep.equal(['ret 1 state 2 ind 1 []', 'ret 1 state 1 ind 1 []', 'ret 1 state 1 ind 1 []']);
        const own = runNamed(runs, 'CRNG-TEST generate only').steps;
        expect(own.map((s) => `${s.ret} ${String(s.crngState)} ${s.errors.map((e) => e.reason).join(' ')}`)).to.deep.equal([
          '1 1 ', '1 1 ', `0 1 ${FAILED} GENERATE_ERROR`, `0 1 ${FAILED} GENERATE_ERROR`, '1 1 ', '1 1 ']);
      });
    });
  }
});
