/**
 * OSSL_PARAM's own functions (crypto/params.c) on one line: every OSSL_PARAM_get_* on every
 * integer and real type and size, every OSSL_PARAM_set_* into every type and size with and
 * without data, and the UTF-8 / octet string setters and getters, each observed as its return
 * value, the value read or the bytes written, return_size, OSSL_PARAM_modified and the error
 * queue. The C side runs in a line's child (./child.ts) on the line's libcrypto; the randshim
 * side runs compat/openssl3's OSSL_PARAM_* as the line's personality. test/interop/lines.spec.ts
 * requires the two to be identical on every line and on the 3.0 control, which is what proves
 * provider/openssl3/lines.ts paramErrorsRaised (3.2's raises and return_size rules).
 *
 * Calls C crashes on are left out: a getter on NULL data (3.0 reads through it) and
 * OSSL_PARAM_set_uint64 into a REAL parameter with NULL data (every line writes through it).
 */
import * as P from '../../../compat/openssl3/params.js';
import { describeError3, ERR_get_error } from '../../../compat/openssl3/index.js';
import { intToBytes, f64ToBytes, type OSSL_PARAM } from '../../../provider/openssl3/core/param-memory.js';
import { CParamArray } from '../openssl3/c-params.js';
import { drainErrors3 } from '../openssl3/error-names.js';
import type { LibCrypto3 } from '../openssl3/libcrypto.js';

export interface ParamCall {
  readonly call: string;
  readonly ret: number;
  /** Getter: the value read (when ret is 1); setter: return_size, modified and the data bytes. */
  readonly value?: string;
  readonly returnSize?: number;
  readonly modified?: number;
  readonly bytes?: string;
  readonly errors: readonly string[];
}

/** The OSSL_PARAM_get_* / set_* families (crypto/params.c), by C type. */
export type Getter = 'int' | 'uint' | 'long' | 'ulong' | 'int32' | 'uint32' | 'int64' | 'uint64' | 'size_t' | 'time_t' | 'double';
export const GETTERS: readonly Getter[] = ['int', 'uint', 'long', 'ulong', 'int32', 'uint32', 'int64', 'uint64', 'size_t', 'time_t', 'double'];
/** How C reads each getter's out-cell (x86_64: long and time_t are 64-bit). */
export const CELL: Record<Getter, 'i32' | 'u32' | 'i64' | 'u64' | 'f64'> = {
  int: 'i32', uint: 'u32', int32: 'i32', uint32: 'u32', long: 'i64', int64: 'i64', time_t: 'i64',
  ulong: 'u64', uint64: 'u64', size_t: 'u64', double: 'f64',
};
const BITS32 = new Set<Getter>(['int', 'uint', 'int32', 'uint32']);
const SIGNED = new Set<Getter>(['int', 'int32', 'long', 'int64', 'time_t']);

const INT_VALUES: readonly bigint[] = [
  0n, 1n, -1n, 127n, 128n, -129n, 255n, 256n, 65535n, -32769n, 2n ** 31n - 1n, 2n ** 31n, -(2n ** 31n), -(2n ** 31n) - 1n,
  2n ** 32n - 1n, 2n ** 32n, 2n ** 53n, 2n ** 53n + 1n, 2n ** 63n - 1n, 2n ** 63n, -(2n ** 63n), 2n ** 64n - 1n,
];
const REAL_VALUES: readonly number[] = [0, -1, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 32, 2 ** 53 + 2, 2 ** 63, -(2 ** 63), 2 ** 64, 1e300, NaN];
const INT_SIZES = [1, 2, 4, 5, 8, 16];

/** A parameter's type and data_size, as a call is tried with it. */
export interface Shape {
  readonly label: string;
  readonly type: number;
  readonly size: number;
}

/** Integers of every size in `intSizes` (fast paths 4 and 8, the byte-wise general path for the
 * rest), both signednesses, REAL of 8 and 4 bytes, and the two string types (type errors). */
export function paramShapes(intSizes: readonly number[]): Shape[] {
  return [
    ...intSizes.map((size) => ({ label: `INTEGER[${size}]`, type: P.OSSL_PARAM_INTEGER, size })),
    ...intSizes.map((size) => ({ label: `UNSIGNED[${size}]`, type: P.OSSL_PARAM_UNSIGNED_INTEGER, size })),
    { label: 'REAL[8]', type: P.OSSL_PARAM_REAL, size: 8 },
    { label: 'REAL[4]', type: P.OSSL_PARAM_REAL, size: 4 },
    { label: 'UTF8[8]', type: P.OSSL_PARAM_UTF8_STRING, size: 8 },
    { label: 'OCTET[8]', type: P.OSSL_PARAM_OCTET_STRING, size: 8 },
  ];
}

const SHAPES: readonly Shape[] = paramShapes(INT_SIZES);

/** One call of the battery, as data both sides run. */
type Case =
  | { readonly kind: 'get'; readonly g: Getter; readonly shape: Shape; readonly image: Uint8Array }
  | { readonly kind: 'set'; readonly g: Getter; readonly shape: Shape; readonly withData: boolean; readonly raw: bigint | number }
  | { readonly kind: 'set_string'; readonly octets: boolean; readonly type: number; readonly size: number; readonly withData: boolean; readonly text: string }
  | { readonly kind: 'get_string'; readonly octets: boolean; readonly type: number; readonly content: string; readonly size: number; readonly maxLen: number };

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function images(shape: Shape): Uint8Array[] {
  if (shape.type === P.OSSL_PARAM_REAL) {
    return shape.size === 8 ? REAL_VALUES.map(f64ToBytes) : INT_VALUES.slice(0, 6).map((v) => intToBytes(v, 4));
  }
  return INT_VALUES.map((v) => intToBytes(v, shape.size));
}

function crashesInC(g: Getter, shape: Shape, withData: boolean, v: bigint | number): boolean {
  return !withData && shape.type === P.OSSL_PARAM_REAL && shape.size === 8 && ['ulong', 'uint64', 'size_t'].includes(g)
    && (BigInt.asUintN(64, BigInt(v)) >> 53n) === 0n;
}

/** The whole battery, in order. */
export function paramBattery(): Case[] {
  const out: Case[] = [];
  for (const shape of SHAPES.filter((s) => s.type <= P.OSSL_PARAM_REAL)) {
    for (const image of images(shape)) for (const g of GETTERS) out.push({ kind: 'get', g, shape, image });
  }
  const values: (bigint | number)[] = [...INT_VALUES, ...REAL_VALUES.filter((d) => !Number.isInteger(d) || Math.abs(d) > 2 ** 64)];
  for (const shape of SHAPES) {
    for (const withData of [true, false]) {
      for (const g of GETTERS) {
        for (const raw of values) {
          if ((g !== 'double' && typeof raw === 'number') || crashesInC(g, shape, withData, raw)) continue;
          out.push({ kind: 'set', g, shape, withData, raw });
        }
      }
    }
  }
  for (const type of [P.OSSL_PARAM_UTF8_STRING, P.OSSL_PARAM_OCTET_STRING, P.OSSL_PARAM_INTEGER]) {
    for (const size of [0, 3, 5, 10]) {
      for (const withData of [true, false]) {
        for (const text of ['', 'abc', 'AES-256-CTR']) {
          for (const octets of [false, true]) out.push({ kind: 'set_string', octets, type, size, withData, text });
        }
      }
    }
  }
  for (const type of [P.OSSL_PARAM_UTF8_STRING, P.OSSL_PARAM_OCTET_STRING, P.OSSL_PARAM_INTEGER]) {
    for (const [content, size] of [['abc\u0000zz', 3], ['abc\u0000zz', 4], ['abcde', 5]] as const) {
      for (const maxLen of [2, 3, 4, 5, 6]) {
        for (const octets of [false, true]) out.push({ kind: 'get_string', octets, type, content, size, maxLen });
      }
    }
  }
  return out;
}

function label(c: Case): string {
  switch (c.kind) {
    case 'get': return `get_${c.g} ${c.shape.label} ${hex(c.image)}`;
    case 'set': return `set_${c.g}(${String(c.raw)}) ${c.shape.label}${c.withData ? '' : ' NULL'}`;
    case 'set_string': return `set_${c.octets ? 'octet' : 'utf8'}_string(${c.text}) type ${c.type}[${c.size}]${c.withData ? '' : ' NULL'}`;
    default: return `get_${c.octets ? 'octet' : 'utf8'}_string ${JSON.stringify(c.content)} type ${c.type}[${c.size}] max_len ${c.maxLen}`;
  }
}

const param = (type: number, size: number, image: Uint8Array | null): OSSL_PARAM =>
  P.OSSL_PARAM_DEFN('p', type, image === null ? null : { value: Uint8Array.from(image) }, size);

/** The value a getter left in its 8-byte out-cell, as text (-0 kept apart from 0). */
export function readCell(cell: Uint8Array, kind: (typeof CELL)[Getter]): string {
  const v = new DataView(cell.buffer, cell.byteOffset, 8);
  switch (kind) {
    case 'i32': return String(v.getInt32(0, true));
    case 'u32': return String(v.getUint32(0, true));
    case 'i64': return String(v.getBigInt64(0, true));
    case 'u64': return String(v.getBigUint64(0, true));
    default: return Object.is(v.getFloat64(0, true), -0) ? '-0' : String(v.getFloat64(0, true));
  }
}

/** A setter's argument as C receives it (wrapped to the type's width). */
function setArg(g: Getter, v: bigint | number): bigint | number {
  if (g === 'double') return Number(v);
  const bits = BITS32.has(g) ? 32 : 64;
  const b = typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
  const val = SIGNED.has(g) ? BigInt.asIntN(bits, b) : BigInt.asUintN(bits, b);
  return bits === 32 ? Number(val) : val;
}

function setOutcome(p: OSSL_PARAM, ret: number, modified: number): Omit<ParamCall, 'call' | 'errors'> {
  const v = p.data?.value;
  return { ret, returnSize: p.return_size, modified, bytes: v instanceof Uint8Array ? hex(v) : 'NULL' };
}

const withData = (size: number): Uint8Array => new Uint8Array(size).fill(0xa5);

/** The battery through randshim's OSSL_PARAM_* (run it inside withLine for a line). */
export function runParamBatteryRandshim(): ParamCall[] {
  const drain = (): string[] => {
    const out: string[] = [];
    for (let e = ERR_get_error(); e !== 0; e = ERR_get_error()) {
      const d = describeError3(e);
      out.push(`${d?.lib ?? '?'}:${d?.reason ?? '?'}`);
    }
    return out;
  };
  drain();
  return paramBattery().map((c): ParamCall => {
    const call = label(c);
    let r: Omit<ParamCall, 'call' | 'errors'>;
    switch (c.kind) {
      case 'get': {
        const p = param(c.shape.type, c.shape.size, c.image);
        const cell = new Uint8Array(8);
        let ret: number;
        if (c.g === 'double') {
          const box = { value: 0 };
          ret = P.OSSL_PARAM_get_double(p, box);
          new DataView(cell.buffer).setFloat64(0, box.value, true);
        } else {
          const box = { value: 0n as number | bigint };
          ret = getters[c.g](p, box);
          new DataView(cell.buffer).setBigUint64(0, BigInt.asUintN(64, BigInt(box.value)), true);
        }
        r = ret === 1 ? { ret, value: readCell(cell, CELL[c.g]) } : { ret };
        break;
      }
      case 'set': {
        const p = param(c.shape.type, c.shape.size, c.withData ? withData(c.shape.size) : null);
        const ret = c.g === 'double' ? P.OSSL_PARAM_set_double(p, Number(c.raw)) : setters[c.g](p, setArg(c.g, c.raw));
        r = setOutcome(p, ret, P.OSSL_PARAM_modified(p));
        break;
      }
      case 'set_string': {
        const p = param(c.type, c.size, c.withData ? new Uint8Array(c.size).fill(0x5a) : null);
        const bytes = new TextEncoder().encode(c.text);
        const ret = c.octets ? P.OSSL_PARAM_set_octet_string(p, bytes, bytes.length) : P.OSSL_PARAM_set_utf8_string(p, c.text);
        r = setOutcome(p, ret, P.OSSL_PARAM_modified(p));
        break;
      }
      default: {
        const data = new TextEncoder().encode(c.content);
        const p = param(c.type, c.size, data);
        const buf = new Uint8Array(c.maxLen).fill(0xee);
        let used = -1;
        let ret: number;
        if (c.octets) {
          const u = { value: -1 };
          ret = P.OSSL_PARAM_get_octet_string(p, { value: buf }, c.maxLen, u);
          used = u.value;
        } else {
          ret = P.OSSL_PARAM_get_utf8_string(p, { value: buf }, c.maxLen);
        }
        r = { ret, value: `${used} ${hex(buf)}` };
      }
    }
    return { call, ...r, errors: drain() };
  });
}

type IntGetter = (p: OSSL_PARAM, box: { value: number | bigint }) => number;
type IntSetter = (p: OSSL_PARAM, v: number | bigint) => number;
const getters: Record<Exclude<Getter, 'double'>, IntGetter> = {
  int: P.OSSL_PARAM_get_int, uint: P.OSSL_PARAM_get_uint, long: P.OSSL_PARAM_get_long, ulong: P.OSSL_PARAM_get_ulong,
  int32: P.OSSL_PARAM_get_int32, uint32: P.OSSL_PARAM_get_uint32, int64: P.OSSL_PARAM_get_int64,
  uint64: P.OSSL_PARAM_get_uint64, size_t: P.OSSL_PARAM_get_size_t, time_t: P.OSSL_PARAM_get_time_t,
};
const setters: Record<Exclude<Getter, 'double'>, IntSetter> = {
  int: P.OSSL_PARAM_set_int, uint: P.OSSL_PARAM_set_uint, long: P.OSSL_PARAM_set_long, ulong: P.OSSL_PARAM_set_ulong,
  int32: P.OSSL_PARAM_set_int32, uint32: P.OSSL_PARAM_set_uint32, int64: P.OSSL_PARAM_set_int64,
  uint64: P.OSSL_PARAM_set_uint64, size_t: P.OSSL_PARAM_set_size_t, time_t: P.OSSL_PARAM_set_time_t,
};

/** The battery on a real libcrypto (in a line's child, or in process for 3.0). */
export function runParamBatteryC(c: LibCrypto3): ParamCall[] {
  const drain = (): string[] => drainErrors3(c).map((e) => `${e.lib}:${e.reason}`);
  drain();
  const cGetters: Record<Getter, (at: bigint, cell: Uint8Array) => number> = {
    int: c.OSSL_PARAM_get_int, uint: c.OSSL_PARAM_get_uint, long: c.OSSL_PARAM_get_long, ulong: c.OSSL_PARAM_get_ulong,
    int32: c.OSSL_PARAM_get_int32, uint32: c.OSSL_PARAM_get_uint32, int64: c.OSSL_PARAM_get_int64,
    uint64: c.OSSL_PARAM_get_uint64, size_t: c.OSSL_PARAM_get_size_t, time_t: c.OSSL_PARAM_get_time_t,
    double: c.OSSL_PARAM_get_double,
  };
  const cSetters: Record<Getter, (at: bigint, v: never) => number> = {
    int: c.OSSL_PARAM_set_int, uint: c.OSSL_PARAM_set_uint, long: c.OSSL_PARAM_set_long, ulong: c.OSSL_PARAM_set_ulong,
    int32: c.OSSL_PARAM_set_int32, uint32: c.OSSL_PARAM_set_uint32, int64: c.OSSL_PARAM_set_int64,
    uint64: c.OSSL_PARAM_set_uint64, size_t: c.OSSL_PARAM_set_size_t, time_t: c.OSSL_PARAM_set_time_t,
    double: c.OSSL_PARAM_set_double,
  };
  /** Runs `fn` on a C copy of `p`, then copies the C memory back into `p`. */
  const inC = (p: OSSL_PARAM, fn: (at: bigint) => number): { ret: number; modified: number } => {
    const arr = new CParamArray(c.engine, [p]);
    try {
      const ret = fn(arr.entry(0));
      const modified = c.OSSL_PARAM_modified(arr.entry(0));
      arr.syncBack();
      return { ret, modified };
    } finally {
      arr.free();
    }
  };
  return paramBattery().map((k): ParamCall => {
    const call = label(k);
    let r: Omit<ParamCall, 'call' | 'errors'>;
    switch (k.kind) {
      case 'get': {
        const cell = new Uint8Array(8);
        const { ret } = inC(param(k.shape.type, k.shape.size, k.image), (at) => cGetters[k.g](at, cell));
        r = ret === 1 ? { ret, value: readCell(cell, CELL[k.g]) } : { ret };
        break;
      }
      case 'set': {
        const p = param(k.shape.type, k.shape.size, k.withData ? withData(k.shape.size) : null);
        const v = setArg(k.g, k.raw);
        const arg = typeof v === 'bigint' ? BigInt.asUintN(64, v) : v;
        const { ret, modified } = inC(p, (at) => cSetters[k.g](at, arg as never));
        r = setOutcome(p, ret, modified);
        break;
      }
      case 'set_string': {
        const p = param(k.type, k.size, k.withData ? new Uint8Array(k.size).fill(0x5a) : null);
        const bytes = new TextEncoder().encode(k.text);
        const { ret, modified } = inC(p, (at) => (k.octets ? c.OSSL_PARAM_set_octet_string(at, bytes, bytes.length)
          : c.OSSL_PARAM_set_utf8_string(at, k.text)));
        r = setOutcome(p, ret, modified);
        break;
      }
      default: {
        const data = new TextEncoder().encode(k.content);
        const buf = c.engine.allocate(k.maxLen);
        buf.write(0, new Uint8Array(k.maxLen).fill(0xee));
        const cell = new Uint8Array(8);
        new DataView(cell.buffer).setBigUint64(0, buf.address, true);
        const usedCell = new Uint8Array(8).fill(0xff);
        const { ret } = inC(param(k.type, k.size, data), (at) => (k.octets
          ? c.OSSL_PARAM_get_octet_string(at, cell, k.maxLen, usedCell) : c.OSSL_PARAM_get_utf8_string(at, cell, k.maxLen)));
        const used = k.octets ? Number(new DataView(usedCell.buffer).getBigInt64(0, true)) : -1;
        const out = buf.read(0, k.maxLen);
        buf.free();
        r = { ret, value: `${used} ${hex(out)}` };
      }
    }
    return { call, ...r, errors: drain() };
  });
}
