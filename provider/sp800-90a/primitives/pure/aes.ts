/**
 * AES encryption (FIPS 197) with precomputed T-tables, for the small requests where calling
 * into node:crypto costs more than the cipher (a CTR_DRBG generate of 32 bytes re-keys AES and
 * encrypts five blocks, and creating one node:crypto cipher object alone costs more than all of
 * that) and for the pure backend at every size. The key schedule is expanded here, in place (no
 * allocation per re-key); the rounds run in WebAssembly (pure/aes.wat, its bytes in
 * pure/aes-wasm.ts): the same table lookups cost about two thirds of the time of the
 * JavaScript loop they replace (no bounds check per lookup), and WebAssembly runs wherever the
 * pure backend does (Node, browsers, workers).
 *
 * Caveat: table lookups indexed by secret data are not constant-time; a co-located attacker
 * measuring cache timing could learn about the key. OpenSSL uses AES-NI where it can. Backends
 * that must avoid this use node:crypto for every block (see provider/sp800-90a/primitives/node-backend.ts).
 */
import { fromHex } from '../../../bytes.js';
import { WASM_HEX } from './aes-wasm.js';

/** The memory layout of aes.wat (byte offsets; its header comment is the reference). */
const TABLES_AT = 0;
const SBOX_AT = 4096;
const ROUND_KEYS_AT = 4352;
const LAST_ROUND_KEY_AT = 4592;
const COUNTER_AT = 4608;
const BLOCKS_AT = 8192;
/** The block area holds this many bytes (4096 blocks); longer requests run in chunks. */
const BLOCKS_BYTES = 65536;

/** aes.wat's exports. */
interface AesWasm {
  readonly memory: { readonly buffer: ArrayBuffer };
  /** `blocks` CTR keystream blocks from the counter into the block area (counter advanced). */
  ctr(blocks: number, last: number): void;
  /** ECB over `blocks` blocks of the block area, in place. */
  ecb(blocks: number, last: number): void;
}

/** The two WebAssembly JS API constructors used here (tsconfig's lib has no DOM types). */
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: object };
}
const WebAssemblyApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** One instance for every key schedule: 1.5 KB of code, compiled synchronously (small enough
 * for a browser's main thread); the schedule in use is copied into its memory (see load). */
const wasm = new WebAssemblyApi.Instance(new WebAssemblyApi.Module(fromHex(WASM_HEX)), {}).exports as AesWasm;
/** The memory never grows, so these views stay valid. WebAssembly memory is little-endian. */
const memory = new DataView(wasm.memory.buffer);
const memoryBytes = new Uint8Array(wasm.memory.buffer);
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
/** On a little-endian platform an Int32Array view stores words as WebAssembly loads them. */
const memoryWords = LITTLE_ENDIAN ? new Int32Array(wasm.memory.buffer) : null;

/** words into the WebAssembly memory at byte offset `at` (a multiple of 4). */
function storeWords(at: number, words: Int32Array): void {
  if (memoryWords !== null) memoryWords.set(words, at >>> 2);
  else for (let i = 0; i < words.length; i++) memory.setInt32(at + 4 * i, words[i], true);
}

/** The S-box, from the multiplicative inverse in GF(2^8) and the affine map (FIPS 197 5.1.1). */
const SBOX = new Uint8Array(256);
/** Round constants Rcon[i] (FIPS 197 5.2), in the high byte. */
const RCON = new Int32Array(15);

{
  const mul2 = (x: number): number => ((x << 1) ^ (x & 0x80 ? 0x1b : 0)) & 0xff;
  // Walk the multiplicative group with generator 3 to get logs and inverses.
  const exp = new Uint8Array(256);
  const log = new Uint8Array(256);
  for (let i = 0, x = 1; i < 255; i++) {
    exp[i] = x;
    log[x] = i;
    x ^= mul2(x);
  }
  for (let x = 0; x < 256; x++) {
    const inv = x === 0 ? 0 : exp[(255 - log[x]) % 255];
    let s = inv;
    for (let r = 1; r <= 4; r++) s ^= ((inv << r) | (inv >>> (8 - r))) & 0xff;
    SBOX[x] = s ^ 0x63;
  }
  // T0..T3 into aes.wat's memory: SubBytes, ShiftRows and MixColumns of one byte as a
  // big-endian column word (T0), and its rotations by 8, 16 and 24 bits (T1..T3).
  for (let x = 0; x < 256; x++) {
    const s = SBOX[x];
    const s2 = mul2(s);
    const t = (s2 << 24) | (s << 16) | (s << 8) | (s2 ^ s);
    memory.setInt32(TABLES_AT + 4 * x, t, true);
    memory.setInt32(TABLES_AT + 1024 + 4 * x, (t >>> 8) | (t << 24), true);
    memory.setInt32(TABLES_AT + 2048 + 4 * x, (t >>> 16) | (t << 16), true);
    memory.setInt32(TABLES_AT + 3072 + 4 * x, (t >>> 24) | (t << 8), true);
  }
  memoryBytes.set(SBOX, SBOX_AT);
  for (let i = 1, r = 1; i < 15; i++, r = mul2(r)) RCON[i] = r << 24;
}

const byteSwap = (w: number): number => ((w >>> 24) | ((w >>> 8) & 0xff00) | ((w << 8) & 0xff0000) | (w << 24)) | 0;

const subWord = (w: number): number =>
  (SBOX[w >>> 24] << 24) | (SBOX[(w >>> 16) & 0xff] << 16) | (SBOX[(w >>> 8) & 0xff] << 8) | SBOX[w & 0xff];

/** The key schedule whose round keys are in the WebAssembly memory now, if any: a DRBG runs
 * its keystream and its update on one key, so most calls copy nothing. */
let loaded: AesKeySchedule | null = null;

/** Copies `take` bytes of the block area to dst[off..]: a loop for a few blocks (a subarray
 * and set cost more there), TypedArray.set beyond. */
function copyBlocksOut(dst: Uint8Array, off: number, take: number): void {
  if (take <= 64) {
    for (let i = 0; i < take; i++) dst[off + i] = memoryBytes[BLOCKS_AT + i];
  } else {
    dst.set(memoryBytes.subarray(BLOCKS_AT, BLOCKS_AT + take), off);
  }
}

/** An AES encryption key schedule that can be re-keyed in place. */
export class AesKeySchedule {
  /** Round keys: 4 * (rounds + 1) big-endian column words; room for AES-256. */
  private readonly rk = new Int32Array(60);
  private rounds = 0;
  /** The last round key, byte-swapped: aes.wat's final round composes its output words in
   * memory byte order and stores them whole. */
  private readonly lastRkSwapped = new Int32Array(4);

  constructor(key?: Uint8Array) {
    if (key !== undefined) this.setKey(key);
  }

  /** Key expansion (FIPS 197 5.2) for a 16-, 24- or 32-byte key. A DRBG re-keys on every
   * request, so AES-128 and AES-256 get straight-line passes (four or eight words a step, the
   * round constant and RotWord/SubWord where 5.2 puts them) and AES-192 the general loop. */
  setKey(key: Uint8Array): void {
    const nk = key.length >>> 2;
    if (key.length !== 16 && key.length !== 24 && key.length !== 32) throw new RangeError(`AES key of ${key.length} bytes`);
    this.rounds = nk + 6;
    const rk = this.rk;
    for (let i = 0; i < nk; i++) {
      rk[i] = (key[4 * i] << 24) | (key[4 * i + 1] << 16) | (key[4 * i + 2] << 8) | key[4 * i + 3];
    }
    const total = 4 * (this.rounds + 1);
    if (nk === 4) {
      let w0 = rk[0], w1 = rk[1], w2 = rk[2], w3 = rk[3];
      for (let i = 4, round = 1; i < total; i += 4, round++) {
        w0 ^= subWord((w3 << 8) | (w3 >>> 24)) ^ RCON[round];
        w1 ^= w0;
        w2 ^= w1;
        w3 ^= w2;
        rk[i] = w0; rk[i + 1] = w1; rk[i + 2] = w2; rk[i + 3] = w3;
      }
    } else if (nk === 8) {
      let w0 = rk[0], w1 = rk[1], w2 = rk[2], w3 = rk[3], w4 = rk[4], w5 = rk[5], w6 = rk[6], w7 = rk[7];
      for (let i = 8, round = 1; ; i += 8, round++) {
        w0 ^= subWord((w7 << 8) | (w7 >>> 24)) ^ RCON[round];
        w1 ^= w0;
        w2 ^= w1;
        w3 ^= w2;
        rk[i] = w0; rk[i + 1] = w1; rk[i + 2] = w2; rk[i + 3] = w3;
        // 60 words: the last step stops after its first four.
        if (i + 4 === total) break;
        w4 ^= subWord(w3);
        w5 ^= w4;
        w6 ^= w5;
        w7 ^= w6;
        rk[i + 4] = w4; rk[i + 5] = w5; rk[i + 6] = w6; rk[i + 7] = w7;
      }
    } else {
      for (let i = nk, round = 1; i < total; round++) {
        let t = rk[i - 1];
        t = subWord((t << 8) | (t >>> 24)) ^ RCON[round];
        rk[i] = rk[i - nk] ^ t;
        i++;
        for (let j = 1; j < nk && i < total; j++, i++) rk[i] = rk[i - nk] ^ rk[i - 1];
      }
    }
    const last = this.rounds * 4;
    for (let i = 0; i < 4; i++) this.lastRkSwapped[i] = byteSwap(rk[last + i]);
    // The copy in the WebAssembly memory is this key's no longer.
    if (loaded === this) loaded = null;
  }

  /** Zeroizes the round keys, here and in the WebAssembly memory if they are there. */
  clear(): void {
    this.rk.fill(0);
    this.lastRkSwapped.fill(0);
    this.rounds = 0;
    if (loaded === this) {
      memoryBytes.fill(0, ROUND_KEYS_AT, COUNTER_AT);
      loaded = null;
    }
  }

  /** This schedule's round keys into the WebAssembly memory, unless they are there. */
  private load(): void {
    if (loaded === this) return;
    if (this.rounds === 0) throw new RangeError('AES key schedule used without a key');
    storeWords(ROUND_KEYS_AT, this.rk);
    storeWords(LAST_ROUND_KEY_AT, this.lastRkSwapped);
    loaded = this;
  }

  /** ECB over whole blocks (FIPS 197 5.1); dst may be src. The block area is wiped after. */
  encryptBlocks(src: Uint8Array, dst: Uint8Array): void {
    this.load();
    const n = src.length;
    for (let off = 0; off < n; off += BLOCKS_BYTES) {
      const take = Math.min(n - off, BLOCKS_BYTES);
      if (take <= 64) for (let i = 0; i < take; i++) memoryBytes[BLOCKS_AT + i] = src[off + i];
      else memoryBytes.set(src.subarray(off, off + take), BLOCKS_AT);
      wasm.ecb(take >>> 4, this.rounds * 16);
      copyBlocksOut(dst, off, take);
    }
    memoryBytes.fill(0, BLOCKS_AT, BLOCKS_AT + Math.min(n, BLOCKS_BYTES));
  }

  /**
   * CTR keystream from the 128-bit big-endian counter (not modified), into `out`: aes.wat's
   * `ctr` (the counter incremented with carry modulo 2^128, SP 800-90A 10.2.1.5.1 step 4.1;
   * counter-mode caching of rounds 1-2) in chunks of the block area. The counter and the block
   * area are wiped after. `scratch` is accepted for callers that pass one and left zero.
   */
  ctrKeystream(counter: Uint8Array, out: Uint8Array, scratch?: Uint8Array): void {
    this.load();
    for (let i = 0; i < 16; i += 4) {
      memory.setInt32(COUNTER_AT + i, (counter[i] << 24) | (counter[i + 1] << 16) | (counter[i + 2] << 8) | counter[i + 3], true);
    }
    const n = out.length;
    for (let off = 0; off < n; off += BLOCKS_BYTES) {
      const take = Math.min(n - off, BLOCKS_BYTES);
      wasm.ctr((take + 15) >>> 4, this.rounds * 16);
      copyBlocksOut(out, off, take);
    }
    memoryBytes.fill(0, BLOCKS_AT, BLOCKS_AT + Math.min((n + 15) & ~15, BLOCKS_BYTES));
    memoryBytes.fill(0, COUNTER_AT, COUNTER_AT + 16);
    scratch?.fill(0);
  }
}
