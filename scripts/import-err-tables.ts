/**
 * Extracts OpenSSL's error codes and strings for the libraries the RAND layer raises in (RAND,
 * PROV, EVP, CRYPTO and the common ERR_R_ reasons) from the real sources of OpenSSL 1.1.1w and
 * 3.0.x, into compat/err/tables-111.json and compat/err/tables-3.json (data, loaded and typed by
 * compat/err/tables.ts). The numbers and strings are OpenSSL's (OpenSSL licence for 1.1.1,
 * Apache-2.0 for 3.x).
 *
 *   npm run import-err-tables [-- SOURCES_DIR]
 *
 * SOURCES_DIR holds openssl-1.1.1w/ and openssl-3.0.*\/. Without it, scripts/fetch-openssl-sources.sh
 * fetches the pinned 1.1.1w and 3.0 source tarballs from Debian's mirror into
 * .cache/openssl-sources/ and those two trees are read.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const REPO = resolve(new URL('../..', import.meta.url).pathname);
const LIBS = ['RAND', 'PROV', 'EVP', 'CRYPTO'] as const;

type Entry = { code: number; text: string };

function read(path: string): string {
  return readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
}

/** #define NAME VALUE lines, values evaluated with the macros seen so far. */
function defines(text: string, into: Map<string, number>): void {
  for (const m of text.matchAll(/^#\s*define\s+(\w+)\s+(.+)$/gm)) {
    const expr = m[2].trim().replace(/\bL\b|(\d)L\b/g, '$1').replace(/\(unsigned int\)|\(unsigned long\)/g, '');
    const substituted = expr.replace(/\b[A-Za-z_]\w*/g, (id) => (into.has(id) ? String(into.get(id)) : `__${id}`));
    if (/__/.test(substituted) || !/^[\d\s|()<+x&A-Fa-f-]+$/.test(substituted)) continue;
    try {
      // Only integer arithmetic on literals reaches here.
      const value = Function(`"use strict"; return (${substituted});`)() as number;
      if (Number.isInteger(value)) into.set(m[1], value >>> 0);
    } catch {
      // not a numeric macro
    }
  }
}

/** { ERR_PACK(ERR_LIB_X, F, R), "text" } and { ERR_R_X, "text" } entries. */
function strings(text: string): { packed: [string, string, string, string][]; common: [string, string][] } {
  const flat = text.replace(/\s+/g, ' ');
  const packed = [...flat.matchAll(/ERR_PACK\(\s*ERR_LIB_(\w+)\s*,\s*(\w+)\s*,\s*(\w+)\s*\)\s*,\s*"([^"]*)"/g)]
    .map((m) => [m[1], m[2], m[3], m[4]] as [string, string, string, string]);
  const common = [...flat.matchAll(/\{\s*(ERR_R_\w+)\s*,\s*"([^"]*)"\s*\}/g)].map((m) => [m[1], m[2]] as [string, string]);
  return { packed, common };
}

function build(root: string, version: string, headers: string[], errFiles: string[]): string {
  const macros = new Map<string, number>();
  for (const h of headers) defines(read(join(root, h)), macros);
  const libs: Record<string, Entry> = {};
  const reasons: Record<string, Record<string, Entry>> = {};
  const funcs: Record<string, Record<string, Entry>> = {};
  const common: Record<string, Entry> = {};
  const libNames: Record<number, string> = {};
  for (const lib of LIBS) {
    reasons[lib] = {};
    funcs[lib] = {};
  }
  for (const f of errFiles) {
    const { packed, common: commonStrings } = strings(read(join(root, f)));
    for (const [lib, func, reason, text] of packed) {
      const libCode = macros.get(`ERR_LIB_${lib}`);
      // err.c's ERR_str_libraries: every library's name, ERR_lib_error_string's answer.
      if (func === '0' && reason === '0' && libCode !== undefined) libNames[libCode] = text;
      if (!(LIBS as readonly string[]).includes(lib)) continue;
      if (func === '0' && reason === '0') libs[lib] = { code: macros.get(`ERR_LIB_${lib}`) ?? -1, text };
      else if (func !== '0' && macros.has(func)) funcs[lib][func.replace(`${lib}_F_`, '')] = { code: macros.get(func)!, text };
      else if (reason !== '0' && macros.has(reason)) reasons[lib][reason.replace(`${lib}_R_`, '')] = { code: macros.get(reason)!, text };
    }
    for (const [name, text] of commonStrings) {
      if (macros.has(name)) common[name.replace(/^ERR_R_/, '')] = { code: macros.get(name)!, text };
    }
  }
  for (const lib of LIBS) if (libs[lib] === undefined) libs[lib] = { code: macros.get(`ERR_LIB_${lib}`) ?? -1, text: '' };
  return serialize({ version, libs, libNames, funcs, reasons, common });
}

/** JSON with one table entry per line, so diffs of regenerated tables stay readable. */
function serialize(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object' || 'code' in (value as object)) return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
  const inner = entries.map(([k, v]) => `${indent}  ${JSON.stringify(k)}: ${serialize(v, `${indent}  `)}`);
  return `{\n${inner.join(',\n')}\n${indent}}`;
}

/** The pinned 1.1.1w and 3.0 trees from scripts/fetch-openssl-sources.sh, fetched if missing. */
function fetchedTrees(): { tree111: string; tree3: string } {
  const fetcher = join(REPO, 'scripts', 'fetch-openssl-sources.sh');
  try {
    const [tree111, tree3] = execFileSync('bash', [fetcher, '1.1.1', '3'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
      .trim().split('\n');
    return { tree111, tree3 };
  } catch {
    throw new Error(`${fetcher} could not provide the OpenSSL sources (its message is above); pass a SOURCES_DIR instead`);
  }
}

/** openssl-1.1.1w/ and the newest openssl-3.0.N/ (by N) under a SOURCES_DIR given by hand. */
function givenTrees(root: string): { tree111: string; tree3: string } {
  const patch = (d: string): number => Number(d.replace('openssl-3.0.', ''));
  const v3 = readdirSync(root).filter((d) => /^openssl-3\.0\.\d+$/.test(d)).sort((a, b) => patch(a) - patch(b)).pop();
  if (!existsSync(join(root, 'openssl-1.1.1w')) || v3 === undefined) throw new Error(`need openssl-1.1.1w and openssl-3.0.x under ${root}`);
  return { tree111: join(root, 'openssl-1.1.1w'), tree3: join(root, v3) };
}

function main(): void {
  const { tree111, tree3 } = process.argv[2] === undefined ? fetchedTrees() : givenTrees(resolve(process.argv[2]));
  const v3 = basename(tree3);
  const t111 = build(tree111, '1.1.1w',
    ['include/openssl/err.h', 'include/openssl/randerr.h', 'include/openssl/evperr.h', 'include/openssl/cryptoerr.h', 'include/openssl/obj_mac.h'],
    ['crypto/err/err.c', 'crypto/rand/rand_err.c', 'crypto/evp/evp_err.c', 'crypto/cpt_err.c']);
  const t3 = build(tree3, v3.replace('openssl-', ''),
    ['include/openssl/err.h.in', 'include/openssl/randerr.h', 'include/openssl/proverr.h', 'include/openssl/evperr.h', 'include/openssl/cryptoerr.h'],
    ['crypto/err/err.c', 'crypto/rand/rand_err.c', 'providers/common/provider_err.c', 'crypto/evp/evp_err.c', 'crypto/cpt_err.c']);
  const dir = join(REPO, 'compat', 'err');
  writeFileSync(join(dir, 'tables-111.json'), `${t111}\n`);
  writeFileSync(join(dir, 'tables-3.json'), `${t3}\n`);
  console.log(`wrote compat/err/tables-111.json (1.1.1w) and compat/err/tables-3.json (${v3})`);
}

main();
