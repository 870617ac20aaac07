/**
 * The OpenSSL 1.1.1 RAND front end (RAND_bytes(3), RAND_add(3), RAND_load_file(3),
 * RAND_set_rand_method(3)) with 1.1.1w's semantics, dispatching through the installed
 * RAND_METHOD (RAND_OpenSSL() by default: the shared DRBGs of provider/drbg111).
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, writeSync, chmodSync } from 'node:fs';
import { homedir } from 'node:os';
import { raise } from '../../provider/errors.js';
import { osEntropy } from '../../provider/entropy/os.js';
import { RAND_DRBG_STRENGTH } from '../../provider/drbg111/context.js';
import { cBuffer } from './args.js';
import { RAND_get_rand_method, RAND_OpenSSL } from './rand-method.js';
import { state111 } from './state.js';

/** RAND_BUF_SIZE of randfile.c: what RAND_write_file writes and RAND_load_file reads per chunk. */
const RAND_BUF_SIZE = 1024;
const RAND_LOAD_BUF_SIZE = RAND_BUF_SIZE + RAND_DRBG_STRENGTH;

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
  const pool = osEntropy(RAND_DRBG_STRENGTH, (RAND_DRBG_STRENGTH + 7) / 8, 12288);
  if (pool === null) return 0;
  const ok = meth.add !== null && meth.add(pool, pool.length, (pool.length * 8) / 8.0) !== 0;
  pool.fill(0);
  return ok ? 1 : 0;
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

/**
 * RAND_load_file(file, max_bytes): feeds the file to RAND_add in chunks (randomness = bytes
 * read), at most max_bytes (all of a regular file when negative, 256 bytes of anything else).
 * Returns the bytes read, or -1 (CANNOT_OPEN_FILE, or RESEED_ERROR when RAND_status() is 0
 * afterwards).
 *
 * @see RAND_load_file(3)
 */
export function RAND_load_file(file: string, bytes: number): number {
  if (bytes === 0) return 0;
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    raise('RAND', 'CANNOT_OPEN_FILE', 'RAND_LOAD_FILE');
    return -1;
  }
  let ret = 0;
  const buf = new Uint8Array(RAND_LOAD_BUF_SIZE);
  try {
    if (bytes < 0) bytes = fstatSync(fd).isFile() ? fstatSync(fd).size : RAND_DRBG_STRENGTH;
    for (;;) {
      const n = bytes > 0 ? (bytes <= RAND_LOAD_BUF_SIZE ? bytes : RAND_BUF_SIZE) : RAND_LOAD_BUF_SIZE;
      const i = readSync(fd, buf, 0, n, null);
      if (i === 0) break;
      RAND_add(buf, i, i);
      ret += i;
      if (bytes > 0 && (bytes -= i) <= 0) break;
    }
  } finally {
    buf.fill(0);
    closeSync(fd);
  }
  if (!RAND_status()) {
    raise('RAND', 'RESEED_ERROR', 'RAND_LOAD_FILE');
    return -1;
  }
  return ret;
}

/** RAND_write_file(file): 1024 bytes from RAND_priv_bytes, written with mode 0600. Returns the
 * bytes written or -1.
 *
 * @see RAND_load_file(3)
 */
export function RAND_write_file(file: string): number {
  try {
    if (!statSync(file).isFile()) {
      raise('RAND', 'NOT_A_REGULAR_FILE', 'RAND_WRITE_FILE');
      return -1;
    }
  } catch {
    // does not exist yet: fine
  }
  const buf = new Uint8Array(RAND_BUF_SIZE);
  if (RAND_priv_bytes(buf, buf.length) !== 1) return -1;
  let fd: number;
  try {
    fd = openSync(file, constants.O_WRONLY | constants.O_CREAT, 0o600);
  } catch {
    raise('RAND', 'CANNOT_OPEN_FILE', 'RAND_WRITE_FILE');
    buf.fill(0);
    return -1;
  }
  try {
    chmodSync(file, 0o600);
    return writeSync(fd, buf);
  } finally {
    closeSync(fd);
    buf.fill(0);
  }
}

/** RAND_file_name(buf, size): $RANDFILE, else $HOME/.rnd; null when unset or too long for
 * `size` bytes (with its NUL). Returns the name (and writes it NUL-terminated into buf).
 *
 * @see RAND_load_file(3)
 */
export function RAND_file_name(buf: Uint8Array, size: number): string | null {
  const randfile = process.env.RANDFILE;
  let name: string;
  if (randfile !== undefined && randfile !== '') {
    if (Buffer.byteLength(randfile) + 1 >= size) return null;
    name = randfile;
  } else {
    const home = process.env.HOME ?? homedir();
    if (home === '' || Buffer.byteLength(home) + 1 + '.rnd'.length + 1 >= size) return null;
    name = `${home}/.rnd`;
  }
  const bytes = new TextEncoder().encode(name);
  if (bytes.length + 1 > buf.length) return null;
  buf.set(bytes);
  buf[bytes.length] = 0;
  return name;
}
