/**
 * The FIPS provider's DRBG known-answer tests on the real fips.so of every line and
 * configuration, seen through OSSL_SELF_TEST_set_callback (providers/fips/self_test.c,
 * self_test_kats.c self_test_drbg): the events at load, on demand (OSSL_PROVIDER_self_test), at
 * 4.0's deferred first use (defer-tests = 1), and with each DRBG test corrupted at load and on
 * demand (the callback answers 0 on its Corrupt phase, as fipsinstall -corrupt_desc does) and, with
 * deferral, at first use, then a self-test in the module's error state,
 * against randshim's FipsModuleModel. 4.0 sometimes crashes (SIGSEGV) in a later KAT after a
 * failed HASH or HMAC test: such a child is retried, and its DRBG events are compared too.
 */
import { expect } from 'chai';
import { selfTestChecks, CORRUPTION_ATTEMPTS, type EventCheck } from '../../interop/suites/fips/self-test-checks.js';
import type { LoadResult } from '../../interop/builds/fips-provider/protocol.js';
import { FIPS_CONFIGS, installedConfig } from './real-provider.js';

/** providers/fips/self_test_data.inc st_kat_drbg_tests order: HASH, CTR, HMAC. */
const KATS = ['HASH', 'CTR', 'HMAC'] as const;
const passing = (desc: string): string[] => ['Start', 'Corrupt', 'Pass'].map((p) => `${p}:${desc}`);
const ALL_PASS = KATS.flatMap(passing);

/** Every self-test callback event at load (all the module's KATs), per line. */
const LOAD_EVENTS = { '3.5': 126, '3.6': 129, '4.0': 138 } as const;

describe('FIPS DRBG self-tests on the real FIPS provider (load, on demand, deferred, each corruption)', () => {
  for (const { line, id } of FIPS_CONFIGS) {
    describe(`${line} ${id}`, () => {
      const config = installedConfig(line, id);
      const deferred = id === 'defer';
      let checks: EventCheck[];
      let load: LoadResult;
      let loadEventCount: number;
      before(async () => {
        ({ checks, load, loadEventCount } = await selfTestChecks(config, { corruption: true }));
      });
      const named = (label: string): EventCheck => {
        const c = checks.find((x) => x.label === label);
        if (c === undefined) throw new Error(`no check ${label}`);
        return c;
      };

      it(`loads OpenSSL FIPS Provider ${line} (version of the line's build, running)`, () => {
        expect(load.loadConfig).to.equal(1);
        expect(load.available).to.equal(1);
        expect(load.provider).to.deep.include({ name: 'OpenSSL FIPS Provider', version: config.version, status: 1 });
        expect(config.version.startsWith(`${line}.`)).to.equal(true);
        expect(loadEventCount).to.equal(deferred ? 6 : LOAD_EVENTS[line]);
      });

      it('randshim agrees on every event sequence and outcome (count compared)', () => {
        expect(checks.filter((c) => c.mismatch !== null).map((c) => `${c.label}: ${c.mismatch}`)).to.deep.equal([]);
        const labels = ['load', ...(deferred ? ['first HASH-DRBG', 'first CTR-DRBG', 'first HMAC-DRBG', 'first CTR-DRBG'] : []), 'on demand',
          ...KATS.flatMap((k) => [`corrupt ${k} load`, `corrupt ${k} on demand`]),
          ...(deferred ? KATS.map((k) => `corrupt ${k} first use`) : []), 'on demand in error state'];
        expect(checks.map((c) => c.label)).to.deep.equal(labels);
        const events = checks.map((c) => c.real.length);
        expect(events).to.deep.equal(deferred ? [0, 3, 3, 3, 0, 9, 0, 9, 0, 9, 0, 9, 3, 3, 3, 0] : [9, 9, 9, 9, 9, 9, 9, 9, 0]);
        for (const c of checks) expect(c.sequences, c.label).to.be.within(1, CORRUPTION_ATTEMPTS);
      });

      it('runs HASH, CTR, HMAC in that order, each Start, Corrupt, Pass', () => {
        expect(named('on demand').real).to.deep.equal(ALL_PASS);
        if (deferred) {
          expect(named('load').real).to.deep.equal([]);
          expect(named('first HASH-DRBG').real).to.deep.equal(passing('HASH'));
          expect(checks.filter((c) => c.label === 'first CTR-DRBG').map((c) => c.real.length)).to.deep.equal([3, 0]);
        } else {
          expect(named('load').real).to.deep.equal(ALL_PASS);
        }
      });

      it('a corrupted test fails and puts the module in its error state', () => {
        for (const k of KATS) {
          const onDemand = named(`corrupt ${k} on demand`);
          expect(onDemand.real, k).to.deep.equal(KATS.flatMap((d) => (d === k ? ['Start', 'Corrupt', 'Fail'].map((p) => `${p}:${d}`) : passing(d))));
          if (onDemand.answered) expect(onDemand.outcome, k).to.match(/^ret 0 status 0 \[.*FIPS_MODULE_ENTERING_ERROR_STATE\] fetch-after 0$/);
          const atLoad = named(`corrupt ${k} load`);
          if (atLoad.answered) expect(atLoad.outcome, k).to.equal(deferred ? 'available 1' : 'available 0');
        }
      });

      it('in its error state the module runs no test and refuses the self-test (INVALID_STATE)', () => {
        expect(named('on demand in error state').outcome).to.equal('ret 0 status 0 [INVALID_STATE]');
        if (!deferred) return;
        for (const k of KATS) {
          const first = named(`corrupt ${k} first use`);
          expect(first.real, k).to.deep.equal(['Start', 'Corrupt', 'Fail'].map((p) => `${p}:${k}`));
          expect(first.outcome, k).to.equal('created 0 [SELF_TEST_KAT_FAILURE FIPS_MODULE_ENTERING_ERROR_STATE EVP_LIB] '
            + 'then ret 0 status 0 [INVALID_STATE]');
        }
      });

      it(line === '4.0' ? 'crashes only after a corrupted HASH or HMAC test' : 'never crashes', () => {
        const crashed = checks.filter((c) => c.crashes > 0).map((c) => c.label);
        const allowed = line === '4.0' ? ['corrupt HASH load', 'corrupt HASH on demand', 'corrupt HMAC load', 'corrupt HMAC on demand'] : [];
        expect(crashed.filter((l) => !allowed.includes(l))).to.deep.equal([]);
        expect(checks.filter((c) => !c.answered).map((c) => c.label).filter((l) => !allowed.includes(l))).to.deep.equal([]);
      });
    });
  }
});
