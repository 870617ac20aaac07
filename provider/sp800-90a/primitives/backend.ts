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
  /** Re-keys in place (same key length), so a DRBG re-keying on every request allocates
   * nothing. */
  setKey(key: Uint8Array): void;
  /** Wipes the key material held by this object. */
  clear(): void;
  /** ECB-encrypts `src` (a whole number of 16-byte blocks) into `dst` of the same length;
   * `dst` may be `src`. */
  encryptBlocks(src: Uint8Array, dst: Uint8Array): void;
  /** Fills `out` with the CTR keystream E(K, ctr), E(K, ctr+1), ... where `counter` is a
   * 16-byte big-endian integer incremented modulo 2^128; the last block may be partial.
   * `counter` itself is not modified. */
  ctrKeystream(counter: Uint8Array, out: Uint8Array): void;
}

/** A reusable hash function object (not re-entrant). */
export interface Hasher {
  readonly outputLen: number;
  /** Writes the hash of the concatenation of `parts` into out[off..off + outputLen). */
  hashInto(parts: readonly Uint8Array[], out: Uint8Array, off: number): void;
  /** Hash_DRBG's hashgen (SP 800-90A 10.1.1.4) where the hasher has a faster way than one
   * hashInto per block: out = leftmost bytes of Hash(V) || Hash(V + 1) || ..., V unchanged;
   * false (nothing written) where it has none for this V. */
  hashgen?(v: Uint8Array, out: Uint8Array): boolean;
  clear(): void;
}

/** A reusable HMAC object whose key is set once and used for many messages. */
export interface KeyedMac {
  readonly outputLen: number;
  setKey(key: Uint8Array): void;
  /** Writes HMAC(key, concatenation of `parts`) into out[off..off + outputLen). */
  macInto(parts: readonly Uint8Array[], out: Uint8Array, off: number): void;
  /** Wipes the key and any state derived from it. */
  clear(): void;
}

export interface PrimitiveBackend {
  readonly name: BackendName;
  /** AES keyed with `key` (16, 24 or 32 bytes). The key bytes are copied. */
  aes(key: Uint8Array): AesCipher;
  /** A reusable hasher for `info`. */
  hasher(info: DigestInfo): Hasher;
  /** A reusable keyed HMAC for `info`. */
  mac(info: DigestInfo): KeyedMac;
  /** Hash of the concatenation of `parts`. */
  digest(info: DigestInfo, parts: readonly Uint8Array[]): Uint8Array;
  /** HMAC (FIPS 198-1) keyed with `key` over the concatenation of `parts`. */
  hmac(info: DigestInfo, key: Uint8Array, parts: readonly Uint8Array[]): Uint8Array;
}

/** `node`: node:crypto for bulk work, table AES and pure SHA-2 where a native call costs more
 * than the work (the default); `node-native`: node:crypto for everything (no secret-indexed
 * table lookups); `forge`: pure JavaScript (node-forge, plus randshim's SHA-224/SHA-3); `pure`:
 * randshim's own TypeScript only (the portable backend, pure-backend.ts). */
export type BackendName = 'node' | 'node-native' | 'forge' | 'pure';
