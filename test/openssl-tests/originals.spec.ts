/**
 * "Also run the originals": OpenSSL's own C tests, unchanged, built by
 * scripts/build-openssl-tests.sh against the real libcrypto.so.1.1 (Debian bullseye's 1.1.1w)
 * and libcrypto.so.3 (the system's 3.0), run here; their TAP output must show every case the
 * port runs (scripts/openssl-tests/ported.ts: the same C functions, the same iteration
 * counts) passing. Why they link although they include internal headers: those headers only
 * give struct layouts (RAND_DRBG, PROV_DRBG, EVP_RAND_CTX fields, read and written at compile
 * time offsets); every function the tests call is exported by the shared library, which a
 * case checks symbol by symbol with nm -D. evp_extra_test.c is the exception (it calls two
 * internal functions): it runs linked against libssl-dev's static libcrypto.a, and only its
 * random-layer case (testutil's -test option).
 */
import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { originalBinary, readSource, type OpensslLine } from '../../scripts/openssl-tests/lines.js';
import { SYSTEM_LIBCRYPTO3 } from '../../interop/builds/openssl3/libcrypto.js';
import { PORTED, portedCaseCount, type PortedFile } from '../../scripts/openssl-tests/ported.js';
import { parseTap } from '../../scripts/openssl-tests/tap.js';

/** Where the binary loads libcrypto from (its rpath, as scripts/build-openssl-tests.sh set it). */
function loadedLibcrypto(binary: string): string {
  const ldd = execFileSync('ldd', [binary], { encoding: 'utf8' });
  const m = /libcrypto\.so\.[\d.]+ => (\S+)/.exec(ldd);
  if (m === null) throw new Error(`${binary}: no libcrypto in ldd output`);
  return m[1] ?? '';
}

/** Dynamic symbols: the binary's undefined ones versioned OPENSSL_*, the library's defined. */
function opensslImports(binary: string): string[] {
  const out = execFileSync('nm', ['-D', '--undefined-only', binary], { encoding: 'utf8' });
  return [...out.matchAll(/^\s+U (\w+)@(OPENSSL_[\w.]+)$/gm)].map((m) => m[1] ?? '');
}
function exports(library: string): Set<string> {
  const out = execFileSync('nm', ['-D', '--defined-only', library], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return new Set([...out.matchAll(/^\w+ [TDBRVW] (\w+)@@?OPENSSL_/gm)].map((m) => m[1] ?? ''));
}

const withOriginals = PORTED.filter((p): p is PortedFile & { original: string } => p.original !== null);
const VERSION_OF: Record<OpensslLine, RegExp> = { '1.1.1w': /libcrypto\.so\.1\.1$/, '3.0': /libcrypto\.so\.3$/ };

describe('OpenSSL\'s own random-layer tests, unchanged, against the real libraries', function () {
  this.timeout(300_000);

  it('every ported file with a buildable original is built (scripts/build-openssl-tests.sh)', function () {
    const missing = withOriginals.map((p) => originalBinary(p.line, p.original)).filter((b) => !existsSync(b));
    expect(missing, 'run bash scripts/build-openssl-tests.sh').to.deep.equal([]);
    expect(withOriginals.length).to.equal(7);
  });

  for (const p of withOriginals) {
    it(`${p.line} ${p.file}: every case the port runs passes in the original (${portedCaseCount(p)} cases)`, function () {
      const binary = originalBinary(p.line, p.original);
      if (p.staticOnlyFor === undefined) {
        expect(loadedLibcrypto(binary), 'the library it runs against').to.match(VERSION_OF[p.line]);
      } else {
        expect(execFileSync('ldd', [binary], { encoding: 'utf8' }), 'linked statically').to.not.match(/libcrypto/);
      }
      const run = spawnSync(binary, [...(p.originalArgs ?? [])], { encoding: 'utf8', timeout: 240_000,
        env: { ...process.env, V: '' } });
      expect(run.status, `${binary} exit status; stderr: ${run.stderr}`).to.equal(0);
      const tap = parseTap(run.stdout);
      // testutil prints the top-level plan only for a full run (not with -test NAME).
      if (p.originalArgs === undefined) expect(tap.plan, 'TAP plan').to.equal(Object.keys(p.cases).length);
      expect(tap.tests.length, 'tests reported').to.equal(Object.keys(p.cases).length);
      const seen: Record<string, number> = {};
      for (const t of tap.tests) {
        expect(t.ok, `${t.name} ok`).to.equal(true);
        expect(t.iterationsOk, `${t.name}: iterations passing`).to.equal(t.iterations);
        seen[t.name] = t.iterations;
      }
      expect(seen, 'C functions and their iterations, as the port runs them').to.deep.equal({ ...p.cases });
    });
  }

  /** Random-layer functions each original must import from the library (what it tests). */
  const RANDOM_LAYER_IMPORTS: Record<string, readonly string[]> = {
    '1.1.1w drbgtest': ['RAND_DRBG_new', 'RAND_DRBG_generate', 'RAND_DRBG_reseed', 'RAND_DRBG_get0_master', 'CRYPTO_free_ex_data'],
    '1.1.1w drbg_cavs_test': ['RAND_DRBG_new', 'RAND_DRBG_instantiate', 'RAND_DRBG_reseed', 'RAND_DRBG_generate'],
    '3.0 drbgtest': ['EVP_RAND_CTX_get_params', 'EVP_RAND_generate', 'EVP_RAND_reseed', 'RAND_get0_primary'],
    '3.0 rand_test': ['RAND_set_DRBG_type', 'EVP_RAND_CTX_set_params', 'EVP_RAND_nonce'],
    '3.0 rand_status_test': ['RAND_status'],
    '3.0 acvp_test': ['EVP_RAND_fetch', 'EVP_RAND_CTX_new', 'EVP_RAND_instantiate', 'EVP_RAND_generate'],
  };

  it('they link because every OpenSSL function they call is exported (nm -D): internal headers give layouts only', function () {
    for (const p of withOriginals.filter((o) => o.staticOnlyFor === undefined)) {
      const binary = originalBinary(p.line, p.original);
      const library = loadedLibcrypto(binary);
      const exported = exports(library);
      const imports = opensslImports(binary);
      expect(imports, `${p.line} ${p.original}: random-layer imports`).to.include.members([...RANDOM_LAYER_IMPORTS[`${p.line} ${p.original}`] ?? ['?']]);
      expect(imports.filter((s) => !exported.has(s)), `${p.line} ${p.original}: imports ${library} lacks`).to.deep.equal([]);
    }
  });

  it('evp_extra_test.c cannot link against libcrypto.so.3: the functions it needs are not exported (nm -D)', function () {
    const exported = exports(SYSTEM_LIBCRYPTO3);
    for (const p of withOriginals.filter((o) => o.staticOnlyFor !== undefined)) {
      const source = readSource(p.line, p.file);
      for (const fn of p.staticOnlyFor!) {
        expect(source, `${p.file} calls ${fn}`).to.match(new RegExp(`\\b${fn}\\(`));
        expect(exported.has(fn), `${SYSTEM_LIBCRYPTO3} exports ${fn}`).to.equal(false);
      }
    }
  });
});
