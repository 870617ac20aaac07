/**
 * interop/ffi against the real system libcrypto.so.3: both engines load the system library
 * (not Node's bundled OpenSSL 3.0.x), move bytes faithfully (NULL stays apart from empty),
 * build OSSL_PARAM arrays, and return identical results for the same DRBG cases, including
 * when ffi-rs is the first to load the library in a fresh process.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fromHex } from '../../provider/bytes.js';
import type { CaseResult, DiffCase } from '../../interop/suites/differential/driver.js';
import { ENGINE_NAMES, getEngine, koffi, type EngineName, type Pointer } from '../../interop/ffi/index.js';
import {
  EVP_RAND_STATE_READY, loadLibCrypto3, OPENSSL_DIR, OPENSSL_VERSION, ParamArrays, provenance, SYSTEM_LIBCRYPTO3,
  type LibCrypto3,
} from '../../interop/builds/openssl3/index.js';
import { supportedConfigs } from '../../interop/suites/differential/configs.js';
import { generateCases } from '../../interop/suites/differential/generator.js';
import { openLibcrypto3 } from '../../interop/builds/openssl3/in-process.js';
import { libcrypto3Driver } from '../../interop/suites/differential/run-libcrypto.js';

const DIST = fileURLToPath(new URL('../..', import.meta.url));
const DEFAULT_PERS = Uint8Array.from([...Buffer.from('OpenSSL NIST SP 800-90A DRBG'), 0]);
const ENTROPY = Uint8Array.from({ length: 48 }, (_, i) => i);
const NONCE = Uint8Array.from({ length: 16 }, (_, i) => 0x64 + i);

/** Runs an ES module snippet in a fresh process of this Node, where `dist` is the build root
 * and `input` what was passed (as JSON, through stdin); returns what it printed, parsed, or
 * `{ signal }` if a signal killed it. */
function runFresh(body: string, input: unknown = null): unknown {
  const script = `const dist = ${JSON.stringify(DIST)};\n`
    + `const input = JSON.parse((await import('node:fs')).readFileSync(0, 'utf8'));\n${body}`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script],
    { encoding: 'utf8', input: JSON.stringify(input), maxBuffer: 1 << 26 });
  if (r.signal !== null) return { signal: r.signal };
  if (r.status !== 0) throw new Error(`child failed (${String(r.status)}): ${r.stderr}`);
  return JSON.parse(r.stdout) as unknown;
}

/** A TEST-RAND parent holding the CTR-DRBG AES-256 check vector's entropy (00..2f) and nonce
 * (64..73), and a CTR-DRBG AES-256 child under it (not instantiated). */
function checkVectorPair(c: LibCrypto3, params: ParamArrays): { parent: Pointer; child: Pointer; free(): void } {
  const testRand = c.EVP_RAND_fetch(0n, 'TEST-RAND', null);
  const ctr = c.EVP_RAND_fetch(0n, 'CTR-DRBG', null);
  const parent = c.EVP_RAND_CTX_new(testRand, 0n);
  const p = params.build([
    ['strength', { type: 'uint', value: 256 }],
    ['test_entropy', { type: 'octets', value: ENTROPY }],
    ['test_nonce', { type: 'octets', value: NONCE }],
  ]);
  expect(c.EVP_RAND_instantiate(parent, 256, 0, null, 0, p)).to.equal(1);
  params.free(p);
  const child = c.EVP_RAND_CTX_new(ctr, parent);
  const q = params.build([['cipher', { type: 'utf8', value: 'AES-256-CTR' }]]);
  expect(c.EVP_RAND_CTX_set_params(child, q)).to.equal(1);
  params.free(q);
  return {
    parent, child,
    free: () => {
      c.EVP_RAND_CTX_free(child);
      c.EVP_RAND_CTX_free(parent);
      c.EVP_RAND_free(ctr);
      c.EVP_RAND_free(testRand);
    },
  };
}

/** Instantiates the check-vector pair with `pers` and returns its first 32 output bytes. */
function firstOutput(c: LibCrypto3, params: ParamArrays, pers: Uint8Array | null): string {
  const pair = checkVectorPair(c, params);
  try {
    expect(c.EVP_RAND_instantiate(pair.child, 256, 0, pers, pers?.length ?? 0, 0n)).to.equal(1);
    const out = new Uint8Array(32);
    expect(c.EVP_RAND_generate(pair.child, out, 32, 0, 0, null, 0)).to.equal(1);
    return Buffer.from(out).toString('hex');
  } finally {
    pair.free();
  }
}

function outputBytes(results: readonly CaseResult[]): number {
  let n = 0;
  for (const r of results) for (const s of r.steps) n += (s.output?.length ?? 0) / 2;
  return n;
}

describe('interop/ffi on the system libcrypto.so.3', () => {
  for (const engine of ENGINE_NAMES) {
    describe(`${engine} engine`, () => {
      let c: LibCrypto3;
      let params: ParamArrays;
      before(() => {
        c = loadLibCrypto3({ engine });
        params = new ParamArrays(c);
      });
      after(() => params.close());

      it('loads the system library, running its own code rather than Node\'s bundled OpenSSL', () => {
        const p = provenance(c);
        expect(p.version).to.match(/^OpenSSL 3\.0\.\d+ /);
        expect(c.OpenSSL_version(OPENSSL_VERSION)).to.equal(p.version);
        // Debian's build vs Node's: same version line, different OPENSSLDIR.
        expect(p.openssldir).to.equal('OPENSSLDIR: "/usr/lib/ssl"');
        expect(p.nodeOpenssldir).to.be.a('string').and.not.equal(p.openssldir);
        expect(realpathSync(p.file as string)).to.equal(realpathSync(SYSTEM_LIBCRYPTO3));
        // The running Node's OpenSSL_version lives elsewhere: in the main program, which
        // dladdr names by its argv[0].
        expect(p.nodeFile).to.equal(process.argv0).and.not.equal(p.file);
        // RTLD_DEEPBIND: an error raised inside the library stays on its own queue.
        expect(p.errorOnOwnQueue).to.equal(true);
        expect(p.errorOnNodeQueue).to.equal(false);
      });

      it('moves bytes both ways through C memory', () => {
        const e = getEngine(engine);
        const block = e.allocate(64);
        try {
          block.write(0, Uint8Array.of(104, 105, 0));
          expect(e.readCString(block.address)).to.equal('hi');
          expect(Array.from(e.readBytes(block.address + 1n, 2))).to.deep.equal([105, 0]);
          e.writeBytes(block.address + 10n, Uint8Array.of(7, 8, 9));
          expect(Array.from(block.read(10, 3))).to.deep.equal([7, 8, 9]);
          expect(() => block.read(60, 5)).to.throw(RangeError);
          expect(e.readCString(0n)).to.equal(null);
        } finally {
          block.free();
        }
        expect(c.OpenSSL_version(OPENSSL_DIR)).to.equal('OPENSSLDIR: "/usr/lib/ssl"');
      });

      it('keeps a NULL personalization apart from an empty one', () => {
        // The check vector: NULL pers means the 29-byte default (DRBG_DEFAULT_PERS_STRING,
        // providers/implementations/rands/drbg.c, with its NUL).
        const nullPers = firstOutput(c, params, null);
        expect(nullPers).to.equal('ee18e8a0c79a42272eb43ead14268dc85752caf9e1fa0ea509106f0504fa5db8');
        expect(firstOutput(c, params, DEFAULT_PERS)).to.equal(nullPers);
        const emptyPers = firstOutput(c, params, new Uint8Array(0));
        expect(emptyPers).to.have.length(64).and.not.equal(nullPers);
        expect(firstOutput(c, params, new Uint8Array(8).subarray(3, 3))).to.equal(emptyPers);
      });

      it('builds OSSL_PARAM arrays and reads EVP_RAND parameters back', () => {
        const pair = checkVectorPair(c, params);
        try {
          expect(c.EVP_RAND_instantiate(pair.child, 0, 0, null, 0, 0n)).to.equal(1);
          const got = params.getRandCtxParams(pair.child, {
            state: 'int', strength: 'uint', max_request: 'size_t', min_entropylen: 'size_t',
            min_noncelen: 'size_t', max_perslen: 'size_t', reseed_counter: 'uint', reseed_requests: 'uint',
            use_derivation_function: 'int',
          });
          expect(got).to.deep.equal({
            state: EVP_RAND_STATE_READY, strength: 256, max_request: 65536, min_entropylen: 32,
            min_noncelen: 16, max_perslen: 0x7fffffff, reseed_counter: 2, reseed_requests: 256,
            use_derivation_function: 1,
          });
          expect(c.EVP_RAND_get_strength(pair.child)).to.equal(256);
          expect(c.EVP_RAND_get_state(pair.child)).to.equal(EVP_RAND_STATE_READY);
          expect(params.getRandCtxParams(pair.parent, { strength: 'uint', max_request: 'size_t' }))
            .to.deep.equal({ strength: 256, max_request: 0x7fffffff });
          expect(c.EVP_RAND_uninstantiate(pair.child)).to.equal(1);
          expect(c.EVP_RAND_verify_zeroization(pair.child)).to.equal(1);
        } finally {
          pair.free();
        }
      });
    });
  }

  it('the error-queue probe tells an RTLD_DEEPBIND load from a plain one (fresh processes)', () => {
    const probe = (engine: EngineName, deep: boolean): unknown => runFresh(`
      const { getEngine } = await import(dist + 'interop/ffi/index.js');
      const { loadLibCrypto3, OPENSSL_DIR, provenance } = await import(dist + 'interop/builds/openssl3/index.js');
      getEngine(${JSON.stringify(engine)}).load(${JSON.stringify(SYSTEM_LIBCRYPTO3)}, { deep: ${String(deep)} });
      const c = loadLibCrypto3({ engine: ${JSON.stringify(engine)} });
      // The entry points are the system library's whatever the flags: this line cannot tell.
      process.stderr.write(c.OpenSSL_version(OPENSSL_DIR));
      const p = provenance(c);
      console.log(JSON.stringify({ own: p.errorOnOwnQueue, node: p.errorOnNodeQueue }));
    `);
    const nodeHasOpenSsl3 = process.versions.openssl.startsWith('3.');
    let probes = 0;
    for (const engine of ENGINE_NAMES) {
      expect(probe(engine, true)).to.deep.equal({ own: true, node: false });
      // Plain load: under Node 20 the library's internal ERR_* calls bind to Node's OpenSSL 3
      // and the error lands on Node's queue; under Node 16 (OpenSSL 1.1.1 exported) the
      // process dies of SIGSEGV.
      const plain = probe(engine, false) as { own: boolean; node: boolean } | { signal: string };
      expect(plain).to.deep.equal(nodeHasOpenSsl3 ? { own: false, node: true } : { signal: 'SIGSEGV' });
      probes += 2;
    }
    expect(probes).to.equal(4);
  });

  it('koffi and ffi-rs return identical results for the same cases, whichever loads first', async () => {
    const cases: DiffCase[] = supportedConfigs().flatMap((config, i) =>
      generateCases({ seed: 5100 + i, config, count: 2, idPrefix: `engines ${i}`, largeOutputRate: 0.02 }));
    const koffiDriver = libcrypto3Driver(openLibcrypto3(SYSTEM_LIBCRYPTO3, 'koffi'), 'koffi');
    const ffiRsDriver = libcrypto3Driver(openLibcrypto3(SYSTEM_LIBCRYPTO3, 'ffi-rs'), 'ffi-rs');
    const a = await koffiDriver.runBatch(cases);
    const b = await ffiRsDriver.runBatch(cases);
    await koffiDriver.close();
    await ffiRsDriver.close();
    expect(b).to.deep.equal(a);

    // ffi-rs alone in a fresh process: its own RTLD_DEEPBIND preload, then the same cases.
    const fresh = runFresh(`
      const { openLibcrypto3 } = await import(dist + 'interop/builds/openssl3/in-process.js');
      const { SYSTEM_LIBCRYPTO3 } = await import(dist + 'interop/builds/openssl3/libcrypto.js');
      const { libcrypto3Driver } = await import(dist + 'interop/suites/differential/run-libcrypto.js');
      const { createHash } = await import('node:crypto');
      const d = libcrypto3Driver(openLibcrypto3(SYSTEM_LIBCRYPTO3, 'ffi-rs'), 'ffi-rs');
      const r = await d.runBatch(input);
      console.log(JSON.stringify({ evidence: d.evidence, sha256: createHash('sha256').update(JSON.stringify(r)).digest('hex') }));
    `, cases) as { evidence: { errorOnOwnQueue: boolean; errorOnNodeQueue: boolean; file: string }; sha256: string };
    expect(fresh.evidence.errorOnOwnQueue).to.equal(true);
    expect(fresh.evidence.errorOnNodeQueue).to.equal(false);
    expect(realpathSync(fresh.evidence.file)).to.equal(realpathSync(SYSTEM_LIBCRYPTO3));
    expect(fresh.sha256).to.equal(createHash('sha256').update(JSON.stringify(a)).digest('hex'));

    const steps = a.reduce((n, r) => n + r.steps.length, 0);
    const failed = a.reduce((n, r) => n + r.steps.filter((s) => s.ret !== 1).length, 0);
    expect(cases).to.have.length(56);
    expect(steps).to.be.greaterThan(150);
    expect(failed).to.be.greaterThan(0);
    expect(outputBytes(a)).to.be.greaterThan(10_000);
    console.log(`      compared ${cases.length} cases, ${steps} steps (${failed} failing), ${outputBytes(a)} output bytes`);
  });

  it('koffi calls JavaScript back synchronously, with pointers as bigints (for 1.1.1 callbacks)', () => {
    const engine = koffi();
    const libc = engine.load('libc.so.6');
    const qsort = libc.func('qsort', 'void', ['bytes', 'size_t', 'size_t', 'ptr']);
    let calls = 0;
    const compare = engine.callback('int', ['ptr', 'ptr'], (a, b) => {
      calls++;
      return engine.readBytes(a, 1)[0] - engine.readBytes(b, 1)[0];
    });
    try {
      const data = Uint8Array.of(9, 3, 7, 1, 8);
      qsort(data, data.length, 1, compare.address);
      expect(Array.from(data)).to.deep.equal([1, 3, 7, 8, 9]);
      expect(calls).to.be.greaterThan(4);
    } finally {
      compare.close();
    }
  });

  it('EVP_Digest through both engines agrees with node:crypto', () => {
    let compared = 0;
    for (const engine of ENGINE_NAMES) {
      const c = loadLibCrypto3({ engine });
      for (const name of ['SHA2-256', 'SHA3-256', 'SHA3-512']) {
        const md = c.EVP_MD_fetch(0n, name, null);
        expect(md).to.not.equal(0n);
        const size = c.EVP_MD_get_size(md);
        for (const len of [0, 1, 136, 1000]) {
          const data = fromHex('5a'.repeat(len));
          const out = new Uint8Array(size);
          const outLen = new Uint8Array(4);
          expect(c.EVP_Digest(data, len, out, outLen, md, 0n)).to.equal(1);
          expect(new DataView(outLen.buffer).getUint32(0, true)).to.equal(size);
          const nodeName = name.replace('SHA2-', 'sha').toLowerCase();
          expect(Buffer.from(out).toString('hex')).to.equal(createHash(nodeName).update(data).digest('hex'));
          compared++;
        }
        c.EVP_MD_free(md);
      }
    }
    expect(compared).to.equal(24);
  });
});
