/**
 * node:crypto backends (OpenSSL underneath, AES-NI where the CPU has it).
 *
 * `node-native` calls node:crypto for every operation. `node` (the default) does the same for
 * bulk work but keeps the few-block operations of a DRBG request in TypeScript, where one call
 * into node:crypto costs more than the work itself (creating a cipher object alone costs more
 * than a whole CTR_DRBG re-key and five blocks): AES blocks and short keystreams through the
 * table AES of pure/aes.ts. Outputs are identical either way; the vector and differential suites
 * run on both. The trade-off: table lookups indexed by secret data are not constant-time.
 */
import { createCipheriv, createHash, createHmac, type Cipher } from 'node:crypto';
import { add128, prefixEqual, totalLength } from '../../bytes.js';
import type { AesKeyLength, DigestInfo } from './algorithms.js';
import type { AesCipher, Hasher, KeyedMac, PrimitiveBackend } from './backend.js';
import { AesKeySchedule } from './pure/aes.js';
import { isSha2, Sha2, Sha2Hmac } from './pure/sha2.js';
import { MacKeyCopy, statelessHasher, statelessMac } from './stateless.js';

const ECB_NAMES = { 16: 'aes-128-ecb', 24: 'aes-192-ecb', 32: 'aes-256-ecb' } as const;
const CTR_NAMES = { 16: 'aes-128-ctr', 24: 'aes-192-ctr', 32: 'aes-256-ctr' } as const;

/** Keystreams at least this long go to node:crypto's AES-CTR (measured break-even, see
 * npm run bench: a native call costs about as much as this many table-AES blocks). */
export const NATIVE_CTR_THRESHOLD = 256;

/** How many keystream bytes past a native request HybridAes computes in the same cipher call:
 * CTR_DRBG's update right after a generate's output asks for exactly the next blocks under the
 * same key (drbg_ctr.c, drbg_ctr_generate then ctr_update; SP 800-90A 10.2.1.5.1 steps 4-6):
 * seedlen = keylen + 16 bytes rounded up to whole blocks, 48 for AES-192 (40) and AES-256, 32
 * for AES-128. */
const LOOKAHEAD = 48;

/** Zeros to encrypt for a native keystream: one shared buffer, never written, room for a
 * max_request (65536 bytes, evp_rand.c / drbg_lib.c) plus the lookahead. A Buffer, because
 * Cipher.update takes a Buffer without the conversion a plain Uint8Array gets. */
const ZEROS = Buffer.alloc((1 << 16) + LOOKAHEAD);

function nativeKeystream(keyLength: AesKeyLength, key: Uint8Array, counter: Uint8Array, out: Uint8Array): void {
  const ctr = createCipheriv(CTR_NAMES[keyLength], key, counter);
  const piece = 1 << 16;
  for (let off = 0; off < out.length; off += piece) {
    const n = Math.min(piece, out.length - off);
    out.set(ctr.update(ZEROS.subarray(0, n)), off);
  }
}

/** Every operation through node:crypto. */
class NativeAes implements AesCipher {
  keyLength: AesKeyLength;
  private key: Buffer;
  /** ECB has no chaining state, so one cipher object serves every call under this key. */
  private ecb: Cipher | null = null;

  constructor(key: Uint8Array) {
    this.keyLength = key.length as AesKeyLength;
    this.key = Buffer.from(key);
  }

  setKey(key: Uint8Array): void {
    this.key.fill(0);
    this.keyLength = key.length as AesKeyLength;
    this.key = Buffer.from(key);
    this.ecb = null;
  }

  clear(): void {
    this.key.fill(0);
    this.ecb = null;
  }

  encryptBlocks(src: Uint8Array, dst: Uint8Array): void {
    if (this.ecb === null) {
      this.ecb = createCipheriv(ECB_NAMES[this.keyLength], this.key, null);
      this.ecb.setAutoPadding(false);
    }
    dst.set(this.ecb.update(src));
  }

  ctrKeystream(counter: Uint8Array, out: Uint8Array): void {
    nativeKeystream(this.keyLength, this.key, counter, out);
  }
}

/**
 * Table AES for blocks and short keystreams, node:crypto's AES-CTR for long ones. Two things
 * keep a CTR_DRBG request of 64 KiB at the cost of the cipher call itself:
 * - the native call also computes the LOOKAHEAD blocks after the output and keeps them for the
 *   update's keystream request that follows (same key, counter = the one after the output), so
 *   the update runs no table AES;
 * - the table key schedule is expanded only when a table operation needs it: the re-key after
 *   that update feeds the next request's native call, which takes the key bytes.
 */
class HybridAes implements AesCipher {
  keyLength: AesKeyLength;
  private readonly schedule = new AesKeySchedule();
  /** Whether `schedule` lags behind `key` (setKey defers the expansion). */
  private scheduleStale = true;
  private readonly key = new Uint8Array(32);
  /** The keystream from `aheadCounter` on under `key`, computed by the last native call. */
  private readonly ahead = new Uint8Array(LOOKAHEAD);
  private readonly aheadCounter = new Uint8Array(16);
  private aheadValid = false;

  constructor(key: Uint8Array) {
    this.keyLength = key.length as AesKeyLength;
    this.setKey(key);
  }

  setKey(key: Uint8Array): void {
    this.keyLength = key.length as AesKeyLength;
    // A loop beats TypedArray.set at 16 to 32 bytes; a DRBG re-keys on every request.
    const k = this.key;
    for (let i = 0; i < key.length; i++) k[i] = key[i];
    this.scheduleStale = true;
    if (this.aheadValid) this.dropAhead();
  }

  clear(): void {
    this.key.fill(0);
    this.schedule.clear();
    this.scheduleStale = true;
    this.dropAhead();
  }

  private dropAhead(): void {
    this.ahead.fill(0);
    this.aheadCounter.fill(0);
    this.aheadValid = false;
  }

  /** The table schedule under `key`, expanded now if setKey deferred it (FIPS 197 5.2). */
  private table(): AesKeySchedule {
    if (this.scheduleStale) {
      this.schedule.setKey(this.key.subarray(0, this.keyLength));
      this.scheduleStale = false;
    }
    return this.schedule;
  }

  encryptBlocks(src: Uint8Array, dst: Uint8Array): void {
    this.table().encryptBlocks(src, dst);
  }

  ctrKeystream(counter: Uint8Array, out: Uint8Array): void {
    const n = out.length;
    if (this.aheadValid && n <= LOOKAHEAD && prefixEqual(counter, this.aheadCounter, 16)) {
      const ahead = this.ahead;
      for (let i = 0; i < n; i++) out[i] = ahead[i];
      this.dropAhead();
    } else if (n < NATIVE_CTR_THRESHOLD) {
      this.table().ctrKeystream(counter, out);
    } else if (n <= 1 << 16) {
      this.nativeWithLookahead(counter, out);
    } else {
      nativeKeystream(this.keyLength, this.key.subarray(0, this.keyLength), counter, out);
    }
  }

  /** One native call for `out` (at most 64 KiB) and the LOOKAHEAD bytes after its last block. */
  private nativeWithLookahead(counter: Uint8Array, out: Uint8Array): void {
    const n = out.length;
    const blocks = Math.ceil(n / 16);
    const stream = createCipheriv(CTR_NAMES[this.keyLength], this.key.subarray(0, this.keyLength), counter)
      .update(ZEROS.subarray(0, blocks * 16 + LOOKAHEAD));
    out.set(stream.subarray(0, n));
    const ahead = this.ahead;
    const tail = blocks * 16;
    for (let i = 0; i < LOOKAHEAD; i++) ahead[i] = stream[tail + i];
    // The lookahead becomes the DRBG's next key and V: no copy of it stays in node's buffer.
    stream.fill(0, tail);
    add128(counter, blocks, this.aheadCounter);
    this.aheadValid = true;
  }
}

function digest(info: DigestInfo, parts: readonly Uint8Array[]): Uint8Array {
  const h = createHash(info.nodeName);
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

function hmac(info: DigestInfo, key: Uint8Array, parts: readonly Uint8Array[]): Uint8Array {
  const h = createHmac(info.nodeName, key);
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

/** Messages at least this long go to node:crypto's hashes (one native call then costs less
 * than the compressions). */
export const NATIVE_HASH_THRESHOLD = 1024;

/** SHA-2 in TypeScript for short messages, node:crypto for long ones; other digests native. */
function hybridHasher(info: DigestInfo): Hasher {
  const id = info.id;
  if (!isSha2(id)) return statelessHasher(info, digest);
  const pure = new Sha2(id);
  return {
    outputLen: info.size,
    hashInto(parts, out, off) {
      if (totalLength(parts) >= NATIVE_HASH_THRESHOLD) {
        out.set(digest(info, parts), off);
        return;
      }
      pure.hashInto(parts, out, off);
    },
    // One-block messages (55 bytes) are far below NATIVE_HASH_THRESHOLD: always TypeScript.
    hashgen: (v, out) => pure.hashgen(v, out),
    clear: () => pure.clear(),
  };
}

/** HMAC with its pad blocks absorbed once per key (SHA-2), node:crypto for long messages. */
function hybridMac(info: DigestInfo): KeyedMac {
  const id = info.id;
  if (!isSha2(id)) return statelessMac(info, hmac);
  const pure = new Sha2Hmac(id);
  const key = new MacKeyCopy();
  return {
    outputLen: info.size,
    setKey(k) {
      key.set(k);
      pure.setKey(k);
    },
    macInto(parts, out, off) {
      if (totalLength(parts) >= NATIVE_HASH_THRESHOLD) out.set(hmac(info, key.value, parts), off);
      else pure.macInto(parts, out, off);
    },
    clear() {
      key.clear();
      pure.clear();
    },
  };
}

export const nodeNativeBackend: PrimitiveBackend = {
  name: 'node-native',
  aes: (key) => new NativeAes(key),
  hasher: (info) => statelessHasher(info, digest),
  mac: (info) => statelessMac(info, hmac),
  digest,
  hmac,
};

export const nodeBackend: PrimitiveBackend = {
  name: 'node',
  aes: (key) => new HybridAes(key),
  hasher: hybridHasher,
  mac: hybridMac,
  digest,
  hmac,
};
