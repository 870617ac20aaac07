/**
 * interop/ffi: the only place interop/ touches an FFI package. Two engines behind one
 * vocabulary (./types.ts), libc helpers, the OpenSSL 3 libcrypto surface the 3.x oracles use,
 * and OSSL_PARAM construction.
 */
export * from './types.js';
export { DEFAULT_ENGINE, ENGINE_NAMES, getEngine, koffi } from './engines.js';
export type { KoffiEngine, NativeCallback } from './koffi-engine.js';
export { RTLD_DEEPBIND, RTLD_LAZY, RTLD_NOLOAD, RTLD_NOW } from './libc.js';
export * from '../builds/openssl3/libcrypto.js';
export * from '../builds/openssl3/param-build.js';
export * from '../builds/openssl3/provenance.js';
export * from '../builds/openssl3/c-params.js';
