/**
 * OpenSSL 3.0's RAND front end (crypto/rand/rand_lib.c): RAND_bytes, RAND_priv_bytes and their
 * _ex forms, RAND_seed, RAND_add, RAND_status, RAND_poll, and RAND_get0_primary / _public /
 * _private, which hand out the default chain's DRBGs (provider/chain DefaultChain3x: SEED-SRC
 * -> primary -> public / private) as EVP_RAND_CTX objects. Every call first asks for the
 * installed RAND_METHOD and uses it when it is not RAND_OpenSSL(), as rand_lib.c does.
 *
 * 3.x semantics (facts 6.6): no per-call additional input in RAND_bytes; RAND_add and
 * RAND_seed ignore `randomness` and reseed the primary with the buffer as additional input;
 * RAND_poll is RAND_seed("polling", 8). The library context must be null (the default one).
 */
import { raise } from '../../provider/err/queue.js';
import { pollIntoMethod } from '../rand/method.js';
import { EVP_RAND_generate, EVP_RAND_reseed, RANDSHIM_EVP_RAND_CTX_wrap, type EVP_RAND_CTX } from './evp_rand.js';
import type { OSSL_LIB_CTX } from './provider.js';
import { RAND_get_rand_method, RAND_OpenSSL } from './rand-method.js';
import { state3 } from './state.js';
import type { RandImpl } from '../../provider/openssl3/rands/rand-impl.js';

/** The EVP_RAND_CTX standing for one of the chain's contexts: created on first request, the
 * same object afterwards. */
function chainCtx(impl: RandImpl | null, parent: EVP_RAND_CTX | null): EVP_RAND_CTX | null {
  if (impl === null) return null;
  const s = state3();
  let ctx = s.chainCtxs.get(impl) as EVP_RAND_CTX | undefined;
  if (ctx === undefined) {
    ctx = RANDSHIM_EVP_RAND_CTX_wrap(impl, parent);
    s.chainCtxs.set(impl, ctx);
  }
  return ctx;
}

/**
 * RAND_get0_primary(ctx): the primary DRBG, created on first use (with the seed source it pulls
 * from; a seed source that cannot be created is dropped silently and the primary is then seeded
 * from the OS with a nonce). NULL when it cannot be created; the next call tries again. Do not
 * free it.
 *
 * @see RAND_get0_primary(3)
 */
export function RAND_get0_primary(ctx: OSSL_LIB_CTX): EVP_RAND_CTX | null {
  void ctx;
  const chain = state3().chain;
  const primary = chain.getPrimary();
  return chainCtx(primary, chainCtx(chain.seedSource, null));
}

/**
 * RAND_get0_public(ctx): the public DRBG (what RAND_bytes uses), created under the primary on
 * first use with 65536 requests / 420 s reseed intervals. NULL when it cannot be created.
 *
 * @see RAND_get0_primary(3)
 */
export function RAND_get0_public(ctx: OSSL_LIB_CTX): EVP_RAND_CTX | null {
  const pub = state3().chain.getPublic();
  return pub === null ? null : chainCtx(pub, RAND_get0_primary(ctx));
}

/**
 * RAND_get0_private(ctx): the private DRBG (what RAND_priv_bytes uses), as RAND_get0_public.
 *
 * @see RAND_get0_primary(3)
 */
export function RAND_get0_private(ctx: OSSL_LIB_CTX): EVP_RAND_CTX | null {
  const priv = state3().chain.getPrivate();
  return priv === null ? null : chainCtx(priv, RAND_get0_primary(ctx));
}

/** C would read or write past a buffer shorter than `num` bytes; refused instead
 * (RAND ERR_R_PASSED_INVALID_ARGUMENT). */
function fits(buf: Uint8Array | null, num: number): boolean {
  if (buf === null || (Number.isInteger(num) && num <= buf.length)) return true;
  raise('RAND', 'PASSED_INVALID_ARGUMENT');
  return false;
}

/** A method other than RAND_OpenSSL() generating for RAND_bytes_ex / RAND_priv_bytes_ex:
 * its bytes(), or -1 with RAND_R_FUNC_NOT_IMPLEMENTED. */
function methodBytes(buf: Uint8Array, num: number): number {
  const meth = RAND_get_rand_method();
  if (meth.bytes !== null) return meth.bytes(buf, num);
  raise('RAND', 'FUNC_NOT_IMPLEMENTED');
  return -1;
}

/**
 * RAND_bytes_ex(ctx, buf, num, strength): `num` bytes from the public DRBG at `strength` bits
 * (EVP_RAND_generate(public, buf, num, strength, 0, NULL, 0): chunks of max_request, no
 * additional input). 1 on success, 0 on failure; with another RAND_METHOD, its bytes() (-1
 * if it has none).
 *
 * @see RAND_bytes(3)
 */
export function RAND_bytes_ex(ctx: OSSL_LIB_CTX, buf: Uint8Array, num: number, strength: number): number {
  if (RAND_get_rand_method() !== RAND_OpenSSL()) return methodBytes(buf, num);
  const pub = RAND_get0_public(ctx);
  return pub === null ? 0 : EVP_RAND_generate(pub, buf, num, strength, 0, null, 0);
}

/**
 * RAND_priv_bytes_ex(ctx, buf, num, strength): as RAND_bytes_ex, from the private DRBG. With
 * another RAND_METHOD, its bytes().
 *
 * @see RAND_bytes(3)
 */
export function RAND_priv_bytes_ex(ctx: OSSL_LIB_CTX, buf: Uint8Array, num: number, strength: number): number {
  if (RAND_get_rand_method() !== RAND_OpenSSL()) return methodBytes(buf, num);
  const priv = RAND_get0_private(ctx);
  return priv === null ? 0 : EVP_RAND_generate(priv, buf, num, strength, 0, null, 0);
}

/**
 * RAND_bytes(buf, num): 0 when num < 0 (nothing else happens), else RAND_bytes_ex(NULL, buf,
 * num, 0).
 *
 * @see RAND_bytes(3)
 */
export function RAND_bytes(buf: Uint8Array, num: number): number {
  if (num < 0) return 0;
  return RAND_bytes_ex(null, buf, num, 0);
}

/**
 * RAND_priv_bytes(buf, num): 0 when num < 0, else RAND_priv_bytes_ex(NULL, buf, num, 0).
 *
 * @see RAND_bytes(3)
 */
export function RAND_priv_bytes(buf: Uint8Array, num: number): number {
  if (num < 0) return 0;
  return RAND_priv_bytes_ex(null, buf, num, 0);
}

/**
 * RAND_pseudo_bytes(buf, num) (deprecated since 1.1.0, still in 3.0): the method's
 * pseudorand(), i.e. the public DRBG for RAND_OpenSSL(); -1 with RAND_R_FUNC_NOT_IMPLEMENTED
 * when the method has none.
 *
 * @see RAND_bytes(3)
 */
export function RAND_pseudo_bytes(buf: Uint8Array, num: number): number {
  const meth = RAND_get_rand_method();
  if (meth.pseudorand === null) {
    raise('RAND', 'FUNC_NOT_IMPLEMENTED');
    return -1;
  }
  if (!fits(buf, Math.max(0, num))) return 0;
  return meth.pseudorand(buf, num);
}

/**
 * RAND_seed(buf, num): the method's seed(); for RAND_OpenSSL() that is RAND_add(buf, num, num):
 * nothing for num <= 0 (the primary is still created), else a reseed of the primary with the
 * buffer as additional input.
 *
 * @see RAND_add(3)
 */
export function RAND_seed(buf: Uint8Array | null, num: number): void {
  const meth = RAND_get_rand_method();
  if (!fits(buf, Math.max(0, num))) return;
  if (meth.seed !== null) {
    meth.seed(buf, num);
    return;
  }
  reseedPrimary(buf, num);
}

/** RAND_seed / RAND_add under a method without seed() / add(): the primary (created if need
 * be) reseeded with the buffer as additional input when num > 0. */
function reseedPrimary(buf: Uint8Array | null, num: number): void {
  const primary = RAND_get0_primary(null);
  if (primary !== null && num > 0) EVP_RAND_reseed(primary, 0, null, 0, buf, num);
}

/**
 * RAND_add(buf, num, randomness): the method's add(); for RAND_OpenSSL(), `randomness` is
 * ignored and the buffer becomes the additional input of a full reseed of the primary (fresh
 * entropy from its seed source), so public and private reseed on their next request. Nothing
 * happens for num <= 0 but the primary's creation.
 *
 * @see RAND_add(3)
 */
export function RAND_add(buf: Uint8Array | null, num: number, randomness: number): void {
  const meth = RAND_get_rand_method();
  if (!fits(buf, Math.max(0, num))) return;
  if (meth.add !== null) {
    meth.add(buf, num, randomness);
    return;
  }
  reseedPrimary(buf, num);
}

/**
 * RAND_status(): 1 iff the primary DRBG (created here if need be) is READY; with another
 * method, its status() (0 if it has none).
 *
 * @see RAND_add(3)
 */
export function RAND_status(): number {
  const meth = RAND_get_rand_method();
  if (meth !== RAND_OpenSSL()) return meth.status !== null ? meth.status() : 0;
  return state3().chain.status();
}

/**
 * RAND_poll(): for RAND_OpenSSL(), RAND_seed("polling", 8) and 1 whatever happened (so an
 * uninstantiated or failed primary is restarted, SP 800-90A permitting). With another method:
 * 32 bytes of OS entropy to its add() with randomness 32.0.
 *
 * @see RAND_add(3)
 */
export function RAND_poll(): number {
  const meth = RAND_get_rand_method();
  if (meth === RAND_OpenSSL()) return state3().chain.poll();
  return pollIntoMethod(meth);
}

/**
 * RAND_keep_random_devices_open(keep): randshim holds no device descriptors; a no-op.
 *
 * @see RAND_add(3)
 */
export function RAND_keep_random_devices_open(keep: number): void {
  void keep;
}
