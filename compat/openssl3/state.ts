/**
 * The 3.x personality's per-realm state: the default library context's providers and default
 * properties (provider/providers.ts), the environment new RAND contexts get (clock, fork id,
 * OS entropy and nonce, primitive backend), and the fetched EVP_RAND objects.
 * `RANDSHIM_3_reset` (not an OpenSSL function) replaces it all, e.g. to pin the environment.
 */
import type { RandEnvironment } from '../../provider/chain/fetch.js';
import { ProviderStore } from '../../provider/providers.js';

export interface State3 {
  readonly store: ProviderStore;
  readonly env: RandEnvironment;
  /** EVP_RAND objects by "provider/name": a fetch returns the cached method, as OpenSSL's
   * method cache does. */
  readonly rands: Map<string, unknown>;
}

let state: State3 = fresh({});

function fresh(env: RandEnvironment): State3 {
  return { store: new ProviderStore(), env, rands: new Map() };
}

export function state3(): State3 {
  return state;
}

/**
 * Forgets the loaded providers, default properties and cached EVP_RANDs of this realm and starts
 * again with `env` (clock, fork id, OS entropy and nonce, primitive backend) for the contexts
 * created afterwards. Not an OpenSSL function: for tests and embedders.
 */
export function RANDSHIM_3_reset(env: RandEnvironment = {}): void {
  state = fresh(env);
}
