/**
 * Writes the personality table of docs/personalities.md from interop/suites/personalities/table.ts
 * (after a build):
 *
 *   npm run personality-table [-- --check]
 *
 * With --check, only says whether docs/personalities.md is up to date (exit 1 if not), as
 * test/compat/personality-table.spec.ts does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPersonalityTable, spliceTable, TABLE_FILE } from './personality-table/render.js';

const DOC = join(dirname(fileURLToPath(import.meta.url)), '..', '..', TABLE_FILE);
const current = readFileSync(DOC, 'utf8');
const next = spliceTable(current, renderPersonalityTable());
if (process.argv.includes('--check')) {
  console.log(next === current ? `${TABLE_FILE}: personality table is up to date` : `${TABLE_FILE}: personality table is stale`);
  process.exitCode = next === current ? 0 : 1;
} else if (next !== current) {
  writeFileSync(DOC, next);
  console.log(`${TABLE_FILE}: personality table updated`);
} else {
  console.log(`${TABLE_FILE}: personality table already up to date`);
}
