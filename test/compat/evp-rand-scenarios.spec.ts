/**
 * randshim's EVP_RAND (compat/openssl3) against every libcrypto 3 build of the registry (the
 * `evp-rand-3` capability, interop/builds/registry.ts: the system libcrypto.so.3), scenario by
 * scenario (interop/suites/evp-rand/scenarios.ts): the same call sequences, compared call by call on
 * return values, error codes (packed, and by library/reason name), states, every parameter read
 * back (bytes, return_size, modified) and output bytes.
 *
 * In a chain, OpenSSL's DRBG passes its own address as additional input when a child pulls
 * entropy from it. The C run reads each context's algctx (the PROV_DRBG pointer) and randshim's
 * DRBGs are given those 8 bytes as their identity; a control run without them shows they matter.
 */
import { expect } from 'chai';
import { compareEvpRandScenarios, type EvpRandComparison } from '../../interop/suites/evp-rand/compare.js';
import { runScenarioRandshim } from '../../interop/suites/evp-rand/run-randshim.js';
import { runScenarioLibcrypto } from '../../interop/suites/evp-rand/run-libcrypto.js';
import { evpRandScenarios } from '../../interop/suites/evp-rand/scenarios.js';
import type { LibCrypto3 } from '../../interop/builds/openssl3/index.js';
import { buildsWith, discover } from '../../interop/builds/registry.js';

/** The catalogue's size: change these with the catalogue. */
const EXPECTED_SCENARIOS = 113;
const EXPECTED_CALLS = 5781;

for (const build of buildsWith('evp-rand-3')) describe(`EVP_RAND scenarios: randshim compat/openssl3 vs ${build.name}`, function () {
  let crypto: LibCrypto3;
  let result: EvpRandComparison;

  before(async () => {
    const found = await discover(build, 'evp-rand-3');
    if (!found.available) expect.fail(`${found.name} is required: ${found.reason}`);
    crypto = found.handle.crypto;
    result = compareEvpRandScenarios(crypto, evpRandScenarios());
  });

  it('runs every scenario and compares every call', () => {
    // eslint-disable-next-line no-console
    console.log(`      ${build.name}: ${result.scenarios} scenarios, ${result.calls} calls, ${result.bytes} output bytes compared`);
    expect(result.scenarios).to.equal(EXPECTED_SCENARIOS);
    expect(result.calls).to.equal(EXPECTED_CALLS);
    expect(result.bytes).to.be.greaterThan(3_000_000);
  });

  it('finds no difference', () => {
    expect(result.mismatches.map((m) => JSON.stringify(m).slice(0, 1500))).to.deep.equal([]);
  });

  it('covers every EVP_RAND call kind, error paths and chains', () => {
    const ops = new Set(evpRandScenarios().flatMap((s) => s.ops.map((o) => o.op)));
    expect([...ops].sort()).to.deep.equal([
      'ctx_rand', 'ctx_tables', 'enable_locking', 'fetch', 'free', 'generate', 'get', 'getall', 'instantiate', 'new',
      'nonce', 'rand_info', 'rand_tables', 'reseed', 'set', 'state', 'strength', 'uninstantiate', 'verify_zeroization',
    ]);
    const names = evpRandScenarios().map((s) => s.name);
    expect(names.filter((n) => /^chain TEST-RAND -> [^>]+ -> [^>]+$/.test(n))).to.have.length(11);
    expect(names.filter((n) => /^chain TEST-RAND -> .+ -> .+ -> /.test(n))).to.have.length(5);
    expect(names.filter((n) => n.startsWith('random chain'))).to.have.length(24);
    expect(names.filter((n) => n.startsWith('set after instantiate'))).to.have.length(12);
  });

  it('chains match only with OpenSSL\'s addresses as the parents\' additional input', () => {
    const chains = evpRandScenarios().filter((s) => s.name.startsWith('chain TEST-RAND'));
    let differ = 0;
    for (const s of chains) {
      const c = runScenarioLibcrypto(crypto, s);
      expect(JSON.stringify(runScenarioRandshim(s, c.identities).observations)).to.equal(JSON.stringify(c.observations));
      if (JSON.stringify(runScenarioRandshim(s).observations) !== JSON.stringify(c.observations)) differ++;
    }
    // The two chains whose child is stronger than its parent never pull from it.
    expect(differ).to.be.at.least(chains.length - 2);
  });
});
