/**
 * The 3.x personality's per-realm state, i.e. its default library context: the providers and
 * default properties (provider/openssl3/core/provider-store.ts), the environment new RAND contexts get (clock,
 * fork id, OS entropy and nonce, primitive backend), the fetched EVP_RAND objects, and the
 * RAND front end's data (rand_lib.c's RAND_GLOBAL: the default chain with its `[random]`
 * configuration; the installed RAND_METHOD). `RANDSHIM_3_reset` (not an OpenSSL function)
 * replaces it all, e.g. to pin the environment.
 */
import { DefaultChain3x, type DefaultChainOptions } from '../../provider/openssl3/rand/default-chain.js';
import type { RandEnvironment } from '../../provider/openssl3/rand/evp-rand-fetch.js';
import { ProviderStore } from '../../provider/openssl3/core/provider-store.js';
import type { RandImpl } from '../../provider/openssl3/rands/rand-impl.js';
import type { RAND_METHOD } from '../rand/method.js';
import type { FipsRandomBytes } from '../../provider/openssl3/rand/fips-random-bytes.js';
import { activeLine, type OpenSSL3Line } from '../../provider/openssl3/lines.js';

/** What {@link RANDSHIM_3_reset} can pin about the default chain besides the environment. */
export type ChainPins = Pick<DefaultChainOptions, 'identities' | 'seedSource'>;

export interface State3 {
  readonly store: ProviderStore;
  readonly env: RandEnvironment;
  /** EVP_RAND objects by "provider/name": a fetch returns the cached method, as OpenSSL's
   * method cache does. */
  readonly rands: Map<string, unknown>;
  /** The default library context's RAND_GLOBAL: seed source, primary, public and private,
   * fetched through `store`. */
  readonly chain: DefaultChain3x;
  /** The EVP_RAND_CTX standing for each of the chain's contexts (RAND_get0_* return the same
   * object every time). */
  readonly chainCtxs: WeakMap<RandImpl, unknown>;
  /** RAND_set_rand_method; null means "use RAND_OpenSSL()". */
  method: RAND_METHOD | null;
  /** The FIPS provider's own chain behind its random_bytes (3.5+), made on first use. */
  fipsRandom: FipsRandomBytes | null;
}

/** One default library context per line (provider/openssl3/lines.ts): each personality has its own. */
const states = new Map<OpenSSL3Line, State3>();

function fresh(env: RandEnvironment, pins: ChainPins): State3 {
  const store = new ProviderStore();
  return {
    store, env, rands: new Map(), chainCtxs: new WeakMap(), method: null, fipsRandom: null,
    chain: new DefaultChain3x({ ...pins, environment: env, store }),
  };
}

/** The last line state3() answered for and its state: RAND_bytes asks several times a call,
 * and the active line rarely changes between calls, so most asks skip the map. */
let lastLine: OpenSSL3Line | null = null;
let lastState: State3 | null = null;

export function state3(): State3 {
  const line = activeLine();
  if (line === lastLine) return lastState as State3;
  let state = states.get(line);
  if (state === undefined) states.set(line, (state = fresh({}, {})));
  lastLine = line;
  lastState = state;
  return state;
}

/**
 * Forgets the loaded providers, default properties, cached EVP_RANDs, the RAND method and the
 * default chain (its DRBGs are freed, its `[random]` configuration dropped) of this realm and
 * starts again with `env` (clock, fork id, OS entropy and nonce, primitive backend) for the
 * contexts created afterwards. `pins` can fix the "addresses" the chain's DRBGs pass to their
 * children (as a C run reports them) or give the primary a ready seed source. Not an OpenSSL
 * function: for tests and embedders; what a fresh process (or OSSL_LIB_CTX_new) starts with.
 */
export function RANDSHIM_3_reset(env: RandEnvironment = {}, pins: ChainPins = {}): void {
  const state = state3();
  state.method?.cleanup?.();
  state.chain.free();
  state.fipsRandom?.free();
  states.set(activeLine(), fresh(env, pins));
  lastLine = null;
  lastState = null;
}
