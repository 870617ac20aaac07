/**
 * Differential campaigns against real Mbed TLS: each case runs on a fresh real context
 * (interop/builds/mbedtls) and on randshim's conventions face (provider/conventions), each
 * from its own copy of the same entropy stream, compared step by step (return code, output,
 * entropy requests).
 */
import { MbedtlsCtrDrbg } from '../../../provider/conventions/mbedtls-ctr.js';
import { MbedtlsHmacDrbg, type MbedtlsDigest } from '../../../provider/conventions/mbedtls-hmac.js';
import { MbedtlsCtrOracle } from '../../builds/mbedtls/ctr-oracle.js';
import { MbedtlsHmacOracle } from '../../builds/mbedtls/hmac-oracle.js';
import type { MbedtlsBuild } from '../../builds/mbedtls/library.js';
import { TotalsBuilder, type CampaignTotals } from './compare.js';
import { generateMbedtlsCases } from './mbedtls-cases.js';
import { describeStep, EntropyStream, runStep, type MbedtlsFace, type PeerCase, type StepOutcome } from './steps.js';

/** 'CTR' is CTR_DRBG AES-256 with the df; a digest name is HMAC_DRBG over it. */
export type MbedtlsConfig = 'CTR' | MbedtlsDigest;

export interface MbedtlsCampaignOptions {
  readonly build: MbedtlsBuild;
  readonly config: MbedtlsConfig;
  readonly cases: number;
  readonly seed: number;
}

function runCase(face: MbedtlsFace, testCase: PeerCase): StepOutcome[] {
  const stream = new EntropyStream(testCase.entropySeed);
  return testCase.steps.map((step) => runStep(face, stream, step));
}

/** Runs one case on both sides; the real context is freed whatever happens. */
export function compareMbedtlsCase(build: MbedtlsBuild, config: MbedtlsConfig, testCase: PeerCase):
  { library: StepOutcome[]; randshim: StepOutcome[] } {
  const oracle = config === 'CTR' ? new MbedtlsCtrOracle(build) : new MbedtlsHmacOracle(build, config);
  let library: StepOutcome[];
  try {
    library = runCase(oracle, testCase);
  } finally {
    oracle.close();
  }
  const model = config === 'CTR' ? new MbedtlsCtrDrbg(build.line) : new MbedtlsHmacDrbg(build.line, config);
  const randshim = runCase(model, testCase);
  model.free();
  return { library, randshim };
}

export function runMbedtlsCampaign(options: MbedtlsCampaignOptions): CampaignTotals {
  const cases = generateMbedtlsCases({
    seed: options.seed, count: options.cases, mechanism: options.config === 'CTR' ? 'ctr' : 'hmac',
    line: options.build.line,
  });
  const totals = new TotalsBuilder();
  for (const testCase of cases) {
    const { library, randshim } = compareMbedtlsCase(options.build, options.config, testCase);
    totals.addCase(testCase.id, testCase.steps.map(describeStep), library, randshim);
  }
  return totals.totals();
}
