/**
 * Runs EVP_RAND scenarios through randshim's OpenSSL 3 personality (compat/openssl3).
 *
 * `identities` gives, per context id, the 8 bytes OpenSSL passes as additional input when that
 * context's children pull from it (its PROV_DRBG address in the C run): set on the DRBG right
 * after EVP_RAND_CTX_new, they make the chains reproducible bit for bit.
 */
import * as R from '../../../compat/openssl3/index.js';
import type { ScenarioFiles } from '../rand-front-end/files.js';
import { RandshimRandCalls } from '../rand-front-end/run-randshim.js';
import { runScenario } from './run-scenario.js';
import type { ObservedError, Scenario, ScenarioRun } from './scenario.js';

function drain(): ObservedError[] {
  const out: ObservedError[] = [];
  for (let e = R.ERR_get_error(); e !== 0; e = R.ERR_get_error()) {
    const d = R.describeError3(e);
    out.push({ code: e, lib: d?.lib ?? 'unknown', reason: d?.reason ?? 'unknown' });
  }
  return out;
}

function tableOf(table: R.OSSL_PARAM[] | null): string {
  if (table === null) return 'NULL';
  return table.filter((p) => p.key !== null).map((p) => `${p.key}:${p.data_type}:${p.data_size}`).join(',');
}

/** `files`: where RAND_load_file / RAND_write_file calls make their files. */
export function runScenarioRandshim(s: Scenario, identities: ReadonlyMap<string, Uint8Array> = new Map(),
  files?: ScenarioFiles): ScenarioRun {
  R.RANDSHIM_3_reset();
  return runScenario<R.OSSL_LIB_CTX, R.EVP_RAND | null, R.EVP_RAND_CTX | null, R.OSSL_PARAM[] | null, R.OSSL_PARAM[] | null>({
    api: R, nullLibctx: null, nullRand: null, nullCtx: null, randCalls: new RandshimRandCalls(files),
    errors: drain,
    describeTable: tableOf,
    gettable: (ctx) => (R.EVP_RAND_CTX_gettable_params(ctx as R.EVP_RAND_CTX) ?? [])
      .filter((d) => d.key !== null).map((d): [string, number, number] => [d.key as string, d.data_type, d.data_size]),
    // compat/openssl3 takes the array itself and writes into it
    withParams: (params, fn) => fn(params),
    // undefined: observeParam asks OSSL_PARAM_modified of the entry
    getParams: (ctx, params) => ({ ret: R.EVP_RAND_CTX_get_params(ctx as R.EVP_RAND_CTX, params), modified: [] }),
    created: (id, ctx) => {
      const identity = identities.get(id);
      if (identity !== undefined) R.RANDSHIM_EVP_RAND_CTX_set_identity(ctx as R.EVP_RAND_CTX, identity);
    },
  }, s);
}
