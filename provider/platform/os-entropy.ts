/**
 * The operating system as entropy and nonce source: the bytes OpenSSL's rand_unix.c reads
 * (getrandom, else /dev/urandom) and its nonce data (pid, thread id, time). The pool that sizes
 * an entropy request and refuses one too large is ../rand-pool/os-pool.ts.
 *
 * Entropy is read from the kernel (/dev/urandom, the same CRNG as getrandom) rather than from
 * Node's crypto.randomFillSync: the latter is OpenSSL's own user-space DRBG inside Node, whose
 * state a VM snapshot or clone copies along with everything else (it only checks the pid),
 * while the kernel reseeds its CRNG when told of a VM fork (Linux vmgenid). A reseed after a
 * clone signal must reach a source the clone does not share. Where /dev/urandom cannot be
 * opened (not a Unix, a sandbox, a browser or a Web Worker) crypto.getRandomValues is the
 * fallback (./host.ts).
 */
import { writeU32LE, writeU64LE } from '../bytes.js';
import { hostFs, processId, subMillisecondNanos, threadId, webRandom } from './host.js';

/**
 * Fills `out` from the kernel's CSPRNG. The file is opened for each call: a descriptor kept
 * open would not survive into a process started from a snapshot (its number could name
 * another file there), and seeding is rare enough not to notice.
 */
export function kernelRandom(out: Uint8Array): Uint8Array {
  let fd: number;
  try {
    fd = hostFs.openSync('/dev/urandom', 'r');
  } catch {
    return webRandom(out);
  }
  try {
    for (let off = 0; off < out.length;) {
      const n = hostFs.readSync(fd, out, off, out.length - off, null);
      if (n <= 0) throw new Error('/dev/urandom returned no bytes');
      off += n;
    }
  } finally {
    hostFs.closeSync(fd);
  }
  return out;
}

/** The process id OpenSSL's openssl_get_fork_id() returns on Unix; 0 in a browser (see
 * ./host.ts). (Read through host.ts's cached `process`: the global's getter doubles the cost
 * of a check made on every generate.) */
export function currentForkId(): number {
  return processId();
}

/** The "thread id" randshim uses where OpenSSL uses pthread_self(): Node's worker threadId
 * (0 on the main thread and in a browser). A documented difference: OpenSSL's value is an
 * address. */
export function currentThreadId(): number {
  return threadId;
}

/** CLOCK_REALTIME as OpenSSL's get_time_stamp packs it: (seconds << 32) + nanoseconds. */
export function timeStamp(): bigint {
  const ms = Date.now();
  const seconds = BigInt(Math.floor(ms / 1000));
  const nanos = BigInt((ms % 1000) * 1_000_000) + subMillisecondNanos();
  return (seconds << 32n) + nanos;
}

let nonceCount = 0;

/** The process-wide nonce counter (rand_nonce_count): value after an atomic increment. */
export function nextNonceCount(): number {
  nonceCount = (nonceCount + 1) | 0;
  return nonceCount;
}

/**
 * OpenSSL's 40-byte default nonce on 64-bit Unix (1.1.1 rand_drbg_get_nonce; 3.x
 * prov_drbg_get_nonce + ossl_pool_add_nonce_data):
 *   0: pid (int32 LE) | 4: zero padding | 8: thread id (8 LE) | 16: timestamp (8 LE)
 *   24: the DRBG's own address (8) | 32: count after increment (int32 LE) | 36: zero padding
 * `identity` stands for the address (8 bytes, or fewer on a 32-bit target).
 */
export function defaultNonce(identity: Uint8Array, count: number = nextNonceCount()): Uint8Array {
  const out = new Uint8Array(40);
  writeU32LE(out, 0, currentForkId());
  writeU64LE(out, 8, currentThreadId());
  writeU64LE(out, 16, timeStamp());
  out.set(identity.subarray(0, 8), 24);
  writeU32LE(out, 32, count);
  return out;
}
