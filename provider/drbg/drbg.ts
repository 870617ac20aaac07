/**
 * The idiomatic face of the generic DRBG: the same engine as {@link DrbgCtx}, with options
 * objects and typed exceptions ({@link DrbgError}) instead of return codes and an error queue.
 *
 * @example
 * const parent = TestRand.create(256, entropy, nonce);
 * parent.instantiate(256);
 * const drbg = new Drbg({ mechanism: { type: 'CTR-DRBG', cipher: 'AES-256-CTR' }, parent });
 * drbg.instantiate({ personalization: new Uint8Array(0) });
 * const bytes = drbg.generate(64);
 */
import { captureErrors, DrbgError, throwOnFailure } from '../errors.js';
import type { MechanismConfig } from '../mechanisms/index.js';
import type { DrbgLimits } from '../mechanisms/mechanism.js';
import type { RandImpl, RandState } from '../rand.js';
import { DrbgCtx, type DrbgCtxOptions } from './ctx.js';

export interface DrbgOptions extends Omit<DrbgCtxOptions, 'mechanism' | 'parent'> {
  readonly mechanism: MechanismConfig;
  /** The seed source: another Drbg, TEST-RAND, SEED-SRC, or null/absent for the OS. */
  readonly parent?: Drbg | RandImpl | null;
  /** Generate requests between automatic reseeds (0: never). Default 256. */
  readonly reseedInterval?: number;
  /** Seconds between automatic reseeds (0: never). Default 3600. */
  readonly reseedTimeInterval?: number;
}

export interface InstantiateOptions {
  /** Requested security strength in bits; refused when above the DRBG's. Default 0. */
  readonly strength?: number;
  readonly predictionResistance?: boolean;
  /** Personalization string. Absent or null: OpenSSL's 29-byte default; pass an empty array
   * for none. */
  readonly personalization?: Uint8Array | null;
}

export interface ReseedOptions {
  readonly predictionResistance?: boolean;
  /** Caller-supplied entropy: mixed in by an extra reseed before the usual one (in FIPS mode
   * only as additional input). */
  readonly entropy?: Uint8Array | null;
  readonly additionalInput?: Uint8Array | null;
}

export interface GenerateOptions {
  readonly strength?: number;
  readonly predictionResistance?: boolean;
  readonly additionalInput?: Uint8Array | null;
}

export class Drbg {
  /** The OpenSSL-semantics engine underneath. */
  readonly ctx: DrbgCtx;

  constructor(options: DrbgOptions) {
    const parent = options.parent instanceof Drbg ? options.parent.ctx : options.parent ?? null;
    const { result: ctx, raised } = captureErrors(() => DrbgCtx.create({ ...options, parent }));
    if (ctx === null) throw new DrbgError(raised);
    if (options.reseedInterval !== undefined) ctx.reseedInterval = checkCount(options.reseedInterval);
    if (options.reseedTimeInterval !== undefined) ctx.reseedTimeInterval = options.reseedTimeInterval;
    this.ctx = ctx;
  }

  get state(): RandState {
    return this.ctx.state;
  }

  get limits(): DrbgLimits {
    return this.ctx.drbgLimits;
  }

  get strength(): number {
    return this.ctx.strength;
  }

  instantiate(options: InstantiateOptions = {}): void {
    throwOnFailure(() => this.ctx.instantiate(options.strength ?? 0, options.predictionResistance ?? false,
      options.personalization ?? null));
  }

  reseed(options: ReseedOptions = {}): void {
    throwOnFailure(() => this.ctx.reseed(options.predictionResistance ?? false, options.entropy ?? null,
      options.additionalInput ?? null));
  }

  /**
   * One generate request: fills `out` (or a new array of `out` bytes). A request longer than
   * max_request (65536) is refused with REQUEST_TOO_LARGE_FOR_DRBG, as SP 800-90A requires; on
   * any failure the output buffer is zeroed so no predictable bytes escape.
   */
  generate(out: Uint8Array | number, options: GenerateOptions = {}): Uint8Array {
    const buffer = typeof out === 'number' ? new Uint8Array(checkLength(out)) : out;
    try {
      throwOnFailure(() => this.ctx.generate(buffer, options.strength ?? 0, options.predictionResistance ?? false,
        options.additionalInput ?? null));
    } catch (e) {
      buffer.fill(0);
      throw e;
    }
    return buffer;
  }

  uninstantiate(): void {
    throwOnFailure(() => this.ctx.uninstantiate());
  }

  /** True when the secret working state is all zeros (after uninstantiate). */
  verifyZeroization(): boolean {
    return this.ctx.verifyZeroization();
  }
}

function checkLength(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`output length must be a non-negative integer, got ${n}`);
  return n;
}

function checkCount(n: number): number {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`reseed interval must be a uint32, got ${n}`);
  return n;
}
