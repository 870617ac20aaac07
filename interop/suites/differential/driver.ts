/**
 * The one interface every DRBG implementation under comparison sits behind: real OpenSSL
 * builds (system libcrypto 3, libssl1.1, Node 16's 1.1.1, OpenSSL 3.1 in WebAssembly) and
 * randshim's own engine. A differential case is a configuration plus a sequence of steps; every
 * driver runs it against a deterministic seed source and reports, per step, the return status,
 * output bytes, error reasons, state and (where observable) how the source was asked for
 * entropy and nonces. Cases travel in batches so that child-process and FFI drivers can run a
 * million cases in reasonable time.
 *
 * Seed-source semantics are the driver's flavour:
 * - `3.x`: the DRBG's parent is TEST-RAND (OpenSSL 3.0.1+). Every instantiate/reseed receives
 *   the whole current entropy buffer capped at max_len; the nonce (when min_noncelen > 0) comes
 *   from TEST-RAND's nonce function capped at max_noncelen; TEST-RAND reports no reseed counter.
 * - `1.1.1`: a parentless RAND_DRBG with get_entropy/get_nonce callbacks that return the whole
 *   current entropy / nonce buffer, whatever was asked; OpenSSL checks the length against
 *   [min_len, max_len] itself. Callback invocations are traced.
 */

export type MechanismName = 'CTR-DRBG' | 'HASH-DRBG' | 'HMAC-DRBG';

export type Flavor = '3.x' | '1.1.1';

/** A DRBG configuration, with OpenSSL 3's parameter names and values. */
export interface DrbgConfig {
  readonly mechanism: MechanismName;
  /** CTR: AES-128-CTR, AES-192-CTR or AES-256-CTR. */
  readonly cipher?: string;
  /** CTR: derivation function on (default) or off. */
  readonly useDf?: boolean;
  /** HASH / HMAC: an OpenSSL digest name (SHA1, SHA2-256, SHA2-512/224, SHA3-256, ...). */
  readonly digest?: string;
}

/**
 * One step of a case. Byte fields are lower-case hex so that cases serialize to JSON as they
 * are (for child processes, and for printing a reproduction).
 *
 * `entropy` / `nonce` on a step replace the source's buffers before the step runs and stay in
 * force for later steps (so a generate without `entropy` that reseeds automatically gets the
 * buffer last set). `pers` / `adin` absent means NULL; "" means a non-NULL empty buffer.
 */
export type Step =
  | {
    readonly op: 'instantiate';
    readonly entropy?: string;
    readonly nonce?: string;
    readonly pers?: string;
    readonly predictionResistance?: boolean;
    /** 3.x only: requested strength (default 0). */
    readonly strength?: number;
  }
  | {
    readonly op: 'reseed';
    readonly entropy?: string;
    readonly adin?: string;
    readonly predictionResistance?: boolean;
  }
  | {
    readonly op: 'generate';
    readonly outlen: number;
    readonly entropy?: string;
    readonly adin?: string;
    readonly predictionResistance?: boolean;
    /** 3.x only: requested strength (default 0). */
    readonly strength?: number;
  }
  | { readonly op: 'uninstantiate' };

export interface DiffCase {
  /** Identifies the case in reports (e.g. "seed 42 #1234"). */
  readonly id: string;
  readonly config: DrbgConfig;
  /** Generate requests between automatic reseeds; 0 (the default) disables them. */
  readonly reseedInterval?: number;
  readonly steps: readonly Step[];
}

/** How a seed source was asked (1.1.1 callbacks; 3.x TEST-RAND is not observable). */
export interface SourceCall {
  readonly kind: 'entropy' | 'nonce';
  /** Requested entropy in bits (`entropy` argument of the callback). */
  readonly entropy: number;
  readonly minLen: number;
  readonly maxLen: number;
  /** get_entropy only. */
  readonly predictionResistance?: boolean;
}

/** An error from the error queue: library and reason, by OpenSSL's macro suffix where known,
 * else the packed number in hex. */
export interface ReportedError {
  readonly lib: string;
  readonly reason: string;
  /** OpenSSL 1.1.1 packs a function code too (RAND_F_* suffix, e.g. RAND_DRBG_GENERATE). */
  readonly func?: string;
}

export interface StepResult {
  /** The C function's return value (1 / 0). */
  readonly ret: number;
  /** generate: the output buffer after the call (hex), when ret = 1. */
  readonly output?: string;
  /** EVP_RAND_STATE_* after the step, when the driver can observe it. */
  readonly state?: number;
  /** The error queue after the step, oldest first (then cleared), when observable. */
  readonly errors?: readonly ReportedError[];
  /** Source calls made during the step, in order, when observable. */
  readonly calls?: readonly SourceCall[];
}

export interface CaseResult {
  readonly id: string;
  /** False when the driver could not even set up the configuration. */
  readonly created: boolean;
  readonly steps: readonly StepResult[];
}

export interface OracleInfo {
  /** A build's name (interop/builds/registry.ts), or randshim's: randshim-3.x-node, ... */
  readonly name: string;
  readonly flavor: Flavor;
  /** The library or binary actually loaded. */
  readonly library: string;
  /** OpenSSL_version(OPENSSL_VERSION) as reported by the loaded library. */
  readonly version: string;
}

export interface Driver {
  readonly info: OracleInfo;
  /** Which configurations this driver can run (1.1.1 has only CTR). */
  supports(config: DrbgConfig): boolean;
  runBatch(cases: readonly DiffCase[]): Promise<CaseResult[]>;
  close(): Promise<void>;
}

/** Outcome of trying to bring up an oracle: a driver, or why not. */
export type Discovery =
  | { readonly name: string; readonly available: true; readonly driver: Driver }
  | { readonly name: string; readonly available: false; readonly reason: string };
