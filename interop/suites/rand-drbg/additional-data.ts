/**
 * Proof of RAND_DRBG_bytes' additional data against real OpenSSL 1.1.1, whose three fields
 * (getpid(), pthread_self(), get_timer_bits()) are not reproducible by a test directly: the
 * oracle reports its pid and thread id, and brackets each RAND_DRBG_bytes call with the CPU's
 * time-stamp counter; randshim, with its environment pinned to that pid and thread id, then
 * tries each timer value of the bracket until its own RAND_DRBG_bytes gives C's output bytes.
 * A match fixes the layout (which field goes where, the zero padding, the 24-byte length), the
 * width of the timer (all 64 bits of the counter, or only the low 32 as the uint32_t prototype of
 * OPENSSL_rdtsc suggests), and, on a two-chunk call, that every chunk gets the same bytes.
 *
 * The DRBG is AES-128 without derivation function, so the additional data is XORed straight
 * into the state: every bit of it shows in the output.
 */
import type { RawCall, RawResult } from '../raw-calls-111/calls.js';
import type { Oracle111 } from '../../builds/openssl111/oracle.js';
import { fromHex, toHex } from '../../../provider/bytes.js';
import { Rand111Context } from '../../../provider/openssl111/drbg-context.js';
import { RandDrbg } from '../../../provider/openssl111/drbg-lib.js';
import { bytes, NID_128, NO_DF } from './scenario.js';

const ENTROPY = bytes(32, 0x5a);
const MEASURED = ['d1', 'd2', 'd3'];
/** Candidates tried per call at most (the bracket is a few thousand cycles when warm). */
const MAX_CANDIDATES = 1 << 17;

const fresh = (name: string): RawCall[] => [
  { fn: 'RAND_DRBG_new', type: NID_128, flags: NO_DF, bind: name },
  { fn: 'RAND_DRBG_set_callbacks', drbg: name, source: 'ad' },
  { fn: 'RAND_DRBG_instantiate', drbg: name, pers: '' },
];

/** The oracle's calls: a warm-up, three one-chunk measurements, one two-chunk measurement. */
export const ADDITIONAL_DATA_CALLS: readonly RawCall[] = [
  { fn: 'source', name: 'ad', entropy: ENTROPY },
  ...fresh('warm'), ...MEASURED.flatMap(fresh), ...fresh('chunks'),
  { fn: 'RAND_DRBG_bytes', drbg: 'warm', outlen: 16, tsc: true },
  { fn: 'getpid' },
  { fn: 'CRYPTO_THREAD_get_current_id' },
  ...MEASURED.map((drbg): RawCall => ({ fn: 'RAND_DRBG_bytes', drbg, outlen: 16, tsc: true })),
  { fn: 'RAND_DRBG_bytes', drbg: 'chunks', outlen: 65536 + 16, tsc: true },
];

export interface AdditionalDataProof {
  readonly oracle: string;
  readonly pid: number;
  readonly threadId: number;
  /** The timer value that reproduced C's one-chunk output, and how it relates to the TSC read. */
  readonly timer?: bigint;
  /** 'low32' when only the counter's low 32 bits (zero-extended) reproduce C, 'full' for all 64. */
  readonly timerWidth?: 'low32' | 'full';
  readonly candidatesTried: number;
  /** The two-chunk call (65536 + 16 bytes) reproduced with one timer value for both chunks. */
  readonly chunksReproduced: boolean;
  /** C's outputs that were reproduced, with the timer value that did it. */
  readonly reproduced: readonly { readonly timer: bigint; readonly output: string }[];
  readonly detail: string;
}

/** randshim's RAND_DRBG_bytes output for the environment (pid, thread id, timer). */
function randshimBytes(pid: number, threadId: number, timer: bigint, outlen: number): Uint8Array {
  const context = new Rand111Context({ forkId: () => pid, threadId: () => threadId, timerBits: () => timer, clock: () => 0 });
  const drbg = RandDrbg.create(context, NID_128, NO_DF, null)!;
  const entropy = fromHex(ENTROPY);
  drbg.setCallbacks(() => Uint8Array.from(entropy), null, null, null);
  drbg.instantiate(new Uint8Array(0));
  const out = new Uint8Array(outlen);
  if (!drbg.bytes(out)) throw new Error('randshim RAND_DRBG_bytes failed');
  drbg.free();
  return out;
}

/**
 * Searches [before, after] (both 64-bit readings) for the timer value, as `width`. A candidate
 * is tried on the first 16 bytes (CTR output does not depend on the request length, so a
 * 16-byte request shows the first block of a longer one), then confirmed on the whole output.
 */
function search(r: RawResult, pid: number, threadId: number, width: 'low32' | 'full'): { timer?: bigint; tried: number } {
  if (r.tsc === undefined || r.output === undefined) throw new Error('RAND_DRBG_bytes reported no tsc / output');
  const before = BigInt(r.tsc[0]);
  const after = BigInt(r.tsc[1]);
  const outlen = r.output.length / 2;
  const prefix = r.output.slice(0, 32);
  let tried = 0;
  for (let t = before; t <= after && tried < MAX_CANDIDATES; t++) {
    tried++;
    const timer = width === 'low32' ? t & 0xffffffffn : t;
    if (toHex(randshimBytes(pid, threadId, timer, 16)) !== prefix) continue;
    if (toHex(randshimBytes(pid, threadId, timer, outlen)) === r.output) return { timer, tried };
  }
  return { tried };
}

export async function proveAdditionalData(oracle: Oracle111): Promise<AdditionalDataProof> {
  const results = await oracle.runRaw(ADDITIONAL_DATA_CALLS);
  const pid = results.find((r) => r.fn === 'getpid')?.value ?? -1;
  const threadId = results.find((r) => r.fn === 'CRYPTO_THREAD_get_current_id')?.value ?? -1;
  const measured = results.filter((r) => r.fn === 'RAND_DRBG_bytes' && r.tsc !== undefined).slice(1);
  const single = measured.slice(0, MEASURED.length).filter((r) => r.ret === 1)
    .sort((a, b) => Number((BigInt(a.tsc![1]) - BigInt(a.tsc![0])) - (BigInt(b.tsc![1]) - BigInt(b.tsc![0]))))[0];
  const base = { oracle: oracle.info.name, pid, threadId };
  if (single === undefined) {
    return { ...base, candidatesTried: 0, chunksReproduced: false, reproduced: [], detail: 'no successful RAND_DRBG_bytes' };
  }
  let tried = 0;
  for (const width of ['low32', 'full'] as const) {
    const found = search(single, pid, threadId, width);
    tried += found.tried;
    if (found.timer === undefined) continue;
    const chunked = measured[MEASURED.length];
    const c = search(chunked, pid, threadId, width);
    tried += c.tried;
    const span = BigInt(single.tsc![1]) - BigInt(single.tsc![0]);
    // the other reading of the same counter value must not reproduce it
    const raw = BigInt(single.tsc![0]) + BigInt(found.tried - 1);
    const other = width === 'low32' ? raw : raw & 0xffffffffn;
    if (other !== found.timer && toHex(randshimBytes(pid, threadId, other, single.output!.length / 2)) === single.output) {
      return { ...base, candidatesTried: tried, chunksReproduced: false, reproduced: [], detail: 'both timer widths reproduce C: inconclusive' };
    }
    return {
      ...base, timer: found.timer, timerWidth: width, candidatesTried: tried, chunksReproduced: c.timer !== undefined,
      reproduced: [{ timer: found.timer, output: single.output! },
        ...(c.timer !== undefined ? [{ timer: c.timer, output: chunked.output! }] : [])],
      detail: `timer ${width === 'low32' ? 'low 32 bits' : 'all 64 bits'} of the TSC, ${found.tried} cycles after the ` +
        `reading before the call (bracket ${span} cycles); two-chunk call ${c.timer !== undefined
          ? `reproduced after ${c.tried} candidates` : 'not reproduced'}`,
    };
  }
  return { ...base, candidatesTried: tried, chunksReproduced: false, reproduced: [], detail: `no timer value in the bracket reproduced C's output` };
}
