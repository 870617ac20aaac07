/**
 * The pure backend: randshim's own TypeScript for everything (table AES of pure/aes.ts, SHA-2
 * with precomputed HMAC pad states of pure/sha2.ts, SHA-1 and SHA-3), no node:crypto and no
 * dependency, for browsers and other runtimes. Chosen over @noble/hashes and @noble/ciphers by
 * benchmark (docs/performance.md): the same code runs one-block DRBG hashes and CTR keystreams
 * faster, allocation-free. As with the node backend's table AES, lookups indexed by secret data
 * are not constant-time.
 */
import type { AesKeyLength, DigestInfo } from './algorithms.js';
import type { AesCipher, Hasher, KeyedMac, PrimitiveBackend } from './backend.js';
import { AesKeySchedule } from './pure/aes.js';
import { sha1 } from './pure/sha1.js';
import { isSha2, Sha2, Sha2Hmac } from './pure/sha2.js';
import { sha3 } from './pure/sha3.js';
import { hmacOverDigest, statelessHasher, statelessMac } from './stateless.js';

class PureAes implements AesCipher {
  keyLength: AesKeyLength;
  private readonly schedule = new AesKeySchedule();

  constructor(key: Uint8Array) {
    this.keyLength = key.length as AesKeyLength;
    this.schedule.setKey(key);
  }

  setKey(key: Uint8Array): void {
    this.keyLength = key.length as AesKeyLength;
    this.schedule.setKey(key);
  }

  clear(): void {
    this.schedule.clear();
  }

  encryptBlocks(src: Uint8Array, dst: Uint8Array): void {
    this.schedule.encryptBlocks(src, dst);
  }

  ctrKeystream(counter: Uint8Array, out: Uint8Array): void {
    this.schedule.ctrKeystream(counter, out);
  }
}

function pureDigest(info: DigestInfo, parts: readonly Uint8Array[]): Uint8Array {
  const id = info.id;
  if (isSha2(id)) {
    const h = new Sha2(id);
    for (const p of parts) h.update(p);
    const out = new Uint8Array(h.outputLen);
    h.digestInto(out, 0);
    h.clear();
    return out;
  }
  if (id === 'SHA1') return sha1(parts);
  return sha3(info.size as 28 | 32 | 48 | 64, parts);
}

const pureHmac = hmacOverDigest(pureDigest);

function pureHasher(info: DigestInfo): Hasher {
  const id = info.id;
  if (!isSha2(id)) return statelessHasher(info, pureDigest);
  const h = new Sha2(id);
  return {
    outputLen: info.size,
    hashInto: (parts, out, off) => h.hashInto(parts, out, off),
    hashgen: (v, out) => h.hashgen(v, out),
    clear: () => h.clear(),
  };
}

function pureMac(info: DigestInfo): KeyedMac {
  const id = info.id;
  if (!isSha2(id)) return statelessMac(info, pureHmac);
  const mac = new Sha2Hmac(id);
  return {
    outputLen: info.size,
    setKey: (key) => void mac.setKey(key),
    macInto: (parts, out, off) => mac.macInto(parts, out, off),
    clear: () => mac.clear(),
  };
}

export const pureBackend: PrimitiveBackend = {
  name: 'pure',
  aes: (key) => new PureAes(key),
  hasher: pureHasher,
  mac: pureMac,
  digest: pureDigest,
  hmac: pureHmac,
};
