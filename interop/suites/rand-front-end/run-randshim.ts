/**
 * RAND front-end calls (calls.ts) through randshim's compat/openssl3, as a porter's code makes
 * them. The scenario runner has reset the personality (RANDSHIM_3_reset), so every scenario
 * starts without a primary, as a new process would.
 */
import * as R from '../../../compat/openssl3/index.js';
import { addBuffer, withRandEnv, type RandCall } from './calls.js';
import type { ScenarioFiles } from './files.js';
import type { RandCallResult } from './run-libcrypto.js';

export class RandshimRandCalls {
  private readonly last = new Map<string, R.EVP_RAND_CTX>();

  constructor(private readonly files: ScenarioFiles | undefined) {}

  private path(call: { readonly file: Parameters<ScenarioFiles['prepare']>[0] }): { files: ScenarioFiles; path: string } {
    if (this.files === undefined) throw new Error('a RAND file call needs ScenarioFiles');
    return { files: this.files, path: this.files.prepare(call.file) };
  }

  run(call: RandCall): RandCallResult<R.EVP_RAND_CTX> {
    switch (call.fn) {
      case 'get0': {
        const get = { primary: R.RAND_get0_primary, public: R.RAND_get0_public, private: R.RAND_get0_private }[call.which];
        const ctx = get(null);
        const before = this.last.get(call.which);
        if (ctx !== null) this.last.set(call.which, ctx);
        return { ret: ctx === null ? 'NULL' : ctx === before ? 'same context' : 'new context', ctx };
      }
      case 'RAND_bytes':
      case 'RAND_priv_bytes':
      case 'RAND_bytes_ex':
      case 'RAND_priv_bytes_ex': {
        const out = new Uint8Array(Math.max(call.n, 0));
        let ret: number;
        if (call.fn === 'RAND_bytes') ret = R.RAND_bytes(out, call.n);
        else if (call.fn === 'RAND_priv_bytes') ret = R.RAND_priv_bytes(out, call.n);
        else if (call.fn === 'RAND_bytes_ex') ret = R.RAND_bytes_ex(null, out, call.n, call.strength ?? 0);
        else ret = R.RAND_priv_bytes_ex(null, out, call.n, call.strength ?? 0);
        return ret === 1 ? { ret, out: `${call.n} random bytes` } : { ret };
      }
      case 'RAND_add':
        R.RAND_add(addBuffer(call), call.n, call.randomness);
        return {};
      case 'RAND_seed':
        R.RAND_seed(addBuffer(call), call.n);
        return {};
      case 'RAND_status':
        return { ret: R.RAND_status() };
      case 'RAND_poll':
        return { ret: R.RAND_poll() };
      case 'RAND_set_DRBG_type':
        return { ret: R.RAND_set_DRBG_type(null, call.drbg, call.propq, call.cipher, call.digest) };
      case 'RAND_set_seed_source_type':
        return { ret: R.RAND_set_seed_source_type(null, call.seed, call.propq) };
      case 'RAND_load_file':
        return { ret: R.RAND_load_file(this.path(call).path, call.bytes) };
      case 'RAND_write_file': {
        const { files, path } = this.path(call);
        const ret = R.RAND_write_file(path);
        return { ret, out: files.describe(path) };
      }
      case 'RAND_file_name':
        return { ret: withRandEnv(call.randfile, call.home, () => R.RAND_file_name(new Uint8Array(Math.max(call.size, 1)), call.size)) };
      case 'fips_default':
        return { ret: R.EVP_default_properties_enable_fips(null, call.enable ? 1 : 0) };
      default:
        throw new TypeError(`unknown RAND call ${JSON.stringify(call)}`);
    }
  }
}
