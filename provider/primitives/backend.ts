/**
 * The small interface every DRBG mechanism computes through, so that the same mechanism code
 * runs on node:crypto (OpenSSL underneath) or on pure JavaScript (node-forge), with identical
 * output. It offers exactly what SP 800-90A's three mechanisms need: AES with a fixed key
 * (ECB blocks and a CTR keystream), hashing, and HMAC.
 */
import type { AesKeyLength, DigestInfo } from './algorithms.js';

/** AES under one key (FIPS 197), as CTR_DRBG uses it. */
export interface AesCipher {
  readonly keyLength: AesKeyLength;
  /** ECB-encrypts `src` (a whole number of 16-byte blocks) into `dst` of the same length;
   * `dst` may be `src`. */
  encryptBlocks(src: Uint8Array, dst: Uint8Array): void;
  /** Fills `out` with the CTR keystream E(K, ctr), E(K, ctr+1), ... where `counter` is a
   * 16-byte big-endian integer incremented modulo 2^128; the last block may be partial.
   * `counter` itself is not modified. */
  ctrKeystream(counter: Uint8Array, out: Uint8Array): void;
}

export interface PrimitiveBackend {
  readonly name: BackendName;
  /** AES keyed with `key` (16, 24 or 32 bytes). The key bytes are copied. */
  aes(key: Uint8Array): AesCipher;
  /** Hash of the concatenation of `parts`. */
  digest(info: DigestInfo, parts: readonly Uint8Array[]): Uint8Array;
  /** HMAC (FIPS 198-1) keyed with `key` over the concatenation of `parts`. */
  hmac(info: DigestInfo, key: Uint8Array, parts: readonly Uint8Array[]): Uint8Array;
}

export type BackendName = 'node' | 'forge';
