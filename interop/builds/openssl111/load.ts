/**
 * Finding and loading an OpenSSL 1.1.1 libcrypto with koffi.
 *
 * - A shared libcrypto.so.1.1 is loaded with RTLD_DEEPBIND (`{ deep: true }`): Node 20 exports
 *   its own bundled OpenSSL 3 symbols, and without DEEPBIND the library's internal references
 *   would bind to Node's copies (dlopen(3), RTLD_DEEPBIND; `nm -D $(which node)` lists them).
 * - Inside the Node 16 binary, OpenSSL 1.1.1v is linked into the executable itself: the main
 *   program handle, `koffi.load(null)`.
 *
 * Both return a bound table only when the library really is 1.1.1 (OpenSSL_version_num
 * 0x1010100f..0x101010ff range, major.minor.fix 1.1.1).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import koffi from 'koffi';
import { bindLibcrypto111, type Libcrypto111 } from './libcrypto.js';

/** Where scripts/install-libssl11.sh unpacks the library when not root. */
export const PRIVATE_LIBCRYPTO111 = '.cache/libssl1.1/usr/lib/x86_64-linux-gnu/libcrypto.so.1.1';

/** Debian/Ubuntu multiarch first (what `dpkg -i libssl1.1` gives), then other usual places. */
export const SYSTEM_LIBCRYPTO111 = [
  '/usr/lib/x86_64-linux-gnu/libcrypto.so.1.1',
  '/lib/x86_64-linux-gnu/libcrypto.so.1.1',
  '/usr/lib64/libcrypto.so.1.1',
  '/usr/lib/libcrypto.so.1.1',
] as const;

export type Loaded111 =
  | { readonly ok: true; readonly lib: Libcrypto111; readonly path: string }
  | { readonly ok: false; readonly reason: string };

/** The repository root: the nearest ancestor of this module with randshim's package.json. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'randshim') return dir;
      } catch {
        // not ours, keep climbing
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('randshim package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

/** Candidate paths in order: $RANDSHIM_LIBCRYPTO111 alone when set, else the system paths and
 * the repository's private unpack. */
export function libcrypto111Candidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const forced = env.RANDSHIM_LIBCRYPTO111;
  if (forced !== undefined && forced !== '') return [forced];
  return [...SYSTEM_LIBCRYPTO111, join(repoRoot(), PRIVATE_LIBCRYPTO111)];
}

/** Checks that a bound table is an OpenSSL 1.1.1 (any letter). */
function check111(lib: Libcrypto111, where: string): string | null {
  const num = Number(lib.OpenSSL_version_num());
  // 0xMNNFFPPS: major 1, minor 01, fix 01
  if (Math.floor(num / 0x1000) !== 0x10101) {
    return `${where} is OpenSSL ${lib.OpenSSL_version(0)} (0x${num.toString(16)}), not 1.1.1`;
  }
  return null;
}

/** Loads the first existing candidate with RTLD_DEEPBIND. Never throws. */
export function loadSharedLibcrypto111(candidates: readonly string[] = libcrypto111Candidates()): Loaded111 {
  const path = candidates.find((p) => existsSync(p));
  if (path === undefined) {
    return {
      ok: false,
      reason: `libcrypto.so.1.1 not installed (looked in ${candidates.join(', ')}; ` +
        'run scripts/install-libssl11.sh)',
    };
  }
  try {
    const lib = bindLibcrypto111(koffi.load(path, { deep: true }));
    const wrong = check111(lib, path);
    return wrong === null ? { ok: true, lib, path } : { ok: false, reason: wrong };
  } catch (e) {
    return { ok: false, reason: `cannot load ${path}: ${(e as Error).message}` };
  }
}

/** Binds the OpenSSL linked into the running executable (Node 16's 1.1.1v). Never throws. */
export function loadProcessLibcrypto111(): Loaded111 {
  try {
    const lib = bindLibcrypto111(koffi.load(null));
    const wrong = check111(lib, process.execPath);
    return wrong === null ? { ok: true, lib, path: process.execPath } : { ok: false, reason: wrong };
  } catch (e) {
    return { ok: false, reason: `cannot bind OpenSSL 1.1.1 in ${process.execPath}: ${(e as Error).message}` };
  }
}
