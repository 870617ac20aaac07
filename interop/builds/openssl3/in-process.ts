/**
 * The `system-3` oracle: the system's OpenSSL 3 libcrypto (Debian libssl3), driven in-process
 * through interop/ffi with RTLD_DEEPBIND, behind the {@link Driver} interface. It mirrors
 * interop/suites/differential/randshim-driver.ts (runCase3x) call for call:
 *
 * - per case, a fresh TEST-RAND parent (providers/implementations/rands/test_rng.c) with
 *   strength 256, instantiated, and a child EVP_RAND_CTX of the configured mechanism with its
 *   parameters (CTR: cipher + use_derivation_function; HASH: digest; HMAC: mac "HMAC" + digest)
 *   and reseed_requests = case.reseedInterval ?? 0, reseed_time_interval = 0, in one
 *   EVP_RAND_CTX_set_params call;
 * - per step, the parent's test_entropy (and test_nonce on instantiate) when the step carries
 *   them, then EVP_RAND_instantiate / EVP_RAND_reseed (no entropy buffer) / EVP_RAND_generate /
 *   EVP_RAND_uninstantiate (crypto/evp/evp_rand.c), then EVP_RAND_get_state and the error
 *   queue (drained, so every step starts clean).
 */
import { existsSync } from 'node:fs';
import { fromHex, toHex } from '../../../provider/bytes.js';
import type { CaseResult, DiffCase, Discovery, Driver, DrbgConfig, OracleInfo, ReportedError, StepResult } from '../../suites/differential/driver.js';
import {
  loadLibCrypto3, ParamArrays, provenance, provenanceProblem, SYSTEM_LIBCRYPTO3,
  type EngineName, type LibCrypto3, type ParamEntry, type Pointer, type Provenance,
} from '../../ffi/index.js';
import { drainErrors3 } from './error-names.js';

export interface System3Options {
  /** FFI engine (default koffi). */
  readonly engine?: EngineName;
  /** Library path (default the system libcrypto.so.3). */
  readonly path?: string;
}

export interface System3Driver extends Driver {
  /** What shows that the library answering is the one asked for, not Node's bundled copy. */
  readonly evidence: Provenance;
  /**
   * What the error queue held after a failed setup (a case reported with `created: false`),
   * for cases of the latest batch; undefined for cases that were created. OpenSSL's reasons,
   * e.g. an unknown digest: [{ lib: 'EVP', reason: 'UNSUPPORTED' }, ...].
   */
  setupErrors(caseId: string): readonly ReportedError[] | undefined;
}

const FETCH_NAMES = ['TEST-RAND', 'CTR-DRBG', 'HASH-DRBG', 'HMAC-DRBG'] as const;

/** The EVP_RAND_CTX_set_params entries for a configuration, as configParams() in
 * randshim-driver.ts, plus the reseed settings. */
export function configEntries(config: DrbgConfig, reseedInterval: number): ParamEntry[] {
  const entries: ParamEntry[] = [];
  if (config.mechanism === 'CTR-DRBG') {
    entries.push(['use_derivation_function', { type: 'int', value: config.useDf === false ? 0 : 1 }]);
    if (config.cipher !== undefined) entries.push(['cipher', { type: 'utf8', value: config.cipher }]);
  } else {
    if (config.digest !== undefined) entries.push(['digest', { type: 'utf8', value: config.digest }]);
    if (config.mechanism === 'HMAC-DRBG') entries.push(['mac', { type: 'utf8', value: 'HMAC' }]);
  }
  entries.push(['reseed_requests', { type: 'uint', value: reseedInterval >>> 0 }]);
  entries.push(['reseed_time_interval', { type: 'uint', value: 0 }]);
  return entries;
}

class System3 implements System3Driver {
  readonly info: OracleInfo;
  readonly evidence: Provenance;
  private readonly params: ParamArrays;
  private readonly rands = new Map<string, Pointer>();
  private readonly configParams = new Map<string, Pointer>();
  private readonly parentParams: Pointer;
  private failures = new Map<string, readonly ReportedError[]>();
  private out = new Uint8Array(1024);
  private closed = false;

  constructor(private readonly crypto: LibCrypto3, evidence: Provenance, engine: EngineName) {
    this.evidence = evidence;
    this.info = {
      name: engine === 'koffi' ? 'system-3' : `system-3-${engine}`,
      flavor: '3.x',
      library: evidence.file ?? crypto.path ?? 'unknown',
      version: evidence.version,
    };
    this.params = new ParamArrays(crypto);
    this.parentParams = this.params.build([['strength', { type: 'uint', value: 256 }]]);
  }

  supports(config: DrbgConfig): boolean {
    return config.mechanism === 'CTR-DRBG' || config.mechanism === 'HASH-DRBG' || config.mechanism === 'HMAC-DRBG';
  }

  async runBatch(cases: readonly DiffCase[]): Promise<CaseResult[]> {
    if (this.closed) throw new Error('system-3 driver is closed');
    this.failures = new Map();
    return cases.map((c) => this.runCase(c));
  }

  setupErrors(caseId: string): readonly ReportedError[] | undefined {
    return this.failures.get(caseId);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const c = this.crypto;
    for (const p of this.configParams.values()) this.params.free(p);
    this.params.free(this.parentParams);
    this.params.close();
    for (const r of this.rands.values()) c.EVP_RAND_free(r);
  }

  /** EVP_RAND_fetch(NULL, name, NULL), once per driver. */
  private rand(name: (typeof FETCH_NAMES)[number]): Pointer {
    let r = this.rands.get(name);
    if (r === undefined) {
      r = this.crypto.EVP_RAND_fetch(0n, name, null);
      if (r === 0n) throw new Error(`EVP_RAND_fetch(${name}) failed: ${JSON.stringify(drainErrors3(this.crypto))}`);
      this.rands.set(name, r);
    }
    return r;
  }

  private configArray(config: DrbgConfig, reseedInterval: number): Pointer {
    const key = JSON.stringify([config.mechanism, config.cipher, config.useDf, config.digest, reseedInterval]);
    let p = this.configParams.get(key);
    if (p === undefined) {
      p = this.params.build(configEntries(config, reseedInterval));
      this.configParams.set(key, p);
    }
    return p;
  }

  private output(length: number): Uint8Array {
    if (this.out.length < length) this.out = new Uint8Array(Math.max(length, 2 * this.out.length));
    return this.out.subarray(0, length);
  }

  private runCase(c: DiffCase): CaseResult {
    const crypto = this.crypto;
    crypto.ERR_clear_error();
    const parent = crypto.EVP_RAND_CTX_new(this.rand('TEST-RAND'), 0n);
    if (parent === 0n) throw new Error(`EVP_RAND_CTX_new(TEST-RAND) failed: ${JSON.stringify(drainErrors3(crypto))}`);
    let child: Pointer = 0n;
    try {
      if (crypto.EVP_RAND_instantiate(parent, 0, 0, null, 0, this.parentParams) !== 1) {
        throw new Error(`TEST-RAND instantiate failed: ${JSON.stringify(drainErrors3(crypto))}`);
      }
      if (!this.supports(c.config)) {
        this.failures.set(c.id, [{ lib: 'randshim', reason: `unknown mechanism ${String(c.config.mechanism)}` }]);
        return { id: c.id, created: false, steps: [] };
      }
      child = crypto.EVP_RAND_CTX_new(this.rand(c.config.mechanism), parent);
      const created = child !== 0n
        && crypto.EVP_RAND_CTX_set_params(child, this.configArray(c.config, c.reseedInterval ?? 0)) === 1;
      const setupErrors = drainErrors3(crypto);
      if (!created) {
        this.failures.set(c.id, setupErrors);
        return { id: c.id, created: false, steps: [] };
      }
      const steps: StepResult[] = [];
      for (const step of c.steps) steps.push(this.runStep(parent, child, step));
      return { id: c.id, created: true, steps };
    } finally {
      if (child !== 0n) crypto.EVP_RAND_CTX_free(child);
      crypto.EVP_RAND_CTX_free(parent);
      crypto.ERR_clear_error();
    }
  }

  private runStep(parent: Pointer, child: Pointer, step: DiffCase['steps'][number]): StepResult {
    const crypto = this.crypto;
    if (step.op !== 'uninstantiate') {
      const entries: ParamEntry[] = [];
      if (step.entropy !== undefined) entries.push(['test_entropy', { type: 'octets', value: fromHex(step.entropy) }]);
      if (step.op === 'instantiate' && step.nonce !== undefined) {
        entries.push(['test_nonce', { type: 'octets', value: fromHex(step.nonce) }]);
      }
      if (entries.length > 0) {
        const p = this.params.build(entries);
        const ok = crypto.EVP_RAND_CTX_set_params(parent, p);
        this.params.free(p);
        if (ok !== 1) throw new Error(`TEST-RAND set_params failed: ${JSON.stringify(drainErrors3(crypto))}`);
      }
    }
    let ret: number;
    let out: Uint8Array | undefined;
    switch (step.op) {
      case 'instantiate': {
        const pers = bytesOrNull(step.pers);
        ret = crypto.EVP_RAND_instantiate(child, step.strength ?? 0, step.predictionResistance === true ? 1 : 0,
          pers, pers?.length ?? 0, 0n);
        break;
      }
      case 'reseed': {
        const adin = bytesOrNull(step.adin);
        ret = crypto.EVP_RAND_reseed(child, step.predictionResistance === true ? 1 : 0, null, 0, adin, adin?.length ?? 0);
        break;
      }
      case 'generate': {
        const adin = bytesOrNull(step.adin);
        out = this.output(step.outlen);
        out.fill(0);
        ret = crypto.EVP_RAND_generate(child, out, step.outlen, step.strength ?? 0,
          step.predictionResistance === true ? 1 : 0, adin, adin?.length ?? 0);
        break;
      }
      case 'uninstantiate':
        ret = crypto.EVP_RAND_uninstantiate(child);
        break;
      default:
        throw new TypeError(`unknown step ${JSON.stringify(step)}`);
    }
    return {
      ret,
      ...(ret === 1 && out !== undefined ? { output: toHex(out) } : {}),
      state: crypto.EVP_RAND_get_state(child),
      errors: drainErrors3(crypto),
    };
  }
}

function bytesOrNull(hex: string | undefined): Uint8Array | null {
  return hex === undefined ? null : fromHex(hex);
}

/** Loads the library and checks that it is the one asked for, running its own code
 * (interop/builds/openssl3/provenance.ts). Throws on failure. */
export function createSystem3Driver(options: System3Options = {}): System3Driver {
  const engine = options.engine ?? 'koffi';
  const path = options.path ?? SYSTEM_LIBCRYPTO3;
  const crypto = loadLibCrypto3({ engine, path });
  const evidence = provenance(crypto);
  const problem = provenanceProblem(evidence, path);
  if (problem !== null) throw new Error(problem);
  if (!/^OpenSSL [34]\./.test(evidence.version)) throw new Error(`${path} is not OpenSSL 3 or 4: ${evidence.version}`);
  return new System3(crypto, evidence, engine);
}

/** Brings the system-3 oracle up, or says why not. Never throws. */
export function discoverSystem3(options: System3Options = {}): Discovery {
  const engine = options.engine ?? 'koffi';
  const name = engine === 'koffi' ? 'system-3' : `system-3-${engine}`;
  const path = options.path ?? SYSTEM_LIBCRYPTO3;
  try {
    if (!existsSync(path)) return { name, available: false, reason: `library missing: ${path}` };
    return { name, available: true, driver: createSystem3Driver({ engine, path }) };
  } catch (e) {
    return { name, available: false, reason: `cannot load ${path} through ${engine}: ${e instanceof Error ? e.message : String(e)}` };
  }
}
