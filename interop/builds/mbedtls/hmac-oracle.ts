/**
 * One real mbedtls_hmac_drbg_context over a named digest, driven through the same calls as
 * randshim's MbedtlsHmacDrbg (provider/conventions/mbedtls-hmac.ts). 4 KiB of C heap for the
 * context (an md context pointer pair, V and a few words): no layout is assumed.
 */
import type { EntropySource } from '../../../provider/conventions/entropy-source.js';
import type { MbedtlsDigest } from '../../../provider/conventions/mbedtls-hmac.js';
import type { NativeBlock, Pointer } from '../../ffi/types.js';
import { EntropyCallback } from './entropy-callback.js';
import type { MbedtlsBuild } from './library.js';

const CONTEXT_BYTES = 4096;

export class MbedtlsHmacOracle {
  private readonly ctx: NativeBlock;
  private readonly callback: EntropyCallback;
  private readonly mdInfo: Pointer;
  private open = true;

  constructor(private readonly build: MbedtlsBuild, readonly digest: MbedtlsDigest) {
    this.mdInfo = build.lib.md_info_from_string(digest);
    if (this.mdInfo === 0n) throw new Error(`Mbed TLS ${build.line}: mbedtls_md_info_from_string("${digest}") is NULL`);
    this.ctx = build.engine.allocate(CONTEXT_BYTES);
    this.ctx.write(0, new Uint8Array(CONTEXT_BYTES));
    this.callback = new EntropyCallback(build.engine);
    build.lib.hmac_drbg_init(this.ctx.address);
  }

  setEntropyLen(length: number): void {
    this.build.lib.hmac_drbg_set_entropy_len(this.ctx.address, length);
  }

  setPredictionResistance(on: boolean): void {
    this.build.lib.hmac_drbg_set_prediction_resistance(this.ctx.address, on ? 1 : 0);
  }

  setReseedInterval(interval: number): void {
    this.build.lib.hmac_drbg_set_reseed_interval(this.ctx.address, interval);
  }

  seed(source: EntropySource, custom: Uint8Array | null): number {
    this.callback.use(source);
    return this.build.lib.hmac_drbg_seed(this.ctx.address, this.mdInfo, this.callback.address, 0n, custom, custom?.length ?? 0);
  }

  seedBuf(data: Uint8Array | null): number {
    return this.build.lib.hmac_drbg_seed_buf(this.ctx.address, this.mdInfo, data, data?.length ?? 0);
  }

  reseed(additional: Uint8Array | null): number {
    return this.build.lib.hmac_drbg_reseed(this.ctx.address, additional, additional?.length ?? 0);
  }

  update(additional: Uint8Array | null): number {
    return this.build.lib.hmac_drbg_update(this.ctx.address, additional, additional?.length ?? 0);
  }

  randomWithAdd(out: Uint8Array, additional: Uint8Array | null): number {
    return this.build.lib.hmac_drbg_random_with_add(this.ctx.address, out, out.length, additional, additional?.length ?? 0);
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.build.lib.hmac_drbg_free(this.ctx.address);
    this.ctx.free();
    this.callback.close();
  }
}
