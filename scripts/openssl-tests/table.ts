/**
 * The inventory tables of docs/ported-tests.md, generated from the fetched OpenSSL sources
 * (inventory.ts) and the list of ported files (ported.ts). `npm run ported-tests-table` writes
 * them between the `<!-- inventory:<line> -->` markers; test/openssl-tests/inventory.spec.ts
 * asserts that the committed tables are what the sources give.
 */
import { blockIn, spliceBlock, type BlockMarkers } from '../lib/generated-block.js';
import { inventory, type InventoryEntry } from './inventory.js';
import { sourceDir, type OpensslLine } from './lines.js';
import { portedCaseCount, portedFile } from './ported.js';

/** Functions that only draw random bytes: a case using nothing else takes RAND as input. */
const INPUT_ONLY = new Set(['RAND_bytes', 'RAND_priv_bytes', 'RAND_pseudo_bytes', 'RAND_bytes_ex', 'RAND_priv_bytes_ex']);

/** "layer" when a case reaching RAND uses more of the random layer than drawing bytes (a
 * DRBG, EVP_RAND, a RAND_METHOD, RAND_status, ...), else "input" (RAND as a source of test data). */
export function kindOf(entry: InventoryEntry): 'layer' | 'input' {
  const names = entry.registrations.filter((r) => r.reachesRand).flatMap((r) => r.randNames);
  return names.some((n) => !INPUT_ONLY.has(n)) ? 'layer' : 'input';
}

/** A case count: the evaluable cases, plus how many registrations are only counted at run time
 * (e.g. ecdsatest.c's crv_len = EC_get_builtin_curves(NULL, 0)). */
function casesCell(registrations: InventoryEntry['registrations']): string {
  const known = registrations.filter((r) => !Number.isNaN(r.cases)).reduce((n, r) => n + r.cases, 0);
  const atRunTime = registrations.filter((r) => Number.isNaN(r.cases)).length;
  return atRunTime === 0 ? known.toLocaleString('en-US') : `${known.toLocaleString('en-US')} + ${atRunTime} at run time`;
}

/** The markdown table of one line. */
export function inventoryTable(line: OpensslLine): string {
  const entries = inventory(sourceDir(line));
  const rows = [
    `OpenSSL ${line}: ${entries.length} test files reach the random layer.`,
    '',
    '| C file | cases | reaching RAND | kind | ported | passing |',
    '|---|---:|---:|---|---:|---|',
  ];
  for (const e of entries) {
    const p = portedFile(line, e.file);
    const ported = p === undefined ? '-' : portedCaseCount(p).toLocaleString('en-US');
    const passing = p === undefined ? '-' : p.original === null ? 'port' : 'port + original';
    const reaching = casesCell(e.registrations.filter((r) => r.reachesRand));
    rows.push(`| ${e.file} | ${casesCell(e.registrations)} | ${reaching} | ${kindOf(e)} | ${ported} | ${passing} |`);
  }
  return rows.join('\n');
}

const inventoryMarkers = (line: OpensslLine): BlockMarkers =>
  ({ file: 'docs/ported-tests.md', begin: `<!-- inventory:${line} -->`, end: `<!-- /inventory:${line} -->` });

/** Replaces the block between `<!-- inventory:<line> -->` and `<!-- /inventory:<line> -->`. */
export function withTable(doc: string, line: OpensslLine, table: string): string {
  return spliceBlock(doc, inventoryMarkers(line), table);
}

/** The block as committed, or null. */
export function tableIn(doc: string, line: OpensslLine): string | null {
  return blockIn(doc, inventoryMarkers(line));
}
