/**
 * OpenSSL 3.0's crypto/rand/randfile.c over the 3.x RAND front end: RAND_load_file,
 * RAND_write_file and RAND_file_name (the code both personalities share, compat/rand/randfile.ts,
 * with 3.x error packing and 3.0's overflow guard).
 *
 * @see RAND_load_file(3)
 */
import { raise } from '../../provider/err/queue.js';
import { randFileName, randLoadFile, randWriteFile, type RandFileFunctions } from '../rand/randfile.js';
import { cLong, cPointer, cSizeT, cString, refuse } from '../args/index.js';
import { RAND_add, RAND_priv_bytes, RAND_status } from './rand.js';

const RANDFILE: RandFileFunctions = {
  RAND_add, RAND_status, RAND_priv_bytes,
  raise: (reason) => raise('RAND', reason),
  overflowGuard: true,
};

/**
 * RAND_load_file(filename, max_bytes): reads up to `max_bytes` bytes of the file (negative:
 * all of a regular file, 256 bytes of anything else; 0: nothing) and hands each chunk to
 * RAND_add(buf, n, n): chunks of 1024 bytes, except that a rest of up to 1280 bytes is read
 * whole. In 3.x every chunk is the additional input of a primary reseed. Returns the bytes
 * read, or -1 (RAND_R_CANNOT_OPEN_FILE; RAND_R_RESEED_ERROR when RAND_status() is 0
 * afterwards).
 *
 * @see RAND_load_file(3)
 */
export function RAND_load_file(filename: string, max_bytes: number): number {
  const f = cString(filename);
  const n = cLong(max_bytes);
  if (f === null || f === undefined || n === undefined) {
    refuse({ lib: 'RAND' });
    return -1;
  }
  return randLoadFile(RANDFILE, f, n);
}

/**
 * RAND_write_file(filename): 1024 bytes from RAND_priv_bytes written at the start of the file
 * (created with mode 0600; an existing file is not truncated). Returns 1024, or -1
 * (RAND_R_NOT_A_REGULAR_FILE, RAND_R_CANNOT_OPEN_FILE, or RAND_priv_bytes failing).
 *
 * @see RAND_load_file(3)
 */
export function RAND_write_file(filename: string): number {
  const f = cString(filename);
  if (f === null || f === undefined) {
    refuse({ lib: 'RAND' });
    return -1;
  }
  return randWriteFile(RANDFILE, f);
}

/**
 * RAND_file_name(buf, num): $RANDFILE if set and not empty, else $HOME/.rnd, written
 * NUL-terminated into `buf` and returned; NULL when neither variable is set or the name with
 * its NUL needs `num` bytes or more.
 *
 * @see RAND_load_file(3)
 */
export function RAND_file_name(buf: Uint8Array, num: number): string | null {
  const b = cPointer(buf);
  const n = cSizeT(num);
  if (b === null || b === undefined || n === undefined) {
    refuse({ lib: 'RAND' });
    return null;
  }
  return randFileName(b, n);
}
