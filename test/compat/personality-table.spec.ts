/**
 * The personality table of docs/personalities.md is the one rendered from
 * interop/suites/personalities/table.ts (regenerate it with `npm run personality-table`), it is
 * the only copy, and every test and scenario it cites exists: tests are looked up in the suite
 * mocha loaded, scenarios in their catalogues.
 */
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evpRandScenarios } from '../../interop/suites/evp-rand/scenarios.js';
import { allProofs, realProofs } from '../../interop/suites/personalities/proofs.js';
import { LINES3, PERSONALITY_SPEC, personalityRows } from '../../interop/suites/personalities/table.js';
import { rand3Scenarios } from '../../interop/suites/rand-front-end/scenarios.js';
import { SCENARIOS_111 } from '../../interop/suites/rand-drbg/index.js';
import { renderPersonalityTable, TABLE_BEGIN, TABLE_FILE, tableInDoc } from '../../scripts/personality-table/render.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The compiled file mocha loads for a spec source path. */
const compiled = (spec: string): string => resolve(ROOT, 'dist', spec.replace(/\.ts$/, '.js'));

/** The scenario catalogue each scenario-running spec compares. */
const CATALOGUES: Record<string, readonly string[]> = {
  'test/compat/rand-drbg-scenarios.spec.ts': SCENARIOS_111.map((s) => s.name),
  'test/compat/rand3-scenarios.spec.ts': rand3Scenarios().map((s) => s.name),
  'test/compat/evp-rand-scenarios.spec.ts': evpRandScenarios().map((s) => s.name),
};

/** The repository's own Markdown files (not node_modules, dist or .cache). */
function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === 'dist') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(path));
    else if (e.name.endsWith('.md')) out.push(path);
  }
  return out;
}

interface LoadedTest {
  readonly file: string;
  readonly title: string;
}

/** Every test mocha loaded in this run, with its file and full title. */
function loadedTests(ctx: Mocha.Context): LoadedTest[] {
  let root = ctx.test?.parent;
  while (root?.parent !== undefined) root = root.parent;
  const out: LoadedTest[] = [];
  const walk = (suite: Mocha.Suite): void => {
    for (const t of suite.tests) out.push({ file: t.file ?? suite.file ?? '', title: t.fullTitle() });
    for (const s of suite.suites) walk(s);
  };
  if (root !== undefined) walk(root);
  return out;
}

describe('personality table (docs/personalities.md)', () => {
  it('is the table rendered from interop/suites/personalities/table.ts (npm run personality-table)', () => {
    const doc = readFileSync(resolve(ROOT, TABLE_FILE), 'utf8');
    expect(tableInDoc(doc), `${TABLE_FILE} has the personality table markers`).to.not.equal(null);
    expect(tableInDoc(doc)).to.equal(renderPersonalityTable());
  });

  it('is in one place: no other Markdown file of the repository carries it', () => {
    const copies = markdownFiles(ROOT).filter((f) => readFileSync(f, 'utf8').includes(TABLE_BEGIN));
    expect(copies.map((f) => relative(ROOT, f))).to.deep.equal([TABLE_FILE]);
  });

  it('links every cited file so that the link resolves from docs/', () => {
    const doc = readFileSync(resolve(ROOT, TABLE_FILE), 'utf8');
    const targets = [...(tableInDoc(doc) ?? '').matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(targets.length, 'links in the table').to.be.at.least(personalityRows().length);
    for (const t of targets) expect(existsSync(resolve(ROOT, dirname(TABLE_FILE), t)), t).to.equal(true);
  });

  it('has the rows the issue asks for', () => {
    expect(personalityRows().map((r) => r.id)).to.include.members(['default-drbg', 'primary-intervals', 'secondary-intervals',
      'other-intervals', 'interval-caps', 'default-pers', 'primary-seed', 'child-adin', 'rand-bytes-adin', 'rand-add',
      'prediction-resistance', 'propagation', 'reseed-not-ready', 'generate-zero', 'negative-count', 'fips-rand-add',
      'fips-reseed-entropy',
      // the lines after 3.0 (issue 14): random provider routing, RAND_set0_*, TEST-RAND generate, 3.6's repeated
      // parameter, 4.0's HMAC without mac and fatal seed=
      'random-provider', 'new-calls', 'engine-rand', 'seed-src-base', 'test-rand-generate', 'repeated-parameter',
      'provider-name-settable', 'hmac-mac', 'fetch-trailing-space', 'nonce-zero-length', 'ctx-new-failure', 'seed-config-fatal',
      'seed-src-parent-gone', 'param-conversion-error', 'unsized-seed-error']);
  });

  it('has a cell for 1.1.1, every 3.x line and FIPS mode in every row, and a real-library proof for each column', () => {
    for (const row of personalityRows()) {
      expect(Object.keys(row.openssl3).sort(), row.id).to.deep.equal([...LINES3].sort());
      for (const column of ['1.1.1', ...LINES3] as const) {
        expect(realProofs(row, column).length, `${row.id}: ${column} has a test on the real library`).to.be.greaterThan(0);
      }
    }
  });

  it('cites only tests that exist, and scenarios that are in their catalogues', function () {
    const tests = loadedTests(this);
    const inFile = (spec: string): LoadedTest[] => tests.filter((t) => t.file === compiled(spec));
    const rows = personalityRows();
    const citations = rows.flatMap((r) => allProofs(r));
    let checked = 0;
    for (const c of citations) {
      expect(existsSync(resolve(ROOT, c.file)), c.file).to.equal(true);
      const loaded = inFile(c.file);
      // Run alone (e.g. with a file argument), mocha may not have loaded the cited file.
      if (loaded.length > 0) {
        expect(loaded.some((t) => t.title.startsWith(c.test)), `${c.file}: no test "${c.test}"`).to.equal(true);
        checked++;
      }
      if (c.scenario !== undefined) {
        const catalogue = CATALOGUES[c.file];
        expect(catalogue, `${c.file} runs no scenario catalogue`).to.not.equal(undefined);
        expect(catalogue, `${c.file}: no scenario "${c.scenario}"`).to.include(c.scenario);
      }
    }
    // one test per row and 3.x line, and the one that checks every row has a check
    expect(inFile(PERSONALITY_SPEC).length, 'the personality spec is loaded with this one').to.equal(rows.length * LINES3.length + 1);
    expect(checked).to.be.at.least(rows.length * LINES3.length);
  });
});
