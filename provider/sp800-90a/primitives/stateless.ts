/** Hasher and KeyedMac objects over one-shot digest/hmac functions (no state to precompute),
 * and HMAC built on a one-shot digest for the pure-JavaScript backends. */
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

/** A private copy of the current MAC key (the caller's buffer changes under it: HMAC_DRBG
 * writes K in place), wiped when replaced or cleared. */
export class MacKeyCopy {
  private key = new Uint8Array(0);

  get value(): Uint8Array {
    return this.key;
  }

  set(k: Uint8Array): void {
    this.key.fill(0);
    this.key = Uint8Array.from(k);
  }

  clear(): void {
    this.key.fill(0);
  }
}

export function statelessMac(info: DigestInfo, hmac: Hmac): KeyedMac {
  const key = new MacKeyCopy();
  return {
    outputLen: info.size,
    setKey: (k) => key.set(k),
    macInto(parts, out, off) {
      const m = hmac(info, key.value, parts);
      out.set(m, off);
      m.fill(0);
    },
    clear: () => key.clear(),
  };
}

/** HMAC (FIPS 198-1 section 4) over a one-shot digest: H((K0 ^ opad) || H((K0 ^ ipad) || text)). */
export function hmacOverDigest(digest: Digest): Hmac {
  return (info, key, parts) => {
    const k0 = new Uint8Array(info.blockSize);
    k0.set(key.length > info.blockSize ? digest(info, [key]) : key);
    const ipad = new Uint8Array(info.blockSize);
    const opad = new Uint8Array(info.blockSize);
    for (let i = 0; i < info.blockSize; i++) {
      ipad[i] = k0[i] ^ 0x36;
      opad[i] = k0[i] ^ 0x5c;
    }
    const inner = digest(info, [ipad, ...parts]);
    const out = digest(info, [opad, inner]);
    k0.fill(0);
    ipad.fill(0);
    opad.fill(0);
    inner.fill(0);
    return out;
  };
}
