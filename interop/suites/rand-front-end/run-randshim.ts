/**
 * RAND front-end calls (calls.ts) through randshim's compat/openssl3, as a porter's code makes
 * them. The scenario runner has reset the personality (RANDSHIM_3_reset), so every scenario
 * starts without a primary, as a new process would.
 */
import * as R from '../../../compat/openssl3/index.js';
import type { ScenarioFiles } from './files.js';
import { RandCalls } from './run-calls.js';

/** The calls on compat/openssl3 itself, NULL being null. */
export class RandshimRandCalls extends RandCalls<R.OSSL_LIB_CTX, R.EVP_RAND_CTX | null, number> {
  constructor(files: ScenarioFiles | undefined) {
    super({ api: R, nullLibctx: null, nullCtx: null, long: (n) => n }, files);
  }
}
