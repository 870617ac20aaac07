/** The system libcrypto.so.3 for the report's system-3 sections, or why it cannot be used. */
import { existsSync } from 'node:fs';
import { loadLibCrypto3, provenance, provenanceProblem, SYSTEM_LIBCRYPTO3, type LibCrypto3 } from '../../interop/ffi/index.js';

export function system3(): { crypto: LibCrypto3 } | { reason: string } {
  if (!existsSync(SYSTEM_LIBCRYPTO3)) return { reason: `library missing: ${SYSTEM_LIBCRYPTO3}` };
  try {
    const crypto = loadLibCrypto3();
    const problem = provenanceProblem(provenance(crypto), SYSTEM_LIBCRYPTO3);
    return problem === null ? { crypto } : { reason: problem };
  } catch (e) {
    return { reason: `cannot load ${SYSTEM_LIBCRYPTO3}: ${e instanceof Error ? e.message : String(e)}` };
  }
}
