/**
 * Writes README.md's personality table from interop/suites/personalities/table.ts (after a build):
 *
 *   node dist/scripts/personality-table.js [--check]
 *
 * With --check, only says whether README.md is up to date (exit 1 if not), as
 * test/compat/personality-table.spec.ts does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPersonalityTable, spliceTable } from './personality-table/render.js';

const README = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'README.md');
const current = readFileSync(README, 'utf8');
const next = spliceTable(current, renderPersonalityTable());
if (process.argv.includes('--check')) {
  console.log(next === current ? 'README.md personality table is up to date' : 'README.md personality table is stale');
  process.exitCode = next === current ? 0 : 1;
} else if (next !== current) {
  writeFileSync(README, next);
  console.log('README.md personality table updated');
} else {
  console.log('README.md personality table already up to date');
}
