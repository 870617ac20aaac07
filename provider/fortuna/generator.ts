/**
 * Fortuna's generator (Ferguson & Schneier, Practical Cryptography, 9.4) exactly as
 * mirage-crypto-rng 0.10.7 computes it (rng/fortuna.ml): AES-256 in counter mode under a 32-byte
 * secret, a 128-bit big-endian counter that starts at zero and means "unseeded" while it is zero,
 *
 * - reseed: secret <- SHAd256(secret || seed material), counter <- counter + 1 (`reseedi`);
 * - one request of n bytes (`generate_rekey`): b = ceil(n / 16) + 2 keystream blocks from the
 *   counter, the first n bytes are the output, the LAST 32 bytes become the new secret, and the
 *   counter moves on by b. When n is not a multiple of 16 the new secret shares bytes with the
 *   output's last partial block (bytes 16*ceil(n/16)-16.. of the stream): 0.10.7 does that, so
 *   this does too;
 * - requests longer than 0x10000 bytes are cut into 0x10000-byte chunks, each a request of its
 *   own (so rekeyed after each), and the chunks are returned LAST CHUNK FIRST: `generate` builds
 *   its list by consing each new chunk in front and concatenates it without reversing.
 *
 * Unlike 0.10.7 (whose set_key notes "we might want to erase the old key"), the old secret and
 * every keystream buffer are zeroed as soon as they are replaced: this changes no output.
 */
import { zeroize } from '../bytes.js';
import type { AesCipher, PrimitiveBackend } from '../sp800-90a/primitives/backend.js';
import { addToCounter, isZeroCounter } from './counter128.js';
import { shad256 } from './shad256.js';

export const FORTUNA_BLOCK = 16;
export const FORTUNA_KEY_SIZE = 32;
/** The largest piece fortuna.ml's `generate` produces under one key (`imin n 0x10000`). */
export const FORTUNA_CHUNK = 0x10000;

export class FortunaGenerator {
  private secret: Uint8Array = new Uint8Array(FORTUNA_KEY_SIZE);
  private readonly counter = new Uint8Array(FORTUNA_BLOCK);
  private readonly aes: AesCipher;

  constructor(private readonly backend: PrimitiveBackend) {
    // fortuna.ml's `create`: a zero secret and AES_CTR.of_secret of it, counter (0, 0).
    this.aes = backend.aes(this.secret);
  }

  /** Whether a reseed has happened (counter not zero). */
  get seeded(): boolean {
    return !isZeroCounter(this.counter);
  }

  /** reseedi: secret <- SHAd256(secret || parts...), counter + 1. */
  reseed(parts: readonly Uint8Array[]): void {
    this.setKey(shad256(this.backend, [this.secret, ...parts]));
    addToCounter(this.counter, 1);
  }

  /** `generate` after its seeded check: `n` bytes in chunks of at most FORTUNA_CHUNK, the last
   * chunk first (see the module comment). */
  generate(n: number): Uint8Array {
    const chunks: Uint8Array[] = [];
    for (let left = n; left > 0; left -= FORTUNA_CHUNK) chunks.push(this.generateRekey(Math.min(left, FORTUNA_CHUNK)));
    const out = new Uint8Array(n);
    let off = 0;
    for (let i = chunks.length - 1; i >= 0; i--) {
      out.set(chunks[i], off);
      off += chunks[i].length;
      chunks[i].fill(0);
    }
    return out;
  }

  /** Wipes the secret, the counter and the AES key schedule. */
  clear(): void {
    zeroize(this.secret);
    zeroize(this.counter);
    this.aes.clear();
  }

  /** True when secret and counter are zero (after clear, or before any reseed). */
  isCleared(): boolean {
    return this.secret.every((b) => b === 0) && isZeroCounter(this.counter);
  }

  /** generate_rekey: one request under one key, then the key is replaced. */
  private generateRekey(n: number): Uint8Array {
    const blocks = Math.ceil(n / FORTUNA_BLOCK) + 2;
    const stream = new Uint8Array(blocks * FORTUNA_BLOCK);
    this.aes.ctrKeystream(this.counter, stream);
    const out = stream.slice(0, n);
    this.setKey(stream.slice(stream.length - FORTUNA_KEY_SIZE));
    stream.fill(0);
    addToCounter(this.counter, blocks);
    return out;
  }

  private setKey(secret: Uint8Array): void {
    zeroize(this.secret);
    this.secret = secret;
    this.aes.setKey(secret);
  }
}
