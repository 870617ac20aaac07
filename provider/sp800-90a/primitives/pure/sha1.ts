/**
 * SHA-1 (FIPS 180-4 6.1) in TypeScript, for the pure backend: OpenSSL's Hash and HMAC DRBGs
 * accept it (providers/implementations/rands/drbg_hash.c and drbg_hmac.c take any non-XOF
 * digest), so a backend without node:crypto needs it too.
 */

const IV = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];

function compress(h: Uint32Array, w: Uint32Array, b: Uint8Array): void {
  for (let t = 0; t < 16; t++) w[t] = (b[4 * t] << 24) | (b[4 * t + 1] << 16) | (b[4 * t + 2] << 8) | b[4 * t + 3];
  for (let t = 16; t < 80; t++) {
    const x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16];
    w[t] = (x << 1) | (x >>> 31);
  }
  let a = h[0], bb = h[1], c = h[2], d = h[3], e = h[4];
  for (let t = 0; t < 80; t++) {
    let f: number;
    let k: number;
    if (t < 20) { f = (bb & c) | (~bb & d); k = 0x5a827999; }
    else if (t < 40) { f = bb ^ c ^ d; k = 0x6ed9eba1; }
    else if (t < 60) { f = (bb & c) | (bb & d) | (c & d); k = 0x8f1bbcdc; }
    else { f = bb ^ c ^ d; k = 0xca62c1d6; }
    const tmp = (((a << 5) | (a >>> 27)) + f + e + k + w[t]) | 0;
    e = d;
    d = c;
    c = (bb << 30) | (bb >>> 2);
    bb = a;
    a = tmp;
  }
  h[0] += a; h[1] += bb; h[2] += c; h[3] += d; h[4] += e;
}

/** SHA-1 of the concatenation of `parts`. */
export function sha1(parts: readonly Uint8Array[]): Uint8Array {
  const h = Uint32Array.from(IV);
  const w = new Uint32Array(80);
  const block = new Uint8Array(64);
  let pos = 0;
  let total = 0;
  for (const part of parts) {
    total += part.length;
    for (let i = 0; i < part.length; i++) {
      block[pos++] = part[i];
      if (pos === 64) {
        compress(h, w, block);
        pos = 0;
      }
    }
  }
  block[pos++] = 0x80;
  if (pos > 56) {
    block.fill(0, pos);
    compress(h, w, block);
    pos = 0;
  }
  block.fill(0, pos);
  const bits = total * 8;
  const hi = Math.floor(bits / 0x100000000);
  for (let i = 0; i < 4; i++) {
    block[56 + i] = hi >>> (24 - 8 * i);
    block[60 + i] = bits >>> (24 - 8 * i);
  }
  compress(h, w, block);
  const out = new Uint8Array(20);
  for (let i = 0; i < 20; i++) out[i] = h[i >> 2] >>> (24 - 8 * (i & 3));
  h.fill(0);
  w.fill(0);
  block.fill(0);
  return out;
}
