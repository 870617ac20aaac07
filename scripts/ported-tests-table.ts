/**
 * Regenerates the inventory tables of docs/ported-tests.md from the OpenSSL sources fetched by
 * scripts/fetch-openssl-tests.sh (see scripts/openssl-tests/table.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPENSSL_LINES, REPO_ROOT } from './openssl-tests/lines.js';
import { inventoryTable, withTable } from './openssl-tests/table.js';

const docPath = join(REPO_ROOT, 'docs', 'ported-tests.md');
let doc = readFileSync(docPath, 'utf8');
for (const line of OPENSSL_LINES) doc = withTable(doc, line, inventoryTable(line));
writeFileSync(docPath, doc);
console.log(`ported-tests-table: ${docPath} updated (${OPENSSL_LINES.join(', ')})`);
