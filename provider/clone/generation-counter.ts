/**
 * VM generation counters: a number the hypervisor changes when the virtual machine is restored
 * from a snapshot or cloned, the only signal a clone of a whole VM gets (its pid, its memory and
 * its clock all come back as they were).
 *
 * - Linux `vmclock` (`/dev/vmclock0`, drivers/ptp/ptp_vmclock.c, 6.13+): a page the guest maps
 *   read-only. Layout (include/uapi/linux/vmclock-abi.h, little-endian): magic u32 "VCLK"
 *   (0x4b4c4356) at 0, size u32 at 4, version u16 at 8 (1), seq_count u32 at 12, flags u64 at
 *   24 (VMCLOCK_FLAG_VM_GEN_COUNTER_PRESENT = 1 << 8), vm_generation_counter u64 at 104.
 * - `sysgenid` (`/dev/sysgenid`, the proposed Linux driver for Microsoft's VM Generation ID):
 *   a u32 generation counter at offset 0 of a mappable page.
 * Linux's own vmgenid driver reseeds the kernel's CRNG (which osEntropy reads) but gives user
 * space no counter to watch, so it is not listed here.
 *
 * A counter is checked before every generate, so it is read through a shared read-only mapping
 * of the device (a few nanoseconds: mmap through ffi-rs, an optional dependency) and falls back
 * to a pread of a descriptor kept open (about half a microsecond) where ffi-rs is missing.
 * `openGenerationCounter` accepts any file with the same shape, which is how the tests stand in
 * for a hypervisor: they write the counter into a temporary file.
 */
import { closeSync, constants as fsConstants, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { WatchedCounter } from './guard.js';

/** How a counter is read: 'mmap' (a mapped page), 'pread' (a read per check), or 'auto'
 * ('mmap' when ffi-rs loads, else 'pread'). */
export type CounterAccess = 'mmap' | 'pread' | 'auto';

export type GenerationCounterErrorCode =
  | 'OPEN_FAILED' // the file cannot be opened
  | 'BAD_LAYOUT' // the file is not the expected structure (magic, version, size)
  | 'NO_GENERATION_COUNTER' // a vmclock without VMCLOCK_FLAG_VM_GEN_COUNTER_PRESENT
  | 'MMAP_UNAVAILABLE' // 'mmap' asked for, but ffi-rs is not installed or mmap failed
  | 'BAD_ARGUMENT';

export class GenerationCounterError extends Error {
  constructor(readonly code: GenerationCounterErrorCode, message: string) {
    super(message);
    this.name = 'GenerationCounterError';
  }
}

/** An open counter. `changed()` says whether the value moved since the previous call (or since
 * opening); `value()` reads it without taking note. */
export interface GenerationCounter extends WatchedCounter {
  readonly name: string;
  readonly path: string;
  readonly access: 'mmap' | 'pread';
  value(): bigint;
  changed(): boolean;
  close(): void;
}

export interface GenerationCounterOptions {
  readonly path: string;
  /** Byte offset of the counter in the file. */
  readonly offset: number;
  /** 4 (u32) or 8 (u64), little-endian. */
  readonly width: 4 | 8;
  readonly access?: CounterAccess;
  /** Shown in events and reports (default: the path). */
  readonly name?: string;
  /** Checks the file's first bytes (up to 4096) before the counter is trusted; throws
   * GenerationCounterError when they are wrong. */
  readonly validate?: (head: Uint8Array) => void;
}

/** The size of the region that is mapped: one page, the size of both devices' structures. */
const MAP_LENGTH = 4096;

export function openGenerationCounter(options: GenerationCounterOptions): GenerationCounter {
  const { path, offset, width } = options;
  if (width !== 4 && width !== 8) throw new GenerationCounterError('BAD_ARGUMENT', `counter width must be 4 or 8, got ${String(width)}`);
  if (!Number.isInteger(offset) || offset < 0 || offset % width !== 0 || offset + width > MAP_LENGTH) {
    throw new GenerationCounterError('BAD_ARGUMENT', `counter offset ${offset} is not an aligned offset within one page`);
  }
  let fd: number;
  try {
    fd = openSync(path, fsConstants.O_RDONLY);
  } catch (e) {
    throw new GenerationCounterError('OPEN_FAILED', `cannot open ${path}: ${(e as Error).message}`);
  }
  try {
    const head = new Uint8Array(MAP_LENGTH);
    const got = readSync(fd, head, 0, MAP_LENGTH, 0);
    if (got < offset + width) throw new GenerationCounterError('BAD_LAYOUT', `${path} is ${got} bytes, too short for a counter at ${offset}`);
    options.validate?.(head.subarray(0, got));
    const access = options.access ?? 'auto';
    let reader: Reader | null = null;
    if (access !== 'pread') {
      reader = mapReader(fd, offset, width, fstatSync(fd).size);
      if (reader === null && access === 'mmap') {
        throw new GenerationCounterError('MMAP_UNAVAILABLE', `cannot map ${path} (ffi-rs missing or mmap refused)`);
      }
    }
    if (reader !== null) {
      closeSync(fd); // the mapping outlives the descriptor
      return new Counter(options.name ?? path, path, 'mmap', reader);
    }
    return new Counter(options.name ?? path, path, 'pread', preadReader(fd, offset, width));
  } catch (e) {
    try { closeSync(fd); } catch { /* already closed after a successful map */ }
    throw e;
  }
}

/** The vmclock device's generation counter. Throws GenerationCounterError when the device is
 * missing, is not a version-1 vmclock, or carries no generation counter. */
export function openVmclock(path = '/dev/vmclock0', access: CounterAccess = 'auto'): GenerationCounter {
  return openGenerationCounter({
    path, offset: VMCLOCK.generationOffset, width: 8, access, name: `vmclock ${path}`,
    validate: checkVmclock,
  });
}

/** The sysgenid device's u32 generation counter. */
export function openSysgenid(path = '/dev/sysgenid', access: CounterAccess = 'auto'): GenerationCounter {
  return openGenerationCounter({ path, offset: 0, width: 4, access, name: `sysgenid ${path}` });
}

/** What vmclock-abi.h fixes. */
export const VMCLOCK = {
  magic: 0x4b4c4356,
  version: 1,
  flagGenerationCounterPresent: 1n << 8n,
  generationOffset: 104,
  minimumSize: 112,
} as const;

function checkVmclock(head: Uint8Array): void {
  if (head.length < VMCLOCK.minimumSize) throw new GenerationCounterError('BAD_LAYOUT', `vmclock region is ${head.length} bytes, under ${VMCLOCK.minimumSize}`);
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const magic = view.getUint32(0, true);
  if (magic !== VMCLOCK.magic) throw new GenerationCounterError('BAD_LAYOUT', `vmclock magic is 0x${magic.toString(16)}, not 0x${VMCLOCK.magic.toString(16)}`);
  const size = view.getUint32(4, true);
  if (size < VMCLOCK.minimumSize) throw new GenerationCounterError('BAD_LAYOUT', `vmclock size field is ${size}, under ${VMCLOCK.minimumSize}`);
  const version = view.getUint16(8, true);
  if (version !== VMCLOCK.version) throw new GenerationCounterError('BAD_LAYOUT', `vmclock version ${version} is not supported`);
  if ((view.getBigUint64(24, true) & VMCLOCK.flagGenerationCounterPresent) === 0n) {
    throw new GenerationCounterError('NO_GENERATION_COUNTER', 'this vmclock has no VM generation counter (flag VM_GEN_COUNTER_PRESENT clear)');
  }
}

/** The devices randshim knows, in the order they are tried. */
export const KNOWN_COUNTERS: readonly { readonly path: string; readonly open: (access: CounterAccess) => GenerationCounter }[] = [
  { path: '/dev/vmclock0', open: (access) => openVmclock('/dev/vmclock0', access) },
  { path: '/dev/sysgenid', open: (access) => openSysgenid('/dev/sysgenid', access) },
];

export interface DetectedCounter {
  readonly path: string;
  /** Null when the device exists but cannot be used (see `error`). */
  readonly counter: GenerationCounter | null;
  readonly error?: GenerationCounterError;
}

/** Opens every known device present on this machine. Devices that are absent are not listed;
 * devices present but unusable are, with the reason. */
export function detectGenerationCounters(access: CounterAccess = 'auto'): DetectedCounter[] {
  const found: DetectedCounter[] = [];
  for (const known of KNOWN_COUNTERS) {
    if (!existsSync(known.path)) continue;
    try {
      found.push({ path: known.path, counter: known.open(access) });
    } catch (e) {
      if (!(e instanceof GenerationCounterError)) throw e;
      found.push({ path: known.path, counter: null, error: e });
    }
  }
  return found;
}

// ---- readers ----

interface Reader {
  read(): bigint;
  /** The low 32 bits, for the per-generate comparison without a BigInt. */
  readLow(): number;
  readHigh(): number;
  close(): void;
}

class Counter implements GenerationCounter {
  private low: number;
  private high: number;
  private reader: Reader | null;

  constructor(readonly name: string, readonly path: string, readonly access: 'mmap' | 'pread', reader: Reader) {
    this.reader = reader;
    this.low = reader.readLow();
    this.high = reader.readHigh();
  }

  value(): bigint {
    if (this.reader === null) throw new GenerationCounterError('BAD_ARGUMENT', `${this.name} is closed`);
    return this.reader.read();
  }

  changed(): boolean {
    const reader = this.reader;
    if (reader === null) return false;
    const low = reader.readLow();
    const high = reader.readHigh();
    if (low === this.low && high === this.high) return false;
    this.low = low;
    this.high = high;
    return true;
  }

  close(): void {
    const reader = this.reader;
    this.reader = null; // before unmapping: no read may touch the page afterwards
    reader?.close();
  }
}

function preadReader(fd: number, offset: number, width: 4 | 8): Reader {
  const buf = new Uint8Array(8);
  const words = new Uint32Array(buf.buffer);
  const fill = (): void => {
    if (readSync(fd, buf, 0, width, offset) !== width) throw new GenerationCounterError('BAD_LAYOUT', 'generation counter read came back short');
  };
  return {
    read: () => { fill(); return width === 8 ? (BigInt(words[1]) << 32n) | BigInt(words[0]) : BigInt(words[0]); },
    readLow: () => { fill(); return words[0]; },
    // The pair (low, high) is read twice for a u64; the high word comes from the same fill.
    readHigh: () => (width === 8 ? words[1] : 0),
    close: () => closeSync(fd),
  };
}

// ---- mmap through ffi-rs ----

interface FfiRs {
  open(p: { library: string; path: string }): void;
  load(p: { library: string; funcName: string; retType: unknown; paramsType: unknown[]; paramsValue: unknown[] }): unknown;
  createExternalBuffer(external: unknown, length: number): Uint8Array;
  DataType: Record<string, unknown>;
}

const PROT_READ = 1;
const MAP_SHARED = 1;
const MAP_FAILED = 0xffffffffffffffffn;

let ffi: FfiRs | null | undefined;

/** ffi-rs and libc, or null where either is missing (then counters fall back to pread). */
function loadFfi(): FfiRs | null {
  if (ffi !== undefined) return ffi;
  try {
    const loaded = createRequire(import.meta.url)('ffi-rs') as FfiRs;
    loaded.open({ library: 'randshim-libc', path: 'libc.so.6' });
    ffi = loaded;
  } catch {
    ffi = null;
  }
  return ffi;
}

function mapReader(fd: number, offset: number, width: 4 | 8, fileSize: number): Reader | null {
  // A regular file shorter than the page cannot be mapped whole; devices report size 0.
  if (fileSize !== 0 && fileSize < MAP_LENGTH) return null;
  const f = loadFfi();
  if (f === null) return null;
  const { DataType } = f;
  const address = f.load({
    library: 'randshim-libc', funcName: 'mmap', retType: DataType.U64,
    paramsType: [DataType.U64, DataType.U64, DataType.I32, DataType.I32, DataType.I32, DataType.I64],
    paramsValue: [0, MAP_LENGTH, PROT_READ, MAP_SHARED, fd, 0],
  }) as bigint | number;
  if (BigInt(address) === MAP_FAILED || BigInt(address) === 0n) return null;
  // memmove(p, p, 0) returns p as a pointer, which createExternalBuffer can view.
  const external = f.load({
    library: 'randshim-libc', funcName: 'memmove', retType: DataType.External,
    paramsType: [DataType.U64, DataType.U64, DataType.U64], paramsValue: [address, address, 0],
  });
  const page = f.createExternalBuffer(external, MAP_LENGTH);
  const words = new Uint32Array(page.buffer, page.byteOffset + offset, width / 4);
  return {
    read: () => (width === 8 ? (BigInt(words[1]) << 32n) | BigInt(words[0]) : BigInt(words[0])),
    readLow: () => words[0],
    readHigh: () => (width === 8 ? words[1] : 0),
    close: () => {
      f.load({
        library: 'randshim-libc', funcName: 'munmap', retType: DataType.I32,
        paramsType: [DataType.U64, DataType.U64], paramsValue: [address, MAP_LENGTH],
      });
    },
  };
}
