/**
 * Bad input and misuse of the 3.x personality (issue 13), against the real OpenSSL 3.0 where C
 * can express the input (interop/suites/fuzz/evp3-*.ts: the same EVP_RAND calls on the library
 * and on randshim, every call compared: return, whole output buffer, state, error queue), and,
 * for what only JavaScript can pass, the documented refusal with nothing written.
 */
import { expect } from 'chai';
import * as R from '../../compat/openssl3/index.js';
import { drainErrors3 } from '../../interop/builds/openssl3/error-names.js';
import { loadLibCrypto3 } from '../../interop/builds/openssl3/libcrypto.js';
import type { Evp3Op, Evp3Result } from '../../interop/suites/fuzz/evp3-ops.js';
import { runBoth3 } from '../../interop/suites/fuzz/campaign3.js';

function both(ops: readonly Evp3Op[]): { real: Evp3Result[]; ours: Evp3Result[] } {
  const { real, randshim } = runBoth3(ops);
  return { real, ours: randshim };
}

const hex = (n: number, v = 0x11): string => Buffer.alloc(n, v).toString('hex');

describe('bad input, 3.x personality', function () {
  this.timeout(120_000);
  afterEach(() => R.RANDSHIM_3_reset());

  it('a NULL addin with a length counts against max_adinlen, on every mechanism, as in 3.0 (no output, later outputs equal)', function () {
    const ops: Evp3Op[] = [
      { op: 'new', setup: { mech: 'CTR-DRBG', cipher: 'AES-256-CTR', useDf: 0 } },
      { op: 'instantiate', ctx: 1, strength: 0, pr: 0, pers: null },
      { op: 'generate', ctx: 1, outlen: 16, strength: 0, pr: 0, adin: null, adinlen: 49 },
      { op: 'generate', ctx: 1, outlen: 16, strength: 0, pr: 0, adin: null, adinlen: 48 },
      { op: 'generate', ctx: 1, outlen: 16, strength: 0, pr: 0, adin: hex(49) },
      { op: 'reseed', ctx: 1, pr: 0, adin: null, adinlen: 2 ** 32 + 5 },
      { op: 'reseed', ctx: 1, pr: 0, adin: hex(49) },
      { op: 'generate', ctx: 1, outlen: 32, strength: 0, pr: 0, adin: null },
      { op: 'new', setup: { mech: 'HASH-DRBG', digest: 'SHA256' } },
      { op: 'generate', ctx: 2, outlen: 16, strength: 0, pr: 0, adin: null, adinlen: 2 ** 32 + 5 },
      { op: 'generate', ctx: 2, outlen: 16, strength: 0, pr: 0, adin: null, adinlen: 2 ** 53 },
      { op: 'generate', ctx: 2, outlen: 16, strength: 257, pr: 0, adin: null, adinlen: 2 ** 53 },
      { op: 'generate', ctx: 2, outlen: 16, strength: 0, pr: 0, adin: null },
      { op: 'new', setup: { mech: 'HMAC-DRBG', digest: 'SHA512' } },
      { op: 'instantiate', ctx: 3, strength: 0, pr: 0, pers: hex(2) },
      { op: 'generate', ctx: 3, outlen: 0, strength: 0, pr: 0, adin: null, adinlen: 2 ** 40 },
      { op: 'generate', ctx: 3, outlen: 70000, strength: 0, pr: 0, adin: null, adinlen: 2 ** 36 },
      { op: 'generate', ctx: 3, outlen: 70000, strength: 0, pr: 0, adin: null },
    ];
    const { real, ours } = both(ops);
    expect(ours).to.deep.equal(real);
    expect(real[2]).to.deep.include({ ret: 0 });
    expect(real[2].errors).to.deep.equal([{ lib: 'PROV', reason: 'ADDITIONAL_INPUT_TOO_LONG' }, { lib: 'EVP', reason: 'GENERATE_ERROR' }]);
    expect(real.filter((r) => r.ret === 1 && r.out !== undefined && r.out.length > 0).length).to.equal(4);
  });

  it('a failed CTR generate after a cipher or df change on a READY DRBG hands back zeros, as drbg_ctr_generate\'s memset does', function () {
    const ops: Evp3Op[] = [
      { op: 'new', setup: { mech: 'CTR-DRBG' } },
      { op: 'instantiate', ctx: 1, strength: 0, pr: 0, pers: null },
      { op: 'set', ctx: 1, key: 'cipher', value: 'AES-128-CTR' },
      { op: 'generate', ctx: 1, outlen: 24, strength: 0, pr: 0, adin: null },
      { op: 'generate', ctx: 1, outlen: 24, strength: 0, pr: 0, adin: hex(3) },
      { op: 'new', setup: { mech: 'CTR-DRBG' } },
      { op: 'instantiate', ctx: 2, strength: 0, pr: 0, pers: hex(5) },
      { op: 'set', ctx: 2, key: 'use_derivation_function', value: 0 },
      { op: 'generate', ctx: 2, outlen: 20, strength: 0, pr: 0, adin: null },
      { op: 'state', ctx: 2 },
      { op: 'generate', ctx: 2, outlen: 20, strength: 0, pr: 0, adin: null },
    ];
    const { real, ours } = both(ops);
    expect(ours).to.deep.equal(real);
    expect(real[3].ret).to.equal(0);
    expect(real[3].out).to.equal('00'.repeat(24));
    expect(real[3].state).to.equal(2);
    expect(real[4].ret).to.equal(1); // from ERROR, the next generate re-instantiates (rand_drbg_restart)
  });

  it('NULL output with length 0: EVP_RAND_generate, RAND_bytes, RAND_bytes_ex and RAND_priv_bytes return 1, as in 3.0', function () {
    const c = loadLibCrypto3();
    c.ERR_clear_error();
    const real = [c.RAND_bytes(null, 0), c.RAND_priv_bytes(null, 0), c.RAND_bytes_ex(0n, null, 0, 0),
      c.EVP_RAND_generate(c.RAND_get0_public(0n), null, 0, 0, 0, null, 0)];
    const realErrors = drainErrors3(c);
    const ours = [R.RAND_bytes(null, 0), R.RAND_priv_bytes(null, 0), R.RAND_bytes_ex(null, null, 0, 0),
      R.EVP_RAND_generate(R.RAND_get0_public(null)!, null, 0, 0, 0, null, 0)];
    expect([ours, drainErrors3(R)]).to.deep.equal([real, realErrors]);
    expect(real).to.deep.equal([1, 1, 1, 1]);
  });

  it('a freed EVP_RAND_CTX is refused (it does not re-instantiate itself), and a second free leaves its parent\'s count alone', function () {
    const rand = R.EVP_RAND_fetch(null, 'CTR-DRBG', null)!;
    const parentRand = R.EVP_RAND_fetch(null, 'TEST-RAND', null)!;
    const parent = R.EVP_RAND_CTX_new(parentRand, null)!;
    R.EVP_RAND_instantiate(parent, 256, 0, null, 0, [R.OSSL_PARAM_construct_uint('strength', { value: 256 }),
      R.OSSL_PARAM_construct_octet_string('test_entropy', new Uint8Array(4096).fill(7), 4096),
      R.OSSL_PARAM_construct_octet_string('test_nonce', new Uint8Array(16).fill(8), 16), R.OSSL_PARAM_construct_end()]);
    const child = R.EVP_RAND_CTX_new(rand, parent)!;
    const other = R.EVP_RAND_CTX_new(rand, parent)!;
    const cipher = (): R.OSSL_PARAM[] => [R.OSSL_PARAM_construct_utf8_string('cipher', 'AES-256-CTR', 0), R.OSSL_PARAM_construct_end()];
    expect(R.EVP_RAND_instantiate(child, 0, 0, null, 0, cipher())).to.equal(1);
    const parentRefs = parent.refcnt;
    R.EVP_RAND_CTX_free(child);
    expect(parent.refcnt).to.equal(parentRefs - 1);
    const out = new Uint8Array(16).fill(0xa5);
    expect(R.EVP_RAND_generate(child, out, 16, 0, 0, null, 0)).to.equal(0);
    expect(R.EVP_RAND_instantiate(child, 0, 0, null, 0, null)).to.equal(0);
    expect(R.EVP_RAND_get_state(child)).to.equal(R.EVP_RAND_STATE_ERROR);
    R.EVP_RAND_CTX_free(child);
    expect(parent.refcnt).to.equal(parentRefs - 1);
    expect(R.EVP_RAND_CTX_new(rand, child)).to.equal(null);
    expect(drainErrors3(R)).to.deep.equal(Array(5).fill({ lib: 'EVP', reason: 'PASSED_INVALID_ARGUMENT' }));
    expect([...out].every((b) => b === 0xa5)).to.equal(true);
    expect(R.EVP_RAND_instantiate(other, 0, 0, null, 0, cipher())).to.equal(1); // the parent still serves its other child
    R.EVP_RAND_CTX_free(other);
    R.EVP_RAND_CTX_free(parent);
  });

  it('values C cannot express are refused everywhere: 0, ERR_R_PASSED_INVALID_ARGUMENT, nothing written', function () {
    const bad: unknown[] = [Number.NaN, 1.5, '16', true, undefined, Infinity, 2 ** 53 + 2, {}, 16n];
    const any = (v: unknown): number => v as number;
    const buf = new Uint8Array(16);
    const pub = R.RAND_get0_public(null)!;
    let refusals = 0;
    for (const v of bad) {
      const calls: [string, () => number][] = [
        ['RAND_bytes', () => R.RAND_bytes(buf, any(v))],
        ['RAND_priv_bytes', () => R.RAND_priv_bytes(buf, any(v))],
        ['RAND_bytes_ex num', () => R.RAND_bytes_ex(null, buf, any(v), 0)],
        ['RAND_bytes_ex strength', () => R.RAND_bytes_ex(null, buf, 16, any(v))],
        ['RAND_pseudo_bytes', () => R.RAND_pseudo_bytes(buf, any(v))],
        ['EVP_RAND_generate outlen', () => R.EVP_RAND_generate(pub, buf, any(v), 0, 0, null, 0)],
        ['EVP_RAND_generate addin_len', () => R.EVP_RAND_generate(pub, buf, 16, 0, 0, null, any(v))],
        ['EVP_RAND_generate pr', () => R.EVP_RAND_generate(pub, buf, 16, 0, any(v), null, 0)],
        ['EVP_RAND_reseed', () => R.EVP_RAND_reseed(pub, 0, null, 0, null, any(v))],
        ['EVP_RAND_instantiate', () => R.EVP_RAND_instantiate(pub, any(v), 0, null, 0, null)],
        ['EVP_RAND_nonce', () => R.EVP_RAND_nonce(pub, buf, any(v))],
      ];
      for (const [name, call] of calls) {
        buf.fill(0xa5);
        R.ERR_clear_error();
        expect(call(), `${name}(${String(v)})`).to.equal(0);
        expect(drainErrors3(R).map((e) => e.reason), `${name}(${String(v)})`).to.deep.equal(['PASSED_INVALID_ARGUMENT']);
        expect([...buf].every((b) => b === 0xa5), `${name}(${String(v)}) wrote`).to.equal(true);
        refusals++;
      }
    }
    expect(refusals).to.equal(bad.length * 11);
  });
});
