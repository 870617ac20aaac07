/** The {@link Evp3Op} language on the real OpenSSL 3 (interop/ffi, RTLD_DEEPBIND). */
import { toHex } from '../../../provider/bytes.js';
import { loadLibCrypto3, type LibCrypto3 } from '../../builds/openssl3/libcrypto.js';
import { drainErrors3 } from '../../builds/openssl3/error-names.js';
import { ParamArrays, type ParamEntry } from '../../builds/openssl3/param-build.js';
import type { Pointer } from '../../ffi/types.js';
import { Evp3Calls } from './evp3-calls.js';
import { PARENT_ENTROPY, PARENT_NONCE, setupEntries, type Evp3Op, type Evp3Result } from './evp3-ops.js';

export class RealEvp3 extends Evp3Calls<Pointer, Pointer> {
  private readonly c: LibCrypto3;
  private readonly params: ParamArrays;
  private readonly rands = new Map<string, Pointer>();

  constructor(crypto: LibCrypto3 = loadLibCrypto3()) {
    super(crypto, 0n, true);
    this.c = crypto;
    this.params = new ParamArrays(crypto);
    crypto.ERR_clear_error();
    const parent = crypto.EVP_RAND_CTX_new(this.rand('TEST-RAND'), 0n);
    const p = this.params.build([['strength', { type: 'uint', value: 256 }], ['test_entropy', { type: 'octets', value: PARENT_ENTROPY }],
      ['test_nonce', { type: 'octets', value: PARENT_NONCE }]]);
    const ok = crypto.EVP_RAND_instantiate(parent, 0, 0, null, 0, p);
    this.params.free(p);
    if (parent === 0n || ok !== 1) throw new Error(`TEST-RAND parent: ${JSON.stringify(drainErrors3(crypto))}`);
    this.keep(parent);
  }

  private rand(name: string): Pointer {
    let r = this.rands.get(name);
    if (r === undefined) {
      r = this.c.EVP_RAND_fetch(0n, name, null);
      this.rands.set(name, r);
    }
    return r;
  }

  protected ctx(i: number): Pointer {
    const p = this.ctxs[i];
    if (p === undefined || !this.live[i]) throw new Error(`context ${i} is not live (the real library cannot be handed it)`);
    return p;
  }

  protected errors(): ReturnType<typeof drainErrors3> {
    return drainErrors3(this.c);
  }

  protected newContext(op: Extract<Evp3Op, { op: 'new' }>): Omit<Evp3Result, 'errors'> {
    const c = this.c;
    const setup = setupEntries(op.setup);
    const ctx = c.EVP_RAND_CTX_new(this.rand(op.setup.mech), this.ctx(op.parent ?? 0));
    if (ctx === 0n) return { ret: 0 };
    const entries: ParamEntry[] = setup.map(([k, v]) => [k, typeof v === 'number' ? { type: 'int', value: v } : { type: 'utf8', value: v }]);
    const p = this.params.build(entries);
    const ok = c.EVP_RAND_CTX_set_params(ctx, p);
    this.params.free(p);
    this.keep(ctx);
    // struct evp_rand_ctx_st { EVP_RAND *meth; void *algctx; ... } (evp_local.h, LP64)
    return { ret: ok, identity: toHex(c.engine.readBytes(ctx + 8n, 8)) };
  }

  protected setParam(ctx: Pointer, op: Extract<Evp3Op, { op: 'set' }>): number {
    const v = op.value;
    const entry: ParamEntry = typeof v === 'string' ? [op.key, { type: 'utf8', value: v }]
      : op.key === 'use_derivation_function' ? [op.key, { type: 'int', value: v }] : [op.key, { type: 'uint', value: v }];
    const p = this.params.build([entry]);
    const ret = this.c.EVP_RAND_CTX_set_params(ctx, p);
    this.params.free(p);
    return ret;
  }

  close(): void {
    for (let i = this.ctxs.length - 1; i >= 1; i--) if (this.live[i]) this.c.EVP_RAND_CTX_free(this.ctxs[i]);
    this.c.EVP_RAND_CTX_free(this.ctxs[0]);
    for (const r of this.rands.values()) this.c.EVP_RAND_free(r);
    this.params.close();
    this.c.ERR_clear_error();
  }
}
