/**
 * RAND front-end calls (calls.ts) on a real libcrypto 3 through interop/ffi, with NULL for the
 * library context: inside a scenario that is the fresh context {@link withFreshLibctx} made
 * the thread's default, so every scenario starts without a primary, as a new process would.
 */
import type { LibCrypto3, Pointer } from '../../builds/openssl3/index.js';
import { addBuffer, withRandEnv, type RandCall } from './calls.js';
import type { ScenarioFiles } from './files.js';

/** What one call gives back: its return value, what it wrote (described), and for
 * RAND_get0_* the context to bind. */
export interface RandCallResult<C> {
  readonly ret?: number | string | null;
  readonly out?: string;
  readonly ctx?: C | null;
}

/** long -1 etc. as the bit pattern a `ptr` argument carries. */
const asLong = (n: number): Pointer => BigInt.asUintN(64, BigInt(n));

export class LibcryptoRandCalls {
  private readonly last = new Map<string, Pointer>();

  constructor(private readonly c: LibCrypto3, private readonly files: ScenarioFiles | undefined) {}

  private file(call: { readonly file: Parameters<ScenarioFiles['prepare']>[0] }): { files: ScenarioFiles; path: string } {
    if (this.files === undefined) throw new Error('a RAND file call needs ScenarioFiles');
    return { files: this.files, path: this.files.prepare(call.file) };
  }

  run(call: RandCall): RandCallResult<Pointer> {
    const c = this.c;
    switch (call.fn) {
      case 'get0': {
        const get = { primary: c.RAND_get0_primary, public: c.RAND_get0_public, private: c.RAND_get0_private }[call.which];
        const ctx = get(0n);
        const before = this.last.get(call.which);
        if (ctx !== 0n) this.last.set(call.which, ctx);
        return { ret: ctx === 0n ? 'NULL' : ctx === before ? 'same context' : 'new context', ctx };
      }
      case 'RAND_bytes':
      case 'RAND_priv_bytes':
      case 'RAND_bytes_ex':
      case 'RAND_priv_bytes_ex': {
        const out = new Uint8Array(Math.max(call.n, 0));
        let ret: number;
        if (call.fn === 'RAND_bytes') ret = c.RAND_bytes(out, call.n);
        else if (call.fn === 'RAND_priv_bytes') ret = c.RAND_priv_bytes(out, call.n);
        else if (call.fn === 'RAND_bytes_ex') ret = c.RAND_bytes_ex(0n, out, call.n, call.strength ?? 0);
        else ret = c.RAND_priv_bytes_ex(0n, out, call.n, call.strength ?? 0);
        return ret === 1 ? { ret, out: `${call.n} random bytes` } : { ret };
      }
      case 'RAND_add':
        c.RAND_add(addBuffer(call), call.n, call.randomness);
        return {};
      case 'RAND_seed':
        c.RAND_seed(addBuffer(call), call.n);
        return {};
      case 'RAND_status':
        return { ret: c.RAND_status() };
      case 'RAND_poll':
        return { ret: c.RAND_poll() };
      case 'RAND_set_DRBG_type':
        return { ret: c.RAND_set_DRBG_type(0n, call.drbg, call.propq, call.cipher, call.digest) };
      case 'RAND_set_seed_source_type':
        return { ret: c.RAND_set_seed_source_type(0n, call.seed, call.propq) };
      case 'RAND_load_file': {
        const { path } = this.file(call);
        return { ret: c.RAND_load_file(path, asLong(call.bytes)) };
      }
      case 'RAND_write_file': {
        const { files, path } = this.file(call);
        const ret = c.RAND_write_file(path);
        return { ret, out: files.describe(path) };
      }
      case 'RAND_file_name':
        return { ret: withRandEnv(call.randfile, call.home, () => c.RAND_file_name(new Uint8Array(Math.max(call.size, 1)), call.size)) };
      case 'fips_default':
        return { ret: c.EVP_default_properties_enable_fips(0n, call.enable ? 1 : 0) };
      default:
        throw new TypeError(`unknown RAND call ${JSON.stringify(call)}`);
    }
  }
}

/**
 * Runs `op` with a new OSSL_LIB_CTX as the thread's default library context (so RAND_bytes,
 * RAND_add and the rest, which take none or NULL, use its RAND_GLOBAL: no primary yet, no
 * `[random]` configuration, no default properties), then restores the previous default and
 * frees the context with its chain. The system library's own default chain is never touched.
 */
export function withFreshLibctx<T>(c: LibCrypto3, op: () => T): T {
  const libctx = c.OSSL_LIB_CTX_new();
  if (libctx === 0n) throw new Error('OSSL_LIB_CTX_new failed');
  const previous = c.OSSL_LIB_CTX_set0_default(libctx);
  try {
    return op();
  } finally {
    c.OSSL_LIB_CTX_set0_default(previous);
    c.OSSL_LIB_CTX_free(libctx);
  }
}
