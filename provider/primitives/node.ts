/**
 * The default backend: node:crypto, i.e. the OpenSSL that Node links, for AES, hashes and HMAC.
 */
import { createCipheriv, createHash, createHmac, type Cipher } from 'node:crypto';
import type { AesKeyLength, DigestInfo } from './algorithms.js';
import type { AesCipher, PrimitiveBackend } from './backend.js';

const ECB_NAMES = { 16: 'aes-128-ecb', 24: 'aes-192-ecb', 32: 'aes-256-ecb' } as const;
const CTR_NAMES = { 16: 'aes-128-ctr', 24: 'aes-192-ctr', 32: 'aes-256-ctr' } as const;

class NodeAes implements AesCipher {
  readonly keyLength: AesKeyLength;
  private readonly key: Buffer;
  /** ECB has no chaining state, so one cipher object serves every call under this key. */
  private readonly ecb: Cipher;

  constructor(key: Uint8Array) {
    this.keyLength = key.length as AesKeyLength;
    this.key = Buffer.from(key);
    this.ecb = createCipheriv(ECB_NAMES[this.keyLength], this.key, null);
    this.ecb.setAutoPadding(false);
  }

  encryptBlocks(src: Uint8Array, dst: Uint8Array): void {
    dst.set(this.ecb.update(src));
  }

  ctrKeystream(counter: Uint8Array, out: Uint8Array): void {
    // node's AES-CTR (OpenSSL's CRYPTO_ctr128_encrypt) counts over the full 128 bits.
    const ctr = createCipheriv(CTR_NAMES[this.keyLength], this.key, counter);
    out.fill(0);
    out.set(ctr.update(out));
  }
}

export const nodeBackend: PrimitiveBackend = {
  name: 'node',
  aes: (key) => new NodeAes(key),
  digest(info: DigestInfo, parts: readonly Uint8Array[]): Uint8Array {
    const h = createHash(info.nodeName);
    for (const p of parts) h.update(p);
    return new Uint8Array(h.digest());
  },
  hmac(info: DigestInfo, key: Uint8Array, parts: readonly Uint8Array[]): Uint8Array {
    const h = createHmac(info.nodeName, key);
    for (const p of parts) h.update(p);
    return new Uint8Array(h.digest());
  },
};
