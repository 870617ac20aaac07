/**
 * The ffi-rs engine (npm `ffi-rs`), selectable as a cross-check of the koffi engine. Its traps,
 * and how this engine handles them:
 * - it cannot pass dlopen flags: the library is first dlopen'ed through libc with
 *   RTLD_NOW | RTLD_DEEPBIND (the handle is kept, so the object stays loaded with that binding),
 *   then ffi-rs's own dlopen of the same path finds the already-loaded object;
 * - it has no NULL literal: a `null` pointer-like argument is re-declared for that call as a
 *   64-bit integer and passed as 0n;
 * - it returns C strings by copying them, which crashes on NULL: `cstr` results are taken as an
 *   address and read through libc;
 * - it is 10 to 15 times slower per call than koffi, and its callbacks are asynchronous: none
 *   are offered here.
 */
import { createRequire } from 'node:module';
import type * as FfiRs from 'ffi-rs';
import { LIBC_PATH, RTLD_DEEPBIND, RTLD_NOW, type Libc } from './libc.js';
import { LibcBackedEngine, LibcBackedLibrary, NON_NULL_EMPTY } from './libc-backed.js';
import type { ArgType, FfiEngine, LoadOptions, NativeFunction, NativeLibrary, Pointer, RetType } from './types.js';

const require = createRequire(import.meta.url);

let librarySerial = 0;

class FfiRsLibrary extends LibcBackedLibrary implements NativeLibrary {
  readonly engine = 'ffi-rs' as const;

  /** `verify`: check at declaration that each symbol exists (off for libc itself, which the
   * check goes through). */
  constructor(path: string | null, private readonly key: string, private readonly ffi: typeof FfiRs,
    libc: () => Libc, private readonly verify: boolean) {
    super(path, libc);
  }

  func<R extends RetType, const A extends readonly ArgType[]>(name: string, ret: R, args: A): NativeFunction<R, A> {
    const { DataType, load } = this.ffi;
    const argType = (a: ArgType): FfiRs.DataType => {
      switch (a) {
        case 'int': return DataType.I32;
        case 'uint': return DataType.U32;
        case 'size_t': case 'ulong': return DataType.U64;
        case 'double': return DataType.Double;
        case 'ptr': return DataType.BigInt;
        case 'bytes': return DataType.U8Array;
        case 'cstr': return DataType.String;
        default: throw new TypeError(`unknown argument type ${String(a)}`);
      }
    };
    const retType = ((): FfiRs.DataType => {
      switch (ret) {
        case 'void': return DataType.Void;
        case 'int': return DataType.I32;
        case 'uint': return DataType.U32;
        case 'size_t': case 'ulong': return DataType.U64;
        case 'ptr': case 'cstr': return DataType.BigInt;
        default: throw new TypeError(`unknown return type ${String(ret)}`);
      }
    })();
    if (this.verify && this.symbol(name) === 0n) throw new Error(`${this.path ?? 'main program'}: no symbol ${name}`);
    const base = args.map(argType);
    const nullable = args.flatMap((a, i) => (a === 'bytes' || a === 'cstr' ? [i] : []));
    const library = this.key;
    const readCString = (p: Pointer): string | null => this.libc().readCString(p);
    return ((...values: unknown[]): unknown => {
      let paramsType = base;
      for (const i of nullable) {
        const v = values[i];
        if (v === null) {
          if (paramsType === base) paramsType = base.slice();
          paramsType[i] = DataType.BigInt;
          values[i] = 0n;
        } else if (v instanceof Uint8Array && v.length === 0) {
          values[i] = NON_NULL_EMPTY;
        }
      }
      const r = load({ library, funcName: name, retType, paramsType, paramsValue: values }) as unknown;
      if (ret === 'void') return undefined;
      if (ret === 'cstr') return readCString(r as bigint);
      return r;
    }) as never;
  }
}

export class FfiRsEngine extends LibcBackedEngine implements FfiEngine {
  readonly name = 'ffi-rs' as const;
  private readonly ffi = require('ffi-rs') as typeof FfiRs;

  constructor() {
    super((libc) => {
      const ffi = require('ffi-rs') as typeof FfiRs;
      ffi.open({ library: 'randshim-libc', path: LIBC_PATH });
      return new FfiRsLibrary(LIBC_PATH, 'randshim-libc', ffi, libc, false);
    });
  }

  load(path: string | null, options: LoadOptions = {}): NativeLibrary {
    if (path === null) throw new Error('the ffi-rs engine cannot open the main program');
    // ffi-rs cannot pass dlopen flags: load it our way first and keep that reference.
    const flags = RTLD_NOW | (options.deep === true ? RTLD_DEEPBIND : 0);
    if (this.libc.dlopen(path, flags) === 0n) {
      throw new Error(`dlopen(${path}) failed: ${this.libc.dlerror() ?? 'unknown'}`);
    }
    const key = `randshim-lib-${++librarySerial}`;
    this.ffi.open({ library: key, path });
    return new FfiRsLibrary(path, key, this.ffi, () => this.libc, true);
  }
}
