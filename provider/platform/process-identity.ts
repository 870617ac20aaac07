/**
 * Where OpenSSL passes a DRBG's own address as additional input (a child pulling entropy from
 * its parent), randshim passes a per-instance identity of the same width. It must differ
 * between live instances, as addresses do; tests set it to reproduce a given C run.
 */
import { webRandom } from './host.js';

/** sizeof(void *) on the LP64 targets OpenSSL is compared against. */
export const POINTER_SIZE = 8;

/** A fresh 8-byte identity: random, so distinct instances differ with overwhelming probability. */
export function newIdentity(): Uint8Array {
  return webRandom(new Uint8Array(POINTER_SIZE));
}
