/**
 * The algorithm table (provider/sp800-90a/primitives/algorithms.ts) against the system
 * libcrypto.so.3: every name it lists is fetched there (EVP_MD_fetch / EVP_CIPHER_fetch /
 * EVP_MAC_fetch with no properties), a digest reports the table's canonical name
 * (EVP_MD_get0_name), is an XOF (EVP_MD_FLAG_XOF) exactly when the table says so, and for the
 * ones randshim implements has the table's size and block size; the names marked as not in 3.0
 * are not fetched there. A HASH-DRBG given each kind of name answers as the library's does.
 */
import { expect } from 'chai';
import { CParamArray, loadLibCrypto3 } from '../../interop/builds/openssl3/index.js';
import { drainErrors3 } from '../../interop/builds/openssl3/error-names.js';
import { BLOCK_CIPHER_TABLE, DIGEST_TABLE, MAC_TABLE } from '../../provider/sp800-90a/primitives/algorithms.js';
import { captureErrors } from '../../provider/err/queue.js';
import { OSSL_PARAM_construct_end, OSSL_PARAM_construct_utf8_string } from '../../provider/openssl3/core/ossl-param.js';
import { DrbgCtx } from '../../provider/openssl3/rands/drbg.js';

/** EVP_MD_FLAG_XOF (include/openssl/evp.h). */
const EVP_MD_FLAG_XOF = 0x2;

describe('the algorithm table against libcrypto.so.3', () => {
  const c = loadLibCrypto3();
  const lib = c.library;
  const EVP_MD_get0_name = lib.func('EVP_MD_get0_name', 'cstr', ['ptr']);
  const EVP_MD_get_flags = lib.func('EVP_MD_get_flags', 'ulong', ['ptr']);
  const EVP_MD_get_block_size = lib.func('EVP_MD_get_block_size', 'int', ['ptr']);
  const EVP_CIPHER_fetch = lib.func('EVP_CIPHER_fetch', 'ptr', ['ptr', 'cstr', 'cstr']);
  const EVP_CIPHER_free = lib.func('EVP_CIPHER_free', 'void', ['ptr']);
  const EVP_MAC_fetch = lib.func('EVP_MAC_fetch', 'ptr', ['ptr', 'cstr', 'cstr']);
  const EVP_MAC_free = lib.func('EVP_MAC_free', 'void', ['ptr']);

  it('every digest name is fetched, with the canonical name, XOF flag and sizes the table gives', () => {
    const diffs: string[] = [];
    let fetched = 0;
    let absent = 0;
    for (const entry of DIGEST_TABLE) {
      for (const alias of entry.aliases) {
        for (const spelling of [alias, alias.toLowerCase()]) {
          const md = c.EVP_MD_fetch(0n, spelling, null);
          if (entry.notIn30 === true) {
            // Marked as absent from 3.0: the library must not have it either.
            if (md !== 0n) diffs.push(`${spelling}: fetched, but marked as not in 3.0`);
            else absent++;
            c.EVP_MD_free(md);
            continue;
          }
          if (md === 0n) {
            diffs.push(`${spelling}: not fetched`);
            continue;
          }
          fetched++;
          const xof = (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) !== 0;
          const got = {
            name: EVP_MD_get0_name(md)?.toUpperCase(), xof,
            size: entry.info === undefined ? undefined : c.EVP_MD_get_size(md),
            blockSize: entry.info === undefined ? undefined : EVP_MD_get_block_size(md),
          };
          const want = { name: entry.name, xof: entry.kind === 'xof', size: entry.info?.size, blockSize: entry.info?.blockSize };
          if (JSON.stringify(got) !== JSON.stringify(want)) diffs.push(`${spelling}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
          c.EVP_MD_free(md);
        }
      }
    }
    drainErrors3(c);
    expect(diffs).to.deep.equal([]);
    expect(fetched + absent).to.equal(2 * DIGEST_TABLE.reduce((n, d) => n + d.aliases.length, 0));
    expect(fetched).to.be.greaterThan(80);
    expect(absent).to.equal(8);
  });

  it('every block cipher has its CTR and ECB modes, every MAC name is a MAC, and unknown names are not', () => {
    const missing: string[] = [];
    let fetched = 0;
    for (const { name } of BLOCK_CIPHER_TABLE) {
      for (const mode of ['CTR', 'ECB']) {
        const cipher = EVP_CIPHER_fetch(0n, `${name}-${mode}`, null);
        if (cipher === 0n) missing.push(`${name}-${mode}`);
        else fetched++;
        EVP_CIPHER_free(cipher);
      }
    }
    for (const { aliases } of MAC_TABLE) {
      for (const alias of aliases) {
        const mac = EVP_MAC_fetch(0n, alias, null);
        if (mac === 0n) missing.push(alias);
        else fetched++;
        EVP_MAC_free(mac);
      }
    }
    const unknown = [c.EVP_MD_fetch(0n, 'NO-SUCH-DIGEST', null), EVP_CIPHER_fetch(0n, 'NO-SUCH-CTR', null), EVP_MAC_fetch(0n, 'NO-SUCH-MAC', null)];
    drainErrors3(c);
    expect(missing).to.deep.equal([]);
    expect(fetched).to.equal(2 * BLOCK_CIPHER_TABLE.length + MAC_TABLE.reduce((n, m) => n + m.aliases.length, 0));
    expect(unknown).to.deep.equal([0n, 0n, 0n]);
  });

  it('a HASH-DRBG given a digest name answers as libcrypto.so.3 does (SM3 apart, not implemented)', () => {
    const answers = (name: string): { ours: unknown; theirs: unknown } => {
      const params = () => [OSSL_PARAM_construct_utf8_string('digest', name, 0), OSSL_PARAM_construct_end()];
      const rand = c.EVP_RAND_fetch(0n, 'HASH-DRBG', null);
      const ctx = c.EVP_RAND_CTX_new(rand, 0n);
      drainErrors3(c);
      const array = new CParamArray(c.engine, params());
      const ret = c.EVP_RAND_CTX_set_params(ctx, array.address);
      array.free();
      const theirs = [ret, drainErrors3(c)];
      c.EVP_RAND_CTX_free(ctx);
      c.EVP_RAND_free(rand);
      const drbg = new DrbgCtx({ mechanism: { type: 'HASH-DRBG' } });
      const { result, raised } = captureErrors(() => drbg.setCtxParamArray(params()));
      drbg.free();
      return { ours: [result ? 1 : 0, raised], theirs };
    };
    const names = ['SHA256', 'sha3-512', 'KECCAK-256', 'NO-SUCH-DIGEST', 'SHAKE256'];
    for (const name of names) {
      const { ours, theirs } = answers(name);
      expect(ours, name).to.deep.equal(theirs);
    }
    // The documented difference: OpenSSL runs SM3, randshim refuses it.
    expect(answers('SM3')).to.deep.equal({ ours: [0, [{ lib: 'PROV', reason: 'DIGEST_NOT_ALLOWED' }]], theirs: [1, []] });
  });
});
