/**
 * Mbed TLS's libmbedcrypto, loaded in process from the private unpack of Debian's packages
 * (scripts/install-mbedtls-wolfssl.sh): bookworm's libmbedcrypto7 (2.28.x) and trixie's
 * libmbedcrypto16 (3.6.x). Both need no more than GLIBC_2.25, so both load into this Node
 * under the system's loader, side by side: RTLD_DEEPBIND keeps each library's internal calls
 * (mbedtls_aes_*, mbedtls_md_*) inside its own file, since the two export the same names.
 *
 * Only the CTR_DRBG and HMAC_DRBG entry points the peers campaigns drive are declared; each is
 * checked with dlsym first, so a build without one says which symbol it lacks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { koffi } from '../../ffi/engines.js';
import type { KoffiEngine } from '../../ffi/koffi-engine.js';
import type { ArgType, NativeFunction, NativeLibrary, RetType } from '../../ffi/types.js';
import { repoRoot } from '../openssl111/load.js';

export type MbedtlsLine = '2.28' | '3.6';

export const MBEDTLS_LINES: readonly MbedtlsLine[] = ['2.28', '3.6'];

const LIBRARY_FILE: Record<MbedtlsLine, string> = {
  '2.28': '.cache/mbedtls-2.28/usr/lib/x86_64-linux-gnu/libmbedcrypto.so.7',
  '3.6': '.cache/mbedtls-3.6/usr/lib/x86_64-linux-gnu/libmbedcrypto.so.16',
};

type Fn<R extends RetType, A extends readonly ArgType[]> = NativeFunction<R, A>;

/** The functions of mbedtls/ctr_drbg.h, hmac_drbg.h, md.h and version.h used here. Contexts
 * and md_info are opaque pointers; byte buffers cross zero-copy. */
export interface MbedCrypto {
  readonly version_get_string_full: Fn<'void', ['bytes']>;
  readonly ctr_drbg_init: Fn<'void', ['ptr']>;
  readonly ctr_drbg_free: Fn<'void', ['ptr']>;
  readonly ctr_drbg_set_entropy_len: Fn<'void', ['ptr', 'size_t']>;
  readonly ctr_drbg_set_nonce_len: Fn<'int', ['ptr', 'size_t']>;
  readonly ctr_drbg_set_prediction_resistance: Fn<'void', ['ptr', 'int']>;
  readonly ctr_drbg_set_reseed_interval: Fn<'void', ['ptr', 'int']>;
  readonly ctr_drbg_seed: Fn<'int', ['ptr', 'ptr', 'ptr', 'bytes', 'size_t']>;
  readonly ctr_drbg_reseed: Fn<'int', ['ptr', 'bytes', 'size_t']>;
  /** 3.6's `int mbedtls_ctr_drbg_update`, 2.28's `mbedtls_ctr_drbg_update_ret`. */
  readonly ctr_drbg_update: Fn<'int', ['ptr', 'bytes', 'size_t']>;
  /** 2.28's deprecated `void mbedtls_ctr_drbg_update` (null on 3.6, which removed it). */
  readonly ctr_drbg_update_void: Fn<'void', ['ptr', 'bytes', 'size_t']> | null;
  readonly ctr_drbg_random_with_add: Fn<'int', ['ptr', 'bytes', 'size_t', 'bytes', 'size_t']>;
  readonly hmac_drbg_init: Fn<'void', ['ptr']>;
  readonly hmac_drbg_free: Fn<'void', ['ptr']>;
  readonly hmac_drbg_set_entropy_len: Fn<'void', ['ptr', 'size_t']>;
  readonly hmac_drbg_set_prediction_resistance: Fn<'void', ['ptr', 'int']>;
  readonly hmac_drbg_set_reseed_interval: Fn<'void', ['ptr', 'int']>;
  readonly hmac_drbg_seed: Fn<'int', ['ptr', 'ptr', 'ptr', 'ptr', 'bytes', 'size_t']>;
  readonly hmac_drbg_seed_buf: Fn<'int', ['ptr', 'ptr', 'bytes', 'size_t']>;
  readonly hmac_drbg_reseed: Fn<'int', ['ptr', 'bytes', 'size_t']>;
  /** 3.6's `int mbedtls_hmac_drbg_update`, 2.28's `mbedtls_hmac_drbg_update_ret`. */
  readonly hmac_drbg_update: Fn<'int', ['ptr', 'bytes', 'size_t']>;
  readonly hmac_drbg_random_with_add: Fn<'int', ['ptr', 'bytes', 'size_t', 'bytes', 'size_t']>;
  readonly md_info_from_string: Fn<'ptr', ['cstr']>;
}

export interface MbedtlsBuild {
  readonly line: MbedtlsLine;
  /** The file dlopen'ed. */
  readonly path: string;
  /** mbedtls_version_get_string_full(), from the library itself ("Mbed TLS 3.6.6"). */
  readonly version: string;
  /** The Debian package it was unpacked from (the installer's PACKAGE note). */
  readonly debianPackage: string | null;
  readonly lib: MbedCrypto;
  readonly engine: KoffiEngine;
}

export type MbedtlsLoad = { readonly ok: true; readonly build: MbedtlsBuild } | { readonly ok: false; readonly reason: string };

const loaded = new Map<MbedtlsLine, MbedtlsLoad>();

function bind(lib: NativeLibrary, line: MbedtlsLine): MbedCrypto {
  const has = (name: string): boolean => lib.symbol(name) !== 0n;
  const need = (name: string): string => {
    if (!has(name)) throw new Error(`symbol ${name} missing`);
    return name;
  };
  const updateName = line === '2.28' ? 'mbedtls_ctr_drbg_update_ret' : 'mbedtls_ctr_drbg_update';
  const hmacUpdateName = line === '2.28' ? 'mbedtls_hmac_drbg_update_ret' : 'mbedtls_hmac_drbg_update';
  const f = <R extends RetType, const A extends readonly ArgType[]>(name: string, ret: R, args: A): NativeFunction<R, A> =>
    lib.func(need(`mbedtls_${name}`), ret, args);
  return {
    version_get_string_full: f('version_get_string_full', 'void', ['bytes']),
    ctr_drbg_init: f('ctr_drbg_init', 'void', ['ptr']),
    ctr_drbg_free: f('ctr_drbg_free', 'void', ['ptr']),
    ctr_drbg_set_entropy_len: f('ctr_drbg_set_entropy_len', 'void', ['ptr', 'size_t']),
    ctr_drbg_set_nonce_len: f('ctr_drbg_set_nonce_len', 'int', ['ptr', 'size_t']),
    ctr_drbg_set_prediction_resistance: f('ctr_drbg_set_prediction_resistance', 'void', ['ptr', 'int']),
    ctr_drbg_set_reseed_interval: f('ctr_drbg_set_reseed_interval', 'void', ['ptr', 'int']),
    ctr_drbg_seed: f('ctr_drbg_seed', 'int', ['ptr', 'ptr', 'ptr', 'bytes', 'size_t']),
    ctr_drbg_reseed: f('ctr_drbg_reseed', 'int', ['ptr', 'bytes', 'size_t']),
    ctr_drbg_update: lib.func(need(updateName), 'int', ['ptr', 'bytes', 'size_t']),
    ctr_drbg_update_void: line === '2.28' ? f('ctr_drbg_update', 'void', ['ptr', 'bytes', 'size_t']) : null,
    ctr_drbg_random_with_add: f('ctr_drbg_random_with_add', 'int', ['ptr', 'bytes', 'size_t', 'bytes', 'size_t']),
    hmac_drbg_init: f('hmac_drbg_init', 'void', ['ptr']),
    hmac_drbg_free: f('hmac_drbg_free', 'void', ['ptr']),
    hmac_drbg_set_entropy_len: f('hmac_drbg_set_entropy_len', 'void', ['ptr', 'size_t']),
    hmac_drbg_set_prediction_resistance: f('hmac_drbg_set_prediction_resistance', 'void', ['ptr', 'int']),
    hmac_drbg_set_reseed_interval: f('hmac_drbg_set_reseed_interval', 'void', ['ptr', 'int']),
    hmac_drbg_seed: f('hmac_drbg_seed', 'int', ['ptr', 'ptr', 'ptr', 'ptr', 'bytes', 'size_t']),
    hmac_drbg_seed_buf: f('hmac_drbg_seed_buf', 'int', ['ptr', 'ptr', 'bytes', 'size_t']),
    hmac_drbg_reseed: f('hmac_drbg_reseed', 'int', ['ptr', 'bytes', 'size_t']),
    hmac_drbg_update: lib.func(need(hmacUpdateName), 'int', ['ptr', 'bytes', 'size_t']),
    hmac_drbg_random_with_add: f('hmac_drbg_random_with_add', 'int', ['ptr', 'bytes', 'size_t', 'bytes', 'size_t']),
    md_info_from_string: f('md_info_from_string', 'ptr', ['cstr']),
  };
}

/** The library of `line`, loaded once per process, or why it cannot be. Never throws. */
export function loadMbedtls(line: MbedtlsLine): MbedtlsLoad {
  const known = loaded.get(line);
  if (known !== undefined) return known;
  let result: MbedtlsLoad;
  const path = join(repoRoot(), LIBRARY_FILE[line]);
  if (!existsSync(path)) {
    result = { ok: false, reason: `${LIBRARY_FILE[line]} missing (run bash scripts/install-mbedtls-wolfssl.sh)` };
  } else {
    try {
      const engine = koffi();
      const lib = bind(engine.load(path, { deep: true }), line);
      const buf = new Uint8Array(64);
      lib.version_get_string_full(buf);
      const version = new TextDecoder().decode(buf.subarray(0, buf.indexOf(0)));
      const note = join(path, '../../../../PACKAGE');
      const debianPackage = existsSync(note) ? readFileSync(note, 'utf8').trim() : null;
      result = { ok: true, build: { line, path, version, debianPackage, lib, engine } };
    } catch (e) {
      result = { ok: false, reason: `${LIBRARY_FILE[line]}: ${(e as Error).message}` };
    }
  }
  loaded.set(line, result);
  return result;
}
