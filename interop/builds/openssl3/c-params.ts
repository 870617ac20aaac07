/**
 * randshim's OSSL_PARAM model (provider/params) copied into C memory and back, so that the same
 * parameter array, with any types, sizes and values, can be handed to a real libcrypto
 * (OSSL_PARAM_get_*, EVP_RAND_CTX_get_params...) and to randshim, and the results compared.
 *
 * struct ossl_param_st on LP64: key (8) | data_type (4, then 4 of padding) | data (8) |
 * data_size (8) | return_size (8) = 40 bytes. Each entry's data gets its own block holding
 * what the box stands for (provider/openssl3/core/param-memory.ts); a UTF8/octet pointer entry gets a cell
 * holding the address of a copy of the pointed-to value.
 */
import {
  loadBytes, OSSL_PARAM_OCTET_PTR, OSSL_PARAM_UTF8_PTR, storeBytes, type OSSL_PARAM,
} from '../../../provider/openssl3/core/param-memory.js';
import { OSSL_PARAM_UNMODIFIED } from '../../../provider/openssl3/core/ossl-param.js';
import type { FfiEngine, NativeBlock, Pointer } from '../../ffi/types.js';

export const OSSL_PARAM_STRUCT_SIZE = 40;
const SIZE_MAX = (1n << 64n) - 1n;
const encoder = new TextEncoder();

function u64(v: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt.asUintN(64, v), true);
  return out;
}

function readU64(bytes: Uint8Array): bigint {
  return new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
}

/** The bytes that `p.data`'s box stands for, for copying to C. */
function dataImage(p: OSSL_PARAM): Uint8Array {
  const v = (p.data as { value: unknown }).value;
  if (v instanceof Uint8Array) return v;
  return loadBytes(p, p.data_size);
}

/** One randshim OSSL_PARAM array in C memory. */
export class CParamArray {
  readonly address: Pointer;
  private readonly table: NativeBlock;
  private readonly blocks: NativeBlock[] = [];
  /** Per entry: its data block (or null), and for PTR types the pointed-to copy. */
  private readonly data: (NativeBlock | null)[] = [];

  constructor(private readonly engine: FfiEngine, private readonly params: readonly OSSL_PARAM[]) {
    const terminated = params.length > 0 && params[params.length - 1].key === null;
    const count = terminated ? params.length : params.length + 1;
    this.table = engine.allocate(count * OSSL_PARAM_STRUCT_SIZE);
    this.address = this.table.address;
    const image = new Uint8Array(count * OSSL_PARAM_STRUCT_SIZE);
    params.forEach((p, i) => {
      const at = i * OSSL_PARAM_STRUCT_SIZE;
      if (p.key === null) {
        this.data.push(null);
        return;
      }
      const key = encoder.encode(p.key);
      const keyBlock = this.own(key.length + 1);
      keyBlock.write(0, Uint8Array.from([...key, 0]));
      image.set(u64(keyBlock.address), at);
      new DataView(image.buffer).setUint32(at + 8, p.data_type, true);
      let dataAddress = 0n;
      let block: NativeBlock | null = null;
      if (p.data !== null) {
        if (p.data_type === OSSL_PARAM_UTF8_PTR || p.data_type === OSSL_PARAM_OCTET_PTR) {
          block = this.own(8);
          const v = p.data.value;
          let target = 0n;
          if (typeof v === 'string' || v instanceof Uint8Array) {
            const bytes = typeof v === 'string' ? Uint8Array.from([...encoder.encode(v), 0]) : v;
            const copy = this.own(bytes.length);
            copy.write(0, bytes);
            target = copy.address;
          }
          block.write(0, u64(target));
        } else {
          const bytes = dataImage(p);
          block = this.own(Math.max(bytes.length, p.data_size, 1));
          block.write(0, bytes);
        }
        dataAddress = block.address;
      }
      this.data.push(block);
      image.set(u64(dataAddress), at + 16);
      image.set(u64(BigInt(p.data_size)), at + 24);
      image.set(u64(p.return_size === OSSL_PARAM_UNMODIFIED ? SIZE_MAX : BigInt(p.return_size)), at + 32);
    });
    this.table.write(0, image);
  }

  private own(size: number): NativeBlock {
    const b = this.engine.allocate(size);
    this.blocks.push(b);
    return b;
  }

  /** The address of entry `i`. */
  entry(i: number): Pointer {
    return this.address + BigInt(i * OSSL_PARAM_STRUCT_SIZE);
  }

  /** Copies what C wrote (return_size, data, and for a UTF8 pointer the string it points at)
   * back into the randshim entries. */
  syncBack(): void {
    this.params.forEach((p, i) => {
      if (p.key === null) return;
      const struct = this.table.read(i * OSSL_PARAM_STRUCT_SIZE, OSSL_PARAM_STRUCT_SIZE);
      const rs = readU64(struct.subarray(32));
      p.return_size = rs === SIZE_MAX ? OSSL_PARAM_UNMODIFIED : Number(rs);
      const block = this.data[i];
      if (block === null || p.data === null) return;
      if (p.data_type === OSSL_PARAM_UTF8_PTR || p.data_type === OSSL_PARAM_OCTET_PTR) {
        const target = readU64(block.read(0, 8));
        if (p.data_type === OSSL_PARAM_UTF8_PTR) p.data.value = target === 0n ? null : this.engine.readCString(target);
        return;
      }
      const v = p.data.value;
      if (v instanceof Uint8Array) {
        v.set(block.read(0, v.length));
      } else if (p.data_size > 0) {
        storeBytes(p, block.read(0, p.data_size));
      }
    });
  }

  free(): void {
    for (const b of this.blocks) b.free();
    this.table.free();
  }
}

/** Reads a C OSSL_PARAM descriptor table (e.g. EVP_RAND_CTX_gettable_params) as
 * [key, data_type, data_size] entries; [] for NULL. */
export function readParamTable(engine: FfiEngine, address: Pointer): [string, number, number][] {
  const out: [string, number, number][] = [];
  if (address === 0n) return out;
  for (let i = 0; ; i++) {
    const struct = engine.readBytes(address + BigInt(i * OSSL_PARAM_STRUCT_SIZE), OSSL_PARAM_STRUCT_SIZE);
    const key = readU64(struct);
    if (key === 0n) break;
    const view = new DataView(struct.buffer, struct.byteOffset);
    out.push([engine.readCString(key) ?? '', view.getUint32(8, true), Number(readU64(struct.subarray(24)))]);
  }
  return out;
}
