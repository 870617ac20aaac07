/**
 * Runs EVP_RAND scenarios on a real OpenSSL 3 libcrypto through interop/ffi, call for call as
 * run-randshim.ts does. Also returns, per DRBG context, the address OpenSSL's DRBG passes as
 * additional input to its children: ossl_drbg_get_seed sends `&drbg`, the PROV_DRBG pointer,
 * which is the EVP_RAND_CTX's `algctx` (struct evp_rand_ctx_st { EVP_RAND *meth; void *algctx;
 * ... }, crypto/evp/evp_local.h), read at offset 8 of the context.
 */
import type { OSSL_PARAM } from '../../../provider/openssl3/core/ossl-param.js';
import { CParamArray, readParamTable, type LibCrypto3, type Pointer } from '../../builds/openssl3/index.js';
import { describeError3 } from '../../builds/openssl3/error-names.js';
import type { ScenarioFiles } from '../rand-front-end/files.js';
import { LibcryptoRandCalls } from '../rand-front-end/run-libcrypto.js';
import { runScenario } from './run-scenario.js';
import type { ObservedError, Scenario, ScenarioRun } from './scenario.js';

/** Offset of `algctx` in struct evp_rand_ctx_st (LP64). */
const ALGCTX_OFFSET = 8n;

export interface LibcryptoRun extends ScenarioRun {
  /** Context id to the 8 bytes of its algctx pointer (little-endian). */
  readonly identities: ReadonlyMap<string, Uint8Array>;
}

/** `files`: where RAND_load_file / RAND_write_file calls make their files. */
export function runScenarioLibcrypto(c: LibCrypto3, s: Scenario, files?: ScenarioFiles): LibcryptoRun {
  const identities = new Map<string, Uint8Array>();
  /** Calls `fn` on a C copy of `params`, then copies back what C wrote. */
  const withParams = <T>(params: OSSL_PARAM[] | null, fn: (address: Pointer) => T): T => {
    if (params === null) return fn(0n);
    const arr = new CParamArray(c.engine, params);
    try {
      return fn(arr.address);
    } finally {
      arr.syncBack();
      arr.free();
    }
  };
  const run = runScenario({
    api: c, nullLibctx: 0n, nullRand: 0n, nullCtx: 0n, randCalls: new LibcryptoRandCalls(c, files),
    errors: (): ObservedError[] => {
      const out: ObservedError[] = [];
      for (let e = c.ERR_get_error(); e !== 0; e = c.ERR_get_error()) {
        const d = describeError3(e);
        out.push({ code: e, lib: d.lib, reason: d.reason });
      }
      return out;
    },
    describeTable: (address) => (address === 0n ? 'NULL'
      : readParamTable(c.engine, address).map(([k, t, n]) => `${k}:${t}:${n}`).join(',')),
    gettable: (ctx) => readParamTable(c.engine, c.EVP_RAND_CTX_gettable_params(ctx)),
    withParams,
    getParams: (ctx, params) => {
      const arr = new CParamArray(c.engine, params);
      const ret = c.EVP_RAND_CTX_get_params(ctx, arr.address);
      const modified = params.map((_, i) => c.OSSL_PARAM_modified(arr.entry(i)));
      arr.syncBack();
      arr.free();
      return { ret, modified };
    },
    created: (id, ctx) => identities.set(id, c.engine.readBytes(ctx + ALGCTX_OFFSET, 8)),
  }, s);
  return { ...run, identities };
}
