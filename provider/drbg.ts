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
import { decodeDrbgState, DrbgStateError, encodeDrbgState } from './openssl3/rands/state-transport.js';
import { captureErrors, DrbgError, throwOnFailure } from './err/queue.js';
import type { MechanismConfig } from './sp800-90a/index.js';
import type { DrbgLimits } from './sp800-90a/mechanism.js';
import { RandState, type RandImpl } from './openssl3/rands/rand-impl.js';
import { DrbgCtx, type DrbgCtxOptions } from './openssl3/rands/drbg.js';

export interface DrbgOptions extends Omit<DrbgCtxOptions, 'mechanism' | 'parent'> {
  readonly mechanism: MechanismConfig;
  /** The seed source: another Drbg, TEST-RAND, SEED-SRC, or null/absent for the OS. */
  readonly parent?: Drbg | RandImpl | null;
  /** Generate requests between automatic reseeds (0: never). Default 256. */
  readonly reseedInterval?: number;
  /** Seconds between automatic reseeds (0: never). Default 3600. */
  readonly reseedTimeInterval?: number;
  /** Prediction resistance on every generate (reseed from the source first). Default false. */
  readonly predictionResistance?: boolean;
}

export interface ImportStateOptions extends Omit<DrbgOptions, 'mechanism'> {
  /** Reseed before the first output (default true). False trusts that no other copy of this
   * state will ever run: only for demonstrating what goes wrong otherwise. */
  readonly reseedBeforeUse?: boolean;
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
  readonly mechanism: MechanismConfig;

  constructor(options: DrbgOptions) {
    const parent = options.parent instanceof Drbg ? options.parent.ctx : options.parent ?? null;
    const { result: ctx, raised } = captureErrors(() => DrbgCtx.create({ ...options, parent }));
    if (ctx === null) throw new DrbgError(raised);
    if (options.reseedInterval !== undefined) ctx.reseedInterval = checkCount(options.reseedInterval);
    if (options.reseedTimeInterval !== undefined) ctx.reseedTimeInterval = options.reseedTimeInterval;
    ctx.predictionResistanceAlways = options.predictionResistance ?? false;
    this.ctx = ctx;
    this.mechanism = options.mechanism;
  }

  /**
   * Restores a state exported by {@link exportState}, under `options.parent` (or the OS). It
   * reseeds before its first output unless `reseedBeforeUse` is false; if that reseed fails,
   * generate throws and nothing is output. Throws {@link DrbgStateError} for bytes that are not
   * a restorable state.
   */
  static importState(bytes: Uint8Array, options: ImportStateOptions = {}): Drbg {
    const { header, working } = decodeDrbgState(bytes);
    const drbg = new Drbg({
      ...options,
      mechanism: header.mechanism,
      reseedInterval: options.reseedInterval ?? header.reseedInterval,
      reseedTimeInterval: options.reseedTimeInterval ?? header.reseedTimeInterval,
    });
    if (!drbg.ctx.importWorkingState(working, header, options.reseedBeforeUse ?? true)) {
      drbg.ctx.free();
      throw new DrbgStateError('WORKING_STATE_MISMATCH', `the working state (${working.length} bytes) does not fit ${describe(header.mechanism)}`);
    }
    return drbg;
  }

  /**
   * The DRBG's state as bytes (see openssl3/rands/state-transport.ts): secret, so wipe them once restored.
   * Only a READY DRBG can be exported.
   */
  exportState(): Uint8Array {
    const ctx = this.ctx;
    const working = ctx.state === RandState.READY ? ctx.exportWorkingState() : null;
    if (working === null) throw new DrbgStateError('NOT_INSTANTIATED', 'only an instantiated (READY) DRBG can be exported');
    try {
      return encodeDrbgState({
        mechanism: this.mechanism, state: ctx.state, generateCounter: ctx.generateCounter,
        reseedInterval: ctx.reseedInterval, reseedTime: ctx.reseedTime, reseedTimeInterval: ctx.reseedTimeInterval,
        reseedCounter: ctx.reseedCounter,
      }, working);
    } finally {
      working.fill(0);
    }
  }

  /** The next generate reseeds first (Mbed TLS's psa_random_deplete, for this DRBG). */
  deplete(): void {
    this.ctx.deplete();
  }

  /** Prediction resistance on every generate, whatever each call asks. */
  get predictionResistance(): boolean {
    return this.ctx.predictionResistanceAlways;
  }

  set predictionResistance(on: boolean) {
    this.ctx.predictionResistanceAlways = on;
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

function describe(m: MechanismConfig): string {
  return m.type === 'CTR-DRBG' ? `${m.type} ${m.cipher}${m.useDf === false ? ' no-df' : ''}` : `${m.type} ${m.digest}`;
}

function checkLength(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`output length must be a non-negative integer, got ${n}`);
  return n;
}

function checkCount(n: number): number {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`reseed interval must be a uint32, got ${n}`);
  return n;
}
