/**
 * AES encryption (FIPS 197) in TypeScript with precomputed T-tables, for the small requests
 * where calling into node:crypto costs more than the cipher: a CTR_DRBG generate of 32 bytes
 * re-keys AES and encrypts five blocks, and creating one node:crypto cipher object alone costs
 * more than all of that here. The key schedule is rebuilt in place (no allocation per re-key).
 *
 * Caveat: table lookups indexed by secret data are not constant-time; a co-located attacker
 * measuring cache timing could learn about the key. OpenSSL uses AES-NI where it can. Backends
 * that must avoid this use node:crypto for every block (see provider/sp800-90a/primitives/node-backend.ts).
 */

/** The S-box, from the multiplicative inverse in GF(2^8) and the affine map (FIPS 197 5.1.1). */
const SBOX = new Uint8Array(256);
/** T0..T3: SubBytes, ShiftRows and MixColumns of one byte, as big-endian words. Int32Array,
 * not Uint32Array: V8 keeps int32 loads in registers, where a uint32 above 2^31 can become a
 * double; only bitwise operations touch them, so the bits are the same. */
const T0 = new Int32Array(256);
const T1 = new Int32Array(256);
const T2 = new Int32Array(256);
const T3 = new Int32Array(256);
/** Round constants Rcon[i] (FIPS 197 5.2), in the high byte. */
const RCON = new Int32Array(15);

{
  const mul2 = (x: number): number => ((x << 1) ^ (x & 0x80 ? 0x1b : 0)) & 0xff;
  // Walk the multiplicative group with generator 3 to get logs and inverses.
  const exp = new Uint8Array(256);
  const log = new Uint8Array(256);
  for (let i = 0, x = 1; i < 255; i++) {
    exp[i] = x;
    log[x] = i;
    x ^= mul2(x);
  }
  for (let x = 0; x < 256; x++) {
    const inv = x === 0 ? 0 : exp[(255 - log[x]) % 255];
    let s = inv;
    for (let r = 1; r <= 4; r++) s ^= ((inv << r) | (inv >>> (8 - r))) & 0xff;
    SBOX[x] = s ^ 0x63;
  }
  for (let x = 0; x < 256; x++) {
    const s = SBOX[x];
    const s2 = mul2(s);
    const s3 = s2 ^ s;
    const t = ((s2 << 24) | (s << 16) | (s << 8) | s3) >>> 0;
    T0[x] = t;
    T1[x] = ((t >>> 8) | (t << 24)) >>> 0;
    T2[x] = ((t >>> 16) | (t << 16)) >>> 0;
    T3[x] = ((t >>> 24) | (t << 8)) >>> 0;
  }
  for (let i = 1, r = 1; i < 15; i++, r = mul2(r)) RCON[i] = r << 24;
}

/** Whether this platform's typed arrays are little-endian (all current JavaScript engines on
 * x86 and ARM are; the word-store path below is skipped otherwise). */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** CTR keystreams from this many bytes on are written as whole words into a view of the
 * caller's buffer (creating the view costs about as much as two blocks of byte stores). */
const WORD_STORE_MIN = 64;

const byteSwap = (w: number): number => ((w >>> 24) | ((w >>> 8) & 0xff00) | ((w << 8) & 0xff0000) | (w << 24)) | 0;

const subWord = (w: number): number =>
  (SBOX[w >>> 24] << 24) | (SBOX[(w >>> 16) & 0xff] << 16) | (SBOX[(w >>> 8) & 0xff] << 8) | SBOX[w & 0xff];

/** An AES encryption key schedule that can be re-keyed in place. */
export class AesKeySchedule {
  /** Round keys: 4 * (rounds + 1) words; room for AES-256. */
  private readonly rk = new Int32Array(60);
  private rounds = 0;
  /** The last output block, as finishBlock leaves it: word i holds output bytes 4i..4i+3 with
   * byte 4i in the low bits (memory order on a little-endian platform). Wiped after each call. */
  private readonly block = new Int32Array(4);
  /** The last round key, byte-swapped, so the final round composes its words in memory order. */
  private readonly lastRkSwapped = new Int32Array(4);

  constructor(key?: Uint8Array) {
    if (key !== undefined) this.setKey(key);
  }

  /** Key expansion (FIPS 197 5.2) for a 16-, 24- or 32-byte key. A DRBG re-keys on every
   * request, so AES-128 and AES-256 get straight-line passes (four or eight words a step, the
   * round constant and RotWord/SubWord where 5.2 puts them) and AES-192 the general loop. */
  setKey(key: Uint8Array): void {
    const nk = key.length >>> 2;
    if (key.length !== 16 && key.length !== 24 && key.length !== 32) throw new RangeError(`AES key of ${key.length} bytes`);
    this.rounds = nk + 6;
    const rk = this.rk;
    for (let i = 0; i < nk; i++) {
      rk[i] = (key[4 * i] << 24) | (key[4 * i + 1] << 16) | (key[4 * i + 2] << 8) | key[4 * i + 3];
    }
    const total = 4 * (this.rounds + 1);
    if (nk === 4) {
      let w0 = rk[0], w1 = rk[1], w2 = rk[2], w3 = rk[3];
      for (let i = 4, round = 1; i < total; i += 4, round++) {
        w0 ^= subWord((w3 << 8) | (w3 >>> 24)) ^ RCON[round];
        w1 ^= w0;
        w2 ^= w1;
        w3 ^= w2;
        rk[i] = w0; rk[i + 1] = w1; rk[i + 2] = w2; rk[i + 3] = w3;
      }
    } else if (nk === 8) {
      let w0 = rk[0], w1 = rk[1], w2 = rk[2], w3 = rk[3], w4 = rk[4], w5 = rk[5], w6 = rk[6], w7 = rk[7];
      for (let i = 8, round = 1; ; i += 8, round++) {
        w0 ^= subWord((w7 << 8) | (w7 >>> 24)) ^ RCON[round];
        w1 ^= w0;
        w2 ^= w1;
        w3 ^= w2;
        rk[i] = w0; rk[i + 1] = w1; rk[i + 2] = w2; rk[i + 3] = w3;
        // 60 words: the last step stops after its first four.
        if (i + 4 === total) break;
        w4 ^= subWord(w3);
        w5 ^= w4;
        w6 ^= w5;
        w7 ^= w6;
        rk[i + 4] = w4; rk[i + 5] = w5; rk[i + 6] = w6; rk[i + 7] = w7;
      }
    } else {
      for (let i = nk, round = 1; i < total; round++) {
        let t = rk[i - 1];
        t = subWord((t << 8) | (t >>> 24)) ^ RCON[round];
        rk[i] = rk[i - nk] ^ t;
        i++;
        for (let j = 1; j < nk && i < total; j++, i++) rk[i] = rk[i - nk] ^ rk[i - 1];
      }
    }
    const last = this.rounds * 4;
    for (let i = 0; i < 4; i++) this.lastRkSwapped[i] = byteSwap(rk[last + i]);
  }

  /** Zeroizes the round keys. */
  clear(): void {
    this.rk.fill(0);
    this.block.fill(0);
    this.lastRkSwapped.fill(0);
    this.rounds = 0;
  }

  /**
   * The AES rounds (FIPS 197 5.1: SubBytes, ShiftRows, MixColumns and AddRoundKey as T-table
   * lookups) from round key word k on, given the state after the rounds before it (big-endian
   * column words), and the final round without MixColumns, into this.block in memory byte order.
   * The one round loop for ECB and CTR (their blocks differ only in how the state enters and
   * the output leaves).
   */
  private finishBlock(s0: number, s1: number, s2: number, s3: number, k: number): void {
    const t0 = T0, t1 = T1, t2 = T2, t3 = T3, sbox = SBOX, rk = this.rk;
    const last = this.rounds * 4;
    for (; k < last; k += 4) {
      const u0 = t0[s0 >>> 24] ^ t1[(s1 >>> 16) & 0xff] ^ t2[(s2 >>> 8) & 0xff] ^ t3[s3 & 0xff] ^ rk[k];
      const u1 = t0[s1 >>> 24] ^ t1[(s2 >>> 16) & 0xff] ^ t2[(s3 >>> 8) & 0xff] ^ t3[s0 & 0xff] ^ rk[k + 1];
      const u2 = t0[s2 >>> 24] ^ t1[(s3 >>> 16) & 0xff] ^ t2[(s0 >>> 8) & 0xff] ^ t3[s1 & 0xff] ^ rk[k + 2];
      s3 = t0[s3 >>> 24] ^ t1[(s0 >>> 16) & 0xff] ^ t2[(s1 >>> 8) & 0xff] ^ t3[s2 & 0xff] ^ rk[k + 3];
      s0 = u0;
      s1 = u1;
      s2 = u2;
    }
    // Final round: SubBytes and ShiftRows, the round key byte-swapped to match.
    const lk = this.lastRkSwapped, out = this.block;
    out[0] = (sbox[s0 >>> 24] | (sbox[(s1 >>> 16) & 0xff] << 8) | (sbox[(s2 >>> 8) & 0xff] << 16) | (sbox[s3 & 0xff] << 24)) ^ lk[0];
    out[1] = (sbox[s1 >>> 24] | (sbox[(s2 >>> 16) & 0xff] << 8) | (sbox[(s3 >>> 8) & 0xff] << 16) | (sbox[s0 & 0xff] << 24)) ^ lk[1];
    out[2] = (sbox[s2 >>> 24] | (sbox[(s3 >>> 16) & 0xff] << 8) | (sbox[(s0 >>> 8) & 0xff] << 16) | (sbox[s1 & 0xff] << 24)) ^ lk[2];
    out[3] = (sbox[s3 >>> 24] | (sbox[(s0 >>> 16) & 0xff] << 8) | (sbox[(s1 >>> 8) & 0xff] << 16) | (sbox[s2 & 0xff] << 24)) ^ lk[3];
  }

  /** this.block's first `take` bytes into dst[doff..doff + take). */
  private writeBlock(dst: Uint8Array, doff: number, take: number): void {
    const b = this.block;
    if (take === 16) {
      const o0 = b[0], o1 = b[1], o2 = b[2], o3 = b[3];
      dst[doff] = o0; dst[doff + 1] = o0 >>> 8; dst[doff + 2] = o0 >>> 16; dst[doff + 3] = o0 >>> 24;
      dst[doff + 4] = o1; dst[doff + 5] = o1 >>> 8; dst[doff + 6] = o1 >>> 16; dst[doff + 7] = o1 >>> 24;
      dst[doff + 8] = o2; dst[doff + 9] = o2 >>> 8; dst[doff + 10] = o2 >>> 16; dst[doff + 11] = o2 >>> 24;
      dst[doff + 12] = o3; dst[doff + 13] = o3 >>> 8; dst[doff + 14] = o3 >>> 16; dst[doff + 15] = o3 >>> 24;
    } else {
      for (let i = 0; i < take; i++) dst[doff + i] = b[i >> 2] >>> (8 * (i & 3));
    }
  }

  /** ECB over whole blocks (FIPS 197 5.1); dst may be src. this.block is wiped once, after the
   * last block. */
  encryptBlocks(src: Uint8Array, dst: Uint8Array): void {
    const rk = this.rk;
    for (let so = 0; so < src.length; so += 16) {
      this.finishBlock(
        ((src[so] << 24) | (src[so + 1] << 16) | (src[so + 2] << 8) | src[so + 3]) ^ rk[0],
        ((src[so + 4] << 24) | (src[so + 5] << 16) | (src[so + 6] << 8) | src[so + 7]) ^ rk[1],
        ((src[so + 8] << 24) | (src[so + 9] << 16) | (src[so + 10] << 8) | src[so + 11]) ^ rk[2],
        ((src[so + 12] << 24) | (src[so + 13] << 16) | (src[so + 14] << 8) | src[so + 15]) ^ rk[3], 4);
      this.writeBlock(dst, so, 16);
    }
    this.block.fill(0);
  }

  /**
   * CTR keystream from the 128-bit big-endian counter (not modified), into `out`; the counter
   * is held as four words and incremented with carry (SP 800-90A 10.2.1.5.1 step 4.1, modulo
   * 2^128). Counter-mode caching (Bernstein and Schwabe, "New AES software speed records",
   * 2008): while only the counter's low byte changes, three of round 1's four output words are
   * fixed, and each of round 2's depends on one byte of the fourth, so those lookups are done
   * once per 256 blocks (recomputed on every carry out of the low byte) and a block costs 5 of
   * rounds 1-2's 32 lookups.
   */
  ctrKeystream(counter: Uint8Array, out: Uint8Array): void {
    let c0 = (counter[0] << 24) | (counter[1] << 16) | (counter[2] << 8) | counter[3];
    let c1 = (counter[4] << 24) | (counter[5] << 16) | (counter[6] << 8) | counter[7];
    let c2 = (counter[8] << 24) | (counter[9] << 16) | (counter[10] << 8) | counter[11];
    let c3 = (counter[12] << 24) | (counter[13] << 16) | (counter[14] << 8) | counter[15];
    const T0l = T0, T1l = T1, T2l = T2, T3l = T3, rk = this.rk, block = this.block;
    const n = out.length;
    // Round 1's varying word r1 ^ T3[low byte of s3]; round 2's words r2x ^ T(byte of it).
    let r1 = 0, t1 = 0, t2 = 0, t3 = 0, r20 = 0, r21 = 0, r22 = 0, r23 = 0;
    // Whole blocks go straight into a word view of `out` where its offset allows one.
    const words = LITTLE_ENDIAN && n >= WORD_STORE_MIN && (out.byteOffset & 3) === 0
      ? new Int32Array(out.buffer, out.byteOffset, n >>> 2) : null;
    for (let off = 0; off < n; off += 16) {
      if (off === 0 || (c3 & 0xff) === 0) {
        const s0 = c0 ^ rk[0], s1 = c1 ^ rk[1], s2 = c2 ^ rk[2], s3 = c3 ^ rk[3];
        r1 = T0l[s0 >>> 24] ^ T1l[(s1 >>> 16) & 0xff] ^ T2l[(s2 >>> 8) & 0xff] ^ rk[4];
        t1 = T0l[s1 >>> 24] ^ T1l[(s2 >>> 16) & 0xff] ^ T2l[(s3 >>> 8) & 0xff] ^ T3l[s0 & 0xff] ^ rk[5];
        t2 = T0l[s2 >>> 24] ^ T1l[(s3 >>> 16) & 0xff] ^ T2l[(s0 >>> 8) & 0xff] ^ T3l[s1 & 0xff] ^ rk[6];
        t3 = T0l[s3 >>> 24] ^ T1l[(s0 >>> 16) & 0xff] ^ T2l[(s1 >>> 8) & 0xff] ^ T3l[s2 & 0xff] ^ rk[7];
        r20 = T1l[(t1 >>> 16) & 0xff] ^ T2l[(t2 >>> 8) & 0xff] ^ T3l[t3 & 0xff] ^ rk[8];
        r21 = T0l[t1 >>> 24] ^ T1l[(t2 >>> 16) & 0xff] ^ T2l[(t3 >>> 8) & 0xff] ^ rk[9];
        r22 = T0l[t2 >>> 24] ^ T1l[(t3 >>> 16) & 0xff] ^ T3l[t1 & 0xff] ^ rk[10];
        r23 = T0l[t3 >>> 24] ^ T2l[(t1 >>> 8) & 0xff] ^ T3l[t2 & 0xff] ^ rk[11];
      }
      const t0 = r1 ^ T3l[(c3 ^ rk[3]) & 0xff];
      this.finishBlock(
        r20 ^ T0l[t0 >>> 24], r21 ^ T3l[t0 & 0xff], r22 ^ T2l[(t0 >>> 8) & 0xff], r23 ^ T1l[(t0 >>> 16) & 0xff], 12);
      if (words !== null && n - off >= 16) {
        const w = off >>> 2;
        words[w] = block[0]; words[w + 1] = block[1]; words[w + 2] = block[2]; words[w + 3] = block[3];
      } else {
        this.writeBlock(out, off, n - off >= 16 ? 16 : n - off);
      }
      c3 = (c3 + 1) | 0;
      if (c3 === 0) {
        c2 = (c2 + 1) | 0;
        if (c2 === 0) {
          c1 = (c1 + 1) | 0;
          if (c1 === 0) c0 = (c0 + 1) | 0;
        }
      }
    }
    r1 = t1 = t2 = t3 = r20 = r21 = r22 = r23 = 0;
    block.fill(0);
  }
}
