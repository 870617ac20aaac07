/** Backend selection: `node` (default) or `forge`. */
import type { BackendName, PrimitiveBackend } from './backend.js';
import { forgeBackend } from './forge-backend.js';
import { nodeBackend, nodeNativeBackend } from './node-backend.js';
import { pureBackend } from './pure-backend.js';

export type { AesCipher, BackendName, PrimitiveBackend } from './backend.js';
export * from './algorithms.js';

const BACKENDS: Record<BackendName, PrimitiveBackend> = { node: nodeBackend, 'node-native': nodeNativeBackend, forge: forgeBackend, pure: pureBackend };

/** The backend called `name`, or the default (`node`). */
export function getBackend(name: BackendName | PrimitiveBackend = 'node'): PrimitiveBackend {
  if (typeof name !== 'string') return name;
  const backend = BACKENDS[name];
  if (backend === undefined) throw new TypeError(`unknown primitive backend: ${String(name)}`);
  return backend;
}

export const BACKEND_NAMES: readonly BackendName[] = ['node', 'node-native', 'forge', 'pure'];
