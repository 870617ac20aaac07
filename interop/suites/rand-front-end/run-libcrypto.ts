/**
 * RAND front-end calls (calls.ts) on a real libcrypto 3 through interop/ffi, with NULL for the
 * library context: inside a scenario that is the fresh context {@link withFreshLibctx} made
 * the thread's default, so every scenario starts without a primary, as a new process would.
 */
import type { LibCrypto3, Pointer } from '../../builds/openssl3/index.js';
import type { ScenarioFiles } from './files.js';
import { RandCalls } from './run-calls.js';

/** long -1 etc. as the bit pattern a `ptr` argument carries. */
const asLong = (n: number): Pointer => BigInt.asUintN(64, BigInt(n));

/** The calls on the library's own bindings, NULL being 0n. */
export class LibcryptoRandCalls extends RandCalls<Pointer, Pointer, Pointer> {
  constructor(c: LibCrypto3, files: ScenarioFiles | undefined) {
    super({ api: c, nullLibctx: 0n, nullCtx: 0n, long: asLong }, files);
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
