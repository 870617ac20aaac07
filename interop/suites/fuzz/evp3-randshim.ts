/** The {@link Evp3Op} language on randshim's compat/openssl3, as a porter calls it. */
import * as R from '../../../compat/openssl3/index.js';
import { fromHex, toHex } from '../../../provider/bytes.js';
import { drainErrors3 } from '../../builds/openssl3/error-names.js';
import { PARENT_ENTROPY, PARENT_NONCE, PREFILL, setupEntries, type Evp3Op, type Evp3Result, type Evp3Runner } from './evp3-ops.js';

const end = R.OSSL_PARAM_construct_end;

function param(key: string, v: string | number, unsigned = false): R.OSSL_PARAM {
  if (typeof v === 'string') return R.OSSL_PARAM_construct_utf8_string(key, v, 0);
  return unsigned ? R.OSSL_PARAM_construct_uint(key, { value: v }) : R.OSSL_PARAM_construct_int(key, { value: v });
}

export class RandshimEvp3 implements Evp3Runner {
  private readonly ctxs: R.EVP_RAND_CTX[] = [];
  private readonly live: boolean[] = [];
  private readonly rands = new Map<string, R.EVP_RAND>();

  constructor() {
    R.ERR_clear_error();
    const parent = R.EVP_RAND_CTX_new(this.rand('TEST-RAND'), null);
    const ok = parent !== null && R.EVP_RAND_instantiate(parent, 0, 0, null, 0, [
      R.OSSL_PARAM_construct_uint('strength', { value: 256 }),
      R.OSSL_PARAM_construct_octet_string('test_entropy', PARENT_ENTROPY, PARENT_ENTROPY.length),
      R.OSSL_PARAM_construct_octet_string('test_nonce', PARENT_NONCE, PARENT_NONCE.length), end()]);
    if (parent === null || ok !== 1) throw new Error(`TEST-RAND parent: ${JSON.stringify(drainErrors3(R))}`);
    this.ctxs.push(parent);
    this.live.push(true);
  }

  private rand(name: string): R.EVP_RAND | null {
    let r = this.rands.get(name);
    if (r === undefined) {
      const fetched = R.EVP_RAND_fetch(null, name, null);
      if (fetched === null) return null;
      this.rands.set(name, r = fetched);
    }
    return r;
  }

  /** The context numbered `i`: after its free, the dangling handle itself (randshim refuses it). */
  ctx(i: number): R.EVP_RAND_CTX {
    const c = this.ctxs[i];
    if (c === undefined) throw new Error(`no context ${i}`);
    return c;
  }

  run(op: Evp3Op, pinned?: Evp3Result): Evp3Result {
    const done = (r: Omit<Evp3Result, 'errors'>): Evp3Result => ({ ...r, errors: drainErrors3(R) });
    switch (op.op) {
      case 'new': {
        const ctx = R.EVP_RAND_CTX_new(this.rand(op.setup.mech), this.ctx(op.parent ?? 0));
        if (ctx === null) return done({ ret: 0 });
        const ok = R.EVP_RAND_CTX_set_params(ctx, [...setupEntries(op.setup).map(([k, v]) => param(k, v)), end()]);
        this.ctxs.push(ctx);
        this.live.push(true);
        if (pinned?.identity === undefined) return done({ ret: ok });
        R.RANDSHIM_EVP_RAND_CTX_set_identity(ctx, fromHex(pinned.identity));
        return done({ ret: ok, identity: pinned.identity });
      }
      case 'instantiate': {
        const pers = op.pers === null ? null : fromHex(op.pers);
        const ret = R.EVP_RAND_instantiate(this.ctx(op.ctx), op.strength, op.pr, pers, pers?.length ?? 0, null);
        return done({ ret, state: R.EVP_RAND_get_state(this.ctx(op.ctx)) });
      }
      case 'generate': {
        const out = new Uint8Array(op.outlen).fill(PREFILL);
        const adin = op.adin === null ? null : fromHex(op.adin);
        const ret = R.EVP_RAND_generate(this.ctx(op.ctx), out, op.outlen, op.strength, op.pr, adin, adin?.length ?? op.adinlen ?? 0);
        return done({ ret, out: toHex(out), state: R.EVP_RAND_get_state(this.ctx(op.ctx)) });
      }
      case 'reseed': {
        const adin = op.adin === null ? null : fromHex(op.adin);
        const ret = R.EVP_RAND_reseed(this.ctx(op.ctx), op.pr, null, 0, adin, adin?.length ?? op.adinlen ?? 0);
        return done({ ret, state: R.EVP_RAND_get_state(this.ctx(op.ctx)) });
      }
      case 'uninstantiate':
        return done({ ret: R.EVP_RAND_uninstantiate(this.ctx(op.ctx)), state: R.EVP_RAND_get_state(this.ctx(op.ctx)) });
      case 'state':
        return done({ ret: R.EVP_RAND_get_state(this.ctx(op.ctx)) });
      case 'strength':
        return done({ ret: R.EVP_RAND_get_strength(this.ctx(op.ctx)) });
      case 'free':
        R.EVP_RAND_CTX_free(this.ctx(op.ctx));
        this.live[op.ctx] = false;
        return done({});
      case 'set': {
        const unsigned = op.key === 'reseed_requests' || op.key === 'reseed_time_interval';
        const ret = R.EVP_RAND_CTX_set_params(this.ctx(op.ctx), [param(op.key, op.value, unsigned), end()]);
        return done({ ret, state: R.EVP_RAND_get_state(this.ctx(op.ctx)) });
      }
      default:
        throw new Error(`unknown op ${JSON.stringify(op)}`);
    }
  }

  close(): void {
    for (let i = this.ctxs.length - 1; i >= 1; i--) if (this.live[i]) R.EVP_RAND_CTX_free(this.ctxs[i]);
    R.EVP_RAND_CTX_free(this.ctxs[0]);
    for (const r of this.rands.values()) R.EVP_RAND_free(r);
    R.ERR_clear_error();
  }
}
