/**
 * The system-3 build (system libcrypto.so.3 through interop/ffi) against itself, OpenSSL's own
 * reason strings, a CTR-DRBG AES-256 check vector, and randshim's engine (randshimDriver3x) on
 * seeded random cases of every supported configuration, plus the SHA3 acceptance line: Hash-DRBG and
 * HMAC-DRBG with SHA3-224/256/384/512 on both backends give system OpenSSL 3's bytes.
 */
import { expect } from 'chai';
import { toHex } from '../../provider/bytes.js';
import { BACKEND_NAMES, findDigest, getBackend } from '../../provider/sp800-90a/primitives/index.js';
import type { CaseResult, DiffCase, DrbgConfig, ReportedError, StepResult } from '../../interop/suites/differential/driver.js';
import { loadLibCrypto3, OPENSSL_INIT_LOAD_CRYPTO_STRINGS, SYSTEM_LIBCRYPTO3 } from '../../interop/builds/openssl3/index.js';
import { caseLimits, supportedConfigs } from '../../interop/suites/differential/configs.js';
import { generateCases, SeededRandom } from '../../interop/suites/differential/generator.js';
import { describeError3 } from '../../interop/builds/openssl3/error-names.js';
import { COMMON_REASONS, ERR_LIBS, LATER_LINE_REASONS, LIB_REASONS } from '../../interop/builds/openssl3/reasons.js';
import { buildNamed, discover, inProcessLibcrypto3, type BuildEntry } from '../../interop/builds/registry.js';
import { libcrypto3Driver, type Libcrypto3Driver } from '../../interop/suites/differential/run-libcrypto.js';
import { randshimDriver3x } from '../../interop/suites/differential/run-randshim.js';

function label(c: DrbgConfig): string {
  return c.mechanism === 'CTR-DRBG' ? `CTR ${String(c.cipher)}${c.useDf === false ? ' no-df' : ''}` : `${c.mechanism} ${String(c.digest)}`;
}

interface Tally {
  cases: number;
  steps: number;
  failedSteps: number;
  outputs: number;
  bytes: number;
  mismatches: string[];
}

const newTally = (): Tally => ({ cases: 0, steps: 0, failedSteps: 0, outputs: 0, bytes: 0, mismatches: [] });

function compare(cases: readonly DiffCase[], sys: readonly CaseResult[], shim: readonly CaseResult[], t: Tally): void {
  expect(sys).to.have.length(cases.length);
  expect(shim).to.have.length(cases.length);
  cases.forEach((c, i) => {
    const a = sys[i];
    const b = shim[i];
    t.cases++;
    if (a.id !== c.id || b.id !== c.id || a.created !== b.created || a.steps.length !== b.steps.length) {
      t.mismatches.push(`${c.id}: created ${String(a.created)} vs ${String(b.created)}, ${a.steps.length} vs ${b.steps.length} steps`);
      return;
    }
    a.steps.forEach((x, s) => {
      const y = b.steps[s];
      t.steps++;
      if (x.ret !== 1) t.failedSteps++;
      if (JSON.stringify(x) === JSON.stringify(y)) {
        if (x.output !== undefined) {
          t.outputs++;
          t.bytes += x.output.length / 2;
        }
      } else {
        const cut = (r: StepResult): string => JSON.stringify({ ...r, output: r.output?.slice(0, 64) });
        t.mismatches.push(`${c.id} step ${s} ${JSON.stringify(c.steps[s]).slice(0, 300)}: system ${cut(x)} randshim ${cut(y)}`);
      }
    });
  });
}

describe('system-3 oracle', () => {
  let driver: Libcrypto3Driver;
  const entry = buildNamed('system-3') as BuildEntry;

  before(async () => {
    const found = await discover(entry, 'evp-rand-3');
    if (!found.available) throw new Error(`system-3 unavailable: ${found.reason}`);
    expect([found.library, found.version]).to.deep.equal([SYSTEM_LIBCRYPTO3, found.handle.evidence.version]);
    driver = libcrypto3Driver(found.handle, found.name);
  });

  after(async () => {
    await driver.close();
  });

  it('is discovered on the system libcrypto.so.3, and discovery never throws', async () => {
    expect(driver.info).to.deep.equal({
      name: 'system-3', flavor: '3.x', library: SYSTEM_LIBCRYPTO3, version: driver.evidence.version,
    });
    expect(driver.info.version).to.match(/^OpenSSL 3\.0\.\d+ /);
    expect(driver.evidence.openssldir).to.equal('OPENSSLDIR: "/usr/lib/ssl"');
    expect(driver.evidence.errorOnOwnQueue).to.equal(true);
    expect(driver.evidence.errorOnNodeQueue).to.equal(false);
    expect(['CTR-DRBG', 'HASH-DRBG', 'HMAC-DRBG'].every((m) => driver.supports({ mechanism: m as DrbgConfig['mechanism'] })))
      .to.equal(true);

    const at = (path: string): BuildEntry => inProcessLibcrypto3('system-3', path, 'a test entry');
    const missing = await discover(at('/nonexistent/libcrypto.so.3'), 'evp-rand-3');
    expect(missing).to.deep.equal({ name: 'system-3', available: false, reason: 'library missing: /nonexistent/libcrypto.so.3' });
    const notCrypto = await discover(at('/usr/lib/x86_64-linux-gnu/libz.so.1'), 'evp-rand-3');
    expect(notCrypto.available).to.equal(false);
    expect(notCrypto.available === false && notCrypto.reason).to.match(/^cannot load .*libz\.so\.1 through koffi: /);
    const viaFfiRs = await discover(entry, 'evp-rand-3', { engine: 'ffi-rs' });
    expect(viaFfiRs.available).to.equal(true);
    expect(viaFfiRs.name).to.equal('system-3-ffi-rs');
    expect(viaFfiRs.available && viaFfiRs.handle.evidence.errorOnOwnQueue).to.equal(true);
    expect(await discover(entry, 'rand-drbg-111')).to.deep.equal({ name: 'system-3', available: false, reason: 'system-3 has no rand-drbg-111' });
  });

  it('names every PROV, RAND, EVP and CRYPTO reason as the library\'s own strings do', () => {
    const c = loadLibCrypto3();
    expect(c.OPENSSL_init_crypto(OPENSSL_INIT_LOAD_CRYPTO_STRINGS, 0n)).to.equal(1);
    const libNumber = new Map([...ERR_LIBS].map(([n, name]) => [name, n]));
    // Where OpenSSL's string is not the macro name in lower case (reason: string).
    const phrased = new Set([
      'MISSING_OID', 'PRNG_NOT_SEEDED', 'FUNC_NOT_IMPLEMENTED', 'CANNOT_OPEN_FILE', 'NOT_A_REGULAR_FILE',
      'FWRITE_ERROR', 'EXPECTING_A_EC_KEY', 'PARTIALLY_OVERLAPPING', 'NOT_XOF_OR_INVALID_LENGTH', 'EXPECTING_A_ECX_KEY',
    ]);
    let checked = 0;
    for (const [lib, reasons] of LIB_REASONS) {
      for (const [reason, name] of reasons) {
        const code = (libNumber.get(lib) as number) * 2 ** 23 + reason;
        expect(describeError3(code)).to.deep.equal({ lib, reason: name });
        const text = c.ERR_reason_error_string(code);
        expect(text, `${lib}_R_${name}`).to.be.a('string');
        if (!phrased.has(name)) expect(text, `${lib}_R_${name}`).to.equal(name.toLowerCase().replace(/_/g, ' '));
        checked++;
      }
    }
    expect(checked).to.equal(123 + 43 + 109 + 21);
    let later = 0;
    for (const [lib, reasons] of LATER_LINE_REASONS) {
      for (const [reason, name] of reasons) {
        const code = (libNumber.get(lib) as number) * 2 ** 23 + reason;
        expect(c.ERR_reason_error_string(code), `${lib}_R_${name} is not a 3.0 reason`).to.equal(null);
        later++;
      }
    }
    expect(later).to.equal(10);
    expect(describeError3(6 * 2 ** 23 + 0x8010c)).to.deep.equal({ lib: 'EVP', reason: 'UNSUPPORTED' });
    expect(COMMON_REASONS.get(0x8010c)).to.equal('UNSUPPORTED');
    expect(c.ERR_reason_error_string(6 * 2 ** 23 + 0x8010c)).to.equal('unsupported');
    expect(describeError3(57 * 2 ** 23 + 0x7abc)).to.deep.equal({ lib: 'PROV', reason: '0x1c807abc' });
    expect(describeError3(0x80000000 + 2)).to.deep.equal({ lib: 'SYS', reason: 'ERRNO_2' });
  });

  it('reproduces the 3.0.19 CTR-DRBG AES-256 check vector (entropy 00..2f, nonce 64..73, NULL pers)', async () => {
    const entropy = toHex(Uint8Array.from({ length: 48 }, (_, i) => i));
    const nonce = toHex(Uint8Array.from({ length: 16 }, (_, i) => 0x64 + i));
    const [r] = await driver.runBatch([{
      id: 'check vector',
      config: { mechanism: 'CTR-DRBG', cipher: 'AES-256-CTR' },
      steps: [
        { op: 'instantiate', entropy, nonce, strength: 256 },
        { op: 'generate', outlen: 32 },
        { op: 'generate', outlen: 32, adin: '616263' },
      ],
    }]);
    expect(r.steps.map((s) => s.output)).to.deep.equal([
      undefined,
      'ee18e8a0c79a42272eb43ead14268dc85752caf9e1fa0ea509106f0504fa5db8',
      '6054cefa1b146f95979a8df01cf9a0ed1679fbed06e8a7bc736352e6bc00b694',
    ]);
    expect(r.steps.every((s) => s.ret === 1 && s.state === 1 && s.errors?.length === 0)).to.equal(true);
  });

  it('reports configurations OpenSSL refuses as not created, with its reasons', async () => {
    const refused: [DrbgConfig, ReportedError[]][] = [
      [{ mechanism: 'HASH-DRBG', digest: 'NO-SUCH-DIGEST' }, [{ lib: 'EVP', reason: 'UNSUPPORTED' }]],
      [{ mechanism: 'HMAC-DRBG', digest: 'SHAKE256' }, [{ lib: 'PROV', reason: 'XOF_DIGESTS_NOT_ALLOWED' }]],
      [{ mechanism: 'CTR-DRBG', cipher: 'AES-256-ECB' }, [{ lib: 'PROV', reason: 'REQUIRE_CTR_MODE_CIPHER' }]],
      [{ mechanism: 'CTR-DRBG', cipher: 'NO-SUCH-CTR' }, [
        { lib: 'EVP', reason: 'UNSUPPORTED' }, { lib: 'EVP', reason: 'UNSUPPORTED' }, { lib: 'PROV', reason: 'UNABLE_TO_FIND_CIPHERS' },
      ]],
    ];
    const cases: DiffCase[] = refused.map(([config], i) => ({ id: `refused ${i}`, config, steps: [{ op: 'generate', outlen: 1 }] }));
    const sys = await driver.runBatch(cases);
    const shim = await randshimDriver3x('node').runBatch(cases);
    refused.forEach(([, errors], i) => {
      expect(sys[i]).to.deep.equal({ id: `refused ${i}`, created: false, steps: [] });
      expect(shim[i]).to.deep.equal(sys[i]);
      expect(driver.setupErrors(`refused ${i}`)).to.deep.equal(errors);
    });
    // MD5: OpenSSL's Hash-DRBG takes it (randshim refuses it, a documented difference).
    const [md5] = await driver.runBatch([{ id: 'md5', config: { mechanism: 'HASH-DRBG', digest: 'MD5' }, steps: [] }]);
    expect(md5.created).to.equal(true);
    expect(driver.setupErrors('md5')).to.equal(undefined);
  });

  // The seeded random agreement campaign (2,000 cases per configuration) is in
  // test/interop/differential.spec.ts, through the differential runner.

  describe('SHA3 Hash-DRBG and HMAC-DRBG: randshim on both backends gives system OpenSSL 3\'s bytes', () => {
    /** Valid scenarios (no error paths) sized from the configuration's limits. */
    function sha3Cases(config: DrbgConfig, seed: number): DiffCase[] {
      const rng = new SeededRandom(seed);
      const { minEntropyLen: e, minNonceLen: n, strength } = caseLimits(config);
      const id = `${label(config)} sha3 ${seed}`;
      return [
        {
          id: `${id} a`, config, steps: [
            { op: 'instantiate', entropy: rng.hex(e), nonce: rng.hex(n), pers: rng.hex(20) },
            { op: 'generate', outlen: 1 },
            { op: 'generate', outlen: 64, adin: rng.hex(33) },
            { op: 'reseed', entropy: rng.hex(e + 7), adin: rng.hex(5) },
            { op: 'generate', outlen: 1000, predictionResistance: true, strength },
            { op: 'uninstantiate' },
            { op: 'instantiate', entropy: rng.hex(e + 1), nonce: rng.hex(n + 3), pers: '' },
            { op: 'generate', outlen: 65537, adin: rng.hex(16) },
          ],
        },
        {
          id: `${id} b`, config, reseedInterval: 2, steps: [
            { op: 'instantiate', entropy: rng.hex(2 * e), nonce: rng.hex(n) },
            { op: 'generate', outlen: 17, adin: '' },
            { op: 'generate', outlen: 48, adin: rng.hex(64) },
            { op: 'generate', outlen: 33, entropy: rng.hex(e) },
            { op: 'generate', outlen: 0 },
            { op: 'reseed', predictionResistance: true },
            { op: 'generate', outlen: 129 },
          ],
        },
      ];
    }

    const sha3Configs: DrbgConfig[] = supportedConfigs().filter((c) => c.digest?.startsWith('SHA3-') === true);

    it('covers Hash and HMAC with SHA3-224/256/384/512', () => {
      expect(sha3Configs.map(label)).to.deep.equal([
        'HASH-DRBG SHA3-224', 'HASH-DRBG SHA3-256', 'HASH-DRBG SHA3-384', 'HASH-DRBG SHA3-512',
        'HMAC-DRBG SHA3-224', 'HMAC-DRBG SHA3-256', 'HMAC-DRBG SHA3-384', 'HMAC-DRBG SHA3-512',
      ]);
    });

    for (const backend of BACKEND_NAMES) {
      sha3Configs.forEach((config, index) => {
        it(`${label(config)} on the ${backend} backend`, async () => {
          const cases = sha3Cases(config, 700 + index);
          const sys = await driver.runBatch(cases);
          const shim = await randshimDriver3x(backend).runBatch(cases);
          const t = newTally();
          compare(cases, sys, shim, t);
          expect(t.mismatches, t.mismatches.slice(0, 5).join('\n')).to.deep.equal([]);
          expect(t.failedSteps).to.equal(0);
          expect(t.outputs).to.equal(9);
          expect(t.bytes).to.equal(1 + 64 + 1000 + 65537 + 17 + 48 + 33 + 0 + 129);
        });
      });
    }

    it('EVP_Digest SHA3 equals both backends\' SHA3 primitives', () => {
      const c = loadLibCrypto3();
      const rng = new SeededRandom(99);
      let compared = 0;
      for (const name of ['SHA3-224', 'SHA3-256', 'SHA3-384', 'SHA3-512']) {
        const info = findDigest(name);
        expect(info).to.not.equal(undefined);
        const md = c.EVP_MD_fetch(0n, name, null);
        for (const len of [0, 1, 71, 72, 73, 103, 104, 135, 136, 137, 143, 144, 145, 1000]) {
          const data = rng.bytes(len);
          const out = new Uint8Array(c.EVP_MD_get_size(md));
          expect(c.EVP_Digest(data, len, out, null, md, 0n)).to.equal(1);
          for (const backend of BACKEND_NAMES) {
            const half = len >> 1;
            expect(toHex(getBackend(backend).digest(info!, [data.subarray(0, half), data.subarray(half)])), `${name} ${len} ${backend}`)
              .to.equal(toHex(out));
            compared++;
          }
        }
        c.EVP_MD_free(md);
      }
      expect(compared).to.equal(4 * 14 * BACKEND_NAMES.length);
    });
  });

  it('runs on a fresh parent per case: a batch equals its cases run one by one', async () => {
    const cases = generateCases({ seed: 4242, config: { mechanism: 'HMAC-DRBG', digest: 'SHA2-256' }, count: 20, largeOutputRate: 0 });
    const batch = await driver.runBatch(cases);
    const single: CaseResult[] = [];
    for (const c of cases) single.push(...(await driver.runBatch([c])));
    expect(single).to.deep.equal(batch);
    expect(batch.reduce((n, r) => n + r.steps.length, 0)).to.be.greaterThan(40);
  });
});
