/**
 * The browser's half of package.json `imports` "#runtime-backends" (the `browser` condition,
 * which bundlers such as esbuild, webpack and Vite apply): no node:crypto, so no `node` or
 * `node-native` backend, and the portable pure-JavaScript backend is the default. Nothing here
 * may import a `node:` module.
 */
import type { BackendName, PrimitiveBackend } from './backend.js';

export const runtimeBackends: Partial<Record<BackendName, PrimitiveBackend>> = {};

/** The portable default: `pure` (pure-backend.ts: randshim's own TypeScript AES, SHA-1/2/3 and
 * HMAC, no dependency), which outruns `forge` at every request size, 3x at 32 bytes and 10x
 * to 30x on Hash/HMAC at 1 MiB (docs/performance.md); `forge` stays available by name. */
export const defaultBackendName: BackendName = 'pure';
