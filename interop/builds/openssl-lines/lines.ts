/**
 * The live OpenSSL lines randshim compares against in child processes: Debian trixie's 3.5 LTS,
 * sid's 3.6 and experimental's 4.0, unpacked with their own C library by
 * scripts/install-openssl-lines.sh into <repo>/.cache/openssl-lines/<line>/. Where each file of a
 * line lives, and what the installer recorded about it (line.json).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../openssl111/load.js';

export type LineId = '3.5' | '3.6' | '4.0';

export const LINE_IDS: readonly LineId[] = ['3.5', '3.6', '4.0'];

/** The build's name in reports: system-3.5, system-3.6, system-4.0. */
export const buildName = (line: LineId): string => `system-${line}`;

const ARCH_DIR = 'usr/lib/x86_64-linux-gnu';

/** What the installer wrote to <line>/line.json. */
export interface LineManifest {
  readonly line: LineId | '3.0';
  /** Debian suite of the OpenSSL packages (trixie, sid, experimental) and of libc6. */
  readonly suite: string;
  readonly libcSuite: string;
  /** `openssl version`'s number and whole line, as the unpacked binary printed them. */
  readonly version: string;
  readonly versionLine: string;
  /** package=version for every .deb unpacked. */
  readonly packages: readonly string[];
  readonly mirror: string;
}

/** The files of one installed line. */
export interface LinePaths {
  readonly line: LineId | '3.0';
  readonly dir: string;
  readonly root: string;
  /** libcrypto.so.3 (3.5, 3.6) or libcrypto.so.4 (4.0). */
  readonly libcrypto: string;
  /** The line's own ld-linux: the machine's glibc is older than these packages need. */
  readonly loader: string;
  /** --library-path: the line's libraries first, then the machine's (Node's libstdc++). */
  readonly libraryPath: string;
  readonly modules: string;
  readonly openssl: string;
  /** OPENSSL_CONF for the child: an empty file, so the machine's 3.0 openssl.cnf stays away. */
  readonly emptyConfig: string;
  /** A config that loads this line's FIPS provider and base (OSSL_LIB_CTX_load_config). */
  readonly fipsConfig: string;
  readonly manifest: string;
}

export function linesCache(): string {
  return join(repoRoot(), '.cache', 'openssl-lines');
}

export function linePaths(line: LineId, cache = linesCache()): LinePaths {
  const dir = join(cache, line);
  const root = join(dir, 'root');
  const lib = join(root, ARCH_DIR);
  return {
    line, dir, root,
    libcrypto: join(lib, line === '4.0' ? 'libcrypto.so.4' : 'libcrypto.so.3'),
    loader: join(lib, 'ld-linux-x86-64.so.2'),
    libraryPath: `${lib}:/${ARCH_DIR}`,
    modules: join(lib, 'ossl-modules'),
    openssl: join(root, 'usr/bin/openssl'),
    emptyConfig: join(dir, 'empty.cnf'),
    fipsConfig: join(dir, 'fips.cnf'),
    manifest: join(dir, 'line.json'),
  };
}

/** The installed line's manifest, or why it is not usable. */
export function readLine(line: LineId, cache = linesCache()): { paths: LinePaths; manifest: LineManifest } | { reason: string } {
  const paths = linePaths(line, cache);
  for (const f of [paths.manifest, paths.libcrypto, paths.loader, paths.emptyConfig]) {
    if (!existsSync(f)) return { reason: `not installed (${f} missing): run bash scripts/install-openssl-lines.sh ${line}` };
  }
  const manifest = JSON.parse(readFileSync(paths.manifest, 'utf8')) as LineManifest;
  if (manifest.line !== line) return { reason: `${paths.manifest} describes line ${manifest.line}` };
  return { paths, manifest };
}
