/**
 * interop/ffi: the only place interop/ touches an FFI package. Two engines behind one
 * vocabulary (./types.ts), libc helpers, the OpenSSL 3 libcrypto surface the 3.x oracles use,
 * and OSSL_PARAM construction.
 */
export * from './types.js';
export { DEFAULT_ENGINE, ENGINE_NAMES, getEngine, koffi } from './engines.js';
export type { KoffiEngine, NativeCallback } from './koffi-engine.js';
export { RTLD_DEEPBIND, RTLD_LAZY, RTLD_NOLOAD, RTLD_NOW } from './libc.js';
export * from './libcrypto3.js';
export * from './params.js';
export * from './provenance.js';
export * from './c-params.js';
