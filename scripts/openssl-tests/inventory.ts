/**
 * The inventory of OpenSSL's own tests that exercise the random layer, computed from the source
 * packages scripts/fetch-openssl-tests.sh unpacks (.cache/openssl-src/<line>/source/test/*.c).
 *
 * For each C test file: the random-layer identifiers it uses (RAND_*, EVP_RAND*, OSSL_RAND_*,
 * OSSL_DRBG_*, RAND_DRBG*, rand_drbg_*, ossl_rand_*, and the "CTR-DRBG" / "HASH-DRBG" /
 * "HMAC-DRBG" / "TEST-RAND" / "SEED-SRC" names), its test cases as setup_tests() registers
 * them (ADD_TEST: 1; ADD_ALL_TESTS(fn, n): n, evaluated from an integer, a #define,
 * OSSL_NELEM(array) of an array in the file or in another test/ .c, .h or .inc file, or a
 * `const size_t x = OSSL_NELEM(array)` of another .c file; counts known only at run time are
 * NaN), and how many of those cases reach the random layer: the registered
 * function's body, or a function of the same file it calls (transitively), names one of those
 * identifiers. Registrations under #if are counted as written (the Debian build enables them
 * on Linux). A file is listed when at least one case reaches the random layer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Random-layer identifiers (see the module comment). */
const RAND_IDENTIFIER = /\b(?:RAND_\w+|EVP_RAND\w*|OSSL_RAND_\w+|OSSL_DRBG_\w+|rand_drbg_\w+|ossl_rand_\w+|ossl_drbg_\w+)\b|"(?:CTR-DRBG|HASH-DRBG|HMAC-DRBG|TEST-RAND|SEED-SRC)"/g;

export interface Registration {
  /** The registered function. */
  readonly name: string;
  /** Its number of cases (1 for ADD_TEST; NaN when only known at run time). */
  readonly cases: number;
  /** The count expression as written (ADD_ALL_TESTS), for the record. */
  readonly expression: string;
  /** Whether the function reaches the random layer (see the module comment). */
  readonly reachesRand: boolean;
  /** The random-layer identifiers it reaches (its body and its callees' in this file). */
  readonly randNames: readonly string[];
}

export interface InventoryEntry {
  /** e.g. "test/drbgtest.c". */
  readonly file: string;
  readonly registrations: readonly Registration[];
  /** Sum of the registrations' cases (NaN when one is not evaluable). */
  readonly cases: number;
  /** Sum of the cases of the registrations that reach the random layer. */
  readonly randCases: number;
  /** Occurrences of random-layer identifiers in the file. */
  readonly randMentions: number;
}

/** C text without comments and string contents other than the algorithm names we look for. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
}

/** The text between the `{` at `open` and its matching `}` (exclusive), or null. */
function braceBody(text: string, open: number): string | null {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  return null;
}

/** Function definitions at file level: name -> body. */
function functionBodies(text: string): Map<string, string> {
  const bodies = new Map<string, string>();
  const def = /^[A-Za-z_][\w \t*]*?\b([A-Za-z_]\w*)\s*\(([^;{}()]|\([^()]*\))*\)\s*\{/gm;
  for (const m of text.matchAll(def)) {
    const name = m[1] ?? '';
    if (['if', 'for', 'while', 'switch', 'return', 'sizeof'].includes(name)) continue;
    const body = braceBody(text, (m.index ?? 0) + m[0].length - 1);
    if (body !== null && !bodies.has(name)) bodies.set(name, body);
  }
  return bodies;
}

/** Top-level elements of `name[] = { ... }` in `text`, or null. */
function arrayLength(text: string, name: string): number | null {
  const m = new RegExp(`\\b${name}\\s*\\[[^\\]]*\\]\\s*=\\s*\\{`).exec(text);
  if (m === null) return null;
  const body = braceBody(text, m.index + m[0].length - 1);
  if (body === null) return null;
  let depth = 0;
  let elements = 0;
  let pending = false;
  for (const c of body) {
    if (c === '{' || c === '(') depth++;
    else if (c === '}' || c === ')') depth--;
    if (depth === 0 && c === ',') {
      if (pending) elements++;
      pending = false;
    } else if (!/\s/.test(c)) {
      pending = true;
    }
  }
  return elements + (pending ? 1 : 0);
}

/** Evaluates an ADD_ALL_TESTS count, or null when it is not one of the supported forms: an
 * integer, a #define of the file, OSSL_NELEM(array), a sibling's `x = OSSL_NELEM(array)`, and
 * + - * / of those. */
function evaluateCount(expr: string, text: string, siblings: () => string[], depth = 0): number | null {
  if (depth > 8) return null;
  const term = (t: string): number | null => {
    if (/^\d+$/.test(t)) return Number(t);
    const nelem = /^OSSL_NELEM\(\s*(\w+)\s*\)$/.exec(t);
    if (nelem !== null) {
      const own = arrayLength(text, nelem[1] ?? '');
      if (own !== null) return own;
      for (const sibling of siblings()) {
        const n = arrayLength(sibling, nelem[1] ?? '');
        if (n !== null) return n;
      }
      return null;
    }
    const define = new RegExp(`^#\\s*define\\s+${t}\\s+(.+)$`, 'm').exec(text);
    if (define !== null) return evaluateCount((define[1] ?? '').trim(), text, siblings, depth + 1);
    for (const sibling of siblings()) {
      const decl = new RegExp(`\\b${t}\\s*=\\s*OSSL_NELEM\\(\\s*(\\w+)\\s*\\)`).exec(sibling);
      if (decl !== null) return arrayLength(sibling, decl[1] ?? '');
    }
    return null;
  };
  // Tokens: OSSL_NELEM(x), identifiers, integers, operators, parentheses.
  const tokens = expr.match(/OSSL_NELEM\(\s*\w+\s*\)|\w+|[-+*/()]/g) ?? [];
  if (tokens.join('').replace(/\s/g, '') !== expr.replace(/\s/g, '')) return null;
  let pos = 0;
  const primary = (): number | null => {
    const t = tokens[pos++];
    if (t === undefined) return null;
    if (t === '(') {
      const v = sum();
      return tokens[pos++] === ')' ? v : null;
    }
    return term(t);
  };
  const product = (): number | null => {
    let v = primary();
    while (v !== null && (tokens[pos] === '*' || tokens[pos] === '/')) {
      const op = tokens[pos++];
      const r = primary();
      v = r === null ? null : op === '*' ? v * r : Math.trunc(v / r);
    }
    return v;
  };
  const sum = (): number | null => {
    let v = product();
    while (v !== null && (tokens[pos] === '+' || tokens[pos] === '-')) {
      const op = tokens[pos++];
      const r = product();
      v = r === null ? null : op === '+' ? v + r : v - r;
    }
    return v;
  };
  const v = sum();
  return v !== null && pos === tokens.length && Number.isInteger(v) && v >= 0 ? v : null;
}

/** The random-layer identifiers `fn` reaches: its body's and its callees' (in this file). */
function namesReached(fn: string, bodies: Map<string, string>, seen = new Set<string>()): Set<string> {
  const names = new Set<string>();
  if (seen.has(fn)) return names;
  seen.add(fn);
  const body = bodies.get(fn) ?? '';
  for (const m of body.matchAll(RAND_IDENTIFIER)) names.add(m[0]);
  for (const callee of bodies.keys()) {
    if (callee !== fn && new RegExp(`\\b${callee}\\s*\\(`).test(body)) {
      for (const n of namesReached(callee, bodies, seen)) names.add(n);
    }
  }
  return names;
}

/** Whether `fn` names a random-layer identifier, or calls (in this file) a function that does. */
function reaches(fn: string, bodies: Map<string, string>, memo: Map<string, boolean>): boolean {
  const known = memo.get(fn);
  if (known !== undefined) return known;
  memo.set(fn, false); // recursion guard
  const body = bodies.get(fn) ?? '';
  let result = new RegExp(RAND_IDENTIFIER.source).test(body);
  if (!result) {
    for (const callee of bodies.keys()) {
      if (callee !== fn && new RegExp(`\\b${callee}\\s*\\(`).test(body) && reaches(callee, bodies, memo)) {
        result = true;
        break;
      }
    }
  }
  memo.set(fn, result);
  return result;
}

/** The inventory entry of one C file's text; `siblings` gives the other .c files' texts. */
export function inventoryOf(file: string, source: string, siblings: () => string[]): InventoryEntry | null {
  const text = stripComments(source);
  const bodies = functionBodies(text);
  const setup = bodies.get('setup_tests');
  if (setup === undefined) return null;
  const memo = new Map<string, boolean>();
  const registrations: Registration[] = [];
  for (const m of setup.matchAll(/\bADD_(ALL_)?TESTS?\s*\(\s*(\w+)\s*(?:,\s*([^;]*?))?\)\s*;/g)) {
    const name = m[2] ?? '';
    const expression = m[1] === undefined ? '' : (m[3] ?? '').trim();
    const cases = m[1] === undefined ? 1 : evaluateCount(expression, text, siblings);
    const reachesRand = reaches(name, bodies, memo);
    // A count only known at run time (e.g. ecdsatest.c's crv_len = EC_get_builtin_curves())
    // stays NaN; the table prints its expression.
    const randNames = reachesRand ? [...namesReached(name, bodies)].sort() : [];
    registrations.push({ name, cases: cases ?? Number.NaN, expression, reachesRand, randNames });
  }
  const randMentions = [...text.matchAll(RAND_IDENTIFIER)].length;
  const sum = (rs: Registration[]): number => rs.reduce((n, r) => n + r.cases, 0);
  return {
    file, registrations, cases: sum(registrations), randCases: sum(registrations.filter((r) => r.reachesRand)),
    randMentions,
  };
}

/** Every test/*.c of the source tree at `sourceDir` with at least one case reaching the
 * random layer, by file name. */
export function inventory(sourceDir: string): InventoryEntry[] {
  const testDir = join(sourceDir, 'test');
  const files = readdirSync(testDir).filter((f) => f.endsWith('.c')).sort();
  let texts: string[] | null = null;
  // Arrays counted by OSSL_NELEM may live in the other .c files or in headers (.h, .inc).
  const related = readdirSync(testDir).filter((f) => /\.(c|h|inc)$/.test(f)).sort();
  const siblings = (): string[] => (texts ??= related.map((f) => stripComments(readFileSync(join(testDir, f), 'utf8'))));
  const entries: InventoryEntry[] = [];
  for (const f of files) {
    const entry = inventoryOf(`test/${f}`, readFileSync(join(testDir, f), 'utf8'), siblings);
    if (entry !== null && entry.registrations.some((r) => r.reachesRand)) entries.push(entry);
  }
  return entries;
}
