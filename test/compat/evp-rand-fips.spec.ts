/**
 * FIPS behaviour of the 3.x provider (issue 5 part 4), default and FIPS side by side.
 *
 * CODE READING ONLY: the system OpenSSL has no FIPS provider (OSSL_PROVIDER_load(NULL, "fips")
 * fails there), so nothing here is compared with a real FIPS module. What is modelled, from
 * openssl-3.0.20:
 * - providers/implementations/rands/drbg.c lines 557-572 (ossl_prov_drbg_reseed, FIPS_MODULE):
 *   an entropy buffer given to EVP_RAND_reseed goes in as additional input,
 *   `drbg->reseed(drbg, NULL, 0, ent, ent_len)`, never as entropy (SP 800-90A 8.6.5); the
 *   caller's own additional input is NOT dropped and goes with the second reseed, from the
 *   DRBG's own source (lines 575-588, as without FIPS_MODULE);
 * - drbg_ctr.c line 348 (drbg_ctr_reseed): `if (entropy == NULL) return 0;` so a CTR-DRBG
 *   refuses that first reseed: EVP_RAND_reseed returns 0 with PROV_R_UNABLE_TO_RESEED and the
 *   DRBG is left in the error state (drbg.c sets it before reseeding);
 * - drbg_hash.c hash_df (in2 == NULL is skipped) and drbg_hmac.c do_hmac (NULL inputs are
 *   skipped): Hash and HMAC accept the NULL entropy;
 * - providers/fips/fipsprov.c lines 27 and 363-368: the FIPS provider's DRBGs are defined
 *   "provider=fips,fips=yes", its TEST-RAND "provider=fips,fips=no", and it has no SEED-SRC.
 */
import { expect } from 'chai';
import * as R from '../../compat/openssl3/index.js';
import { fromHex, toHex } from '../../provider/bytes.js';
import { DEFAULT_PERS_3X } from '../../provider/openssl3/rands/drbg.js';
import { getBackend } from '../../provider/sp800-90a/primitives/index.js';
import { findDigest } from '../../provider/sp800-90a/primitives/algorithms.js';
import { HashDrbgMechanism } from '../../provider/sp800-90a/hash-drbg.js';
import { HmacDrbgMechanism } from '../../provider/sp800-90a/hmac-drbg.js';
import type { Mechanism } from '../../provider/sp800-90a/mechanism.js';

const ENTROPY = Uint8Array.from({ length: 48 }, (_, i) => i);
const NONCE = Uint8Array.from({ length: 16 }, (_, i) => 0x64 + i);
const APP_ENTROPY = Uint8Array.from({ length: 40 }, (_, i) => 0xa0 + i);
const ADIN = fromHex('616263');

function errors(): string[] {
  const out: string[] = [];
  for (let e = R.ERR_get_error(); e !== 0; e = R.ERR_get_error()) {
    const d = R.describeError3(e);
    out.push(`${d?.lib}:${d?.reason}`);
  }
  return out;
}

/** A TEST-RAND parent and a DRBG of `type` fetched with `props`, instantiated. */
function drbg(type: string, props: string | null, config: R.OSSL_PARAM[]): R.EVP_RAND_CTX {
  const tr = R.EVP_RAND_CTX_new(R.EVP_RAND_fetch(null, 'TEST-RAND', '-fips'), null) as R.EVP_RAND_CTX;
  expect(R.EVP_RAND_instantiate(tr, 0, 0, null, 0, [
    R.OSSL_PARAM_construct_uint('strength', { value: 256 }),
    R.OSSL_PARAM_construct_octet_string('test_entropy', ENTROPY, ENTROPY.length),
    R.OSSL_PARAM_construct_octet_string('test_nonce', NONCE, NONCE.length),
    R.OSSL_PARAM_construct_end(),
  ])).to.equal(1);
  const rand = R.EVP_RAND_fetch(null, type, props);
  expect(rand, `${type} ${String(props)}`).to.not.equal(null);
  const ctx = R.EVP_RAND_CTX_new(rand, tr) as R.EVP_RAND_CTX;
  R.EVP_RAND_CTX_free(tr);
  expect(R.EVP_RAND_instantiate(ctx, 0, 0, null, 0, config)).to.equal(1);
  return ctx;
}

const CONFIGS: Record<string, () => R.OSSL_PARAM[]> = {
  'CTR-DRBG': () => [R.OSSL_PARAM_construct_utf8_string('cipher', 'AES-256-CTR', 0), R.OSSL_PARAM_construct_end()],
  'HASH-DRBG': () => [R.OSSL_PARAM_construct_utf8_string('digest', 'SHA256', 0), R.OSSL_PARAM_construct_end()],
  'HMAC-DRBG': () => [R.OSSL_PARAM_construct_utf8_string('mac', 'HMAC', 0), R.OSSL_PARAM_construct_utf8_string('digest', 'SHA256', 0), R.OSSL_PARAM_construct_end()],
};

interface Row {
  readonly ret: number;
  readonly state: number;
  readonly errors: string[];
  readonly reseedCounter: number;
  readonly next: string;
}

/** EVP_RAND_reseed(ctx, 0, APP_ENTROPY, ADIN), then what the DRBG looks like and generates. */
function reseedWithEntropy(ctx: R.EVP_RAND_CTX): Row {
  R.ERR_clear_error();
  const ret = R.EVP_RAND_reseed(ctx, 0, APP_ENTROPY, APP_ENTROPY.length, ADIN, ADIN.length);
  const state = R.EVP_RAND_get_state(ctx);
  const errs = errors();
  const rc = { value: 0 };
  R.EVP_RAND_CTX_get_params(ctx, [R.OSSL_PARAM_construct_uint('reseed_counter', rc), R.OSSL_PARAM_construct_end()]);
  const out = new Uint8Array(32);
  R.EVP_RAND_generate(ctx, out, 32, 0, 0, null, 0);
  errors();
  return { ret, state, errors: errs, reseedCounter: rc.value as number, next: toHex(out) };
}

/** The mechanism-level sequences each mode stands for: instantiate (TEST-RAND entropy and nonce,
 * default personalization), the reseeds, one generate of 32 bytes (generate_counter 1). */
function expected(make: () => Mechanism, fips: boolean): string {
  const m = make();
  m.instantiate(ENTROPY, NONCE, DEFAULT_PERS_3X);
  if (fips) {
    m.reseed(null, APP_ENTROPY);
    m.reseed(ENTROPY, ADIN);
  } else {
    m.reseed(APP_ENTROPY, ADIN);
    m.reseed(ENTROPY, null);
  }
  const out = new Uint8Array(32);
  m.generate(out, null, 1);
  return toHex(out);
}

describe('FIPS mode (code reading): default and FIPS-behaviour providers side by side', () => {
  beforeEach(() => R.RANDSHIM_3_reset());
  after(() => R.RANDSHIM_3_reset());

  it('is switched on by loading randshim\'s "fips" provider, then "fips=yes" or the default properties', () => {
    expect(R.EVP_RAND_fetch(null, 'CTR-DRBG', 'fips=yes')).to.equal(null);
    expect(errors()).to.deep.equal(['EVP:UNSUPPORTED']);
    const prov = R.OSSL_PROVIDER_load(null, 'fips');
    expect(prov === null ? null : R.OSSL_PROVIDER_get0_name(prov)).to.equal('fips');
    expect(R.OSSL_PROVIDER_available(null, 'fips')).to.equal(1);
    const provider = (name: string, props: string | null): string | null => {
      const r = R.EVP_RAND_fetch(null, name, props);
      return r === null ? null : R.OSSL_PROVIDER_get0_name(R.EVP_RAND_get0_provider(r));
    };
    expect(provider('CTR-DRBG', null)).to.equal('default');
    expect(provider('CTR-DRBG', 'fips=yes')).to.equal('fips');
    expect(provider('HASH-DRBG', '?fips=yes')).to.equal('fips');
    expect(provider('HMAC-DRBG', 'provider=fips')).to.equal('fips');
    expect(provider('TEST-RAND', 'fips=yes')).to.equal(null);
    expect(provider('TEST-RAND', 'provider=fips')).to.equal('fips');
    expect(R.EVP_default_properties_is_fips_enabled(null)).to.equal(0);
    expect(R.EVP_default_properties_enable_fips(null, 1)).to.equal(1);
    expect(R.EVP_default_properties_is_fips_enabled(null)).to.equal(1);
    expect(provider('CTR-DRBG', null)).to.equal('fips');
    expect(provider('SEED-SRC', null)).to.equal(null);
    expect(provider('TEST-RAND', null)).to.equal(null);
    expect(provider('TEST-RAND', '-fips')).to.equal('default');
    expect(provider('CTR-DRBG', 'fips=no')).to.equal('default');
    errors();
    expect(R.EVP_default_properties_enable_fips(null, 0)).to.equal(1);
    expect(R.EVP_default_properties_is_fips_enabled(null)).to.equal(0);
    expect(provider('CTR-DRBG', null)).to.equal('default');
    expect(R.EVP_set_default_properties(null, 'fips=yes,')).to.equal(0);
    expect(errors()).to.deep.equal(['EVP:DEFAULT_QUERY_PARSE_ERROR']);
    expect(R.OSSL_PROVIDER_load(null, 'legacy')).to.equal(null);
    expect(errors()).to.deep.equal(['CRYPTO:INIT_FAIL']);
  });

  it('EVP_RAND_reseed with an entropy buffer: entropy (default) vs additional input only (FIPS)', () => {
    R.OSSL_PROVIDER_load(null, 'fips');
    const table: Record<string, { default: Row; fips: Row }> = {};
    for (const type of Object.keys(CONFIGS)) {
      table[type] = {
        default: reseedWithEntropy(drbg(type, 'provider=default', CONFIGS[type]())),
        fips: reseedWithEntropy(drbg(type, 'fips=yes', CONFIGS[type]())),
      };
    }
    // Default provider: two reseeds (the buffer as entropy with the caller's adin, then the
    // parent's entropy with none), one reseed_counter step.
    for (const type of Object.keys(CONFIGS)) {
      expect(table[type].default).to.deep.include({ ret: 1, state: R.EVP_RAND_STATE_READY, errors: [], reseedCounter: 3 });
    }
    // FIPS: CTR refuses the NULL entropy of the first reseed; Hash and HMAC reseed twice.
    expect(table['CTR-DRBG'].fips).to.deep.include({
      ret: 0, state: R.EVP_RAND_STATE_ERROR, errors: ['PROV:UNABLE_TO_RESEED'], reseedCounter: 2,
    });
    for (const type of ['HASH-DRBG', 'HMAC-DRBG']) {
      expect(table[type].fips).to.deep.include({ ret: 1, state: R.EVP_RAND_STATE_READY, errors: [], reseedCounter: 3 });
    }
    // The bytes that follow are those of the mechanism-level sequences each mode stands for.
    const backend = getBackend('node');
    const sha256 = findDigest('SHA256');
    if (sha256 === undefined) throw new Error('SHA256');
    const hash = (): Mechanism => new HashDrbgMechanism(sha256, backend);
    const hmac = (): Mechanism => new HmacDrbgMechanism(sha256, backend);
    expect(table['HASH-DRBG'].default.next).to.equal(expected(hash, false));
    expect(table['HASH-DRBG'].fips.next).to.equal(expected(hash, true));
    expect(table['HMAC-DRBG'].default.next).to.equal(expected(hmac, false));
    expect(table['HMAC-DRBG'].fips.next).to.equal(expected(hmac, true));
    expect(table['HASH-DRBG'].fips.next).to.not.equal(table['HASH-DRBG'].default.next);
    // The failed CTR recovers on its next generate (restart: uninstantiate, instantiate), so
    // its next output is a fresh instantiation's first, as for a brand-new DRBG.
    const fresh = drbg('CTR-DRBG', 'fips=yes', CONFIGS['CTR-DRBG']());
    const first = new Uint8Array(32);
    R.EVP_RAND_generate(fresh, first, 32, 0, 0, null, 0);
    expect(table['CTR-DRBG'].fips.next).to.equal(toHex(first));
  });

  it('without an entropy buffer FIPS and default DRBGs are the same', () => {
    R.OSSL_PROVIDER_load(null, 'fips');
    for (const type of Object.keys(CONFIGS)) {
      const outs = ['provider=default', 'fips=yes'].map((props) => {
        const ctx = drbg(type, props, CONFIGS[type]());
        R.EVP_RAND_reseed(ctx, 1, null, 0, ADIN, ADIN.length);
        const out = new Uint8Array(100);
        R.EVP_RAND_generate(ctx, out, 100, 0, 1, ADIN, ADIN.length);
        return toHex(out);
      });
      expect(outs[0], type).to.equal(outs[1]);
    }
  });

  it('a FIPS DRBG fetches its cipher and digest from the FIPS provider', () => {
    R.OSSL_PROVIDER_load(null, 'fips');
    const ctx = R.EVP_RAND_CTX_new(R.EVP_RAND_fetch(null, 'HASH-DRBG', 'fips=yes'), null) as R.EVP_RAND_CTX;
    const set = (props: string): number => R.EVP_RAND_CTX_set_params(ctx, [
      R.OSSL_PARAM_construct_utf8_string('properties', props, 0),
      R.OSSL_PARAM_construct_utf8_string('digest', 'SHA256', 0), R.OSSL_PARAM_construct_end(),
    ]);
    expect(set('provider=default')).to.equal(0);
    expect(errors()).to.deep.equal(['EVP:UNSUPPORTED']);
    expect(set('fips=yes')).to.equal(1);
    expect(R.EVP_RAND_get_strength(ctx)).to.equal(256);
  });
});
