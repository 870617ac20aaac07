/**
 * Checks that a port registers exactly the C file's cases (scripts/openssl-tests/ported.ts,
 * itself checked against the C source by inventory.spec.ts and against the original's TAP
 * output by originals.spec.ts). Mocha titles name the C function (scripts/openssl-tests/tap.ts
 * casesOfTitle).
 */
import { expect } from 'chai';
import type { Suite } from 'mocha';
import { portedFile } from '../../scripts/openssl-tests/ported.js';
import type { OpensslLine } from '../../scripts/openssl-tests/lines.js';
import { casesOfTitle } from '../../scripts/openssl-tests/tap.js';

/** Asserts that `suite`'s cases are the C's registrations of `file` in `line`, plus the port's
 * listed extras, and nothing else. */
export function expectRegistrations(suite: Suite, line: OpensslLine, file: string, self: string): void {
  const ported = portedFile(line, file);
  expect(ported, `${line} ${file} in scripts/openssl-tests/ported.ts`).to.not.equal(undefined);
  const counts: Record<string, number> = {};
  const unknown: string[] = [];
  for (const t of suite.tests) {
    if (t.title === self || ported!.extra.includes(t.title)) continue;
    const c = casesOfTitle(t.title);
    if (c === null) unknown.push(t.title);
    else counts[c[0]] = (counts[c[0]] ?? 0) + c[1];
  }
  expect(unknown, 'mocha cases that are neither a C case nor a listed extra').to.deep.equal([]);
  expect(counts, `${file}: cases per C function`).to.deep.equal({ ...ported!.cases });
}
