/**
 * CTR_DRBG (SP 800-90A section 10.2.1) with AES-128/192/256, with and without the derivation
 * function, exactly as OpenSSL implements it (providers/implementations/rands/drbg_ctr.c in
 * 3.0; crypto/rand/drbg_ctr.c in 1.1.1h-w, the same code).
 *
 * Two OpenSSL conventions matter for bit-exactness:
 * - "pre-increment": every public operation increments V once before calling update(), and
 *   update() encrypts V, V+1[, V+2] from there. The net effect is SP 800-90A's Update.
 * - derived-adin reuse: in generate, with the df on, df(additional_input) computed in step 2 is
 *   kept in KX and XORed again by the final update (SP 800-90A 10.2.1.5.2 step 6), signalled
 *   by (adin = NULL, adinlen = 1).
 * And one deviation: generate of 0 bytes increments V one extra time (OpenSSL only).
 */
import { add128, concatBytes, isAllZero, prefixEqual } from '../bytes.js';
import type { AesKeyLength, CtrCipherInfo } from './primitives/algorithms.js';
import type { AesCipher, PrimitiveBackend } from './primitives/backend.js';
import { DRBG_MAX_LENGTH, DRBG_MAX_REQUEST, type DrbgLimits, type Mechanism } from './mechanism.js';

/** The fixed key of Block_Cipher_df (SP 800-90A 10.3.2 step 8): 00 01 02 ... 1f, truncated. */
const DF_KEY = Uint8Array.from({ length: 32 }, (_, i) => i);

const C80 = Uint8Array.of(0x80);

/** Additional inputs up to this long are remembered for the derived-adin memo (1.1.1's own
 * are 24 bytes); longer ones are derived on every request. */
const ADIN_MEMO_MAX = 64;

/** CTR_DRBG limits for a key length (drbg_ctr_init_lengths; 1.1.1 drbg_ctr_init). */
export function ctrLimits(keyLength: AesKeyLength, useDf: boolean): DrbgLimits {
  const seedlen = keyLength + 16;
  return useDf
    ? {
      strength: keyLength * 8, seedlen,
      minEntropyLen: keyLength, maxEntropyLen: DRBG_MAX_LENGTH,
      minNonceLen: keyLength / 2, maxNonceLen: DRBG_MAX_LENGTH,
      maxPersLen: DRBG_MAX_LENGTH, maxAdinLen: DRBG_MAX_LENGTH, maxRequest: DRBG_MAX_REQUEST,
    }
    : {
      strength: keyLength * 8, seedlen,
      minEntropyLen: seedlen, maxEntropyLen: seedlen,
      minNonceLen: 0, maxNonceLen: 0,
      maxPersLen: seedlen, maxAdinLen: seedlen, maxRequest: DRBG_MAX_REQUEST,
    };
}

/** Copies input's first bytes into block[k..16); the next free index. */
function copyHead(block: Uint8Array, k: number, input: Uint8Array | null): number {
  if (input === null) return k;
  for (let i = 0; i < input.length && k < 16; i++) block[k++] = input[i];
  return k;
}

/** V = V + 1 mod 2^128 (inc_128). */
function inc128(v: Uint8Array): void {
  // Not `++v[i] !== 0`: that expression is 256, not the stored 0, so the carry would be lost.
  for (let i = 15; i >= 0; i--) {
    v[i] = (v[i] + 1) & 0xff;
    if (v[i] !== 0) return;
  }
}

export class CtrDrbgMechanism implements Mechanism {
  readonly type = 'CTR-DRBG' as const;
  readonly limits: DrbgLimits;
  readonly algorithmName: string;
  readonly useDf: boolean;
  private readonly keylen: AesKeyLength;
  /** Key: 32 bytes as in OpenSSL; the first keylen are used. */
  private readonly K = new Uint8Array(32);
  private readonly V = new Uint8Array(16);
  /** df output, kept between calls for the derived-adin reuse. */
  private readonly KX = new Uint8Array(48);
  /** BCC partial-block buffer and fill. */
  private readonly bltmp = new Uint8Array(16);
  private bltmpPos = 0;
  private readonly scratch48 = new Uint8Array(48);
  /** AES keyed with K (ctx_ecb and ctx_ctr share it); ctr_df re-keys it with K' meanwhile. */
  private readonly ecb: AesCipher;
  /** AES keyed with the df key (ctx_df). */
  private readonly df: AesCipher | null;
  /** E_dfkey(IV_j) for each BCC chain j: what ctr_BCC_init computes, fixed for a key length. */
  private readonly bccStart: Uint8Array | null;
  /** KX's chain bytes: 32 for AES-128, 48 otherwise. */
  private readonly kxChains: Uint8Array;
  /** The last first block of S seen by the df, and the chains after it (see derive). */
  private readonly firstBlock = new Uint8Array(16);
  private readonly firstChains: Uint8Array;
  private firstBlockKnown = false;
  /** Fixed views, so no request allocates: K's key bytes, KX's blocks and key, update's blocks. */
  private readonly kKey: Uint8Array;
  private readonly kxKey: Uint8Array;
  private readonly kxBlocks: readonly Uint8Array[];
  private readonly updateBlocks: Uint8Array;
  private readonly x = new Uint8Array(16);
  /** The additional input KX was last derived from by a generate (adinMemoLen bytes; -1: KX
   * holds something else). RAND_DRBG_bytes (drbg_lib.c) and EVP_RAND_generate (evp_rand.c)
   * pass the same additional input to every max_request chunk of one call, and df() is a
   * function of its input alone, so a repeat reuses KX instead of deriving it again. */
  private readonly adinMemo = new Uint8Array(ADIN_MEMO_MAX);
  private adinMemoLen = -1;

  constructor(cipher: CtrCipherInfo, useDf: boolean, backend: PrimitiveBackend) {
    this.keylen = cipher.keyLength;
    this.useDf = useDf;
    this.algorithmName = cipher.name;
    this.limits = ctrLimits(cipher.keyLength, useDf);
    this.ecb = backend.aes(this.K.subarray(0, cipher.keyLength));
    this.df = useDf ? backend.aes(DF_KEY.subarray(0, this.keylen)) : null;
    this.kxChains = this.KX.subarray(0, (this.keylen === 16 ? 2 : 3) * 16);
    this.firstChains = new Uint8Array(this.kxChains.length);
    this.kKey = this.K.subarray(0, this.keylen);
    this.kxKey = this.KX.subarray(0, this.keylen);
    this.kxBlocks = [this.KX.subarray(0, 16), this.KX.subarray(16, 32), this.KX.subarray(32, 48)];
    this.updateBlocks = this.scratch48.subarray(0, this.keylen === 16 ? 32 : 48);
    this.bccStart = null;
    if (this.df !== null) {
      const chains = (this.keylen === 16 ? 2 : 3) * 16;
      const iv = new Uint8Array(chains);
      iv[16 + 3] = 1;
      if (chains === 48) iv[32 + 3] = 2;
      this.df.encryptBlocks(iv, iv);
      this.bccStart = iv;
    }
  }

  private get seedlen(): number {
    return this.keylen + 16;
  }

  private rekey(): void {
    this.ecb.setKey(this.kKey);
  }

  /** ctr_XOR: K ^= in[0..keylen), V ^= in[keylen..keylen+16), shorter input zero-padded. */
  private xorIntoKV(input: Uint8Array | null, inlen: number): void {
    if (input === null || inlen === 0) return;
    const n = Math.min(inlen, this.keylen);
    for (let i = 0; i < n; i++) this.K[i] ^= input[i];
    if (inlen <= this.keylen) return;
    const m = Math.min(inlen - this.keylen, 16);
    for (let i = 0; i < m; i++) this.V[i] ^= input[i + this.keylen];
  }

  /** Feeds one 16-byte block of S to every chain: KX[j] = E_df(KX[j] ^ block) (SP 800-90A
   * 10.3.3), 2 chains for AES-128 and 3 otherwise. */
  private bccBlocks(input: Uint8Array, off: number): void {
    const kx = this.KX;
    const chains = this.kxChains;
    for (let j = 0; j < chains.length; j += 16) {
      for (let i = 0; i < 16; i++) kx[j + i] ^= input[off + i];
    }
    (this.df as AesCipher).encryptBlocks(chains, chains);
  }

  /** Starts chain j from E_df(IV_j), IV_j = uint32_BE(j) || 0^96 (10.3.2 step 9). */
  private bccInit(): void {
    const start = this.bccStart as Uint8Array;
    const kx = this.KX;
    kx.fill(0);
    for (let i = 0; i < start.length; i++) kx[i] = start[i];
  }

  /** ctr_BCC_update over input[start .. start + inlen). */
  private bccUpdate(input: Uint8Array | null, inlen: number, start = 0): void {
    if (input === null || inlen === 0) return;
    let off = start;
    const tmp = this.bltmp;
    if (this.bltmpPos !== 0) {
      const left = 16 - this.bltmpPos;
      if (inlen >= left) {
        for (let i = 0; i < left; i++) tmp[this.bltmpPos + i] = input[off + i];
        this.bccBlocks(tmp, 0);
        this.bltmpPos = 0;
        inlen -= left;
        off += left;
      }
    }
    for (; inlen >= 16; off += 16, inlen -= 16) this.bccBlocks(input, off);
    if (inlen > 0) {
      for (let i = 0; i < inlen; i++) tmp[this.bltmpPos + i] = input[off + i];
      this.bltmpPos += inlen;
    }
  }

  /** bccUpdate over input[skip..len), or nothing when skip covers it; the skip left over. */
  private bccUpdateAfter(input: Uint8Array | null, len: number, skip: number): number {
    if (skip >= len) return skip - len;
    this.bccUpdate(input, len - skip, skip);
    return 0;
  }

  private bccFinal(): void {
    if (this.bltmpPos !== 0) {
      this.bltmp.fill(0, this.bltmpPos);
      this.bccBlocks(this.bltmp, 0);
    }
  }

  /** Block_Cipher_df (SP 800-90A 10.3.2) of in1 || in2 || in3 into KX[0..seedlen). */
  private derive(in1: Uint8Array | null, in2: Uint8Array | null, in3: Uint8Array | null): void {
    this.forgetAdin();
    const l1 = in1 === null ? 0 : in1.length;
    const l2 = in2 === null ? 0 : in2.length;
    const l3 = in3 === null ? 0 : in3.length;
    // L is the input length as a uint32; OpenSSL truncates the size_t sum the same way.
    const inlen = (l1 + l2 + l3) >>> 0;
    const p = this.bltmp;
    p[0] = (inlen >>> 24) & 0xff;
    p[1] = (inlen >>> 16) & 0xff;
    p[2] = (inlen >>> 8) & 0xff;
    p[3] = inlen & 0xff;
    // N = seedlen in bytes, uint32 BE: only the low byte can be non-zero.
    p[4] = 0;
    p[5] = 0;
    p[6] = 0;
    p[7] = (this.keylen + 16) & 0xff;
    if (l1 + l2 + l3 < 8) {
      this.bccInit();
      this.bltmpPos = 8;
      this.bccUpdate(in1, l1);
      this.bccUpdate(in2, l2);
      this.bccUpdate(in3, l3);
    } else {
      // S's first block is L || N || the first 8 input bytes. The chains after it are a pure
      // function of that block, and repeat whenever it does (RAND_DRBG_bytes' additional data
      // starts with the constant length, seedlen, pid and padding): remember the last one.
      // No arrays of the inputs here: this runs on every 1.1.1 request.
      let k = copyHead(p, 8, in1);
      k = copyHead(p, k, in2);
      copyHead(p, k, in3);
      const kx = this.KX;
      const chains = this.firstChains;
      if (this.firstBlockKnown && prefixEqual(p, this.firstBlock, 16)) {
        kx.fill(0);
        for (let i = 0; i < chains.length; i++) kx[i] = chains[i];
      } else {
        this.bccInit();
        this.bccBlocks(p, 0);
        for (let i = 0; i < 16; i++) this.firstBlock[i] = p[i];
        for (let i = 0; i < chains.length; i++) chains[i] = kx[i];
        this.firstBlockKnown = true;
      }
      this.bltmpPos = 0;
      // The rest of S after the 8 input bytes already in the first block.
      let skip = 8;
      skip = this.bccUpdateAfter(in1, l1, skip);
      skip = this.bccUpdateAfter(in2, l2, skip);
      this.bccUpdateAfter(in3, l3, skip);
    }
    this.bccUpdate(C80, 1);
    this.bccFinal();
    // K' = KX[0..keylen), X = KX[keylen..keylen+16); then X = E(K', X) chained (10.3.2 steps 10-15).
    const kPrime = this.ecb;
    kPrime.setKey(this.kxKey);
    const kx = this.KX;
    const x = this.x;
    for (let i = 0; i < 16; i++) x[i] = kx[this.keylen + i];
    const [b0, b1, b2] = this.kxBlocks;
    kPrime.encryptBlocks(x, b0);
    kPrime.encryptBlocks(b0, b1);
    if (this.keylen !== 16) kPrime.encryptBlocks(b1, b2);
    x.fill(0);
  }

  /**
   * ctr_update: CTR_DRBG_Update (10.2.1.2) after the caller's pre-increment of V. With the df,
   * a non-NULL input recomputes KX = df(in1 || nonce || in2), and KX is XORed in only when
   * in1len != 0 (which is how generate reuses the derived adin).
   */
  private update(
    in1: Uint8Array | null, in1len: number,
    in2: Uint8Array | null,
    nonce: Uint8Array | null,
  ): void {
    const v = this.V;
    const keylen = this.keylen;
    // E(K, V) || E(K, V+1) [|| E(K, V+2)] is the CTR keystream from V (V is overwritten next,
    // so its increments need not be stored).
    const out = this.updateBlocks;
    this.ecb.ctrKeystream(v, out);
    // Loops, not TypedArray.set: cheaper at 16 to 32 bytes, and this runs on every request.
    for (let i = 0; i < keylen; i++) this.K[i] = out[i];
    for (let i = 0; i < 16; i++) v[i] = out[keylen + i];
    out.fill(0);

    if (this.useDf) {
      if (in1 !== null || nonce !== null || in2 !== null) this.derive(in1, nonce, in2);
      if (in1len !== 0) this.xorIntoKV(this.KX, this.seedlen);
    } else {
      this.xorIntoKV(in1, in1len);
      this.xorIntoKV(in2, in2 === null ? 0 : in2.length);
    }
    this.rekey();
  }

  instantiate(entropy: Uint8Array | null, nonce: Uint8Array | null, pers: Uint8Array | null): boolean {
    if (entropy === null) return false;
    this.K.fill(0);
    this.V.fill(0);
    this.rekey();
    inc128(this.V);
    // no-df: seed_material = entropy XOR pers; the nonce is ignored.
    this.update(entropy, entropy.length, pers, nonce);
    return true;
  }

  reseed(entropy: Uint8Array | null, adin: Uint8Array | null): boolean {
    if (entropy === null) return false;
    inc128(this.V);
    this.update(entropy, entropy.length, adin, null);
    return true;
  }

  generate(out: Uint8Array, adin: Uint8Array | null, _generateCounter: number): boolean {
    let adinRef: Uint8Array | null = adin;
    let adinlen = 0;
    if (adin !== null && adin.length !== 0) {
      inc128(this.V);
      if (this.useDf && this.adinRemembered(adin)) {
        // KX = df(adin) already: the same update as deriving it again (in1 = NULL, in1len = 1).
        this.update(null, 1, null, null);
      } else {
        this.update(adin, adin.length, null, null);
        if (this.useDf) this.rememberAdin(adin);
      }
      if (this.useDf) {
        // Reuse the derived value: in1 = NULL (no new df), in1len = 1 (XOR KX again).
        adinRef = null;
        adinlen = 1;
      } else {
        adinlen = adin.length;
      }
    } else {
      adinRef = null;
    }

    inc128(this.V);

    if (out.length === 0) {
      // OpenSSL's extra increment for an empty request (not in SP 800-90A).
      inc128(this.V);
      this.update(adinRef, adinlen, null, null);
      return true;
    }

    // E(K, V), E(K, V+1), ...; afterwards V = V + ceil(n / 16), all modulo 2^128.
    this.ecb.ctrKeystream(this.V, out);
    add128(this.V, Math.ceil(out.length / 16));

    this.update(adinRef, adinlen, null, null);
    return true;
  }

  /** Whether KX is df(adin) from an earlier generate (see adinMemo). */
  private adinRemembered(adin: Uint8Array): boolean {
    return adin.length === this.adinMemoLen && prefixEqual(adin, this.adinMemo, adin.length);
  }

  private rememberAdin(adin: Uint8Array): void {
    if (adin.length > ADIN_MEMO_MAX) return;
    const memo = this.adinMemo;
    for (let i = 0; i < adin.length; i++) memo[i] = adin[i];
    this.adinMemoLen = adin.length;
  }

  private forgetAdin(): void {
    if (this.adinMemoLen < 0) return;
    this.adinMemo.fill(0);
    this.adinMemoLen = -1;
  }

  uninstantiate(): void {
    this.forgetAdin();
    this.K.fill(0);
    this.V.fill(0);
    this.bltmp.fill(0);
    this.KX.fill(0);
    this.scratch48.fill(0);
    this.bltmpPos = 0;
    this.firstBlock.fill(0);
    this.firstChains.fill(0);
    this.firstBlockKnown = false;
    this.ecb.setKey(this.kKey);
  }

  verifyZeroization(): boolean {
    return isAllZero(this.K, this.V, this.bltmp, this.KX, this.firstBlock, this.firstChains, this.adinMemo) &&
      this.bltmpPos === 0 && this.adinMemoLen === -1;
  }

  secretBuffers(): readonly Uint8Array[] {
    return [this.K, this.V, this.KX, this.bltmp, this.firstBlock, this.firstChains, this.adinMemo];
  }

  exportState(): Uint8Array {
    return concatBytes(this.kKey, this.V);
  }

  importState(state: Uint8Array): boolean {
    if (state.length !== this.keylen + 16) return false;
    // Everything else is scratch or a cache derived under the old state: start it afresh.
    this.uninstantiate();
    this.kKey.set(state.subarray(0, this.keylen));
    this.V.set(state.subarray(this.keylen));
    this.rekey();
    return true;
  }
}
