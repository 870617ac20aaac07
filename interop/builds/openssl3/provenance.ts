/**
 * Which OpenSSL answers: evidence that a loaded libcrypto 3 is the file asked for and that it
 * runs its own code, not the OpenSSL that Node 20 exports (same version, 3.0.19 here).
 *
 * Three observations, strongest last:
 * 1. OpenSSL_version(OPENSSL_VERSION) and (OPENSSL_DIR): Debian's build reports
 *    OPENSSLDIR "/usr/lib/ssl", Node's "/etc/ssl";
 * 2. dladdr() of OpenSSL_version as dlsym'ed through the loaded handle names the file;
 * 3. the error-queue probe: an error raised inside the library (EVP_RAND_fetch of a missing
 *    algorithm) must land in that library's own thread-local queue and not in Node's. Without
 *    RTLD_DEEPBIND, 1 and 2 still look right (the exported entry points are the library's),
 *    but its internal calls to exported functions such as ERR_new / ERR_set_error bind to
 *    Node's copy, and the error shows up in Node's queue instead.
 */
import { realpathSync } from 'node:fs';
import { koffi } from '../../ffi/engines.js';
import { OPENSSL_DIR, OPENSSL_VERSION, type LibCrypto3 } from './libcrypto.js';

export interface Provenance {
  /** OpenSSL_version(OPENSSL_VERSION). */
  readonly version: string;
  /** OpenSSL_version(OPENSSL_DIR). */
  readonly openssldir: string;
  /** dladdr(dlsym(handle, "OpenSSL_version"))->dli_fname. */
  readonly file: string | null;
  /** The same OPENSSL_DIR line from the running Node's own OpenSSL (3.0.x in Node 20, 1.1.1
   * in Node 16; null if it cannot be reached). */
  readonly nodeOpenssldir: string | null;
  /** dladdr of Node's own OpenSSL_version: the main program, named by its argv[0]. */
  readonly nodeFile: string | null;
  /** The probe error was found on this library's queue. */
  readonly errorOnOwnQueue: boolean;
  /** The probe error was found on Node's queue (null if Node's queue cannot be reached). */
  readonly errorOnNodeQueue: boolean | null;
}

const PROBE_ALGORITHM = 'randshim-provenance-probe-no-such-rand';

/** The functions of Node's own OpenSSL the probe needs (present in 1.1.1 and 3.x alike). */
interface NodeOpenSsl {
  OpenSSL_version(type: number): string | null;
  ERR_peek_error(): number;
  ERR_clear_error(): void;
  readonly file: string | null;
}

let nodeSsl: NodeOpenSsl | null | undefined;

/** Node's own OpenSSL through the main program handle (koffi: ffi-rs cannot open it). */
function nodeOpenSsl(): NodeOpenSsl | null {
  if (nodeSsl === undefined) {
    try {
      const engine = koffi();
      const main = engine.load(null);
      nodeSsl = {
        OpenSSL_version: main.func('OpenSSL_version', 'cstr', ['int']),
        ERR_peek_error: main.func('ERR_peek_error', 'ulong', []),
        ERR_clear_error: main.func('ERR_clear_error', 'void', []),
        file: engine.fileOf(main.symbol('OpenSSL_version')),
      };
    } catch {
      nodeSsl = null;
    }
  }
  return nodeSsl;
}

/** Gathers the evidence. Leaves both error queues empty. */
export function provenance(crypto: LibCrypto3): Provenance {
  const node = nodeOpenSsl();
  crypto.ERR_clear_error();
  node?.ERR_clear_error();
  const rand = crypto.EVP_RAND_fetch(0n, PROBE_ALGORITHM, null);
  if (rand !== 0n) crypto.EVP_RAND_free(rand);
  const errorOnOwnQueue = crypto.ERR_peek_error() !== 0;
  const errorOnNodeQueue = node === null ? null : node.ERR_peek_error() !== 0;
  crypto.ERR_clear_error();
  node?.ERR_clear_error();
  return {
    version: crypto.OpenSSL_version(OPENSSL_VERSION) ?? '',
    openssldir: crypto.OpenSSL_version(OPENSSL_DIR) ?? '',
    file: crypto.engine.fileOf(crypto.library.symbol('OpenSSL_version')),
    nodeOpenssldir: node?.OpenSSL_version(OPENSSL_DIR) ?? null,
    nodeFile: node?.file ?? null,
    errorOnOwnQueue,
    errorOnNodeQueue,
  };
}

/** Why `p` does not show `path` running its own code, or null when it does. */
export function provenanceProblem(p: Provenance, path: string): string | null {
  if (p.file === null) return 'dladdr found no file for OpenSSL_version';
  if (realpathSync(p.file) !== realpathSync(path)) return `OpenSSL_version lives in ${p.file}, not ${path}`;
  if (!p.errorOnOwnQueue || p.errorOnNodeQueue === true) {
    return 'errors raised inside the library reach Node\'s error queue: it was loaded without RTLD_DEEPBIND';
  }
  return null;
}
