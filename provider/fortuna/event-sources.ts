/**
 * Where a randshim Fortuna's events come from, modelled on mirage-crypto-rng 0.10.7's
 * rng/entropy.ml and the way Mirage_crypto_rng_unix / _lwt start it:
 *
 * - frameEvent: Entropy.header, [source; length] || data (the framing `add` uses for events);
 * - whirlwindBootstrap: Entropy.whirlwind_bootstrap, 100 samples of the low 16 bits of a
 *   high-resolution clock (there the cycle counter; here process.hrtime.bigint()), each
 *   followed by a data-dependent busy loop of (sample mod 1024) steps, so that the execution-time
 *   variability of identical instructions shows up in the next sample (the Whirlwind RNG idea);
 *   framed with its source id (202 bytes). JavaScript has no RDSEED, so `bootstrap`, which
 *   prefers the CPU RNG, is this in randshim, as in 0.10.7 on CPUs without one;
 * - bootstrapSeed: the seed `initialize` passes to `create ~seed`: the frames of
 *   [bootstrap 0; whirlwind 1; bootstrap 2; getrandom 3 (128 OS bytes)], concatenated;
 * - jitterSample: Entropy.interrupt_hook, the low 32 bits of the clock, little-endian (4 bytes),
 *   one event per event-loop turn (EventLoopJitter);
 * - feedPools: Entropy.feed_pools, one event per pool from a new handle (the periodic
 *   getrandom task: 8 OS bytes per pool).
 *
 * These are accumulators of unpredictability, not a certified entropy source (no health tests,
 * no entropy estimate, SP 800-90B plays no part): their worth is that several independent ones
 * feed the pools, and an attacker must control all of them to predict the output.
 */
import { concatBytes, writeU32LE } from '../bytes.js';
import { kernelRandom } from '../platform/os-entropy.js';
import { FORTUNA_POOLS } from './pools.js';
import type { Fortuna } from './fortuna.js';

/** Source ids of randshim's event sources (0..3 are the bootstrap frames' positions, as in
 * `List.mapi (fun i f -> f i)`). */
export const FORTUNA_SOURCE = {
  /** Event-loop timing jitter (EventLoopJitter). */
  jitter: 4,
  /** OS entropy fed periodically or on demand. */
  os: 5,
  /** Caller events (RAND_add, RAND_seed, addEvent from the application). */
  caller: 6,
} as const;

/** Entropy.header: [source; data length] (each modulo 256) followed by `data`. */
export function frameEvent(source: number, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + 2);
  out[0] = source & 0xff;
  out[1] = data.length & 0xff;
  out.set(data, 2);
  return out;
}

/** Reads the high-resolution clock: process.hrtime.bigint() in Node. */
export type NanoClock = () => bigint;

const hrtimeClock: NanoClock = () => process.hrtime.bigint();

/** Entropy.whirlwind_bootstrap with `clock` for the cycle counter. */
export function whirlwindBootstrap(source: number, clock: NanoClock = hrtimeClock): Uint8Array {
  const outer = 100;
  const innerMax = 1024;
  const frame = new Uint8Array(outer * 2 + 2);
  let a = 0;
  for (let i = 0; i < outer; i++) {
    const tsc = Number(clock() & 0xffffffn);
    frame[(i + 1) * 2] = tsc & 0xff;
    frame[(i + 1) * 2 + 1] = (tsc >> 8) & 0xff;
    const steps = tsc % innerMax;
    for (let j = 1; j <= steps; j++) a = ((tsc / j) | 0) - a * i + 1;
  }
  frame[0] = source & 0xff;
  frame[1] = (frame.length - 2) & 0xff;
  whirlwindSink ^= a;
  return frame;
}

/** Where the busy loop's result goes, so that no engine may drop the loop as dead code. */
let whirlwindSink = 0;

/** Reads `n` bytes from the OS, or null when it cannot. */
export type OsBytes = (n: number) => Uint8Array | null;

const kernelBytes: OsBytes = (n) => kernelRandom(new Uint8Array(n));

/** The frame of 128 OS bytes with `source` (getrandom_init); null when the OS gives none. */
export function osFrame(source: number, length = 128, os: OsBytes = kernelBytes): Uint8Array | null {
  const data = os(length);
  if (data === null || data.length !== length) return null;
  const frame = frameEvent(source, data);
  data.fill(0);
  return frame;
}

/** The seed of Mirage_crypto_rng_unix.initialize: bootstrap 0, whirlwind 1, bootstrap 2,
 * getrandom 3, concatenated; null when the OS gives nothing. */
export function bootstrapSeed(clock: NanoClock = hrtimeClock, os: OsBytes = kernelBytes): Uint8Array | null {
  const fromOs = osFrame(3, 128, os);
  if (fromOs === null) return null;
  const frames = [whirlwindBootstrap(0, clock), whirlwindBootstrap(1, clock), whirlwindBootstrap(2, clock), fromOs];
  const seed = concatBytes(...frames);
  for (const f of frames) f.fill(0);
  return seed;
}

/** Entropy.interrupt_hook: the low 32 bits of the clock, little-endian. */
export function jitterSample(clock: NanoClock = hrtimeClock): Uint8Array {
  const out = new Uint8Array(4);
  writeU32LE(out, 0, Number(clock() & 0xffffffffn));
  return out;
}

/** Entropy.feed_pools: a new handle of `source`, called once per pool with `next()`. */
export function feedPools(fortuna: Fortuna, source: number, next: () => Uint8Array): void {
  const handle = fortuna.accumulate(source);
  for (let i = 0; i < FORTUNA_POOLS; i++) {
    const data = next();
    handle(data);
    data.fill(0);
  }
}

/** The periodic getrandom task of Mirage_crypto_rng_lwt: 8 OS bytes into each pool. */
export function feedPoolsFromOs(fortuna: Fortuna, perPool = 8): void {
  feedPools(fortuna, FORTUNA_SOURCE.os, () => kernelRandom(new Uint8Array(perPool)));
}

/**
 * Event-loop jitter, the counterpart of Mirage_crypto_rng_lwt's `timer_accumulator` hooked on
 * every Lwt main-loop iteration: an unref'd interval timer (it never keeps the process alive)
 * whose every turn adds one jitterSample through one handle (so the samples go round the pools).
 * What varies is when the event loop gets to the timer, measured in nanoseconds.
 */
export class EventLoopJitter {
  private timer: ReturnType<typeof setInterval> | null = null;
  private handle: ((data: Uint8Array) => void) | null = null;
  /** Samples taken since start. */
  samples = 0;

  constructor(private readonly fortuna: Fortuna, private readonly periodMs = 10, private readonly clock: NanoClock = hrtimeClock) {}

  start(): this {
    if (this.timer !== null) return this;
    this.handle = this.fortuna.accumulate(FORTUNA_SOURCE.jitter);
    this.timer = setInterval(() => this.sample(), this.periodMs);
    this.timer.unref();
    return this;
  }

  /** One sample now (also what each timer turn does). */
  sample(): void {
    if (this.handle === null) this.handle = this.fortuna.accumulate(FORTUNA_SOURCE.jitter);
    const s = jitterSample(this.clock);
    this.handle(s);
    s.fill(0);
    this.samples++;
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
