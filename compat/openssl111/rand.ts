/**
 * The OpenSSL 1.1.1 RAND front end (RAND_bytes(3), RAND_add(3), RAND_load_file(3),
 * RAND_set_rand_method(3)) with 1.1.1w's semantics, dispatching through the installed
 * RAND_METHOD (RAND_OpenSSL() by default: the shared DRBGs of provider/openssl111).
 */
import { raise } from '../../provider/err/queue.js';
import { pollIntoMethod } from '../rand/method.js';
import { randFileName, randLoadFile, randWriteFile, type RandFileFunctions } from '../rand/randfile.js';
import { cDouble, cInt, cLong, cPointer, cSizeT, cString, holds, refuse, type ArgSite } from '../args/index.js';
import { RAND_get_rand_method, RAND_OpenSSL } from './rand-method.js';
import { state111 } from './state.js';

const RAND_BYTES: ArgSite = { lib: 'RAND', func: 'RAND_BYTES' };
const RAND_PSEUDO_BYTES: ArgSite = { lib: 'RAND', func: 'RAND_PSEUDO_BYTES' };
/** RAND_priv_bytes, RAND_seed, RAND_add: randerr.h gives them no function code. */
const NO_FUNC: ArgSite = { lib: 'RAND' };

/** What the default method's drbg_bytes would write: `num` bytes of `buf` (C converts a
 * negative num to a huge size_t and overruns; NULL with num 0 writes nothing and succeeds). */
function defaultOutput(buf: Uint8Array | null, num: number, where: ArgSite): Uint8Array | undefined {
  if (num < 0 || !holds(buf, num)) {
    refuse(where);
    return undefined;
  }
  return buf === null ? new Uint8Array(0) : buf.subarray(0, num);
}

/** bytes() / pseudorand() of the installed method with C's arguments. */
function methodBytes(fn: ((buf: Uint8Array, num: number) => number) | null, isDefault: boolean, buf: unknown,
  num: unknown, where: ArgSite, func: 'RAND_BYTES' | 'RAND_PSEUDO_BYTES'): number {
  const b = cPointer(buf);
  const n = cInt(num);
  if (b === undefined || n === undefined) return refuse(where);
  if (fn === null) {
    raise('RAND', 'FUNC_NOT_IMPLEMENTED', func);
    return -1;
  }
  if (!isDefault) return fn(b as Uint8Array, n);
  const out = defaultOutput(b, n, where);
  if (out === undefined) return 0;
  return zeroOnFailure(out, fn(out, n));
}

/**
 * RAND_bytes(buf, num): 1 on success, 0 on failure (buf zeroed), -1 if the method has none.
 *
 * @see RAND_bytes(3)
 */
export function RAND_bytes(buf: Uint8Array, num: number): number {
  const meth = RAND_get_rand_method();
  return methodBytes(meth.bytes, meth === RAND_OpenSSL(), buf, num, RAND_BYTES, 'RAND_BYTES');
}

/**
 * RAND_priv_bytes(buf, num): from the private DRBG; with a non-default method, RAND_bytes.
 *
 * @see RAND_bytes(3)
 */
export function RAND_priv_bytes(buf: Uint8Array, num: number): number {
  const meth = RAND_get_rand_method();
  if (meth !== RAND_OpenSSL()) return RAND_bytes(buf, num);
  const b = cPointer(buf);
  const n = cInt(num);
  if (b === undefined || n === undefined) return refuse(NO_FUNC);
  const out = defaultOutput(b, n, NO_FUNC);
  if (out === undefined) return 0;
  return zeroOnFailure(out, state111().shared.privBytes(out, n));
}

/**
 * RAND_pseudo_bytes(buf, num) (deprecated): the method's pseudorand, i.e. RAND_bytes.
 *
 * @see RAND_bytes(3)
 */
export function RAND_pseudo_bytes(buf: Uint8Array, num: number): number {
  const meth = RAND_get_rand_method();
  return methodBytes(meth.pseudorand, meth === RAND_OpenSSL(), buf, num, RAND_PSEUDO_BYTES, 'RAND_PSEUDO_BYTES');
}

function zeroOnFailure(out: Uint8Array, ret: number): number {
  if (ret !== 1) out.fill(0);
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

/** C's RAND_seed / RAND_add arguments, or undefined after refusing them (nothing happens).
 * A NULL buf is fine in C (no buffer reaches the DRBG); a JavaScript buffer shorter than a
 * positive num would be an over-read. */
function addArgs(buf: unknown, num: unknown): { b: Uint8Array | null; n: number } | undefined {
  const b = cPointer(buf);
  const n = cInt(num);
  if (b === undefined || n === undefined || (b !== null && n > 0 && b.length < n)) {
    refuse(NO_FUNC);
    return undefined;
  }
  return { b: b === null || n <= 0 ? b : b.subarray(0, n), n };
}

/**
 * RAND_seed(buf, num): RAND_add(buf, num, num).
 *
 * @see RAND_add(3)
 */
export function RAND_seed(buf: Uint8Array | null, num: number): void {
  const args = addArgs(buf, num);
  if (args === undefined) return;
  RAND_get_rand_method().seed?.(args.b, args.n);
}

/**
 * RAND_add(buf, num, randomness): randomness in bytes (a C double: NaN and the infinities
 * are passed on as C does). Below the master's seed length the buffer is mixed in as
 * additional data only; at or above it, it is the entropy input of a full reseed. In FIPS mode
 * (FIPS_mode_set(1)) randomness is always treated as 0.
 *
 * @see RAND_add(3)
 */
export function RAND_add(buf: Uint8Array | null, num: number, randomness: number): void {
  const r = cDouble(randomness);
  const args = r === undefined ? (refuse(NO_FUNC), undefined) : addArgs(buf, num);
  if (args === undefined || r === undefined) return;
  RAND_get_rand_method().add?.(args.b, args.n, r);
}

/**
 * RAND_keep_random_devices_open(keep): randshim holds no device descriptors; a no-op.
 *
 * @see RAND_add(3)
 */
export function RAND_keep_random_devices_open(keep: number): void {
  if (cInt(keep) === undefined) refuse(NO_FUNC);
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
  const f = cString(file);
  const n = cLong(bytes);
  if (f === null || f === undefined || n === undefined) {
    refuse({ lib: 'RAND', func: 'RAND_LOAD_FILE' });
    return -1;
  }
  return randLoadFile(RANDFILE, f, n);
}

/** RAND_write_file(file): 1024 bytes from RAND_priv_bytes, written with mode 0600. Returns the
 * bytes written or -1.
 *
 * @see RAND_load_file(3)
 */
export function RAND_write_file(file: string): number {
  const f = cString(file);
  if (f === null || f === undefined) {
    refuse({ lib: 'RAND', func: 'RAND_WRITE_FILE' });
    return -1;
  }
  return randWriteFile(RANDFILE, f);
}

/** RAND_file_name(buf, size): $RANDFILE, else $HOME/.rnd; null when unset or too long for
 * `size` bytes (with its NUL). Returns the name (and writes it NUL-terminated into buf).
 *
 * @see RAND_load_file(3)
 */
export function RAND_file_name(buf: Uint8Array, size: number): string | null {
  const b = cPointer(buf);
  const n = cSizeT(size);
  if (b === null || b === undefined || n === undefined) {
    refuse(NO_FUNC);
    return null;
  }
  return randFileName(b, n);
}
