/**
 * What the FIPS specs share: the configurations scripts/ensure.d/25-fips-configs.sh installs
 * (npm test runs it first, so a missing one fails the spec instead of skipping it), and lookups
 * into the real provider's chain runs.
 */
import { configsOf, readFipsConfig, type FipsConfig, type FipsConfigId, type LineId } from '../../interop/builds/fips-provider/configs.js';
import type { FipsChainRun, FipsStepResult } from '../../interop/suites/fips/scenario.js';

export const FIPS_LINES: readonly LineId[] = ['3.5', '3.6', '4.0'];

/** Every (line, configuration) pair fipsinstall offers: 3 per line, 4 on 4.0 (-defer_tests). */
export const FIPS_CONFIGS: readonly { line: LineId; id: FipsConfigId }[] =
  FIPS_LINES.flatMap((line) => configsOf(line).map((id) => ({ line, id })));

export function installedConfig(line: LineId, id: FipsConfigId): FipsConfig {
  const config = readFipsConfig(line, id);
  if ('reason' in config) throw new Error(`FIPS provider ${line} ${id} not installed: ${config.reason}`);
  return config;
}

/** The real provider's run of the chain called `name`. */
export function runNamed(runs: readonly FipsChainRun[], name: string): FipsChainRun {
  const run = runs.find((r) => r.name === name);
  if (run === undefined) throw new Error(`no chain "${name}"`);
  return run;
}

/** A step as "ret state indicator reasons", the way the assertions spell it. */
export const stepSummary = (s: FipsStepResult): string =>
  `ret ${s.ret} state ${String(s.drbgState)} ind ${String(s.drbgIndicator)} [${s.errors.map((e) => e.reason).join(' ')}]`;
