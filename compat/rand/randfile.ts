/**
 * crypto/rand/randfile.c, which OpenSSL 1.1.1w and 3.0 share line for line but for error
 * packing (1.1.1 adds function codes) and 3.0's guard against a signed overflow after 2 GiB:
 * RAND_load_file feeds a file to RAND_add in chunks, RAND_write_file saves 1024 bytes of
 * RAND_priv_bytes, RAND_file_name finds $RANDFILE or $HOME/.rnd. Each personality runs them
 * over its own RAND functions.
 *
 * @see RAND_load_file(3)
 */
import { hostEnv, hostFs } from '../../provider/platform/host.js';
import { RAND_DRBG_STRENGTH } from '../../provider/rand-pool/os-pool.js';

// node:fs through host.ts: where there is no file system (a browser) every open fails, as
// fopen does in C, so the functions answer CANNOT_OPEN_FILE.
const { chmodSync, closeSync, constants, fstatSync, openSync, readSync, statSync, writeSync } = hostFs;

/** RAND_BUF_SIZE: what RAND_write_file writes and the usual RAND_load_file chunk. */
export const RAND_BUF_SIZE = 1024;
export { RAND_DRBG_STRENGTH };
/** RAND_LOAD_BUF_SIZE = RAND_BUF_SIZE + RAND_DRBG_STRENGTH: a final chunk up to this size is
 * read whole rather than split into a small last RAND_add. */
export const RAND_LOAD_BUF_SIZE = RAND_BUF_SIZE + RAND_DRBG_STRENGTH;

const INT_MAX = 0x7fffffff;

/** The RAND functions randfile.c calls, and how the personality raises its errors. */
export interface RandFileFunctions {
  RAND_add(buf: Uint8Array, num: number, randomness: number): void;
  RAND_status(): number;
  RAND_priv_bytes(buf: Uint8Array, num: number): number;
  /** ERR_raise(ERR_LIB_RAND, reason) from `func` (1.1.1's RAND_F_* suffix). */
  raise(reason: 'CANNOT_OPEN_FILE' | 'INTERNAL_ERROR' | 'RESEED_ERROR' | 'NOT_A_REGULAR_FILE',
    func: 'RAND_LOAD_FILE' | 'RAND_WRITE_FILE'): void;
  /** 3.0: stop before `ret` could overflow an int (`ret > INT_MAX - RAND_LOAD_BUF_SIZE`). */
  readonly overflowGuard: boolean;
}

/** How many bytes RAND_load_file asks fread for when `bytes` remain to be read (0: no limit). */
export function loadChunkRequest(bytes: number): number {
  if (bytes > 0) return bytes <= RAND_LOAD_BUF_SIZE ? bytes : RAND_BUF_SIZE;
  return RAND_LOAD_BUF_SIZE;
}

/** The lengths RAND_load_file(file, -1) passes to RAND_add for a regular file of `size` bytes. */
export function loadFileChunks(size: number): number[] {
  const chunks: number[] = [];
  for (let bytes = size; bytes > 0; bytes -= loadChunkRequest(bytes)) chunks.push(loadChunkRequest(bytes));
  return chunks;
}

/** fread: what was read, 0 at end of file or on an error (a directory reads as EISDIR). */
function readChunk(fd: number, buf: Uint8Array, n: number): number {
  try {
    return readSync(fd, buf, 0, n, null);
  } catch {
    return 0;
  }
}

/**
 * RAND_load_file(file, bytes): up to `bytes` bytes of `file` (negative: all of a regular file,
 * RAND_DRBG_STRENGTH bytes of anything else; 0: nothing, returns 0), each chunk handed to
 * RAND_add(buf, n, n). Returns the bytes read, or -1: CANNOT_OPEN_FILE, INTERNAL_ERROR (fstat
 * failed), RESEED_ERROR when RAND_status() is 0 afterwards.
 */
export function randLoadFile(f: RandFileFunctions, file: string, bytes: number): number {
  if (bytes === 0) return 0;
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    f.raise('CANNOT_OPEN_FILE', 'RAND_LOAD_FILE');
    return -1;
  }
  const buf = new Uint8Array(RAND_LOAD_BUF_SIZE);
  let ret = 0;
  try {
    let regular: boolean;
    let size: number;
    try {
      const st = fstatSync(fd);
      regular = st.isFile();
      size = st.size;
    } catch {
      f.raise('INTERNAL_ERROR', 'RAND_LOAD_FILE');
      return -1;
    }
    if (bytes < 0) bytes = regular ? size : RAND_DRBG_STRENGTH;
    for (;;) {
      const i = readChunk(fd, buf, loadChunkRequest(bytes));
      if (i === 0) break;
      f.RAND_add(buf, i, i);
      ret += i;
      if (bytes > 0 && (bytes -= i) <= 0) break;
      if (f.overflowGuard && ret > INT_MAX - RAND_LOAD_BUF_SIZE) break;
    }
  } finally {
    buf.fill(0);
    closeSync(fd);
  }
  if (!f.RAND_status()) {
    f.raise('RESEED_ERROR', 'RAND_LOAD_FILE');
    return -1;
  }
  return ret;
}

/**
 * RAND_write_file(file): NOT_A_REGULAR_FILE (-1) if `file` exists and is not a regular file;
 * else RAND_priv_bytes(buf, 1024) (-1 if that fails), then the 1024 bytes written from the
 * start of the file, created with mode 0600, not truncated (open(O_WRONLY | O_CREAT)), and
 * chmod 0600. Returns the bytes written, or -1 (CANNOT_OPEN_FILE).
 */
export function randWriteFile(f: RandFileFunctions, file: string): number {
  let regular = true;
  try {
    regular = statSync(file).isFile();
  } catch {
    // stat() < 0: the file does not exist yet
  }
  if (!regular) {
    f.raise('NOT_A_REGULAR_FILE', 'RAND_WRITE_FILE');
    return -1;
  }
  const buf = new Uint8Array(RAND_BUF_SIZE);
  if (f.RAND_priv_bytes(buf, buf.length) !== 1) return -1;
  let fd: number;
  try {
    fd = openSync(file, constants.O_WRONLY | constants.O_CREAT, 0o600);
  } catch {
    f.raise('CANNOT_OPEN_FILE', 'RAND_WRITE_FILE');
    buf.fill(0);
    return -1;
  }
  try {
    try {
      chmodSync(file, 0o600);
    } catch {
      // "better than nothing": a failed chmod is not an error in randfile.c
    }
    return writeSync(fd, buf);
  } finally {
    closeSync(fd);
    buf.fill(0);
  }
}

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

/**
 * RAND_file_name(buf, size): $RANDFILE if set and non-empty, else $HOME/.rnd; null when neither
 * is set or the name and its NUL do not fit in `size` bytes (C's `len + 1 >= size` tests, so
 * one byte is always left unused). The name is written NUL-terminated into `buf` and returned.
 */
export function randFileName(buf: Uint8Array, size: number): string | null {
  const randfile = hostEnv.RANDFILE;
  let name: string;
  if (randfile !== undefined && randfile !== '') {
    if (utf8Length(randfile) + 1 >= size) return null;
    name = randfile;
  } else {
    const home = hostEnv.HOME;
    if (home === undefined || home === '') return null;
    if (utf8Length(home) + 1 + '.rnd'.length + 1 >= size) return null;
    name = `${home}/.rnd`;
  }
  const bytes = new TextEncoder().encode(name);
  if (bytes.length + 1 > buf.length) return null;
  buf.set(bytes);
  buf[bytes.length] = 0;
  return name;
}
