/**
 * Writes the FIPS behaviour table of docs/fips.md from interop/suites/fips/behaviours.ts (after a
 * build):
 *
 *   node dist/scripts/fips-table.js [--check]
 *
 * With --check, only says whether docs/fips.md is up to date (exit 1 if not), as
 * test/fips/fips-table.spec.ts does.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOrCheckBlock } from './lib/generated-block.js';
import { FIPS_TABLE_FILE, FIPS_TABLE_MARKERS, renderFipsTable } from './fips-table/render.js';

writeOrCheckBlock(join(dirname(fileURLToPath(import.meta.url)), '..', '..', FIPS_TABLE_FILE), FIPS_TABLE_MARKERS, renderFipsTable(), 'FIPS table');
