/**
 * One real mbedtls_ctr_drbg_context, driven through the same calls as randshim's
 * MbedtlsCtrDrbg (provider/conventions/mbedtls-ctr.ts), for step-by-step comparison.
 * The context lives in 4 KiB of C heap: more than sizeof(mbedtls_ctr_drbg_context) in either
 * line (an AES context plus a few words), so no layout is assumed.
 */
import type { EntropySource } from '../../../provider/conventions/entropy-source.js';
import type { NativeBlock } from '../../ffi/types.js';
import { EntropyCallback } from './entropy-callback.js';
import type { MbedtlsBuild } from './library.js';

const CONTEXT_BYTES = 4096;

export class MbedtlsCtrOracle {
  private readonly ctx: NativeBlock;
  private readonly callback: EntropyCallback;
  private open = true;

  constructor(private readonly build: MbedtlsBuild) {
    this.ctx = build.engine.allocate(CONTEXT_BYTES);
    this.ctx.write(0, new Uint8Array(CONTEXT_BYTES));
    this.callback = new EntropyCallback(build.engine);
    build.lib.ctr_drbg_init(this.ctx.address);
  }

  setEntropyLen(length: number): void {
    this.build.lib.ctr_drbg_set_entropy_len(this.ctx.address, length);
  }

  setNonceLen(length: number): number {
    return this.build.lib.ctr_drbg_set_nonce_len(this.ctx.address, length);
  }

  setPredictionResistance(on: boolean): void {
    this.build.lib.ctr_drbg_set_prediction_resistance(this.ctx.address, on ? 1 : 0);
  }

  setReseedInterval(interval: number): void {
    this.build.lib.ctr_drbg_set_reseed_interval(this.ctx.address, interval);
  }

  seed(source: EntropySource, custom: Uint8Array | null): number {
    this.callback.use(source);
    return this.build.lib.ctr_drbg_seed(this.ctx.address, this.callback.address, 0n, custom, custom?.length ?? 0);
  }

  reseed(additional: Uint8Array | null): number {
    return this.build.lib.ctr_drbg_reseed(this.ctx.address, additional, additional?.length ?? 0);
  }

  update(additional: Uint8Array | null): number {
    return this.build.lib.ctr_drbg_update(this.ctx.address, additional, additional?.length ?? 0);
  }

  /** 2.28's deprecated void mbedtls_ctr_drbg_update; throws on 3.6, which has none. */
  updateTruncating(additional: Uint8Array | null): void {
    const fn = this.build.lib.ctr_drbg_update_void;
    if (fn === null) throw new Error(`Mbed TLS ${this.build.line} has no void mbedtls_ctr_drbg_update`);
    fn(this.ctx.address, additional, additional?.length ?? 0);
  }

  randomWithAdd(out: Uint8Array, additional: Uint8Array | null): number {
    return this.build.lib.ctr_drbg_random_with_add(this.ctx.address, out, out.length, additional, additional?.length ?? 0);
  }

  /** mbedtls_ctr_drbg_free, then the memory. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.build.lib.ctr_drbg_free(this.ctx.address);
    this.ctx.free();
    this.callback.close();
  }
}
