/**
 * randshim's OpenSSL 1.1.1 engine (provider/openssl111) behind the {@link Driver} interface, in
 * the `1.1.1` flavour: a parentless RAND_DRBG whose get_entropy / get_nonce callbacks return
 * the whole current buffers and record how they were asked, driven exactly as the 1.1.1
 * oracles drive RAND_DRBG_* in real OpenSSL.
 */
import { fromHex, hexOrNull, toHex } from '../../../provider/bytes.js';
import { Rand111Context, NID_aes_128_ctr, NID_aes_192_ctr, NID_aes_256_ctr, RAND_DRBG_FLAG_CTR_NO_DF } from '../../../provider/openssl111/drbg-context.js';
import { RandDrbg } from '../../../provider/openssl111/drbg-lib.js';
import { captureErrors, type RaisedError } from '../../../provider/err/queue.js';
import type { BackendName, PrimitiveBackend } from '../../../provider/sp800-90a/primitives/backend.js';
import { backendLabel } from './run-randshim.js';
import type { CaseResult, DiffCase, Driver, DrbgConfig, ReportedError, SourceCall, StepResult } from './driver.js';

const NIDS: Record<string, number> = {
  'AES-128-CTR': NID_aes_128_ctr,
  'AES-192-CTR': NID_aes_192_ctr,
  'AES-256-CTR': NID_aes_256_ctr,
};

function reported(errors: readonly RaisedError[]): ReportedError[] {
  return errors.map((e) => (e.func === undefined ? { lib: e.lib, reason: e.reason } : { lib: e.lib, func: e.func, reason: e.reason }));
}

export function supports111(config: DrbgConfig): boolean {
  return config.mechanism === 'CTR-DRBG' && config.cipher !== undefined && NIDS[config.cipher.toUpperCase()] !== undefined;
}

/** Runs one case on a fresh parentless RAND_DRBG with tracing callbacks. */
export function runCase111(c: DiffCase, backend: BackendName | PrimitiveBackend): CaseResult {
  const nid = NIDS[(c.config.cipher ?? '').toUpperCase()];
  const flags = c.config.useDf === false ? RAND_DRBG_FLAG_CTR_NO_DF : 0;
  const context = new Rand111Context({ clock: () => 0 });
  const drbg = nid === undefined ? null : RandDrbg.create(context, nid, flags, null, false, { backend });
  if (drbg === null) return { id: c.id, created: false, steps: [] };
  let entropy: Uint8Array = new Uint8Array(0);
  let nonce: Uint8Array = new Uint8Array(0);
  let calls: SourceCall[] = [];
  drbg.setCallbacks(
    (_d, bits, minLen, maxLen, pr) => {
      calls.push({ kind: 'entropy', entropy: bits, minLen, maxLen, predictionResistance: pr });
      return entropy.length === 0 ? null : Uint8Array.from(entropy);
    },
    null,
    (_d, bits, minLen, maxLen) => {
      calls.push({ kind: 'nonce', entropy: bits, minLen, maxLen });
      return nonce.length === 0 ? null : Uint8Array.from(nonce);
    },
    null,
  );
  drbg.setReseedInterval(c.reseedInterval ?? 0);
  drbg.setReseedTimeInterval(0);
  const steps: StepResult[] = [];
  for (const step of c.steps) {
    if (step.op !== 'uninstantiate' && step.entropy !== undefined) entropy = fromHex(step.entropy);
    if (step.op === 'instantiate' && step.nonce !== undefined) nonce = fromHex(step.nonce);
    calls = [];
    let output: Uint8Array | undefined;
    const { result, raised } = captureErrors(() => {
      switch (step.op) {
        case 'instantiate': return drbg.instantiate(hexOrNull(step.pers));
        case 'reseed': return drbg.reseed(hexOrNull(step.adin), step.predictionResistance ?? false);
        case 'generate':
          output = new Uint8Array(step.outlen);
          return drbg.generate(output, step.predictionResistance ?? false, hexOrNull(step.adin));
        case 'uninstantiate': return drbg.uninstantiate();
        default: return false;
      }
    });
    steps.push({
      ret: result ? 1 : 0,
      ...(result && output !== undefined ? { output: toHex(output) } : {}),
      state: drbg.state,
      errors: reported(raised),
      calls,
    });
  }
  drbg.free();
  return { id: c.id, created: true, steps };
}

export function randshimDriver111(backend: BackendName | PrimitiveBackend, label?: string): Driver {
  return {
    info: {
      name: `randshim-1.1.1-${label ?? backendLabel(backend)}`, flavor: '1.1.1',
      library: `randshim provider/openssl111 (${backendLabel(backend)} backend)`, version: 'randshim',
    },
    supports: supports111,
    runBatch: async (cases) => cases.map((c) => runCase111(c, backend)),
    close: async () => {},
  };
}
