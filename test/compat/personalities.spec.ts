/**
 * The personality table (interop/suites/personalities/table.ts), row by row, on randshim's
 * personalities in one process: each row's 1.1.1 cell through compat/openssl111, its 3.0 cell
 * through compat/openssl3, and its 3.5, 3.6 and 4.0 cells through compat/openssl3-lines' 35, 36
 * and 40, with the values the table is rendered from (where a cell records that randshim does not
 * do what the real line does, the value randshim's personality gives instead). What FIPS mode
 * changes is checked with the column it concerns. The rows added for the lines after 3.0 that
 * are scenarios (interop/suites/personalities/line-questions.ts) run the row's scenario on the
 * line's personality: compat/openssl3's calls under withLine(line), which is what each function
 * of compat/openssl3-lines is (compat/openssl3-lines/personality.ts). The rows' real-library
 * proofs (cited in the table) show real OpenSSL doing the same.
 */
import { expect } from 'chai';
import * as O111 from '../../compat/openssl111/index.js';
import * as O3 from '../../compat/openssl3/index.js';
import * as P35 from '../../compat/openssl3-lines/35.js';
import * as P36 from '../../compat/openssl3-lines/36.js';
import * as P40 from '../../compat/openssl3-lines/40.js';
import type { Personality3 } from '../../compat/openssl3-lines/personality.js';
import { drainErrors3 } from '../../interop/builds/openssl3/error-names.js';
import { runScenarioRandshim } from '../../interop/suites/evp-rand/run-randshim.js';
import { ENGINE_CALLS, LINE_QUESTIONS, NEW_CALLS } from '../../interop/suites/personalities/line-questions.js';
import {
  LINES3, PERSONALITIES as P, PERSONALITY_SUITE, type Behaviour, type Cell, type Line3, type PersonalityRowKey,
} from '../../interop/suites/personalities/table.js';
import { ScenarioFiles } from '../../interop/suites/rand-front-end/files.js';
import { toHex, utf8 } from '../../provider/bytes.js';
import { withLine } from '../../provider/openssl3/lines.js';
import { TestRand } from '../../provider/openssl3/rands/test-rand.js';

const PERSONALITY3: Readonly<Record<Line3, Personality3>> = { '3.0': O3, 3.5: P35, 3.6: P36, '4.0': P40 };

const PERS_STRING = [...utf8('OpenSSL NIST SP 800-90A DRBG'), 0];
const ENTROPY = Uint8Array.from({ length: 48 }, (_, i) => i);
const NONCE = Uint8Array.from({ length: 16 }, (_, i) => 0x64 + i);

/** What randshim's personality gives for a cell: the cell's value, or what the cell records
 * randshim doing instead. */
const want = <V>(cell: Cell<V>): V => (cell.randshim === undefined ? cell.value : cell.randshim.value);
/** The same for a row's 3.x cell of `line`. */
const want3 = <B>(row: Behaviour<unknown, B, unknown>, line: Line3): B => want(row.openssl3[line]);

// ---- 3.x helpers, on one personality ----

type Param3 = O3.OSSL_PARAM;
type Ctx3 = O3.EVP_RAND_CTX;

function helpers3(R: Personality3) {
  function params(ctx: Ctx3, list: Record<string, 'uint' | 'int' | 'time_t' | 'utf8'>): Record<string, number | string> {
    const boxes: Record<string, { value: number | bigint } | Uint8Array> = {};
    const built: Param3[] = Object.entries(list).map(([key, kind]) => {
      if (kind === 'utf8') {
        const buf = new Uint8Array(64);
        boxes[key] = buf;
        return R.OSSL_PARAM_construct_utf8_string(key, buf, 64);
      }
      const box = { value: 0 };
      boxes[key] = box;
      if (kind === 'uint') return R.OSSL_PARAM_construct_uint(key, box);
      if (kind === 'int') return R.OSSL_PARAM_construct_int(key, box);
      return R.OSSL_PARAM_construct_time_t(key, box);
    });
    expect(R.EVP_RAND_CTX_get_params(ctx, [...built, R.OSSL_PARAM_construct_end()])).to.equal(1);
    const out: Record<string, number | string> = {};
    for (const [key, b] of Object.entries(boxes)) {
      out[key] = b instanceof Uint8Array ? Buffer.from(b.subarray(0, b.indexOf(0))).toString() : Number(b.value);
    }
    return out;
  }
  const counter = (ctx: Ctx3): number => params(ctx, { reseed_counter: 'uint' }).reseed_counter as number;
  const primary = (): Ctx3 => R.RAND_get0_primary(null) as Ctx3;
  const providerOf = (ctx: Ctx3): string => R.OSSL_PROVIDER_get0_name(R.EVP_RAND_get0_provider(R.EVP_RAND_CTX_get0_rand(ctx)));
  /** A TEST-RAND holding the check vector's entropy and nonce (docs/openssl-behaviour.md), instantiated. */
  function testRand(): Ctx3 {
    const t = R.EVP_RAND_CTX_new(R.EVP_RAND_fetch(null, 'TEST-RAND', null), null) as Ctx3;
    expect(R.EVP_RAND_instantiate(t, 256, 0, null, 0, [
      R.OSSL_PARAM_construct_uint(R.OSSL_RAND_PARAM_STRENGTH, { value: 256 }),
      R.OSSL_PARAM_construct_octet_string(R.OSSL_RAND_PARAM_TEST_ENTROPY, ENTROPY, ENTROPY.length),
      R.OSSL_PARAM_construct_octet_string(R.OSSL_RAND_PARAM_TEST_NONCE, NONCE, NONCE.length),
      R.OSSL_PARAM_construct_end(),
    ])).to.equal(1);
    return t;
  }
  /** A DRBG of `type` (fetched with `props`) under `parent`, configured, not instantiated. */
  function drbg(parent: Ctx3 | null, type = 'CTR-DRBG', props: string | null = null): Ctx3 {
    const ctx = R.EVP_RAND_CTX_new(R.EVP_RAND_fetch(null, type, props), parent) as Ctx3;
    const config = type === 'CTR-DRBG'
      ? R.OSSL_PARAM_construct_utf8_string(R.OSSL_DRBG_PARAM_CIPHER, 'AES-256-CTR', 0)
      : R.OSSL_PARAM_construct_utf8_string(R.OSSL_DRBG_PARAM_DIGEST, 'SHA256', 0);
    expect(R.EVP_RAND_CTX_set_params(ctx, [config, R.OSSL_PARAM_construct_end()])).to.equal(1);
    return ctx;
  }
  function generate(ctx: Ctx3, n = 16): string {
    const out = new Uint8Array(n);
    expect(R.EVP_RAND_generate(ctx, out, n, 0, 0, null, 0)).to.equal(1);
    return toHex(out);
  }
  function fips(): void {
    expect(R.OSSL_PROVIDER_load(null, 'fips')).to.not.equal(null);
    expect(R.EVP_default_properties_enable_fips(null, 1)).to.equal(1);
  }
  const intervals = (ctx: Ctx3) => {
    const v = params(ctx, { reseed_requests: 'uint', reseed_time_interval: 'time_t' });
    return { requests: v.reseed_requests, seconds: v.reseed_time_interval };
  };
  return { params, counter, primary, providerOf, testRand, drbg, generate, fips, intervals };
}

/** An OS that counts what it hands out, and a nonce source that counts its calls. */
function countingOs(): { osEntropy: (e: number, min: number) => Uint8Array; osNonce: () => Uint8Array; bytes: () => number; nonces: () => number } {
  let bytes = 0;
  let nonces = 0;
  return {
    osEntropy: (entropy, minLen) => {
      const n = Math.max(Math.ceil(entropy / 8), minLen);
      bytes += n;
      return new Uint8Array(n).fill(0x5a);
    },
    osNonce: () => { nonces++; return new Uint8Array(16).fill(0xa5); },
    bytes: () => bytes,
    nonces: () => nonces,
  };
}

/** The row's line question (a scenario) run on `line`'s personality, answered. */
function askPersonality(key: PersonalityRowKey, line: Line3): unknown {
  const q = LINE_QUESTIONS[key];
  if (q === undefined || q.kind !== 'scenario') throw new Error(`${key} has no scenario question`);
  const files = new ScenarioFiles();
  try {
    return q.answer(withLine(line, () => runScenarioRandshim(q.scenario, new Map(), files)).observations);
  } finally {
    files.close();
  }
}

/** The names of `names` a personality exports as functions. */
const exported = (api: object, names: readonly string[]): string[] =>
  names.filter((n) => typeof (api as Record<string, unknown>)[n] === 'function');

// ---- 1.1.1 helpers ----

/** A DRBG fed by fixed callbacks (no parent): 32 bytes of entropy, a 16-byte nonce. */
function drbg111(): O111.RAND_DRBG {
  const d = O111.RAND_DRBG_new(O111.NID_aes_256_ctr, 0, null) as O111.RAND_DRBG;
  const entropy = ENTROPY.subarray(0, 32);
  expect(O111.RAND_DRBG_set_callbacks(d, (_d, pout) => { pout.value = entropy; return entropy.length; }, null,
    (_d, pout) => { pout.value = NONCE; return NONCE.length; }, null)).to.equal(1);
  return d;
}

function generate111(d: O111.RAND_DRBG, n = 16): string {
  const out = new Uint8Array(n);
  expect(O111.RAND_DRBG_generate(d, out, n, 0, null, 0)).to.equal(1);
  return toHex(out);
}

const master111 = (): O111.RAND_DRBG => O111.RAND_DRBG_get0_master() as O111.RAND_DRBG;

// ---- one check per row: the 1.1.1 cell, and the 3.x cell of a line on that line's personality ----

interface RowCheck {
  /** The 1.1.1 cell (and what FIPS_mode_set(1) changes). */
  readonly c111: () => void;
  /** The cell of `line` on personality `R` (and what the FIPS provider changes there). */
  readonly c3: (R: Personality3, line: Line3) => void;
}

/** 1.1.1 has none of these calls (the rows about 3.x-only calls). */
const absent111 = (...names: string[]) => (): void => {
  expect(exported(O111, names)).to.deep.equal([]);
};

/** A row whose 3.x question is a scenario, run on the line's personality. */
const scenarioRow = (key: PersonalityRowKey, c111: () => void): RowCheck => ({
  c111,
  c3: (_R, line) => expect(askPersonality(key, line)).to.deep.equal(want3(P[key] as Behaviour<unknown, unknown, unknown>, line)),
});

const CHECKS: Record<PersonalityRowKey, RowCheck> = {
  defaultDrbg: {
    c111() {
      const m = master111();
      expect({ type: m.type, flags: m.flags }).to.deep.equal(P.defaultDrbg.openssl111.value);
      // FIPS mode: 1.1.1's switch changes no DRBG
      O111.RANDSHIM_111_reset();
      O111.FIPS_mode_set(1);
      expect(master111().type).to.equal(P.defaultDrbg.openssl111.value.type);
      expect(P.defaultDrbg.fips.value.provider111).to.equal(null);
    },
    c3(R, line) {
      const h = helpers3(R);
      const p = h.primary();
      const v = h.params(p, { cipher: 'utf8', use_derivation_function: 'int' });
      expect({ name: R.EVP_RAND_get0_name(R.EVP_RAND_CTX_get0_rand(p)), cipher: v.cipher, useDf: v.use_derivation_function })
        .to.deep.equal(want3(P.defaultDrbg, line));
      expect(h.providerOf(p)).to.equal('default');
      // FIPS mode: the FIPS provider's DRBG, its cipher fetched there too
      R.RANDSHIM_3_reset();
      h.fips();
      expect(h.providerOf(h.primary())).to.equal(P.defaultDrbg.fips.value.provider3);
      expect(h.params(h.primary(), { cipher: 'utf8' }).cipher).to.equal(want3(P.defaultDrbg, line).cipher);
    },
  },

  primaryIntervals: {
    c111() {
      const m = master111();
      expect({ requests: m.reseedInterval, seconds: m.reseedTimeInterval }).to.deep.equal(P.primaryIntervals.openssl111.value);
    },
    c3(R, line) {
      const h = helpers3(R);
      expect(h.intervals(h.primary())).to.deep.equal(want3(P.primaryIntervals, line));
    },
  },

  secondaryIntervals: {
    c111() {
      for (const d of [O111.RAND_DRBG_get0_public(), O111.RAND_DRBG_get0_private()] as O111.RAND_DRBG[]) {
        expect({ requests: d.reseedInterval, seconds: d.reseedTimeInterval }).to.deep.equal(P.secondaryIntervals.openssl111.value);
      }
    },
    c3(R, line) {
      const h = helpers3(R);
      for (const c of [R.RAND_get0_public(null), R.RAND_get0_private(null)] as Ctx3[]) {
        expect(h.intervals(c)).to.deep.equal(want3(P.secondaryIntervals, line));
      }
    },
  },

  otherIntervals: {
    c111() {
      const alone = O111.RAND_DRBG_new(0, 0, null) as O111.RAND_DRBG;
      const child = O111.RAND_DRBG_new(0, 0, master111()) as O111.RAND_DRBG;
      expect({
        withoutParent: { requests: alone.reseedInterval, seconds: alone.reseedTimeInterval },
        withParent: { requests: child.reseedInterval, seconds: child.reseedTimeInterval },
      }).to.deep.equal(P.otherIntervals.openssl111.value);
    },
    c3(R, line) {
      const h = helpers3(R);
      expect({ withoutParent: h.intervals(h.drbg(null)), withParent: h.intervals(h.drbg(h.testRand())) })
        .to.deep.equal(want3(P.otherIntervals, line));
    },
  },

  intervalCaps: {
    c111() {
      const caps = P.intervalCaps.openssl111.value;
      const d = O111.RAND_DRBG_new(0, 0, null) as O111.RAND_DRBG;
      expect([O111.RAND_DRBG_set_reseed_interval(d, caps.requests), O111.RAND_DRBG_set_reseed_interval(d, caps.requests + 1),
        O111.RAND_DRBG_set_reseed_time_interval(d, caps.seconds), O111.RAND_DRBG_set_reseed_time_interval(d, caps.seconds + 1)])
        .to.deep.equal([1, 0, 1, 0]);
    },
    c3(R, line) {
      const caps = P.intervalCaps.openssl111.value;
      expect(want3(P.intervalCaps, line)).to.equal(null);
      const h = helpers3(R);
      const c = h.drbg(null);
      expect(R.EVP_RAND_CTX_set_params(c, [R.OSSL_PARAM_construct_uint(R.OSSL_DRBG_PARAM_RESEED_REQUESTS, { value: caps.requests + 1 }),
        R.OSSL_PARAM_construct_time_t(R.OSSL_DRBG_PARAM_RESEED_TIME_INTERVAL, { value: caps.seconds + 1 }), R.OSSL_PARAM_construct_end()]))
        .to.equal(1);
      expect(h.intervals(c)).to.deep.equal({ requests: caps.requests + 1, seconds: caps.seconds + 1 });
    },
  },

  defaultPers: {
    c111() {
      // 1.1.1: implicit instantiation uses the default; explicit instantiation what it is given.
      const implicit = generate111(drbg111());
      const withPers = (n: number): string => {
        const d = drbg111();
        expect(O111.RAND_DRBG_instantiate(d, Uint8Array.from(PERS_STRING.slice(0, n)), n)).to.equal(1);
        return generate111(d);
      };
      expect(withPers(P.defaultPers.openssl111.value)).to.equal(implicit);
      expect(withPers(P.defaultPers.openssl111.value + 1)).to.not.equal(implicit);
    },
    c3(R, line) {
      // 3.x: a NULL pers means the default.
      const h = helpers3(R);
      const with3 = (pers: Uint8Array | null): string => {
        const c = h.drbg(h.testRand());
        expect(R.EVP_RAND_instantiate(c, 0, 0, pers, pers?.length ?? 0, null)).to.equal(1);
        return h.generate(c);
      };
      const length = want3(P.defaultPers, line);
      const nullPers = with3(null);
      expect(with3(Uint8Array.from(PERS_STRING.slice(0, length)))).to.equal(nullPers);
      expect(with3(Uint8Array.from(PERS_STRING.slice(0, length - 1)))).to.not.equal(nullPers);
    },
  },

  primarySeed: {
    c111() {
      const os111 = countingOs();
      O111.RANDSHIM_111_reset({ osEntropy: os111.osEntropy });
      const m = master111();
      expect(os111.bytes()).to.equal(P.primarySeed.openssl111.value.entropy);
      expect(m.getNonce?.(m, 128, 16, 0x7fffffff)?.length).to.equal(P.primarySeed.openssl111.value.nonce);
    },
    c3(R, line) {
      const h = helpers3(R);
      const os3 = countingOs();
      R.RANDSHIM_3_reset({ osEntropy: os3.osEntropy, osNonce: os3.osNonce });
      h.primary();
      expect({ entropy: os3.bytes(), nonce: os3.nonces() }).to.deep.equal(want3(P.primarySeed, line));
      const fips = countingOs();
      R.RANDSHIM_3_reset({ osEntropy: fips.osEntropy, osNonce: fips.osNonce });
      h.fips();
      h.primary();
      expect({ entropy: fips.bytes(), nonce: fips.nonces() === 1 }).to.deep.equal(P.primarySeed.fips.value);
    },
  },

  childAdin: {
    c111() {
      const id = (b: number): Uint8Array => new Uint8Array(8).fill(b);
      const run111 = (parentId: number, childId: number): string => {
        const parent = drbg111();
        parent.identity = id(parentId);
        const child = O111.RAND_DRBG_new(O111.NID_aes_256_ctr, 0, parent) as O111.RAND_DRBG;
        child.identity = id(childId);
        return generate111(child);
      };
      expect(addressUsed(run111)).to.equal(P.childAdin.openssl111.value);
    },
    c3(R, line) {
      const h = helpers3(R);
      const id = (b: number): Uint8Array => new Uint8Array(8).fill(b);
      const run3 = (parentId: number, childId: number): string => {
        const parent = h.drbg(h.testRand());
        R.RANDSHIM_EVP_RAND_CTX_set_identity(parent, id(parentId));
        expect(R.EVP_RAND_instantiate(parent, 0, 0, null, 0, null)).to.equal(1);
        const child = h.drbg(parent);
        R.RANDSHIM_EVP_RAND_CTX_set_identity(child, id(childId));
        expect(R.EVP_RAND_instantiate(child, 0, 0, null, 0, null)).to.equal(1);
        return h.generate(child);
      };
      expect(addressUsed(run3)).to.equal(want3(P.childAdin, line));
    },
  },

  randBytesAdin: {
    c111() {
      // 1.1.1: RAND_bytes is RAND_DRBG_bytes(public), which adds {pid, 4 zero bytes, thread id,
      // timer} to every generate: the same as RAND_DRBG_generate with those bytes as adin.
      O111.RANDSHIM_111_reset({ forkId: () => 7, threadId: () => 0, timerBits: () => 0x1234 });
      const adin = new Uint8Array(P.randBytesAdin.openssl111.value);
      new DataView(adin.buffer).setUint32(0, 7, true);
      new DataView(adin.buffer).setUint32(16, 0x1234, true);
      const [a, b] = [drbg111(), drbg111()];
      for (const d of [a, b]) expect(O111.RAND_DRBG_instantiate(d, null, 0)).to.equal(1);
      const viaBytes = new Uint8Array(32);
      const viaGenerate = new Uint8Array(32);
      expect(O111.RAND_DRBG_bytes(a, viaBytes, 32)).to.equal(1);
      expect(O111.RAND_DRBG_generate(b, viaGenerate, 32, 0, adin, adin.length)).to.equal(1);
      expect(toHex(viaBytes)).to.equal(toHex(viaGenerate));
    },
    c3(R, line) {
      // 3.x: RAND_bytes is EVP_RAND_generate(public) with no additional input.
      const pinned = (): void => {
        const seed = TestRand.create(256, ENTROPY, NONCE);
        seed.instantiate(0);
        R.RANDSHIM_3_reset({}, { seedSource: seed, identities: { primary: new Uint8Array(8).fill(1) } });
      };
      pinned();
      const viaRandBytes = new Uint8Array(32);
      expect(R.RAND_bytes(viaRandBytes, 32)).to.equal(1);
      pinned();
      const plain = new Uint8Array(32);
      const adin3 = new Uint8Array(want3(P.randBytesAdin, line));
      expect(R.EVP_RAND_generate(R.RAND_get0_public(null) as Ctx3, plain, 32, 0, 0, adin3.length === 0 ? null : adin3,
        adin3.length)).to.equal(1);
      expect(toHex(viaRandBytes)).to.equal(toHex(plain));
    },
  },

  randAdd: {
    c111() {
      const threshold = P.randAdd.openssl111.value.threshold;
      const buf = new Uint8Array(threshold).fill(9);
      const m = master111();
      const before = m.reseedCounter;
      O111.RAND_add(buf, threshold, 0);
      O111.RAND_add(buf, threshold, threshold - 1);
      expect(m.reseedCounter).to.equal(before);
      O111.RAND_add(buf, threshold, threshold);
      expect(m.reseedCounter).to.equal(before + 1);
      // FIPS mode (1.1.1): randomness counts as 0, so no reseed however much is claimed.
      expect(P.randAdd.fips.value.randomness111).to.be.below(threshold);
      O111.FIPS_mode_set(1);
      O111.RAND_add(buf, threshold, threshold);
      expect(m.reseedCounter).to.equal(before + 1);
    },
    c3(R, line) {
      const h = helpers3(R);
      const threshold = P.randAdd.openssl111.value.threshold;
      const buf = new Uint8Array(threshold).fill(9);
      expect(want3(P.randAdd, line).threshold).to.equal(null);
      const before = h.counter(h.primary());
      for (const randomness of [0, threshold - 1, threshold]) R.RAND_add(buf, threshold, randomness);
      expect(h.counter(h.primary())).to.equal(before + 3);
    },
  },

  predictionResistance: {
    c111() {
      const out = new Uint8Array(16);
      const pub = O111.RAND_DRBG_get0_public() as O111.RAND_DRBG;
      expect(O111.RAND_DRBG_generate(pub, out, 16, 1, null, 0)).to.equal(P.predictionResistance.openssl111.value ? 1 : 0);
      expect(O111.describeError111(O111.ERR_get_error())?.reason).to.equal('PREDICTION_RESISTANCE_NOT_SUPPORTED');
      O111.ERR_clear_error();
    },
    c3(R, line) {
      const out = new Uint8Array(16);
      expect(R.EVP_RAND_generate(R.RAND_get0_public(null) as Ctx3, out, 16, 0, 1, null, 0))
        .to.equal(want3(P.predictionResistance, line) ? 1 : 0);
    },
  },

  propagation: {
    c111() {
      // Does a DRBG reseed on its next request after its parent reseeded?
      const follows = (d: O111.RAND_DRBG): boolean => {
        generate111(d);
        const before = d.generateCounter;
        expect(O111.RAND_DRBG_reseed(master111(), null, 0, 0)).to.equal(1);
        generate111(d);
        return d.generateCounter !== before + 1;
      };
      const shared = follows(O111.RAND_DRBG_get0_public() as O111.RAND_DRBG);
      const other = follows(O111.RAND_DRBG_new(0, 0, master111()) as O111.RAND_DRBG);
      expect(shared && !other ? 'shared' : 'every').to.equal(P.propagation.openssl111.value);
    },
    c3(R, line) {
      const h = helpers3(R);
      const parent = h.drbg(h.testRand());
      expect(R.EVP_RAND_instantiate(parent, 0, 0, null, 0, null)).to.equal(1);
      const child = h.drbg(parent);
      expect(R.EVP_RAND_instantiate(child, 0, 0, null, 0, null)).to.equal(1);
      const afterInstantiate = h.counter(child);
      h.generate(child);
      const firstReseeds = h.counter(child) === afterInstantiate + 1;
      expect(R.EVP_RAND_reseed(parent, 0, null, 0, null, 0)).to.equal(1);
      h.generate(child);
      const follows = h.counter(child) === afterInstantiate + 2;
      expect(firstReseeds && follows ? 'every' : 'shared').to.equal(want3(P.propagation, line));
    },
  },

  reseedNotReady: {
    c111() {
      const d = O111.RAND_DRBG_new(O111.NID_aes_256_ctr, 0, null) as O111.RAND_DRBG;
      expect(O111.RAND_DRBG_reseed(d, null, 0, 0)).to.equal(P.reseedNotReady.openssl111.value);
      O111.ERR_clear_error();
    },
    c3(R, line) {
      const h = helpers3(R);
      const c = h.drbg(h.testRand());
      expect(R.EVP_RAND_reseed(c, 0, null, 0, null, 0)).to.equal(want3(P.reseedNotReady, line));
      expect(R.EVP_RAND_get_state(c)).to.equal(R.EVP_RAND_STATE_READY);
    },
  },

  generateZero: {
    c111() {
      const [a, b] = [drbg111(), drbg111()];
      for (const d of [a, b]) expect(O111.RAND_DRBG_instantiate(d, null, 0)).to.equal(1);
      expect(O111.RAND_DRBG_generate(a, new Uint8Array(0), 0, 0, null, 0)).to.equal(1);
      expect(a.generateCounter).to.equal(b.generateCounter + 1);
      expect(generate111(a) !== generate111(b) ? 'generate' : 'nothing').to.equal(P.generateZero.openssl111.value);
    },
    c3(R, line) {
      const h = helpers3(R);
      const [x, y] = [h.drbg(h.testRand()), h.drbg(h.testRand())];
      for (const c of [x, y]) expect(R.EVP_RAND_instantiate(c, 0, 0, null, 0, null)).to.equal(1);
      expect(R.EVP_RAND_generate(x, new Uint8Array(0), 0, 0, 0, null, 0)).to.equal(1);
      expect(h.generate(x) !== h.generate(y) ? 'generate' : 'nothing').to.equal(want3(P.generateZero, line));
      expect(h.counter(x)).to.equal(h.counter(y));
    },
  },

  negativeCount: {
    c111() {
      const buf = new Uint8Array(8);
      expect(O111.RAND_bytes(buf, -1)).to.equal(P.negativeCount.openssl111.value.ret);
      expect(O111.describeError111(O111.ERR_get_error())?.reason).to.equal(P.negativeCount.openssl111.value.reason);
    },
    c3(R, line) {
      const buf = new Uint8Array(8);
      expect(R.RAND_bytes(buf, -1)).to.equal(want3(P.negativeCount, line).ret);
      expect(R.RAND_priv_bytes(buf, -1)).to.equal(want3(P.negativeCount, line).ret);
      expect(drainErrors3(R)).to.deep.equal([]);
      expect(R.RAND_set_DRBG_type(null, null, null, null, null)).to.equal(1); // no primary was created
    },
  },

  fipsRandAdd: {
    c111() {
      const buf = new Uint8Array(48).fill(1);
      O111.FIPS_mode_set(1);
      const m = master111();
      const before = m.reseedCounter;
      O111.RAND_add(buf, 48, 48);
      O111.RAND_seed(buf, 48);
      expect(m.reseedCounter).to.equal(before); // as RAND_add(buf, n, randomness = 0)
      expect(P.fipsRandAdd.fips.value.randomness111).to.equal(0);
    },
    c3(R, line) {
      expect(want3(P.fipsRandAdd, line)).to.equal(null); // as without FIPS mode
      const h = helpers3(R);
      const buf = new Uint8Array(48).fill(1);
      h.fips();
      const before = h.counter(h.primary());
      R.RAND_add(buf, 48, 48);
      R.RAND_seed(buf, 48);
      expect(h.counter(h.primary())).to.equal(before + 2); // unchanged by FIPS mode
    },
  },

  fipsReseedEntropy: {
    c111() {
      expect(O111.RAND_DRBG_reseed.length).to.equal(4); // (drbg, adin, adinlen, prediction_resistance)
      expect(P.fipsReseedEntropy.openssl111.value).to.equal(null);
    },
    c3(R, line) {
      const h = helpers3(R);
      const reseedWithEntropy = (type: string, props: string | null): number => {
        const c = h.drbg(h.testRand(), type, props);
        expect(R.EVP_RAND_instantiate(c, 0, 0, null, 0, null)).to.equal(1);
        const ret = R.EVP_RAND_reseed(c, 0, ENTROPY, ENTROPY.length, null, 0);
        R.ERR_clear_error();
        return ret;
      };
      expect({ ctr: reseedWithEntropy('CTR-DRBG', null), hash: reseedWithEntropy('HASH-DRBG', null) })
        .to.deep.equal(want3(P.fipsReseedEntropy, line));
      expect(R.OSSL_PROVIDER_load(null, 'fips')).to.not.equal(null);
      expect({ ctr: reseedWithEntropy('CTR-DRBG', 'fips=yes'), hash: reseedWithEntropy('HASH-DRBG', 'fips=yes') })
        .to.deep.equal(P.fipsReseedEntropy.fips.value);
    },
  },

  // ---- the rows of the lines after 3.0
  randomProvider: {
    c111: absent111('OSSL_PROVIDER_load', 'RAND_set1_random_provider'),
    c3(R, line) {
      // RAND_bytes with "fips" loaded, then routed to "default" (no random_bytes), then with the
      // mechanism switched off (NULL): the answers test/interop/lines-random-provider.spec.ts
      // compares with each real line, here on the personality alone (a fresh context around it)
      if (exported(R, ['RAND_set1_random_provider']).length === 0) {
        expect(null).to.deep.equal(want3(P.randomProvider, line));
        return;
      }
      const buf = new Uint8Array(16);
      R.RANDSHIM_3_reset();
      try {
        if (R.OSSL_PROVIDER_load(null, 'fips') === null) expect.fail('the fips provider did not load');
        const fips = R.RAND_bytes(buf, buf.length);
        R.RAND_set1_random_provider(null, R.OSSL_PROVIDER_load(null, 'default'));
        const viaDefault = R.RAND_bytes(buf, buf.length);
        R.RAND_set1_random_provider(null, null);
        const builtIn = R.RAND_bytes(buf, buf.length);
        R.ERR_clear_error();
        expect({ fips, default: viaDefault, builtIn }).to.deep.equal(want3(P.randomProvider, line));
      } finally {
        R.RANDSHIM_3_reset();
      }
    },
  },
  newCalls: {
    c111: absent111(...NEW_CALLS),
    c3: (R, line) => expect(exported(R, NEW_CALLS)).to.deep.equal(want3(P.newCalls, line)),
  },
  engineRand: {
    c111: () => expect(exported(O111, ENGINE_CALLS)).to.deep.equal(want(P.engineRand.openssl111)),
    c3: (R, line) => expect(exported(R, ENGINE_CALLS)).to.deep.equal(want3(P.engineRand, line)),
  },
  seedSrcBase: {
    c111: absent111('OSSL_PROVIDER_load', 'EVP_RAND_fetch'),
    c3(R, line) {
      R.OSSL_PROVIDER_load(null, 'base');
      R.ERR_clear_error();
      const rand = R.EVP_RAND_fetch(null, 'SEED-SRC', 'provider=base');
      R.ERR_clear_error();
      expect(rand === null ? null : `${R.EVP_RAND_get0_name(rand)} @ ${R.OSSL_PROVIDER_get0_name(R.EVP_RAND_get0_provider(rand))}`)
        .to.deep.equal(want3(P.seedSrcBase, line));
    },
  },
  testRandGenerate: scenarioRow('testRandGenerate', absent111('EVP_RAND_fetch')),
  repeatedParameter: scenarioRow('repeatedParameter', absent111('EVP_RAND_CTX_set_params', 'OSSL_PARAM_construct_uint')),
  providerNameSettable: scenarioRow('providerNameSettable', absent111('EVP_RAND_settable_ctx_params')),
  hmacMac: scenarioRow('hmacMac', absent111('EVP_RAND_gettable_ctx_params', 'EVP_RAND_settable_ctx_params')),
  fetchTrailingSpace: scenarioRow('fetchTrailingSpace', absent111('EVP_RAND_fetch')),
  nonceZeroLength: scenarioRow('nonceZeroLength', absent111('EVP_RAND_nonce')),
  ctxNewFailure: scenarioRow('ctxNewFailure', absent111('EVP_RAND_CTX_new')),
  seedConfigFatal: scenarioRow('seedConfigFatal', absent111('RAND_set_seed_source_type')),
  seedSrcParentGone: scenarioRow('seedSrcParentGone', absent111('EVP_RAND_fetch')),
  paramConversionError: scenarioRow('paramConversionError', absent111('EVP_RAND_CTX_get_params', 'OSSL_PARAM_get_uint')),
  unsizedSeedError: scenarioRow('unsizedSeedError', absent111('RAND_set_DRBG_type')),
};

/** Which address a child's pull mixes in: varying each alone must change exactly one output. */
function addressUsed(run: (parentId: number, childId: number) => string): 'child' | 'parent' {
  const base = run(1, 2);
  const child = run(1, 3) !== base;
  const parent = run(4, 2) !== base;
  expect(child !== parent, 'exactly one address is mixed in').to.equal(true);
  return child ? 'child' : 'parent';
}

function resetAll(): void {
  O111.RANDSHIM_111_reset();
  for (const R of Object.values(PERSONALITY3)) R.RANDSHIM_3_reset();
  O3.ERR_clear_error();
}

describe(PERSONALITY_SUITE, () => {
  beforeEach(resetAll);
  after(resetAll);

  it('checks every row on every 3.x line', () => {
    expect(Object.keys(CHECKS).sort()).to.deep.equal(Object.keys(P).sort());
    expect(LINES3).to.deep.equal(Object.keys(PERSONALITY3).sort());
  });

  for (const key of Object.keys(P) as PersonalityRowKey[]) {
    const row = P[key] as Behaviour<unknown, unknown, unknown>;
    it(`${row.id}: ${row.behaviour}`, () => {
      CHECKS[key].c111();
      resetAll();
      CHECKS[key].c3(O3, '3.0');
    });
    for (const line of LINES3.filter((l) => l !== '3.0')) {
      it(`${row.id} on ${line}: ${row.behaviour}`, () => CHECKS[key].c3(PERSONALITY3[line], line));
    }
  }
});
