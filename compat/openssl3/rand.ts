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
import { cDouble, cInt, cPointer, cSizeT, cUint, refuse, type ArgSite } from '../args/index.js';
import { pollIntoMethod } from '../rand/method.js';
import { evpGenerate } from '../../provider/openssl3/rand/evp-rand.js';
import { EVP_RAND_reseed, RANDSHIM_EVP_RAND_CTX_get0_impl, RANDSHIM_EVP_RAND_CTX_wrap, type EVP_RAND_CTX } from './evp_rand.js';
import type { OSSL_LIB_CTX } from './provider.js';
import { RAND_get_rand_method, RAND_OpenSSL } from './rand-method.js';
import { state3 } from './state.js';
import { OSSL_PROV_RANDOM_PRIVATE, OSSL_PROV_RANDOM_PUBLIC, randomProviderBytes } from './rand-provider.js';
import type { RandImpl } from '../../provider/openssl3/rands/rand-impl.js';
import type { RandomWhich } from '../../provider/openssl3/core/random-provider.js';

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
  return secondaryCtx(state3().chain.getPublic(), ctx);
}

/**
 * RAND_get0_private(ctx): the private DRBG (what RAND_priv_bytes uses), as RAND_get0_public.
 *
 * @see RAND_get0_primary(3)
 */
export function RAND_get0_private(ctx: OSSL_LIB_CTX): EVP_RAND_CTX | null {
  return secondaryCtx(state3().chain.getPrivate(), ctx);
}

/** The EVP_RAND_CTX of the public or private DRBG. Its parent (the primary's EVP_RAND_CTX)
 * matters only when the wrapper is made: once it exists the primary is not asked for, as
 * rand_lib.c's RAND_get0_public returns the thread-local DRBG without touching the primary.
 * This is every RAND_bytes call's path. */
function secondaryCtx(impl: RandImpl | null, ctx: OSSL_LIB_CTX): EVP_RAND_CTX | null {
  if (impl === null) return null;
  const made = state3().chainCtxs.get(impl) as EVP_RAND_CTX | undefined;
  return made ?? chainCtx(impl, RAND_get0_primary(ctx));
}

const RAND: ArgSite = { lib: 'RAND' };

/** A method other than RAND_OpenSSL() generating for RAND_bytes_ex / RAND_priv_bytes_ex /
 * RAND_pseudo_bytes: its bytes() (or pseudorand()), or -1 with RAND_R_FUNC_NOT_IMPLEMENTED. */
function methodBytes(fn: ((buf: Uint8Array, num: number) => number) | null, buf: Uint8Array | null, num: number): number {
  if (fn !== null) return fn(buf as Uint8Array, num);
  raise('RAND', 'FUNC_NOT_IMPLEMENTED');
  return -1;
}

/** EVP_RAND_generate(drbg, buf, num, strength, 0, NULL, 0) on a DRBG of the chain: what
 * RAND_bytes_ex, RAND_priv_bytes_ex and drbg_bytes do with the default method. */
function chainBytes(drbg: EVP_RAND_CTX | null, buf: Uint8Array | null, num: number, strength: number): number {
  if (drbg === null) return 0;
  return evpGenerate(RANDSHIM_EVP_RAND_CTX_get0_impl(drbg), buf ?? new Uint8Array(0), strength, false, null, num, 0) ? 1 : 0;
}

/** The public or the private side of rand_lib.c: the random provider slot (3.5+) and the
 * chain's DRBG. */
interface BytesSide {
  readonly provider: RandomWhich;
  readonly drbg: (ctx: OSSL_LIB_CTX) => EVP_RAND_CTX | null;
}

/** What RAND_bytes_ex and RAND_priv_bytes_ex do on their side: check the arguments, use another
 * RAND_METHOD's bytes() when one is installed, then (3.5+) the random provider when one is
 * designated, else the chain's DRBG. */
function sideBytes(side: BytesSide, ctx: OSSL_LIB_CTX, buf: Uint8Array | null, num: number, strength: number): number {
  const b = cPointer(buf);
  const n = cSizeT(num);
  const st = cUint(strength);
  if (b === undefined || n === undefined || st === undefined) return refuse(RAND);
  const meth = RAND_get_rand_method();
  if (meth !== RAND_OpenSSL()) return methodBytes(meth.bytes, b, n);
  const viaProvider = randomProviderBytes(side.provider, b, n, st);
  if (viaProvider !== null) return viaProvider;
  return chainBytes(side.drbg(ctx), b, n, st);
}

const PUBLIC_SIDE: BytesSide = { provider: OSSL_PROV_RANDOM_PUBLIC, drbg: RAND_get0_public };
const PRIVATE_SIDE: BytesSide = { provider: OSSL_PROV_RANDOM_PRIVATE, drbg: RAND_get0_private };

/**
 * RAND_bytes_ex(ctx, buf, num, strength): `num` bytes from the public DRBG at `strength` bits
 * (EVP_RAND_generate(public, buf, num, strength, 0, NULL, 0): chunks of max_request, no
 * additional input). 1 on success, 0 on failure; with another RAND_METHOD, its bytes() (-1
 * if it has none).
 *
 * @see RAND_bytes(3)
 */
export function RAND_bytes_ex(ctx: OSSL_LIB_CTX, buf: Uint8Array | null, num: number, strength: number): number {
  return sideBytes(PUBLIC_SIDE, ctx, buf, num, strength);
}

/**
 * RAND_priv_bytes_ex(ctx, buf, num, strength): as RAND_bytes_ex, from the private DRBG. With
 * another RAND_METHOD, its bytes().
 *
 * @see RAND_bytes(3)
 */
export function RAND_priv_bytes_ex(ctx: OSSL_LIB_CTX, buf: Uint8Array | null, num: number, strength: number): number {
  return sideBytes(PRIVATE_SIDE, ctx, buf, num, strength);
}

/**
 * RAND_bytes(buf, num): 0 when num < 0 (nothing else happens), else RAND_bytes_ex(NULL, buf,
 * num, 0).
 *
 * @see RAND_bytes(3)
 */
export function RAND_bytes(buf: Uint8Array | null, num: number): number {
  const n = cInt(num);
  if (n === undefined || cPointer(buf) === undefined) return refuse(RAND);
  if (n < 0) return 0;
  return RAND_bytes_ex(null, buf, n, 0);
}

/**
 * RAND_priv_bytes(buf, num): 0 when num < 0, else RAND_priv_bytes_ex(NULL, buf, num, 0).
 *
 * @see RAND_bytes(3)
 */
export function RAND_priv_bytes(buf: Uint8Array | null, num: number): number {
  const n = cInt(num);
  if (n === undefined || cPointer(buf) === undefined) return refuse(RAND);
  if (n < 0) return 0;
  return RAND_priv_bytes_ex(null, buf, n, 0);
}

/**
 * RAND_pseudo_bytes(buf, num) (deprecated since 1.1.0, still in 3.0): the method's
 * pseudorand(), i.e. drbg_bytes (EVP_RAND_generate on the public DRBG, `num` converted to
 * size_t as C does) for RAND_OpenSSL(); -1 with RAND_R_FUNC_NOT_IMPLEMENTED when the method
 * has none.
 *
 * @see RAND_bytes(3)
 */
export function RAND_pseudo_bytes(buf: Uint8Array | null, num: number): number {
  const b = cPointer(buf);
  const n = cInt(num);
  if (b === undefined || n === undefined) return refuse(RAND);
  const meth = RAND_get_rand_method();
  if (meth !== RAND_OpenSSL()) return methodBytes(meth.pseudorand, b, n);
  return chainBytes(RAND_get0_public(null), b, cSizeT(n) as number, 0);
}

/** C's RAND_seed / RAND_add arguments, or undefined after refusing them (nothing happens).
 * A NULL buf is fine in C (the reseed gets no additional input); a JavaScript buffer shorter
 * than a positive num would be an over-read. */
function addArgs(buf: unknown, num: unknown): { b: Uint8Array | null; n: number } | undefined {
  const b = cPointer(buf);
  const n = cInt(num);
  if (b === undefined || n === undefined || (b !== null && n > 0 && b.length < n)) {
    refuse(RAND);
    return undefined;
  }
  return { b, n };
}

/**
 * RAND_seed(buf, num): the method's seed(); for RAND_OpenSSL() that is RAND_add(buf, num, num):
 * nothing for num <= 0 (the primary is still created), else a reseed of the primary with the
 * buffer as additional input.
 *
 * @see RAND_add(3)
 */
export function RAND_seed(buf: Uint8Array | null, num: number): void {
  const args = addArgs(buf, num);
  if (args === undefined) return;
  const meth = RAND_get_rand_method();
  if (meth.seed !== null) {
    meth.seed(args.b, args.n);
    return;
  }
  reseedPrimary(args.b, args.n);
}

/** RAND_seed / RAND_add under a method without seed() / add(): the primary (created if need
 * be) reseeded with the buffer as additional input when num > 0. */
function reseedPrimary(buf: Uint8Array | null, num: number): void {
  const primary = RAND_get0_primary(null);
  if (primary !== null && num > 0) EVP_RAND_reseed(primary, 0, null, 0, buf, num);
}

/**
 * RAND_add(buf, num, randomness): the method's add(); for RAND_OpenSSL(), `randomness` (a C
 * double: NaN and the infinities pass) is ignored and the buffer becomes the additional input
 * of a full reseed of the primary (fresh entropy from its seed source), so public and private
 * reseed on their next request. Nothing happens for num <= 0 but the primary's creation.
 *
 * @see RAND_add(3)
 */
export function RAND_add(buf: Uint8Array | null, num: number, randomness: number): void {
  const r = cDouble(randomness);
  if (r === undefined) {
    refuse(RAND);
    return;
  }
  const args = addArgs(buf, num);
  if (args === undefined) return;
  const meth = RAND_get_rand_method();
  if (meth.add !== null) {
    meth.add(args.b, args.n, r);
    return;
  }
  reseedPrimary(args.b, args.n);
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
  if (cInt(keep) === undefined) refuse(RAND);
}
