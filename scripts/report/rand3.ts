/**
 * The RAND front-end sections of the conformance report: compat/openssl3's RAND_* and
 * RAND_get0_* over the 3.x default chain against each libcrypto 3 build's (the evp-rand-3
 * capability), scenario by scenario (interop/suites/rand-front-end), each C scenario in a fresh
 * library context. The chain is seeded from the OS, so return values, errors, states, parameters
 * and written files are compared, not bytes (the openssl-command section compares bytes,
 * through the same functions). Under a second.
 */
import { compareEvpRandScenarios, type EvpRandComparison } from '../../interop/suites/evp-rand/compare.js';
import { ScenarioFiles } from '../../interop/suites/rand-front-end/files.js';
import { rand3Scenarios } from '../../interop/suites/rand-front-end/scenarios.js';
import { groupedScenariosSection, groupScenarios, type ScenarioGroup } from './scenario-groups.js';
import type { Discovery } from '../../interop/builds/registry.js';
import { unavailableSection, type ReportOptions, type ReportSection } from './section.js';
import { discoverChosen } from './builds.js';

const GROUPS: readonly ScenarioGroup[] = [
  ['shared DRBGs, propagation, RAND_add / RAND_seed', /^(RAND_get0_public first|reseed_counter propagation|RAND_add and RAND_seed)/],
  ['RAND_bytes, RAND_priv_bytes and _ex', /^RAND_(priv_)?bytes(_ex)?:/],
  ['RAND_status / RAND_poll, restarts, PR, EVP_RAND on shared', /^(RAND_status|RAND_poll|an uninstantiated|prediction|EVP_RAND on the shared)/],
  ['RAND_set_DRBG_type', /^RAND_set_DRBG_type/],
  ['seed sources, default properties', /^(RAND_set_seed_source_type|default properties)/],
  ['RAND_load_file / RAND_write_file / RAND_file_name', /^RAND_(load_file|write_file|file_name)/],
];

/** One section per build with the EVP_RAND API (none when `--oracle` names another build). */
export async function runRand3Sections(opts: ReportOptions): Promise<ReportSection[]> {
  return (await discoverChosen('evp-rand-3', opts)).map(rand3Section);
}

function rand3Section(found: Discovery<'evp-rand-3'>): ReportSection {
  const title = `RAND front end (compat/openssl3, 3.x default chain) vs ${found.name}`;
  if (!found.available) return unavailableSection(title, found.name, found.reason, 'RAND front end');
  const started = Date.now();
  const scenarios = rand3Scenarios();
  const files = new ScenarioFiles();
  let results: [string, EvpRandComparison][];
  try {
    results = groupScenarios(scenarios, GROUPS)
      .map(([label, members]) => [label, compareEvpRandScenarios(found.handle.crypto, members, { freshLibctx: true, files })]);
  } finally {
    files.close();
  }
  return groupedScenariosSection({
    title, suite: 'RAND front end', build: { name: found.name, version: found.version, path: found.handle.path },
    setting: ', a fresh OSSL_LIB_CTX per scenario', started, results, comparesBytes: false,
    notes: ['Compared per call: return value, error queue, state, parameters read back from the primary, public',
      'and private DRBGs, and the files RAND_write_file leaves (size, mode). Bytes: see the wasm-3.1 section.'],
  });
}
