/**
 * Writes the personality table of docs/personalities.md from interop/suites/personalities/table.ts
 * (after a build):
 *
 *   npm run personality-table [-- --check]
 *
 * With --check, only says whether docs/personalities.md is up to date (exit 1 if not), as
 * test/compat/personality-table.spec.ts does.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOrCheckBlock } from './lib/generated-block.js';
import { renderPersonalityTable, TABLE_FILE, TABLE_MARKERS } from './personality-table/render.js';

writeOrCheckBlock(join(dirname(fileURLToPath(import.meta.url)), '..', '..', TABLE_FILE), TABLE_MARKERS, renderPersonalityTable(), 'personality table');
