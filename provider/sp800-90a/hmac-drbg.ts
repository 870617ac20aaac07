/**
 * HMAC_DRBG (SP 800-90A section 10.1.2) as OpenSSL 3.0 implements it
 * (providers/implementations/rands/drbg_hmac.c). The second HMAC round of Update runs only when
 * the provided data is non-empty; generate of 0 bytes still computes V = HMAC(K, V), an
 * OpenSSL quirk kept here.
 */
import { concatBytes, isAllZero } from '../bytes.js';
import type { DigestInfo } from './primitives/algorithms.js';
import type { KeyedMac, PrimitiveBackend } from './primitives/backend.js';
import { digestDrbgLimits } from './digest-limits.js';
import type { DrbgLimits, Mechanism } from './mechanism.js';

/** EVP_MAX_MD_SIZE. */
const MAX_MD_SIZE = 64;

export class HmacDrbgMechanism implements Mechanism {
  readonly type = 'HMAC-DRBG' as const;
  readonly limits: DrbgLimits;
  readonly algorithmName: string;
  private readonly blocklen: number;
  private readonly K = new Uint8Array(MAX_MD_SIZE);
  private readonly V = new Uint8Array(MAX_MD_SIZE);
  /** K's and V's first blocklen bytes. */
  private readonly kView: Uint8Array;
  private readonly vView: Uint8Array;
  private readonly inbyte = new Uint8Array(1);
  private readonly mac: KeyedMac;
  /** Whether `mac` holds K's pad states: setKey costs two compressions (its inner and outer
   * pad blocks), and K only changes in do_hmac, so each K is set once. False whenever K may
   * have been written (instantiate, import, wipe, or a caller holding secretBuffers()). */
  private keyed = false;

  constructor(digest: DigestInfo, backend: PrimitiveBackend) {
    this.algorithmName = digest.id;
    this.blocklen = digest.size;
    this.limits = digestDrbgLimits(digest, digest.size);
    this.mac = backend.mac(digest);
    this.kView = this.K.subarray(0, this.blocklen);
    this.vView = this.V.subarray(0, this.blocklen);
  }

  /** Keys `mac` with K unless it already holds it. */
  private keyMac(): void {
    if (this.keyed) return;
    this.mac.setKey(this.kView);
    this.keyed = true;
  }

  /** K = HMAC(K, V || inbyte || in1 || in2 || in3); V = HMAC(K, V) (do_hmac). */
  private doHmac(inbyte: number, inputs: readonly (Uint8Array | null)[]): void {
    const v = this.vView;
    this.inbyte[0] = inbyte;
    const parts: Uint8Array[] = [v, this.inbyte];
    for (const input of inputs) if (input !== null && input.length !== 0) parts.push(input);
    this.keyMac();
    this.mac.macInto(parts, this.K, 0);
    this.mac.setKey(this.kView);
    this.mac.macInto([v], this.V, 0);
  }

  /** HMAC_DRBG_Update (10.1.2.2). */
  private update(...inputs: (Uint8Array | null)[]): void {
    this.doHmac(0x00, inputs);
    if (inputs.every((i) => i === null || i.length === 0)) return;
    this.doHmac(0x01, inputs);
  }

  instantiate(entropy: Uint8Array | null, nonce: Uint8Array | null, pers: Uint8Array | null): boolean {
    this.K.fill(0, 0, this.blocklen);
    this.keyed = false;
    this.V.fill(0x01, 0, this.blocklen);
    this.update(entropy, nonce, pers);
    return true;
  }

  reseed(entropy: Uint8Array | null, adin: Uint8Array | null): boolean {
    this.update(entropy, adin);
    return true;
  }

  /** `adinlen` (default adin.length): OpenSSL 3's drbg_hmac_generate ends with
   * drbg_hmac_update(adin, adinlen): a NULL adin with a nonzero length still takes the second
   * round of the update (its "provided_data == NULL" test reads the length), over no data. */
  generate(out: Uint8Array, adin: Uint8Array | null, _generateCounter: number, adinlen: number = adin === null ? 0 : adin.length): boolean {
    if (adin !== null && adin.length > 0) this.update(adin);
    const bl = this.blocklen;
    // temp chains through the previous block: V, out[0..bl), out[bl..2bl), ...; only the last
    // block is written back into V (as OpenSSL does), which equals SP 800-90A's V.
    this.keyMac();
    const parts = [this.vView];
    let off = 0;
    for (;;) {
      const remaining = out.length - off;
      if (remaining > bl) {
        this.mac.macInto(parts, out, off);
        parts[0] = out.subarray(off, off + bl);
      } else {
        this.mac.macInto(parts, this.V, 0);
        out.set(this.V.subarray(0, remaining), off);
        break;
      }
      off += bl;
    }
    if (adin === null && adinlen > 0) {
      this.doHmac(0x00, []);
      this.doHmac(0x01, []);
    } else {
      this.update(adin);
    }
    return true;
  }

  uninstantiate(): void {
    this.K.fill(0);
    this.V.fill(0);
    this.mac.clear();
    this.keyed = false;
  }

  verifyZeroization(): boolean {
    return isAllZero(this.K, this.V);
  }

  secretBuffers(): readonly Uint8Array[] {
    this.keyed = false;
    return [this.K, this.V];
  }

  exportState(): Uint8Array {
    return concatBytes(this.kView, this.vView);
  }

  importState(state: Uint8Array): boolean {
    if (state.length !== 2 * this.blocklen) return false;
    this.uninstantiate();
    this.kView.set(state.subarray(0, this.blocklen));
    this.vView.set(state.subarray(this.blocklen));
    return true;
  }
}
