/**
 * Backend selection. `forge` and `pure` (portable) are always here; `node` and `node-native` only where
 * node:crypto is: they come through package.json `imports` "#runtime-backends", whose `browser`
 * condition leaves them out, so a browser bundle has no static node:crypto import. The default
 * is `node` on Node and `pure` in a browser.
 */
import type { BackendName, PrimitiveBackend } from './backend.js';
import { forgeBackend } from './forge-backend.js';
import { pureBackend } from './pure-backend.js';
import { defaultBackendName, runtimeBackends } from '#runtime-backends';

export type { AesCipher, BackendName, PrimitiveBackend } from './backend.js';
export * from './algorithms.js';

const BACKENDS: Partial<Record<BackendName, PrimitiveBackend>> = { ...runtimeBackends, forge: forgeBackend, pure: pureBackend };

/** Every backend name randshim knows, whether or not this runtime has it. */
export const BACKEND_NAMES: readonly BackendName[] = ['node', 'node-native', 'forge', 'pure'];

/** The backends this runtime has (all of BACKEND_NAMES on Node; `forge` and `pure` in a browser). */
export const AVAILABLE_BACKEND_NAMES: readonly BackendName[] = BACKEND_NAMES.filter((name) => BACKENDS[name] !== undefined);

/** The backend {@link getBackend} returns when given no name: `node` on Node, `pure` in a
 * browser. */
export const DEFAULT_BACKEND_NAME: BackendName = defaultBackendName;

/** The backend called `name`, or the default ({@link DEFAULT_BACKEND_NAME}). */
export function getBackend(name: BackendName | PrimitiveBackend = DEFAULT_BACKEND_NAME): PrimitiveBackend {
  if (typeof name !== 'string') return name;
  const backend = BACKENDS[name];
  if (backend !== undefined) return backend;
  if (BACKEND_NAMES.includes(name)) throw new TypeError(`primitive backend ${name} needs node:crypto, which this runtime lacks`);
  throw new TypeError(`unknown primitive backend: ${String(name)}`);
}
