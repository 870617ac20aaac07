/**
 * One process, two personalities: `randshim/compat/1.1.1` and `randshim/compat/3` (package.json
 * exports) are the modules `randshim/compat` exposes as namespaces, each importable on its own;
 * in one process they keep separate shared DRBG chains, RAND methods and FIPS switches, and
 * share one error queue (C's is per thread, whichever API raised), each ERR_get_error packing
 * codes its own way.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as compat from '../../compat/index.js';
import * as O111 from '../../compat/openssl111/index.js';
import * as O3 from '../../compat/openssl3/index.js';
import { utf8 } from '../../provider/bytes.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs an ES module snippet in a fresh Node process from the package root, returns stdout. */
function runAlone(source: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', source], { cwd: ROOT, encoding: 'utf8' }).trim();
}

function primaryCounter(): number {
  const box = { value: 0 };
  O3.EVP_RAND_CTX_get_params(O3.RAND_get0_primary(null) as O3.EVP_RAND_CTX,
    [O3.OSSL_PARAM_construct_uint(O3.OSSL_DRBG_PARAM_RESEED_COUNTER, box), O3.OSSL_PARAM_construct_end()]);
  return box.value;
}

describe('one process, two personalities', () => {
  beforeEach(() => {
    O111.RANDSHIM_111_reset();
    O3.RANDSHIM_3_reset();
    O3.ERR_clear_error();
  });
  after(() => {
    O111.RANDSHIM_111_reset();
    O3.RANDSHIM_3_reset();
  });

  it('randshim/compat/1.1.1 and randshim/compat/3 are the modules randshim/compat exposes', async () => {
    const specifiers = ['randshim/compat/1.1.1', 'randshim/compat/3', 'randshim/compat'];
    const [m111, m3, both] = await Promise.all(specifiers.map((s) => import(s) as Promise<Record<string, unknown>>));
    expect(m111.RAND_DRBG_new).to.equal(O111.RAND_DRBG_new);
    expect(m111.RAND_bytes).to.equal(O111.RAND_bytes);
    expect(m3.RAND_bytes).to.equal(O3.RAND_bytes);
    expect(m3.EVP_RAND_fetch).to.equal(O3.EVP_RAND_fetch);
    expect(both.openssl111).to.equal(compat.openssl111);
    expect(compat.openssl111.RAND_bytes).to.equal(O111.RAND_bytes);
    expect(compat.openssl3.RAND_bytes).to.equal(O3.RAND_bytes);
    expect(m111.RAND_bytes).to.not.equal(m3.RAND_bytes);
  });

  it('each is importable on its own (a fresh process importing one of them)', () => {
    expect(runAlone(`import { RAND_bytes, RAND_DRBG_get0_master } from 'randshim/compat/1.1.1';
      const b = new Uint8Array(16); console.log(RAND_bytes(b, 16), RAND_DRBG_get0_master() !== null);`)).to.equal('1 true');
    expect(runAlone(`import { RAND_bytes, RAND_get0_primary, EVP_RAND_get0_name, EVP_RAND_CTX_get0_rand } from 'randshim/compat/3';
      const b = new Uint8Array(16); console.log(RAND_bytes(b, 16), EVP_RAND_get0_name(EVP_RAND_CTX_get0_rand(RAND_get0_primary(null))));`))
      .to.equal('1 CTR-DRBG');
  });

  it('keeps separate shared chains: RAND_add on one reseeds only its own primary / master', () => {
    const buf = new Uint8Array(32);
    expect(O111.RAND_bytes(buf, 32)).to.equal(1);
    expect(O3.RAND_bytes(buf, 32)).to.equal(1);
    const master = O111.RAND_DRBG_get0_master() as O111.RAND_DRBG;
    const before111 = master.reseedCounter;
    const before3 = primaryCounter();
    O111.RAND_add(new Uint8Array(32).fill(1), 32, 32); // 1.1.1: credited entropy, a full master reseed
    expect(master.reseedCounter).to.equal(before111 + 1);
    expect(primaryCounter()).to.equal(before3);
    O3.RAND_add(utf8('3.x'), 3, 0); // 3.x: a primary reseed whatever the randomness
    expect(primaryCounter()).to.equal(before3 + 1);
    expect(master.reseedCounter).to.equal(before111 + 1);
    const primary = O3.RAND_get0_primary(null);
    O111.RANDSHIM_111_reset();
    expect(O3.RAND_get0_primary(null)).to.equal(primary);
    expect(O111.RAND_DRBG_get0_master()).to.not.equal(master);
  });

  it('keeps separate RAND methods and FIPS switches', () => {
    const stub: O111.RAND_METHOD = { seed: null, bytes: () => 7, cleanup: null, add: null, pseudorand: null, status: () => 1 };
    O111.RAND_set_rand_method(stub);
    expect(O111.RAND_bytes(new Uint8Array(1), 1)).to.equal(7);
    expect(O3.RAND_get_rand_method()).to.equal(O3.RAND_OpenSSL());
    expect(O3.RAND_bytes(new Uint8Array(1), 1)).to.equal(1);
    O111.RAND_set_rand_method(null);
    expect(O111.FIPS_mode_set(1)).to.equal(1);
    expect(O3.EVP_default_properties_is_fips_enabled(null)).to.equal(0);
    O3.OSSL_PROVIDER_load(null, 'fips');
    O3.EVP_default_properties_enable_fips(null, 1);
    O111.FIPS_mode_set(0);
    expect(O3.EVP_default_properties_is_fips_enabled(null)).to.equal(1);
    expect(O111.FIPS_mode()).to.equal(0);
  });

  it('share one error queue, each ERR_get_error packing its own way', () => {
    O3.RAND_bytes(new Uint8Array(1), 1);
    expect(O3.RAND_set_DRBG_type(null, 'HASH-DRBG', null, null, 'SHA256')).to.equal(0); // 3.x raises
    expect(O111.RAND_DRBG_new(12345, 0, null)).to.equal(null); // 1.1.1 raises
    const seen3 = O3.ERR_peek_error();
    const seen111 = O111.ERR_peek_error();
    // The same entry: RAND_R_ALREADY_INSTANTIATED (103), as lib << 23 | reason in 3.x and
    // lib << 24 | func << 12 | reason in 1.1.1 (RAND_set_DRBG_type has no 1.1.1 function code).
    expect(seen3).to.equal(((O3.ERR_LIB_RAND << 23) | 103) >>> 0);
    expect(seen111).to.equal(((O111.ERR_LIB_RAND << 24) | 103) >>> 0);
    expect(O111.ERR_GET_REASON(seen111)).to.equal(O3.ERR_GET_REASON(seen3));
    expect(O111.ERR_get_error()).to.equal(seen111); // taken off the queue both see
    const next3 = O3.ERR_get_error();
    expect(O3.describeError3(next3)).to.deep.equal({ lib: 'RAND', reason: 'UNSUPPORTED_DRBG_TYPE' });
    expect(O3.ERR_get_error()).to.equal(0);
    expect(O111.ERR_get_error()).to.equal(0);
    expect(O111.RAND_DRBG_new(12345, 0, null)).to.equal(null);
    expect(O111.describeError111(O111.ERR_get_error())).to.deep.equal({ lib: 'RAND', func: 'RAND_DRBG_SET', reason: 'UNSUPPORTED_DRBG_TYPE' });
  });
});
