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
 * of the device (a few nanoseconds: mmap through ffi-rs, an optional peer dependency) and
 * falls back to a pread of a descriptor kept open (about half a microsecond) where ffi-rs is
 * missing.
 * `openGenerationCounter` accepts any file with the same shape, which is how the tests stand in
 * for a hypervisor: they write the counter into a temporary file.
 */
import { createRequire, hostFs } from './host.js';

// Through host.ts rather than node:fs: in a browser nothing opens, so no counter is found.
const { closeSync, constants: fsConstants, existsSync, fstatSync, openSync, readSync } = hostFs;
import { RandshimError } from '../exceptions.js';
import type { WatchedCounter } from './clone-guard.js';

/** How a counter is read: 'mmap' (a mapped page), 'pread' (a read per check), or 'auto'
 * ('mmap' when ffi-rs loads, else 'pread'). */
export type CounterAccess = 'mmap' | 'pread' | 'auto';

export type GenerationCounterErrorCode =
  | 'OPEN_FAILED' // the file cannot be opened
  | 'BAD_LAYOUT' // the file is not the expected structure (magic, version, size)
  | 'NO_GENERATION_COUNTER' // a vmclock without VMCLOCK_FLAG_VM_GEN_COUNTER_PRESENT
  | 'MMAP_UNAVAILABLE' // 'mmap' asked for, but ffi-rs is not installed or mmap failed
  | 'BAD_ARGUMENT';

export class GenerationCounterError extends RandshimError {
  declare readonly reason: GenerationCounterErrorCode;

  constructor(readonly code: GenerationCounterErrorCode, message: string) {
    super(code, message);
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
  /** Byte offset of a u32 sequence count guarding the counter (vmclock's seq_count: odd while
   * the hypervisor updates the page). Reads retry until they see one even, unchanged count. */
  readonly seqOffset?: number;
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
  const seqOffset = options.seqOffset ?? -1;
  if (seqOffset !== -1 && (!Number.isInteger(seqOffset) || seqOffset < 0 || seqOffset % 4 !== 0 || seqOffset + 4 > MAP_LENGTH)) {
    throw new GenerationCounterError('BAD_ARGUMENT', `sequence count offset ${seqOffset} is not an aligned offset within one page`);
  }
  const layout: Layout = { offset, width, seqOffset };
  let fd: number;
  try {
    fd = openSync(path, fsConstants.O_RDONLY);
  } catch (e) {
    throw new GenerationCounterError('OPEN_FAILED', `cannot open ${path}: ${(e as Error).message}`);
  }
  try {
    const head = new Uint8Array(MAP_LENGTH);
    const got = readSync(fd, head, 0, MAP_LENGTH, 0);
    if (got < Math.max(offset + width, seqOffset + 4)) throw new GenerationCounterError('BAD_LAYOUT', `${path} is ${got} bytes, too short for a counter at ${offset}`);
    options.validate?.(head.subarray(0, got));
    const access = options.access ?? 'auto';
    let reader: Reader | null = null;
    if (access !== 'pread') {
      reader = mapReader(fd, layout, fstatSync(fd).size);
      if (reader === null && access === 'mmap') {
        throw new GenerationCounterError('MMAP_UNAVAILABLE', `cannot map ${path} (ffi-rs missing or mmap refused)`);
      }
    }
    if (reader !== null) {
      closeSync(fd); // the mapping outlives the descriptor
      return new Counter(options.name ?? path, path, 'mmap', reader);
    }
    return new Counter(options.name ?? path, path, 'pread', preadReader(fd, layout));
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
    seqOffset: VMCLOCK.seqCountOffset, validate: checkVmclock,
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
  seqCountOffset: 12,
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

interface Layout {
  readonly offset: number;
  readonly width: 4 | 8;
  /** -1: no sequence count. */
  readonly seqOffset: number;
}

/** Reads of a page under update that a sequence count lets pass before giving up. */
const SEQLOCK_RETRIES = 100;

interface Reader {
  /** Fills `pair` with the counter's low and high 32 bits (high 0 for a u32). When no
   * consistent read can be had, both are 0xffffffff: a value that reads as a change, which
   * only costs a reseed. */
  sample(pair: Uint32Array): void;
  close(): void;
}

/** A consistent (low, high) from `words` (the counter at `at`, the sequence count at `seq`,
 * in 32-bit words; seq -1 for none), as vmclock's seqlock protocol asks. */
function sampleWords(words: Uint32Array, at: number, wide: boolean, seq: number, pair: Uint32Array, refresh: () => void): void {
  for (let attempt = 0; attempt < SEQLOCK_RETRIES; attempt++) {
    refresh();
    const before = seq < 0 ? 0 : words[seq];
    if ((before & 1) !== 0) continue; // the hypervisor is writing the page
    const low = words[at];
    const high = wide ? words[at + 1] : 0;
    if (seq >= 0) {
      refresh();
      if (words[seq] !== before) continue;
    }
    pair[0] = low;
    pair[1] = high;
    return;
  }
  pair[0] = 0xffffffff;
  pair[1] = 0xffffffff;
}

class Counter implements GenerationCounter {
  private readonly last = new Uint32Array(2);
  private readonly now = new Uint32Array(2);
  private reader: Reader | null;

  constructor(readonly name: string, readonly path: string, readonly access: 'mmap' | 'pread', reader: Reader) {
    this.reader = reader;
    reader.sample(this.last);
  }

  value(): bigint {
    if (this.reader === null) throw new GenerationCounterError('BAD_ARGUMENT', `${this.name} is closed`);
    this.reader.sample(this.now);
    return (BigInt(this.now[1]) << 32n) | BigInt(this.now[0]);
  }

  changed(): boolean {
    const reader = this.reader;
    if (reader === null) return false;
    const now = this.now;
    const last = this.last;
    reader.sample(now);
    if (now[0] === last[0] && now[1] === last[1]) return false;
    last[0] = now[0];
    last[1] = now[1];
    return true;
  }

  close(): void {
    const reader = this.reader;
    this.reader = null; // before unmapping: no read may touch the page afterwards
    reader?.close();
  }
}

/** Reads the bytes from the lower of the two fields to the end of the higher, per sample. */
function preadReader(fd: number, layout: Layout): Reader {
  const start = layout.seqOffset < 0 ? layout.offset : Math.min(layout.offset, layout.seqOffset);
  const end = Math.max(layout.offset + layout.width, layout.seqOffset + 4);
  const buf = new Uint8Array(end - start);
  const words = new Uint32Array(buf.buffer);
  const at = (layout.offset - start) / 4;
  const seq = layout.seqOffset < 0 ? -1 : (layout.seqOffset - start) / 4;
  const refresh = (): void => {
    if (readSync(fd, buf, 0, buf.length, start) !== buf.length) throw new GenerationCounterError('BAD_LAYOUT', 'generation counter read came back short');
  };
  return {
    sample: (pair) => sampleWords(words, at, layout.width === 8, seq, pair, refresh),
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
    if (createRequire === undefined) throw new Error('no require() in this runtime');
    const loaded = createRequire(import.meta.url)('ffi-rs') as FfiRs;
    loaded.open({ library: 'randshim-libc', path: 'libc.so.6' });
    ffi = loaded;
  } catch {
    ffi = null;
  }
  return ffi;
}

function mapReader(fd: number, layout: Layout, fileSize: number): Reader | null {
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
  // Little-endian fields read through a native-endian view: right on every host randshim runs
  // on (x86-64, arm64); a big-endian host would read every change as a change all the same.
  const words = new Uint32Array(page.buffer, page.byteOffset, MAP_LENGTH / 4);
  const at = layout.offset / 4;
  const seq = layout.seqOffset < 0 ? -1 : layout.seqOffset / 4;
  const wide = layout.width === 8;
  const noRefresh = (): void => {};
  return {
    sample: (pair) => sampleWords(words, at, wide, seq, pair, noRefresh),
    close: () => {
      f.load({
        library: 'randshim-libc', funcName: 'munmap', retType: DataType.I32,
        paramsType: [DataType.U64, DataType.U64], paramsValue: [address, MAP_LENGTH],
      });
    },
  };
}
