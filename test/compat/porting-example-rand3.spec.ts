/**
 * The OpenSSL 3 RAND porting example: its TypeScript block, taken from docs/porting-3.md as it is,
 * type-checks (strict) against the built package and runs in a fresh process importing
 * `randshim/compat/3`; what it prints equals what the C block's calls print on the system
 * libcrypto.so.3 (run here through interop/ffi in a fresh library context, since the library's
 * own default chain may already exist in this process).
 */
import { expect } from 'chai';
import { loadLibCrypto3, ParamArrays } from '../../interop/builds/openssl3/index.js';
import { withFreshLibctx } from '../../interop/suites/rand-front-end/run-libcrypto.js';
import { docBlocks, runExample, typecheckExample } from './readme-examples.js';

const DOC = 'docs/porting-3.md';

const MARKER = '// porting example: OpenSSL 3 RAND\n';

describe('docs/porting-3.md porting example (OpenSSL 3 RAND)', function () {
  const tsBlock = docBlocks(DOC, 'ts').find((b) => b.startsWith(MARKER));
  const cBlock = docBlocks(DOC, 'c').find((b) => b.includes('RAND_set_DRBG_type(NULL, "HASH-DRBG"'));

  it('has a C block and its TypeScript translation calling the same functions', () => {
    expect(tsBlock, 'TypeScript block').to.be.a('string');
    expect(cBlock, 'C block').to.be.a('string');
    const calls = (code: string): string[] => [...new Set(code.match(/\b(RAND_\w+|EVP_RAND\w*|OSSL_PARAM_construct_\w+)\(/g) ?? [])].sort();
    expect(calls(tsBlock as string)).to.deep.equal(calls(cBlock as string));
  });

  it('type-checks in strict mode against the built package', () => {
    expect(typecheckExample(tsBlock as string, 'example-rand3')).to.deep.equal([]);
  });

  it('prints what the real libcrypto.so.3 prints for the C block, as docs/porting-3.md says', () => {
    const run = runExample(tsBlock as string, 'example-rand3');
    expect(run.stderr).to.equal('');
    expect(run.status).to.equal(0);

    const c = loadLibCrypto3();
    const P = new ParamArrays(c);
    const printed = withFreshLibctx(c, () => {
      const key = new Uint8Array(32);
      expect(c.RAND_set_DRBG_type(0n, 'HASH-DRBG', null, null, 'SHA2-512')).to.equal(1);
      let line = `${c.RAND_priv_bytes(key, key.length)}`;
      const counter = (): number | undefined => P.getRandCtxParams(c.RAND_get0_private(0n), { reseed_counter: 'uint' })?.reseed_counter;
      line += ` ${c.EVP_RAND_get0_name(c.EVP_RAND_CTX_get0_rand(c.RAND_get0_primary(0n)))} ${counter()}`;
      c.RAND_add(new TextEncoder().encode('entropy?'), 8, 8.0);
      c.RAND_priv_bytes(key, key.length);
      return `${line} ${counter()} ${c.RAND_set_DRBG_type(0n, 'CTR-DRBG', null, null, null)}`;
    });
    c.ERR_clear_error();
    P.close();
    expect(run.stdout.trim()).to.equal(printed);
    expect(printed).to.equal('1 HASH-DRBG 3 4 0');
  });
});
