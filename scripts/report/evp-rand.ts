/**
 * The EVP_RAND sections of the conformance report: randshim's OpenSSL 3 EVP_RAND
 * (compat/openssl3) against each libcrypto 3 build (the evp-rand-3 capability), scenario by scenario
 * (interop/suites/evp-rand): how many scenarios and calls were compared, by group, and the first
 * difference of each scenario that has one. Takes a couple of seconds.
 */
import { compareEvpRandScenarios, type EvpRandComparison } from '../../interop/suites/evp-rand/compare.js';
import { evpRandScenarios } from '../../interop/suites/evp-rand/scenarios.js';
import { groupedScenariosSection, groupScenarios, type ScenarioGroup } from './scenario-groups.js';
import type { Discovery } from '../../interop/builds/registry.js';
import { unavailableSection, type ReportOptions, type ReportSection } from './section.js';
import { discoverChosen } from './builds.js';

const GROUPS: readonly ScenarioGroup[] = [
  ['fetch and property queries', /^fetch /],
  ['contexts, parents, fresh parameters', /^(EVP_RAND_CTX_new|fresh |SEED-SRC refuses|a DRBG under|a TEST-RAND may)/],
  ['life of each configuration', /^life of /],
  ['parameters: types, sizes, errors', /parameter|reseed_requests|reading parameters|TEST-RAND parameters|SEED-SRC:|use_derivation|HMAC-DRBG given/],
  ['set after instantiate', /^set after instantiate/],
  ['instantiate paths', /^(instantiate paths|a TEST-RAND with no nonce|Hash without)/],
  ['generate and reseed paths', /^generate and reseed/],
  ['chains (TEST-RAND root)', /^chain TEST-RAND/],
  ['random chains', /^random chain/],
  ['chain (SEED-SRC root)', /^chain SEED-SRC/],
];

/** One section per build with the EVP_RAND API (none when `--oracle` names another build). */
export async function runEvpRandSections(opts: ReportOptions): Promise<ReportSection[]> {
  return (await discoverChosen('evp-rand-3', opts)).map(evpRandSection);
}

function evpRandSection(found: Discovery<'evp-rand-3'>): ReportSection {
  const title = `EVP_RAND (compat/openssl3) vs ${found.name}`;
  if (!found.available) return unavailableSection(title, found.name, found.reason, 'EVP_RAND');
  const started = Date.now();
  const scenarios = evpRandScenarios();
  const results: [string, EvpRandComparison][] = groupScenarios(scenarios, GROUPS)
    .map(([label, members]) => [label, compareEvpRandScenarios(found.handle.crypto, members)]);
  return groupedScenariosSection({
    title, suite: 'EVP_RAND', build: { name: found.name, version: found.version, path: found.handle.path },
    setting: '', started, results, comparesBytes: true,
    notes: ['Compared per call: return value, error queue (packed codes, library and reason), state,',
      'parameters read back (bytes, return_size, modified) and output bytes.'],
  });
}
