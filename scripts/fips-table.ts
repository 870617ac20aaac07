/**
 * Writes the FIPS behaviour table of docs/fips.md from interop/suites/fips/behaviours.ts (after a
 * build):
 *
 *   node dist/scripts/fips-table.js [--check]
 *
 * With --check, only says whether docs/fips.md is up to date (exit 1 if not), as
 * test/fips/fips-table.spec.ts does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIPS_TABLE_FILE, renderFipsTable, spliceFipsTable } from './fips-table/render.js';

const DOC = join(dirname(fileURLToPath(import.meta.url)), '..', '..', FIPS_TABLE_FILE);
const current = readFileSync(DOC, 'utf8');
const next = spliceFipsTable(current, renderFipsTable());
if (process.argv.includes('--check')) {
  console.log(next === current ? `${FIPS_TABLE_FILE}: FIPS table is up to date` : `${FIPS_TABLE_FILE}: FIPS table is stale`);
  process.exitCode = next === current ? 0 : 1;
} else if (next !== current) {
  writeFileSync(DOC, next);
  console.log(`${FIPS_TABLE_FILE}: FIPS table updated`);
} else {
  console.log(`${FIPS_TABLE_FILE}: FIPS table already up to date`);
}
