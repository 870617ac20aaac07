/**
 * The OpenSSL 1.1.1 RAND front end (RAND_bytes(3), RAND_add(3), RAND_load_file(3),
 * RAND_set_rand_method(3)) with 1.1.1w's semantics, dispatching through the installed
 * RAND_METHOD (RAND_OpenSSL() by default: the shared DRBGs of provider/openssl111).
 */
import { raise } from '../../provider/err/queue.js';
import { pollIntoMethod } from '../rand/method.js';
import { randFileName, randLoadFile, randWriteFile, type RandFileFunctions } from '../rand/randfile.js';
import { cBuffer } from './args.js';
import { RAND_get_rand_method, RAND_OpenSSL } from './rand-method.js';
import { state111 } from './state.js';

/**
 * RAND_bytes(buf, num): 1 on success, 0 on failure (buf zeroed), -1 if the method has none.
 *
 * @see RAND_bytes(3)
 */
export function RAND_bytes(buf: Uint8Array, num: number): number {
  const meth = RAND_get_rand_method();
  if (meth.bytes !== null) return zeroOnFailure(buf, num, meth.bytes(buf, num));
  raise('RAND', 'FUNC_NOT_IMPLEMENTED', 'RAND_BYTES');
  return -1;
}

/**
 * RAND_priv_bytes(buf, num): from the private DRBG; with a non-default method, RAND_bytes.
 *
 * @see RAND_bytes(3)
 */
export function RAND_priv_bytes(buf: Uint8Array, num: number): number {
  const meth = RAND_get_rand_method();
  if (meth !== RAND_OpenSSL()) return RAND_bytes(buf, num);
  return zeroOnFailure(buf, num, state111().shared.privBytes(buf, num));
}

/**
 * RAND_pseudo_bytes(buf, num) (deprecated): the method's pseudorand, i.e. RAND_bytes.
 *
 * @see RAND_bytes(3)
 */
export function RAND_pseudo_bytes(buf: Uint8Array, num: number): number {
  const meth = RAND_get_rand_method();
  if (meth.pseudorand !== null) return zeroOnFailure(buf, num, meth.pseudorand(buf, num));
  raise('RAND', 'FUNC_NOT_IMPLEMENTED', 'RAND_PSEUDO_BYTES');
  return -1;
}

function zeroOnFailure(buf: Uint8Array, num: number, ret: number): number {
  if (ret !== 1 && num > 0) buf.fill(0, 0, Math.min(num, buf.length));
  return ret;
}

/**
 * RAND_status(): 1 iff the master DRBG is seeded (READY).
 *
 * @see RAND_add(3)
 */
export function RAND_status(): number {
  const meth = RAND_get_rand_method();
  return meth.status !== null ? meth.status() : 0;
}

/**
 * RAND_poll(): reseeds from the OS. Default method: rand_drbg_restart(master). Another method:
 * 256 bits from the OS handed to its add() with randomness 32.0.
 *
 * @see RAND_add(3)
 */
export function RAND_poll(): number {
  const meth = RAND_get_rand_method();
  if (meth === RAND_OpenSSL()) return state111().shared.poll();
  return pollIntoMethod(meth);
}

/**
 * RAND_seed(buf, num): RAND_add(buf, num, num).
 *
 * @see RAND_add(3)
 */
export function RAND_seed(buf: Uint8Array | null, num: number): void {
  const meth = RAND_get_rand_method();
  const b = cBuffer(buf, Math.max(0, num), undefined);
  if (b === undefined) return;
  meth.seed?.(b, num);
}

/**
 * RAND_add(buf, num, randomness): randomness in bytes. Below the master's seed length the
 * buffer is mixed in as additional data only; at or above it, it is the entropy input of a
 * full reseed. In FIPS mode (FIPS_mode_set(1)) randomness is always treated as 0.
 *
 * @see RAND_add(3)
 */
export function RAND_add(buf: Uint8Array | null, num: number, randomness: number): void {
  const meth = RAND_get_rand_method();
  const b = cBuffer(buf, Math.max(0, num), undefined);
  if (b === undefined) return;
  meth.add?.(b, num, randomness);
}

/**
 * RAND_keep_random_devices_open(keep): randshim holds no device descriptors; a no-op.
 *
 * @see RAND_add(3)
 */
export function RAND_keep_random_devices_open(keep: number): void {
  void keep;
}

/** randfile.c over this personality's RAND functions, raising with 1.1.1's function codes. */
const RANDFILE: RandFileFunctions = {
  RAND_add, RAND_status, RAND_priv_bytes,
  raise: (reason, func) => raise('RAND', reason, func),
  overflowGuard: false,
};

/**
 * RAND_load_file(file, max_bytes): feeds the file to RAND_add in chunks (randomness = bytes
 * read), at most max_bytes (all of a regular file when negative, 256 bytes of anything else).
 * Returns the bytes read, or -1 (CANNOT_OPEN_FILE, or RESEED_ERROR when RAND_status() is 0
 * afterwards).
 *
 * @see RAND_load_file(3)
 */
export function RAND_load_file(file: string, bytes: number): number {
  return randLoadFile(RANDFILE, file, bytes);
}

/** RAND_write_file(file): 1024 bytes from RAND_priv_bytes, written with mode 0600. Returns the
 * bytes written or -1.
 *
 * @see RAND_load_file(3)
 */
export function RAND_write_file(file: string): number {
  return randWriteFile(RANDFILE, file);
}

/** RAND_file_name(buf, size): $RANDFILE, else $HOME/.rnd; null when unset or too long for
 * `size` bytes (with its NUL). Returns the name (and writes it NUL-terminated into buf).
 *
 * @see RAND_load_file(3)
 */
export function RAND_file_name(buf: Uint8Array, size: number): string | null {
  return randFileName(buf, size);
}
