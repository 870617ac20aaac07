/**
 * An OpenSSL 3 libcrypto through interop/ffi: the typed function table (./libcrypto.ts),
 * OSSL_PARAM arrays built by the library (./param-build.ts) or laid out by hand (./c-params.ts),
 * and the evidence of which library answers (./provenance.ts). The pointer type is the FFI's.
 */
export type { Pointer } from '../../ffi/types.js';
export * from './libcrypto.js';
export * from './param-build.js';
export * from './provenance.js';
export * from './c-params.js';
