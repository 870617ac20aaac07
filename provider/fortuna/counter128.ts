/**
 * The 128-bit big-endian block counter of mirage-crypto's AES.CTR (Counters.C128be in
 * src/cipher_block.ml: a pair of int64 words, `add` carrying from the low word into the high one,
 * modulo 2^128), held as 16 bytes because that is what the AES-CTR keystream takes.
 */

/** Adds `n` (a non-negative safe integer) to the 16-byte big-endian `counter` in place,
 * modulo 2^128. */
export function addToCounter(counter: Uint8Array, n: number): void {
  let carry = n;
  for (let i = 15; i >= 0 && carry > 0; i--) {
    const sum = counter[i] + (carry % 256);
    counter[i] = sum & 0xff;
    carry = Math.floor(carry / 256) + (sum >> 8);
  }
}

/** True when every byte is zero: fortuna.ml's `seeded` is "ctr <> (0, 0)". */
export function isZeroCounter(counter: Uint8Array): boolean {
  for (let i = 0; i < counter.length; i++) if (counter[i] !== 0) return false;
  return true;
}
