/**
 * OpenSSL's testutil TAP output (test/testutil/driver.c) and the mocha titles of the ports,
 * both read as "C function -> cases": what the originals spec and the report compare.
 */

/** One top-level test of a TAP run: its name, whether it passed, and its iterations (1 for a
 * plain test; ADD_ALL_TESTS prints a subtest plan `1..N` and N results). */
export interface TapTest {
  name: string;
  ok: boolean;
  iterations: number;
  iterationsOk: number;
}

/** The top-level plan (-1 when not printed, as with `-test NAME`) and the tests. */
export function parseTap(out: string): { plan: number; tests: TapTest[] } {
  let plan = -1;
  const tests: TapTest[] = [];
  let sub: { plan: number; ok: number } | null = null;
  for (const line of out.split('\n')) {
    let m: RegExpExecArray | null;
    if ((m = /^1\.\.(\d+)$/.exec(line)) !== null) plan = Number(m[1]);
    else if (/^ {4}# Subtest: /.test(line)) sub = { plan: -1, ok: 0 };
    else if (sub !== null && (m = /^ {4}1\.\.(\d+)$/.exec(line)) !== null) sub.plan = Number(m[1]);
    else if (sub !== null && /^ {4}ok \d+/.test(line)) sub.ok++;
    else if ((m = /^(not )?ok \d+ - (\S+)/.exec(line)) !== null) {
      tests.push({
        name: m[2] ?? '', ok: m[1] === undefined, iterations: sub === null ? 1 : sub.plan,
        iterationsOk: sub === null ? (m[1] === undefined ? 1 : 0) : sub.ok,
      });
      sub = null;
    }
  }
  return { plan, tests };
}

/** The C function and iteration count a port's mocha title stands for, or null: `name`,
 * `name i` (one iteration of ADD_ALL_TESTS) or `name: ... (N cases)` (N iterations in one
 * mocha case). */
export function casesOfTitle(title: string): [string, number] | null {
  const m = /^(\w+)(?:: .*\((\d+) cases\)| \d+)?$/.exec(title);
  if (m === null) return null;
  return [m[1] ?? '', m[2] === undefined ? 1 : Number(m[2])];
}

/** The title of each port's last case, which checks its registrations (not a C case). */
export const REGISTRATIONS_TITLE = 'registers the cases setup_tests() registers, and only those';
