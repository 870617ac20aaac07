/**
 * The randshim side of the FIPS chains (./scenario.ts): TEST-RAND -> CRNG-TEST -> FIPS DRBG
 * built from randshim's provider model (provider/openssl3/fips), each step the provider call
 * EVP_RAND makes through randshim's EVP layer (provider/openssl3/rand/evp-rand.ts: the chunking
 * and EVP_R_GENERATE_ERROR of crypto/evp/evp_rand.c),
 * with the error queue captured per step. The result has the C side's shape (./c-chain.ts).
 */
import { fromHex, toHex } from '../../../provider/bytes.js';
import { captureErrors, type RaisedError } from '../../../provider/err/queue.js';
import {
  OSSL_PARAM_construct_end, OSSL_PARAM_construct_int, OSSL_PARAM_construct_octet_string, OSSL_PARAM_construct_utf8_string,
} from '../../../provider/openssl3/core/ossl-param.js';
import type { OSSL_PARAM } from '../../../provider/openssl3/core/param-memory.js';
import { CrngTest } from '../../../provider/openssl3/fips/crng-test.js';
import { FipsDrbgCtx, type FipsModuleConfig } from '../../../provider/openssl3/fips/fips-drbg.js';
import { evpGenerate, evpGetState, evpInstantiate, evpReseed } from '../../../provider/openssl3/rand/evp-rand.js';
import type { RandImpl } from '../../../provider/openssl3/rands/rand-impl.js';
import { TestRand } from '../../../provider/openssl3/rands/test-rand.js';
import type { ReportedError } from '../differential/driver.js';
import { paramList, persOf, type FipsChain, type FipsChainRun, type FipsParams, type FipsStep, type FipsStepResult } from './scenario.js';

function toParams(p: FipsParams): OSSL_PARAM[] {
  const out = paramList(p).map((e) => (e.utf8 !== undefined
    ? OSSL_PARAM_construct_utf8_string(e.key, e.utf8, 0)
    : OSSL_PARAM_construct_int(e.key, { value: e.int ?? 0 })));
  out.push(OSSL_PARAM_construct_end());
  return out;
}

const reported = (raised: readonly RaisedError[]): ReportedError[] => raised.map((e) => ({ lib: e.lib, reason: e.reason }));

export function runChainRandshim(chain: FipsChain, module: FipsModuleConfig): FipsChainRun {
  const testRand = TestRand.create(chain.parent.strength, fromHex(chain.parent.entropy),
    chain.parent.nonce === undefined ? undefined : fromHex(chain.parent.nonce));
  testRand.instantiate(0);
  const crng = chain.crng ? new CrngTest(testRand) : null;
  let drbg: FipsDrbgCtx | null = null;
  const observe = (ret: boolean, raised: readonly RaisedError[], out?: Uint8Array): FipsStepResult => ({
    ret: ret ? 1 : 0, ...(out === undefined ? {} : { out: toHex(out) }), errors: reported(raised),
    drbgState: drbg === null ? null : evpGetState(drbg),
    drbgIndicator: drbg === null ? null : drbg.fipsIndicator,
    crngState: crng === null ? null : evpGetState(crng),
  });
  let created: FipsStepResult;
  if (chain.drbg === null) {
    created = observe(true, []);
  } else {
    const type = chain.drbg.type;
    const made = captureErrors(() => {
      const mechanism = type === 'CTR-DRBG' ? { type } : type === 'HASH-DRBG' ? { type } : { type };
      const d = FipsDrbgCtx.createFips({ mechanism, parent: crng ?? testRand }, module);
      if (d === null) return { d, ok: false };
      return { d, ok: d.setCtxParamArray(toParams(chain.drbg?.params ?? {})) };
    });
    drbg = made.result.d;
    created = observe(made.result.ok, made.raised);
    if (drbg === null) return { name: chain.name, created, steps: [] };
  }
  const steps = chain.steps.map((step) => runStep(step, testRand, crng, drbg, observe));
  drbg?.free();
  return { name: chain.name, created, steps };
}

function runStep(step: FipsStep, testRand: TestRand, crng: CrngTest | null, drbg: FipsDrbgCtx | null,
  observe: (ret: boolean, raised: readonly RaisedError[], out?: Uint8Array) => FipsStepResult): FipsStepResult {
  const target = (t: 'drbg' | 'crng'): RandImpl => {
    const r = t === 'drbg' ? drbg : crng;
    if (r === null) throw new Error(`the chain has no ${t}`);
    return r;
  };
  const bytesOrNull = (hex: string | undefined): Uint8Array | null => (hex === undefined ? null : fromHex(hex));
  switch (step.op) {
    case 'set-entropy': {
      const octets = (key: string, hex: string): OSSL_PARAM => {
        const data = fromHex(hex);
        return OSSL_PARAM_construct_octet_string(key, data, data.length);
      };
      const p = [octets('test_entropy', step.entropy)];
      if (step.nonce !== undefined) p.push(octets('test_nonce', step.nonce));
      p.push(OSSL_PARAM_construct_end());
      const { result, raised } = captureErrors(() => testRand.setCtxParamArray(p));
      return observe(result, raised);
    }
    case 'instantiate': {
      const pers = persOf(step);
      const { result, raised } = captureErrors(() => evpInstantiate(target(step.target), step.strength ?? 0, false, pers, null));
      return observe(result, raised);
    }
    case 'generate': {
      const out = new Uint8Array(step.length);
      const { result, raised } = captureErrors(() => evpGenerate(target(step.target), out, 0, step.pr === true, bytesOrNull(step.adin)));
      return observe(result, raised, result ? out : undefined);
    }
    case 'reseed': {
      const { result, raised } = captureErrors(() => evpReseed(target('drbg'), step.pr === true, bytesOrNull(step.entropy), bytesOrNull(step.adin)));
      return observe(result, raised);
    }
    case 'set': {
      const { result, raised } = captureErrors(() => target('drbg').setCtxParamArray?.(toParams(step.params)) ?? true);
      return observe(result, raised);
    }
    case 'uninstantiate': {
      const { result, raised } = captureErrors(() => target('drbg').uninstantiate());
      return observe(result, raised);
    }
    default:
      throw new TypeError(`unknown step ${JSON.stringify(step)}`);
  }
}
