/**
 * Bad input and misuse of the 1.1.1 personality (issue 13), each against the real OpenSSL
 * 1.1.1w where C can express the input (the raw 1.1.1 call language run on the library and on
 * randshim, every call compared: return, output, state, error queue, callback trace), and, for
 * what only JavaScript can pass, the documented refusal (0 or NULL, RAND
 * ERR_R_PASSED_INVALID_ARGUMENT) with nothing written and no state changed.
 */
import { expect } from 'chai';
import koffi from 'koffi';
import * as C from '../../compat/openssl111/index.js';
import { decodeError111 } from '../../interop/builds/openssl111/error-codes.js';
import { discoverBuild } from '../../interop/builds/registry.js';
import { loadSharedLibcrypto111 } from '../../interop/builds/openssl111/load.js';
import { types111, type DrbgPtr } from '../../interop/builds/openssl111/c-types.js';
import type { Oracle111 } from '../../interop/builds/openssl111/oracle.js';
import type { ReportedError } from '../../interop/suites/differential/driver.js';
import { runScenario111 } from '../../interop/suites/rand-drbg/run.js';
import { bytes, scenario, NID_128, NID_256, NO_DF } from '../../interop/suites/rand-drbg/scenario.js';

const TWO_32 = 2 ** 32;

function errors(): string[] {
  const out: string[] = [];
  for (let e = C.ERR_get_error(); e !== 0; e = C.ERR_get_error()) {
    const d = decodeError111(e);
    out.push(`${d.func}:${d.reason}`);
  }
  return out;
}

describe('bad input, 1.1.1 personality', function () {
  this.timeout(120_000);
  let oracle: Oracle111;

  before(async function () {
    const found = await discoverBuild('system-1.1.1', 'rand-drbg-111');
    if (!found.available) throw new Error(`real OpenSSL 1.1.1 needed: ${found.reason}`);
    oracle = found.handle;
  });

  afterEach(() => C.RANDSHIM_111_reset());

  it('lengths are size_t (no 32-bit truncation) and checked against the limits before anything is read, as 1.1.1w does', async function () {
    const sc = scenario('size_t lengths', 'perslen / adinlen / outlen limits', [
      { fn: 'source', name: 's', entropy: bytes(48, 1), nonce: bytes(16, 2) },
      { fn: 'source', name: 'n32', entropy: bytes(32, 3) },
      { fn: 'RAND_DRBG_new', type: NID_256, flags: 0, bind: 'd' },
      { fn: 'RAND_DRBG_set_callbacks', drbg: 'd', source: 's' },
      { fn: 'RAND_DRBG_instantiate', drbg: 'd', perslen: TWO_32 + 5 },
      { fn: 'RAND_DRBG_instantiate', drbg: 'd', perslen: -1 },
      // never instantiated: generate instantiates it first, then refuses the adin length
      { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 16, adinlen: TWO_32 + 5 },
      { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 16, adinlen: -1 },
      { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 16, adinlen: 2 ** 31 - 1 },
      { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 16, adinlen: 2 ** 31 },
      { fn: 'RAND_DRBG_reseed', drbg: 'd', adinlen: TWO_32 + 5 },
      { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 65537 },
      { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 0 },
      { fn: 'RAND_DRBG_bytes', drbg: 'd', outlen: 0 },
      { fn: 'RAND_DRBG_set_reseed_interval', drbg: 'd', interval: -1 },
      { fn: 'RAND_DRBG_set_reseed_interval', drbg: 'd', interval: TWO_32 + 5 },
      { fn: 'RAND_DRBG_set_reseed_interval', drbg: 'd', interval: 2 ** 24 + 1 },
      { fn: 'RAND_DRBG_set_reseed_time_interval', drbg: 'd', interval: -1 },
      { fn: 'RAND_DRBG_set_reseed_time_interval', drbg: 'd', interval: 2 ** 20 + 1 },
      { fn: 'peek', drbg: 'd' },
      { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 32 },
      { fn: 'RAND_DRBG_new', type: NID_128, flags: NO_DF, bind: 'n' },
      { fn: 'RAND_DRBG_set_callbacks', drbg: 'n', source: 'n32' },
      { fn: 'RAND_DRBG_instantiate', drbg: 'n', perslen: 33 },
      { fn: 'RAND_DRBG_generate', drbg: 'n', outlen: 16, adinlen: 33 },
      { fn: 'RAND_DRBG_generate', drbg: 'n', outlen: 16, adinlen: 32 },
      { fn: 'RAND_DRBG_reseed', drbg: 'n', adin: bytes(33, 4) },
      { fn: 'RAND_DRBG_generate', drbg: 'n', outlen: 16, adin: bytes(33, 5) },
      { fn: 'RAND_DRBG_generate', drbg: 'n', outlen: 16, adin: bytes(32, 6) },
      { fn: 'peek', drbg: 'n' },
      { fn: 'RAND_bytes', num: 0 },
      { fn: 'RAND_priv_bytes', num: 0 },
      { fn: 'RAND_DRBG_set_reseed_defaults', masterInterval: -1, slaveInterval: 1, masterTime: 1, slaveTime: 1 },
      { fn: 'RAND_DRBG_set_reseed_defaults', masterInterval: 1, slaveInterval: 1, masterTime: -1, slaveTime: 2 ** 20 + 1 },
    ]);
    const [run] = await runScenario111([oracle], sc);
    expect(run.mismatches).to.deep.equal([]);
    expect(run.compared).to.equal(sc.steps.length);
    expect(run.errors).to.equal(10);
  });

  it('a JavaScript buffer shorter than its length is refused only after the limits, leaving the DRBG as 1.1.1w leaves it', async function () {
    // Real 1.1.1w, with buffers as long as the lengths: an uninstantiated DRBG is instantiated
    // before outlen and adinlen are compared with its limits.
    const real = await oracle.runRaw([
      { fn: 'source', name: 'x', entropy: bytes(48, 7), nonce: bytes(16, 8) },
      { fn: 'RAND_DRBG_new', type: NID_256, flags: 0, bind: 'd' },
      { fn: 'RAND_DRBG_set_callbacks', drbg: 'd', source: 'x' },
      { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 65537 },
      { fn: 'RAND_DRBG_uninstantiate', drbg: 'd' },
      { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 16, adinlen: TWO_32 + 1 },
      { fn: 'RAND_DRBG_new', type: NID_128, flags: NO_DF, bind: 'n' },
      { fn: 'RAND_DRBG_instantiate', drbg: 'n', perslen: 33 },
    ]);
    const realOf = (i: number): [number | undefined, number | undefined, string[]] =>
      [real[i].ret, real[i].state, real[i].errors.map((e: ReportedError) => `${e.func}:${e.reason}`)];
    C.ERR_clear_error();
    const d = C.RAND_DRBG_new(NID_256, 0, null)!;
    const short = new Uint8Array(16).fill(0xaa);
    const got1 = [C.RAND_DRBG_generate(d, short, 65537, 0, null, 0), d.state, errors()];
    C.RAND_DRBG_uninstantiate(d);
    const got2 = [C.RAND_DRBG_generate(d, short, 16, 0, new Uint8Array(4), TWO_32 + 1), d.state, errors()];
    const n = C.RAND_DRBG_new(NID_128, NO_DF, null)!;
    const got3 = [C.RAND_DRBG_instantiate(n, new Uint8Array(2), 33), n.state, errors()];
    expect([got1, got2, got3]).to.deep.equal([realOf(3), realOf(5), realOf(7)]);
    expect(got1[2]).to.deep.equal(['RAND_DRBG_GENERATE:REQUEST_TOO_LARGE_FOR_DRBG']);
    // within the limits, the short buffer is what is refused (C would overrun it): READY, unwritten
    expect(C.RAND_DRBG_generate(d, short, 17, 0, null, 0)).to.equal(0);
    expect(errors()).to.deep.equal(['RAND_DRBG_GENERATE:BUF_LIB']); // 7: ERR_R_PASSED_INVALID_ARGUMENT
    expect(d.state).to.equal(1);
  });

  it('get_entropy / get_nonce that set *pout and return 0: cleanup_entropy / cleanup_nonce(out, 0) are called, as by 1.1.1w', function () {
    const loaded = loadSharedLibcrypto111();
    if (!loaded.ok) throw new Error(loaded.reason);
    const lib = loaded.lib;
    const t = types111();
    const trace: string[] = [];
    const cells: ReturnType<typeof koffi.alloc>[] = [];
    const mode = { entropy: 0, nonce: 0 };
    const give = (pout: unknown, n: number, what: string): number => {
      const cell = koffi.alloc('uint8_t', 64);
      cells.push(cell);
      koffi.encode(pout, 'void *', cell);
      trace.push(`get_${what}`);
      return n;
    };
    const ge = koffi.register((_d: DrbgPtr, pout: unknown) => give(pout, mode.entropy, 'entropy'), koffi.pointer(t.getEntropyFn));
    const ce = koffi.register((_d: DrbgPtr, _o: unknown, len: number) => { trace.push(`cleanup_entropy(${Number(len)})`); }, koffi.pointer(t.cleanupEntropyFn));
    const gn = koffi.register((_d: DrbgPtr, pout: unknown) => give(pout, mode.nonce, 'nonce'), koffi.pointer(t.getNonceFn));
    const cn = koffi.register((_d: DrbgPtr, _o: unknown, len: number) => { trace.push(`cleanup_nonce(${Number(len)})`); }, koffi.pointer(t.cleanupNonceFn));
    const realRun = (entropy: number, nonce: number): [number, string[], string[]] => {
      trace.length = 0;
      mode.entropy = entropy;
      mode.nonce = nonce;
      lib.ERR_clear_error();
      const drbg = lib.RAND_DRBG_new(NID_256, 0, null)!;
      lib.RAND_DRBG_set_callbacks(drbg, ge, ce, gn, cn);
      const ret = lib.RAND_DRBG_instantiate(drbg, null, 0);
      const errs: string[] = [];
      for (let e = Number(lib.ERR_get_error()); e !== 0; e = Number(lib.ERR_get_error())) {
        const d = decodeError111(e);
        errs.push(`${d.func}:${d.reason}`);
      }
      lib.RAND_DRBG_free(drbg);
      return [ret, [...trace], errs];
    };
    const oursRun = (entropy: number, nonce: number): [number, string[], string[]] => {
      trace.length = 0;
      C.ERR_clear_error();
      const d = C.RAND_DRBG_new(NID_256, 0, null)!;
      const hand = (pout: C.OutPointer, n: number, what: string): number => {
        pout.value = new Uint8Array(64);
        trace.push(`get_${what}`);
        return n;
      };
      C.RAND_DRBG_set_callbacks(d, (_d, pout) => hand(pout, entropy, 'entropy'),
        (_d, _o, len) => { trace.push(`cleanup_entropy(${len})`); },
        (_d, pout) => hand(pout, nonce, 'nonce'), (_d, _o, len) => { trace.push(`cleanup_nonce(${len})`); });
      const ret = C.RAND_DRBG_instantiate(d, null, 0);
      const errs = errors();
      C.RAND_DRBG_free(d);
      return [ret, [...trace], errs];
    };
    try {
      const cases: [number, number][] = [[0, 0], [48, 0], [48, 16], [0, 16], [16, 16], [48, 64]];
      const real = cases.map(([e, n]) => realRun(e, n));
      const ours = cases.map(([e, n]) => oursRun(e, n));
      expect(ours).to.deep.equal(real);
      expect(real[0][1]).to.deep.equal(['get_entropy', 'cleanup_entropy(0)']);
      expect(real[1][1]).to.deep.equal(['get_entropy', 'get_nonce', 'cleanup_entropy(48)', 'cleanup_nonce(0)']);
    } finally {
      for (const cb of [ge, ce, gn, cn]) koffi.unregister(cb);
      for (const c of cells) koffi.free(c);
    }
  });

  it('NULL output with length 0 succeeds (RAND_bytes, RAND_priv_bytes, RAND_DRBG_generate, RAND_DRBG_bytes), as in 1.1.1w', function () {
    const loaded = loadSharedLibcrypto111();
    if (!loaded.ok) throw new Error(loaded.reason);
    const lib = loaded.lib;
    const drbg = lib.RAND_DRBG_new(NID_256, 0, null)!;
    const real = [lib.RAND_bytes(null as unknown as Buffer, 0), lib.RAND_priv_bytes(null as unknown as Buffer, 0),
      lib.RAND_DRBG_generate(drbg, null as unknown as Buffer, 0, 0, null, 0), lib.RAND_DRBG_bytes(drbg, null as unknown as Buffer, 0)];
    lib.RAND_DRBG_free(drbg);
    lib.ERR_clear_error();
    const d = C.RAND_DRBG_new(NID_256, 0, null)!;
    const nul = null as unknown as Uint8Array;
    const ours = [C.RAND_bytes(nul, 0), C.RAND_priv_bytes(nul, 0), C.RAND_DRBG_generate(d, nul, 0, 0, null, 0), C.RAND_DRBG_bytes(d, nul, 0)];
    expect(ours).to.deep.equal(real);
    expect(real).to.deep.equal([1, 1, 1, 1]);
    expect(errors()).to.deep.equal([]);
  });

  it('values C cannot express are refused everywhere: 0, RAND ERR_R_PASSED_INVALID_ARGUMENT, nothing written, no state changed', function () {
    const bad: unknown[] = [Number.NaN, 1.5, '16', true, undefined, Infinity, -Infinity, 2 ** 53 + 2, {}, 16n];
    const buf = new Uint8Array(16);
    const d = C.RAND_DRBG_new(NID_256, 0, null)!;
    expect(C.RAND_DRBG_instantiate(d, null, 0)).to.equal(1);
    const before = { interval: d.reseedInterval, time: d.reseedTimeInterval, counter: d.generateCounter };
    let refusals = 0;
    const any = (v: unknown): number => v as number;
    for (const v of bad) {
      buf.fill(0xaa);
      const calls: [string, () => number][] = [
        ['RAND_bytes', () => C.RAND_bytes(buf, any(v))],
        ['RAND_priv_bytes', () => C.RAND_priv_bytes(buf, any(v))],
        ['RAND_pseudo_bytes', () => C.RAND_pseudo_bytes(buf, any(v))],
        ['RAND_DRBG_generate outlen', () => C.RAND_DRBG_generate(d, buf, any(v), 0, null, 0)],
        ['RAND_DRBG_generate adinlen', () => C.RAND_DRBG_generate(d, buf, 16, 0, null, any(v))],
        ['RAND_DRBG_generate pr', () => C.RAND_DRBG_generate(d, buf, 16, any(v), null, 0)],
        ['RAND_DRBG_bytes', () => C.RAND_DRBG_bytes(d, buf, any(v))],
        ['RAND_DRBG_reseed', () => C.RAND_DRBG_reseed(d, null, any(v), 0)],
        ['RAND_DRBG_instantiate', () => C.RAND_DRBG_instantiate(d, null, any(v))],
        ['RAND_DRBG_set_reseed_interval', () => C.RAND_DRBG_set_reseed_interval(d, any(v))],
        ['RAND_DRBG_set_reseed_time_interval', () => C.RAND_DRBG_set_reseed_time_interval(d, any(v))],
        ['RAND_DRBG_set_ex_data', () => C.RAND_DRBG_set_ex_data(d, any(v), 1)],
        ['RAND_DRBG_set', () => C.RAND_DRBG_set(d, any(v), 0)],
        ['FIPS_mode_set', () => C.FIPS_mode_set(any(v))],
      ];
      for (const [name, call] of calls) {
        C.ERR_clear_error();
        expect(call(), `${name}(${String(v)})`).to.equal(0);
        const e = C.ERR_get_error();
        expect(C.ERR_GET_REASON(e), `${name}(${String(v)}) reason`).to.equal(7);
        expect(C.ERR_get_error(), `${name}(${String(v)}) one error`).to.equal(0);
        expect([...buf].every((b) => b === 0xaa), `${name}(${String(v)}) wrote`).to.equal(true);
        refusals++;
      }
    }
    expect({ interval: d.reseedInterval, time: d.reseedTimeInterval, counter: d.generateCounter }).to.deep.equal(before);
    expect(d.state).to.equal(1);
    expect(refusals).to.equal(bad.length * 14);
    // RAND_add / RAND_seed (void): refused, nothing reseeded
    const master = C.RAND_DRBG_get0_master()!;
    const reseeds = master.reseedCounter;
    C.RAND_add(buf, any('16'), 16);
    C.RAND_add(buf, 16, any('16'));
    C.RAND_seed(buf, any(Number.NaN));
    expect(errors()).to.deep.equal(['0x0:BUF_LIB', '0x0:BUF_LIB', '0x0:BUF_LIB']);
    expect(master.reseedCounter).to.equal(reseeds);
  });

  it('a freed or foreign RAND_DRBG is refused, and freeing it again does nothing', function () {
    const d = C.RAND_DRBG_new(NID_256, 0, null)!;
    C.RAND_DRBG_free(d);
    const out = new Uint8Array(8).fill(0xaa);
    expect(C.RAND_DRBG_generate(d, out, 8, 0, null, 0)).to.equal(0);
    expect(C.RAND_DRBG_instantiate(d, null, 0)).to.equal(0);
    expect(C.RAND_DRBG_new(NID_256, 0, d)).to.equal(null);
    C.RAND_DRBG_free(d);
    expect(C.RAND_DRBG_generate({} as C.RAND_DRBG, out, 8, 0, null, 0)).to.equal(0);
    expect(C.RAND_DRBG_generate(null as unknown as C.RAND_DRBG, out, 8, 0, null, 0)).to.equal(0);
    expect(errors()).to.deep.equal(['RAND_DRBG_GENERATE:BUF_LIB', 'RAND_DRBG_INSTANTIATE:BUF_LIB', 'RAND_DRBG_NEW:BUF_LIB',
      '0x0:BUF_LIB', 'RAND_DRBG_GENERATE:BUF_LIB', 'RAND_DRBG_GENERATE:PASSED_NULL_PARAMETER']);
    expect([...out].every((b) => b === 0xaa)).to.equal(true);
  });
});
