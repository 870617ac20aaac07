/**
 * The `openssl rand` command ported onto randshim's OpenSSL 3 personality: apps/rand.c
 * (rand_main), apps/lib/app_rand.c (app_RAND_load, app_RAND_write) and the end of
 * apps/openssl.c main, making the same compat/openssl3 calls with the same buffers and sizes
 * as the C program makes on libcrypto, so that everything below the command line (RAND_bytes,
 * RAND_load_file, RAND_write_file, RAND_status, the default chain, ERR_get_error) is the
 * ported API:
 *
 *   -rand FILE       RAND_load_file(FILE, -1) (randfile.c: RAND_add per chunk, then
 *                    RAND_status); -1 prints "Can't load FILE into RNG" and the errors, and
 *                    rand_main ends before any output.
 *   output           RAND_bytes per chunk of at most 4096 bytes, each printed as %02x; then
 *                    "\n". A failing chunk ends the command (exit 1) with what was printed.
 *   -writerand FILE  after the command, whatever its outcome: RAND_write_file(FILE); -1 prints
 *                    "Cannot write random bytes:" and the errors, exit 1.
 *
 * ERR_print_errors (which empties the error queue) runs where the apps call it. The files are
 * real files in a directory the caller provides.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as R from '../../../compat/openssl3/index.js';
import { toHex } from '../../../provider/bytes.js';
import { activeLine } from '../../../provider/openssl3/lines.js';

export { loadFileChunks } from '../../../compat/rand/randfile.js';

/** The buffer rand_main generates into: 4096 bytes up to 3.4, `buflen = (1 << 16)` from 3.5
 * (apps/rand.c rand_main, which also takes K/M/G/T suffixes from then on). */
export function randAppChunk(): number {
  return activeLine() === '3.0' ? 4096 : 65536;
}

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

/** ERR_print_errors: prints and removes every queued error (ERR_get_error until 0). */
function printErrors(printed: string[]): void {
  for (let e = R.ERR_get_error(); e !== 0; e = R.ERR_get_error()) {
    const d = R.describeError3(e);
    printed.push(d === null ? `error:${e.toString(16)}` : `${d.lib}:${d.reason}`);
  }
}

/** rand_main's loop for `-hex num`: the text printed and whether every chunk succeeded. */
export function randHex(num: number): { text: string; ok: boolean } {
  let text = '';
  const size = randAppChunk();
  const buf = new Uint8Array(size);
  for (let left = num; left > 0; left -= size) {
    const chunk = Math.min(left, size);
    if (R.RAND_bytes(buf, chunk) <= 0) return { text, ok: false };
    text += toHex(buf.subarray(0, chunk));
  }
  return { text: text + '\n', ok: true };
}

/**
 * `openssl rand -hex N [-rand FILE] [-writerand FILE]` from rand_main to exit, on the current
 * state of compat/openssl3 (the caller sets up the "process": configuration, environment).
 * The -rand file is written to, and the -writerand file read back from, `dir`.
 */
export function runRandApp(request: RandAppRequest, dir: string): RandAppOutcome {
  if (!Number.isInteger(request.bytes) || request.bytes <= 0) {
    throw new RangeError(`rand needs a positive byte count, got ${request.bytes}`);
  }
  const randPath = join(dir, 'seed.rnd');
  const writePath = join(dir, 'out.rnd');
  rmSync(writePath, { force: true });
  const errors: string[] = [];
  let exitCode = 1;
  let stdout = '';
  // app_RAND_load: a failed load ("Can't load FILE into RNG") ends rand_main before it opens
  // its output.
  let loaded = true;
  if (request.randFile !== undefined) {
    writeFileSync(randPath, request.randFile);
    if (R.RAND_load_file(randPath, -1) < 0) {
      printErrors(errors);
      loaded = false;
    }
  }
  if (loaded) {
    const { text, ok } = randHex(request.bytes);
    stdout = text;
    if (ok) exitCode = 0;
  }
  if (exitCode !== 0) printErrors(errors);
  // apps/openssl.c main: app_RAND_write() after the command, whatever it returned.
  let writtenFile: Uint8Array | null = null;
  if (request.writerand === true) {
    if (R.RAND_write_file(writePath) === -1) {
      printErrors(errors); // "Cannot write random bytes:"
      exitCode = 1;
    } else {
      writtenFile = new Uint8Array(readFileSync(writePath));
    }
  }
  rmSync(randPath, { force: true });
  rmSync(writePath, { force: true });
  return { exitCode, stdout, writtenFile, errors };
}
