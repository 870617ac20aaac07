/**
 * Runs evprand.txt stanzas on randshim's engine exactly as OpenSSL's evp_test does
 * (test/evp_test.c rand_test_init / rand_test_run, 3.0): a TEST-RAND parent of strength 256;
 * the DRBG configured through its parameters (use_derivation_function always, cipher or
 * digest, mac = HMAC); per case: instantiate TEST-RAND with the case's entropy and nonce,
 * instantiate the DRBG with the personalization (empty, not NULL, when absent), an optional
 * reseed from ReseedEntropy, two generates (prediction-resistance entropy swapped in before
 * each), compare the second output, uninstantiate both and verify zeroization.
 */
import { bytesEqual, fromHex, hexOrNull, toHex } from '../provider/bytes.js';
import { DrbgCtx, type UnconfiguredMechanism } from '../provider/openssl3/rands/drbg.js';
import { TestRand } from '../provider/openssl3/rands/test-rand.js';
import { captureErrors, type RaisedError } from '../provider/err/queue.js';
import type { BackendName } from '../provider/sp800-90a/primitives/backend.js';
import { RandState, type RandParams } from '../provider/openssl3/rands/rand-impl.js';
import type { EvpRandCase, EvpRandStanza } from './evprand.js';

export interface CaseFailure {
  readonly stanzaLine: number;
  readonly index: number;
  readonly step: string;
  readonly expected?: string;
  readonly got?: string;
  readonly errors?: readonly RaisedError[];
}

export interface StanzaResult {
  readonly cases: number;
  readonly passed: number;
  /** Output bytes compared (GenerateBits / 8 per passed or mismatching case). */
  readonly bytesCompared: number;
  readonly failures: readonly CaseFailure[];
}

/** Runs every case of one stanza on `backend`. */
export function runStanza(stanza: EvpRandStanza, backend: BackendName): StanzaResult {
  const failures: CaseFailure[] = [];
  const fail = (index: number, step: string, extra: Partial<CaseFailure> = {}): void => {
    failures.push({ stanzaLine: stanza.line, index, step, ...extra });
  };

  const parent = new TestRand();
  parent.setCtxParams({ strength: 256 });
  const { result: ctx, raised } = captureErrors(() =>
    DrbgCtx.create({ mechanism: { type: stanza.rand } as UnconfiguredMechanism, parent, backend }));
  if (ctx === null) {
    fail(-1, 'EVP_RAND_CTX_new', { errors: raised });
    return { cases: stanza.cases.length, passed: 0, bytesCompared: 0, failures };
  }
  const config: RandParams = { use_derivation_function: stanza.derivationFunction ? 1 : 0, mac: 'HMAC' };
  if (stanza.cipher !== undefined) config.cipher = stanza.cipher;
  if (stanza.digest !== undefined) config.digest = stanza.digest;
  const configured = captureErrors(() => ctx.setCtxParams(config));
  if (!configured.result) {
    fail(-1, 'EVP_RAND_CTX_set_params', { errors: configured.raised });
    return { cases: stanza.cases.length, passed: 0, bytesCompared: 0, failures };
  }
  const strength = ctx.strength;
  const outLen = stanza.generateBits / 8;
  const pr = stanza.predictionResistance;
  let passed = 0;
  let bytesCompared = 0;

  for (const c of stanza.cases) {
    const step = runCase(ctx, parent, c, strength, outLen, pr);
    if (typeof step === 'string') {
      fail(c.index, step);
      continue;
    }
    if (step.errors !== undefined) {
      fail(c.index, step.at, { errors: step.errors });
      continue;
    }
    bytesCompared += outLen;
    const expected = fromHex(c.Output ?? '');
    if (!bytesEqual(step.output, expected)) {
      fail(c.index, 'compare', { expected: toHex(expected), got: toHex(step.output) });
      continue;
    }
    passed++;
  }
  ctx.free();
  parent.free();
  return { cases: stanza.cases.length, passed, bytesCompared, failures };
}

type CaseOutcome = { output: Uint8Array; errors?: undefined } | { at: string; errors: readonly RaisedError[] };

function runCase(
  ctx: DrbgCtx, parent: TestRand, c: EvpRandCase, strength: number, outLen: number, pr: boolean,
): CaseOutcome | string {
  const check = (at: string, op: () => boolean): CaseOutcome | null => {
    const { result, raised } = captureErrors(op);
    return result ? null : { at, errors: raised };
  };
  parent.setCtxParams({
    test_entropy: hexOrNull(c.Entropy) ?? new Uint8Array(0),
    test_nonce: hexOrNull(c.Nonce) ?? new Uint8Array(0),
  });
  const got = new Uint8Array(outLen);
  const failed =
    check('instantiate parent', () => parent.instantiate(strength)) ??
    check('instantiate', () => ctx.instantiate(strength, pr, hexOrNull(c.PersonalisationString) ?? new Uint8Array(0))) ??
    (c.ReseedEntropy !== undefined
      ? check('reseed', () => parent.setCtxParams({ test_entropy: fromHex(c.ReseedEntropy as string) })
        && ctx.reseed(pr, null, hexOrNull(c.ReseedAdditionalInput)))
      : null) ??
    check('generate A', () => {
      if (c.EntropyPredictionResistanceA !== undefined) {
        parent.setCtxParams({ test_entropy: fromHex(c.EntropyPredictionResistanceA) });
      }
      return ctx.generate(got, strength, pr, hexOrNull(c.AdditionalInputA));
    }) ??
    check('generate B', () => {
      if (c.EntropyPredictionResistanceB !== undefined) {
        parent.setCtxParams({ test_entropy: fromHex(c.EntropyPredictionResistanceB) });
      }
      return ctx.generate(got, strength, pr, hexOrNull(c.AdditionalInputB));
    });
  if (failed !== null) return failed;
  const output = Uint8Array.from(got);
  ctx.uninstantiate();
  parent.uninstantiate();
  if (!ctx.verifyZeroization()) return 'verify_zeroization';
  if (ctx.state !== RandState.UNINITIALISED) return 'state after uninstantiate';
  return { output };
}

export interface SuiteTotals {
  stanzas: number;
  cases: number;
  passed: number;
  bytesCompared: number;
  failures: CaseFailure[];
}

/** Runs `stanzas` on `backend`, totalled per mechanism (CTR-DRBG, HASH-DRBG, HMAC-DRBG). */
export function runSuite(stanzas: readonly EvpRandStanza[], backend: BackendName): Map<string, SuiteTotals> {
  const totals = new Map<string, SuiteTotals>();
  for (const s of stanzas) {
    const t = totals.get(s.rand) ?? { stanzas: 0, cases: 0, passed: 0, bytesCompared: 0, failures: [] };
    const r = runStanza(s, backend);
    t.stanzas++;
    t.cases += r.cases;
    t.passed += r.passed;
    t.bytesCompared += r.bytesCompared;
    t.failures.push(...r.failures);
    totals.set(s.rand, t);
  }
  return totals;
}
