/**
 * Differential campaign against real wolfSSL: seeded wc_RNG_HealthTest_ex cases (seed, nonce
 * and reseed-seed lengths from empty to well past seedlen, with and without reseed; a share of
 * calls the library refuses: an output size other than 128, a NULL seed, reseed without a
 * seedB), each run on the library and on randshim's wolfsslHealthTest, return code and whole
 * output buffer compared.
 */
import { wolfsslHealthTest, type HealthTestInput } from '../../../provider/conventions/wolfssl-hash.js';
import type { WolfsslBuild } from '../../builds/wolfssl/library.js';
import { toHex } from '../../../provider/bytes.js';
import { SeededRandom } from '../differential/generator.js';
import { TotalsBuilder, type CampaignTotals } from './compare.js';
import type { StepOutcome } from './steps.js';

const SEED_LENGTHS = [0, 1, 16, 31, 32, 33, 48, 55, 56, 64, 111, 112, 200, 440, 1000];
const NONCE_LENGTHS = [1, 8, 16, 17, 32, 55, 100];
const BAD_OUTPUT_SIZES = [0, 1, 32, 64, 127, 129, 256];

export function generateWolfsslCases(seed: number, count: number): HealthTestInput[] {
  const random = new SeededRandom(seed);
  const cases: HealthTestInput[] = [];
  for (let i = 0; i < count; i++) {
    const reseed = random.chance(0.6);
    const nonce = random.chance(0.3) ? null : random.chance(0.1) ? new Uint8Array(0) : random.bytes(random.pick(NONCE_LENGTHS));
    const seedA = random.chance(0.03) ? null : random.bytes(random.pick(SEED_LENGTHS));
    const seedB = reseed && random.chance(0.03) ? null : random.bytes(random.pick(SEED_LENGTHS));
    const outputSize = random.chance(0.08) ? random.pick(BAD_OUTPUT_SIZES) : 128;
    cases.push({ reseed, nonce, seedA, seedB, outputSize });
  }
  return cases;
}

function outcome(result: { ret: number; output: Uint8Array }): StepOutcome {
  return { ret: result.ret, output: toHex(result.output), entropyRequests: [] };
}

export function describeHealthTest(input: HealthTestInput): string {
  const len = (b: Uint8Array | null): string => (b === null ? 'NULL' : String(b.length));
  return `wc_RNG_HealthTest_ex(reseed ${input.reseed ? 1 : 0}, nonce ${len(input.nonce)}, seedA ${len(input.seedA)}, `
    + `seedB ${len(input.seedB)}, output ${input.outputSize})`;
}

export function runWolfsslCampaign(build: WolfsslBuild, seed: number, count: number): CampaignTotals {
  const totals = new TotalsBuilder();
  generateWolfsslCases(seed, count).forEach((input, i) => {
    const library = outcome(build.healthTest(input));
    const randshim = outcome(wolfsslHealthTest(input));
    totals.addCase(`wolfssl seed ${seed} #${i}`, [describeHealthTest(input)], [library], [randshim]);
  });
  return totals.totals();
}
