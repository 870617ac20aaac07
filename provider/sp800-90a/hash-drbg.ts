/**
 * Hash_DRBG (SP 800-90A section 10.1.1) as OpenSSL 3.0 implements it
 * (providers/implementations/rands/drbg_hash.c). seedlen is 440 bits for digests of up to
 * 256 bits and 888 bits above (10.1 table 2); an empty additional input counts as absent.
 */
import { concatBytes, isAllZero, writeU32BE } from '../bytes.js';
import type { DigestInfo } from './primitives/algorithms.js';
import type { Hasher, PrimitiveBackend } from './primitives/backend.js';
import { digestDrbgLimits } from './digest-limits.js';
import type { DrbgLimits, Mechanism } from './mechanism.js';

/** 888 bits. */
const MAX_SEEDLEN = 111;
/** 440 bits. */
const SMALL_SEEDLEN = 55;
const ONE = Uint8Array.of(1);

export class HashDrbgMechanism implements Mechanism {
  readonly type = 'HASH-DRBG' as const;
  readonly limits: DrbgLimits;
  readonly algorithmName: string;
  private readonly digest: DigestInfo;
  private readonly hasher: Hasher;
  private readonly seedlen: number;
  private readonly V = new Uint8Array(MAX_SEEDLEN);
  private readonly C = new Uint8Array(MAX_SEEDLEN);
  private readonly vtmp = new Uint8Array(MAX_SEEDLEN);
  /** V's and vtmp's first seedlen bytes, the hashed views. */
  private readonly vView: Uint8Array;
  private readonly vtmpView: Uint8Array;
  /** One digest's worth of scratch. */
  private readonly block = new Uint8Array(64);
  private readonly inbyte = new Uint8Array(1);
  private readonly dfHeader = new Uint8Array(6);

  constructor(digest: DigestInfo, backend: PrimitiveBackend) {
    this.digest = digest;
    this.hasher = backend.hasher(digest);
    this.algorithmName = digest.id;
    this.seedlen = digest.size > 32 ? MAX_SEEDLEN : SMALL_SEEDLEN;
    this.limits = digestDrbgLimits(digest, this.seedlen);
    this.vView = this.V.subarray(0, this.seedlen);
    this.vtmpView = this.vtmp.subarray(0, this.seedlen);
  }

  /**
   * Hash_df (10.3.1): out[0..seedlen) = leftmost seedlen bytes of
   * Hash(counter || bits || [inbyte] || in || in2 || in3) for counter = 1, 2, ...
   */
  private hashDf(out: Uint8Array, inbyte: number | null, ...inputs: (Uint8Array | null)[]): void {
    const header = inbyte === null ? this.dfHeader.subarray(0, 5) : this.dfHeader;
    header[0] = 1;
    writeU32BE(header, 1, this.seedlen * 8);
    if (inbyte !== null) header[5] = inbyte;
    const parts: Uint8Array[] = [header];
    for (const input of inputs) if (input !== null) parts.push(input);
    const blocklen = this.digest.size;
    let outlen = this.seedlen;
    let off = 0;
    for (;;) {
      if (outlen < blocklen) {
        this.hasher.hashInto(parts, this.block, 0);
        out.set(this.block.subarray(0, outlen), off);
        this.block.fill(0);
        break;
      }
      this.hasher.hashInto(parts, out, off);
      outlen -= blocklen;
      if (outlen === 0) break;
      header[0]++;
      off += blocklen;
    }
    this.dfHeader.fill(0);
  }

  /** dst = (dst + in) mod 2^(8 * seedlen), `in` right-aligned (add_bytes). */
  private addBytes(dst: Uint8Array, input: Uint8Array, inlen: number): void {
    let carry = 0;
    let d = this.seedlen - 1;
    for (let a = inlen - 1; a >= 0; a--, d--) {
      const sum = dst[d] + input[a] + carry;
      dst[d] = sum & 0xff;
      carry = sum >> 8;
    }
    for (; carry !== 0 && d >= 0; d--) {
      dst[d] = (dst[d] + 1) & 0xff;
      if (dst[d] !== 0) carry = 0;
    }
  }

  /** block[0..outlen) = Hash(inbyte || V || [adin]) (add_hash_to_v's hash). */
  private hashOfV(inbyte: number, adin: Uint8Array | null): void {
    this.inbyte[0] = inbyte;
    const parts = adin === null ? [this.inbyte, this.vView] : [this.inbyte, this.vView, adin];
    this.hasher.hashInto(parts, this.block, 0);
  }

  /**
   * Generate's last step (10.1.1.4 step 4): V = (V + H + C + reseed_counter) mod 2^seedlen with
   * H = Hash(0x03 || V) in block, in one pass over V instead of OpenSSL's three add_bytes calls
   * (the same sum: addition mod 2^seedlen is associative). H and the 32-bit counter are
   * right-aligned; the carry stays below 4.
   */
  private addHashCAndCounter(generateCounter: number): void {
    const V = this.V;
    const C = this.C;
    const H = this.block;
    const last = this.seedlen - 1;
    const counter = generateCounter >>> 0;
    let carry = 0;
    for (let i = last, j = this.digest.size - 1; i >= 0; i--, j--) {
      let sum = V[i] + C[i] + carry;
      if (j >= 0) sum += H[j];
      if (i > last - 4) sum += (counter >>> (8 * (last - i))) & 0xff;
      V[i] = sum & 0xff;
      carry = sum >>> 8;
    }
    H.fill(0);
  }

  /** Hashgen (10.1.1.4): Hash(V) || Hash(V + 1) || ..., leftmost |out| bytes. */
  private hashGen(out: Uint8Array): void {
    if (out.length === 0) return;
    if (this.hasher.hashgen?.(this.vView, out) === true) return;
    const data = this.vtmpView;
    data.set(this.vView);
    const parts = [data];
    const blocklen = this.digest.size;
    let off = 0;
    for (;;) {
      const remaining = out.length - off;
      if (remaining < blocklen) {
        this.hasher.hashInto(parts, this.block, 0);
        out.set(this.block.subarray(0, remaining), off);
        this.block.fill(0);
        return;
      }
      this.hasher.hashInto(parts, out, off);
      off += blocklen;
      if (off === out.length) return;
      this.addBytes(data, ONE, 1);
    }
  }

  instantiate(entropy: Uint8Array | null, nonce: Uint8Array | null, pers: Uint8Array | null): boolean {
    // V = Hash_df(entropy || nonce || pers); C = Hash_df(0x00 || V).
    this.hashDf(this.V, null, entropy ?? new Uint8Array(0), nonce, pers);
    this.hashDf(this.C, 0x00, this.vView);
    return true;
  }

  reseed(entropy: Uint8Array | null, adin: Uint8Array | null): boolean {
    // V = Hash_df(0x01 || V || entropy || adin), computed into C since V is an input.
    this.hashDf(this.C, 0x01, this.vView, entropy, adin);
    this.V.set(this.C.subarray(0, this.seedlen));
    this.hashDf(this.C, 0x00, this.vView);
    return true;
  }

  generate(out: Uint8Array, adin: Uint8Array | null, generateCounter: number): boolean {
    if (adin !== null && adin.length !== 0) {
      // V = V + Hash(0x02 || V || adin) (step 2).
      this.hashOfV(0x02, adin);
      this.addBytes(this.V, this.block, this.digest.size);
      this.block.fill(0);
    }
    this.hashGen(out);
    this.hashOfV(0x03, null);
    this.addHashCAndCounter(generateCounter);
    return true;
  }

  uninstantiate(): void {
    this.V.fill(0);
    this.C.fill(0);
    this.vtmp.fill(0);
    this.block.fill(0);
    this.hasher.clear();
  }

  verifyZeroization(): boolean {
    return isAllZero(this.V, this.C, this.vtmp);
  }

  secretBuffers(): readonly Uint8Array[] {
    return [this.V, this.C, this.vtmp];
  }

  exportState(): Uint8Array {
    return concatBytes(this.V.subarray(0, this.seedlen), this.C.subarray(0, this.seedlen));
  }

  importState(state: Uint8Array): boolean {
    if (state.length !== 2 * this.seedlen) return false;
    this.uninstantiate();
    this.V.set(state.subarray(0, this.seedlen));
    this.C.set(state.subarray(this.seedlen));
    return true;
  }
}
