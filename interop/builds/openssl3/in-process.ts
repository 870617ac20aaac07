/**
 * Loading an OpenSSL 3 libcrypto in this process through interop/ffi, with RTLD_DEEPBIND, and
 * proving it is the library asked for, running its own code (./provenance.ts). Which library
 * files are builds is the registry's business (../registry.ts); the suites take the handle this
 * returns, whatever the file.
 */
import { existsSync } from 'node:fs';
import type { EngineName } from '../../ffi/types.js';
import { loadLibCrypto3, type LibCrypto3 } from './libcrypto.js';
import { provenance, provenanceProblem, type Provenance } from './provenance.js';

/** An OpenSSL 3 libcrypto loaded in this process: what the `evp-rand-3` suites take. */
export interface InProcessLibcrypto3 {
  /** The path that was asked for. */
  readonly path: string;
  readonly engine: EngineName;
  readonly crypto: LibCrypto3;
  /** What shows that the library answering is the one asked for, not Node's bundled copy. */
  readonly evidence: Provenance;
}

/** Loads `path` through `engine` and checks its provenance and that it is OpenSSL 3 or 4 (same EVP_RAND ABI). Throws an
 * Error whose message is the reason it cannot be used. */
export function openLibcrypto3(path: string, engine: EngineName): InProcessLibcrypto3 {
  if (!existsSync(path)) throw new Error(`library missing: ${path}`);
  let crypto: LibCrypto3;
  let evidence: Provenance;
  try {
    crypto = loadLibCrypto3({ engine, path });
    evidence = provenance(crypto);
  } catch (e) {
    throw new Error(`cannot load ${path} through ${engine}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const problem = provenanceProblem(evidence, path);
  if (problem !== null) throw new Error(`cannot load ${path} through ${engine}: ${problem}`);
  if (!/^OpenSSL [34]\./.test(evidence.version)) {
    throw new Error(`cannot load ${path} through ${engine}: ${path} is not OpenSSL 3 or 4: ${evidence.version}`);
  }
  return { path, engine, crypto, evidence };
}
