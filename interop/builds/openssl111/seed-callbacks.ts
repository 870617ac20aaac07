/**
 * Deterministic, traced seed sources behind OpenSSL 1.1.1's RAND_DRBG callbacks
 * (RAND_DRBG_set_callbacks, include/openssl/rand_drbg.h; called from RAND_DRBG_instantiate and
 * RAND_DRBG_reseed in crypto/rand/drbg_lib.c).
 *
 * One {@link CallbackHub} registers the four koffi callbacks once and dispatches each call, by
 * the `RAND_DRBG *` it receives, to the {@link SeedSource} attached to that DRBG. get_entropy /
 * get_nonce hand out the source's *whole* current buffer whatever was asked (OpenSSL itself
 * checks the length against [min_len, max_len]) and record what was asked. The buffer is
 * copied into koffi.alloc memory that stays valid until OpenSSL calls the matching cleanup
 * callback, which frees it; the hub checks every hand-out is cleaned up exactly once, with the
 * length it was handed out with.
 */
import koffi from 'koffi';
import type { SourceCall } from '../../suites/differential/driver.js';
import { addressOf, types111, type CPtr, type DrbgPtr, type RegisteredCallback } from './c-types.js';

/** A source call together with the DRBG that made it. */
export interface TracedCall {
  readonly drbg: bigint;
  readonly call: SourceCall;
}

const EMPTY = new Uint8Array(0);

/** The buffers a DRBG's callbacks hand out, and the trace of what they were asked. */
export class SeedSource {
  entropy: Uint8Array = EMPTY;
  nonce: Uint8Array = EMPTY;
  private trace: TracedCall[] = [];

  constructor(readonly name = 'source') {}

  record(entry: TracedCall): void {
    this.trace.push(entry);
  }

  /** The calls recorded since the last take, oldest first. */
  takeCalls(): TracedCall[] {
    const out = this.trace;
    this.trace = [];
    return out;
  }
}

interface HandOut {
  readonly kind: 'entropy' | 'nonce';
  readonly ptr: CPtr;
  readonly len: number;
}

export class CallbackHub {
  readonly getEntropy: RegisteredCallback;
  readonly cleanupEntropy: RegisteredCallback;
  readonly getNonce: RegisteredCallback;
  readonly cleanupNonce: RegisteredCallback;
  private readonly sources = new Map<bigint, SeedSource>();
  private readonly handedOut = new Map<bigint, HandOut>();
  private anomalies: string[] = [];
  private closed = false;

  constructor() {
    const t = types111();
    this.getEntropy = koffi.register(
      (drbg: DrbgPtr, pout: CPtr, entropy: number, minLen: number, maxLen: number, pr: number) =>
        this.guard(() => this.handOut(drbg, pout, 'entropy', {
          kind: 'entropy', entropy, minLen: Number(minLen), maxLen: Number(maxLen), predictionResistance: pr !== 0,
        })),
      koffi.pointer(t.getEntropyFn));
    this.getNonce = koffi.register(
      (drbg: DrbgPtr, pout: CPtr, entropy: number, minLen: number, maxLen: number) =>
        this.guard(() => this.handOut(drbg, pout, 'nonce', {
          kind: 'nonce', entropy, minLen: Number(minLen), maxLen: Number(maxLen),
        })),
      koffi.pointer(t.getNonceFn));
    this.cleanupEntropy = koffi.register(
      (_drbg: DrbgPtr, out: CPtr, outlen: number) => this.guard(() => this.cleanup('entropy', out, Number(outlen))),
      koffi.pointer(t.cleanupEntropyFn));
    this.cleanupNonce = koffi.register(
      (_drbg: DrbgPtr, out: CPtr, outlen: number) => this.guard(() => this.cleanup('nonce', out, Number(outlen))),
      koffi.pointer(t.cleanupNonceFn));
  }

  /** The four callbacks in RAND_DRBG_set_callbacks order. */
  get all(): [RegisteredCallback, RegisteredCallback, RegisteredCallback, RegisteredCallback] {
    return [this.getEntropy, this.cleanupEntropy, this.getNonce, this.cleanupNonce];
  }

  /** Routes the callbacks of `drbg` to `source` (replacing any previous source). */
  attach(drbg: DrbgPtr, source: SeedSource): void {
    this.sources.set(addressOf(drbg), source);
  }

  detach(drbg: DrbgPtr): void {
    this.sources.delete(addressOf(drbg));
  }

  /** Buffers handed out and not cleaned up yet. */
  get outstanding(): number {
    return this.handedOut.size;
  }

  /** Harness-level problems seen inside callbacks since the last take (unknown DRBG, unknown
   * or mismatched cleanup, exceptions). Empty in a trustworthy run. */
  takeAnomalies(): string[] {
    const out = this.anomalies;
    this.anomalies = [];
    return out;
  }

  /** Unregisters the callbacks. Only call when no DRBG that uses them can call them again. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const h of this.handedOut.values()) koffi.free(h.ptr);
    this.handedOut.clear();
    for (const cb of this.all) koffi.unregister(cb);
  }

  private guard<T>(fn: () => T): T | 0 {
    try {
      return fn();
    } catch (e) {
      this.anomalies.push(`exception in callback: ${(e as Error).message}`);
      return 0;
    }
  }

  private handOut(drbg: DrbgPtr, pout: CPtr, kind: 'entropy' | 'nonce', call: SourceCall): number {
    const address = addressOf(drbg);
    const source = this.sources.get(address);
    if (source === undefined) {
      this.anomalies.push(`get_${kind} called for an unknown DRBG 0x${address.toString(16)}`);
      return 0;
    }
    source.record({ drbg: address, call });
    const bytes = kind === 'entropy' ? source.entropy : source.nonce;
    if (bytes.length === 0) return 0;
    const ptr = koffi.alloc('uint8_t', bytes.length) as CPtr;
    // koffi.encode copies; koffi.view would create an external ArrayBuffer, and V8 aborts the
    // process ("GlobalBackingStoreRegistry::Register ... Check failed") when a later view lands on
    // an address malloc reused while the earlier ArrayBuffer is not yet garbage-collected.
    koffi.encode(ptr, 'uint8_t', bytes, bytes.length);
    koffi.encode(pout, 'uint8_t *', ptr);
    this.handedOut.set(addressOf(ptr), { kind, ptr, len: bytes.length });
    return bytes.length;
  }

  private cleanup(kind: 'entropy' | 'nonce', out: CPtr, outlen: number): void {
    const address = addressOf(out);
    const h = this.handedOut.get(address);
    if (h === undefined) {
      this.anomalies.push(`cleanup_${kind} of a buffer not handed out: 0x${address.toString(16)}`);
      return;
    }
    if (h.kind !== kind || h.len !== outlen) {
      this.anomalies.push(`cleanup_${kind}(len ${outlen}) of a ${h.kind} buffer of ${h.len} bytes`);
    }
    this.handedOut.delete(address);
    koffi.free(h.ptr);
  }
}
