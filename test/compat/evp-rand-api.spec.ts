/**
 * compat/openssl3 beyond the scenarios: OSSL_PARAM_BLD against the real builder, EVP_RAND
 * reference counting, and EVP_RAND_CTX wrapping provider implementations made elsewhere (the
 * DRBGs of the 3.x default chain), which is how RAND_get0_primary and friends will hand out
 * EVP_RAND_CTXs.
 */
import { expect } from 'chai';
import * as R from '../../compat/openssl3/index.js';
import { DefaultChain3x } from '../../provider/openssl3/rand/index.js';
import { TestRand } from '../../provider/openssl3/rands/test-rand.js';
import { loadLibCrypto3, OSSL_PARAM_STRUCT_SIZE, ParamArrays, type LibCrypto3, type Pointer } from '../../interop/builds/openssl3/index.js';
import { drainErrors3 } from '../../interop/builds/openssl3/error-names.js';
import { toHex } from '../../provider/bytes.js';

/** A C OSSL_PARAM array as [key, data_type, data_size, return_size, data hex]. */
function readCArray(c: LibCrypto3, address: Pointer): string[][] {
  const out: string[][] = [];
  for (let i = 0; ; i++) {
    const s = c.engine.readBytes(address + BigInt(i * OSSL_PARAM_STRUCT_SIZE), OSSL_PARAM_STRUCT_SIZE);
    const v = new DataView(s.buffer);
    const key = v.getBigUint64(0, true);
    if (key === 0n) break;
    const size = Number(v.getBigUint64(24, true));
    const rs = v.getBigUint64(32, true);
    out.push([c.engine.readCString(key) ?? '', String(v.getUint32(8, true)), String(size),
      rs === 2n ** 64n - 1n ? 'unmodified' : String(rs), toHex(c.engine.readBytes(v.getBigUint64(16, true), size))]);
  }
  return out;
}

function readArray(params: R.OSSL_PARAM[]): string[][] {
  return params.filter((p) => p.key !== null).map((p) => {
    const v = p.data?.value as Uint8Array;
    return [p.key as string, String(p.data_type), String(p.data_size),
      p.return_size === R.OSSL_PARAM_UNMODIFIED ? 'unmodified' : String(p.return_size), toHex(v.subarray(0, p.data_size))];
  });
}

describe('compat/openssl3 API', () => {
  beforeEach(() => {
    R.RANDSHIM_3_reset();
    R.ERR_clear_error();
  });

  it('OSSL_PARAM_BLD builds what the real builder builds', () => {
    const c = loadLibCrypto3();
    const P = new ParamArrays(c);
    const octets = Uint8Array.from([1, 2, 3, 0, 5]);
    const cArray = P.build([
      ['strength', { type: 'uint', value: 4294967295 }], ['state', { type: 'int', value: -2 }],
      ['max_request', { type: 'size_t', value: 2 ** 40 }], ['cipher', { type: 'utf8', value: 'AES-256-CTR' }],
      ['test_entropy', { type: 'octets', value: octets }], ['test_nonce', { type: 'octets', value: new Uint8Array(0) }],
    ]);
    const expected = readCArray(c, cArray);
    P.free(cArray);
    P.close();
    const bld = R.OSSL_PARAM_BLD_new();
    expect(R.OSSL_PARAM_BLD_push_uint(bld, 'strength', 4294967295)).to.equal(1);
    expect(R.OSSL_PARAM_BLD_push_int(bld, 'state', -2)).to.equal(1);
    expect(R.OSSL_PARAM_BLD_push_size_t(bld, 'max_request', 2 ** 40)).to.equal(1);
    expect(R.OSSL_PARAM_BLD_push_utf8_string(bld, 'cipher', 'AES-256-CTR', 0)).to.equal(1);
    expect(R.OSSL_PARAM_BLD_push_octet_string(bld, 'test_entropy', octets, octets.length)).to.equal(1);
    expect(R.OSSL_PARAM_BLD_push_octet_string(bld, 'test_nonce', new Uint8Array(0), 0)).to.equal(1);
    const params = R.OSSL_PARAM_BLD_to_param(bld) as R.OSSL_PARAM[];
    expect(readArray(params)).to.deep.equal(expected);
    expect(params[params.length - 1].key).to.equal(null);
    // The builder is empty again; the array's values are its own.
    expect(R.OSSL_PARAM_BLD_to_param(bld)).to.deep.equal([R.OSSL_PARAM_construct_end()]);
    const cipher = { value: null as string | Uint8Array | null };
    expect(R.OSSL_PARAM_get_utf8_string(R.OSSL_PARAM_locate(params, 'cipher'), cipher, 0)).to.equal(1);
    expect(cipher.value).to.equal('AES-256-CTR');
    R.OSSL_PARAM_free(params);
    R.OSSL_PARAM_BLD_free(bld);
  });

  it('OSSL_PARAM_BLD and NULL: 3.0.20\'s checks (ERR_R_PASSED_NULL_PARAMETER); the system 3.0.19 has none', () => {
    // crypto/param_build.c of 3.0.20 refuses a NULL builder, key or string buffer; 3.0.19 (the
    // system library) takes a NULL buffer with a size as zeros (and crashes on a NULL builder).
    const c = loadLibCrypto3();
    c.ERR_clear_error();
    const bld = c.OSSL_PARAM_BLD_new();
    const key = c.engine.allocate(8);
    key.write(0, new TextEncoder().encode('x\0'));
    const version = c.OpenSSL_version(0) ?? '';
    const cRet = c.OSSL_PARAM_BLD_push_octet_string(bld, key.address, 0n, 4);
    const cErrors = drainErrors3(c);
    c.OSSL_PARAM_BLD_free(bld);
    key.free();
    const patch = Number(/^OpenSSL 3\.0\.(\d+)/.exec(version)?.[1] ?? '20');
    expect([cRet, cErrors]).to.deep.equal(patch < 20 ? [1, []] : [0, [{ lib: 'CRYPTO', reason: 'PASSED_NULL_PARAMETER' }]]);
    const b = R.OSSL_PARAM_BLD_new();
    expect(R.OSSL_PARAM_BLD_push_octet_string(b, 'x', null, 4)).to.equal(0);
    expect(R.describeError3(R.ERR_get_error())).to.deep.equal({ lib: 'CRYPTO', reason: 'PASSED_NULL_PARAMETER' });
    expect(R.OSSL_PARAM_BLD_push_utf8_string(b, 'x', null, 3)).to.equal(0);
    expect(R.describeError3(R.ERR_get_error())).to.deep.equal({ lib: 'CRYPTO', reason: 'PASSED_NULL_PARAMETER' });
    expect(R.OSSL_PARAM_BLD_push_int(null, 'x', 1)).to.equal(0);
    expect(R.describeError3(R.ERR_get_error())).to.deep.equal({ lib: 'CRYPTO', reason: 'PASSED_NULL_PARAMETER' });
  });

  it('EVP_RAND objects: one per algorithm and provider, reference counted, named', () => {
    const a = R.EVP_RAND_fetch(null, 'hmac-drbg', null) as R.EVP_RAND;
    const b = R.EVP_RAND_fetch(null, 'HMAC-DRBG', 'provider=default') as R.EVP_RAND;
    expect(a).to.equal(b);
    expect(R.EVP_RAND_up_ref(a)).to.equal(1);
    R.EVP_RAND_free(a);
    expect(R.EVP_RAND_get0_name(a)).to.equal('HMAC-DRBG');
    expect(R.EVP_RAND_get0_description(a)).to.equal(null);
    expect(R.EVP_RAND_get_params(a, null)).to.equal(1);
    expect(R.EVP_RAND_gettable_params(a)).to.equal(null);
    expect(R.OSSL_PROVIDER_get0_name(R.EVP_RAND_get0_provider(a))).to.equal('default');
    const ctx = R.EVP_RAND_CTX_new(a, null) as R.EVP_RAND_CTX;
    expect(R.EVP_RAND_CTX_get0_rand(ctx)).to.equal(a);
    expect(R.EVP_RAND_CTX_get_params(ctx, null)).to.equal(1);
    R.EVP_RAND_CTX_free(ctx);
    R.EVP_RAND_CTX_free(null);
    // C would read past a buffer shorter than its length: refused instead.
    const t = R.EVP_RAND_CTX_new(R.EVP_RAND_fetch(null, 'TEST-RAND', null), null) as R.EVP_RAND_CTX;
    expect(R.EVP_RAND_generate(t, new Uint8Array(4), 5, 0, 0, null, 0)).to.equal(0);
    expect(R.describeError3(R.ERR_get_error())).to.deep.equal({ lib: 'EVP', reason: 'PASSED_INVALID_ARGUMENT' });
  });

  it('wraps the default chain\'s DRBGs: EVP_RAND on RAND_get0_primary / RAND_get0_public', () => {
    const seeded = (): TestRand => {
      const t = TestRand.create(256, Uint8Array.from({ length: 48 }, (_, i) => i), Uint8Array.from({ length: 16 }, (_, i) => 0x64 + i));
      t.instantiate(0);
      return t;
    };
    const identities = { primary: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]) };
    const viaChain = new DefaultChain3x({ seedSource: seeded(), identities });
    const viaEvp = new DefaultChain3x({ seedSource: seeded(), identities });
    const expected = new Uint8Array(70000);
    expect(viaChain.bytes(expected, expected.length)).to.equal(1);
    const primary = R.RANDSHIM_EVP_RAND_CTX_wrap(viaEvp.getPrimary()!);
    const pub = R.RANDSHIM_EVP_RAND_CTX_wrap(viaEvp.getPublic()!, primary);
    expect(R.EVP_RAND_get0_name(R.EVP_RAND_CTX_get0_rand(pub))).to.equal('CTR-DRBG');
    expect(R.EVP_RAND_get_state(primary)).to.equal(R.EVP_RAND_STATE_READY);
    const out = new Uint8Array(70000);
    expect(R.EVP_RAND_generate(pub, out, out.length, 0, 0, null, 0)).to.equal(1);
    expect(toHex(out)).to.equal(toHex(expected));
    const rc = { value: 0 };
    expect(R.EVP_RAND_CTX_get_params(pub, [R.OSSL_PARAM_construct_uint(R.OSSL_DRBG_PARAM_RESEED_COUNTER, rc), R.OSSL_PARAM_construct_end()])).to.equal(1);
    expect(rc.value).to.equal(3);
    expect(R.RANDSHIM_EVP_RAND_CTX_set_identity(primary, Uint8Array.from([9, 9, 9, 9, 9, 9, 9, 9]))).to.equal(1);
    expect(R.RANDSHIM_EVP_RAND_CTX_get0_impl(pub)).to.equal(viaEvp.getPublic());
  });
});
