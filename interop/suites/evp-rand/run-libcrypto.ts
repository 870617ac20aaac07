/**
 * Runs EVP_RAND scenarios on a real OpenSSL 3 libcrypto through interop/ffi, call for call as
 * run-randshim.ts does. Also returns, per DRBG context, the address OpenSSL's DRBG passes as
 * additional input to its children: ossl_drbg_get_seed sends `&drbg`, the PROV_DRBG pointer,
 * which is the EVP_RAND_CTX's `algctx` (struct evp_rand_ctx_st { EVP_RAND *meth; void *algctx;
 * ... }, crypto/evp/evp_local.h), read at offset 8 of the context.
 */
import { hexOrNull, toHex } from '../../../provider/bytes.js';
import { OSSL_PARAM_construct_end } from '../../../provider/openssl3/core/ossl-param.js';
import { CParamArray, readParamTable, type LibCrypto3, type Pointer } from '../../builds/openssl3/index.js';
import { describeError3 } from '../../builds/openssl3/error-names.js';
import { callLabel } from '../rand-front-end/calls.js';
import type { ScenarioFiles } from '../rand-front-end/files.js';
import { LibcryptoRandCalls } from '../rand-front-end/run-libcrypto.js';
import {
  buildParams, observeParam, readerFor, type Observation, type ObservedError, type Op, type Scenario, type ScenarioRun,
} from './scenario.js';

/** Offset of `algctx` in struct evp_rand_ctx_st (LP64). */
const ALGCTX_OFFSET = 8n;

export interface LibcryptoRun extends ScenarioRun {
  /** Context id to the 8 bytes of its algctx pointer (little-endian). */
  readonly identities: ReadonlyMap<string, Uint8Array>;
}

/** `files`: where RAND_load_file / RAND_write_file calls make their files. */
export function runScenarioLibcrypto(c: LibCrypto3, s: Scenario, files?: ScenarioFiles): LibcryptoRun {
  c.ERR_clear_error();
  const rands = new Map<string, Pointer>();
  const ctxs = new Map<string, Pointer>();
  /** Contexts RAND_get0_* returned: the library's, never freed here. */
  const borrowed = new Set<string>();
  const randCalls = new LibcryptoRandCalls(c, files);
  const identities = new Map<string, Uint8Array>();
  const observations: Observation[] = [];
  const drain = (): ObservedError[] => {
    const out: ObservedError[] = [];
    for (let e = c.ERR_get_error(); e !== 0; e = c.ERR_get_error()) {
      const d = describeError3(e);
      out.push({ code: e, lib: d.lib, reason: d.reason });
    }
    return out;
  };
  const ctxOf = (id: string): Pointer => {
    const p = ctxs.get(id);
    if (p === undefined || p === 0n) throw new Error(`${s.name}: no context ${id}`);
    return p;
  };
  const withState = (call: string, ctx: Pointer, ret: number, extra: Partial<Observation> = {}): Observation => {
    const errors = drain();
    return { call, ret, ...extra, state: c.EVP_RAND_get_state(ctx), errors };
  };
  const table = (address: Pointer): string => (address === 0n ? 'NULL'
    : readParamTable(c.engine, address).map(([k, t, n]) => `${k}:${t}:${n}`).join(','));

  try {
    for (const op of s.ops) observations.push(...runOp(op));
  } finally {
    for (const [id, p] of [...ctxs.entries()].reverse()) if (p !== 0n && !borrowed.has(id)) c.EVP_RAND_CTX_free(p);
    for (const r of rands.values()) if (r !== 0n) c.EVP_RAND_free(r);
    c.ERR_clear_error();
  }
  return { name: s.name, observations, identities };

  /** Calls `fn` on a C copy of `params`, then copies back what C wrote. */
  function withParams<T>(params: ReturnType<typeof buildParams> | null, fn: (address: Pointer) => T): T {
    if (params === null) return fn(0n);
    const arr = new CParamArray(c.engine, params);
    try {
      return fn(arr.address);
    } finally {
      arr.syncBack();
      arr.free();
    }
  }

  function runOp(op: Op): Observation[] {
    // A call on a context whose creation failed would pass NULL (and crash OpenSSL): skipped,
    // on both sides alike.
    if ('ctx' in op && op.op !== 'free' && (ctxs.get(op.ctx) ?? 0n) === 0n) {
      return [{ call: `${op.op} ${op.ctx}`, ret: 'no context', errors: [] }];
    }
    switch (op.op) {
      case 'fetch': {
        const r = c.EVP_RAND_fetch(0n, op.name, op.props ?? null);
        rands.set(op.id, r);
        return [{ call: `fetch ${op.id}`, ret: r === 0n ? null : c.EVP_RAND_get0_name(r), errors: drain() }];
      }
      case 'rand_info': {
        const r = rands.get(op.rand) ?? 0n;
        return op.names.map((n) => ({ call: `is_a ${op.rand} ${n}`, ret: c.EVP_RAND_is_a(r, n), errors: drain() }));
      }
      case 'rand_tables': {
        const r = rands.get(op.rand) as Pointer;
        return [
          { call: `gettable_ctx_params ${op.rand}`, ret: table(c.EVP_RAND_gettable_ctx_params(r)), errors: drain() },
          { call: `settable_ctx_params ${op.rand}`, ret: table(c.EVP_RAND_settable_ctx_params(r)), errors: drain() },
        ];
      }
      case 'new': {
        const rand = op.rand === null ? 0n : rands.get(op.rand) ?? 0n;
        const parent = op.parent === undefined || op.parent === null ? 0n : ctxOf(op.parent);
        const ctx = c.EVP_RAND_CTX_new(rand, parent);
        ctxs.set(op.id, ctx);
        if (ctx !== 0n) identities.set(op.id, c.engine.readBytes(ctx + ALGCTX_OFFSET, 8));
        return [{ call: `new ${op.id}`, ret: ctx === 0n ? 0 : 1, errors: drain() }];
      }
      case 'free': {
        c.EVP_RAND_CTX_free(ctxs.get(op.ctx) ?? 0n);
        ctxs.delete(op.ctx);
        return [{ call: `free ${op.ctx}`, errors: drain() }];
      }
      case 'ctx_rand':
        return [{ call: `get0_rand ${op.ctx}`, ret: c.EVP_RAND_get0_name(c.EVP_RAND_CTX_get0_rand(ctxOf(op.ctx))), errors: drain() }];
      case 'ctx_tables': {
        const ctx = ctxOf(op.ctx);
        return [
          { call: `CTX_gettable_params ${op.ctx}`, ret: table(c.EVP_RAND_CTX_gettable_params(ctx)), errors: drain() },
          { call: `CTX_settable_params ${op.ctx}`, ret: table(c.EVP_RAND_CTX_settable_params(ctx)), errors: drain() },
        ];
      }
      case 'set': {
        const ctx = ctxOf(op.ctx);
        const ret = withParams(op.params === null ? null : buildParams(op.params), (a) => c.EVP_RAND_CTX_set_params(ctx, a));
        return [withState(`set ${op.ctx}`, ctx, ret)];
      }
      case 'get': {
        const ctx = ctxOf(op.ctx);
        const params = buildParams(op.params);
        const arr = new CParamArray(c.engine, params);
        const ret = c.EVP_RAND_CTX_get_params(ctx, arr.address);
        const modified = params.map((_, i) => c.OSSL_PARAM_modified(arr.entry(i)));
        arr.syncBack();
        arr.free();
        return [{
          call: `get ${op.ctx}`, ret,
          params: params.filter((p) => p.key !== null).map((p, i) => observeParam(p, modified[i])), errors: drain(),
        }];
      }
      case 'getall': {
        const ctx = ctxOf(op.ctx);
        return readParamTable(c.engine, c.EVP_RAND_CTX_gettable_params(ctx)).map(([key, type, size]) => {
          const p = readerFor(key, type, size);
          const params = [p, OSSL_PARAM_construct_end()];
          const arr = new CParamArray(c.engine, params);
          const ret = c.EVP_RAND_CTX_get_params(ctx, arr.address);
          const modified = c.OSSL_PARAM_modified(arr.entry(0));
          arr.syncBack();
          arr.free();
          return { call: `get ${op.ctx}.${key}`, ret, params: [observeParam(p, modified)], errors: drain() };
        });
      }
      case 'instantiate': {
        const ctx = ctxOf(op.ctx);
        const pers = hexOrNull(op.pers);
        const params = op.params === undefined || op.params === null ? null : buildParams(op.params);
        const ret = withParams(params, (a) => c.EVP_RAND_instantiate(ctx, op.strength ?? 0, op.pr === true ? 1 : 0,
          pers, pers?.length ?? 0, a));
        return [withState(`instantiate ${op.ctx}`, ctx, ret)];
      }
      case 'uninstantiate': {
        const ctx = ctxOf(op.ctx);
        return [withState(`uninstantiate ${op.ctx}`, ctx, c.EVP_RAND_uninstantiate(ctx))];
      }
      case 'generate': {
        const ctx = ctxOf(op.ctx);
        const out = new Uint8Array(op.n);
        const adin = hexOrNull(op.adin);
        const ret = c.EVP_RAND_generate(ctx, out, op.n, op.strength ?? 0, op.pr === true ? 1 : 0, adin, adin?.length ?? 0);
        const shown = ret === 1 ? { out: op.random === true ? `${op.n} random bytes` : toHex(out) } : {};
        return [withState(`generate ${op.ctx} ${op.n}`, ctx, ret, shown)];
      }
      case 'reseed': {
        const ctx = ctxOf(op.ctx);
        const ent = hexOrNull(op.ent);
        const adin = hexOrNull(op.adin);
        const ret = c.EVP_RAND_reseed(ctx, op.pr === true ? 1 : 0, ent, ent?.length ?? 0, adin, adin?.length ?? 0);
        return [withState(`reseed ${op.ctx}`, ctx, ret)];
      }
      case 'nonce': {
        const ctx = ctxOf(op.ctx);
        const out = new Uint8Array(op.n);
        const ret = c.EVP_RAND_nonce(ctx, out, op.n);
        return [withState(`nonce ${op.ctx} ${op.n}`, ctx, ret, { out: op.random === true ? `${op.n} bytes` : toHex(out) })];
      }
      case 'enable_locking':
        return [{ call: `enable_locking ${op.ctx}`, ret: c.EVP_RAND_enable_locking(ctxOf(op.ctx)), errors: drain() }];
      case 'verify_zeroization':
        return [{ call: `verify_zeroization ${op.ctx}`, ret: c.EVP_RAND_verify_zeroization(ctxOf(op.ctx)), errors: drain() }];
      case 'strength':
        return [{ call: `get_strength ${op.ctx}`, ret: c.EVP_RAND_get_strength(ctxOf(op.ctx)), errors: drain() }];
      case 'state':
        return [{ call: `get_state ${op.ctx}`, ret: c.EVP_RAND_get_state(ctxOf(op.ctx)), errors: drain() }];
      case 'rand': {
        const { ret, out, ctx } = randCalls.run(op.call);
        if (op.call.fn === 'get0') {
          ctxs.set(op.call.id, ctx ?? 0n);
          borrowed.add(op.call.id);
        }
        return [{ call: callLabel(op.call), ...(ret === undefined ? {} : { ret }), ...(out === undefined ? {} : { out }), errors: drain() }];
      }
      default:
        throw new TypeError(`unknown op ${JSON.stringify(op)}`);
    }
  }
}
