/**
 * The inventory of OpenSSL's random-layer tests (docs/ported-tests.md) against the fetched
 * source packages: the committed tables are exactly what scripts/openssl-tests/table.ts
 * computes from test/*.c of each line, and every ported file's cases are the C's
 * registrations that reach the random layer, function by function.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inventory } from '../../scripts/openssl-tests/inventory.js';
import { OPENSSL_LINES, REPO_ROOT, haveSources, sourceDir } from '../../scripts/openssl-tests/lines.js';
import { PORTED } from '../../scripts/openssl-tests/ported.js';
import { inventoryTable, tableIn } from '../../scripts/openssl-tests/table.js';

describe('inventory of OpenSSL\'s random-layer tests (docs/ported-tests.md)', function () {
  this.timeout(120_000);
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'ported-tests.md'), 'utf8');

  it('the source packages of every modelled line are fetched (scripts/fetch-openssl-tests.sh)', function () {
    expect(OPENSSL_LINES.filter((l) => !haveSources(l)), 'run bash scripts/fetch-openssl-tests.sh').to.deep.equal([]);
  });

  for (const line of OPENSSL_LINES) {
    it(`${line}: the committed table is the one the sources give (npm run ported-tests-table)`, function () {
      expect(tableIn(doc, line), `docs/ported-tests.md, inventory:${line}`).to.equal(inventoryTable(line));
    });

    it(`${line}: each ported file runs the C's random-layer registrations, with the C's counts`, function () {
      const entries = new Map(inventory(sourceDir(line)).map((e) => [e.file, e]));
      const ported = PORTED.filter((p) => p.line === line);
      expect(ported.length).to.be.above(0);
      for (const p of ported) {
        const entry = entries.get(p.file);
        expect(entry, `${p.file} in the inventory`).to.not.equal(undefined);
        const fromSource = Object.fromEntries(entry!.registrations.filter((r) => r.reachesRand).map((r) => [r.name, r.cases]));
        expect({ ...p.cases }, `${line} ${p.file}`).to.deep.equal(fromSource);
      }
    });
  }
});
