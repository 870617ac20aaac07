/**
 * The personality table (interop/suites/personalities/table.ts), row by row, on randshim's two personalities
 * in one process: each test checks the row's 1.1.1 value through compat/openssl111, its 3.0 value
 * through compat/openssl3, and what FIPS mode changes, with the values the table is rendered
 * from. The rows' oracle proofs (cited in the table) show real OpenSSL doing the same.
 */
import { expect } from 'chai';
import * as O111 from '../../compat/openssl111/index.js';
import * as O3 from '../../compat/openssl3/index.js';
import { drainErrors3 } from '../../interop/builds/openssl3/error-names.js';
import { PERSONALITIES as P, PERSONALITY_SUITE, type PersonalityRowKey } from '../../interop/suites/personalities/table.js';
import { toHex, utf8 } from '../../provider/bytes.js';
import { TestRand } from '../../provider/openssl3/rands/test-rand.js';

const PERS_STRING = [...utf8('OpenSSL NIST SP 800-90A DRBG'), 0];
const ENTROPY = Uint8Array.from({ length: 48 }, (_, i) => i);
const NONCE = Uint8Array.from({ length: 16 }, (_, i) => 0x64 + i);

// ---- 3.x helpers ----

function params3(ctx: O3.EVP_RAND_CTX, want: Record<string, 'uint' | 'int' | 'time_t' | 'utf8'>): Record<string, number | string> {
  const boxes: Record<string, { value: number | bigint } | Uint8Array> = {};
  const list: O3.OSSL_PARAM[] = Object.entries(want).map(([key, kind]) => {
    if (kind === 'utf8') {
      const buf = new Uint8Array(64);
      boxes[key] = buf;
      return O3.OSSL_PARAM_construct_utf8_string(key, buf, 64);
    }
    const box = { value: 0 };
    boxes[key] = box;
    if (kind === 'uint') return O3.OSSL_PARAM_construct_uint(key, box);
    if (kind === 'int') return O3.OSSL_PARAM_construct_int(key, box);
    return O3.OSSL_PARAM_construct_time_t(key, box);
  });
  expect(O3.EVP_RAND_CTX_get_params(ctx, [...list, O3.OSSL_PARAM_construct_end()])).to.equal(1);
  const out: Record<string, number | string> = {};
  for (const [key, b] of Object.entries(boxes)) {
    out[key] = b instanceof Uint8Array ? Buffer.from(b.subarray(0, b.indexOf(0))).toString() : Number(b.value);
  }
  return out;
}

const counter3 = (ctx: O3.EVP_RAND_CTX): number => params3(ctx, { reseed_counter: 'uint' }).reseed_counter as number;
const primary3 = (): O3.EVP_RAND_CTX => O3.RAND_get0_primary(null) as O3.EVP_RAND_CTX;
const providerOf = (ctx: O3.EVP_RAND_CTX): string => O3.OSSL_PROVIDER_get0_name(O3.EVP_RAND_get0_provider(O3.EVP_RAND_CTX_get0_rand(ctx)));

/** A TEST-RAND holding the check vector's entropy and nonce (docs/openssl-behaviour.md), instantiated. */
function testRand3(): O3.EVP_RAND_CTX {
  const t = O3.EVP_RAND_CTX_new(O3.EVP_RAND_fetch(null, 'TEST-RAND', null), null) as O3.EVP_RAND_CTX;
  expect(O3.EVP_RAND_instantiate(t, 256, 0, null, 0, [
    O3.OSSL_PARAM_construct_uint(O3.OSSL_RAND_PARAM_STRENGTH, { value: 256 }),
    O3.OSSL_PARAM_construct_octet_string(O3.OSSL_RAND_PARAM_TEST_ENTROPY, ENTROPY, ENTROPY.length),
    O3.OSSL_PARAM_construct_octet_string(O3.OSSL_RAND_PARAM_TEST_NONCE, NONCE, NONCE.length),
    O3.OSSL_PARAM_construct_end(),
  ])).to.equal(1);
  return t;
}

/** A DRBG of `type` (fetched with `props`) under `parent`, configured, not instantiated. */
function drbg3(parent: O3.EVP_RAND_CTX | null, type = 'CTR-DRBG', props: string | null = null): O3.EVP_RAND_CTX {
  const ctx = O3.EVP_RAND_CTX_new(O3.EVP_RAND_fetch(null, type, props), parent) as O3.EVP_RAND_CTX;
  const config = type === 'CTR-DRBG'
    ? O3.OSSL_PARAM_construct_utf8_string(O3.OSSL_DRBG_PARAM_CIPHER, 'AES-256-CTR', 0)
    : O3.OSSL_PARAM_construct_utf8_string(O3.OSSL_DRBG_PARAM_DIGEST, 'SHA256', 0);
  expect(O3.EVP_RAND_CTX_set_params(ctx, [config, O3.OSSL_PARAM_construct_end()])).to.equal(1);
  return ctx;
}

function generate3(ctx: O3.EVP_RAND_CTX, n = 16): string {
  const out = new Uint8Array(n);
  expect(O3.EVP_RAND_generate(ctx, out, n, 0, 0, null, 0)).to.equal(1);
  return toHex(out);
}

function fips3(): void {
  expect(O3.OSSL_PROVIDER_load(null, 'fips')).to.not.equal(null);
  expect(O3.EVP_default_properties_enable_fips(null, 1)).to.equal(1);
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

// ---- one check per row ----

const CHECKS: Record<PersonalityRowKey, () => void> = {
  defaultDrbg() {
    const m = master111();
    expect({ type: m.type, flags: m.flags }).to.deep.equal(P.defaultDrbg.openssl111.value);
    const p = primary3();
    const v3 = params3(p, { cipher: 'utf8', use_derivation_function: 'int' });
    expect({ name: O3.EVP_RAND_get0_name(O3.EVP_RAND_CTX_get0_rand(p)), cipher: v3.cipher, useDf: v3.use_derivation_function })
      .to.deep.equal(P.defaultDrbg.openssl3.value);
    expect(providerOf(p)).to.equal('default');
    // FIPS mode: 1.1.1's switch changes no DRBG; 3.x takes the FIPS provider's.
    O111.RANDSHIM_111_reset();
    O111.FIPS_mode_set(1);
    expect(master111().type).to.equal(P.defaultDrbg.openssl111.value.type);
    O3.RANDSHIM_3_reset();
    fips3();
    expect(providerOf(primary3())).to.equal(P.defaultDrbg.fips.value.provider3);
    expect(params3(primary3(), { cipher: 'utf8' }).cipher).to.equal(P.defaultDrbg.openssl3.value.cipher);
  },

  primaryIntervals() {
    const m = master111();
    expect({ requests: m.reseedInterval, seconds: m.reseedTimeInterval }).to.deep.equal(P.primaryIntervals.openssl111.value);
    const v = params3(primary3(), { reseed_requests: 'uint', reseed_time_interval: 'time_t' });
    expect({ requests: v.reseed_requests, seconds: v.reseed_time_interval }).to.deep.equal(P.primaryIntervals.openssl3.value);
  },

  secondaryIntervals() {
    for (const d of [O111.RAND_DRBG_get0_public(), O111.RAND_DRBG_get0_private()] as O111.RAND_DRBG[]) {
      expect({ requests: d.reseedInterval, seconds: d.reseedTimeInterval }).to.deep.equal(P.secondaryIntervals.openssl111.value);
    }
    for (const c of [O3.RAND_get0_public(null), O3.RAND_get0_private(null)] as O3.EVP_RAND_CTX[]) {
      const v = params3(c, { reseed_requests: 'uint', reseed_time_interval: 'time_t' });
      expect({ requests: v.reseed_requests, seconds: v.reseed_time_interval }).to.deep.equal(P.secondaryIntervals.openssl3.value);
    }
  },

  otherIntervals() {
    const alone = O111.RAND_DRBG_new(0, 0, null) as O111.RAND_DRBG;
    const child = O111.RAND_DRBG_new(0, 0, master111()) as O111.RAND_DRBG;
    expect({
      withoutParent: { requests: alone.reseedInterval, seconds: alone.reseedTimeInterval },
      withParent: { requests: child.reseedInterval, seconds: child.reseedTimeInterval },
    }).to.deep.equal(P.otherIntervals.openssl111.value);
    const read = (c: O3.EVP_RAND_CTX) => {
      const v = params3(c, { reseed_requests: 'uint', reseed_time_interval: 'time_t' });
      return { requests: v.reseed_requests, seconds: v.reseed_time_interval };
    };
    expect({ withoutParent: read(drbg3(null)), withParent: read(drbg3(testRand3())) }).to.deep.equal(P.otherIntervals.openssl3.value);
  },

  intervalCaps() {
    const caps = P.intervalCaps.openssl111.value;
    const d = O111.RAND_DRBG_new(0, 0, null) as O111.RAND_DRBG;
    expect([O111.RAND_DRBG_set_reseed_interval(d, caps.requests), O111.RAND_DRBG_set_reseed_interval(d, caps.requests + 1),
      O111.RAND_DRBG_set_reseed_time_interval(d, caps.seconds), O111.RAND_DRBG_set_reseed_time_interval(d, caps.seconds + 1)])
      .to.deep.equal([1, 0, 1, 0]);
    expect(P.intervalCaps.openssl3.value).to.equal(null);
    const c = drbg3(null);
    expect(O3.EVP_RAND_CTX_set_params(c, [O3.OSSL_PARAM_construct_uint(O3.OSSL_DRBG_PARAM_RESEED_REQUESTS, { value: caps.requests + 1 }),
      O3.OSSL_PARAM_construct_time_t(O3.OSSL_DRBG_PARAM_RESEED_TIME_INTERVAL, { value: caps.seconds + 1 }), O3.OSSL_PARAM_construct_end()]))
      .to.equal(1);
    expect(params3(c, { reseed_requests: 'uint', reseed_time_interval: 'time_t' }))
      .to.deep.equal({ reseed_requests: caps.requests + 1, reseed_time_interval: caps.seconds + 1 });
  },

  defaultPers() {
    // 1.1.1: implicit instantiation uses the default; explicit instantiation what it is given.
    const implicit = generate111(drbg111());
    const withPers = (n: number): string => {
      const d = drbg111();
      expect(O111.RAND_DRBG_instantiate(d, Uint8Array.from(PERS_STRING.slice(0, n)), n)).to.equal(1);
      return generate111(d);
    };
    expect(withPers(P.defaultPers.openssl111.value)).to.equal(implicit);
    expect(withPers(P.defaultPers.openssl111.value + 1)).to.not.equal(implicit);
    // 3.x: a NULL pers means the default.
    const with3 = (pers: Uint8Array | null): string => {
      const c = drbg3(testRand3());
      expect(O3.EVP_RAND_instantiate(c, 0, 0, pers, pers?.length ?? 0, null)).to.equal(1);
      return generate3(c);
    };
    const nullPers = with3(null);
    expect(with3(Uint8Array.from(PERS_STRING.slice(0, P.defaultPers.openssl3.value)))).to.equal(nullPers);
    expect(with3(Uint8Array.from(PERS_STRING.slice(0, P.defaultPers.openssl3.value - 1)))).to.not.equal(nullPers);
  },

  primarySeed() {
    const os111 = countingOs();
    O111.RANDSHIM_111_reset({ osEntropy: os111.osEntropy });
    const m = master111();
    expect(os111.bytes()).to.equal(P.primarySeed.openssl111.value.entropy);
    expect(m.getNonce?.(m, 128, 16, 0x7fffffff)?.length).to.equal(P.primarySeed.openssl111.value.nonce);
    const os3 = countingOs();
    O3.RANDSHIM_3_reset({ osEntropy: os3.osEntropy, osNonce: os3.osNonce });
    primary3();
    expect({ entropy: os3.bytes(), nonce: os3.nonces() }).to.deep.equal(P.primarySeed.openssl3.value);
    const fips = countingOs();
    O3.RANDSHIM_3_reset({ osEntropy: fips.osEntropy, osNonce: fips.osNonce });
    fips3();
    primary3();
    expect({ entropy: fips.bytes(), nonce: fips.nonces() === 1 }).to.deep.equal(P.primarySeed.fips.value);
  },

  childAdin() {
    const id = (b: number): Uint8Array => new Uint8Array(8).fill(b);
    const run111 = (parentId: number, childId: number): string => {
      const parent = drbg111();
      parent.identity = id(parentId);
      const child = O111.RAND_DRBG_new(O111.NID_aes_256_ctr, 0, parent) as O111.RAND_DRBG;
      child.identity = id(childId);
      return generate111(child);
    };
    const run3 = (parentId: number, childId: number): string => {
      const parent = drbg3(testRand3());
      O3.RANDSHIM_EVP_RAND_CTX_set_identity(parent, id(parentId));
      expect(O3.EVP_RAND_instantiate(parent, 0, 0, null, 0, null)).to.equal(1);
      const child = drbg3(parent);
      O3.RANDSHIM_EVP_RAND_CTX_set_identity(child, id(childId));
      expect(O3.EVP_RAND_instantiate(child, 0, 0, null, 0, null)).to.equal(1);
      return generate3(child);
    };
    const uses = (run: (p: number, c: number) => string): string => {
      const base = run(1, 2);
      const child = run(1, 3) !== base;
      const parent = run(4, 2) !== base;
      expect(child !== parent, 'exactly one address is mixed in').to.equal(true);
      return child ? 'child' : 'parent';
    };
    expect(uses(run111)).to.equal(P.childAdin.openssl111.value);
    expect(uses(run3)).to.equal(P.childAdin.openssl3.value);
  },

  randBytesAdin() {
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
    // 3.x: RAND_bytes is EVP_RAND_generate(public) with no additional input.
    const pinned = (): void => {
      const seed = TestRand.create(256, ENTROPY, NONCE);
      seed.instantiate(0);
      O3.RANDSHIM_3_reset({}, { seedSource: seed, identities: { primary: new Uint8Array(8).fill(1) } });
    };
    pinned();
    const viaRandBytes = new Uint8Array(32);
    expect(O3.RAND_bytes(viaRandBytes, 32)).to.equal(1);
    pinned();
    const plain = new Uint8Array(32);
    const adin3 = new Uint8Array(P.randBytesAdin.openssl3.value);
    expect(O3.EVP_RAND_generate(O3.RAND_get0_public(null) as O3.EVP_RAND_CTX, plain, 32, 0, 0, adin3.length === 0 ? null : adin3,
      adin3.length)).to.equal(1);
    expect(toHex(viaRandBytes)).to.equal(toHex(plain));
  },

  randAdd() {
    const threshold = P.randAdd.openssl111.value.threshold;
    const buf = new Uint8Array(threshold).fill(9);
    const m = master111();
    const c111 = m.reseedCounter;
    O111.RAND_add(buf, threshold, 0);
    O111.RAND_add(buf, threshold, threshold - 1);
    expect(m.reseedCounter).to.equal(c111);
    O111.RAND_add(buf, threshold, threshold);
    expect(m.reseedCounter).to.equal(c111 + 1);
    expect(P.randAdd.openssl3.value.threshold).to.equal(null);
    const c3 = counter3(primary3());
    for (const randomness of [0, threshold - 1, threshold]) O3.RAND_add(buf, threshold, randomness);
    expect(counter3(primary3())).to.equal(c3 + 3);
    // FIPS mode (1.1.1): randomness counts as 0, so no reseed however much is claimed.
    expect(P.randAdd.fips.value.randomness111).to.be.below(threshold);
    O111.FIPS_mode_set(1);
    O111.RAND_add(buf, threshold, threshold);
    expect(m.reseedCounter).to.equal(c111 + 1);
  },

  predictionResistance() {
    const out = new Uint8Array(16);
    const pub111 = O111.RAND_DRBG_get0_public() as O111.RAND_DRBG;
    expect(O111.RAND_DRBG_generate(pub111, out, 16, 1, null, 0)).to.equal(P.predictionResistance.openssl111.value ? 1 : 0);
    expect(O111.describeError111(O111.ERR_get_error())?.reason).to.equal('PREDICTION_RESISTANCE_NOT_SUPPORTED');
    O111.ERR_clear_error();
    const pub3 = O3.RAND_get0_public(null) as O3.EVP_RAND_CTX;
    expect(O3.EVP_RAND_generate(pub3, out, 16, 0, 1, null, 0)).to.equal(P.predictionResistance.openssl3.value ? 1 : 0);
  },

  propagation() {
    // Does a DRBG reseed on its next request after its parent reseeded?
    const follows111 = (d: O111.RAND_DRBG): boolean => {
      generate111(d);
      const before = d.generateCounter;
      expect(O111.RAND_DRBG_reseed(master111(), null, 0, 0)).to.equal(1);
      generate111(d);
      return d.generateCounter !== before + 1;
    };
    const shared111 = follows111(O111.RAND_DRBG_get0_public() as O111.RAND_DRBG);
    const other111 = follows111(O111.RAND_DRBG_new(0, 0, master111()) as O111.RAND_DRBG);
    expect(shared111 && !other111 ? 'shared' : 'every').to.equal(P.propagation.openssl111.value);
    const parent = drbg3(testRand3());
    expect(O3.EVP_RAND_instantiate(parent, 0, 0, null, 0, null)).to.equal(1);
    const child = drbg3(parent);
    expect(O3.EVP_RAND_instantiate(child, 0, 0, null, 0, null)).to.equal(1);
    const afterInstantiate = counter3(child);
    generate3(child);
    const firstReseeds = counter3(child) === afterInstantiate + 1;
    expect(O3.EVP_RAND_reseed(parent, 0, null, 0, null, 0)).to.equal(1);
    generate3(child);
    const other3 = counter3(child) === afterInstantiate + 2;
    expect(firstReseeds && other3 ? 'every' : 'shared').to.equal(P.propagation.openssl3.value);
  },

  reseedNotReady() {
    const d = O111.RAND_DRBG_new(O111.NID_aes_256_ctr, 0, null) as O111.RAND_DRBG;
    expect(O111.RAND_DRBG_reseed(d, null, 0, 0)).to.equal(P.reseedNotReady.openssl111.value);
    O111.ERR_clear_error();
    const c = drbg3(testRand3());
    expect(O3.EVP_RAND_reseed(c, 0, null, 0, null, 0)).to.equal(P.reseedNotReady.openssl3.value);
    expect(O3.EVP_RAND_get_state(c)).to.equal(O3.EVP_RAND_STATE_READY);
  },

  generateZero() {
    const [a, b] = [drbg111(), drbg111()];
    for (const d of [a, b]) expect(O111.RAND_DRBG_instantiate(d, null, 0)).to.equal(1);
    expect(O111.RAND_DRBG_generate(a, new Uint8Array(0), 0, 0, null, 0)).to.equal(1);
    expect(a.generateCounter).to.equal(b.generateCounter + 1);
    expect(generate111(a) !== generate111(b) ? 'generate' : 'nothing').to.equal(P.generateZero.openssl111.value);
    const [x, y] = [drbg3(testRand3()), drbg3(testRand3())];
    for (const c of [x, y]) expect(O3.EVP_RAND_instantiate(c, 0, 0, null, 0, null)).to.equal(1);
    expect(O3.EVP_RAND_generate(x, new Uint8Array(0), 0, 0, 0, null, 0)).to.equal(1);
    expect(generate3(x) !== generate3(y) ? 'generate' : 'nothing').to.equal(P.generateZero.openssl3.value);
    expect(counter3(x)).to.equal(counter3(y));
  },

  negativeCount() {
    const buf = new Uint8Array(8);
    expect(O111.RAND_bytes(buf, -1)).to.equal(P.negativeCount.openssl111.value.ret);
    expect(O111.describeError111(O111.ERR_get_error())?.reason).to.equal(P.negativeCount.openssl111.value.reason);
    expect(O3.RAND_bytes(buf, -1)).to.equal(P.negativeCount.openssl3.value.ret);
    expect(O3.RAND_priv_bytes(buf, -1)).to.equal(P.negativeCount.openssl3.value.ret);
    expect(drainErrors3(O3)).to.deep.equal([]);
    expect(O3.RAND_set_DRBG_type(null, null, null, null, null)).to.equal(1); // no primary was created
  },

  fipsRandAdd() {
    const buf = new Uint8Array(48).fill(1);
    O111.FIPS_mode_set(1);
    const m = master111();
    const before = m.reseedCounter;
    O111.RAND_add(buf, 48, 48);
    O111.RAND_seed(buf, 48);
    expect(m.reseedCounter).to.equal(before); // as RAND_add(buf, n, randomness = 0)
    expect(P.fipsRandAdd.fips.value.randomness111).to.equal(0);
    fips3();
    const c3 = counter3(primary3());
    O3.RAND_add(buf, 48, 48);
    O3.RAND_seed(buf, 48);
    expect(counter3(primary3())).to.equal(c3 + 2); // unchanged by FIPS mode
  },

  fipsReseedEntropy() {
    expect(O111.RAND_DRBG_reseed.length).to.equal(4); // (drbg, adin, adinlen, prediction_resistance)
    expect(P.fipsReseedEntropy.openssl111.value).to.equal(null);
    const reseedWithEntropy = (type: string, props: string | null): number => {
      const c = drbg3(testRand3(), type, props);
      expect(O3.EVP_RAND_instantiate(c, 0, 0, null, 0, null)).to.equal(1);
      const ret = O3.EVP_RAND_reseed(c, 0, ENTROPY, ENTROPY.length, null, 0);
      O3.ERR_clear_error();
      return ret;
    };
    expect({ ctr: reseedWithEntropy('CTR-DRBG', null), hash: reseedWithEntropy('HASH-DRBG', null) })
      .to.deep.equal(P.fipsReseedEntropy.openssl3.value);
    expect(O3.OSSL_PROVIDER_load(null, 'fips')).to.not.equal(null);
    expect({ ctr: reseedWithEntropy('CTR-DRBG', 'fips=yes'), hash: reseedWithEntropy('HASH-DRBG', 'fips=yes') })
      .to.deep.equal(P.fipsReseedEntropy.fips.value);
  },
};

describe(PERSONALITY_SUITE, () => {
  beforeEach(() => {
    O111.RANDSHIM_111_reset();
    O3.RANDSHIM_3_reset();
    O3.ERR_clear_error();
  });
  after(() => {
    O111.RANDSHIM_111_reset();
    O3.RANDSHIM_3_reset();
    O3.ERR_clear_error();
  });

  for (const key of Object.keys(P) as PersonalityRowKey[]) {
    it(`${P[key].id}: ${P[key].behaviour}`, CHECKS[key]);
  }
});
