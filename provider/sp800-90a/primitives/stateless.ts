/** Hasher and KeyedMac objects over one-shot digest/hmac functions (no state to precompute). */
import type { DigestInfo } from './algorithms.js';
import type { Hasher, KeyedMac } from './backend.js';

type Digest = (info: DigestInfo, parts: readonly Uint8Array[]) => Uint8Array;
type Hmac = (info: DigestInfo, key: Uint8Array, parts: readonly Uint8Array[]) => Uint8Array;

export function statelessHasher(info: DigestInfo, digest: Digest): Hasher {
  return {
    outputLen: info.size,
    hashInto(parts, out, off) {
      const h = digest(info, parts);
      out.set(h, off);
      h.fill(0);
    },
    clear() {},
  };
}

export function statelessMac(info: DigestInfo, hmac: Hmac): KeyedMac {
  let key = new Uint8Array(0);
  return {
    outputLen: info.size,
    setKey(k) {
      key.fill(0);
      key = Uint8Array.from(k);
    },
    macInto(parts, out, off) {
      const m = hmac(info, key, parts);
      out.set(m, off);
      m.fill(0);
    },
    clear() {
      key.fill(0);
    },
  };
}
