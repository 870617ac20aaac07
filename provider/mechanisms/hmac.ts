/**
 * HMAC_DRBG (SP 800-90A section 10.1.2) as OpenSSL 3.0 implements it
 * (providers/implementations/rands/drbg_hmac.c). The second HMAC round of Update runs only when
 * the provided data is non-empty; generate of 0 bytes still computes V = HMAC(K, V), an
 * OpenSSL quirk kept here.
 */
import { isAllZero } from '../bytes.js';
import type { DigestInfo } from '../primitives/algorithms.js';
import type { PrimitiveBackend } from '../primitives/backend.js';
import { digestDrbgLimits } from './digest-limits.js';
import type { DrbgLimits, Mechanism } from './mechanism.js';

/** EVP_MAX_MD_SIZE. */
const MAX_MD_SIZE = 64;

export class HmacDrbgMechanism implements Mechanism {
  readonly type = 'HMAC-DRBG' as const;
  readonly limits: DrbgLimits;
  readonly algorithmName: string;
  private readonly digest: DigestInfo;
  private readonly backend: PrimitiveBackend;
  private readonly blocklen: number;
  private readonly K = new Uint8Array(MAX_MD_SIZE);
  private readonly V = new Uint8Array(MAX_MD_SIZE);

  constructor(digest: DigestInfo, backend: PrimitiveBackend) {
    this.digest = digest;
    this.backend = backend;
    this.algorithmName = digest.id;
    this.blocklen = digest.size;
    this.limits = digestDrbgLimits(digest, digest.size);
  }

  private hmacInto(dst: Uint8Array, parts: readonly Uint8Array[]): void {
    const mac = this.backend.hmac(this.digest, this.K.subarray(0, this.blocklen), parts);
    dst.set(mac);
    mac.fill(0);
  }

  /** K = HMAC(K, V || inbyte || in1 || in2 || in3); V = HMAC(K, V) (do_hmac). */
  private doHmac(inbyte: number, inputs: readonly (Uint8Array | null)[]): void {
    const v = this.V.subarray(0, this.blocklen);
    const parts: Uint8Array[] = [v, Uint8Array.of(inbyte)];
    for (const input of inputs) if (input !== null && input.length !== 0) parts.push(input);
    this.hmacInto(this.K, parts);
    this.hmacInto(this.V, [v]);
  }

  /** HMAC_DRBG_Update (10.1.2.2). */
  private update(...inputs: (Uint8Array | null)[]): void {
    this.doHmac(0x00, inputs);
    if (inputs.every((i) => i === null || i.length === 0)) return;
    this.doHmac(0x01, inputs);
  }

  instantiate(entropy: Uint8Array | null, nonce: Uint8Array | null, pers: Uint8Array | null): boolean {
    this.K.fill(0, 0, this.blocklen);
    this.V.fill(0x01, 0, this.blocklen);
    this.update(entropy, nonce, pers);
    return true;
  }

  reseed(entropy: Uint8Array | null, adin: Uint8Array | null): boolean {
    this.update(entropy, adin);
    return true;
  }

  generate(out: Uint8Array, adin: Uint8Array | null, _generateCounter: number): boolean {
    if (adin !== null && adin.length > 0) this.update(adin);
    const bl = this.blocklen;
    // temp chains through the previous block: V, out[0..bl), out[bl..2bl), ...; only the last
    // block is written back into V (as OpenSSL does), which equals SP 800-90A's V.
    let temp: Uint8Array = this.V.subarray(0, bl);
    let off = 0;
    for (;;) {
      const remaining = out.length - off;
      if (remaining > bl) {
        const block = out.subarray(off, off + bl);
        this.hmacInto(block, [temp]);
        temp = block;
      } else {
        this.hmacInto(this.V, [temp]);
        out.set(this.V.subarray(0, remaining), off);
        break;
      }
      off += bl;
    }
    this.update(adin);
    return true;
  }

  uninstantiate(): void {
    this.K.fill(0);
    this.V.fill(0);
  }

  verifyZeroization(): boolean {
    return isAllZero(this.K, this.V);
  }

  secretBuffers(): readonly Uint8Array[] {
    return [this.K, this.V];
  }
}
