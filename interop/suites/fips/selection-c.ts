/**
 * The C side of the selection cases (./selection.ts), run inside a FIPS child: a fresh
 * OSSL_LIB_CTX that loads the default provider, then the configuration (fips + base), then each
 * step as its OpenSSL call.
 */
import { drainErrors3 } from '../../builds/openssl3/error-names.js';
import type { LibCrypto3 } from '../../builds/openssl3/libcrypto.js';
import type { ParamArrays, ParamEntry } from '../../builds/openssl3/param-build.js';
import type { Pointer } from '../../ffi/types.js';
import type { SelectionCase, SelectionResult, SelectionStep } from './selection.js';

export interface SelectionLib {
  readonly c: LibCrypto3;
  readonly params: ParamArrays;
  readonly loadConfig: (ctx: Pointer, file: string) => number;
  readonly setDefaultProperties: (ctx: Pointer, query: string | null) => number;
  readonly isFipsEnabled: (ctx: Pointer) => number;
}

function step(lib: SelectionLib, ctx: Pointer, s: SelectionStep): string {
  const { c, params } = lib;
  switch (s.op) {
    case 'load':
      return c.OSSL_PROVIDER_load(ctx, s.name) === 0n ? '0' : '1';
    case 'available':
      return String(c.OSSL_PROVIDER_available(ctx, s.name));
    case 'fetch': {
      const rand = c.EVP_RAND_fetch(ctx, s.name, s.propq);
      if (rand === 0n) return 'null';
      const name = c.OSSL_PROVIDER_get0_name(c.EVP_RAND_get0_provider(rand)) ?? '?';
      c.EVP_RAND_free(rand);
      return name;
    }
    case 'enable-fips':
      return String(c.EVP_default_properties_enable_fips(ctx, s.enable));
    case 'is-fips-enabled':
      return String(lib.isFipsEnabled(ctx));
    case 'set-defaults':
      return String(lib.setDefaultProperties(ctx, s.query));
    case 'set-algorithm': {
      const rand = c.EVP_RAND_fetch(ctx, s.name, s.propq);
      if (rand === 0n) return 'null';
      const drbg = c.EVP_RAND_CTX_new(rand, 0n);
      c.EVP_RAND_free(rand);
      if (drbg === 0n) return 'no ctx';
      try {
        const entries: ParamEntry[] = [];
        if (s.properties !== undefined) entries.push(['properties', { type: 'utf8', value: s.properties }]);
        entries.push([s.name === 'CTR-DRBG' ? 'cipher' : 'digest', { type: 'utf8', value: s.algorithm }]);
        const p = params.build(entries);
        const ret = c.EVP_RAND_CTX_set_params(drbg, p);
        params.free(p);
        const ind = params.getRandCtxParams(drbg, { 'fips-indicator': 'int' })?.['fips-indicator'];
        return `ret ${ret} ind ${String(ind ?? 'none')}`;
      } finally {
        c.EVP_RAND_CTX_free(drbg);
      }
    }
    default:
      throw new TypeError(`unknown step ${JSON.stringify(s)}`);
  }
}

export function runSelectionC(lib: SelectionLib, fipsCnf: string, selection: SelectionCase): SelectionResult[] {
  const { c } = lib;
  c.ERR_clear_error();
  const ctx = c.OSSL_LIB_CTX_new();
  try {
    if (c.OSSL_PROVIDER_load(ctx, 'default') === 0n) throw new Error('OSSL_PROVIDER_load(default) failed');
    if (lib.loadConfig(ctx, fipsCnf) !== 1) throw new Error(`OSSL_LIB_CTX_load_config(${fipsCnf}) failed`);
    c.ERR_clear_error();
    return selection.steps.map((s) => {
      const value = step(lib, ctx, s);
      return { value, errors: drainErrors3(c) };
    });
  } finally {
    c.OSSL_LIB_CTX_free(ctx);
    c.ERR_clear_error();
  }
}
