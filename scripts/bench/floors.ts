/**
 * Floors: contenders that do only the unavoidable work of a DRBG request, so a target's row can
 * show how much of randshim's time is its own code and whether the target is reachable at all.
 *
 * - node:crypto floors: the cheapest node:crypto calls that produce the same bytes (one cipher
 *   context per CTR_DRBG request, one crypto.hash / createHmac per Hash_DRBG / HMAC_DRBG block),
 *   plus the copy into the caller's buffer (node:crypto has no encrypt-into-buffer call).
 * - JavaScript primitive floors: the AES blocks and key expansions, or the SHA-256
 *   compressions, of one request on randshim's own table AES and SHA-2 (the fastest per-block
 *   AES and SHA-256 this process has: one node:crypto call costs more than several blocks).
 *
 * Requests are split at max_request (65536 bytes, evp_rand.c / drbg_lib.c) as a DRBG splits them.
 * What is counted per request is in each function's comment, from SP 800-90A section 10.
 */
import { createCipheriv, createHmac, hash, randomBytes } from 'node:crypto';
import { AesKeySchedule } from '../../provider/sp800-90a/primitives/pure/aes.js';
import { Sha2, Sha2Hmac } from '../../provider/sp800-90a/primitives/pure/sha2.js';
import { DRBG_MAX_REQUEST } from '../../provider/sp800-90a/mechanism.js';
import type { Contender } from './measure.js';

/** CTR_DRBG_Update's keystream for AES-256: keylen + 16 bytes (SP 800-90A 10.2.1.2). */
const UPDATE_BYTES = 48;
/** Zeros for the floors' cipher input, never written. */
const ZEROS = Buffer.alloc(DRBG_MAX_REQUEST + UPDATE_BYTES);

/** The contender names, as targets.ts reads them. */
export const FLOOR = 'node:crypto floor CTR AES-256 (one aes-256-ctr per request, update + copy)';
export const FLOOR_HASH = 'node:crypto floor Hash SHA-256 (crypto.hash per block)';
export const FLOOR_HMAC = 'node:crypto floor HMAC SHA-256 (createHmac per block)';
export const JS_FLOOR_CTR = 'JS primitives floor CTR AES-256 (5 blocks, 1 key expansion)';
export const JS_FLOOR_HASH = 'JS primitives floor Hash SHA-256 (3 compressions)';
export const JS_FLOOR_HMAC = 'JS primitives floor HMAC SHA-256 (8 compressions)';
export const JS_FLOOR_111 = 'JS AES floor of 1.1.1 RAND_bytes(32) (17 blocks, 3 key expansions)';

/** Calls `request` on each max_request (DRBG_MAX_REQUEST) piece of `out`, as a DRBG splits a
 * request; every bench contender that splits uses this. */
export function perRequest(out: Uint8Array, request: (chunk: Uint8Array) => void): void {
  for (let off = 0; off < out.length; off += DRBG_MAX_REQUEST) {
    request(out.subarray(off, Math.min(out.length, off + DRBG_MAX_REQUEST)));
  }
}

/**
 * CTR_DRBG generate (10.2.1.5.1) through node:crypto: per request the output's keystream and the
 * update's 48 bytes after it are one keystream under one key (steps 4-6), so one fresh
 * AES-256-CTR context (the DRBG re-keys after every request) and one update over them.
 */
function ctrFloor(): Contender {
  const key = randomBytes(32);
  const iv = randomBytes(16);
  return {
    name: FLOOR, group: 'node',
    run: (out) => perRequest(out, (chunk) => {
      const blocks = Math.ceil(chunk.length / 16);
      const stream = createCipheriv('aes-256-ctr', key, iv).update(ZEROS.subarray(0, blocks * 16 + UPDATE_BYTES));
      chunk.set(stream.subarray(0, chunk.length));
    }),
  };
}

/**
 * Hash_DRBG generate (10.1.1.4) through node:crypto: hashgen's Hash(V + i) per 32-byte block
 * (V is seedlen = 55 bytes for SHA-256) and H = Hash(0x03 || V); the additions mod 2^440 are
 * left out. 32 B: two crypto.hash calls.
 */
function hashFloor(): Contender {
  const data = randomBytes(55);
  const prefixed = Buffer.concat([Buffer.of(3), data]);
  return {
    name: FLOOR_HASH, group: 'node',
    run: (out) => perRequest(out, (chunk) => {
      for (let off = 0; off < chunk.length; off += 32) {
        data[54] = (data[54] + 1) & 0xff;
        const block = hash('sha256', data, 'buffer');
        chunk.set(chunk.length - off >= 32 ? block : block.subarray(0, chunk.length - off), off);
      }
      hash('sha256', prefixed, 'buffer');
    }),
  };
}

/**
 * HMAC_DRBG generate (10.1.2.5) through node:crypto: V = HMAC(K, V) per 32-byte block, then the
 * update without provided data (10.1.2.2): K = HMAC(K, V || 0x00), V = HMAC(K, V). 32 B: three
 * createHmac calls.
 */
function hmacFloor(): Contender {
  let key = randomBytes(32);
  let v = randomBytes(32);
  const zero = Buffer.of(0);
  return {
    name: FLOOR_HMAC, group: 'node',
    run: (out) => perRequest(out, (chunk) => {
      for (let off = 0; off < chunk.length; off += 32) {
        v = createHmac('sha256', key).update(v).digest();
        chunk.set(chunk.length - off >= 32 ? v : v.subarray(0, chunk.length - off), off);
      }
      key = createHmac('sha256', key).update(v).update(zero).digest();
      v = createHmac('sha256', key).update(v).digest();
    }),
  };
}

/** CTR_DRBG generate of 32 bytes without additional input: 2 output blocks and the update's 3
 * (one keystream of 80 bytes) and the re-key's expansion (10.2.1.5.1 steps 4-6). */
function ctrJsFloor(): Contender {
  const aes = new AesKeySchedule(randomBytes(32));
  const key = randomBytes(32);
  const counter = randomBytes(16);
  const stream = new Uint8Array(80);
  return {
    name: JS_FLOOR_CTR, group: 'node', sizes: [32],
    run: (out) => {
      aes.ctrKeystream(counter, stream);
      out.set(stream.subarray(0, 32));
      aes.setKey(key);
    },
  };
}

/** Hash_DRBG generate of 32 bytes: Hash(V) over 55 bytes (one block with its padding) and
 * Hash(0x03 || V) over 56 bytes (two blocks): three compressions (FIPS 180-4 6.2). */
function hashJsFloor(): Contender {
  const sha = new Sha2('SHA2-256');
  const v = randomBytes(55);
  const c03 = Uint8Array.of(3);
  const h = new Uint8Array(32);
  return {
    name: JS_FLOOR_HASH, group: 'node', sizes: [32],
    run: (out) => {
      sha.hashInto([v], out, 0);
      sha.hashInto([c03, v], h, 0);
    },
  };
}

/** HMAC_DRBG generate of 32 bytes with the pad blocks absorbed once per key: HMAC(K, V),
 * HMAC(K, V || 0x00), the new key's two pad blocks, HMAC(K', V): 2 + 2 + 2 + 2 compressions. */
function hmacJsFloor(): Contender {
  const mac = new Sha2Hmac('SHA2-256').setKey(randomBytes(32));
  const v = new Uint8Array(randomBytes(32));
  const k = new Uint8Array(32);
  const zero = Uint8Array.of(0);
  return {
    name: JS_FLOOR_HMAC, group: 'node', sizes: [32],
    run: (out) => {
      mac.macInto([v], v, 0);
      out.set(v);
      mac.macInto([v, zero], k, 0);
      mac.setKey(k);
      mac.macInto([v], v, 0);
    },
  };
}

/**
 * The AES work of one 1.1.1 RAND_bytes(32) (drbg_lib.c RAND_DRBG_bytes with its 24 bytes of
 * additional data, drbg_ctr.c with the df, AES-256), as randshim does it with nothing else:
 * update(adin): 3 keystream blocks; Block_Cipher_df (10.3.2) of L || N || adin || 0x80 padded to
 * 3 blocks, on 3 BCC chains, with the chains' IV blocks and the constant first block cached:
 * 6 blocks under the df key; K' expanded and 3 chained blocks; the re-key; the 2 output blocks;
 * the final update's 3 blocks and re-key. 17 blocks and 3 key expansions.
 */
function rand111JsFloor(): Contender {
  const aes = new AesKeySchedule(randomBytes(32));
  const dfAes = new AesKeySchedule(Uint8Array.from({ length: 32 }, (_, i) => i));
  const key = randomBytes(32);
  const counter = randomBytes(16);
  const update = new Uint8Array(48);
  const chains = new Uint8Array(48);
  const x = new Uint8Array(16);
  return {
    name: JS_FLOOR_111, group: 'randshim', sizes: [32],
    run: (out) => {
      aes.ctrKeystream(counter, update);
      dfAes.encryptBlocks(chains, chains);
      dfAes.encryptBlocks(chains, chains);
      aes.setKey(key);
      aes.encryptBlocks(x, x);
      aes.encryptBlocks(x, x);
      aes.encryptBlocks(x, x);
      aes.setKey(key);
      aes.ctrKeystream(counter, out);
      aes.ctrKeystream(counter, update);
      aes.setKey(key);
    },
  };
}

export function floors(): Contender[] {
  return [ctrFloor(), hashFloor(), hmacFloor(), ctrJsFloor(), hashJsFloor(), hmacJsFloor(), rand111JsFloor()];
}
