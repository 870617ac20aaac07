/**
 * The FIPS-provider column of the matrix: per FIPS-approved configuration, seeded chains
 * TEST-RAND [-> CRNG-TEST] -> FIPS DRBG (interop/builds/fips-provider/scenario.ts) run on each
 * line's real fips.so (3.5, 3.6, 4.0; `fipsinstall` with no option: the default configuration)
 * and on randshim's FIPS model (provider/openssl3/fips), every step's return code, output,
 * error queue, DRBG state and fips-indicator compared (fips-provider/compare.ts).
 */
import { configsOf, readFipsConfig, type FipsConfig, type LineId } from '../../builds/fips-provider/configs.js';
import { compareChainRuns } from '../fips/compare.js';
import { FipsOracle } from '../../builds/fips-provider/oracle.js';
import { runChainRandshim } from '../fips/randshim-chain.js';
import type { FipsChain, FipsParams, FipsStep } from '../fips/scenario.js';
import { caseLimits, configLabel } from '../differential/configs.js';
import type { DrbgConfig } from '../differential/driver.js';
import { SeededRandom } from '../differential/generator.js';
import { configSeed } from '../differential/runner.js';
import { fipsLineRuns, MATRIX_ROWS, notApplicable, type MatrixCell } from './layout.js';
import type { BuildProvenance, ColumnResult } from './result.js';
import { unavailableColumn } from './openssl-cells.js';

const LENGTHS = [0, 1, 15, 16, 17, 32, 33, 64, 100, 256, 1024, 4096];

function drbgParams(config: DrbgConfig, line: LineId): FipsParams {
  if (config.mechanism === 'CTR-DRBG') return { cipher: config.cipher };
  // 3.5 / 3.6's FIPS HMAC-DRBG wants "mac" set before it instantiates; 4.0 ignores it
  const mac = config.mechanism === 'HMAC-DRBG' && line !== '4.0' ? { mac: 'HMAC' } : {};
  return { ...mac, digest: config.digest };
}

/** Seeded chains for one configuration: instantiate with or without personalization, then
 * generates (lengths around the block sizes, with or without additional input and prediction
 * resistance), reseeds (additional input, sometimes caller entropy), fresh parent entropy, and
 * the odd uninstantiate and re-instantiate. Inputs only: what happens is observed on both sides. */
export function fipsChains(config: DrbgConfig, line: LineId, count: number, seed: number): FipsChain[] {
  const random = new SeededRandom(configSeed(seed, config));
  const strength = caseLimits(config).strength;
  const label = configLabel(config);
  const chains: FipsChain[] = [];
  const instantiate = (): FipsStep => ({
    op: 'instantiate', target: 'drbg', strength: random.pick([128, strength]),
    ...(random.chance(0.6) ? { persHex: random.hex(random.int(1, 64)) } : {}),
  });
  for (let i = 0; i < count; i++) {
    const steps: FipsStep[] = [instantiate()];
    const n = random.int(2, 8);
    for (let j = 0; j < n; j++) {
      const roll = random.int(0, 99);
      const adin = random.chance(0.4) ? { adin: random.hex(random.int(1, 48)) } : {};
      if (roll < 60) steps.push({ op: 'generate', target: 'drbg', length: random.pick(LENGTHS), pr: random.chance(0.2), ...adin });
      else if (roll < 75) steps.push({ op: 'reseed', target: 'drbg', pr: random.chance(0.2), ...adin });
      else if (roll < 82) steps.push({ op: 'reseed', target: 'drbg', entropy: random.hex(random.pick([16, 32, 48, 64])), ...adin });
      else if (roll < 95) steps.push({ op: 'set-entropy', entropy: random.hex(random.int(32, 128)) });
      else steps.push({ op: 'uninstantiate', target: 'drbg' }, instantiate());
    }
    chains.push({
      name: `${label} #${i}`, drbg: { type: config.mechanism, params: drbgParams(config, line) }, crng: random.chance(0.3),
      parent: { strength: 256, entropy: random.hex(random.int(64, 256)), nonce: random.hex(random.int(16, 32)) }, steps,
    });
  }
  return chains;
}

interface Totals { cases: number; bytes: number; mismatches: number }

async function runLine(config: FipsConfig, chainsPerConfig: number, seed: number, totals: Map<string, Totals>, details: string[]): Promise<BuildProvenance> {
  const oracle = new FipsOracle(config);
  try {
    const loaded = await oracle.load(config.fipsCnf, null);
    if (loaded.load.available !== 1) throw new Error(`line ${config.line}: the FIPS provider did not load`);
    for (const row of MATRIX_ROWS) {
      if (notApplicable('FIPS provider', row.config) !== null || !fipsLineRuns(config.line, row.config)) continue;
      const chains = fipsChains(row.config, config.line, chainsPerConfig, seed);
      const real = await oracle.chains(chains);
      const model = chains.map((c) => runChainRandshim(c, { line: config.line, drbgNoTruncMd: config.drbgNoTruncMd === 1 }));
      const cmp = compareChainRuns(real.runs, model);
      const t = totals.get(row.label) ?? { cases: 0, bytes: 0, mismatches: 0 };
      t.cases += cmp.chains;
      t.bytes += cmp.bytes;
      t.mismatches += cmp.mismatches.length;
      totals.set(row.label, t);
      details.push(...cmp.mismatches.slice(0, 3).map((m) => `${config.line}: ${m}`));
    }
    const p = loaded.load.provider;
    return {
      version: p === null ? `fips ${config.line}` : `${p.name} ${p.version}`, library: `${config.linePaths.modules}/fips.so`,
      how: `fipsinstall ${config.options.replace(/^fipsinstall\s*/, '') || '(no option)'}, under ${loaded.load.library}`,
    };
  } finally {
    await oracle.close().catch(() => undefined);
  }
}

/** The FIPS column: the sum over the lines whose provider loads. */
export async function fipsColumn(chainsPerConfig: number, seed: number): Promise<ColumnResult> {
  const totals = new Map<string, Totals>();
  const details: string[] = [];
  const provenance: BuildProvenance[] = [];
  const missing: string[] = [];
  for (const line of ['3.5', '3.6', '4.0'] as const) {
    if (!configsOf(line).includes('default')) continue;
    const config = readFipsConfig(line, 'default');
    if ('reason' in config) {
      missing.push(`${line}: ${config.reason}`);
      continue;
    }
    try {
      provenance.push(await runLine(config, chainsPerConfig, seed, totals, details));
    } catch (e) {
      missing.push(`${line}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (provenance.length === 0) return unavailableColumn('FIPS provider', missing.join('; ') || 'no line');
  const cells: Record<string, MatrixCell> = {};
  for (const row of MATRIX_ROWS) {
    const na = notApplicable('FIPS provider', row.config);
    const t = totals.get(row.label);
    cells[row.label] = na !== null ? { status: 'not-applicable', reason: na }
      : t === undefined ? { status: 'unavailable', reason: 'not run' } : { status: 'compared', ...t };
  }
  return {
    column: 'FIPS provider', cells,
    provenance,
    mismatchDetails: [...missing.map((m) => `not run on ${m}`), ...details],
  };
}
