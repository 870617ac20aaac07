/**
 * The {@link Evp3Op} language run on one side, written once for both runners: the decoding of
 * each op (hex operands, C lengths, the prefilled output buffer) and the result it reports. A
 * side (./evp3-real.ts, the real OpenSSL 3; ./evp3-randshim.ts, compat/openssl3) gives its
 * EVP_RAND functions (evp_rand.c, spelled alike on both), how it makes a context from a
 * {@link DrbgSetup} and sets one parameter, and what it does with a freed context's handle.
 */
import { fromHex, toHex } from '../../../provider/bytes.js';
import type { ReportedError } from '../differential/driver.js';
import { PREFILL, type Evp3Op, type Evp3Result, type Evp3Runner } from './evp3-ops.js';

/** The EVP_RAND functions the ops call: `Ctx` the side's EVP_RAND_CTX *, `Params` its
 * OSSL_PARAM array (only NULL is passed here). */
export interface Evp3Functions<Ctx, Params> {
  EVP_RAND_instantiate(ctx: Ctx, strength: number, predictionResistance: number, pstr: Uint8Array | null,
    pstrLen: number, params: Params): number;
  EVP_RAND_generate(ctx: Ctx, out: Uint8Array, outlen: number, strength: number, predictionResistance: number,
    addin: Uint8Array | null, addinLen: number): number;
  EVP_RAND_reseed(ctx: Ctx, predictionResistance: number, ent: Uint8Array | null, entLen: number,
    addin: Uint8Array | null, addinLen: number): number;
  EVP_RAND_uninstantiate(ctx: Ctx): number;
  EVP_RAND_get_state(ctx: Ctx): number;
  EVP_RAND_get_strength(ctx: Ctx): number;
  EVP_RAND_CTX_free(ctx: Ctx): void;
}

export abstract class Evp3Calls<Ctx, Params> implements Evp3Runner {
  /** Contexts in creation order; 0 is the TEST-RAND parent. */
  protected readonly ctxs: Ctx[] = [];
  protected readonly live: boolean[] = [];

  /** `guardByte`: the output buffer has one byte more than `outlen`, which must stay PREFILL
   * (a C library writing past its buffer corrupts memory silently; a JavaScript array cannot be
   * overrun, so randshim's buffer is exact). */
  protected constructor(private readonly api: Evp3Functions<Ctx, Params>, private readonly nullParams: Params,
    private readonly guardByte: boolean) {}

  /** The context numbered `i`, as the side may pass it (after its free: the side decides). */
  protected abstract ctx(i: number): Ctx;

  /** The error queue, emptied, oldest first. */
  protected abstract errors(): ReportedError[];

  /** `new`: EVP_RAND_CTX_new under its parent, its setup's parameters set, and the identity. */
  protected abstract newContext(op: Extract<Evp3Op, { op: 'new' }>, pinned: Evp3Result | undefined): Omit<Evp3Result, 'errors'>;

  /** `set`: EVP_RAND_CTX_set_params with the op's one entry (utf8, int or uint, by key). */
  protected abstract setParam(ctx: Ctx, op: Extract<Evp3Op, { op: 'set' }>): number;

  /** Adds the context just made to the numbered list. */
  protected keep(ctx: Ctx): void {
    this.ctxs.push(ctx);
    this.live.push(true);
  }

  run(op: Evp3Op, pinned?: Evp3Result): Evp3Result {
    const api = this.api;
    const done = (r: Omit<Evp3Result, 'errors'>): Evp3Result => ({ ...r, errors: this.errors() });
    switch (op.op) {
      case 'new':
        return done(this.newContext(op, pinned));
      case 'instantiate': {
        const pers = op.pers === null ? null : fromHex(op.pers);
        const ret = api.EVP_RAND_instantiate(this.ctx(op.ctx), op.strength, op.pr, pers, pers?.length ?? 0, this.nullParams);
        return done({ ret, state: api.EVP_RAND_get_state(this.ctx(op.ctx)) });
      }
      case 'generate': {
        const out = new Uint8Array(op.outlen + (this.guardByte ? 1 : 0)).fill(PREFILL);
        const adin = op.adin === null ? null : fromHex(op.adin);
        const ret = api.EVP_RAND_generate(this.ctx(op.ctx), out, op.outlen, op.strength, op.pr, adin, adin?.length ?? op.adinlen ?? 0);
        if (this.guardByte && out[op.outlen] !== PREFILL) throw new Error('the real library wrote past the output buffer');
        return done({ ret, out: toHex(out.subarray(0, op.outlen)), state: api.EVP_RAND_get_state(this.ctx(op.ctx)) });
      }
      case 'reseed': {
        const adin = op.adin === null ? null : fromHex(op.adin);
        const ret = api.EVP_RAND_reseed(this.ctx(op.ctx), op.pr, null, 0, adin, adin?.length ?? op.adinlen ?? 0);
        return done({ ret, state: api.EVP_RAND_get_state(this.ctx(op.ctx)) });
      }
      case 'uninstantiate':
        return done({ ret: api.EVP_RAND_uninstantiate(this.ctx(op.ctx)), state: api.EVP_RAND_get_state(this.ctx(op.ctx)) });
      case 'state':
        return done({ ret: api.EVP_RAND_get_state(this.ctx(op.ctx)) });
      case 'strength':
        return done({ ret: api.EVP_RAND_get_strength(this.ctx(op.ctx)) });
      case 'free':
        api.EVP_RAND_CTX_free(this.ctx(op.ctx));
        this.live[op.ctx] = false;
        return done({});
      case 'set': {
        const ret = this.setParam(this.ctx(op.ctx), op);
        return done({ ret, state: api.EVP_RAND_get_state(this.ctx(op.ctx)) });
      }
      default:
        throw new Error(`unknown op ${JSON.stringify(op)}`);
    }
  }

  abstract close(): void;
}
