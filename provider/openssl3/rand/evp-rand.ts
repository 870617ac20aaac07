/**
 * The EVP_RAND calls the default chain makes on its contexts (crypto/evp/evp_rand.c, 3.0),
 * over the provider's dispatch-table interface. Locking is a no-op in one JavaScript realm, so
 * only the calls' observable behaviour is kept: parameter handling, the chunking of
 * EVP_RAND_generate, and the errors EVP itself raises.
 */
import { DrbgCtx } from '../rands/drbg.js';
import { raise } from '../../err/queue.js';
import { RandState, type RandImpl, type RandParams } from '../rands/rand-impl.js';

/**
 * EVP_RAND_instantiate(ctx, strength, pr, pers, params): the provider's instantiate, which
 * first applies `params` through set_ctx_params (e.g. drbg_ctr_instantiate_wrapper) and fails
 * if they are refused. `pers` null means the DRBG's default personalization.
 */
export function evpInstantiate(ctx: RandImpl, strength: number, predictionResistance: boolean,
  pers: Uint8Array | null, params: RandParams | null): boolean {
  if (params !== null && !ctx.setCtxParams(params)) return false;
  return ctx.instantiate(strength, predictionResistance, pers);
}

/**
 * EVP_RAND_generate: reads max_request (EVP_R_UNABLE_TO_GET_MAXIMUM_REQUEST_SIZE if it cannot,
 * or if it is 0), then asks the provider for chunks of at most max_request bytes, with the same
 * additional input on every chunk and prediction resistance on the first only. A zero-length
 * request makes no provider call. A failing chunk raises EVP_R_GENERATE_ERROR.
 */
export function evpGenerate(ctx: RandImpl, out: Uint8Array, strength: number, predictionResistance: boolean,
  adin: Uint8Array | null, outlen: number = out.length, adinlen: number = adin === null ? 0 : adin.length): boolean {
  const max = maxRequestOf(ctx);
  if (max === 0) {
    raise('EVP', 'UNABLE_TO_GET_MAXIMUM_REQUEST_SIZE');
    return false;
  }
  let pr = predictionResistance;
  for (let off = 0; off < outlen; off += max) {
    // C's lengths go to the provider; a DRBG refuses buffers shorter than them after its checks.
    const chunk = Math.min(max, outlen - off);
    // The whole buffer in one chunk (RAND_bytes' usual case) needs no view object.
    const view = off === 0 && chunk === out.length ? out : out.subarray(off, off + chunk);
    const ok = ctx instanceof DrbgCtx ? ctx.generate(view, strength, pr, adin, adinlen, chunk)
      : view.length === chunk && (adin === null || adin.length >= adinlen) ? ctx.generate(view, strength, pr, adin)
        : refusedBuffer();
    if (!ok) {
      raise('EVP', 'GENERATE_ERROR');
      return false;
    }
    pr = false;
  }
  return true;
}

/** A JavaScript buffer shorter than C's length, for a RAND that is not a DRBG: refused by EVP
 * before the provider is called. */
function refusedBuffer(): false {
  raise('EVP', 'PASSED_INVALID_ARGUMENT');
  return false;
}

/**
 * The "max_request" parameter, 0 when it cannot be read. A DRBG always reports its own
 * max_request (ossl_drbg_get_ctx_params), so it is read directly: the same value without
 * building a parameter array on every request, the hot path of RAND_bytes.
 */
function maxRequestOf(ctx: RandImpl): number {
  if (ctx instanceof DrbgCtx) return ctx.drbgLimits.maxRequest;
  const p: RandParams = {};
  return ctx.getCtxParams(['max_request'], p) && p.max_request ? p.max_request : 0;
}

/** EVP_RAND_reseed: the provider's reseed, arguments unchanged. */
export function evpReseed(ctx: RandImpl, predictionResistance: boolean, entropy: Uint8Array | null,
  adin: Uint8Array | null): boolean {
  return ctx.reseed(predictionResistance, entropy, adin);
}

/** EVP_RAND_get_state: the "state" parameter, or ERROR when it cannot be read. */
export function evpGetState(ctx: RandImpl): RandState {
  const p: RandParams = {};
  if (!ctx.getCtxParams(['state'], p) || p.state === undefined) return RandState.ERROR;
  return p.state as RandState;
}

/** EVP_RAND_enable_locking. */
export function evpEnableLocking(ctx: RandImpl): boolean {
  return ctx.enableLocking();
}
