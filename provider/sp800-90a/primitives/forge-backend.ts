/**
 * The portable backend: pure JavaScript, for runtimes without node:crypto. AES and most hashes
 * come from node-forge; SHA-224 and SHA-3, which node-forge lacks, from ./pure. HMAC is built
 * here on the digest (FIPS 198-1), so it covers every digest the same way.
 */
import forge from 'node-forge';
import type { AesKeyLength, DigestInfo } from './algorithms.js';
import type { AesCipher, PrimitiveBackend } from './backend.js';
import { Sha2 } from './pure/sha2.js';
import { sha3 } from './pure/sha3.js';
import { hmacOverDigest, statelessHasher, statelessMac } from './stateless.js';

/** forge.aes's key expansion and block function (exported by node-forge, untyped). */
interface ForgeAes {
  _expandKey(key: number[], decrypt: boolean): number[];
  _updateBlock(w: number[], input: number[], output: number[], decrypt: boolean): void;
}
const forgeAes = (forge as unknown as { aes: ForgeAes }).aes;

function wordsBE(bytes: Uint8Array, off: number, count: number): number[] {
  const words: number[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const o = off + i * 4;
    words[i] = ((bytes[o] << 24) | (bytes[o + 1] << 16) | (bytes[o + 2] << 8) | bytes[o + 3]) >>> 0;
  }
  return words;
}

class ForgeAesCipher implements AesCipher {
  keyLength: AesKeyLength;
  /** forge's expanded encryption key schedule (FIPS 197 5.2). */
  private schedule: number[];
  private readonly inWords = [0, 0, 0, 0];
  private readonly outWords = [0, 0, 0, 0];

  constructor(key: Uint8Array) {
    this.keyLength = key.length as AesKeyLength;
    this.schedule = forgeAes._expandKey(wordsBE(key, 0, key.length / 4), false);
  }

  setKey(key: Uint8Array): void {
    this.clear();
    this.keyLength = key.length as AesKeyLength;
    this.schedule = forgeAes._expandKey(wordsBE(key, 0, key.length / 4), false);
  }

  clear(): void {
    this.schedule.fill(0);
    this.inWords.fill(0);
    this.outWords.fill(0);
  }

  private encryptBlock(src: Uint8Array, srcOff: number, dst: Uint8Array, dstOff: number, take = 16): void {
    const inW = this.inWords;
    for (let i = 0; i < 4; i++) {
      const o = srcOff + i * 4;
      inW[i] = ((src[o] << 24) | (src[o + 1] << 16) | (src[o + 2] << 8) | src[o + 3]) >>> 0;
    }
    forgeAes._updateBlock(this.schedule, inW, this.outWords, false);
    for (let i = 0; i < take; i++) dst[dstOff + i] = (this.outWords[i >> 2] >>> (24 - 8 * (i & 3))) & 0xff;
  }

  encryptBlocks(src: Uint8Array, dst: Uint8Array): void {
    for (let off = 0; off < src.length; off += 16) this.encryptBlock(src, off, dst, off);
  }

  ctrKeystream(counter: Uint8Array, out: Uint8Array): void {
    const ctr = Uint8Array.from(counter);
    for (let off = 0; off < out.length; off += 16) {
      this.encryptBlock(ctr, 0, out, off, Math.min(16, out.length - off));
      for (let i = 15; i >= 0; i--) {
        ctr[i] = (ctr[i] + 1) & 0xff;
        if (ctr[i] !== 0) break;
      }
    }
    ctr.fill(0);
  }
}

type ForgeMdFactory = { create(): forge.md.MessageDigest };
const FORGE_MDS: Partial<Record<DigestInfo['id'], ForgeMdFactory>> = {
  SHA1: forge.md.sha1,
  'SHA2-256': forge.md.sha256,
  'SHA2-384': forge.md.sha384,
  'SHA2-512': forge.md.sha512,
  'SHA2-512/224': forge.md.sha512.sha224 as unknown as ForgeMdFactory,
  'SHA2-512/256': forge.md.sha512.sha256 as unknown as ForgeMdFactory,
};

function forgeDigest(info: DigestInfo, parts: readonly Uint8Array[]): Uint8Array {
  switch (info.id) {
    case 'SHA2-224': {
      const h = new Sha2('SHA2-224');
      for (const p of parts) h.update(p);
      const out = new Uint8Array(28);
      h.digestInto(out);
      return out;
    }
    case 'SHA3-224':
    case 'SHA3-256':
    case 'SHA3-384':
    case 'SHA3-512':
      return sha3(info.size as 28 | 32 | 48 | 64, parts);
    default: {
      const factory = FORGE_MDS[info.id];
      if (factory === undefined) throw new Error(`forge backend: no digest ${info.id}`);
      const md = factory.create();
      // forge hashes "binary strings": one char per byte.
      for (const p of parts) md.update(bytesToBinary(p));
      return binaryToBytes(md.digest().getBytes());
    }
  }
}

function bytesToBinary(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 8192)));
  }
  return s;
}

function binaryToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const forgeHmac = hmacOverDigest(forgeDigest);

export const forgeBackend: PrimitiveBackend = {
  name: 'forge',
  aes: (key) => new ForgeAesCipher(key),
  hasher: (info) => statelessHasher(info, forgeDigest),
  mac: (info) => statelessMac(info, forgeHmac),
  digest: forgeDigest,
  hmac: forgeHmac,
};
