/**
 * What both engines do through libc (./libc.ts) rather than through their FFI package, written
 * once: memory (malloc, memcpy both ways), C strings, dladdr(3), and dlsym(3) on a library's own
 * handle. Each engine extends these with what only its package can do (declaring functions,
 * dlopen, callbacks).
 */
import { Libc } from './libc.js';
import type { NativeBlock, NativeLibrary, Pointer } from './types.js';

/** What a non-NULL empty `bytes` argument points at (never read: its length travels as 0). */
export const NON_NULL_EMPTY = new Uint8Array(1);

/** A loaded object's symbol lookup: dlsym through the handle libc finds for its path. */
export abstract class LibcBackedLibrary {
  private handle: Pointer | undefined;

  constructor(readonly path: string | null, protected readonly libc: () => Libc) {}

  symbol(name: string): Pointer {
    const libc = this.libc();
    this.handle ??= libc.handleOf(this.path);
    return libc.dlsym(this.handle, name);
  }
}

/** An engine's raw memory and address queries, all through its libc bindings. */
export abstract class LibcBackedEngine {
  protected readonly libc: Libc;

  /** `bindLibc`: libc itself, loaded through the engine (its functions look their symbols up
   * through the Libc being made, hence the getter). */
  constructor(bindLibc: (libc: () => Libc) => NativeLibrary) {
    this.libc = new Libc(bindLibc(() => this.libc));
  }

  allocate(size: number): NativeBlock {
    return this.libc.allocate(size);
  }

  readBytes(address: Pointer, length: number): Uint8Array {
    return this.libc.readBytes(address, length);
  }

  writeBytes(address: Pointer, data: Uint8Array): void {
    this.libc.writeBytes(address, data);
  }

  readCString(address: Pointer): string | null {
    return this.libc.readCString(address);
  }

  fileOf(address: Pointer): string | null {
    return this.libc.fileOf(address);
  }
}
