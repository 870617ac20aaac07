/**
 * Runs EVP_RAND scenarios through randshim's OpenSSL 3 personality (compat/openssl3).
 *
 * `identities` gives, per context id, the 8 bytes OpenSSL passes as additional input when that
 * context's children pull from it (its PROV_DRBG address in the C run): set on the DRBG right
 * after EVP_RAND_CTX_new, they make the chains reproducible bit for bit.
 */
import * as R from '../../../compat/openssl3/index.js';
import { hexOrNull, toHex } from '../../../provider/bytes.js';
import { OSSL_PARAM_construct_end } from '../../../provider/openssl3/core/ossl-param.js';
import { callLabel } from '../rand-front-end/calls.js';
import type { ScenarioFiles } from '../rand-front-end/files.js';
import { RandshimRandCalls } from '../rand-front-end/run-randshim.js';
import {
  buildParams, observeParam, readerFor, type Observation, type ObservedError, type Op, type Scenario, type ScenarioRun,
} from './scenario.js';

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
  R.ERR_clear_error();
  const rands = new Map<string, R.EVP_RAND | null>();
  const ctxs = new Map<string, R.EVP_RAND_CTX | null>();
  /** Contexts RAND_get0_* returned: the library's, never freed here. */
  const borrowed = new Set<string>();
  const randCalls = new RandshimRandCalls(files);
  const observations: Observation[] = [];
  const ctxOf = (id: string): R.EVP_RAND_CTX => {
    const c = ctxs.get(id);
    if (c === undefined || c === null) throw new Error(`${s.name}: no context ${id}`);
    return c;
  };
  const withState = (call: string, ctx: R.EVP_RAND_CTX, ret: number, extra: Partial<Observation> = {}): Observation => {
    const errors = drain();
    return { call, ret, ...extra, state: R.EVP_RAND_get_state(ctx), errors };
  };

  for (const op of s.ops) observations.push(...runOp(op));
  for (const [id, c] of [...ctxs.entries()].reverse()) if (!borrowed.has(id)) R.EVP_RAND_CTX_free(c);
  for (const r of rands.values()) R.EVP_RAND_free(r);
  return { name: s.name, observations };

  function runOp(op: Op): Observation[] {
    // A call on a context whose creation failed would pass NULL (and crash OpenSSL): skipped,
    // on both sides alike.
    if ('ctx' in op && op.op !== 'free' && (ctxs.get(op.ctx) ?? null) === null) {
      return [{ call: `${op.op} ${op.ctx}`, ret: 'no context', errors: [] }];
    }
    switch (op.op) {
      case 'fetch': {
        const r = R.EVP_RAND_fetch(null, op.name, op.props ?? null);
        rands.set(op.id, r);
        return [{ call: `fetch ${op.id}`, ret: r === null ? null : R.EVP_RAND_get0_name(r), errors: drain() }];
      }
      case 'rand_info': {
        const r = rands.get(op.rand) ?? null;
        return op.names.map((n) => ({ call: `is_a ${op.rand} ${n}`, ret: R.EVP_RAND_is_a(r, n), errors: drain() }));
      }
      case 'rand_tables': {
        const r = rands.get(op.rand) as R.EVP_RAND;
        return [
          { call: `gettable_ctx_params ${op.rand}`, ret: tableOf(R.EVP_RAND_gettable_ctx_params(r)), errors: drain() },
          { call: `settable_ctx_params ${op.rand}`, ret: tableOf(R.EVP_RAND_settable_ctx_params(r)), errors: drain() },
        ];
      }
      case 'new': {
        const rand = op.rand === null ? null : rands.get(op.rand) ?? null;
        const parent = op.parent === undefined || op.parent === null ? null : ctxOf(op.parent);
        const c = R.EVP_RAND_CTX_new(rand, parent);
        ctxs.set(op.id, c);
        const id = identities.get(op.id);
        if (c !== null && id !== undefined) R.RANDSHIM_EVP_RAND_CTX_set_identity(c, id);
        return [{ call: `new ${op.id}`, ret: c === null ? 0 : 1, errors: drain() }];
      }
      case 'free': {
        R.EVP_RAND_CTX_free(ctxs.get(op.ctx) ?? null);
        ctxs.delete(op.ctx);
        return [{ call: `free ${op.ctx}`, errors: drain() }];
      }
      case 'ctx_rand':
        return [{ call: `get0_rand ${op.ctx}`, ret: R.EVP_RAND_get0_name(R.EVP_RAND_CTX_get0_rand(ctxOf(op.ctx))), errors: drain() }];
      case 'ctx_tables': {
        const c = ctxOf(op.ctx);
        return [
          { call: `CTX_gettable_params ${op.ctx}`, ret: tableOf(R.EVP_RAND_CTX_gettable_params(c)), errors: drain() },
          { call: `CTX_settable_params ${op.ctx}`, ret: tableOf(R.EVP_RAND_CTX_settable_params(c)), errors: drain() },
        ];
      }
      case 'set': {
        const c = ctxOf(op.ctx);
        const ret = R.EVP_RAND_CTX_set_params(c, op.params === null ? null : buildParams(op.params));
        return [withState(`set ${op.ctx}`, c, ret)];
      }
      case 'get': {
        const c = ctxOf(op.ctx);
        const params = buildParams(op.params);
        const ret = R.EVP_RAND_CTX_get_params(c, params);
        return [{ call: `get ${op.ctx}`, ret, params: params.filter((p) => p.key !== null).map((p) => observeParam(p)), errors: drain() }];
      }
      case 'getall': {
        const c = ctxOf(op.ctx);
        const table = R.EVP_RAND_CTX_gettable_params(c) ?? [];
        return table.filter((d) => d.key !== null).map((d) => {
          const p = readerFor(d.key as string, d.data_type, d.data_size);
          const ret = R.EVP_RAND_CTX_get_params(c, [p, OSSL_PARAM_construct_end()]);
          return { call: `get ${op.ctx}.${d.key}`, ret, params: [observeParam(p)], errors: drain() };
        });
      }
      case 'instantiate': {
        const c = ctxOf(op.ctx);
        const pers = hexOrNull(op.pers);
        const ret = R.EVP_RAND_instantiate(c, op.strength ?? 0, op.pr === true ? 1 : 0, pers, pers?.length ?? 0,
          op.params === undefined || op.params === null ? null : buildParams(op.params));
        return [withState(`instantiate ${op.ctx}`, c, ret)];
      }
      case 'uninstantiate': {
        const c = ctxOf(op.ctx);
        return [withState(`uninstantiate ${op.ctx}`, c, R.EVP_RAND_uninstantiate(c))];
      }
      case 'generate': {
        const c = ctxOf(op.ctx);
        const out = new Uint8Array(op.n);
        const adin = hexOrNull(op.adin);
        const ret = R.EVP_RAND_generate(c, out, op.n, op.strength ?? 0, op.pr === true ? 1 : 0, adin, adin?.length ?? 0);
        const shown = ret === 1 ? { out: op.random === true ? `${op.n} random bytes` : toHex(out) } : {};
        return [withState(`generate ${op.ctx} ${op.n}`, c, ret, shown)];
      }
      case 'reseed': {
        const c = ctxOf(op.ctx);
        const ent = hexOrNull(op.ent);
        const adin = hexOrNull(op.adin);
        const ret = R.EVP_RAND_reseed(c, op.pr === true ? 1 : 0, ent, ent?.length ?? 0, adin, adin?.length ?? 0);
        return [withState(`reseed ${op.ctx}`, c, ret)];
      }
      case 'nonce': {
        const c = ctxOf(op.ctx);
        const out = new Uint8Array(op.n);
        const ret = R.EVP_RAND_nonce(c, out, op.n);
        return [withState(`nonce ${op.ctx} ${op.n}`, c, ret, { out: op.random === true ? `${op.n} bytes` : toHex(out) })];
      }
      case 'enable_locking':
        return [{ call: `enable_locking ${op.ctx}`, ret: R.EVP_RAND_enable_locking(ctxOf(op.ctx)), errors: drain() }];
      case 'verify_zeroization':
        return [{ call: `verify_zeroization ${op.ctx}`, ret: R.EVP_RAND_verify_zeroization(ctxOf(op.ctx)), errors: drain() }];
      case 'strength':
        return [{ call: `get_strength ${op.ctx}`, ret: R.EVP_RAND_get_strength(ctxOf(op.ctx)), errors: drain() }];
      case 'state':
        return [{ call: `get_state ${op.ctx}`, ret: R.EVP_RAND_get_state(ctxOf(op.ctx)), errors: drain() }];
      case 'rand': {
        const { ret, out, ctx } = randCalls.run(op.call);
        if (op.call.fn === 'get0') {
          ctxs.set(op.call.id, ctx ?? null);
          borrowed.add(op.call.id);
        }
        return [{ call: callLabel(op.call), ...(ret === undefined ? {} : { ret }), ...(out === undefined ? {} : { out }), errors: drain() }];
      }
      default:
        throw new TypeError(`unknown op ${JSON.stringify(op)}`);
    }
  }
}
