/**
 * The differential campaigns of the conformance report, at the sizes the project promises:
 * seeded random cases (lengths from 0 past every limit, reseeds, prediction resistance,
 * uninstantiate / re-instantiate, automatic reseeds, outputs across the 65536-byte boundary) run
 * on randshim and on every real OpenSSL build, comparing each step's status, output bytes,
 * state, error reasons and (1.1.1) callback trace. Counts are asserted so that a campaign that
 * compared nothing fails, and a planted fault shows the runner catches a wrong engine.
 */
import { expect } from 'chai';
import { discoverStepOracles, closeAll, type OracleEntry } from '../../interop/suites/differential/oracles.js';
import { ALL_CONFIGS, CTR_CONFIGS } from '../../interop/suites/differential/configs.js';
import { runCampaign, type CampaignResult } from '../../interop/suites/differential/runner.js';
import type { Driver } from '../../interop/suites/differential/driver.js';
import { randshimDriver3x } from '../../interop/suites/differential/run-randshim.js';
import { randshimDriver111 } from '../../interop/suites/differential/run-randshim111.js';
import type { AesCipher, PrimitiveBackend } from '../../provider/sp800-90a/primitives/backend.js';
import { nodeBackend } from '../../provider/sp800-90a/primitives/node-backend.js';

const PER_CONFIG = 2000;
const SEED = 20261121;

function assertClean(result: CampaignResult, configs: number, perConfig: number): void {
  expect(result.reports.map((r) => `${r.config} ${r.mismatch.field} at step ${r.mismatch.step}: ${JSON.stringify(r.minimal)}`))
    .to.deep.equal([]);
  expect(result.stats).to.have.length(configs);
  for (const s of result.stats) {
    expect(s.cases, s.config).to.equal(perConfig);
    expect(s.mismatches, s.config).to.equal(0);
    expect(s.outputs, `${s.config}: outputs compared`).to.be.greaterThan(perConfig / 4);
    expect(s.failingSteps, `${s.config}: error paths compared`).to.be.greaterThan(perConfig / 20);
  }
  expect(result.totals.bytesCompared).to.be.greaterThan(configs * perConfig * 100);
}

/** A backend whose AES under the derivation function's key (00 01 02 ...) flips one output
 * bit: a planted fault in Block_Cipher_df, without touching the engine's code. */
function faultyDfBackend(): PrimitiveBackend {
  const isDfKey = (key: Uint8Array): boolean => key.every((b, i) => b === i);
  return {
    ...nodeBackend,
    name: 'node',
    aes(key: Uint8Array): AesCipher {
      const real = nodeBackend.aes(key);
      let faulty = isDfKey(key);
      return {
        get keyLength() {
          return real.keyLength;
        },
        setKey(k) {
          real.setKey(k);
          faulty = isDfKey(k);
        },
        clear: () => real.clear(),
        encryptBlocks(src, dst) {
          real.encryptBlocks(src, dst);
          if (faulty) dst[0] ^= 0x01;
        },
        ctrKeystream: (counter, out) => real.ctrKeystream(counter, out),
      };
    },
  };
}

describe('differential campaigns against real OpenSSL', function () {
  let oracles: OracleEntry[] = [];
  const oracle = (name: string): Driver => {
    const o = oracles.find((x) => x.name === name);
    if (o?.driver === undefined) throw new Error(`${name} unavailable: ${o?.reason ?? 'not discovered'}`);
    return o.driver;
  };

  before(async () => {
    oracles = await discoverStepOracles();
  });
  after(async () => closeAll(oracles));

  it(`system-3: ${PER_CONFIG} cases per configuration (all ${ALL_CONFIGS.length}) on the node backend, zero mismatches`, async function () {
    const r = await runCampaign(randshimDriver3x('node'), oracle('system-3'), { seed: SEED, casesPerConfig: PER_CONFIG, configs: ALL_CONFIGS });
    assertClean(r, 28, PER_CONFIG);
    this.test!.title += ` (${r.totals.cases} cases, ${r.totals.steps} steps, ${r.totals.bytesCompared} bytes)`;
  });

  for (const [backend, seed] of [['forge', SEED + 1], ['node-native', SEED + 2], ['pure', SEED + 3]] as const) {
    it(`system-3: 200 cases per configuration on the ${backend} backend, zero mismatches`, async function () {
      const r = await runCampaign(randshimDriver3x(backend), oracle('system-3'), { seed, casesPerConfig: 200, configs: ALL_CONFIGS });
      assertClean(r, 28, 200);
      this.test!.title += ` (${r.totals.cases} cases, ${r.totals.bytesCompared} bytes)`;
    });
  }

  for (const name of ['system-1.1.1', 'node16-1.1.1']) {
    it(`${name}: ${PER_CONFIG} CTR cases per key size and df setting, zero mismatches (states, errors, callback traces)`, async function () {
      const r = await runCampaign(randshimDriver111('node'), oracle(name), { seed: SEED, casesPerConfig: PER_CONFIG, configs: CTR_CONFIGS });
      assertClean(r, 6, PER_CONFIG);
      this.test!.title += ` (${r.totals.cases} cases, ${r.totals.steps} steps, ${r.totals.bytesCompared} bytes)`;
    });
  }

  it('catches a planted fault: one flipped derivation-function bit, with a shrunk reproduction', async () => {
    const dfConfigs = CTR_CONFIGS.filter((c) => c.useDf !== false);
    const r3 = await runCampaign(randshimDriver3x(faultyDfBackend(), 'faulty-df'), oracle('system-3'),
      { seed: SEED, casesPerConfig: 50, configs: dfConfigs });
    expect(r3.totals.mismatches).to.be.greaterThan(25);
    expect(r3.reports.length).to.be.greaterThan(0);
    const rep = r3.reports[0];
    expect(rep.minimalMismatch.field).to.equal('output');
    expect(rep.minimal.steps.length).to.be.at.most(rep.case.steps.length);
    // The shrunk case still fails on the faulty engine and passes on the real one.
    const [oracleRes] = await oracle('system-3').runBatch([rep.minimal]);
    const [goodRes] = await randshimDriver3x('node').runBatch([rep.minimal]);
    expect(goodRes).to.deep.equal(oracleRes);
    const r111 = await runCampaign(randshimDriver111(faultyDfBackend(), 'faulty-df'), oracle('system-1.1.1'),
      { seed: SEED, casesPerConfig: 50, configs: dfConfigs });
    expect(r111.totals.mismatches).to.be.greaterThan(25);
    // Without the df the fault is unreachable, and the same campaign is clean.
    const noDf = await runCampaign(randshimDriver3x(faultyDfBackend(), 'faulty-df'), oracle('system-3'),
      { seed: SEED, casesPerConfig: 50, configs: CTR_CONFIGS.filter((c) => c.useDf === false) });
    expect(noDf.totals.mismatches).to.equal(0);
    expect(noDf.totals.cases).to.equal(150);
  });
});
