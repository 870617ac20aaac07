/**
 * Runs a {@link DiffCase} in the `1.1.1` flavour on a bound OpenSSL 1.1.1 libcrypto. Both 1.1.1
 * oracles (system libcrypto.so.1.1 in-process, Node 16's built-in 1.1.1v in a child process)
 * run cases through this one function, so they make identical C call sequences:
 *
 *   RAND_DRBG_new(nid, useDf ? 0 : RAND_DRBG_FLAG_CTR_NO_DF, NULL)
 *   RAND_DRBG_set_callbacks(drbg, get_entropy, cleanup_entropy, get_nonce, cleanup_nonce)
 *   RAND_DRBG_set_reseed_interval(drbg, reseedInterval ?? 0)
 *   RAND_DRBG_set_reseed_time_interval(drbg, 0)
 *   per step: RAND_DRBG_instantiate(drbg, pers|NULL, len)
 *             RAND_DRBG_reseed(drbg, adin|NULL, len, pr)
 *             RAND_DRBG_generate(drbg, out, outlen, pr, adin|NULL, len)   (no chunking)
 *             RAND_DRBG_uninstantiate(drbg)
 *             then ERR_get_error until 0, and the struct's `state` when readable
 *   RAND_DRBG_free(drbg)
 *
 * (crypto/rand/drbg_lib.c 1.1.1w.) 1.1.1 has no `predictionResistance` on instantiate and no
 * `strength` argument anywhere: those step fields are ignored.
 */
import type { CaseResult, DiffCase, DrbgConfig, SourceCall, StepResult } from './driver.js';
import { cBytes, outBuffer, outHex } from '../../builds/openssl111/byte-args.js';
import { drainErrors111 } from '../../builds/openssl111/error-codes.js';
import { RAND_DRBG_FLAG_CTR_NO_DF } from '../../builds/openssl111/libcrypto.js';
import { SeedSource } from '../../builds/openssl111/seed-callbacks.js';
import type { Session111 } from '../../builds/openssl111/session.js';

const NIDS: Readonly<Record<string, number>> = { 'AES-128-CTR': 904, 'AES-192-CTR': 905, 'AES-256-CTR': 906 };

/** RAND_DRBG_new's (type, flags) for `config`, or null when 1.1.1 has no such DRBG (it has
 * only AES-CTR; the cipher must be named). */
export function ctrTypeFlags111(config: DrbgConfig): { nid: number; flags: number } | null {
  if (config.mechanism !== 'CTR-DRBG' || config.cipher === undefined) return null;
  const nid = NIDS[config.cipher.toUpperCase()];
  if (nid === undefined) return null;
  return { nid, flags: config.useDf === false ? RAND_DRBG_FLAG_CTR_NO_DF : 0 };
}

export function supports111(config: DrbgConfig): boolean {
  return ctrTypeFlags111(config) !== null;
}

const hexToBytes = (hex: string): Uint8Array => {
  const b = cBytes(hex);
  return b.ptr === null ? new Uint8Array(0) : new Uint8Array(b.ptr.subarray(0, b.len));
};

/** Runs one case on a fresh DRBG and frees it. Throws only on harness faults (a callback saw an
 * unknown DRBG, a buffer was not cleaned up, C wrote past an output buffer). */
export function runCase111(session: Session111, c: DiffCase): CaseResult {
  const { lib, hub } = session;
  const tf = ctrTypeFlags111(c.config);
  lib.ERR_clear_error();
  if (tf === null) return { id: c.id, created: false, steps: [] };
  const drbg = lib.RAND_DRBG_new(tf.nid, tf.flags, null);
  if (drbg === null) {
    drainErrors111(lib);
    return { id: c.id, created: false, steps: [] };
  }
  const source = new SeedSource(c.id);
  hub.attach(drbg, source);
  try {
    const setUp = lib.RAND_DRBG_set_callbacks(drbg, ...hub.all) === 1 &&
      lib.RAND_DRBG_set_reseed_interval(drbg, c.reseedInterval ?? 0) === 1 &&
      lib.RAND_DRBG_set_reseed_time_interval(drbg, 0) === 1;
    if (!setUp) {
      drainErrors111(lib);
      return { id: c.id, created: false, steps: [] };
    }
    const steps: StepResult[] = [];
    for (const step of c.steps) {
      if (step.op !== 'uninstantiate' && step.entropy !== undefined) source.entropy = hexToBytes(step.entropy);
      if (step.op === 'instantiate' && step.nonce !== undefined) source.nonce = hexToBytes(step.nonce);
      let ret: number;
      let output: string | undefined;
      switch (step.op) {
        case 'instantiate': {
          const pers = cBytes(step.pers);
          ret = lib.RAND_DRBG_instantiate(drbg, pers.ptr, pers.len);
          break;
        }
        case 'reseed': {
          const adin = cBytes(step.adin);
          ret = lib.RAND_DRBG_reseed(drbg, adin.ptr, adin.len, step.predictionResistance ? 1 : 0);
          break;
        }
        case 'generate': {
          const adin = cBytes(step.adin);
          const out = outBuffer(step.outlen);
          ret = lib.RAND_DRBG_generate(drbg, out, step.outlen, step.predictionResistance ? 1 : 0, adin.ptr, adin.len);
          const written = outHex(out, step.outlen);
          if (ret === 1) output = written;
          break;
        }
        case 'uninstantiate':
          ret = lib.RAND_DRBG_uninstantiate(drbg);
          break;
        default:
          throw new Error(`unknown step ${JSON.stringify(step)}`);
      }
      const errors = drainErrors111(lib);
      const calls: SourceCall[] = source.takeCalls().map((t) => t.call);
      const state = session.readState(drbg);
      steps.push({
        ret,
        ...(output !== undefined ? { output } : {}),
        ...(state !== undefined ? { state } : {}),
        errors,
        calls,
      });
    }
    return { id: c.id, created: true, steps };
  } finally {
    lib.RAND_DRBG_free(drbg);
    hub.detach(drbg);
    const anomalies = hub.takeAnomalies();
    if (hub.outstanding !== 0) anomalies.push(`${hub.outstanding} seed buffers never cleaned up`);
    if (anomalies.length > 0) throw new Error(`case ${c.id}: ${anomalies.join('; ')}`);
  }
}
