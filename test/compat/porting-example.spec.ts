/**
 * The OpenSSL 3 EVP_RAND porting example: its TypeScript block, taken from docs/porting-3.md as it is,
 * type-checks (strict) against the built package and runs (in a fresh process, importing
 * `randshim/compat` as a user would); its output equals what the system libcrypto.so.3 gives
 * for the C block's calls, made here through interop/ffi.
 */
import { expect } from 'chai';
import { loadLibCrypto3, ParamArrays } from '../../interop/builds/openssl3/index.js';
import { docBlocks, runExample, typecheckExample } from './readme-examples.js';

const DOC = 'docs/porting-3.md';

const MARKER = '// porting example: OpenSSL 3 EVP_RAND';

describe('docs/porting-3.md porting example (OpenSSL 3 EVP_RAND)', function () {
  const tsBlock = docBlocks(DOC, 'ts').find((b) => b.startsWith(MARKER));
  const cBlock = docBlocks(DOC, 'c').find((b) => b.includes('EVP_RAND_fetch(NULL, "CTR-DRBG", NULL)'));

  it('has a C block and its TypeScript translation calling the same functions', () => {
    expect(tsBlock, 'TypeScript block').to.be.a('string');
    expect(cBlock, 'C block').to.be.a('string');
    const calls = (code: string): string[] => [...new Set(code.match(/\b(EVP_RAND\w*|OSSL_PARAM_construct_\w+)\(/g) ?? [])].sort();
    expect(calls(tsBlock as string)).to.deep.equal(calls(cBlock as string));
  });

  it('type-checks in strict mode against the built package', () => {
    expect(typecheckExample(tsBlock as string, 'example')).to.deep.equal([]);
  });

  it('prints what the real libcrypto.so.3 gives for the C block', () => {
    const run = runExample(tsBlock as string, 'example');
    expect(run.stderr).to.equal('');
    expect(run.status).to.equal(0);
    const [hex, counter] = run.stdout.trim().split(' ');

    // The C block's calls on the system library.
    const c = loadLibCrypto3();
    const P = new ParamArrays(c);
    const test = c.EVP_RAND_fetch(0n, 'TEST-RAND', null);
    const parent = c.EVP_RAND_CTX_new(test, 0n);
    const tp = P.build([
      ['strength', { type: 'uint', value: 256 }],
      ['test_entropy', { type: 'octets', value: Uint8Array.from({ length: 48 }, (_, i) => i) }],
      ['test_nonce', { type: 'octets', value: Uint8Array.from({ length: 16 }, (_, i) => 0x64 + i) }],
    ]);
    expect(c.EVP_RAND_instantiate(parent, 256, 0, null, 0, tp)).to.equal(1);
    const rand = c.EVP_RAND_fetch(0n, 'CTR-DRBG', null);
    const drbg = c.EVP_RAND_CTX_new(rand, parent);
    const params = P.build([['cipher', { type: 'utf8', value: 'AES-256-CTR' }], ['reseed_requests', { type: 'uint', value: 1000 }]]);
    const out = new Uint8Array(80);
    expect(c.EVP_RAND_CTX_set_params(drbg, params)).to.equal(1);
    expect(c.EVP_RAND_instantiate(drbg, 256, 0, new TextEncoder().encode('my app'), 6, 0n)).to.equal(1);
    expect(c.EVP_RAND_generate(drbg, out, 80, 256, 0, new TextEncoder().encode('abc'), 3)).to.equal(1);
    const got = P.getRandCtxParams(drbg, { reseed_counter: 'uint' });
    for (const p of [tp, params]) P.free(p);
    c.EVP_RAND_CTX_free(drbg);
    c.EVP_RAND_free(rand);
    c.EVP_RAND_CTX_free(parent);
    c.EVP_RAND_free(test);
    P.close();

    expect(hex).to.equal(Buffer.from(out).toString('hex'));
    expect(Number(counter)).to.equal(got?.reseed_counter);
    expect(Number(counter)).to.equal(2);
  });
});
