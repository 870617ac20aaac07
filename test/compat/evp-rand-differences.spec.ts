/**
 * Where randshim's EVP_RAND knowingly differs from the system libcrypto.so.3 (OpenSSL 3.0),
 * each shown on both sides. Calls that crash OpenSSL run in a fresh process, whose death by
 * signal is the observation.
 *
 * Also two places where the declarations mislead and randshim follows what OpenSSL does:
 * - "strength" is declared a uint parameter (drbg_local.h's gettable tables), but every implementation
 *   writes it with OSSL_PARAM_set_int, so a TEST-RAND strength of 2^31 or more cannot be read
 *   as a uint, and a DRBG cannot even be created under it (get_parent_strength reads a uint);
 * - ossl_rand_drbg_new refuses a parent weaker than the child: at EVP_RAND_CTX_new the child's strength is
 *   still 0 (no cipher or digest yet), so creation succeeds and the check fails at instantiate.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as R from '../../compat/openssl3/index.js';
import { loadLibCrypto3, ParamArrays, type LibCrypto3, type Pointer } from '../../interop/ffi/index.js';
import { drainErrors3 } from '../../interop/builds/openssl3/error-names.js';

const DIST = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `body` (an ES module snippet with `c` = the system libcrypto, `P` = ParamArrays and
 * `pair(name, entries)` = a TEST-RAND parent with 48 bytes of entropy and a 16-byte nonce
 * and a child of `name` given `entries`) in a fresh process; returns how it ended. */
function inFreshProcess(body: string): { status: number | null; signal: string | null; stdout: string } {
  const script = `
    const { loadLibCrypto3, ParamArrays } = await import(${JSON.stringify(`${DIST}interop/ffi/index.js`)});
    const c = loadLibCrypto3(); const P = new ParamArrays(c);
    const E = Uint8Array.from({ length: 48 }, (_, i) => i), N = Uint8Array.from({ length: 16 }, (_, i) => 0x64 + i);
    function pair(name, entries) {
      const tr = c.EVP_RAND_CTX_new(c.EVP_RAND_fetch(0n, 'TEST-RAND', null), 0n);
      c.EVP_RAND_instantiate(tr, 0, 0, null, 0, P.build([['strength', { type: 'uint', value: 256 }],
        ['test_entropy', { type: 'octets', value: E }], ['test_nonce', { type: 'octets', value: N }]]));
      const ch = c.EVP_RAND_CTX_new(c.EVP_RAND_fetch(0n, name, null), tr);
      if (entries.length > 0) c.EVP_RAND_CTX_set_params(ch, P.build(entries));
      return ch;
    }
    ${body}
    console.log('survived');`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return { status: r.status, signal: r.signal, stdout: r.stdout };
}

function errors(): string[] {
  const out: string[] = [];
  for (let e = R.ERR_get_error(); e !== 0; e = R.ERR_get_error()) {
    const d = R.describeError3(e);
    out.push(`${d?.lib}:${d?.reason}`);
  }
  return out;
}

/** randshim: a TEST-RAND parent as in inFreshProcess, and a child of `name` given `params`. */
function shimPair(name: string, params: R.OSSL_PARAM[]): R.EVP_RAND_CTX {
  const tr = R.EVP_RAND_CTX_new(R.EVP_RAND_fetch(null, 'TEST-RAND', null), null) as R.EVP_RAND_CTX;
  R.EVP_RAND_instantiate(tr, 0, 0, null, 0, [
    R.OSSL_PARAM_construct_uint('strength', { value: 256 }),
    R.OSSL_PARAM_construct_octet_string('test_entropy', Uint8Array.from({ length: 48 }, (_, i) => i), 48),
    R.OSSL_PARAM_construct_octet_string('test_nonce', Uint8Array.from({ length: 16 }, (_, i) => 0x64 + i), 16),
    R.OSSL_PARAM_construct_end(),
  ]);
  const ch = R.EVP_RAND_CTX_new(R.EVP_RAND_fetch(null, name, null), tr) as R.EVP_RAND_CTX;
  if (params.length > 0) R.EVP_RAND_CTX_set_params(ch, [...params, R.OSSL_PARAM_construct_end()]);
  return ch;
}

describe('EVP_RAND: documented differences from the system libcrypto.so.3', function () {
  let c: LibCrypto3;
  let P: ParamArrays;
  before(() => {
    c = loadLibCrypto3();
    P = new ParamArrays(c);
    R.RANDSHIM_3_reset();
  });
  after(() => P.close());
  beforeEach(() => {
    c.ERR_clear_error();
    R.ERR_clear_error();
  });

  it('instantiating a CTR-DRBG without a cipher: OpenSSL crashes, randshim returns 0 (MISSING_CIPHER)', () => {
    expect(inFreshProcess(`c.EVP_RAND_instantiate(pair('CTR-DRBG', []), 0, 0, null, 0, 0n);`).signal).to.equal('SIGSEGV');
    const ctx = shimPair('CTR-DRBG', []);
    expect(R.EVP_RAND_instantiate(ctx, 0, 0, null, 0, null)).to.equal(0);
    expect(errors()).to.deep.equal(['PROV:MISSING_CIPHER', 'PROV:ERROR_INSTANTIATING_DRBG']);
    expect(R.EVP_RAND_get_state(ctx)).to.equal(R.EVP_RAND_STATE_ERROR);
  });

  it('an HMAC-DRBG with a MAC but no digest: OpenSSL crashes at instantiate, randshim returns 0', () => {
    const crash = inFreshProcess(`c.EVP_RAND_instantiate(pair('HMAC-DRBG', [['mac', { type: 'utf8', value: 'HMAC' }]]), 0, 0, null, 0, 0n);`);
    expect(crash.signal).to.equal('SIGSEGV');
    const ctx = shimPair('HMAC-DRBG', [R.OSSL_PARAM_construct_utf8_string('mac', 'HMAC', 0)]);
    expect(errors()).to.deep.equal(['EVP:MESSAGE_DIGEST_IS_NULL']);
    expect(R.EVP_RAND_get_strength(ctx)).to.equal(256);
    expect(R.EVP_RAND_instantiate(ctx, 0, 0, null, 0, null)).to.equal(0);
    expect(errors()).to.deep.equal(['EVP:MESSAGE_DIGEST_IS_NULL', 'PROV:ERROR_INSTANTIATING_DRBG']);
  });

  it('re-instantiating an HMAC-DRBG whose digest was refused: OpenSSL crashes, randshim returns 0', () => {
    const body = `const x = pair('HMAC-DRBG', [['mac', { type: 'utf8', value: 'HMAC' }], ['digest', { type: 'utf8', value: 'SHA256' }]]);
      c.EVP_RAND_instantiate(x, 0, 0, null, 0, 0n);
      c.EVP_RAND_CTX_set_params(x, P.build([['digest', { type: 'utf8', value: 'FOO' }]]));
      const o = new Uint8Array(8); if (c.EVP_RAND_generate(x, o, 8, 0, 0, null, 0) !== 1) throw new Error('generate');
      c.EVP_RAND_uninstantiate(x); c.EVP_RAND_instantiate(x, 0, 0, null, 0, 0n);`;
    expect(inFreshProcess(body).signal).to.equal('SIGSEGV');
    const x = shimPair('HMAC-DRBG', [R.OSSL_PARAM_construct_utf8_string('mac', 'HMAC', 0), R.OSSL_PARAM_construct_utf8_string('digest', 'SHA256', 0)]);
    expect(R.EVP_RAND_instantiate(x, 0, 0, null, 0, null)).to.equal(1);
    expect(R.EVP_RAND_CTX_set_params(x, [R.OSSL_PARAM_construct_utf8_string('digest', 'FOO', 0), R.OSSL_PARAM_construct_end()])).to.equal(0);
    expect(R.EVP_RAND_generate(x, new Uint8Array(8), 8, 0, 0, null, 0)).to.equal(1);
    R.EVP_RAND_uninstantiate(x);
    errors();
    expect(R.EVP_RAND_instantiate(x, 0, 0, null, 0, null)).to.equal(0);
    expect(errors()).to.deep.equal(['EVP:MESSAGE_DIGEST_IS_NULL', 'PROV:ERROR_INSTANTIATING_DRBG']);
  });

  it('a property query that does not parse: both ignore it, OpenSSL also queues PROP errors', () => {
    const rand = c.EVP_RAND_fetch(0n, 'CTR-DRBG', 'provider=default,');
    expect(rand).to.not.equal(0n);
    const libs = drainErrors3(c).map((e) => e.lib);
    expect(libs.length).to.be.greaterThan(0);
    expect(libs.every((l) => l === 'PROP')).to.equal(true);
    c.EVP_RAND_free(rand);
    expect(R.EVP_RAND_fetch(null, 'CTR-DRBG', 'provider=default,')).to.not.equal(null);
    expect(errors()).to.deep.equal([]);
  });

  it('algorithms only OpenSSL implements: OpenSSL accepts them, randshim refuses', () => {
    const cases: [string, [string, string][], string][] = [
      ['CTR-DRBG', [['cipher', 'ARIA-256-CTR']], 'PROV:UNABLE_TO_FIND_CIPHERS'],
      ['HASH-DRBG', [['digest', 'MD5']], 'PROV:DIGEST_NOT_ALLOWED'],
      ['HMAC-DRBG', [['mac', 'CMAC']], 'PROV:MISSING_MAC'],
    ];
    for (const [name, entries, reason] of cases) {
      const rand = c.EVP_RAND_fetch(0n, name, null);
      const ctx = c.EVP_RAND_CTX_new(rand, 0n);
      const p = P.build(entries.map(([k, v]) => [k, { type: 'utf8', value: v }]));
      expect(c.EVP_RAND_CTX_set_params(ctx, p), `${name} ${JSON.stringify(entries)}`).to.equal(1);
      P.free(p);
      c.EVP_RAND_CTX_free(ctx);
      c.EVP_RAND_free(rand);
      const shim = R.EVP_RAND_CTX_new(R.EVP_RAND_fetch(null, name, null), null) as R.EVP_RAND_CTX;
      expect(R.EVP_RAND_CTX_set_params(shim, [...entries.map(([k, v]) => R.OSSL_PARAM_construct_utf8_string(k, v, 0)),
        R.OSSL_PARAM_construct_end()])).to.equal(0);
      expect(errors()).to.deep.equal([reason]);
    }
  });

  it('the "engine" parameter: both refuse an unknown engine, OpenSSL also queues ENGINE errors', () => {
    const ctx: Pointer = c.EVP_RAND_CTX_new(c.EVP_RAND_fetch(0n, 'HASH-DRBG', null), 0n);
    const p = P.build([['engine', { type: 'utf8', value: 'nosuchengine' }], ['digest', { type: 'utf8', value: 'SHA256' }]]);
    expect(c.EVP_RAND_CTX_set_params(ctx, p)).to.equal(0);
    expect(drainErrors3(c).some((e) => e.lib === 'ENGINE')).to.equal(true);
    P.free(p);
    c.EVP_RAND_CTX_free(ctx);
    const shim = R.EVP_RAND_CTX_new(R.EVP_RAND_fetch(null, 'HASH-DRBG', null), null) as R.EVP_RAND_CTX;
    expect(R.EVP_RAND_CTX_set_params(shim, [R.OSSL_PARAM_construct_utf8_string('engine', 'nosuchengine', 0),
      R.OSSL_PARAM_construct_utf8_string('digest', 'SHA256', 0), R.OSSL_PARAM_construct_end()])).to.equal(0);
    expect(errors()).to.deep.equal([]);
  });

  it('the FIPS provider: the system OpenSSL has none, randshim has a FIPS-behaviour one (code reading)', () => {
    const r = inFreshProcess(`const p = c.OSSL_PROVIDER_load(0n, 'fips'); console.log(p === 0n ? 'no fips provider' : 'fips provider');`);
    expect(r.stdout).to.contain('no fips provider');
    R.RANDSHIM_3_reset();
    expect(R.OSSL_PROVIDER_load(null, 'fips')).to.not.equal(null);
    R.RANDSHIM_3_reset();
  });

  it('declared uint, written int: a TEST-RAND strength of 2^31 cannot be read as a uint', () => {
    const tr = c.EVP_RAND_CTX_new(c.EVP_RAND_fetch(0n, 'TEST-RAND', null), 0n);
    const p = P.build([['strength', { type: 'uint', value: 2 ** 31 }]]);
    c.EVP_RAND_CTX_set_params(tr, p);
    P.free(p);
    expect(c.EVP_RAND_get_strength(tr)).to.equal(0);
    expect(c.EVP_RAND_CTX_new(c.EVP_RAND_fetch(0n, 'CTR-DRBG', null), tr)).to.equal(0n);
    expect(drainErrors3(c).map((e) => e.reason)).to.deep.equal(['UNABLE_TO_GET_PARENT_STRENGTH', 'MALLOC_FAILURE']);
    c.EVP_RAND_CTX_free(tr);
    const shim = R.EVP_RAND_CTX_new(R.EVP_RAND_fetch(null, 'TEST-RAND', null), null) as R.EVP_RAND_CTX;
    R.EVP_RAND_CTX_set_params(shim, [R.OSSL_PARAM_construct_uint('strength', { value: 2 ** 31 }), R.OSSL_PARAM_construct_end()]);
    expect(R.EVP_RAND_get_strength(shim)).to.equal(0);
    expect(R.EVP_RAND_CTX_new(R.EVP_RAND_fetch(null, 'CTR-DRBG', null), shim)).to.equal(null);
    expect(errors()).to.deep.equal(['PROV:UNABLE_TO_GET_PARENT_STRENGTH', 'EVP:MALLOC_FAILURE']);
  });
});
