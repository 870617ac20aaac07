/**
 * wolfSSL's libwolfssl (bookworm's libwolfssl35, 5.5.x), loaded in process from the private
 * unpack (scripts/install-mbedtls-wolfssl.sh), with its one deterministic DRBG entry point:
 * wc_RNG_HealthTest_ex (Hash_DRBG SHA-256 from a given seed, nonce and reseed seed). Its other
 * RNG functions (wc_InitRngNonce_ex, wc_RNG_GenerateBlock) seed from the OS through
 * wc_GenerateSeed, and this build exports no wc_SetSeed_Cb to replace it, so they cannot be
 * compared byte for byte.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { koffi } from '../../ffi/engines.js';
import type { NativeFunction } from '../../ffi/types.js';
import { repoRoot } from '../openssl111/load.js';
import type { HealthTestInput, HealthTestResult } from '../../../provider/conventions/wolfssl-hash.js';

const LIBRARY_FILE = '.cache/wolfssl/usr/lib/x86_64-linux-gnu/libwolfssl.so.35';

/** INVALID_DEVID (wolfssl/wolfcrypt/types.h): software implementation. */
const INVALID_DEVID = -2;

export interface WolfsslBuild {
  readonly path: string;
  /** wolfSSL_lib_version(), from the library itself ("5.5.4"). */
  readonly version: string;
  readonly debianPackage: string | null;
  /** wc_RNG_HealthTest_ex(reseed, nonce, nonceSz, seedA, seedASz, seedB, seedBSz, output,
   * outputSz, heap, devId). */
  healthTest(input: HealthTestInput): HealthTestResult;
}

export type WolfsslLoad = { readonly ok: true; readonly build: WolfsslBuild } | { readonly ok: false; readonly reason: string };

let loaded: WolfsslLoad | undefined;

export function loadWolfssl(): WolfsslLoad {
  if (loaded !== undefined) return loaded;
  const path = join(repoRoot(), LIBRARY_FILE);
  if (!existsSync(path)) {
    loaded = { ok: false, reason: `${LIBRARY_FILE} missing (run bash scripts/install-mbedtls-wolfssl.sh)` };
    return loaded;
  }
  try {
    const lib = koffi().load(path, { deep: true });
    for (const name of ['wolfSSL_lib_version', 'wc_RNG_HealthTest_ex']) {
      if (lib.symbol(name) === 0n) throw new Error(`symbol ${name} missing`);
    }
    const libVersion: NativeFunction<'cstr', []> = lib.func('wolfSSL_lib_version', 'cstr', []);
    const healthTestEx = lib.func('wc_RNG_HealthTest_ex', 'int',
      ['int', 'bytes', 'uint', 'bytes', 'uint', 'bytes', 'uint', 'bytes', 'uint', 'ptr', 'int']);
    const note = join(repoRoot(), '.cache/wolfssl/PACKAGE');
    const build: WolfsslBuild = {
      path,
      version: libVersion() ?? '(null)',
      debianPackage: existsSync(note) ? readFileSync(note, 'utf8').trim() : null,
      healthTest(input: HealthTestInput): HealthTestResult {
        const output = new Uint8Array(input.outputSize);
        const ret = healthTestEx(input.reseed ? 1 : 0, input.nonce, input.nonce?.length ?? 0,
          input.seedA, input.seedA?.length ?? 0, input.seedB, input.seedB?.length ?? 0,
          output, output.length, 0n, INVALID_DEVID);
        return { ret, output };
      },
    };
    loaded = { ok: true, build };
  } catch (e) {
    loaded = { ok: false, reason: `${LIBRARY_FILE}: ${(e as Error).message}` };
  }
  return loaded;
}
