/**
 * SHA-2 (FIPS 180-4) in TypeScript: the SHA-256 family (SHA-224, SHA-256) on 32-bit words and
 * the SHA-512 family (SHA-384, SHA-512, SHA-512/224, SHA-512/256) on 32-bit halves, with HMAC
 * (FIPS 198-1) from precomputed inner and outer states. A DRBG hashes a few dozen bytes at a
 * time, where one node:crypto call costs several compressions; these run without allocating.
 * The forge backend takes its SHA-224 from here too (node-forge has none).
 */
import { totalLength } from '../../../bytes.js';

/** Int32Array: V8 keeps int32 loads in registers (a uint32 above 2^31 can become a double);
 * the arithmetic is modulo 2^32 either way. */
const K256 = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-512 round constants as [high, low] halves (FIPS 180-4 4.2.3). */
const K512 = new Uint32Array([
  0x428a2f98, 0xd728ae22, 0x71374491, 0x23ef65cd, 0xb5c0fbcf, 0xec4d3b2f, 0xe9b5dba5, 0x8189dbbc,
  0x3956c25b, 0xf348b538, 0x59f111f1, 0xb605d019, 0x923f82a4, 0xaf194f9b, 0xab1c5ed5, 0xda6d8118,
  0xd807aa98, 0xa3030242, 0x12835b01, 0x45706fbe, 0x243185be, 0x4ee4b28c, 0x550c7dc3, 0xd5ffb4e2,
  0x72be5d74, 0xf27b896f, 0x80deb1fe, 0x3b1696b1, 0x9bdc06a7, 0x25c71235, 0xc19bf174, 0xcf692694,
  0xe49b69c1, 0x9ef14ad2, 0xefbe4786, 0x384f25e3, 0x0fc19dc6, 0x8b8cd5b5, 0x240ca1cc, 0x77ac9c65,
  0x2de92c6f, 0x592b0275, 0x4a7484aa, 0x6ea6e483, 0x5cb0a9dc, 0xbd41fbd4, 0x76f988da, 0x831153b5,
  0x983e5152, 0xee66dfab, 0xa831c66d, 0x2db43210, 0xb00327c8, 0x98fb213f, 0xbf597fc7, 0xbeef0ee4,
  0xc6e00bf3, 0x3da88fc2, 0xd5a79147, 0x930aa725, 0x06ca6351, 0xe003826f, 0x14292967, 0x0a0e6e70,
  0x27b70a85, 0x46d22ffc, 0x2e1b2138, 0x5c26c926, 0x4d2c6dfc, 0x5ac42aed, 0x53380d13, 0x9d95b3df,
  0x650a7354, 0x8baf63de, 0x766a0abb, 0x3c77b2a8, 0x81c2c92e, 0x47edaee6, 0x92722c85, 0x1482353b,
  0xa2bfe8a1, 0x4cf10364, 0xa81a664b, 0xbc423001, 0xc24b8b70, 0xd0f89791, 0xc76c51a3, 0x0654be30,
  0xd192e819, 0xd6ef5218, 0xd6990624, 0x5565a910, 0xf40e3585, 0x5771202a, 0x106aa070, 0x32bbd1b8,
  0x19a4c116, 0xb8d2d0c8, 0x1e376c08, 0x5141ab53, 0x2748774c, 0xdf8eeb99, 0x34b0bcb5, 0xe19b48a8,
  0x391c0cb3, 0xc5c95a63, 0x4ed8aa4a, 0xe3418acb, 0x5b9cca4f, 0x7763e373, 0x682e6ff3, 0xd6b2b8a3,
  0x748f82ee, 0x5defb2fc, 0x78a5636f, 0x43172f60, 0x84c87814, 0xa1f0ab72, 0x8cc70208, 0x1a6439ec,
  0x90befffa, 0x23631e28, 0xa4506ceb, 0xde82bde9, 0xbef9a3f7, 0xb2c67915, 0xc67178f2, 0xe372532b,
  0xca273ece, 0xea26619c, 0xd186b8c7, 0x21c0c207, 0xeada7dd6, 0xcde0eb1e, 0xf57d4f7f, 0xee6ed178,
  0x06f067aa, 0x72176fba, 0x0a637dc5, 0xa2c898a6, 0x113f9804, 0xbef90dae, 0x1b710b35, 0x131c471b,
  0x28db77f5, 0x23047d84, 0x32caab7b, 0x40c72493, 0x3c9ebe0a, 0x15c9bebc, 0x431d67c4, 0x9c100d4c,
  0x4cc5d4be, 0xcb3e42b6, 0x597f299c, 0xfc657e2a, 0x5fcb6fab, 0x3ad6faec, 0x6c44198c, 0x4a475817,
]);

/** Initial hash values (FIPS 180-4 5.3), SHA-512 family as [high, low] halves. */
const IV: Record<Sha2Name, Uint32Array> = {
  'SHA2-224': new Uint32Array([0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4]),
  'SHA2-256': new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]),
  'SHA2-384': new Uint32Array([
    0xcbbb9d5d, 0xc1059ed8, 0x629a292a, 0x367cd507, 0x9159015a, 0x3070dd17, 0x152fecd8, 0xf70e5939,
    0x67332667, 0xffc00b31, 0x8eb44a87, 0x68581511, 0xdb0c2e0d, 0x64f98fa7, 0x47b5481d, 0xbefa4fa4]),
  'SHA2-512': new Uint32Array([
    0x6a09e667, 0xf3bcc908, 0xbb67ae85, 0x84caa73b, 0x3c6ef372, 0xfe94f82b, 0xa54ff53a, 0x5f1d36f1,
    0x510e527f, 0xade682d1, 0x9b05688c, 0x2b3e6c1f, 0x1f83d9ab, 0xfb41bd6b, 0x5be0cd19, 0x137e2179]),
  'SHA2-512/224': new Uint32Array([
    0x8c3d37c8, 0x19544da2, 0x73e19966, 0x89dcd4d6, 0x1dfab7ae, 0x32ff9c82, 0x679dd514, 0x582f9fcf,
    0x0f6d2b69, 0x7bd44da8, 0x77e36f73, 0x04c48942, 0x3f9d85a8, 0x6a1d36c8, 0x1112e6ad, 0x91d692a1]),
  'SHA2-512/256': new Uint32Array([
    0x22312194, 0xfc2bf72c, 0x9f555fa3, 0xc84c64c2, 0x2393b86b, 0x6f53b151, 0x96387719, 0x5940eabd,
    0x96283ee2, 0xa88effe3, 0xbe5e1e25, 0x53863992, 0x2b0199fc, 0x2c85b8aa, 0x0eb72ddc, 0x81c52ca2]),
};

export type Sha2Name = 'SHA2-224' | 'SHA2-256' | 'SHA2-384' | 'SHA2-512' | 'SHA2-512/224' | 'SHA2-512/256';

export function isSha2(name: string): name is Sha2Name {
  return name in IV;
}

/** A SHA-2 hash function with reusable buffers: not re-entrant, not for concurrent use. */
export class Sha2 {
  readonly outputLen: number;
  readonly blockLen: number;
  private readonly wide: boolean;
  private readonly iv: Uint32Array;
  /** Running state: 8 words, or 8 x [high, low] for the SHA-512 family. */
  private readonly h: Int32Array;
  private readonly w: Int32Array;
  private readonly buf: Uint8Array;
  private bufLen = 0;
  private total = 0;
  /** hashgen's cached prefix: the working variables after rounds 0..12. */
  private readonly mid = new Int32Array(8);
  /** hashgen's working variables after rounds 0..15, where rounds256 takes over. */
  private readonly work = new Int32Array(8);

  constructor(readonly name: Sha2Name) {
    this.wide = name !== 'SHA2-224' && name !== 'SHA2-256';
    this.blockLen = this.wide ? 128 : 64;
    this.outputLen = { 'SHA2-224': 28, 'SHA2-256': 32, 'SHA2-384': 48, 'SHA2-512': 64, 'SHA2-512/224': 28, 'SHA2-512/256': 32 }[name];
    this.iv = IV[name];
    this.h = new Int32Array(this.iv.length);
    // SHA-256 keeps its schedule in locals (rounds256): w is one block; SHA-512's holds all 80 words.
    this.w = new Int32Array(this.wide ? 160 : 16);
    this.buf = new Uint8Array(this.blockLen);
    this.reset();
  }

  /** Starts a hash from the initial value, or from a saved state that has absorbed
   * `absorbed` bytes (an HMAC pad block). */
  reset(state: Uint32Array = this.iv, absorbed = 0): this {
    this.h.set(state);
    this.bufLen = 0;
    this.total = absorbed;
    return this;
  }

  update(data: Uint8Array): this {
    const bl = this.blockLen;
    const buf = this.buf;
    let i = 0;
    const n = data.length;
    this.total += n;
    // Byte loops rather than subarray + set: DRBG messages are a few dozen bytes.
    if (this.bufLen > 0) {
      const take = Math.min(bl - this.bufLen, n);
      for (let j = 0; j < take; j++) buf[this.bufLen + j] = data[j];
      this.bufLen += take;
      i = take;
      if (this.bufLen < bl) return this;
      this.compress(buf, 0);
      this.bufLen = 0;
    }
    for (; i + bl <= n; i += bl) this.compress(data, i);
    for (let j = 0; i + j < n; j++) buf[j] = data[i + j];
    this.bufLen = n - i;
    return this;
  }

  /** The hash of the concatenation of `parts` into out[off..off + outputLen). Parts that fit
   * one block with its padding (Hash_DRBG's hashgen input: seedlen 55 or 111 bytes is exactly
   * one SHA-256 or SHA-512 block, SP 800-90A 10.1 table 2) take the short path. */
  hashInto(parts: readonly Uint8Array[], out: Uint8Array, off = 0): void {
    if (totalLength(parts) <= this.shortMax) {
      this.lastBlockFromParts(this.iv, parts, 0);
      this.writeDigest(out, off);
      return;
    }
    this.reset();
    for (const p of parts) this.update(p);
    this.digestInto(out, off);
  }

  /** Longest message that fits one block with its padding (FIPS 180-4 5.1). */
  get shortMax(): number {
    return this.blockLen - (this.wide ? 17 : 9);
  }

  /**
   * h = compress(state, last block): the concatenation of `parts` (at most shortMax bytes)
   * padded as the end of a message of `absorbed` + their length bytes. One part is loaded
   * straight into the message words; several are gathered in the block buffer first.
   */
  lastBlockFromParts(state: Uint32Array, parts: readonly Uint8Array[], absorbed: number): void {
    if (parts.length === 1) {
      const msg = parts[0];
      this.lastBlockFrom(state, msg, msg.length, absorbed + msg.length);
      return;
    }
    const buf = this.buf;
    let n = 0;
    for (const p of parts) for (let i = 0; i < p.length; i++) buf[n++] = p[i];
    this.lastBlockFrom(state, buf, n, absorbed + n);
    buf.fill(0, 0, n);
  }

  /** h = compress(state, last block): msg[0..n) padded as the end of a message of `total`
   * bytes, loaded straight into the message words (n <= shortMax). */
  private lastBlockFrom(state: Uint32Array, msg: Uint8Array, n: number, total: number): void {
    const w = this.w;
    const words = this.blockLen >> 2;
    let i = 0;
    let t = 0;
    for (; i + 4 <= n; i += 4, t++) w[t] = (msg[i] << 24) | (msg[i + 1] << 16) | (msg[i + 2] << 8) | msg[i + 3];
    // The 1-3 tail bytes and the 0x80 pad byte after them share one word.
    let last = 0x80 << (24 - 8 * (n - i));
    for (let shift = 24; i < n; i++, shift -= 8) last |= msg[i] << shift;
    w[t++] = last;
    for (; t < words; t++) w[t] = 0;
    this.finishLastBlock(state, total);
  }

  /**
   * `into` = the state after one block from the initial value: `key` (at most blockLen bytes)
   * zero-padded to the block, each word XOR `padWord`: HMAC's K0 ^ ipad or K0 ^ opad (FIPS
   * 198-1 section 4 steps 1-4 and 7), built as words with no byte buffer.
   */
  padBlockState(key: Uint8Array, padWord: number, into: Uint32Array): void {
    const w = this.w;
    const words = this.blockLen >> 2;
    const n = key.length;
    let i = 0;
    let t = 0;
    for (; i + 4 <= n; i += 4, t++) w[t] = ((key[i] << 24) | (key[i + 1] << 16) | (key[i + 2] << 8) | key[i + 3]) ^ padWord;
    if (i < n) {
      let last = 0;
      for (let shift = 24; i < n; i++, shift -= 8) last |= key[i] << shift;
      w[t++] = last ^ padWord;
    }
    for (; t < words; t++) w[t] = padWord;
    const h = this.h;
    h.set(this.iv);
    if (this.wide) compressWords512(h, w);
    else rounds256(h, h, w, 0);
    into.set(h);
  }

  /** Completes w's last block with the bit length of `total` bytes and compresses it from
   * `state` into h (w[0..words - 2) already holds message and padding). */
  finishLastBlock(state: Uint32Array, total: number): void {
    const w = this.w;
    const words = this.blockLen >> 2;
    const bits = total * 8;
    w[words - 2] = Math.floor(bits / 0x100000000);
    w[words - 1] = bits >>> 0;
    const h = this.h;
    h.set(state);
    if (this.wide) compressWords512(h, w);
    else rounds256(h, h, w, 0);
  }

  /** Message words of the last block (for HMAC's outer hash, Sha2Hmac). */
  get words(): Int32Array {
    return this.w;
  }

  /** The running state words (for HMAC's outer hash, Sha2Hmac). */
  get state(): Int32Array {
    return this.h;
  }

  /** Pads, writes the digest into out[off..off + outputLen), and leaves the hash to reset. */
  digestInto(out: Uint8Array, off = 0): void {
    const bl = this.blockLen;
    const lenBytes = this.wide ? 16 : 8;
    const buf = this.buf;
    buf[this.bufLen++] = 0x80;
    if (this.bufLen > bl - lenBytes) {
      buf.fill(0, this.bufLen);
      this.compress(buf, 0);
      this.bufLen = 0;
    }
    buf.fill(0, this.bufLen);
    const bits = this.total * 8;
    const hi = Math.floor(bits / 0x100000000);
    const lo = bits >>> 0;
    buf[bl - 8] = hi >>> 24;
    buf[bl - 7] = hi >>> 16;
    buf[bl - 6] = hi >>> 8;
    buf[bl - 5] = hi;
    buf[bl - 4] = lo >>> 24;
    buf[bl - 3] = lo >>> 16;
    buf[bl - 2] = lo >>> 8;
    buf[bl - 1] = lo;
    this.compress(buf, 0);
    this.writeDigest(out, off);
    buf.fill(0);
    this.bufLen = 0;
  }

  /** The digest (the first outputLen bytes of h, big-endian) into out[off..). */
  writeDigest(out: Uint8Array, off: number): void {
    const h = this.h;
    const words = this.outputLen >> 2;
    for (let i = 0; i < words; i++) {
      const w = h[i];
      const o = off + 4 * i;
      out[o] = w >>> 24;
      out[o + 1] = w >>> 16;
      out[o + 2] = w >>> 8;
      out[o + 3] = w;
    }
    // SHA-512/224 ends on half a word.
    for (let i = 4 * words; i < this.outputLen; i++) out[off + i] = h[i >> 2] >>> (24 - 8 * (i & 3));
  }

  /**
   * Hashgen (SP 800-90A 10.1.1.4) of a 55-byte V, the seedlen of SHA-224 and SHA-256 (10.1
   * table 2): `out` = the leftmost out.length bytes of Hash(V) || Hash(V + 1) || ... (V + i
   * modulo 2^440), V itself unchanged. False, with nothing written, for any other digest or
   * length (the caller then hashes block by block).
   *
   * Each V + i is one padded block: words 0..12 (bytes 0..51), word 13 (bytes 52..54 and the
   * 0x80 pad byte), word 14 = 0, word 15 = 440. The +1 only changes word 13, except once in
   * 2^24 blocks when it carries past byte 52; so rounds 0..12, which read words 0..12 alone, run
   * once per carry, and each block runs rounds 13..63 from there: the bytes of the
   * block-by-block hash, a fifth of the rounds less.
   */
  hashgen(v: Uint8Array, out: Uint8Array): boolean {
    if (this.wide || v.length !== 55) return false;
    const w = this.w;
    const h = this.h;
    const iv = this.iv;
    const mid = this.mid;
    for (let t = 0; t < 13; t++) {
      const i = 4 * t;
      w[t] = (v[i] << 24) | (v[i + 1] << 16) | (v[i + 2] << 8) | v[i + 3];
    }
    let m13 = (v[52] << 24) | (v[53] << 16) | (v[54] << 8) | 0x80;
    w[14] = 0;
    w[15] = 55 * 8;
    const n = out.length;
    const outputLen = this.outputLen;
    let stale = true;
    for (let off = 0; off < n; off += outputLen) {
      if (stale) {
        roundsRange(iv, w, 0, 13, mid);
        stale = false;
      }
      w[13] = m13;
      roundsRange(mid, w, 13, 16, this.work);
      for (let i = 0; i < 8; i++) h[i] = iv[i];
      rounds256(h, this.work, w, 16);
      if (n - off >= outputLen) {
        this.writeDigest(out, off);
      } else {
        this.writeDigest(this.buf, 0);
        for (let i = 0; off + i < n; i++) out[off + i] = this.buf[i];
        this.buf.fill(0);
      }
      // V + 1: bytes 52..54 sit above the pad byte in word 13; a carry out of them runs on
      // through words 12..0 (and out of V, modulo 2^440).
      const top = ((m13 >>> 8) + 1) & 0xffffff;
      m13 = (top << 8) | 0x80;
      if (top === 0) {
        for (let t = 12; t >= 0; t--) {
          w[t] = (w[t] + 1) | 0;
          if (w[t] !== 0) break;
        }
        stale = true;
      }
    }
    m13 = 0;
    mid.fill(0);
    this.work.fill(0);
    w.fill(0);
    h.fill(0);
    return true;
  }

  /** Wipes state and buffers. */
  clear(): void {
    this.h.fill(0);
    this.w.fill(0);
    this.buf.fill(0);
    this.mid.fill(0);
    this.work.fill(0);
    this.bufLen = 0;
    this.total = 0;
  }

  private compress(block: Uint8Array, off: number): void {
    if (this.wide) compress512(this.h, this.w, block, off);
    else compress256(this.h, this.w, block, off);
  }
}

function compress256(h: Int32Array, w: Int32Array, b: Uint8Array, off: number): void {
  for (let t = 0; t < 16; t++) {
    const i = off + 4 * t;
    w[t] = (b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3];
  }
  rounds256(h, h, w, 0);
}

/**
 * SHA-256 compression (FIPS 180-4 6.2.2) of the block in w[0..16): rounds `from` (0, or 16 when
 * the caller ran rounds 0..15 itself, as hashgen does) to 63 from the working variables in
 * `start`, then h[i] += each (step 4; `start` is h itself for a plain compression).
 *
 * Written for V8's optimizing compiler, measured (node 20, one block): 570 ns as a loop of
 * eight renamed rounds taking the working variables as arguments, 300 ns as a plain loop of 64
 * rounds, 205 ns as this. The working variables are locals loaded from an Int32Array, never
 * arguments: an int32 above 2^30 passed as an argument is boxed as a heap number (V8's small
 * integers have 31 bits). The schedule W is a window of 16 locals (step 1: W[t] replaces
 * W[t - 16]) instead of 64 array slots. The rounds run sixteen at a time with the variables
 * renamed instead of shifted (h takes T1, then d += T1 and h = T1 + T2: the same step 3), with
 * Ch(e, f, g) = g ^ (e & (f ^ g)) and Maj(a, b, c) = (a & b) | (c & (a | b)), equal to 4.2 and
 * 4.3's forms bit for bit.
 */
function rounds256(h: Int32Array, start: Int32Array, w: Int32Array, from: number): void {
  let a = start[0], b = start[1], c = start[2], d = start[3], e = start[4], f = start[5], g = start[6], hh = start[7];
  let w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3], w4 = w[4], w5 = w[5], w6 = w[6], w7 = w[7];
  let w8 = w[8], w9 = w[9], w10 = w[10], w11 = w[11], w12 = w[12], w13 = w[13], w14 = w[14], w15 = w[15];
  let x = 0, y = 0;
  for (let t = from; t < 64; t += 16) {
    if (t !== 0) {
      // W[t..t + 16) from the previous sixteen: sigma1(W[t-2]) + W[t-7] + sigma0(W[t-15]) + W[t-16].
      x = w1; y = w14;
      w0 = (w0 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w9 + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
      x = w2; y = w15;
      w1 = (w1 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w10 + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
      x = w3; y = w0;
      w2 = (w2 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w11 + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
      x = w4; y = w1;
      w3 = (w3 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w12 + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
      x = w5; y = w2;
      w4 = (w4 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w13 + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
      x = w6; y = w3;
      w5 = (w5 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w14 + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
      x = w7; y = w4;
      w6 = (w6 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w15 + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
      x = w8; y = w5;
      w7 = (w7 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w0 + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
      x = w9; y = w6;
      w8 = (w8 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w1 + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
      x = w10; y = w7;
      w9 = (w9 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w2 + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
      x = w11; y = w8;
      w10 = (w10 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w3 + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
      x = w12; y = w9;
      w11 = (w11 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w4 + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
      x = w13; y = w10;
      w12 = (w12 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w5 + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
      x = w14; y = w11;
      w13 = (w13 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w6 + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
      x = w15; y = w12;
      w14 = (w14 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w7 + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
      x = w0; y = w13;
      w15 = (w15 + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w8 + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
    }
    hh = (hh + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + K256[t + 0] + w0) | 0;
    d = (d + hh) | 0;
    hh = (hh + (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) | (c & (a | b)))) | 0;
    g = (g + (((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7))) + (f ^ (d & (e ^ f))) + K256[t + 1] + w1) | 0;
    c = (c + g) | 0;
    g = (g + (((hh >>> 2) | (hh << 30)) ^ ((hh >>> 13) | (hh << 19)) ^ ((hh >>> 22) | (hh << 10))) + ((hh & a) | (b & (hh | a)))) | 0;
    f = (f + (((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7))) + (e ^ (c & (d ^ e))) + K256[t + 2] + w2) | 0;
    b = (b + f) | 0;
    f = (f + (((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) + ((g & hh) | (a & (g | hh)))) | 0;
    e = (e + (((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7))) + (d ^ (b & (c ^ d))) + K256[t + 3] + w3) | 0;
    a = (a + e) | 0;
    e = (e + (((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) + ((f & g) | (hh & (f | g)))) | 0;
    d = (d + (((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7))) + (c ^ (a & (b ^ c))) + K256[t + 4] + w4) | 0;
    hh = (hh + d) | 0;
    d = (d + (((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10))) + ((e & f) | (g & (e | f)))) | 0;
    c = (c + (((hh >>> 6) | (hh << 26)) ^ ((hh >>> 11) | (hh << 21)) ^ ((hh >>> 25) | (hh << 7))) + (b ^ (hh & (a ^ b))) + K256[t + 5] + w5) | 0;
    g = (g + c) | 0;
    c = (c + (((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10))) + ((d & e) | (f & (d | e)))) | 0;
    b = (b + (((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7))) + (a ^ (g & (hh ^ a))) + K256[t + 6] + w6) | 0;
    f = (f + b) | 0;
    b = (b + (((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10))) + ((c & d) | (e & (c | d)))) | 0;
    a = (a + (((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7))) + (hh ^ (f & (g ^ hh))) + K256[t + 7] + w7) | 0;
    e = (e + a) | 0;
    a = (a + (((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10))) + ((b & c) | (d & (b | c)))) | 0;
    hh = (hh + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + K256[t + 8] + w8) | 0;
    d = (d + hh) | 0;
    hh = (hh + (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) | (c & (a | b)))) | 0;
    g = (g + (((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7))) + (f ^ (d & (e ^ f))) + K256[t + 9] + w9) | 0;
    c = (c + g) | 0;
    g = (g + (((hh >>> 2) | (hh << 30)) ^ ((hh >>> 13) | (hh << 19)) ^ ((hh >>> 22) | (hh << 10))) + ((hh & a) | (b & (hh | a)))) | 0;
    f = (f + (((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7))) + (e ^ (c & (d ^ e))) + K256[t + 10] + w10) | 0;
    b = (b + f) | 0;
    f = (f + (((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) + ((g & hh) | (a & (g | hh)))) | 0;
    e = (e + (((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7))) + (d ^ (b & (c ^ d))) + K256[t + 11] + w11) | 0;
    a = (a + e) | 0;
    e = (e + (((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) + ((f & g) | (hh & (f | g)))) | 0;
    d = (d + (((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7))) + (c ^ (a & (b ^ c))) + K256[t + 12] + w12) | 0;
    hh = (hh + d) | 0;
    d = (d + (((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10))) + ((e & f) | (g & (e | f)))) | 0;
    c = (c + (((hh >>> 6) | (hh << 26)) ^ ((hh >>> 11) | (hh << 21)) ^ ((hh >>> 25) | (hh << 7))) + (b ^ (hh & (a ^ b))) + K256[t + 13] + w13) | 0;
    g = (g + c) | 0;
    c = (c + (((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10))) + ((d & e) | (f & (d | e)))) | 0;
    b = (b + (((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7))) + (a ^ (g & (hh ^ a))) + K256[t + 14] + w14) | 0;
    f = (f + b) | 0;
    b = (b + (((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10))) + ((c & d) | (e & (c | d)))) | 0;
    a = (a + (((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7))) + (hh ^ (f & (g ^ hh))) + K256[t + 15] + w15) | 0;
    e = (e + a) | 0;
    a = (a + (((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10))) + ((b & c) | (d & (b | c)))) | 0;
  }
  h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
  h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + hh) | 0;
}

/** Rounds from..to-1 (to <= 16, step 3 on the message words w[t]) from the working variables in
 * `start` into `into`: hashgen's cached prefix (0..12) and the rounds after it (13..15). */
function roundsRange(start: ArrayLike<number>, w: Int32Array, from: number, to: number, into: Int32Array): void {
  let a = start[0] | 0, b = start[1] | 0, c = start[2] | 0, d = start[3] | 0;
  let e = start[4] | 0, f = start[5] | 0, g = start[6] | 0, hh = start[7] | 0;
  for (let t = from; t < to; t++) {
    const t1 = (hh + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7)))
      + (g ^ (e & (f ^ g))) + K256[t] + w[t]) | 0;
    const t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10)))
      + ((a & b) | (c & (a | b)))) | 0;
    hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  into[0] = a; into[1] = b; into[2] = c; into[3] = d; into[4] = e; into[5] = f; into[6] = g; into[7] = hh;
}

/** SHA-512 compression on [high, low] pairs: w holds 80 x 2 words. */
function compress512(h: Int32Array, w: Int32Array, b: Uint8Array, off: number): void {
  for (let t = 0; t < 32; t++) {
    const i = off + 4 * t;
    w[t] = (b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3];
  }
  compressWords512(h, w);
}

/** SHA-512 compression (FIPS 180-4 6.4.2) of the block already loaded in w[0..32). */
function compressWords512(h: Int32Array, w: Int32Array): void {
  for (let t = 16; t < 80; t++) {
    // sigma0(w[t-15]) = rotr1 ^ rotr8 ^ shr7
    const xh = w[2 * (t - 15)], xl = w[2 * (t - 15) + 1];
    const s0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7);
    const s0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25));
    // sigma1(w[t-2]) = rotr19 ^ rotr61 ^ shr6
    const yh = w[2 * (t - 2)], yl = w[2 * (t - 2) + 1];
    const s1h = ((yh >>> 19) | (yl << 13)) ^ ((yl >>> 29) | (yh << 3)) ^ (yh >>> 6);
    const s1l = ((yl >>> 19) | (yh << 13)) ^ ((yh >>> 29) | (yl << 3)) ^ ((yl >>> 6) | (yh << 26));
    let lo = (w[2 * (t - 16) + 1] >>> 0) + (s0l >>> 0) + (w[2 * (t - 7) + 1] >>> 0) + (s1l >>> 0);
    const hi = w[2 * (t - 16)] + s0h + w[2 * (t - 7)] + s1h + ((lo / 0x100000000) | 0);
    lo >>>= 0;
    w[2 * t] = hi;
    w[2 * t + 1] = lo;
  }
  let ah = h[0], al = h[1], bh = h[2], bl = h[3], ch = h[4], cl = h[5], dh = h[6], dl = h[7];
  let eh = h[8], el = h[9], fh = h[10], fl = h[11], gh = h[12], gl = h[13], hh = h[14], hl = h[15];
  for (let t = 0; t < 80; t++) {
    // Sigma1(e) = rotr14 ^ rotr18 ^ rotr41
    const S1h = ((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23));
    const S1l = ((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23));
    const chh = (eh & fh) ^ (~eh & gh);
    const chl = (el & fl) ^ (~el & gl);
    let t1l = (hl >>> 0) + (S1l >>> 0) + (chl >>> 0) + K512[2 * t + 1] + (w[2 * t + 1] >>> 0);
    const t1h = (hh + S1h + chh + K512[2 * t] + w[2 * t] + ((t1l / 0x100000000) | 0)) | 0;
    t1l >>>= 0;
    // Sigma0(a) = rotr28 ^ rotr34 ^ rotr39
    const S0h = ((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25));
    const S0l = ((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25));
    const mjh = (ah & bh) ^ (ah & ch) ^ (bh & ch);
    const mjl = (al & bl) ^ (al & cl) ^ (bl & cl);
    let t2l = (S0l >>> 0) + (mjl >>> 0);
    const t2h = (S0h + mjh + ((t2l / 0x100000000) | 0)) | 0;
    t2l >>>= 0;
    hh = gh; hl = gl;
    gh = fh; gl = fl;
    fh = eh; fl = el;
    let sl = (dl >>> 0) + t1l;
    eh = (dh + t1h + ((sl / 0x100000000) | 0)) | 0;
    el = sl >>> 0;
    dh = ch; dl = cl;
    ch = bh; cl = bl;
    bh = ah; bl = al;
    sl = t1l + t2l;
    ah = (t1h + t2h + ((sl / 0x100000000) | 0)) | 0;
    al = sl >>> 0;
  }
  add64(h, 0, ah, al); add64(h, 2, bh, bl); add64(h, 4, ch, cl); add64(h, 6, dh, dl);
  add64(h, 8, eh, el); add64(h, 10, fh, fl); add64(h, 12, gh, gl); add64(h, 14, hh, hl);
}

function add64(h: Int32Array, i: number, hi: number, lo: number): void {
  const l = (h[i + 1] >>> 0) + (lo >>> 0);
  h[i] = h[i] + hi + ((l / 0x100000000) | 0);
  h[i + 1] = l >>> 0;
}

/**
 * HMAC (FIPS 198-1 section 4) with the inner and outer pad blocks absorbed once per key:
 * each MAC then costs the message's compressions plus one for the outer hash.
 */
export class Sha2Hmac {
  readonly outputLen: number;
  private readonly hash: Sha2;
  private readonly inner: Uint32Array;
  private readonly outer: Uint32Array;
  /** H(key) for keys longer than a block (FIPS 198-1 step 2). */
  private readonly hashedKey: Uint8Array;
  private readonly innerDigest: Uint8Array;

  constructor(name: Sha2Name) {
    this.hash = new Sha2(name);
    this.outputLen = this.hash.outputLen;
    this.inner = new Uint32Array(IV[name].length);
    this.outer = new Uint32Array(IV[name].length);
    this.hashedKey = new Uint8Array(this.hash.outputLen);
    this.innerDigest = new Uint8Array(this.hash.outputLen);
  }

  setKey(key: Uint8Array): this {
    const h = this.hash;
    let k0 = key;
    if (key.length > h.blockLen) {
      h.reset().update(key).digestInto(this.hashedKey, 0);
      k0 = this.hashedKey;
    }
    h.padBlockState(k0, 0x36363636, this.inner);
    h.padBlockState(k0, 0x5c5c5c5c, this.outer);
    this.hashedKey.fill(0);
    return this;
  }

  /** HMAC of the concatenation of `parts` into out[off..off + outputLen). */
  macInto(parts: readonly Uint8Array[], out: Uint8Array, off = 0): void {
    const h = this.hash;
    const bl = h.blockLen;
    if (totalLength(parts) <= h.shortMax) {
      // HMAC_DRBG chains V = HMAC(K, V) and its update K = HMAC(K, V || byte): one inner block,
      // then the outer block built from the inner state's words, never through bytes.
      h.lastBlockFromParts(this.inner, parts, bl);
      const digestWords = h.outputLen >> 2;
      const w = h.words;
      const state = h.state;
      for (let i = 0; i < digestWords; i++) w[i] = state[i];
      w[digestWords] = 0x80000000;
      for (let i = digestWords + 1; i < bl >> 2; i++) w[i] = 0;
      h.finishLastBlock(this.outer, bl + h.outputLen);
      h.writeDigest(out, off);
      return;
    }
    h.reset(this.inner, bl);
    for (const p of parts) h.update(p);
    h.digestInto(this.innerDigest, 0);
    h.reset(this.outer, bl).update(this.innerDigest).digestInto(out, off);
  }

  clear(): void {
    this.hash.clear();
    this.inner.fill(0);
    this.outer.fill(0);
    this.hashedKey.fill(0);
    this.innerDigest.fill(0);
  }
}
