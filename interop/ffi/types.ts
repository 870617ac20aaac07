/**
 * The engine-neutral FFI vocabulary of interop/: a tiny C type system, typed function handles
 * and C-owned memory blocks. Two engines implement it (koffi, the default, and ffi-rs), so the
 * OpenSSL bindings and the oracles are written once and never import an FFI package directly.
 *
 * Conventions, identical in both engines:
 * - a C pointer crosses as a `bigint` address ({@link Pointer}); NULL is `0n`;
 * - `bytes` passes a `Uint8Array` zero-copy (the C side may read or write it during the call);
 *   `null` passes NULL and an empty array passes a non-NULL pointer to at least one byte, so
 *   OpenSSL's NULL-vs-empty distinctions (e.g. a NULL personalization meaning "the default")
 *   survive the crossing;
 * - `cstr` passes a JS string as a temporary NUL-terminated copy (valid during the call only:
 *   never for arguments the C side keeps) or `null` for NULL; as a result it reads the C string
 *   (`null` for NULL).
 */

/** A C address. `0n` is NULL. */
export type Pointer = bigint;

export const NULL: Pointer = 0n;

export type EngineName = 'koffi' | 'ffi-rs';

/** Argument types. `int`/`uint` are 32-bit, `size_t`/`ulong` 64-bit (LP64), carried as numbers
 * (exact up to 2^53); `double` is a C double. A 64-bit integer that must be exact travels as a
 * `ptr` (its bit pattern as a bigint: same register, same bits). */
export type ArgType = 'int' | 'uint' | 'size_t' | 'ulong' | 'double' | 'ptr' | 'bytes' | 'cstr';

export type RetType = 'void' | 'int' | 'uint' | 'size_t' | 'ulong' | 'ptr' | 'cstr';

export type ArgValue<T extends ArgType> =
  T extends 'int' | 'uint' | 'size_t' | 'ulong' | 'double' ? number
    : T extends 'ptr' ? Pointer
      : T extends 'bytes' ? Uint8Array | null
        : T extends 'cstr' ? string | null
          : never;

export type RetValue<T extends RetType> =
  T extends 'void' ? void
    : T extends 'int' | 'uint' | 'size_t' | 'ulong' ? number
      : T extends 'ptr' ? Pointer
        : T extends 'cstr' ? string | null
          : never;

export type ArgValues<A extends readonly ArgType[]> = { [K in keyof A]: A[K] extends ArgType ? ArgValue<A[K]> : never };

/** A bound C function. */
export type NativeFunction<R extends RetType, A extends readonly ArgType[]> = (...args: ArgValues<A>) => RetValue<R>;

export interface LoadOptions {
  /** dlopen with RTLD_DEEPBIND: the library resolves its own symbols first. Needed for any
   * libcrypto loaded into Node, which exports its bundled OpenSSL (dlopen(3); the evidence is
   * interop/builds/openssl3/provenance.ts's error-queue probe). */
  readonly deep?: boolean;
}

/** A loaded shared object (or the main program) whose functions can be declared. */
export interface NativeLibrary {
  readonly engine: EngineName;
  /** The path given to dlopen; null for the main program. */
  readonly path: string | null;
  /** Declares `name` with the given C signature. Throws if the symbol is missing. */
  func<R extends RetType, const A extends readonly ArgType[]>(name: string, ret: R, args: A): NativeFunction<R, A>;
  /** dlsym(name) through this object's handle: the address the functions declared here call,
   * or NULL if the symbol is absent. */
  symbol(name: string): Pointer;
}

/**
 * A block of C heap memory (malloc), valid until `free()`. Reads and writes copy (memcpy):
 * no JavaScript view aliases C memory, because Node 16's V8 aborts when a new external
 * ArrayBuffer lands on an address an older, not yet collected one used (malloc reuses them).
 */
export interface NativeBlock {
  readonly address: Pointer;
  readonly size: number;
  write(offset: number, data: Uint8Array): void;
  read(offset: number, length: number): Uint8Array;
  free(): void;
}

/** One FFI engine: loads libraries and handles raw memory. */
export interface FfiEngine {
  readonly name: EngineName;
  /** dlopen `path` (null: the main program, where the engine can) and return a handle. */
  load(path: string | null, options?: LoadOptions): NativeLibrary;
  /** malloc(size) (at least one byte). */
  allocate(size: number): NativeBlock;
  /** Copies `length` bytes at `address` into a new array. */
  readBytes(address: Pointer, length: number): Uint8Array;
  /** Copies `data` to C memory at `address`. */
  writeBytes(address: Pointer, data: Uint8Array): void;
  /** Reads the NUL-terminated string at `address` (UTF-8); null for NULL. */
  readCString(address: Pointer): string | null;
  /** dladdr(address)->dli_fname: the file of the loaded object containing `address`. */
  fileOf(address: Pointer): string | null;
}
