/**
 * OSSL_PARAM's conversion and range rules (crypto/params.c) against the real library: the same
 * parameters, of every integer type and size (the 4- and 8-byte fast paths and the byte-wise
 * general path), REAL, UTF8 and octet strings, with data and with NULL data, read with every
 * OSSL_PARAM_get_* and written with every OSSL_PARAM_set_* by randshim (provider/params, what
 * compat/openssl3 exports) and by the system libcrypto.so.3 through interop/ffi. Compared: the
 * return value, the value read, the bytes written, return_size and OSSL_PARAM_modified.
 */
import { expect } from 'chai';
import * as P from '../../compat/openssl3/params.js';
import { CParamArray, loadLibCrypto3, type LibCrypto3 } from '../../interop/builds/openssl3/index.js';
import type { OSSL_PARAM } from '../../provider/openssl3/core/param-memory.js';
import { intToBytes, f64ToBytes } from '../../provider/openssl3/core/param-memory.js';
import { captureErrors } from '../../provider/err/queue.js';
import { CELL, GETTERS, paramShapes, readCell, type Getter, type Shape } from '../../interop/builds/openssl-lines/param-battery.js';

const INT_VALUES: readonly bigint[] = [
  0n, 1n, -1n, 127n, 128n, -128n, -129n, 255n, 256n, 32767n, 32768n, 65535n, 65536n, -32769n,
  2n ** 23n, 2n ** 24n - 1n, 2n ** 31n - 1n, 2n ** 31n, -(2n ** 31n), -(2n ** 31n) - 1n, 2n ** 32n - 1n, 2n ** 32n,
  2n ** 53n, 2n ** 53n + 1n, -(2n ** 53n) - 1n, 2n ** 63n - 1n, 2n ** 63n, -(2n ** 63n), 2n ** 64n - 1n,
];
const REAL_VALUES: readonly number[] = [
  0, -0, 1, -1, 1.5, -2.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 32 - 1, 2 ** 32, 2 ** 53, 2 ** 53 + 2,
  -(2 ** 53), 2 ** 63, -(2 ** 63), 2 ** 64, 1e300, -1e-300, NaN, Infinity, -Infinity,
];
const INT_SIZES = [1, 2, 3, 4, 5, 8, 16];

const SHAPES: readonly Shape[] = paramShapes(INT_SIZES);

/** The memory images a shape is tried with (raw little-endian bytes of data_size). */
function images(shape: Shape): Uint8Array[] {
  if (shape.type === P.OSSL_PARAM_REAL) {
    return shape.size === 8 ? REAL_VALUES.map(f64ToBytes) : INT_VALUES.slice(0, 8).map((v) => intToBytes(v, 4));
  }
  return INT_VALUES.map((v) => intToBytes(v, shape.size));
}

function param(shape: Shape, image: Uint8Array | null): OSSL_PARAM {
  return P.OSSL_PARAM_DEFN('p', shape.type, image === null ? null : { value: Uint8Array.from(image) }, shape.size);
}

function tsGet(g: Getter, p: OSSL_PARAM): { ret: number; value: string } {
  if (g === 'double') {
    const box = { value: 0 };
    const ret = P.OSSL_PARAM_get_double(p, box);
    return { ret, value: Object.is(box.value, -0) ? '-0' : String(box.value) };
  }
  const box = { value: 0n as number | bigint };
  const fn = {
    int: P.OSSL_PARAM_get_int, uint: P.OSSL_PARAM_get_uint, long: P.OSSL_PARAM_get_long, ulong: P.OSSL_PARAM_get_ulong,
    int32: P.OSSL_PARAM_get_int32, uint32: P.OSSL_PARAM_get_uint32, int64: P.OSSL_PARAM_get_int64,
    uint64: P.OSSL_PARAM_get_uint64, size_t: P.OSSL_PARAM_get_size_t, time_t: P.OSSL_PARAM_get_time_t,
  }[g];
  const ret = fn(p, box);
  return { ret, value: String(box.value) };
}

function cGet(c: LibCrypto3, g: Getter, p: OSSL_PARAM): { ret: number; value: string } {
  const arr = new CParamArray(c.engine, [p]);
  try {
    const cell = new Uint8Array(8);
    const fn = {
      int: c.OSSL_PARAM_get_int, uint: c.OSSL_PARAM_get_uint, long: c.OSSL_PARAM_get_long, ulong: c.OSSL_PARAM_get_ulong,
      int32: c.OSSL_PARAM_get_int32, uint32: c.OSSL_PARAM_get_uint32, int64: c.OSSL_PARAM_get_int64,
      uint64: c.OSSL_PARAM_get_uint64, size_t: c.OSSL_PARAM_get_size_t, time_t: c.OSSL_PARAM_get_time_t,
      double: c.OSSL_PARAM_get_double,
    }[g];
    const ret = fn(arr.entry(0), cell);
    return { ret, value: readCell(cell, CELL[g]) };
  } finally {
    arr.free();
  }
}

/** The C value of a setter's argument, and how randshim is given it. */
function setArg(g: Getter, v: bigint | number): { ts: number | bigint; c: number | bigint } {
  if (g === 'double') return { ts: Number(v), c: Number(v) };
  const bits = ['int', 'uint', 'int32', 'uint32'].includes(g) ? 32 : 64;
  const signed = ['int', 'int32', 'long', 'int64', 'time_t'].includes(g);
  const b = typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
  const val = signed ? BigInt.asIntN(bits, b) : BigInt.asUintN(bits, b);
  return bits === 32 ? { ts: val, c: Number(val) } : { ts: val, c: BigInt.asUintN(64, val) };
}

function tsSet(g: Getter, p: OSSL_PARAM, v: number | bigint): number {
  if (g === 'double') return P.OSSL_PARAM_set_double(p, Number(v));
  const fn = {
    int: P.OSSL_PARAM_set_int, uint: P.OSSL_PARAM_set_uint, long: P.OSSL_PARAM_set_long, ulong: P.OSSL_PARAM_set_ulong,
    int32: P.OSSL_PARAM_set_int32, uint32: P.OSSL_PARAM_set_uint32, int64: P.OSSL_PARAM_set_int64,
    uint64: P.OSSL_PARAM_set_uint64, size_t: P.OSSL_PARAM_set_size_t, time_t: P.OSSL_PARAM_set_time_t,
  }[g];
  return fn(p, v);
}

function cSet(c: LibCrypto3, g: Getter, at: bigint, v: number | bigint): number {
  switch (g) {
    case 'int': return c.OSSL_PARAM_set_int(at, Number(v));
    case 'uint': return c.OSSL_PARAM_set_uint(at, Number(v));
    case 'int32': return c.OSSL_PARAM_set_int32(at, Number(v));
    case 'uint32': return c.OSSL_PARAM_set_uint32(at, Number(v));
    case 'long': return c.OSSL_PARAM_set_long(at, v as bigint);
    case 'ulong': return c.OSSL_PARAM_set_ulong(at, v as bigint);
    case 'int64': return c.OSSL_PARAM_set_int64(at, v as bigint);
    case 'uint64': return c.OSSL_PARAM_set_uint64(at, v as bigint);
    case 'size_t': return c.OSSL_PARAM_set_size_t(at, v as bigint);
    case 'time_t': return c.OSSL_PARAM_set_time_t(at, v as bigint);
    default: return c.OSSL_PARAM_set_double(at, Number(v));
  }
}

interface SetResult {
  readonly ret: number;
  readonly returnSize: number;
  readonly modified: number;
  readonly bytes: string;
}

function outcome(p: OSSL_PARAM, ret: number): SetResult {
  const v = p.data?.value;
  return {
    ret, returnSize: p.return_size, modified: P.OSSL_PARAM_modified(p),
    bytes: v instanceof Uint8Array ? Buffer.from(v).toString('hex') : 'NULL',
  };
}

/** OpenSSL 3.0 dereferences NULL data in OSSL_PARAM_set_uint64 on a REAL parameter. */
function crashesInC(g: Getter, shape: Shape, withData: boolean, v: bigint | number): boolean {
  return !withData && shape.type === P.OSSL_PARAM_REAL && shape.size === 8 && ['ulong', 'uint64', 'size_t'].includes(g)
    && (BigInt.asUintN(64, BigInt(v)) >> 53n) === 0n;
}

describe('OSSL_PARAM conversions: randshim vs the system libcrypto.so.3', function () {
  let c: LibCrypto3;
  let compared = 0;
  before(() => {
    c = loadLibCrypto3();
  });

  it('every OSSL_PARAM_get_* on every integer/real type and size', () => {
    const diffs: string[] = [];
    for (const shape of SHAPES.filter((s) => s.type <= P.OSSL_PARAM_REAL)) {
      for (const image of images(shape)) {
        for (const g of GETTERS) {
          const ts = tsGet(g, param(shape, image));
          const cr = cGet(c, g, param(shape, image));
          compared++;
          const same = ts.ret === cr.ret && (ts.ret === 0 || ts.value === cr.value);
          if (!same) diffs.push(`${g} ${shape.label} ${Buffer.from(image).toString('hex')}: ts ${JSON.stringify(ts)} c ${JSON.stringify(cr)}`);
        }
      }
    }
    expect(diffs.slice(0, 10)).to.deep.equal([]);
  });

  it('every OSSL_PARAM_set_* into every type and size, with data and with NULL data', () => {
    const diffs: string[] = [];
    const values: (bigint | number)[] = [...INT_VALUES, ...REAL_VALUES.filter((d) => !Number.isInteger(d) || Math.abs(d) > 2 ** 64)];
    for (const shape of SHAPES) {
      for (const withData of [true, false]) {
        for (const g of GETTERS) {
          for (const raw of values) {
            if (g !== 'double' && typeof raw === 'number') continue;
            if (crashesInC(g, shape, withData, raw)) {
              // C writes through NULL; randshim refuses: 0, CRYPTO ERR_R_PASSED_NULL_PARAMETER.
              const refused = captureErrors(() => tsSet(g, param(shape, null), setArg(g, raw).ts));
              expect([refused.result, refused.raised]).to.deep.equal([0, [{ lib: 'CRYPTO', reason: 'PASSED_NULL_PARAMETER' }]]);
              continue;
            }
            const arg = setArg(g, raw);
            const init = withData ? new Uint8Array(shape.size).fill(0xa5) : null;
            const tp = param(shape, init);
            const ts = outcome(tp, tsSet(g, tp, arg.ts));
            const cp = param(shape, init);
            const arr = new CParamArray(c.engine, [cp]);
            const ret = cSet(c, g, arr.entry(0), arg.c);
            const modified = c.OSSL_PARAM_modified(arr.entry(0));
            arr.syncBack();
            arr.free();
            const cr = { ...outcome(cp, ret), modified };
            compared++;
            if (JSON.stringify(ts) !== JSON.stringify(cr)) {
              diffs.push(`set_${g}(${String(raw)}) ${shape.label}${withData ? '' : ' NULL'}: ts ${JSON.stringify(ts)} c ${JSON.stringify(cr)}`);
            }
          }
        }
      }
    }
    expect(diffs.slice(0, 10)).to.deep.equal([]);
  });

  it('UTF8 and octet strings: set into buffers of every size, get with every max_len', () => {
    const diffs: string[] = [];
    const check = (label: string, ts: unknown, cr: unknown): void => {
      compared++;
      if (JSON.stringify(ts) !== JSON.stringify(cr)) diffs.push(`${label}: ts ${JSON.stringify(ts)} c ${JSON.stringify(cr)}`);
    };
    for (const type of [P.OSSL_PARAM_UTF8_STRING, P.OSSL_PARAM_OCTET_STRING, P.OSSL_PARAM_INTEGER]) {
      for (const size of [0, 3, 5, 6, 10]) {
        for (const withData of [true, false]) {
          for (const text of ['', 'abc', 'abcde', 'AES-256-CTR']) {
            const mk = (): OSSL_PARAM => P.OSSL_PARAM_DEFN('s', type, withData ? { value: new Uint8Array(size).fill(0x5a) } : null, size);
            let tp = mk();
            const tsRet = P.OSSL_PARAM_set_utf8_string(tp, text);
            let cp = mk();
            let arr = new CParamArray(c.engine, [cp]);
            const cRet = c.OSSL_PARAM_set_utf8_string(arr.entry(0), text);
            arr.syncBack();
            arr.free();
            check(`set_utf8_string(${text}) type ${type} size ${size}${withData ? '' : ' NULL'}`, outcome(tp, tsRet), outcome(cp, cRet));

            const bytes = new TextEncoder().encode(text);
            tp = mk();
            const tsRet2 = P.OSSL_PARAM_set_octet_string(tp, bytes, bytes.length);
            cp = mk();
            arr = new CParamArray(c.engine, [cp]);
            const cRet2 = c.OSSL_PARAM_set_octet_string(arr.entry(0), bytes, bytes.length);
            arr.syncBack();
            arr.free();
            check(`set_octet_string(${text}) type ${type} size ${size}${withData ? '' : ' NULL'}`, outcome(tp, tsRet2), outcome(cp, cRet2));
          }
        }
      }
    }
    // Getters: data "abc\0" / "abcde" with data_size 3, 4 or 5, into buffers of max_len 0..7.
    for (const type of [P.OSSL_PARAM_UTF8_STRING, P.OSSL_PARAM_OCTET_STRING]) {
      for (const [content, size] of [['abc\u0000zz', 3], ['abc\u0000zz', 4], ['abcde', 5], ['', 0]] as const) {
        for (const maxLen of [1, 2, 3, 4, 5, 6, 7]) {
          const data = new TextEncoder().encode(content);
          const mk = (): OSSL_PARAM => P.OSSL_PARAM_DEFN('s', type, { value: Uint8Array.from(data.length > 0 ? data : [0]) }, size);
          const buf = new Uint8Array(maxLen).fill(0xee);
          const cBuf = c.engine.allocate(maxLen);
          cBuf.write(0, buf);
          const cell = new Uint8Array(8);
          new DataView(cell.buffer).setBigUint64(0, cBuf.address, true);
          const arr = new CParamArray(c.engine, [mk()]);
          let tsRet: number;
          let cRet: number;
          let tsUsed = -1;
          let cUsed = -1;
          if (type === P.OSSL_PARAM_UTF8_STRING) {
            tsRet = P.OSSL_PARAM_get_utf8_string(mk(), { value: buf }, maxLen);
            cRet = c.OSSL_PARAM_get_utf8_string(arr.entry(0), cell, maxLen);
          } else {
            const used = { value: -1 };
            tsRet = P.OSSL_PARAM_get_octet_string(mk(), { value: buf }, maxLen, used);
            tsUsed = used.value;
            const usedCell = new Uint8Array(8);
            cRet = c.OSSL_PARAM_get_octet_string(arr.entry(0), cell, maxLen, usedCell);
            cUsed = Number(new DataView(usedCell.buffer).getBigUint64(0, true));
          }
          const cOut = cBuf.read(0, maxLen);
          cBuf.free();
          arr.free();
          check(`get ${type} ${JSON.stringify(content)}[${size}] max_len ${maxLen}`,
            { ret: tsRet, used: tsUsed, buf: Buffer.from(buf).toString('hex') },
            { ret: cRet, used: cUsed, buf: Buffer.from(cOut).toString('hex') });
        }
      }
    }
    expect(diffs.slice(0, 10)).to.deep.equal([]);
  });

  it('boxes keep their kind; the builder makes what OSSL_PARAM_BLD makes', () => {
    const n = { value: 0 as number | bigint };
    expect(P.OSSL_PARAM_set_uint64(P.OSSL_PARAM_construct_uint64('x', n), 2n ** 60n)).to.equal(1);
    expect(n.value).to.equal(2 ** 60);
    const b = { value: 0n as number | bigint };
    expect(P.OSSL_PARAM_set_uint64(P.OSSL_PARAM_construct_uint64('x', b), 2n ** 64n - 1n)).to.equal(1);
    expect(b.value).to.equal(2n ** 64n - 1n);
    const s = P.OSSL_PARAM_construct_utf8_string('cipher', 'AES-256-CTR', 0);
    expect(s.data_size).to.equal(11);
    const out = { value: null as string | Uint8Array | null };
    expect(P.OSSL_PARAM_get_utf8_string(s, out, 0)).to.equal(1);
    expect(out.value).to.equal('AES-256-CTR');
    expect(P.OSSL_PARAM_modified(s)).to.equal(0);
    expect(P.OSSL_PARAM_locate([s, P.OSSL_PARAM_construct_end()], 'CIPHER')).to.equal(null);
  });

  after(() => {
    // eslint-disable-next-line no-console
    console.log(`      OSSL_PARAM: ${compared} get/set calls compared with the system libcrypto.so.3`);
    expect(compared).to.be.greaterThan(10000);
  });
});
