/**
 * compat/openssl3's RAND front end against the system libcrypto.so.3's, scenario by scenario
 * (interop/suites/rand-front-end/scenarios.ts): RAND_get0_*, RAND_bytes and friends, RAND_add / RAND_seed /
 * RAND_status / RAND_poll, RAND_set_DRBG_type / RAND_set_seed_source_type before and after the
 * primary exists, randfile.c, default properties, and EVP_RAND calls on the shared DRBGs,
 * compared call by call on return values, error codes, states, every parameter read back and
 * the files written. Each C scenario runs in a new OSSL_LIB_CTX made the thread's default, so
 * the library's process-wide default chain is never used and each scenario starts without a
 * primary; randshim resets its personality likewise.
 */
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { compareEvpRandScenarios, type EvpRandComparison } from '../../interop/suites/evp-rand/compare.js';
import { runScenarioSystem3 } from '../../interop/suites/evp-rand/run-libcrypto.js';
import { loadLibCrypto3, provenance, provenanceProblem, SYSTEM_LIBCRYPTO3, type LibCrypto3 } from '../../interop/ffi/index.js';
import type { RandCall } from '../../interop/suites/rand-front-end/calls.js';
import { ScenarioFiles } from '../../interop/suites/rand-front-end/files.js';
import { withFreshLibctx } from '../../interop/suites/rand-front-end/run-libcrypto.js';
import { rand3Scenarios } from '../../interop/suites/rand-front-end/scenarios.js';

/** The catalogue's size: change these with the catalogue. */
const RAND3_EXPECTED_SCENARIOS = 40;
const RAND3_EXPECTED_CALLS = 934;

describe('RAND front end scenarios: randshim compat/openssl3 vs system-3', function () {
  let crypto: LibCrypto3;
  let files: ScenarioFiles;
  let result: EvpRandComparison;

  before(() => {
    expect(existsSync(SYSTEM_LIBCRYPTO3), `${SYSTEM_LIBCRYPTO3} is required`).to.equal(true);
    crypto = loadLibCrypto3();
    expect(provenanceProblem(provenance(crypto), SYSTEM_LIBCRYPTO3)).to.equal(null);
    files = new ScenarioFiles();
    result = compareEvpRandScenarios(crypto, rand3Scenarios(), { freshLibctx: true, files });
  });
  after(() => files.close());

  it('runs every scenario and compares every call', () => {
    // eslint-disable-next-line no-console
    console.log(`      system-3: ${result.scenarios} RAND scenarios, ${result.calls} calls compared`);
    expect(result.scenarios).to.equal(RAND3_EXPECTED_SCENARIOS);
    expect(result.calls).to.equal(RAND3_EXPECTED_CALLS);
  });

  it('finds no difference', () => {
    expect(result.mismatches.map((m) => JSON.stringify(m).slice(0, 1500))).to.deep.equal([]);
  });

  it('covers every RAND front-end call, and EVP_RAND calls on the shared DRBGs', () => {
    const ops = rand3Scenarios().flatMap((s) => s.ops);
    const fns = new Set(ops.flatMap((o) => (o.op === 'rand' ? [o.call.fn] : [])));
    const all: RandCall['fn'][] = ['get0', 'RAND_bytes', 'RAND_priv_bytes', 'RAND_bytes_ex', 'RAND_priv_bytes_ex', 'RAND_add',
      'RAND_seed', 'RAND_status', 'RAND_poll', 'RAND_set_DRBG_type', 'RAND_set_seed_source_type', 'RAND_load_file',
      'RAND_write_file', 'RAND_file_name', 'fips_default'];
    expect([...fns].sort()).to.deep.equal([...all].sort());
    const evp = new Set(ops.map((o) => o.op).filter((op) => op !== 'rand'));
    expect([...evp].sort()).to.deep.equal(['ctx_rand', 'ctx_tables', 'enable_locking', 'generate', 'get', 'getall', 'reseed',
      'set', 'state', 'strength', 'uninstantiate']);
  });

  it('a fresh library context per scenario: the same scenario twice gives the same observations', () => {
    const s = rand3Scenarios()[1];
    const once = withFreshLibctx(crypto, () => runScenarioSystem3(crypto, s, files)).observations;
    const twice = withFreshLibctx(crypto, () => runScenarioSystem3(crypto, s, files)).observations;
    expect(JSON.stringify(twice)).to.equal(JSON.stringify(once));
    // ... and the public DRBG reports 2 before its first RAND_bytes, 3 after (drbg.c,
    // ossl_prov_drbg_generate: a child's first generate always reseeds).
    const counters = once.filter((o) => o.call === 'get public').slice(0, 2).map((o) => o.params?.[0].data);
    expect(counters).to.deep.equal(['02000000', '03000000']);
  });
});
