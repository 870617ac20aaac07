/**
 * The OpenSSL lines whose tests are inventoried and ported, and where
 * scripts/fetch-openssl-tests.sh puts their source packages: <repo>/.cache/openssl-src/<line>/
 * (`source/` the upstream tarball, `libssl-dev/`, `.complete` holding the Debian version).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type OpensslLine = '1.1.1w' | '3.0';
export const OPENSSL_LINES: readonly OpensslLine[] = ['1.1.1w', '3.0'];

/** <repo>/ (this file runs as dist/scripts/openssl-tests/lines.js). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function lineDir(line: OpensslLine): string {
  return join(REPO_ROOT, '.cache', 'openssl-src', line);
}

export function sourceDir(line: OpensslLine): string {
  return join(lineDir(line), 'source');
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
  return readFileSync(join(sourceDir(line), relative), 'utf8');
}

/** <repo>/.cache/openssl-tests-build/<line>/<name>: an original built by
 * scripts/build-openssl-tests.sh. */
export function originalBinary(line: OpensslLine, name: string): string {
  return join(REPO_ROOT, '.cache', 'openssl-tests-build', line, name);
}
