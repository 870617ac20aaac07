/**
 * The koffi engine (npm `koffi`), the default: about 3 to 6 us per call, dlopen flags through
 * `{ deep: true }` (RTLD_DEEPBIND), synchronous C callbacks on the calling thread (what
 * OpenSSL 1.1.1's RAND_DRBG_set_callbacks needs; see {@link KoffiEngine.callback}).
 */
import { createRequire } from 'node:module';
import type * as Koffi from 'koffi';
import { LIBC_PATH, type Libc } from './libc.js';
import { LibcBackedEngine, LibcBackedLibrary, NON_NULL_EMPTY } from './libc-backed.js';
import type { ArgType, FfiEngine, LoadOptions, NativeFunction, NativeLibrary, Pointer, RetType } from './types.js';

const require = createRequire(import.meta.url);

const ARG_TYPES: Record<ArgType, string> = {
  int: 'int', uint: 'unsigned int', size_t: 'size_t', ulong: 'unsigned long', double: 'double',
  ptr: 'uintptr_t', bytes: 'uint8_t *', cstr: 'const char *',
};

const RET_TYPES: Record<RetType, string> = {
  void: 'void', int: 'int', uint: 'unsigned int', size_t: 'size_t', ulong: 'unsigned long',
  ptr: 'uintptr_t', cstr: 'const char *',
};

/** A registered C callback: its address for a `ptr` argument, and how to release it. */
export interface NativeCallback {
  readonly address: Pointer;
  close(): void;
}

class KoffiLibrary extends LibcBackedLibrary implements NativeLibrary {
  readonly engine = 'koffi' as const;

  constructor(path: string | null, private readonly lib: Koffi.IKoffiLib, libc: () => Libc) {
    super(path, libc);
  }

  func<R extends RetType, const A extends readonly ArgType[]>(name: string, ret: R, args: A): NativeFunction<R, A> {
    const fn = this.lib.func(name, RET_TYPES[ret], args.map((a) => ARG_TYPES[a]));
    const bytesArgs = args.flatMap((a, i) => (a === 'bytes' ? [i] : []));
    const call = bytesArgs.length === 0
      ? fn
      : (...values: unknown[]): unknown => {
        for (const i of bytesArgs) {
          const v = values[i] as Uint8Array | null;
          if (v !== null && v.length === 0) values[i] = NON_NULL_EMPTY;
        }
        return fn(...values);
      };
    if (ret === 'ptr') return ((...values: unknown[]) => BigInt(call(...values) as number | bigint)) as never;
    return call as never;
  }
}

export class KoffiEngine extends LibcBackedEngine implements FfiEngine {
  readonly name = 'koffi' as const;
  private readonly koffi = require('koffi') as typeof Koffi;

  constructor() {
    super((libc) => new KoffiLibrary(LIBC_PATH, (require('koffi') as typeof Koffi).load(LIBC_PATH), libc));
  }

  load(path: string | null, options: LoadOptions = {}): NativeLibrary {
    const lib = this.koffi.load(path, { deep: options.deep ?? false });
    return new KoffiLibrary(path, lib, () => this.libc);
  }

  /**
   * Registers `fn` as a C function pointer with the given signature (koffi only; ffi-rs calls
   * back asynchronously, see ./ffirs-engine.ts). Pointer arguments reach `fn` as `bigint`s;
   * use {@link KoffiEngine.readBytes} and {@link KoffiEngine.writeBytes} to follow them.
   */
  callback<R extends RetType, const A extends readonly ArgType[]>(ret: R, args: A,
    fn: NativeFunction<R, A>): NativeCallback {
    const k = this.koffi;
    const proto = k.proto(RET_TYPES[ret], args.map((a) => (a === 'bytes' ? 'uintptr_t' : ARG_TYPES[a])));
    const ptrArgs = args.flatMap((a, i) => (a === 'ptr' || a === 'bytes' ? [i] : []));
    const wrapped = (...values: unknown[]): unknown => {
      for (const i of ptrArgs) values[i] = BigInt(values[i] as number | bigint);
      const r = (fn as (...v: unknown[]) => unknown)(...values);
      return ret === 'ptr' ? BigInt(r as bigint) : r;
    };
    const registered = k.register(wrapped, k.pointer(proto));
    return { address: k.address(registered), close: () => k.unregister(registered) };
  }
}
