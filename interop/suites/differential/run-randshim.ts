/**
 * randshim's own engine behind the {@link Driver} interface, so the differential runner treats
 * it like any oracle. The `3.x` flavour is a DrbgCtx under a TEST-RAND parent, driven the way
 * ./run-libcrypto.ts drives a real libcrypto's EVP_RAND; its generate steps go through compat's EVP_RAND_generate
 * (one implementation of EVP's chunking).
 */
import { EVP_RAND_generate, RANDSHIM_EVP_RAND_CTX_wrap } from '../../../compat/openssl3/evp_rand.js';
import { fromHex, hexOrNull, toHex } from '../../../provider/bytes.js';
import { DrbgCtx, type UnconfiguredMechanism } from '../../../provider/openssl3/rands/drbg.js';
import { TestRand } from '../../../provider/openssl3/rands/test-rand.js';
import { captureErrors, type RaisedError } from '../../../provider/err/queue.js';
import type { BackendName, PrimitiveBackend } from '../../../provider/sp800-90a/primitives/backend.js';
import type { RandParams } from '../../../provider/openssl3/rands/rand-impl.js';
import type { CaseResult, DiffCase, Driver, DrbgConfig, ReportedError, StepResult } from './driver.js';

export function toReported(errors: readonly RaisedError[]): ReportedError[] {
  return errors.map((e) => ({ lib: e.lib, reason: e.reason }));
}

/** The EVP_RAND_CTX_set_params a driver sends for `config`. */
/** A backend's name for reports. */
export function backendLabel(backend: BackendName | PrimitiveBackend): string {
  return typeof backend === 'string' ? backend : backend.name;
}

export function configParams(config: DrbgConfig): RandParams {
  const p: RandParams = {};
  if (config.mechanism === 'CTR-DRBG') {
    p.use_derivation_function = config.useDf === false ? 0 : 1;
    if (config.cipher !== undefined) p.cipher = config.cipher;
  } else {
    if (config.digest !== undefined) p.digest = config.digest;
    if (config.mechanism === 'HMAC-DRBG') p.mac = 'HMAC';
  }
  return p;
}

/** Runs one case on a fresh TEST-RAND + DRBG pair (3.x flavour). */
export function runCase3x(c: DiffCase, backend: BackendName | PrimitiveBackend): CaseResult {
  const parent = new TestRand();
  parent.setCtxParams({ strength: 256 });
  parent.instantiate(0);
  const created = captureErrors(() => {
    const ctx = DrbgCtx.create({ mechanism: { type: c.config.mechanism } as UnconfiguredMechanism, parent, backend });
    if (ctx === null) return null;
    if (!ctx.setCtxParams({ ...configParams(c.config), reseed_requests: c.reseedInterval ?? 0, reseed_time_interval: 0 })) {
      return null;
    }
    return ctx;
  }).result;
  if (created === null) return { id: c.id, created: false, steps: [] };
  const ctx = created;
  const evp = RANDSHIM_EVP_RAND_CTX_wrap(ctx);
  const steps: StepResult[] = [];
  for (const step of c.steps) {
    if (step.op !== 'uninstantiate') {
      const params: RandParams = {};
      if (step.entropy !== undefined) params.test_entropy = fromHex(step.entropy);
      if (step.op === 'instantiate' && step.nonce !== undefined) params.test_nonce = fromHex(step.nonce);
      parent.setCtxParams(params);
    }
    let output: Uint8Array | undefined;
    const { result, raised } = captureErrors(() => {
      switch (step.op) {
        case 'instantiate':
          return ctx.instantiate(step.strength ?? 0, step.predictionResistance ?? false, hexOrNull(step.pers));
        case 'reseed':
          return ctx.reseed(step.predictionResistance ?? false, null, hexOrNull(step.adin));
        case 'generate': {
          output = new Uint8Array(step.outlen);
          const adin = hexOrNull(step.adin);
          return EVP_RAND_generate(evp, output, step.outlen, step.strength ?? 0, step.predictionResistance === true ? 1 : 0,
            adin, adin?.length ?? 0) === 1;
        }
        case 'uninstantiate':
          return ctx.uninstantiate();
        default:
          return false;
      }
    });
    steps.push({
      ret: result ? 1 : 0,
      ...(result && output !== undefined ? { output: toHex(output) } : {}),
      state: ctx.state,
      errors: toReported(raised),
    });
  }
  ctx.free();
  return { id: c.id, created: true, steps };
}

export function randshimDriver3x(backend: BackendName | PrimitiveBackend, label?: string): Driver {
  return {
    info: {
      name: `randshim-3.x-${label ?? backendLabel(backend)}`, flavor: '3.x',
      library: `randshim provider (${backendLabel(backend)} backend)`, version: 'randshim',
    },
    supports: () => true,
    runBatch: async (cases) => cases.map((c) => runCase3x(c, backend)),
    close: async () => {},
  };
}
