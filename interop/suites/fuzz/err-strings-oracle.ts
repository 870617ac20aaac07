/**
 * OpenSSL's own error-string functions (crypto/err/err.c: ERR_error_string_n,
 * ERR_lib_error_string, ERR_func_error_string in 1.1.1, ERR_reason_error_string) bound with
 * koffi from the real libcrypto.so.1.1 and libcrypto.so.3 (RTLD_DEEPBIND, so that their
 * internal calls stay inside them and not in Node's bundled OpenSSL), for comparing every
 * error code's text with randshim's (test/compat/err-strings.spec.ts).
 */
import { existsSync } from 'node:fs';
import koffi from 'koffi';
import { libcrypto111Candidates } from '../../builds/openssl111/load.js';
import { SYSTEM_LIBCRYPTO3 } from '../../builds/openssl3/libcrypto.js';

/** The string functions of one real libcrypto. */
export interface ErrStringOracle {
  readonly path: string;
  ERR_error_string_n(e: number, len: number): string;
  ERR_lib_error_string(e: number): string | null;
  /** 1.1.1 only (3.x returns NULL for every code). */
  ERR_func_error_string(e: number): string | null;
  ERR_reason_error_string(e: number): string | null;
}

/** OPENSSL_INIT_LOAD_CRYPTO_STRINGS (crypto.h): load the tables ERR_*_string read. */
const LOAD_CRYPTO_STRINGS = 0x2;

function bind(path: string): ErrStringOracle {
  const lib = koffi.load(path, { deep: true });
  const init = lib.func('int OPENSSL_init_crypto(uint64_t opts, void *settings)');
  if (init(LOAD_CRYPTO_STRINGS, null) !== 1) throw new Error(`${path}: OPENSSL_init_crypto failed`);
  const stringN = lib.func('void ERR_error_string_n(unsigned long e, _Out_ uint8_t *buf, size_t len)');
  const libString = lib.func('const char *ERR_lib_error_string(unsigned long e)');
  const funcString = lib.func('const char *ERR_func_error_string(unsigned long e)');
  const reasonString = lib.func('const char *ERR_reason_error_string(unsigned long e)');
  return {
    path,
    ERR_error_string_n(e, len) {
      const buf = Buffer.alloc(Math.max(len, 1));
      stringN(e, buf, len);
      const end = buf.indexOf(0);
      return buf.subarray(0, end < 0 ? len : end).toString('latin1');
    },
    ERR_lib_error_string: (e) => libString(e) as string | null,
    ERR_func_error_string: (e) => funcString(e) as string | null,
    ERR_reason_error_string: (e) => reasonString(e) as string | null,
  };
}

/** The real OpenSSL 1.1.1 (system path or the repository's private unpack), or why not. */
export function errStrings111(): ErrStringOracle | string {
  const path = libcrypto111Candidates().find((p) => existsSync(p));
  if (path === undefined) return 'libcrypto.so.1.1 not installed (scripts/install-libssl11.sh)';
  return bind(path);
}

/** The real OpenSSL 3 of the system, or why not. */
export function errStrings3(): ErrStringOracle | string {
  if (!existsSync(SYSTEM_LIBCRYPTO3)) return `${SYSTEM_LIBCRYPTO3} not installed`;
  return bind(SYSTEM_LIBCRYPTO3);
}
