/**
 * An OpenSSL 1.1.1 libcrypto.so.1.1 (Debian's libssl1.1) loaded in-process under Node 20 with
 * koffi and RTLD_DEEPBIND, from the system library path or the repository's private unpack
 * (.cache/libssl1.1, see scripts/install-libssl11.sh), as a {@link Oracle111} (flavour `1.1.1`).
 *
 * The session is created once per process and shared by every oracle this module hands out
 * (see {@link inProcessOracle111}); a failure to load is remembered too.
 */
import { libcrypto111Candidates, loadSharedLibcrypto111 } from './load.js';
import { openSession111, type Session111 } from './session.js';
import { inProcessOracle111, type Oracle111 } from './oracle.js';

let cached: { session: Session111; path: string } | { reason: string } | undefined;

/** The oracle over the first libcrypto.so.1.1 found, reported as `name`. Throws an Error whose
 * message is the reason it cannot be used. */
export function openSharedLibcrypto111(name: string): Oracle111 {
  if (cached === undefined) {
    try {
      const loaded = loadSharedLibcrypto111(libcrypto111Candidates());
      cached = loaded.ok ? { session: openSession111(loaded.lib), path: loaded.path } : { reason: loaded.reason };
    } catch (e) {
      cached = { reason: `unexpected failure: ${(e as Error).message}` };
    }
  }
  if ('reason' in cached) throw new Error(cached.reason);
  const { session, path } = cached;
  return inProcessOracle111({ name, flavor: '1.1.1', library: path, version: session.version }, session);
}
