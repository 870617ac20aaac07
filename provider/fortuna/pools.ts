/**
 * Fortuna's accumulator (Ferguson & Schneier, Practical Cryptography, 9.5) as mirage-crypto-rng
 * 0.10.7 keeps it (rng/fortuna.ml): 32 pools, each a running SHA-256 context,
 *
 * - an event (`add`) is framed as [source land 0xff; length land 0xff] followed by the data, and
 *   the frame is hashed into pool (`pool` land 31);
 * - only pool 0's fill is counted (`pool0_size`, data bytes, the two header bytes not included);
 * - on the k-th reseed from the pools, pool i takes part when 2^i divides k, and gives
 *   SHAd256's `get` of its context (SHA256 of its final hash) before restarting empty.
 *
 * Beyond what 0.10.7 keeps, per-pool event and byte counts are recorded for review
 * (Fortuna.state()); they never enter a hash. The contexts are randshim's pure SHA-256 because
 * their state has to survive between events and be wiped on free, which node:crypto's Hash
 * objects cannot do.
 */
import { Sha2 } from '../sp800-90a/primitives/pure/sha2.js';
import type { PrimitiveBackend } from '../sp800-90a/primitives/backend.js';
import { shad256Drain } from './shad256.js';

export const FORTUNA_POOLS = 32;

/** One pool's review figures since it was last drained. */
export interface FortunaPoolState {
  readonly index: number;
  /** Events hashed in since the last reseed that took this pool. */
  readonly events: number;
  /** Data bytes of those events (headers not counted). */
  readonly bytes: number;
}

export class FortunaPools {
  private readonly contexts: Sha2[] = [];
  private readonly events = new Array<number>(FORTUNA_POOLS).fill(0);
  private readonly bytes = new Array<number>(FORTUNA_POOLS).fill(0);
  private readonly header = new Uint8Array(2);
  /** fortuna.ml's pool0_size. */
  pool0Size = 0;

  constructor(private readonly backend: PrimitiveBackend) {
    for (let i = 0; i < FORTUNA_POOLS; i++) this.contexts.push(new Sha2('SHA2-256'));
  }

  /** fortuna.ml's `add ~g (source, _) ~pool data`. */
  add(source: number, pool: number, data: Uint8Array): void {
    const index = pool & (FORTUNA_POOLS - 1);
    this.header[0] = source & 0xff;
    this.header[1] = data.length & 0xff;
    this.contexts[index].update(this.header).update(data);
    this.header.fill(0);
    this.events[index]++;
    this.bytes[index] += data.length;
    if (index === 0) this.pool0Size += data.length;
  }

  /** The SHAd256 digests of the pools the `reseedCount`-th reseed takes (pool i when
   * reseedCount mod 2^i = 0), in pool order; those pools restart empty. */
  drain(reseedCount: number): Uint8Array[] {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < FORTUNA_POOLS; i++) {
      if (reseedCount % 2 ** i !== 0) continue;
      parts.push(shad256Drain(this.backend, this.contexts[i]));
      this.events[i] = 0;
      this.bytes[i] = 0;
    }
    return parts;
  }

  state(): FortunaPoolState[] {
    return this.contexts.map((_, index) => ({ index, events: this.events[index], bytes: this.bytes[index] }));
  }

  /** Wipes every context and count. */
  clear(): void {
    for (const c of this.contexts) c.clear();
    this.events.fill(0);
    this.bytes.fill(0);
    this.pool0Size = 0;
  }

  /** Restarts every context empty after clear (a freed Fortuna can be reinstantiated). */
  restart(): void {
    for (const c of this.contexts) c.reset();
  }
}
