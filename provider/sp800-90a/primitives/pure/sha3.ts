/**
 * SHA3-224/256/384/512 (FIPS 202): Keccak-f[1600] on 32-bit lane halves, sponge with the 0x06
 * domain padding. node-forge has no SHA-3, so the forge backend uses this.
 */

/** Round constants of the iota step (FIPS 202 3.2.5), as [high, low] 32-bit halves. */
const RC_HI = new Uint32Array(24);
const RC_LO = new Uint32Array(24);
{
  // rc(t) from the degree-8 LFSR of FIPS 202 algorithm 5.
  let r = 1;
  const rcBit = (): number => {
    const bit = r & 1;
    r = r & 0x80 ? ((r << 1) ^ 0x71) & 0xff : (r << 1) & 0xff;
    return bit;
  };
  for (let round = 0; round < 24; round++) {
    let hi = 0;
    let lo = 0;
    for (let j = 0; j < 7; j++) {
      const bitPos = (1 << j) - 1;
      if (rcBit()) {
        if (bitPos < 32) lo |= 1 << bitPos;
        else hi |= 1 << (bitPos - 32);
      }
    }
    RC_HI[round] = hi >>> 0;
    RC_LO[round] = lo >>> 0;
  }
}

/** Rotation offsets (FIPS 202 3.2.2) for lane index x + 5y. */
const ROT = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14];

function keccakF(hi: Uint32Array, lo: Uint32Array): void {
  const cHi = new Uint32Array(5), cLo = new Uint32Array(5);
  const bHi = new Uint32Array(25), bLo = new Uint32Array(25);
  for (let round = 0; round < 24; round++) {
    // theta
    for (let x = 0; x < 5; x++) {
      cHi[x] = hi[x] ^ hi[x + 5] ^ hi[x + 10] ^ hi[x + 15] ^ hi[x + 20];
      cLo[x] = lo[x] ^ lo[x + 5] ^ lo[x + 10] ^ lo[x + 15] ^ lo[x + 20];
    }
    for (let x = 0; x < 5; x++) {
      const nHi = cHi[(x + 1) % 5], nLo = cLo[(x + 1) % 5];
      const dHi = cHi[(x + 4) % 5] ^ ((nHi << 1) | (nLo >>> 31));
      const dLo = cLo[(x + 4) % 5] ^ ((nLo << 1) | (nHi >>> 31));
      for (let y = 0; y < 25; y += 5) {
        hi[x + y] ^= dHi;
        lo[x + y] ^= dLo;
      }
    }
    // rho and pi: B[y, 2x+3y] = rot(A[x, y], r[x, y])
    for (let x = 0; x < 5; x++) {
      for (let y = 0; y < 5; y++) {
        const i = x + 5 * y;
        const n = ROT[i];
        let h = hi[i], l = lo[i];
        if (n >= 32) {
          const t = h; h = l; l = t;
        }
        const s = n % 32;
        const rh = s === 0 ? h : (h << s) | (l >>> (32 - s));
        const rl = s === 0 ? l : (l << s) | (h >>> (32 - s));
        const j = y + 5 * ((2 * x + 3 * y) % 5);
        bHi[j] = rh;
        bLo[j] = rl;
      }
    }
    // chi
    for (let y = 0; y < 25; y += 5) {
      for (let x = 0; x < 5; x++) {
        hi[x + y] = bHi[x + y] ^ (~bHi[((x + 1) % 5) + y] & bHi[((x + 2) % 5) + y]);
        lo[x + y] = bLo[x + y] ^ (~bLo[((x + 1) % 5) + y] & bLo[((x + 2) % 5) + y]);
      }
    }
    // iota
    hi[0] ^= RC_HI[round];
    lo[0] ^= RC_LO[round];
  }
}

/** SHA3 with an output of `outBytes` (28, 32, 48 or 64) over the concatenation of `parts`. */
export function sha3(outBytes: 28 | 32 | 48 | 64, parts: readonly Uint8Array[]): Uint8Array {
  const rate = 200 - 2 * outBytes;
  const hi = new Uint32Array(25), lo = new Uint32Array(25);
  const block = new Uint8Array(rate);
  let pos = 0;
  const absorb = (): void => {
    for (let i = 0; i < rate / 8; i++) {
      const o = i * 8;
      lo[i] ^= block[o] | (block[o + 1] << 8) | (block[o + 2] << 16) | (block[o + 3] << 24);
      hi[i] ^= block[o + 4] | (block[o + 5] << 8) | (block[o + 6] << 16) | (block[o + 7] << 24);
    }
    keccakF(hi, lo);
    pos = 0;
  };
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      block[pos++] = part[i];
      if (pos === rate) absorb();
    }
  }
  // pad10*1 with the SHA-3 domain bits 01 (FIPS 202 B.2: first pad byte 0x06, last |= 0x80).
  block.fill(0, pos);
  block[pos] ^= 0x06;
  block[rate - 1] ^= 0x80;
  absorb();
  const out = new Uint8Array(outBytes);
  for (let i = 0; i < outBytes; i++) {
    const lane = i >> 3;
    const byte = i & 7;
    const word = byte < 4 ? lo[lane] : hi[lane];
    out[i] = (word >>> ((byte & 3) * 8)) & 0xff;
  }
  return out;
}
