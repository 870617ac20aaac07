/**
 * Checks that a port registers exactly the C file's cases (scripts/openssl-tests/ported.ts,
 * itself checked against the C source by inventory.spec.ts and against the original's TAP
 * output by originals.spec.ts). Mocha titles name the C function: `name`, `name i` (one
 * iteration of ADD_ALL_TESTS) or `name: ... (N cases)` (N iterations run in one mocha case).
 */
import { expect } from 'chai';
import type { Suite } from 'mocha';
import { portedFile } from '../../scripts/openssl-tests/ported.js';
import type { OpensslLine } from '../../scripts/openssl-tests/lines.js';

/** The C function and iteration count a mocha title stands for, or null. */
function casesOfTitle(title: string): [string, number] | null {
  const m = /^(\w+)(?:: .*\((\d+) cases\)| \d+)?$/.exec(title);
  if (m === null) return null;
  return [m[1] ?? '', m[2] === undefined ? 1 : Number(m[2])];
}

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
