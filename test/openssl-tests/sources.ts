/**
 * Where OpenSSL's own test sources are: scripts/fetch-openssl-tests.sh unpacks Debian's source
 * packages into <repo>/.cache/openssl-src/<line>/source (and libssl-dev into .../libssl-dev).
 * The ported tests read OpenSSL's data (drbgtest.h's NIST KAT arrays, drbg_cavs_data.c) from
 * there instead of copying it into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The OpenSSL lines whose tests are ported, by their folder under .cache/openssl-src. */
export type OpensslLine = '1.1.1w' | '3.0';

/** <repo>/ (this file runs as dist/test/openssl-tests/sources.js). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** <repo>/.cache/openssl-src/<line>: `source/` (the upstream tarball), `libssl-dev/`, and
 * `.complete` holding the Debian version. */
export function lineDir(line: OpensslLine): string {
  return join(REPO_ROOT, '.cache', 'openssl-src', line);
}

/** True when scripts/fetch-openssl-tests.sh has unpacked `line`. */
export function haveSources(line: OpensslLine): boolean {
  return existsSync(join(lineDir(line), '.complete'));
}

/** The Debian version of the fetched source package, e.g. "1.1.1w-0+deb11u1". */
export function debianVersion(line: OpensslLine): string {
  return readFileSync(join(lineDir(line), '.complete'), 'utf8').trim();
}

/** The text of `relative` (e.g. "test/drbgtest.h") in the fetched source tree of `line`;
 * throws, naming the script to run, when the sources are not there. */
export function readSource(line: OpensslLine, relative: string): string {
  if (!haveSources(line)) {
    throw new Error(`OpenSSL ${line} sources missing: run bash scripts/fetch-openssl-tests.sh`);
  }
  return readFileSync(join(lineDir(line), 'source', relative), 'utf8');
}

/** C source without its comments (strings in these files hold no comment markers). */
export function stripCComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
}

/** Every `[static] [const] unsigned char NAME[] = { 0x.., ... };` of a C file, by name. */
export function readCByteArrays(text: string): Map<string, Uint8Array> {
  const arrays = new Map<string, Uint8Array>();
  const decl = /(?:static\s+)?(?:const\s+)?unsigned\s+char\s+(\w+)\s*\[\s*\]\s*=\s*\{([^}]*)\}/g;
  for (const m of stripCComments(text).matchAll(decl)) {
    const body = m[2] ?? '';
    const bytes = body.split(',').map((t) => t.trim()).filter((t) => t !== '').map((t) => Number(t));
    if (bytes.some((b) => !Number.isInteger(b) || b < 0 || b > 255)) {
      throw new Error(`${m[1]}: not a byte array`);
    }
    arrays.set(m[1] ?? '', Uint8Array.from(bytes));
  }
  return arrays;
}
