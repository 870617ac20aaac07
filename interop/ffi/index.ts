/**
 * interop/ffi: the only place interop/ touches an FFI package. Two engines behind one
 * vocabulary (./types.ts) and libc helpers. What is loaded through them lives with each build
 * (interop/builds/openssl3/index.ts for an OpenSSL 3 libcrypto).
 */
export * from './types.js';
export { DEFAULT_ENGINE, ENGINE_NAMES, getEngine, koffi } from './engines.js';
export type { KoffiEngine, NativeCallback } from './koffi-engine.js';
export { RTLD_DEEPBIND, RTLD_LAZY, RTLD_NOLOAD, RTLD_NOW } from './libc.js';
