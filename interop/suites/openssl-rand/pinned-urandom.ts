/**
 * A pinned stand-in for /dev/urandom: an endless byte stream derived from a seed string, read
 * sequentially and counted. The build serves OpenSSL's reads from one instance and the
 * reproduction feeds randshim's seed source from another built from the same seed, so both
 * see the same bytes in the same order and the number of bytes read is itself an observable.
 *
 * Block i of the stream is SHA-256("randshim/urandom" || 0x00 || seed || BE32(i)).
 */
import { createHash } from 'node:crypto';

const LABEL = 'randshim/urandom';

export class PinnedUrandom {
  readonly seed: string;
  private block = new Uint8Array(0);
  private blockIndex = 0;
  private offset = 0;
  private total = 0;

  constructor(seed: string) {
    this.seed = seed;
  }

  /** Bytes handed out so far. */
  get consumed(): number {
    return this.total;
  }

  /** The next byte. */
  next(): number {
    if (this.offset === this.block.length) {
      const index = Buffer.alloc(4);
      index.writeUInt32BE(this.blockIndex++);
      this.block = new Uint8Array(createHash('sha256').update(LABEL).update(Buffer.from([0]))
        .update(this.seed, 'utf8').update(index).digest());
      this.offset = 0;
    }
    this.total++;
    return this.block[this.offset++];
  }

  /** The next `n` bytes. */
  read(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.next();
    return out;
  }
}
