/**
 * The C side of the FIPS chains (./scenario.ts), run inside a FIPS child on the real provider:
 * TEST-RAND, CRNG-TEST and the DRBG all fetched with "provider=fips" from a library context that
 * loaded the line's fips.so, then each step as one EVP_RAND call (crypto/evp/evp_rand.c).
 */
import { fromHex, toHex } from '../../../provider/bytes.js';
import { drainErrors3 } from '../../builds/openssl3/error-names.js';
import type { LibCrypto3 } from '../../builds/openssl3/libcrypto.js';
import type { ParamArrays, ParamEntry } from '../../builds/openssl3/param-build.js';
import type { Pointer } from '../../ffi/types.js';
import { paramList, persOf, type FipsChain, type FipsChainRun, type FipsParams, type FipsStep, type FipsStepResult } from './scenario.js';

const PROPQ = 'provider=fips';

/** EVP_RAND_fetch returned NULL: the chain cannot be built (errors as the queue had them). */
class FetchRefused extends Error {
  constructor(readonly errors: ReturnType<typeof drainErrors3>) {
    super('EVP_RAND_fetch failed');
  }
}

function paramEntries(p: FipsParams): ParamEntry[] {
  return paramList(p).map((e): ParamEntry => [e.key, e.utf8 !== undefined
    ? { type: 'utf8', value: e.utf8 } : { type: 'int', value: e.int ?? 0 }]);
}

export function runChainC(c: LibCrypto3, params: ParamArrays, libctx: Pointer, chain: FipsChain): FipsChainRun {
  const fetched: Pointer[] = [];
  const ctxs: Pointer[] = [];
  const fetch = (name: string): Pointer => {
    const r = c.EVP_RAND_fetch(libctx, name, PROPQ);
    if (r === 0n) throw new FetchRefused(drainErrors3(c));
    fetched.push(r);
    return r;
  };
  const setParams = (ctx: Pointer, entries: ParamEntry[]): number => {
    if (entries.length === 0) return 1;
    const p = params.build(entries);
    try {
      return c.EVP_RAND_CTX_set_params(ctx, p);
    } finally {
      params.free(p);
    }
  };
  try {
    c.ERR_clear_error();
    const testRand = c.EVP_RAND_CTX_new(fetch('TEST-RAND'), 0n);
    ctxs.push(testRand);
    const parentEntries: ParamEntry[] = [['strength', { type: 'uint', value: chain.parent.strength }],
      ['test_entropy', { type: 'octets', value: fromHex(chain.parent.entropy) }]];
    if (chain.parent.nonce !== undefined) parentEntries.push(['test_nonce', { type: 'octets', value: fromHex(chain.parent.nonce) }]);
    if (setParams(testRand, parentEntries) !== 1) throw new Error('TEST-RAND set_params failed');
    if (c.EVP_RAND_instantiate(testRand, 0, 0, null, 0, 0n) !== 1) throw new Error('TEST-RAND instantiate failed');
    let crng: Pointer = 0n;
    if (chain.crng) {
      crng = c.EVP_RAND_CTX_new(fetch('CRNG-TEST'), testRand);
      if (crng === 0n) throw new Error('CRNG-TEST EVP_RAND_CTX_new failed');
      ctxs.push(crng);
    }
    let drbg: Pointer = 0n;
    let createdRet = 1;
    if (chain.drbg !== null) {
      drbg = c.EVP_RAND_CTX_new(fetch(chain.drbg.type), crng === 0n ? testRand : crng);
      if (drbg === 0n) createdRet = 0;
      else {
        ctxs.push(drbg);
        createdRet = setParams(drbg, paramEntries(chain.drbg.params));
      }
    }
    const observe = (ret: number, out?: Uint8Array): FipsStepResult => {
      const errors = drainErrors3(c);
      const ind = drbg === 0n ? undefined : params.getRandCtxParams(drbg, { 'fips-indicator': 'int' });
      c.ERR_clear_error();
      return {
        ret, ...(out === undefined ? {} : { out: toHex(out) }), errors,
        drbgState: drbg === 0n ? null : c.EVP_RAND_get_state(drbg),
        drbgIndicator: ind?.['fips-indicator'] ?? null,
        crngState: crng === 0n ? null : c.EVP_RAND_get_state(crng),
      };
    };
    const created = observe(createdRet);
    const steps: FipsStepResult[] = [];
    if (drbg === 0n && chain.drbg !== null) return { name: chain.name, created, steps };
    for (const step of chain.steps) steps.push(runStep(c, step, { testRand, crng, drbg }, setParams, observe));
    return { name: chain.name, created, steps };
  } catch (e) {
    // a module in its error state answers no fetch (the provider is no longer running)
    if (!(e instanceof FetchRefused)) throw e;
    return { name: chain.name, created: { ret: 0, errors: e.errors, drbgState: null, drbgIndicator: null, crngState: null }, steps: [] };
  } finally {
    for (const ctx of ctxs.reverse()) c.EVP_RAND_CTX_free(ctx);
    for (const r of fetched) c.EVP_RAND_free(r);
    c.ERR_clear_error();
  }
}

type Ctxs = { readonly testRand: Pointer; readonly crng: Pointer; readonly drbg: Pointer };

function runStep(c: LibCrypto3, step: FipsStep, ctxs: Ctxs, setParams: (ctx: Pointer, e: ParamEntry[]) => number,
  observe: (ret: number, out?: Uint8Array) => FipsStepResult): FipsStepResult {
  const bytesOrNull = (hex: string | undefined): Uint8Array | null => (hex === undefined ? null : fromHex(hex));
  switch (step.op) {
    case 'set-entropy': {
      const entries: ParamEntry[] = [['test_entropy', { type: 'octets', value: fromHex(step.entropy) }]];
      if (step.nonce !== undefined) entries.push(['test_nonce', { type: 'octets', value: fromHex(step.nonce) }]);
      return observe(setParams(ctxs.testRand, entries));
    }
    case 'instantiate': {
      const ctx = step.target === 'drbg' ? ctxs.drbg : ctxs.crng;
      const pers = persOf(step);
      return observe(c.EVP_RAND_instantiate(ctx, step.strength ?? 0, 0, pers, pers?.length ?? 0, 0n));
    }
    case 'generate': {
      const ctx = step.target === 'drbg' ? ctxs.drbg : ctxs.crng;
      const out = new Uint8Array(step.length);
      const adin = bytesOrNull(step.adin);
      const ret = c.EVP_RAND_generate(ctx, out, out.length, 0, step.pr === true ? 1 : 0, adin, adin?.length ?? 0);
      return observe(ret, ret === 1 ? out : undefined);
    }
    case 'reseed': {
      const ent = bytesOrNull(step.entropy);
      const adin = bytesOrNull(step.adin);
      return observe(c.EVP_RAND_reseed(ctxs.drbg, step.pr === true ? 1 : 0, ent, ent?.length ?? 0, adin, adin?.length ?? 0));
    }
    case 'set':
      return observe(setParams(ctxs.drbg, paramEntries(step.params)));
    case 'uninstantiate':
      return observe(c.EVP_RAND_uninstantiate(ctxs.drbg));
    default:
      throw new TypeError(`unknown step ${JSON.stringify(step)}`);
  }
}
