/**
 * The few libc / libdl functions both engines need (glibc 2.34+ has the dl* functions in
 * libc.so.6): raw memory access, dlopen flags, dlsym and dladdr. Declared through an engine's
 * own {@link NativeLibrary}, so the same code serves koffi and ffi-rs.
 */
import type { NativeBlock, NativeLibrary, Pointer } from './types.js';

export const LIBC_PATH = 'libc.so.6';

/** <dlfcn.h> flags (glibc, x86_64). */
export const RTLD_LAZY = 0x1;
export const RTLD_NOW = 0x2;
export const RTLD_NOLOAD = 0x4;
export const RTLD_DEEPBIND = 0x8;

/** sizeof(Dl_info): dli_fname, dli_fbase, dli_sname, dli_saddr. */
const DL_INFO_SIZE = 32;

export class Libc {
  readonly malloc;
  readonly free;
  readonly dlopen;
  readonly dlsym;
  readonly dlerrorAddress;
  private readonly dladdr;
  private readonly memcpyOut;
  private readonly memcpyIn;
  private readonly strlen;

  constructor(lib: NativeLibrary) {
    this.malloc = lib.func('malloc', 'ptr', ['size_t']);
    this.free = lib.func('free', 'void', ['ptr']);
    this.dlopen = lib.func('dlopen', 'ptr', ['cstr', 'int']);
    this.dlsym = lib.func('dlsym', 'ptr', ['ptr', 'cstr']);
    this.dlerrorAddress = lib.func('dlerror', 'ptr', []);
    this.dladdr = lib.func('dladdr', 'int', ['ptr', 'bytes']);
    this.memcpyOut = lib.func('memcpy', 'ptr', ['bytes', 'ptr', 'size_t']);
    this.memcpyIn = lib.func('memcpy', 'ptr', ['ptr', 'bytes', 'size_t']);
    this.strlen = lib.func('strlen', 'size_t', ['ptr']);
  }

  /** malloc(max(1, size)) as a {@link NativeBlock}. */
  allocate(size: number): NativeBlock {
    const length = Math.max(1, size);
    const address = this.malloc(length);
    if (address === 0n) throw new Error(`malloc(${length}) failed`);
    let live = true;
    const check = (offset: number, n: number): void => {
      if (!live) throw new Error('native block used after free');
      if (offset < 0 || n < 0 || offset + n > length) throw new RangeError(`[${offset}, ${offset + n}) outside ${length} bytes`);
    };
    return {
      address,
      size: length,
      write: (offset, data) => {
        check(offset, data.length);
        this.writeBytes(address + BigInt(offset), data);
      },
      read: (offset, n) => {
        check(offset, n);
        return this.readBytes(address + BigInt(offset), n);
      },
      free: () => {
        if (live) this.free(address);
        live = false;
      },
    };
  }

  readBytes(address: Pointer, length: number): Uint8Array {
    const out = new Uint8Array(length);
    if (length > 0) this.memcpyOut(out, address, length);
    return out;
  }

  writeBytes(address: Pointer, data: Uint8Array): void {
    if (data.length > 0) this.memcpyIn(address, data, data.length);
  }

  readCString(address: Pointer): string | null {
    if (address === 0n) return null;
    return Buffer.from(this.readBytes(address, this.strlen(address))).toString('utf8');
  }

  /** dlerror() as text (null when no error is pending). */
  dlerror(): string | null {
    return this.readCString(this.dlerrorAddress());
  }

  /** dladdr(address)->dli_fname. */
  fileOf(address: Pointer): string | null {
    const info = new Uint8Array(DL_INFO_SIZE);
    if (this.dladdr(address, info) === 0) return null;
    return this.readCString(new DataView(info.buffer).getBigUint64(0, true));
  }

  /** A handle on an object that is already loaded (RTLD_NOLOAD), or on the main program. */
  handleOf(path: string | null): Pointer {
    const handle = this.dlopen(path, path === null ? RTLD_LAZY : RTLD_LAZY | RTLD_NOLOAD);
    if (handle === 0n) throw new Error(`dlopen(${String(path)}, RTLD_NOLOAD) failed: ${this.dlerror() ?? 'unknown'}`);
    return handle;
  }
}
