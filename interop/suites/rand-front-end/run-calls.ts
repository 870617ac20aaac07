/**
 * The RAND front-end calls (./calls.ts) run on one side, written once for both: the decoding of
 * each call (its operands, the buffers it takes, what it gives back) and the NULL library
 * context every call passes. A side differs only in the functions it calls, a
 * {@link RandFrontEnd}: a real libcrypto 3's bindings (./run-libcrypto.ts) or randshim's
 * compat/openssl3 itself (./run-randshim.ts), which spell those functions alike.
 */
import { addBuffer, withRandEnv, type RandCall } from './calls.js';
import type { ScenarioFiles } from './files.js';

/** What one call gives back: its return value, what it wrote (described), and for
 * RAND_get0_* the context to bind. */
export interface RandCallResult<C> {
  readonly ret?: number | string | null;
  readonly out?: string;
  readonly ctx?: C | null;
}

/**
 * The OpenSSL 3 functions the calls use (rand.h, randfile.c, evp.h), as a side declares them:
 * `L` is its OSSL_LIB_CTX *, `C` its EVP_RAND_CTX *, `Long` how it takes a C `long`.
 */
export interface RandFrontEnd<L, C, Long> {
  RAND_get0_primary(libctx: L): C;
  RAND_get0_public(libctx: L): C;
  RAND_get0_private(libctx: L): C;
  RAND_bytes(buf: Uint8Array, num: number): number;
  RAND_priv_bytes(buf: Uint8Array, num: number): number;
  RAND_bytes_ex(libctx: L, buf: Uint8Array, num: number, strength: number): number;
  RAND_priv_bytes_ex(libctx: L, buf: Uint8Array, num: number, strength: number): number;
  RAND_add(buf: Uint8Array, num: number, randomness: number): void;
  RAND_seed(buf: Uint8Array, num: number): void;
  RAND_status(): number;
  RAND_poll(): number;
  RAND_set_DRBG_type(libctx: L, drbg: string | null, propq: string | null, cipher: string | null,
    digest: string | null): number;
  RAND_set_seed_source_type(libctx: L, seed: string | null, propq: string | null): number;
  RAND_load_file(file: string, maxBytes: Long): number;
  RAND_write_file(file: string): number;
  RAND_file_name(buf: Uint8Array, num: number): string | null;
  EVP_default_properties_enable_fips(libctx: L, enable: number): number;
}

/** One side: its functions and how it spells NULL and a `long`. */
export interface RandSide<L, C, Long> {
  readonly api: RandFrontEnd<L, C, Long>;
  /** NULL as the library context every call passes. */
  readonly nullLibctx: L;
  /** What RAND_get0_* return for NULL. */
  readonly nullCtx: C;
  readonly long: (n: number) => Long;
}

export class RandCalls<L, C, Long> {
  /** The context each RAND_get0_* returned last, to tell a new one from the same. */
  private readonly last = new Map<string, C>();

  constructor(private readonly side: RandSide<L, C, Long>, private readonly files: ScenarioFiles | undefined) {}

  private file(call: { readonly file: Parameters<ScenarioFiles['prepare']>[0] }): { files: ScenarioFiles; path: string } {
    if (this.files === undefined) throw new Error('a RAND file call needs ScenarioFiles');
    return { files: this.files, path: this.files.prepare(call.file) };
  }

  run(call: RandCall): RandCallResult<C> {
    const { api, nullLibctx: libctx, nullCtx } = this.side;
    switch (call.fn) {
      case 'get0': {
        const get = { primary: api.RAND_get0_primary, public: api.RAND_get0_public, private: api.RAND_get0_private }[call.which];
        const ctx = get(libctx);
        const before = this.last.get(call.which);
        if (ctx !== nullCtx) this.last.set(call.which, ctx);
        return { ret: ctx === nullCtx ? 'NULL' : ctx === before ? 'same context' : 'new context', ctx };
      }
      case 'RAND_bytes':
      case 'RAND_priv_bytes':
      case 'RAND_bytes_ex':
      case 'RAND_priv_bytes_ex': {
        const out = new Uint8Array(Math.max(call.n, 0));
        let ret: number;
        if (call.fn === 'RAND_bytes') ret = api.RAND_bytes(out, call.n);
        else if (call.fn === 'RAND_priv_bytes') ret = api.RAND_priv_bytes(out, call.n);
        else if (call.fn === 'RAND_bytes_ex') ret = api.RAND_bytes_ex(libctx, out, call.n, call.strength ?? 0);
        else ret = api.RAND_priv_bytes_ex(libctx, out, call.n, call.strength ?? 0);
        return ret === 1 ? { ret, out: `${call.n} random bytes` } : { ret };
      }
      case 'RAND_add':
        api.RAND_add(addBuffer(call), call.n, call.randomness);
        return {};
      case 'RAND_seed':
        api.RAND_seed(addBuffer(call), call.n);
        return {};
      case 'RAND_status':
        return { ret: api.RAND_status() };
      case 'RAND_poll':
        return { ret: api.RAND_poll() };
      case 'RAND_set_DRBG_type':
        return { ret: api.RAND_set_DRBG_type(libctx, call.drbg, call.propq, call.cipher, call.digest) };
      case 'RAND_set_seed_source_type':
        return { ret: api.RAND_set_seed_source_type(libctx, call.seed, call.propq) };
      case 'RAND_load_file':
        return { ret: api.RAND_load_file(this.file(call).path, this.side.long(call.bytes)) };
      case 'RAND_write_file': {
        const { files, path } = this.file(call);
        const ret = api.RAND_write_file(path);
        return { ret, out: files.describe(path) };
      }
      case 'RAND_file_name':
        return { ret: withRandEnv(call.randfile, call.home, () => api.RAND_file_name(new Uint8Array(Math.max(call.size, 1)), call.size)) };
      case 'fips_default':
        return { ret: api.EVP_default_properties_enable_fips(libctx, call.enable ? 1 : 0) };
      default:
        throw new TypeError(`unknown RAND call ${JSON.stringify(call)}`);
    }
  }
}
