/**
 * OSSL_PARAM arrays for OpenSSL 3 through OSSL_PARAM_BLD (crypto/param_build.c), built from
 * plain JavaScript values. The builder keeps the key pointer of every push, and the value
 * pointer of string and octet pushes until OSSL_PARAM_BLD_to_param, so keys live in C memory
 * owned by this object for its whole life and values are staged in a C arena it owns.
 */
import type { LibCrypto3 } from './libcrypto.js';
import type { NativeBlock, Pointer } from '../../ffi/types.js';

export type ParamValue =
  | { readonly type: 'int'; readonly value: number }
  | { readonly type: 'uint'; readonly value: number }
  | { readonly type: 'size_t'; readonly value: number }
  | { readonly type: 'utf8'; readonly value: string }
  | { readonly type: 'octets'; readonly value: Uint8Array };

export type ParamEntry = readonly [key: string, value: ParamValue];

/** Numeric types a parameter can be read back as (OSSL_PARAM_get_*). */
export type NumericParamType = 'int' | 'uint' | 'size_t';

const encoder = new TextEncoder();

export class ParamArrays {
  private readonly keys = new Map<string, NativeBlock>();
  private arena: NativeBlock;
  private readonly scratch8 = new Uint8Array(8);

  constructor(private readonly crypto: LibCrypto3) {
    this.arena = crypto.engine.allocate(256);
  }

  /** The NUL-terminated C copy of `key`, allocated once. */
  key(key: string): Pointer {
    let block = this.keys.get(key);
    if (block === undefined) {
      const text = encoder.encode(key);
      const cString = new Uint8Array(text.length + 1);
      cString.set(text);
      block = this.crypto.engine.allocate(cString.length);
      block.write(0, cString);
      this.keys.set(key, block);
    }
    return block.address;
  }

  /**
   * Copies every string and octet value into the arena (one memcpy), each followed by a NUL,
   * and returns their offsets in entry order.
   */
  private stage(entries: readonly ParamEntry[]): number[] {
    const values: Uint8Array[] = [];
    let total = 0;
    for (const [, v] of entries) {
      if (v.type === 'utf8' || v.type === 'octets') {
        const data = v.type === 'utf8' ? encoder.encode(v.value) : v.value;
        values.push(data);
        total += data.length + 1;
      }
    }
    if (values.length === 0) return [];
    if (total > this.arena.size) {
      this.arena.free();
      this.arena = this.crypto.engine.allocate(Math.max(total, 2 * this.arena.size));
    }
    const image = new Uint8Array(total);
    const offsets: number[] = [];
    let offset = 0;
    for (const data of values) {
      offsets.push(offset);
      image.set(data, offset);
      offset += data.length + 1;
    }
    this.arena.write(0, image);
    return offsets;
  }

  /**
   * OSSL_PARAM_BLD_new, one push per entry (in order), OSSL_PARAM_BLD_to_param. Returns the
   * OSSL_PARAM array (release it with {@link free}); throws if the builder fails.
   */
  build(entries: readonly ParamEntry[]): Pointer {
    const c = this.crypto;
    const offsets = this.stage(entries);
    const bld = c.OSSL_PARAM_BLD_new();
    if (bld === 0n) throw new Error('OSSL_PARAM_BLD_new failed');
    try {
      let next = 0;
      for (const [name, v] of entries) {
        const key = this.key(name);
        let ok: number;
        switch (v.type) {
          case 'int': ok = c.OSSL_PARAM_BLD_push_int(bld, key, v.value); break;
          case 'uint': ok = c.OSSL_PARAM_BLD_push_uint(bld, key, v.value); break;
          case 'size_t': ok = c.OSSL_PARAM_BLD_push_size_t(bld, key, v.value); break;
          case 'utf8':
          case 'octets': {
            const address = this.arena.address + BigInt(offsets[next++]);
            // A utf8 bsize of 0 would make the builder call strlen: the NUL is there.
            ok = v.type === 'utf8'
              ? c.OSSL_PARAM_BLD_push_utf8_string(bld, key, address, encoder.encode(v.value).length)
              : c.OSSL_PARAM_BLD_push_octet_string(bld, key, address, v.value.length);
            break;
          }
          default: throw new TypeError('unknown parameter type');
        }
        if (ok !== 1) throw new Error(`OSSL_PARAM_BLD_push (${name}) failed`);
      }
      const params = c.OSSL_PARAM_BLD_to_param(bld);
      if (params === 0n) throw new Error('OSSL_PARAM_BLD_to_param failed');
      return params;
    } finally {
      c.OSSL_PARAM_BLD_free(bld);
    }
  }

  free(params: Pointer): void {
    this.crypto.OSSL_PARAM_free(params);
  }

  /** OSSL_PARAM_locate + OSSL_PARAM_get_<type>; undefined if absent or not convertible. */
  read(params: Pointer, key: string, type: NumericParamType): number | undefined {
    const c = this.crypto;
    const p = c.OSSL_PARAM_locate(params, key);
    if (p === 0n) return undefined;
    const out = this.scratch8;
    out.fill(0);
    const view = new DataView(out.buffer);
    switch (type) {
      case 'int': return c.OSSL_PARAM_get_int(p, out) === 1 ? view.getInt32(0, true) : undefined;
      case 'uint': return c.OSSL_PARAM_get_uint(p, out) === 1 ? view.getUint32(0, true) : undefined;
      case 'size_t': return c.OSSL_PARAM_get_size_t(p, out) === 1 ? Number(view.getBigUint64(0, true)) : undefined;
      default: return undefined;
    }
  }

  /**
   * EVP_RAND_CTX_get_params for numeric parameters: builds a request array (zeros of the
   * wanted types), asks, reads every value back. Returns undefined if the call fails; a
   * parameter the implementation does not report reads back as the zero it was sent with
   * (OSSL_PARAM has a return_size, but 3.0's getters do not consult it).
   */
  getRandCtxParams<K extends string>(ctx: Pointer, wanted: Readonly<Record<K, NumericParamType>>):
    Partial<Record<K, number>> | undefined {
    const names = Object.keys(wanted) as K[];
    const params = this.build(names.map((k): ParamEntry => [k, { type: wanted[k], value: 0 } as ParamValue]));
    try {
      if (this.crypto.EVP_RAND_CTX_get_params(ctx, params) !== 1) return undefined;
      const out: Partial<Record<K, number>> = {};
      for (const k of names) {
        const v = this.read(params, k, wanted[k]);
        if (v !== undefined) out[k] = v;
      }
      return out;
    } finally {
      this.free(params);
    }
  }

  /** Releases the keys and the arena. */
  close(): void {
    for (const block of this.keys.values()) block.free();
    this.keys.clear();
    this.arena.free();
  }
}
