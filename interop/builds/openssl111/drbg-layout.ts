/**
 * Reading fields of OpenSSL 1.1.1's private `struct rand_drbg_st` (crypto/rand/rand_local.h,
 * 1.1.1h..w) at computed offsets, because 1.1.1 has no getter for the DRBG state.
 *
 * Offsets for LP64 x86-64 (int 4, size_t/pointers/time_t 8, natural alignment):
 *
 *   0 lock*            8 parent*           16 int secure       20 int type
 *  24 int fork_id     28 u16 flags         32 seed_pool*       40 adin_pool*
 *  48 int strength    56 max_request       64 min_entropylen   72 max_entropylen
 *  80 min_noncelen    88 max_noncelen      96 max_perslen     104 max_adinlen
 * 112 u32 generate_counter                116 u32 reseed_interval
 * 120 time_t reseed_time                   128 time_t reseed_time_interval
 * 136 u32 enable_reseed_propagation       140 u32 reseed_counter
 * 144 seedlen        152 DRBG_STATUS state (enum, 4)       160 CRYPTO_EX_DATA ex_data (8)
 * 168 union data { RAND_DRBG_CTR ctr } (5 pointers, keylen, K[32], V[16], bltmp[16],
 *     bltmp_pos, KX[48] = 168 bytes)
 * 336 meth*  344 get_entropy  352 cleanup_entropy  360 get_nonce  368 cleanup_nonce
 *
 * The reader is only trusted after {@link validateLayout111} has checked, on a live object of
 * the loaded library, that every field it can predict (type, flags, strength, limits, seedlen,
 * intervals just set, the callback pointers just installed, state 0) sits where computed.
 */
import koffi from 'koffi';
import type { Libcrypto111 } from './libcrypto.js';
import { addressOf, type DrbgPtr, type RegisteredCallback } from './c-types.js';
import type { DrbgLimits } from '../../../provider/sp800-90a/mechanism.js';

export const DRBG_OFFSETS = {
  parent: 8, type: 20, flags: 28, strength: 48, maxRequest: 56, minEntropyLen: 64, maxEntropyLen: 72,
  minNonceLen: 80, maxNonceLen: 88, maxPersLen: 96, maxAdinLen: 104, generateCounter: 112,
  reseedInterval: 116, reseedTime: 120, reseedTimeInterval: 128, enableReseedPropagation: 136,
  reseedCounter: 140, seedlen: 144, state: 152, getEntropy: 344, cleanupEntropy: 352, getNonce: 360,
  cleanupNonce: 368,
} as const;

/** DRBG_STATUS (rand_local.h); numerically equal to EVP_RAND_STATE_* of 3.x. */
export const DRBG_UNINITIALISED = 0;
export const DRBG_READY = 1;
export const DRBG_ERROR = 2;

/** A snapshot of the fields randshim can compare: struct rand_drbg_st's limits, which are the
 * mechanism's DrbgLimits (strength in bits, lengths in bytes), and the state machine's fields. */
export interface DrbgFields extends DrbgLimits {
  readonly type: number;
  readonly flags: number;
  readonly generateCounter: number;
  readonly reseedInterval: number;
  readonly reseedTimeInterval: number;
  readonly enableReseedPropagation: number;
  readonly reseedCounter: number;
  readonly state: number;
}

const O = DRBG_OFFSETS;

/** The `state` field. Only meaningful once the layout was validated. */
export function readState111(drbg: DrbgPtr): number {
  return koffi.decode(drbg, O.state, 'int') as number;
}

/** All fields of {@link DrbgFields}. Only meaningful once the layout was validated. */
export function readFields111(drbg: DrbgPtr): DrbgFields {
  const int = (off: number): number => koffi.decode(drbg, off, 'int') as number;
  const u32 = (off: number): number => koffi.decode(drbg, off, 'uint32_t') as number;
  const size = (off: number): number => Number(koffi.decode(drbg, off, 'uint64_t'));
  const timeT = (off: number): number => Number(koffi.decode(drbg, off, 'int64_t'));
  return {
    type: int(O.type), flags: koffi.decode(drbg, O.flags, 'uint16_t') as number, strength: int(O.strength),
    maxRequest: size(O.maxRequest), minEntropyLen: size(O.minEntropyLen), maxEntropyLen: size(O.maxEntropyLen),
    minNonceLen: size(O.minNonceLen), maxNonceLen: size(O.maxNonceLen), maxPersLen: size(O.maxPersLen),
    maxAdinLen: size(O.maxAdinLen), generateCounter: u32(O.generateCounter), reseedInterval: u32(O.reseedInterval),
    reseedTimeInterval: timeT(O.reseedTimeInterval), enableReseedPropagation: u32(O.enableReseedPropagation),
    reseedCounter: u32(O.reseedCounter), seedlen: size(O.seedlen), state: int(O.state),
  };
}

const pointerAt = (drbg: DrbgPtr, off: number): bigint => BigInt(koffi.decode(drbg, off, 'uint64_t') as number | bigint);

const INT32_MAX = 2147483647;

/** What drbg_ctr_init (crypto/rand/drbg_ctr.c 1.1.1w) sets for an AES-CTR type and flags. */
export function expectedCtrLimits(nid: number, noDf: boolean): Omit<DrbgFields,
  'generateCounter' | 'reseedInterval' | 'reseedTimeInterval' | 'enableReseedPropagation' | 'reseedCounter' | 'state'> {
  const keylen = { 904: 16, 905: 24, 906: 32 }[nid];
  if (keylen === undefined) throw new RangeError(`not an AES-CTR nid: ${nid}`);
  const seedlen = keylen + 16;
  return {
    type: nid, flags: noDf ? 1 : 0, strength: keylen * 8, maxRequest: 1 << 16, seedlen,
    minEntropyLen: noDf ? seedlen : keylen, maxEntropyLen: noDf ? seedlen : INT32_MAX,
    minNonceLen: noDf ? 0 : keylen / 2, maxNonceLen: noDf ? 0 : INT32_MAX,
    maxPersLen: noDf ? seedlen : INT32_MAX, maxAdinLen: noDf ? seedlen : INT32_MAX,
  };
}

export interface LayoutCheck {
  readonly ok: boolean;
  /** What was checked, or the first mismatch. */
  readonly detail: string;
}

/**
 * Checks the computed layout on fresh objects of every AES-CTR type/flags combination of the
 * loaded library: the constants drbg_ctr_init sets, reseed_interval / reseed_time_interval
 * after the setters, the callback pointers after RAND_DRBG_set_callbacks, and state 0.
 * Creates and frees its own objects; never instantiates (so the callbacks are never called).
 */
export function validateLayout111(lib: Libcrypto111, callbacks: readonly [RegisteredCallback,
  RegisteredCallback, RegisteredCallback, RegisteredCallback]): LayoutCheck {
  const expectedCallbacks = callbacks.map((cb) => addressOf(cb as never));
  let checked = 0;
  for (const nid of [904, 905, 906]) {
    for (const noDf of [false, true]) {
      const drbg = lib.RAND_DRBG_new(nid, noDf ? 1 : 0, null);
      if (drbg === null) return { ok: false, detail: `RAND_DRBG_new(${nid}, ${noDf ? 1 : 0}, NULL) failed` };
      try {
        const interval = 0x123457 + nid;
        const timeInterval = 0x2345 + nid;
        if (lib.RAND_DRBG_set_reseed_interval(drbg, interval) !== 1 ||
            lib.RAND_DRBG_set_reseed_time_interval(drbg, timeInterval) !== 1 ||
            lib.RAND_DRBG_set_callbacks(drbg, ...callbacks) !== 1) {
          return { ok: false, detail: 'a setter failed on a fresh DRBG' };
        }
        const got = readFields111(drbg);
        const want: Record<string, number> = {
          ...expectedCtrLimits(nid, noDf), reseedInterval: interval, reseedTimeInterval: timeInterval,
          state: DRBG_UNINITIALISED, generateCounter: 0,
        };
        for (const [field, value] of Object.entries(want)) {
          const actual = (got as unknown as Record<string, number>)[field];
          if (actual !== value) {
            return { ok: false, detail: `nid ${nid} noDf ${noDf}: ${field} read ${actual}, expected ${value}` };
          }
          checked++;
        }
        if (pointerAt(drbg, O.parent) !== 0n) return { ok: false, detail: 'parent is not NULL' };
        const offs = [O.getEntropy, O.cleanupEntropy, O.getNonce, O.cleanupNonce];
        for (let i = 0; i < 4; i++) {
          if (pointerAt(drbg, offs[i]) !== expectedCallbacks[i]) {
            return { ok: false, detail: `nid ${nid} noDf ${noDf}: callback pointer ${i} not at offset ${offs[i]}` };
          }
          checked++;
        }
      } finally {
        lib.RAND_DRBG_free(drbg);
      }
    }
  }
  return { ok: true, detail: `${checked} field values on 6 fresh DRBGs matched the computed offsets` };
}
