/**
 * The browser's half of package.json `imports` "#runtime-backends" (the `browser` condition,
 * which bundlers such as esbuild, webpack and Vite apply): no node:crypto, so no `node` or
 * `node-native` backend, and the portable pure-JavaScript backend is the default. Nothing here
 * may import a `node:` module.
 */
import type { BackendName, PrimitiveBackend } from './backend.js';

export const runtimeBackends: Partial<Record<BackendName, PrimitiveBackend>> = {};

/** The portable backend (forge-backend.ts: node-forge AES and hashes, ./pure SHA-224/SHA-3). */
export const defaultBackendName: BackendName = 'forge';
