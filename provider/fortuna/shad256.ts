/**
 * SHAd256, Fortuna's hash (Ferguson & Schneier, Practical Cryptography, 6.3.4: SHA-256 applied
 * twice, so that the length-extension property of SHA-256 does not carry into the keys), as
 * mirage-crypto-rng 0.10.7 defines it in rng/fortuna.ml: `digest x = SHA256(SHA256 x)`, and
 * `get t = SHA256(final t)` for a pool, an incremental SHA-256 context.
 */
import { findDigest } from '../sp800-90a/primitives/algorithms.js';
import type { PrimitiveBackend } from '../sp800-90a/primitives/backend.js';
import type { Sha2 } from '../sp800-90a/primitives/pure/sha2.js';

export const SHAD256_SIZE = 32;

const SHA256 = findDigest('SHA2-256')!;

/** SHA256(SHA256(concatenation of `parts`)): fortuna.ml's SHAd256.digesti. */
export function shad256(backend: PrimitiveBackend, parts: readonly Uint8Array[]): Uint8Array {
  const inner = backend.digest(SHA256, parts);
  const outer = backend.digest(SHA256, [inner]);
  inner.fill(0);
  return outer;
}

/** SHA256(final of `pool`) into a new array, then `pool` restarted empty: fortuna.ml's
 * `SHAd256.get pool` followed by `pools.(i) <- SHAd256.empty`. */
export function shad256Drain(backend: PrimitiveBackend, pool: Sha2): Uint8Array {
  const inner = new Uint8Array(SHAD256_SIZE);
  pool.digestInto(inner);
  // clear() also wipes the message schedule of the last block; reset() restarts it empty.
  pool.clear();
  pool.reset();
  const outer = backend.digest(SHA256, [inner]);
  inner.fill(0);
  return outer;
}
