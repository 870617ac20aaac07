/** The {@link Evp3Op} language on randshim's compat/openssl3, as a porter calls it. */
import * as R from '../../../compat/openssl3/index.js';
import { fromHex } from '../../../provider/bytes.js';
import { drainErrors3 } from '../../builds/openssl3/error-names.js';
import { Evp3Calls } from './evp3-calls.js';
import { PARENT_ENTROPY, PARENT_NONCE, setupEntries, type Evp3Op, type Evp3Result } from './evp3-ops.js';

const end = R.OSSL_PARAM_construct_end;

function param(key: string, v: string | number, unsigned = false): R.OSSL_PARAM {
  if (typeof v === 'string') return R.OSSL_PARAM_construct_utf8_string(key, v, 0);
  return unsigned ? R.OSSL_PARAM_construct_uint(key, { value: v }) : R.OSSL_PARAM_construct_int(key, { value: v });
}

export class RandshimEvp3 extends Evp3Calls<R.EVP_RAND_CTX, R.OSSL_PARAM[] | null> {
  private readonly rands = new Map<string, R.EVP_RAND>();

  constructor() {
    super(R, null, false);
    R.ERR_clear_error();
    const parent = R.EVP_RAND_CTX_new(this.rand('TEST-RAND'), null);
    const ok = parent !== null && R.EVP_RAND_instantiate(parent, 0, 0, null, 0, [
      R.OSSL_PARAM_construct_uint('strength', { value: 256 }),
      R.OSSL_PARAM_construct_octet_string('test_entropy', PARENT_ENTROPY, PARENT_ENTROPY.length),
      R.OSSL_PARAM_construct_octet_string('test_nonce', PARENT_NONCE, PARENT_NONCE.length), end()]);
    if (parent === null || ok !== 1) throw new Error(`TEST-RAND parent: ${JSON.stringify(drainErrors3(R))}`);
    this.keep(parent);
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

  protected errors(): ReturnType<typeof drainErrors3> {
    return drainErrors3(R);
  }

  protected newContext(op: Extract<Evp3Op, { op: 'new' }>, pinned: Evp3Result | undefined): Omit<Evp3Result, 'errors'> {
    const ctx = R.EVP_RAND_CTX_new(this.rand(op.setup.mech), this.ctx(op.parent ?? 0));
    if (ctx === null) return { ret: 0 };
    const ok = R.EVP_RAND_CTX_set_params(ctx, [...setupEntries(op.setup).map(([k, v]) => param(k, v)), end()]);
    this.keep(ctx);
    if (pinned?.identity === undefined) return { ret: ok };
    R.RANDSHIM_EVP_RAND_CTX_set_identity(ctx, fromHex(pinned.identity));
    return { ret: ok, identity: pinned.identity };
  }

  protected setParam(ctx: R.EVP_RAND_CTX, op: Extract<Evp3Op, { op: 'set' }>): number {
    const unsigned = op.key === 'reseed_requests' || op.key === 'reseed_time_interval';
    return R.EVP_RAND_CTX_set_params(ctx, [param(op.key, op.value, unsigned), end()]);
  }

  close(): void {
    for (let i = this.ctxs.length - 1; i >= 1; i--) if (this.live[i]) R.EVP_RAND_CTX_free(this.ctxs[i]);
    R.EVP_RAND_CTX_free(this.ctxs[0]);
    for (const r of this.rands.values()) R.EVP_RAND_free(r);
    R.ERR_clear_error();
  }
}
