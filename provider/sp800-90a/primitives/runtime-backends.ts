/**
 * The backends that need Node's node:crypto, for runtimes that have it (package.json
 * `imports` "#runtime-backends", every condition but `browser`).
 */
import type { BackendName, PrimitiveBackend } from './backend.js';
import { nodeBackend, nodeNativeBackend } from './node-backend.js';

export const runtimeBackends: Partial<Record<BackendName, PrimitiveBackend>> = { node: nodeBackend, 'node-native': nodeNativeBackend };

/** node:crypto for bulk work (see node-backend.ts). */
export const defaultBackendName: BackendName = 'node';
