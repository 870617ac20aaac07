/**
 * The differential cases (./driver.ts) in the `3.x` flavour on a real OpenSSL 3 libcrypto loaded
 * in this process, behind the {@link Driver} interface. It mirrors ./run-randshim.ts
 * (runCase3x) call for call:
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
import { fromHex, hexOrNull, toHex } from '../../../provider/bytes.js';
import type { CaseResult, DiffCase, Driver, DrbgConfig, OracleInfo, ReportedError, StepResult } from './driver.js';
import { ParamArrays, type LibCrypto3, type ParamEntry, type Pointer, type Provenance } from '../../builds/openssl3/index.js';
import { drainErrors3 } from '../../builds/openssl3/error-names.js';
import type { InProcessLibcrypto3 } from '../../builds/openssl3/in-process.js';

export interface Libcrypto3Driver extends Driver {
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
 * run-randshim.ts, plus the reseed settings. */
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

class Libcrypto3 implements Libcrypto3Driver {
  readonly info: OracleInfo;
  readonly evidence: Provenance;
  private readonly params: ParamArrays;
  private readonly rands = new Map<string, Pointer>();
  private readonly configParams = new Map<string, Pointer>();
  private readonly parentParams: Pointer;
  private failures = new Map<string, readonly ReportedError[]>();
  private out = new Uint8Array(1024);
  private closed = false;

  private readonly crypto: LibCrypto3;

  constructor(build: InProcessLibcrypto3, name: string) {
    this.crypto = build.crypto;
    this.evidence = build.evidence;
    this.info = { name, flavor: '3.x', library: build.evidence.file ?? build.path, version: build.evidence.version };
    this.params = new ParamArrays(this.crypto);
    this.parentParams = this.params.build([['strength', { type: 'uint', value: 256 }]]);
  }

  supports(config: DrbgConfig): boolean {
    return config.mechanism === 'CTR-DRBG' || config.mechanism === 'HASH-DRBG' || config.mechanism === 'HMAC-DRBG';
  }

  async runBatch(cases: readonly DiffCase[]): Promise<CaseResult[]> {
    if (this.closed) throw new Error(`${this.info.name} driver is closed`);
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
        const pers = hexOrNull(step.pers);
        ret = crypto.EVP_RAND_instantiate(child, step.strength ?? 0, step.predictionResistance === true ? 1 : 0,
          pers, pers?.length ?? 0, 0n);
        break;
      }
      case 'reseed': {
        const adin = hexOrNull(step.adin);
        ret = crypto.EVP_RAND_reseed(child, step.predictionResistance === true ? 1 : 0, null, 0, adin, adin?.length ?? 0);
        break;
      }
      case 'generate': {
        const adin = hexOrNull(step.adin);
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

/** The step-level driver of the differential campaigns over `build`, reported as `name`. */
export function libcrypto3Driver(build: InProcessLibcrypto3, name: string): Libcrypto3Driver {
  return new Libcrypto3(build, name);
}
