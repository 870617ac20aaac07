/**
 * EVP_RAND (EVP_RAND(3), crypto/evp/evp_rand.c of OpenSSL 3.0): fetching a RAND algorithm,
 * creating contexts under a parent, and driving them. Thin by design: an EVP_RAND_CTX wraps a
 * provider {@link RandImpl} (randshim's CTR/HASH/HMAC DRBGs, TEST-RAND, SEED-SRC, or any other
 * implementation, e.g. a DRBG of the default chain), and every function does what evp_rand.c
 * does around the provider's dispatch table; the state machine and the parameters are the
 * provider's.
 *
 * Conventions (as in the 1.1.1 personality): C names and argument order; a pointer plus a
 * length is (Uint8Array | null, number), null being NULL; out-pointers are one-field boxes;
 * OpenSSL's return values; failures push OpenSSL's codes (ERR_get_error). Arguments go through
 * compat/args (docs/bad-input.md): a value C cannot express, a freed or foreign context, or a
 * buffer shorter than its length (checked after OpenSSL's own limits, where C would touch the
 * memory) is refused with ERR_R_PASSED_INVALID_ARGUMENT; NULL where C dereferences it with
 * ERR_R_PASSED_NULL_PARAMETER.
 *
 *   const rand = EVP_RAND_fetch(null, 'CTR-DRBG', null);
 *   const ctx = EVP_RAND_CTX_new(rand, parent);
 *   EVP_RAND_instantiate(ctx, 256, 0, null, 0, params);
 *   EVP_RAND_generate(ctx, out, out.length, 256, 0, null, 0);
 */
import { evpEnableLocking, evpGenerate, evpGetState } from '../../provider/openssl3/rand/evp-rand.js';
import { newRandCtx } from '../../provider/openssl3/rand/evp-rand-fetch.js';
import { DrbgCtx } from '../../provider/openssl3/rands/drbg.js';
import { raise } from '../../provider/err/queue.js';
import type { OSSL_PARAM } from '../../provider/openssl3/core/param-memory.js';
import { DEFAULT_PROVIDER_PROPERTIES, FIPS_PROVIDER_PROPERTIES, type RandMethod } from '../../provider/openssl3/core/provider-store.js';
import { RandState, type RandImpl, type RandParams } from '../../provider/openssl3/rands/rand-impl.js';
import { providerNamed, type OSSL_LIB_CTX, type OSSL_PROVIDER } from './provider.js';
import { cHandle, cInt, cPointer, cSizeT, cUint, cView, holds, markFreed, refuse, refuseNull, type ArgSite } from '../args/index.js';
import { state3 } from './state.js';
import { lineBehaviour } from '../../provider/openssl3/lines.js';

/** A fetched RAND algorithm (EVP_RAND). */
export class EVP_RAND {
  /** @internal */
  refcnt = 1;
  /** @internal */
  constructor(readonly method: RandMethod) {}
}

/** A RAND context (EVP_RAND_CTX): the algorithm, the provider's context and the parent. */
export class EVP_RAND_CTX {
  /** @internal */
  refcnt = 1;
  /** @internal */
  constructor(readonly meth: EVP_RAND, readonly algctx: RandImpl, readonly parent: EVP_RAND_CTX | null) {}
}

const EVP: ArgSite = { lib: 'EVP' };

/** A live EVP_RAND_CTX, or undefined after refusing NULL, a freed context or another value. */
function liveCtx(ctx: unknown): EVP_RAND_CTX | undefined {
  const c = cHandle(ctx, EVP_RAND_CTX);
  if (c === null) refuseNull(EVP);
  else if (c === undefined) refuse(EVP);
  return c ?? undefined;
}

/** An OSSL_PARAM array argument: an array, or null for NULL; undefined for anything else. */
function cParams(params: unknown): OSSL_PARAM[] | null | undefined {
  return params === null || Array.isArray(params) ? (params as OSSL_PARAM[] | null) : undefined;
}

/** An EVP_RAND standing for an implementation randshim did not fetch (see
 * {@link RANDSHIM_EVP_RAND_CTX_wrap}). */
function randFor(impl: RandImpl): EVP_RAND {
  const name = impl.algorithm.toUpperCase();
  const known = ['CTR-DRBG', 'HASH-DRBG', 'HMAC-DRBG', 'SEED-SRC', 'TEST-RAND'].includes(name);
  const fips = impl instanceof DrbgCtx && impl.fips;
  return new EVP_RAND({
    name: (known ? name : impl.algorithm) as RandMethod['name'],
    provider: fips ? 'fips' : 'default',
    properties: fips ? FIPS_PROVIDER_PROPERTIES : DEFAULT_PROVIDER_PROPERTIES,
    definition: new Map([['provider', fips ? 'fips' : 'default']]),
  });
}

// ---- EVP_RAND ----

/**
 * EVP_RAND_fetch(libctx, algorithm, properties): "CTR-DRBG", "HASH-DRBG", "HMAC-DRBG",
 * "TEST-RAND" or "SEED-SRC" (case-insensitive) from a loaded provider whose definition matches
 * `properties` merged with the default properties; NULL with ERR_LIB_EVP ERR_R_UNSUPPORTED
 * otherwise. Fetching again returns the same object, its reference count increased.
 */
export function EVP_RAND_fetch(libctx: OSSL_LIB_CTX, algorithm: string | null, properties: string | null): EVP_RAND | null {
  void libctx;
  if (algorithm === null) return null;
  const s = state3();
  const method = s.store.fetchRand(algorithm, properties);
  if (method === null) return null;
  const key = `${method.provider}/${method.name}`;
  let rand = s.rands.get(key) as EVP_RAND | undefined;
  if (rand === undefined) {
    rand = new EVP_RAND(method);
    s.rands.set(key, rand);
  } else {
    rand.refcnt++;
  }
  return rand;
}

/** EVP_RAND_up_ref(rand): 1. */
export function EVP_RAND_up_ref(rand: EVP_RAND | null): number {
  if (rand !== null) rand.refcnt++;
  return 1;
}

/** EVP_RAND_free(rand): drops a reference (the method cache keeps the object). */
export function EVP_RAND_free(rand: EVP_RAND | null): void {
  if (rand !== null && rand.refcnt > 0) rand.refcnt--;
}

/** EVP_RAND_get0_name(rand): the algorithm's first name, e.g. "CTR-DRBG". */
export function EVP_RAND_get0_name(rand: EVP_RAND): string {
  return rand.method.name;
}

/** EVP_RAND_get0_description(rand): NULL (the 3.0 providers give RANDs no description). */
export function EVP_RAND_get0_description(rand: EVP_RAND): string | null {
  void rand;
  return null;
}

/** EVP_RAND_is_a(rand, name): 1 when `name` is one of the algorithm's names (case-insensitive). */
export function EVP_RAND_is_a(rand: EVP_RAND | null, name: string | null): number {
  return rand !== null && name !== null && rand.method.name === name.toUpperCase() ? 1 : 0;
}

/** EVP_RAND_get0_provider(rand): "default" or randshim's "fips". */
export function EVP_RAND_get0_provider(rand: EVP_RAND): OSSL_PROVIDER {
  return providerNamed(rand.method.provider);
}

/** EVP_RAND_get_params(rand, params): 1 (no RAND has algorithm-level parameters). */
export function EVP_RAND_get_params(rand: EVP_RAND, params: OSSL_PARAM[] | null): number {
  void rand;
  void params;
  return 1;
}

/** EVP_RAND_gettable_params(rand): NULL (see EVP_RAND_get_params). */
export function EVP_RAND_gettable_params(rand: EVP_RAND): OSSL_PARAM[] | null {
  void rand;
  return null;
}

/** A context of `rand`'s implementation, created only to read its static tables. */
function prototype(rand: EVP_RAND): RandImpl {
  const ctx = newRandCtx(rand.method, null, state3().env, undefined);
  return ctx as RandImpl;
}

/** EVP_RAND_gettable_ctx_params(rand): the descriptor table of what get_params reports. */
export function EVP_RAND_gettable_ctx_params(rand: EVP_RAND): OSSL_PARAM[] | null {
  return prototype(rand).gettableCtxParamArray();
}

/** EVP_RAND_settable_ctx_params(rand): the descriptor table of what set_params accepts
 * (NULL for SEED-SRC, which has no set_ctx_params). */
export function EVP_RAND_settable_ctx_params(rand: EVP_RAND): OSSL_PARAM[] | null {
  return prototype(rand).settableCtxParamArray();
}

// ---- EVP_RAND_CTX ----

/**
 * EVP_RAND_CTX_new(rand, parent): a context under `parent` (NULL: none). The provider's newctx
 * refuses what OpenSSL's refuses: SEED-SRC with a parent (PROV_R_SEED_SOURCES_MUST_NOT_HAVE_A_PARENT),
 * a DRBG stronger than its parent (PROV_R_PARENT_STRENGTH_TOO_WEAK); EVP then adds
 * ERR_R_MALLOC_FAILURE (sic) and returns NULL. NULL `rand`: EVP_R_INVALID_NULL_ALGORITHM.
 */
export function EVP_RAND_CTX_new(rand: EVP_RAND | null, parent: EVP_RAND_CTX | null): EVP_RAND_CTX | null {
  if (rand === null) {
    raise('EVP', 'INVALID_NULL_ALGORITHM');
    return null;
  }
  const p = cHandle(parent, EVP_RAND_CTX);
  if (!(rand instanceof EVP_RAND) || p === undefined) {
    refuse(EVP);
    return null;
  }
  if (p !== null) p.refcnt++;
  const algctx = newRandCtx(rand.method, p?.algctx ?? null, state3().env, undefined);
  if (algctx === null) {
    EVP_RAND_CTX_free(p);
    return null;
  }
  rand.refcnt++;
  return new EVP_RAND_CTX(rand, algctx, p);
}

/** EVP_RAND_CTX_free(ctx): at the last reference frees the provider context, then releases
 * the algorithm and the parent. The context is refused by every function afterwards; freeing
 * it again is refused too (ERR_R_PASSED_INVALID_ARGUMENT) and leaves its parent's reference
 * count alone. */
export function EVP_RAND_CTX_free(ctx: EVP_RAND_CTX | null): void {
  if (ctx === null) return;
  const c = cHandle(ctx, EVP_RAND_CTX);
  if (c === null) return;
  if (c === undefined) {
    refuse(EVP);
    return;
  }
  if (--c.refcnt > 0) return;
  markFreed(c);
  c.algctx.free();
  EVP_RAND_free(c.meth);
  EVP_RAND_CTX_free(c.parent);
}

/**
 * EVP_RAND_CTX_up_ref(ctx) (3.1+): one more reference, so one more EVP_RAND_CTX_free is needed
 * before the context goes. Returns 1; NULL (which OpenSSL dereferences) is refused with
 * ERR_R_PASSED_NULL_PARAMETER, a freed context with ERR_R_PASSED_INVALID_ARGUMENT.
 *
 * @see EVP_RAND(3)
 */
export function EVP_RAND_CTX_up_ref(ctx: EVP_RAND_CTX | null): number {
  const c = cHandle(ctx, EVP_RAND_CTX);
  if (c === null) return refuseNull(EVP);
  if (c === undefined) return refuse(EVP);
  c.refcnt++;
  return 1;
}

/** EVP_RAND_CTX_get0_rand(ctx). */
export function EVP_RAND_CTX_get0_rand(ctx: EVP_RAND_CTX): EVP_RAND {
  return ctx.meth;
}

/**
 * EVP_RAND_instantiate(ctx, strength, prediction_resistance, pstr, pstr_len, params): the
 * provider's instantiate, which applies `params` first (as set_ctx_params, failing the call if
 * they are refused; SEED-SRC ignores them). A NULL `pstr` means the 29-byte default
 * personalization ("OpenSSL NIST SP 800-90A DRBG" and its NUL); pass a non-NULL empty buffer
 * for none. Returns 1 also on an already instantiated DRBG (with PROV_R_ALREADY_INSTANTIATED
 * on the queue), as OpenSSL does.
 */
export function EVP_RAND_instantiate(ctx: EVP_RAND_CTX, strength: number, prediction_resistance: number,
  pstr: Uint8Array | null, pstr_len: number, params: OSSL_PARAM[] | null): number {
  const st = cUint(strength);
  const pr = cInt(prediction_resistance);
  const p = cPointer(pstr);
  const n = cSizeT(pstr_len);
  const list = cParams(params);
  if (st === undefined || pr === undefined || p === undefined || n === undefined || list === undefined) return refuse(EVP);
  const c = liveCtx(ctx);
  if (c === undefined) return 0;
  const impl = c.algctx;
  if (impl.setCtxParamArray !== undefined && !impl.setCtxParamArray(list)) {
    return 0;
  }
  if (impl instanceof DrbgCtx) return impl.instantiate(st, pr !== 0, cView(p, n), n) ? 1 : 0;
  if (p !== null && !holds(p, n)) return refuse(EVP);
  return impl.instantiate(st, pr !== 0, cView(p, n)) ? 1 : 0;
}

/** EVP_RAND_uninstantiate(ctx): 1; the state becomes EVP_RAND_STATE_UNINITIALISED. */
export function EVP_RAND_uninstantiate(ctx: EVP_RAND_CTX): number {
  const c = liveCtx(ctx);
  if (c === undefined) return 0;
  return c.algctx.uninstantiate() ? 1 : 0;
}

/**
 * EVP_RAND_generate(ctx, out, outlen, strength, prediction_resistance, addin, addin_len):
 * reads max_request (EVP_R_UNABLE_TO_GET_MAXIMUM_REQUEST_SIZE if it cannot, or if it is 0),
 * then asks the provider for chunks of at most max_request bytes with the same additional
 * input on every chunk and prediction resistance on the first only; outlen 0 makes no
 * provider call (NULL out with outlen 0 returns 1). addin_len is checked against max_adinlen
 * even with a NULL addin, as in C. A failing chunk adds EVP_R_GENERATE_ERROR and returns 0
 * (earlier chunks keep their bytes, as in C).
 */
export function EVP_RAND_generate(ctx: EVP_RAND_CTX, out: Uint8Array | null, outlen: number, strength: number,
  prediction_resistance: number, addin: Uint8Array | null, addin_len: number): number {
  const o = cPointer(out);
  const n = cSizeT(outlen);
  const st = cUint(strength);
  const pr = cInt(prediction_resistance);
  const a = cPointer(addin);
  const an = cSizeT(addin_len);
  if (o === undefined || n === undefined || st === undefined || pr === undefined || a === undefined || an === undefined) {
    return refuse(EVP);
  }
  const c = liveCtx(ctx);
  if (c === undefined) return 0;
  return evpGenerate(c.algctx, o ?? new Uint8Array(0), st, pr !== 0, cView(a, an), n, an) ? 1 : 0;
}

/**
 * EVP_RAND_reseed(ctx, prediction_resistance, ent, ent_len, addin, addin_len): the provider's
 * reseed. A DRBG given an entropy buffer reseeds twice: once with it (in FIPS mode: with it as
 * additional input only, see provider/openssl3/core/provider-store.ts), then from its own source.
 */
export function EVP_RAND_reseed(ctx: EVP_RAND_CTX, prediction_resistance: number, ent: Uint8Array | null,
  ent_len: number, addin: Uint8Array | null, addin_len: number): number {
  const pr = cInt(prediction_resistance);
  const e = cPointer(ent);
  const en = cSizeT(ent_len);
  const a = cPointer(addin);
  const an = cSizeT(addin_len);
  if (pr === undefined || e === undefined || en === undefined || a === undefined || an === undefined) return refuse(EVP);
  const c = liveCtx(ctx);
  if (c === undefined) return 0;
  const impl = c.algctx;
  if (impl instanceof DrbgCtx) return impl.reseed(pr !== 0, cView(e, en), cView(a, an), en, an) ? 1 : 0;
  if ((e !== null && !holds(e, en)) || (a !== null && !holds(a, an))) return refuse(EVP);
  return impl.reseed(pr !== 0, cView(e, en), cView(a, an)) ? 1 : 0;
}

/**
 * EVP_RAND_nonce(ctx, out, outlen): the provider's nonce function (TEST-RAND's: its test nonce,
 * at most outlen bytes) asked at the context's strength, or else a generate of outlen bytes.
 * Returns 1 when something was produced.
 */
export function EVP_RAND_nonce(ctx: EVP_RAND_CTX, out: Uint8Array, outlen: number): number {
  const o = cPointer(out);
  const n = cSizeT(outlen);
  if (o === undefined || n === undefined) return refuse(EVP);
  if (lineBehaviour().nonceZeroLengthRefused && (ctx === null || o === null || n === 0)) {
    // 3.5+: `if (ctx == NULL || out == NULL || outlen == 0)` ERR_R_PASSED_NULL_PARAMETER
    raise('EVP', 'PASSED_NULL_PARAMETER');
    return 0;
  }
  const c = liveCtx(ctx);
  if (c === undefined) return 0;
  if (!holds(o, n)) return refuse(EVP);
  const view = cView(o, n) ?? new Uint8Array(0);
  const str = EVP_RAND_get_strength(c);
  const impl = c.algctx;
  if (impl.nonce !== undefined) return impl.nonce(view, str, n, n) > 0 ? 1 : 0;
  return evpGenerate(impl, view, str, false, null) ? 1 : 0;
}

/** EVP_RAND_enable_locking(ctx): asks the provider (and, for a DRBG, its parent) to lock; a
 * no-op in one JavaScript realm beyond that bookkeeping. */
export function EVP_RAND_enable_locking(ctx: EVP_RAND_CTX): number {
  const c = liveCtx(ctx);
  return c !== undefined && evpEnableLocking(c.algctx) ? 1 : 0;
}

/** EVP_RAND_verify_zeroization(ctx): 1 when the secret working state is all zeros. */
export function EVP_RAND_verify_zeroization(ctx: EVP_RAND_CTX): number {
  const c = liveCtx(ctx);
  return c !== undefined && c.algctx.verifyZeroization() ? 1 : 0;
}

/** EVP_RAND_get_strength(ctx): the "strength" parameter read as unsigned int; 0 if it cannot
 * be read. */
export function EVP_RAND_get_strength(ctx: EVP_RAND_CTX): number {
  const c = liveCtx(ctx);
  if (c === undefined) return 0;
  const p: RandParams = {};
  if (!c.algctx.getCtxParams(['strength'], p)) return 0;
  return p.strength ?? 0;
}

/** EVP_RAND_get_state(ctx): EVP_RAND_STATE_UNINITIALISED, _READY or _ERROR (also when the state
 * cannot be read). */
export function EVP_RAND_get_state(ctx: EVP_RAND_CTX): number {
  const c = liveCtx(ctx);
  if (c === undefined) return RandState.ERROR;
  const s = evpGetState(c.algctx);
  return s === RandState.READY || s === RandState.UNINITIALISED ? s : RandState.ERROR;
}

/** EVP_RAND_CTX_get_params(ctx, params): the provider's get_ctx_params; 0 at the first
 * parameter it cannot produce or convert (those before it are written). */
export function EVP_RAND_CTX_get_params(ctx: EVP_RAND_CTX, params: OSSL_PARAM[] | null): number {
  const list = cParams(params);
  if (list === undefined) return refuse(EVP);
  const c = liveCtx(ctx);
  return c !== undefined && c.algctx.getCtxParamArray(list ?? []) ? 1 : 0;
}

/** EVP_RAND_CTX_set_params(ctx, params): the provider's set_ctx_params (1 if it has none);
 * 0 at the first parameter it refuses (those before it stay applied). */
export function EVP_RAND_CTX_set_params(ctx: EVP_RAND_CTX, params: OSSL_PARAM[] | null): number {
  const list = cParams(params);
  if (list === undefined) return refuse(EVP);
  const c = liveCtx(ctx);
  if (c === undefined) return 0;
  const impl = c.algctx;
  if (impl.setCtxParamArray === undefined) return 1;
  return impl.setCtxParamArray(list) ? 1 : 0;
}

/** EVP_RAND_CTX_gettable_params(ctx): the descriptor table of what get_params reports. */
export function EVP_RAND_CTX_gettable_params(ctx: EVP_RAND_CTX): OSSL_PARAM[] | null {
  const c = liveCtx(ctx);
  return c === undefined ? null : c.algctx.gettableCtxParamArray();
}

/** EVP_RAND_CTX_settable_params(ctx): the descriptor table of what set_params accepts (NULL
 * for SEED-SRC). */
export function EVP_RAND_CTX_settable_params(ctx: EVP_RAND_CTX): OSSL_PARAM[] | null {
  const c = liveCtx(ctx);
  return c === undefined ? null : c.algctx.settableCtxParamArray();
}

// ---- randshim additions (not OpenSSL functions) ----

/**
 * An EVP_RAND_CTX around a provider implementation created elsewhere (e.g. a DRBG of the default
 * chain, or one a test built directly), so the EVP_RAND functions can drive it. `parent`, when
 * given, is kept alive by the wrapper as EVP_RAND_CTX_new would.
 */
export function RANDSHIM_EVP_RAND_CTX_wrap(impl: RandImpl, parent: EVP_RAND_CTX | null = null): EVP_RAND_CTX {
  if (parent !== null) parent.refcnt++;
  return new EVP_RAND_CTX(randFor(impl), impl, parent);
}

/** The provider implementation behind a context. */
export function RANDSHIM_EVP_RAND_CTX_get0_impl(ctx: EVP_RAND_CTX): RandImpl {
  return ctx.algctx;
}

/**
 * Sets the 8 bytes a DRBG context passes as additional input when its children pull entropy
 * from it: in OpenSSL, its own address (the PROV_DRBG pointer, the EVP_RAND_CTX's `algctx`).
 * Setting it to a C run's value reproduces that run bit for bit. Returns 1 for a DRBG, 0 for
 * TEST-RAND and SEED-SRC (which ignore additional input).
 */
export function RANDSHIM_EVP_RAND_CTX_set_identity(ctx: EVP_RAND_CTX, identity: Uint8Array): number {
  if (!(ctx.algctx instanceof DrbgCtx)) return 0;
  ctx.algctx.identity = Uint8Array.from(identity);
  return 1;
}
