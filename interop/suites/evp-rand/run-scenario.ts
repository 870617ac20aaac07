/**
 * An EVP_RAND scenario (./scenario.ts) run on one side, written once for both: the decoding of
 * each op (its operands, buffers and parameters), the contexts and algorithms it names, and the
 * observation it yields. A side (./run-libcrypto.ts, a real libcrypto 3 through interop/ffi;
 * ./run-randshim.ts, compat/openssl3) gives its EVP_RAND functions, which both spell as
 * crypto/evp/evp_rand.c does, its NULLs, and the few things only it knows: how an OSSL_PARAM
 * array reaches its functions, how a parameter table reads, what to do with a new context.
 */
import { hexOrNull, toHex } from '../../../provider/bytes.js';
import { OSSL_PARAM_construct_end, type OSSL_PARAM } from '../../../provider/openssl3/core/ossl-param.js';
import { callLabel, type RandCall } from '../rand-front-end/calls.js';
import type { RandCallResult } from '../rand-front-end/run-calls.js';
import {
  buildParams, observeParam, readerFor, type Observation, type ObservedError, type Op, type Scenario, type ScenarioRun,
} from './scenario.js';

/**
 * The EVP_RAND functions (evp_rand.c) as a side declares them: `L` its OSSL_LIB_CTX *, `Rand`
 * its EVP_RAND *, `Ctx` its EVP_RAND_CTX *, `Table` what a *_params table getter returns, `Params`
 * the OSSL_PARAM array the setters take.
 */
export interface EvpRandFunctions<L, Rand, Ctx, Table, Params> {
  EVP_RAND_fetch(libctx: L, algorithm: string, properties: string | null): Rand;
  EVP_RAND_free(rand: Rand): void;
  EVP_RAND_get0_name(rand: Rand): string | null;
  EVP_RAND_is_a(rand: Rand, name: string): number;
  EVP_RAND_gettable_ctx_params(rand: Rand): Table;
  EVP_RAND_settable_ctx_params(rand: Rand): Table;
  EVP_RAND_CTX_new(rand: Rand, parent: Ctx): Ctx;
  EVP_RAND_CTX_free(ctx: Ctx): void;
  EVP_RAND_CTX_get0_rand(ctx: Ctx): Rand;
  EVP_RAND_CTX_gettable_params(ctx: Ctx): Table;
  EVP_RAND_CTX_settable_params(ctx: Ctx): Table;
  EVP_RAND_CTX_set_params(ctx: Ctx, params: Params): number;
  EVP_RAND_instantiate(ctx: Ctx, strength: number, predictionResistance: number, pstr: Uint8Array | null,
    pstrLen: number, params: Params): number;
  EVP_RAND_uninstantiate(ctx: Ctx): number;
  EVP_RAND_generate(ctx: Ctx, out: Uint8Array, outlen: number, strength: number, predictionResistance: number,
    addin: Uint8Array | null, addinLen: number): number;
  EVP_RAND_reseed(ctx: Ctx, predictionResistance: number, ent: Uint8Array | null, entLen: number,
    addin: Uint8Array | null, addinLen: number): number;
  EVP_RAND_nonce(ctx: Ctx, out: Uint8Array, outlen: number): number;
  EVP_RAND_enable_locking(ctx: Ctx): number;
  EVP_RAND_verify_zeroization(ctx: Ctx): number;
  EVP_RAND_get_strength(ctx: Ctx): number;
  EVP_RAND_get_state(ctx: Ctx): number;
  ERR_clear_error(): void;
}

export interface EvpRandSide<L, Rand, Ctx, Table, Params> {
  readonly api: EvpRandFunctions<L, Rand, Ctx, Table, Params>;
  readonly nullLibctx: L;
  readonly nullRand: Rand;
  readonly nullCtx: Ctx;
  /** The side's RAND front-end calls (`{ op: 'rand' }`). */
  readonly randCalls: { run(call: RandCall): RandCallResult<Ctx> };
  /** The error queue, emptied, oldest first. */
  errors(): ObservedError[];
  /** A parameter table as `key:data_type:data_size,...` ("NULL" for none). */
  describeTable(table: Table): string;
  /** The descriptors of a context's gettable table: key, data_type, data_size. */
  gettable(ctx: Ctx): [string, number, number][];
  /** Calls `fn` with `params` as the side passes an array (null: NULL), then takes back what
   * the call wrote into it. */
  withParams<T>(params: OSSL_PARAM[] | null, fn: (params: Params) => T): T;
  /** EVP_RAND_CTX_get_params, and per entry what OSSL_PARAM_modified says after it (undefined:
   * ask the entry itself). */
  getParams(ctx: Ctx, params: OSSL_PARAM[]): { readonly ret: number; readonly modified: readonly (number | undefined)[] };
  /** EVP_RAND_CTX_new gave context `id` (non-NULL). */
  created(id: string, ctx: Ctx): void;
}

export function runScenario<L, Rand, Ctx, Table, Params>(side: EvpRandSide<L, Rand, Ctx, Table, Params>,
  s: Scenario): ScenarioRun {
  const { api, nullLibctx, nullRand, nullCtx } = side;
  const rands = new Map<string, Rand>();
  const ctxs = new Map<string, Ctx>();
  /** Contexts RAND_get0_* returned: the library's, never freed here. */
  const borrowed = new Set<string>();
  const observations: Observation[] = [];
  const drain = (): ObservedError[] => side.errors();
  const ctxOf = (id: string): Ctx => {
    const c = ctxs.get(id);
    if (c === undefined || c === nullCtx) throw new Error(`${s.name}: no context ${id}`);
    return c;
  };
  const withState = (call: string, ctx: Ctx, ret: number, extra: Partial<Observation> = {}): Observation => {
    const errors = drain();
    return { call, ret, ...extra, state: api.EVP_RAND_get_state(ctx), errors };
  };

  api.ERR_clear_error();
  try {
    for (const op of s.ops) observations.push(...runOp(op));
  } finally {
    for (const [id, c] of [...ctxs.entries()].reverse()) if (c !== nullCtx && !borrowed.has(id)) api.EVP_RAND_CTX_free(c);
    for (const r of rands.values()) if (r !== nullRand) api.EVP_RAND_free(r);
    api.ERR_clear_error();
  }
  return { name: s.name, observations };

  function runOp(op: Op): Observation[] {
    // A call on a context whose creation failed would pass NULL (and crash OpenSSL): skipped,
    // on both sides alike.
    if ('ctx' in op && op.op !== 'free' && (ctxs.get(op.ctx) ?? nullCtx) === nullCtx) {
      return [{ call: `${op.op} ${op.ctx}`, ret: 'no context', errors: [] }];
    }
    switch (op.op) {
      case 'fetch': {
        const r = api.EVP_RAND_fetch(nullLibctx, op.name, op.props ?? null);
        rands.set(op.id, r);
        return [{ call: `fetch ${op.id}`, ret: r === nullRand ? null : api.EVP_RAND_get0_name(r), errors: drain() }];
      }
      case 'rand_info': {
        const r = rands.get(op.rand) ?? nullRand;
        return op.names.map((n) => ({ call: `is_a ${op.rand} ${n}`, ret: api.EVP_RAND_is_a(r, n), errors: drain() }));
      }
      case 'rand_tables': {
        const r = rands.get(op.rand) as Rand;
        return [
          { call: `gettable_ctx_params ${op.rand}`, ret: side.describeTable(api.EVP_RAND_gettable_ctx_params(r)), errors: drain() },
          { call: `settable_ctx_params ${op.rand}`, ret: side.describeTable(api.EVP_RAND_settable_ctx_params(r)), errors: drain() },
        ];
      }
      case 'new': {
        const rand = op.rand === null ? nullRand : rands.get(op.rand) ?? nullRand;
        const parent = op.parent === undefined || op.parent === null ? nullCtx : ctxOf(op.parent);
        const ctx = api.EVP_RAND_CTX_new(rand, parent);
        ctxs.set(op.id, ctx);
        if (ctx !== nullCtx) side.created(op.id, ctx);
        return [{ call: `new ${op.id}`, ret: ctx === nullCtx ? 0 : 1, errors: drain() }];
      }
      case 'free': {
        api.EVP_RAND_CTX_free(ctxs.get(op.ctx) ?? nullCtx);
        ctxs.delete(op.ctx);
        return [{ call: `free ${op.ctx}`, errors: drain() }];
      }
      case 'ctx_rand':
        return [{ call: `get0_rand ${op.ctx}`, ret: api.EVP_RAND_get0_name(api.EVP_RAND_CTX_get0_rand(ctxOf(op.ctx))), errors: drain() }];
      case 'ctx_tables': {
        const ctx = ctxOf(op.ctx);
        return [
          { call: `CTX_gettable_params ${op.ctx}`, ret: side.describeTable(api.EVP_RAND_CTX_gettable_params(ctx)), errors: drain() },
          { call: `CTX_settable_params ${op.ctx}`, ret: side.describeTable(api.EVP_RAND_CTX_settable_params(ctx)), errors: drain() },
        ];
      }
      case 'set': {
        const ctx = ctxOf(op.ctx);
        const ret = side.withParams(op.params === null ? null : buildParams(op.params), (p) => api.EVP_RAND_CTX_set_params(ctx, p));
        return [withState(`set ${op.ctx}`, ctx, ret)];
      }
      case 'get': {
        const params = buildParams(op.params);
        const { ret, modified } = side.getParams(ctxOf(op.ctx), params);
        return [{
          call: `get ${op.ctx}`, ret,
          params: params.filter((p) => p.key !== null).map((p, i) => observeParam(p, modified[i])), errors: drain(),
        }];
      }
      case 'getall': {
        const ctx = ctxOf(op.ctx);
        return side.gettable(ctx).map(([key, type, size]) => {
          const p = readerFor(key, type, size);
          const { ret, modified } = side.getParams(ctx, [p, OSSL_PARAM_construct_end()]);
          return { call: `get ${op.ctx}.${key}`, ret, params: [observeParam(p, modified[0])], errors: drain() };
        });
      }
      case 'instantiate': {
        const ctx = ctxOf(op.ctx);
        const pers = hexOrNull(op.pers);
        const params = op.params === undefined || op.params === null ? null : buildParams(op.params);
        const ret = side.withParams(params, (p) => api.EVP_RAND_instantiate(ctx, op.strength ?? 0, op.pr === true ? 1 : 0,
          pers, pers?.length ?? 0, p));
        return [withState(`instantiate ${op.ctx}`, ctx, ret)];
      }
      case 'uninstantiate': {
        const ctx = ctxOf(op.ctx);
        return [withState(`uninstantiate ${op.ctx}`, ctx, api.EVP_RAND_uninstantiate(ctx))];
      }
      case 'generate': {
        const ctx = ctxOf(op.ctx);
        const out = new Uint8Array(op.n);
        const adin = hexOrNull(op.adin);
        const ret = api.EVP_RAND_generate(ctx, out, op.n, op.strength ?? 0, op.pr === true ? 1 : 0, adin, adin?.length ?? 0);
        const shown = ret === 1 ? { out: op.random === true ? `${op.n} random bytes` : toHex(out) } : {};
        return [withState(`generate ${op.ctx} ${op.n}`, ctx, ret, shown)];
      }
      case 'reseed': {
        const ctx = ctxOf(op.ctx);
        const ent = hexOrNull(op.ent);
        const adin = hexOrNull(op.adin);
        const ret = api.EVP_RAND_reseed(ctx, op.pr === true ? 1 : 0, ent, ent?.length ?? 0, adin, adin?.length ?? 0);
        return [withState(`reseed ${op.ctx}`, ctx, ret)];
      }
      case 'nonce': {
        const ctx = ctxOf(op.ctx);
        const out = new Uint8Array(op.n);
        const ret = api.EVP_RAND_nonce(ctx, out, op.n);
        return [withState(`nonce ${op.ctx} ${op.n}`, ctx, ret, { out: op.random === true ? `${op.n} bytes` : toHex(out) })];
      }
      case 'enable_locking':
        return [{ call: `enable_locking ${op.ctx}`, ret: api.EVP_RAND_enable_locking(ctxOf(op.ctx)), errors: drain() }];
      case 'verify_zeroization':
        return [{ call: `verify_zeroization ${op.ctx}`, ret: api.EVP_RAND_verify_zeroization(ctxOf(op.ctx)), errors: drain() }];
      case 'strength':
        return [{ call: `get_strength ${op.ctx}`, ret: api.EVP_RAND_get_strength(ctxOf(op.ctx)), errors: drain() }];
      case 'state':
        return [{ call: `get_state ${op.ctx}`, ret: api.EVP_RAND_get_state(ctxOf(op.ctx)), errors: drain() }];
      case 'rand': {
        const { ret, out, ctx } = side.randCalls.run(op.call);
        if (op.call.fn === 'get0') {
          ctxs.set(op.call.id, ctx ?? nullCtx);
          borrowed.add(op.call.id);
        }
        return [{ call: callLabel(op.call), ...(ret === undefined ? {} : { ret }), ...(out === undefined ? {} : { out }), errors: drain() }];
      }
      default:
        throw new TypeError(`unknown op ${JSON.stringify(op)}`);
    }
  }
}
