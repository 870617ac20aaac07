/**
 * What the `openssl rand` command does around the RAND chain, modelled on randshim's
 * {@link DefaultChain3x}: apps/rand.c (rand_main), apps/lib/app_rand.c (app_RAND_load,
 * app_RAND_write), crypto/rand/randfile.c (RAND_load_file, RAND_write_file) and the end of
 * apps/openssl.c main. The sequence of RAND calls, their buffers and sizes are OpenSSL's:
 *
 *   -rand FILE       RAND_load_file(FILE, -1): RAND_add(chunk, n, n) per chunk, where a chunk
 *                    is the rest of the file if at most RAND_LOAD_BUF_SIZE (1280) bytes remain,
 *                    else 1024 bytes; then RAND_status(), and -1 ("Can't load FILE into RNG",
 *                    command fails before any output) if it is 0.
 *   output           RAND_bytes per chunk of at most 4096 bytes, each printed as %02x; then
 *                    "\n". A failing chunk ends the command (exit 1) with what was printed.
 *   -writerand FILE  after the command, whatever its outcome: RAND_priv_bytes(buf, 1024) and,
 *                    if that returned 1, the 1024 bytes written to FILE; else exit 1.
 *
 * ERR_print_errors (which empties the error queue) runs where the apps call it: after a failed
 * RAND_load_file, at the end of a failed rand_main, and after a failed RAND_write_file. The
 * model treats randshim's error queue as the process's: it should start empty.
 */
import type { DefaultChain3x } from '../../provider/chain/index.js';
import { toHex } from '../../provider/bytes.js';
import { errorQueue, raise } from '../../provider/errors.js';

/** RAND_BUF_SIZE (randfile.c): the -writerand size and the usual -rand chunk. */
export const RAND_BUF_SIZE = 1024;
/** RAND_LOAD_BUF_SIZE = RAND_BUF_SIZE + RAND_DRBG_STRENGTH (256, in bytes here). */
export const RAND_LOAD_BUF_SIZE = RAND_BUF_SIZE + 256;
/** The buffer rand_main generates into. */
export const RAND_APP_CHUNK = 4096;

export interface RandAppRequest {
  /** `num`: how many bytes `rand -hex` prints (1 or more). */
  readonly bytes: number;
  /** The contents of the file given to `-rand` (absent: no -rand). */
  readonly randFile?: Uint8Array;
  /** Whether `-writerand FILE` is given. */
  readonly writerand?: boolean;
}

export interface RandAppOutcome {
  /** The process exit status. */
  readonly exitCode: number;
  /** Everything printed on stdout. */
  readonly stdout: string;
  /** The -writerand file's contents, or null when it was not written. */
  readonly writtenFile: Uint8Array | null;
  /** What ERR_print_errors printed, as "LIB:REASON", oldest first. */
  readonly errors: readonly string[];
}

/** ERR_print_errors: prints and removes every queued error. */
function printErrors(printed: string[]): void {
  for (const e of errorQueue().splice(0)) printed.push(`${e.lib}:${e.reason}`);
}

/** The sizes RAND_load_file passes to RAND_add for a regular file of `size` bytes. */
export function loadFileChunks(size: number): number[] {
  const chunks: number[] = [];
  let bytes = size;
  while (bytes > 0) {
    const n = bytes <= RAND_LOAD_BUF_SIZE ? bytes : RAND_BUF_SIZE;
    chunks.push(n);
    bytes -= n;
  }
  return chunks;
}

/** RAND_load_file(file, -1) on a regular file with contents `data`: the bytes added, or -1
 * (raising RAND_R_RESEED_ERROR) when RAND_status() is 0 afterwards. */
export function randLoadFile(chain: DefaultChain3x, data: Uint8Array): number {
  let off = 0;
  for (const n of loadFileChunks(data.length)) {
    // RAND_add's buffer is the stack array the chunk was read into.
    chain.add(data.subarray(off, off + n), n, n);
    off += n;
  }
  if (chain.status() === 1) return off;
  raise('RAND', 'RESEED_ERROR');
  return -1;
}

/** RAND_write_file's generation step: the 1024 bytes it writes, or null when
 * RAND_priv_bytes fails (the file is then not written). */
export function randWriteFileBytes(chain: DefaultChain3x): Uint8Array | null {
  const buf = new Uint8Array(RAND_BUF_SIZE);
  return chain.privBytes(buf, RAND_BUF_SIZE) === 1 ? buf : null;
}

/** rand_main's loop for `-hex num`: the text printed and whether every chunk succeeded. */
export function randHex(chain: DefaultChain3x, num: number): { text: string; ok: boolean } {
  let text = '';
  const buf = new Uint8Array(RAND_APP_CHUNK);
  for (let left = num; left > 0; left -= RAND_APP_CHUNK) {
    const chunk = Math.min(left, RAND_APP_CHUNK);
    if (chain.bytes(buf, chunk) <= 0) return { text, ok: false };
    text += toHex(buf.subarray(0, chunk));
  }
  return { text: text + '\n', ok: true };
}

/** `openssl rand -hex N [-rand FILE] [-writerand FILE]` on `chain`, from rand_main to exit. */
export function runRandApp(chain: DefaultChain3x, request: RandAppRequest): RandAppOutcome {
  if (!Number.isInteger(request.bytes) || request.bytes <= 0) {
    throw new RangeError(`rand needs a positive byte count, got ${request.bytes}`);
  }
  const errors: string[] = [];
  let exitCode = 1;
  let stdout = '';
  // app_RAND_load: a failed load ("Can't load FILE into RNG") ends rand_main before it opens
  // its output.
  let loaded = true;
  if (request.randFile !== undefined && randLoadFile(chain, request.randFile) < 0) {
    printErrors(errors);
    loaded = false;
  }
  if (loaded) {
    const { text, ok } = randHex(chain, request.bytes);
    stdout = text;
    if (ok) exitCode = 0;
  }
  if (exitCode !== 0) printErrors(errors);
  // apps/openssl.c main: app_RAND_write() after the command, whatever it returned.
  let writtenFile: Uint8Array | null = null;
  if (request.writerand === true) {
    writtenFile = randWriteFileBytes(chain);
    if (writtenFile === null) {
      printErrors(errors); // "Cannot write random bytes:"
      exitCode = 1;
    }
  }
  return { exitCode, stdout, writtenFile, errors };
}
