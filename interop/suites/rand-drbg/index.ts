/** Every OpenSSL 1.1.1 RAND / RAND_DRBG scenario, in the order they run. */
import { CHAIN_SCENARIOS } from './data/chains.js';
import { EX_DATA_FIPS_SCENARIOS } from './data/ex-data-fips.js';
import { OBJECT_SCENARIOS } from './data/objects.js';
import { SHARED_SCENARIOS } from './data/shared.js';
import { STATE_SCENARIOS } from './data/state-machine.js';
import type { Scenario111 } from './scenario.js';

export const SCENARIOS_111: readonly Scenario111[] = [
  ...OBJECT_SCENARIOS, ...STATE_SCENARIOS, ...CHAIN_SCENARIOS, ...SHARED_SCENARIOS, ...EX_DATA_FIPS_SCENARIOS,
];

export type { Scenario111, Step } from './scenario.js';
export { ALL_DIFFERENCES, KNOWN_DIFFERENCES, UNCOMPARED_DIFFERENCES, type KnownDifference } from './known-differences.js';
export { runScenario111, runScenarios111, type OracleSummary, type ScenarioRun } from './run.js';
