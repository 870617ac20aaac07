/**
 * The pure parts of the raw 1.1.1 call language (raw111.ts) that every runner of it shares,
 * with no FFI: index references, doubles JSON cannot carry, the wall-clock sleep, and the
 * temporary file RAND_load_file reads.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An ex_data index: as is, or the `allocated`-th (0-based) index this run allocated, plus
 * `offset`. */
export type ExIndexRef = number | { readonly allocated: number; readonly offset?: number };

/** A C double, including the values JSON cannot carry. */
export type RawDouble = number | 'NaN' | 'Infinity' | '-Infinity';

export function rawDouble(d: RawDouble): number {
  return typeof d === 'number' ? d : Number(d);
}

/** Resolves an {@link ExIndexRef} against the indexes `allocated` so far in this run. */
export function resolveExIndex(ref: ExIndexRef, allocated: readonly number[]): number {
  if (typeof ref === 'number') return ref;
  const base = allocated[ref.allocated];
  if (base === undefined) throw new Error(`ex_data index #${ref.allocated} was not allocated in this run`);
  return base + (ref.offset ?? 0);
}

/** The sleep of `wait_next_second`: until `marginMs` past the next wall-clock second (C's
 * time(NULL) reads a coarse clock that may lag a few milliseconds behind Date.now()). */
export function waitNextSecond(marginMs = 50): void {
  const ms = 1000 - (Date.now() % 1000) + marginMs;
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

let tempFiles = 0;

/** Runs `fn` on the path of a temporary file holding `hex` (a path that does not exist when
 * `hex` is undefined), removing the file afterwards. The name uses no random bytes: in the Node 16
 * oracle, node:crypto's randomness is RAND_bytes on the very public DRBG under test. */
export function withTempFile<T>(hex: string | undefined, fn: (path: string) => T): T {
  const path = join(tmpdir(), `randshim-raw111-${process.pid}-${Date.now()}-${++tempFiles}`);
  if (hex !== undefined) writeFileSync(path, Buffer.from(hex, 'hex'), { mode: 0o600 });
  try {
    return fn(path);
  } finally {
    rmSync(path, { force: true });
  }
}
