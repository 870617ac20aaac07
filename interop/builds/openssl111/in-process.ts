/**
 * The `system-1.1.1` oracle: Debian's libssl1.1 (OpenSSL 1.1.1w) loaded in-process under
 * Node 20 with koffi and RTLD_DEEPBIND, from the system library path or the repository's
 * private unpack (.cache/libssl1.1, see scripts/install-libssl11.sh). Flavour `1.1.1`.
 *
 * Discovery never throws: when the library is missing or is not 1.1.1 it reports unavailable
 * with the reason. The session is created once per process and shared by every driver this
 * module hands out (see {@link inProcessOracle111}).
 */
import { libcrypto111Candidates, loadSharedLibcrypto111 } from './load.js';
import { openSession111, type Session111 } from './session.js';
import { inProcessOracle111, type Discovery111 } from './oracle.js';

export const SYSTEM_111 = 'system-1.1.1';

let cached: { session: Session111; path: string } | { reason: string } | undefined;

export async function discoverSystem111(): Promise<Discovery111> {
  if (cached === undefined) {
    try {
      const loaded = loadSharedLibcrypto111(libcrypto111Candidates());
      cached = loaded.ok ? { session: openSession111(loaded.lib), path: loaded.path } : { reason: loaded.reason };
    } catch (e) {
      cached = { reason: `unexpected failure: ${(e as Error).message}` };
    }
  }
  if ('reason' in cached) return { name: SYSTEM_111, available: false, reason: cached.reason };
  const { session, path } = cached;
  return {
    name: SYSTEM_111,
    available: true,
    driver: inProcessOracle111({ name: SYSTEM_111, flavor: '1.1.1', library: path, version: session.version }, session),
  };
}
