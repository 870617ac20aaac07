/**
 * The f_entropy callback handed to mbedtls_ctr_drbg_seed / mbedtls_hmac_drbg_seed: a koffi
 * C function pointer (the library calls it synchronously, inside seed, reseed and
 * random_with_add) that forwards each request to the {@link EntropySource} of the moment and
 * writes its bytes into the library's buffer; a null answer returns 1, which the library
 * reports as its ENTROPY_SOURCE_FAILED.
 */
import type { EntropySource } from '../../../provider/conventions/entropy-source.js';
import type { KoffiEngine, NativeCallback } from '../../ffi/koffi-engine.js';
import type { Pointer } from '../../ffi/types.js';

export class EntropyCallback {
  private readonly native: NativeCallback;
  private source: EntropySource | null = null;

  constructor(private readonly engine: KoffiEngine) {
    this.native = engine.callback('int', ['ptr', 'ptr', 'size_t'], (_p: Pointer, out: Pointer, len: number) => {
      const bytes = this.source?.(len) ?? null;
      if (bytes === null || bytes.length !== len) return 1;
      if (len > 0) this.engine.writeBytes(out, bytes);
      return 0;
    });
  }

  get address(): Pointer {
    return this.native.address;
  }

  use(source: EntropySource): void {
    this.source = source;
  }

  close(): void {
    this.native.close();
    this.source = null;
  }
}
