/**
 * What a library file is, found by loading it: dlopen(3) with RTLD_NOW | RTLD_DEEPBIND and
 * OpenSSL_version_num() / OpenSSL_version(OPENSSL_VERSION) (OPENSSL_VERSION_NUMBER(3): 0xMNN00PP0L
 * from 3.0 on, 0xMNNFFPPSL before). Only OpenSSL 1.1.0 and later have these two functions; a
 * file without them is not a libcrypto this tool can compare with.
 */
import { existsSync, statSync } from 'node:fs';
import { getEngine } from '../../interop/ffi/engines.js';

/** Which of randshim's differential flavours a library speaks. */
export type Family = '1.1.1' | '3.x' | '4.x';

export type Detection =
  | { readonly ok: true; readonly family: Family; readonly version: string; readonly versionNumber: number }
  | { readonly ok: false; readonly reason: string };

/** The family of an OPENSSL_VERSION_NUMBER, or why it has none. */
export function familyOf(versionNumber: number, version: string): { family: Family } | { reason: string } {
  const major = Math.floor(versionNumber / 0x10000000);
  if (major === 1) {
    // 1.1.1 only: 1.1.0 has no RAND_DRBG API (include/openssl/rand_drbg.h came with 1.1.1)
    return Math.floor(versionNumber / 0x1000) === 0x10101 ? { family: '1.1.1' } : { reason: `${version} is not 1.1.1, 3.x or 4.x` };
  }
  if (major === 3) return { family: '3.x' };
  if (major === 4) return { family: '4.x' };
  return { reason: `${version} (0x${versionNumber.toString(16)}) is not 1.1.1, 3.x or 4.x` };
}

/** Loads `path` in this process and reads its version. Never throws. */
export function detectLibrary(path: string): Detection {
  if (!existsSync(path)) return { ok: false, reason: `${path}: no such file` };
  if (!statSync(path).isFile()) return { ok: false, reason: `${path}: not a file` };
  let versionNumber: number;
  let version: string;
  try {
    const lib = getEngine('koffi').load(path, { deep: true });
    const num = lib.func('OpenSSL_version_num', 'ulong', []);
    const text = lib.func('OpenSSL_version', 'cstr', ['int']);
    versionNumber = Number(num());
    version = text(0) ?? '(no version string)';
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    // a library built against a newer C library than this process's: dlopen names the symbol version
    const hint = /GLIBC_[0-9.]+' not found/.test(why) ? ' (run it in a child under its own loader: --loader LD_SO)' : '';
    return { ok: false, reason: `${path} is not a libcrypto this process can load: ${why}${hint}` };
  }
  const found = familyOf(versionNumber, version);
  return 'reason' in found ? { ok: false, reason: `${path}: ${found.reason}` } : { ok: true, family: found.family, version, versionNumber };
}
