/** The {@link Evp3Op} language on the real OpenSSL 3 (interop/ffi, RTLD_DEEPBIND). */
import { fromHex, toHex } from '../../../provider/bytes.js';
import { loadLibCrypto3, type LibCrypto3 } from '../../builds/openssl3/libcrypto.js';
import { drainErrors3 } from '../../builds/openssl3/error-names.js';
import { ParamArrays, type ParamEntry } from '../../builds/openssl3/param-build.js';
import type { Pointer } from '../../ffi/types.js';
import { PARENT_ENTROPY, PARENT_NONCE, PREFILL, setupEntries, type Evp3Op, type Evp3Result, type Evp3Runner } from './evp3-ops.js';

export class RealEvp3 implements Evp3Runner {
  private readonly c: LibCrypto3;
  private readonly params: ParamArrays;
  private readonly ctxs: Pointer[] = [];
  private readonly live: boolean[] = [];
  private readonly rands = new Map<string, Pointer>();

  constructor(crypto: LibCrypto3 = loadLibCrypto3()) {
    this.c = crypto;
    this.params = new ParamArrays(crypto);
    crypto.ERR_clear_error();
    const parent = crypto.EVP_RAND_CTX_new(this.rand('TEST-RAND'), 0n);
    const p = this.params.build([['strength', { type: 'uint', value: 256 }], ['test_entropy', { type: 'octets', value: PARENT_ENTROPY }],
      ['test_nonce', { type: 'octets', value: PARENT_NONCE }]]);
    const ok = crypto.EVP_RAND_instantiate(parent, 0, 0, null, 0, p);
    this.params.free(p);
    if (parent === 0n || ok !== 1) throw new Error(`TEST-RAND parent: ${JSON.stringify(drainErrors3(crypto))}`);
    this.ctxs.push(parent);
    this.live.push(true);
  }

  private rand(name: string): Pointer {
    let r = this.rands.get(name);
    if (r === undefined) {
      r = this.c.EVP_RAND_fetch(0n, name, null);
      this.rands.set(name, r);
    }
    return r;
  }

  private ctx(i: number): Pointer {
    const p = this.ctxs[i];
    if (p === undefined || !this.live[i]) throw new Error(`context ${i} is not live (the real library cannot be handed it)`);
    return p;
  }

  run(op: Evp3Op): Evp3Result {
    const c = this.c;
    const done = (r: Omit<Evp3Result, 'errors'>): Evp3Result => ({ ...r, errors: drainErrors3(c) });
    switch (op.op) {
      case 'new': {
        const setup = setupEntries(op.setup);
        const ctx = c.EVP_RAND_CTX_new(this.rand(op.setup.mech), this.ctx(op.parent ?? 0));
        if (ctx === 0n) return done({ ret: 0 });
        const entries: ParamEntry[] = setup.map(([k, v]) => [k, typeof v === 'number' ? { type: 'int', value: v } : { type: 'utf8', value: v }]);
        const p = this.params.build(entries);
        const ok = c.EVP_RAND_CTX_set_params(ctx, p);
        this.params.free(p);
        this.ctxs.push(ctx);
        this.live.push(true);
        // struct evp_rand_ctx_st { EVP_RAND *meth; void *algctx; ... } (evp_local.h, LP64)
        return done({ ret: ok, identity: toHex(c.engine.readBytes(ctx + 8n, 8)) });
      }
      case 'instantiate': {
        const pers = op.pers === null ? null : fromHex(op.pers);
        const ret = c.EVP_RAND_instantiate(this.ctx(op.ctx), op.strength, op.pr, pers, pers?.length ?? 0, 0n);
        return done({ ret, state: c.EVP_RAND_get_state(this.ctx(op.ctx)) });
      }
      case 'generate': {
        const out = new Uint8Array(op.outlen + 1).fill(PREFILL);
        const adin = op.adin === null ? null : fromHex(op.adin);
        const ret = c.EVP_RAND_generate(this.ctx(op.ctx), out, op.outlen, op.strength, op.pr, adin, adin?.length ?? op.adinlen ?? 0);
        if (out[op.outlen] !== PREFILL) throw new Error('the real library wrote past the output buffer');
        return done({ ret, out: toHex(out.subarray(0, op.outlen)), state: c.EVP_RAND_get_state(this.ctx(op.ctx)) });
      }
      case 'reseed': {
        const adin = op.adin === null ? null : fromHex(op.adin);
        const ret = c.EVP_RAND_reseed(this.ctx(op.ctx), op.pr, null, 0, adin, adin?.length ?? op.adinlen ?? 0);
        return done({ ret, state: c.EVP_RAND_get_state(this.ctx(op.ctx)) });
      }
      case 'uninstantiate':
        return done({ ret: c.EVP_RAND_uninstantiate(this.ctx(op.ctx)), state: c.EVP_RAND_get_state(this.ctx(op.ctx)) });
      case 'state':
        return done({ ret: c.EVP_RAND_get_state(this.ctx(op.ctx)) });
      case 'strength':
        return done({ ret: c.EVP_RAND_get_strength(this.ctx(op.ctx)) });
      case 'free':
        c.EVP_RAND_CTX_free(this.ctx(op.ctx));
        this.live[op.ctx] = false;
        return done({});
      case 'set': {
        const v = op.value;
        const entry: ParamEntry = typeof v === 'string' ? [op.key, { type: 'utf8', value: v }]
          : op.key === 'use_derivation_function' ? [op.key, { type: 'int', value: v }] : [op.key, { type: 'uint', value: v }];
        const p = this.params.build([entry]);
        const ret = c.EVP_RAND_CTX_set_params(this.ctx(op.ctx), p);
        this.params.free(p);
        return done({ ret, state: c.EVP_RAND_get_state(this.ctx(op.ctx)) });
      }
      default:
        throw new Error(`unknown op ${JSON.stringify(op)}`);
    }
  }

  close(): void {
    for (let i = this.ctxs.length - 1; i >= 1; i--) if (this.live[i]) this.c.EVP_RAND_CTX_free(this.ctxs[i]);
    this.c.EVP_RAND_CTX_free(this.ctxs[0]);
    for (const r of this.rands.values()) this.c.EVP_RAND_free(r);
    this.params.close();
    this.c.ERR_clear_error();
  }
}
