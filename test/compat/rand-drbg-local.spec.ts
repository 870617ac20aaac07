/**
 * The parts of the 1.1.1 personality that real OpenSSL cannot be made to show in a scenario:
 * the clock moving backwards and a changed process id (randshim's environment is injectable,
 * C's is not), set_defaults before the shared DRBGs exist (they exist process-wide in C long
 * before a test runs), and the documented differences `short-buffers`, `zeroed-on-failure` and
 * FIPS mode's scope, each asserted explicitly.
 */
import { expect } from 'chai';
import {
  ERR_get_error, ERR_clear_error, FIPS_mode, FIPS_mode_set, RAND_add, RAND_bytes, RAND_DRBG_bytes,
  RAND_DRBG_generate, RAND_DRBG_get0_master, RAND_DRBG_get0_public, RAND_DRBG_instantiate, RAND_DRBG_new,
  RAND_DRBG_set_callbacks, RAND_DRBG_set_defaults, RAND_DRBG_set_reseed_interval, RAND_DRBG_set_reseed_time_interval,
  RAND_priv_bytes, RAND_seed, RANDSHIM_111_reset, describeError111, type RAND_DRBG,
} from '../../compat/openssl111/index.js';
import type { Rand111Environment } from '../../provider/openssl111/drbg-context.js';

/** A DRBG whose entropy callback counts its calls. */
function counted(env: Rand111Environment): { drbg: RAND_DRBG; calls: () => number } {
  RANDSHIM_111_reset(env);
  let n = 0;
  const drbg = RAND_DRBG_new(906, 0, null)!;
  RAND_DRBG_set_callbacks(drbg, (_d, pout) => {
    n++;
    pout.value = new Uint8Array(32).fill(n);
    return 32;
  }, null, (_d, pout) => {
    pout.value = new Uint8Array(16);
    return 16;
  }, null);
  RAND_DRBG_set_reseed_interval(drbg, 0);
  RAND_DRBG_set_reseed_time_interval(drbg, 60);
  expect(RAND_DRBG_instantiate(drbg, null, 0)).to.equal(1);
  return { drbg, calls: () => n };
}

function errors(): string[] {
  const out: string[] = [];
  for (let e = ERR_get_error(); e !== 0; e = ERR_get_error()) {
    const d = describeError111(e);
    out.push(`${d?.func}:${d?.reason}`);
  }
  return out;
}

describe('1.1.1 personality: what only randshim can be made to show', function () {
  afterEach(function () {
    RANDSHIM_111_reset();
    ERR_clear_error();
  });

  it('a clock moving backwards forces a reseed (now < reseed_time), and so does the interval', function () {
    let now = 1000;
    const { drbg, calls } = counted({ clock: () => now });
    const out = new Uint8Array(8);
    RAND_DRBG_generate(drbg, out, 8, 0, null, 0);
    expect(calls()).to.equal(1);
    now = 999;
    RAND_DRBG_generate(drbg, out, 8, 0, null, 0);
    expect(calls()).to.equal(2);
    now = 999 + 59;
    RAND_DRBG_generate(drbg, out, 8, 0, null, 0);
    expect(calls()).to.equal(2);
    now = 999 + 60;
    RAND_DRBG_generate(drbg, out, 8, 0, null, 0);
    expect(calls()).to.equal(3);
  });

  it('a changed process id (fork) forces one reseed', function () {
    let pid = 4242;
    const { drbg, calls } = counted({ forkId: () => pid, clock: () => 0 });
    const out = new Uint8Array(8);
    RAND_DRBG_generate(drbg, out, 8, 0, null, 0);
    pid = 4243;
    RAND_DRBG_generate(drbg, out, 8, 0, null, 0);
    RAND_DRBG_generate(drbg, out, 8, 0, null, 0);
    expect(calls()).to.equal(2);
  });

  it('RAND_DRBG_set_defaults before first use changes the type of the shared DRBGs', function () {
    RANDSHIM_111_reset();
    expect(RAND_DRBG_set_defaults(904, 1)).to.equal(1);
    const master = RAND_DRBG_get0_master()!;
    const pub = RAND_DRBG_get0_public()!;
    expect([master.type, master.flags, pub.type, pub.flags]).to.deep.equal([904, 1, 904, 1]);
  });

  it('short-buffers: a length past the buffer, or a negative count, is refused with a reason', function () {
    RANDSHIM_111_reset();
    const buf = new Uint8Array(8);
    expect(RAND_bytes(buf, -1)).to.equal(0);
    expect(RAND_priv_bytes(buf, 9)).to.equal(0);
    // compat/args: ERR_R_PASSED_INVALID_ARGUMENT; RAND_priv_bytes has no function code
    expect(errors()).to.deep.equal(['RAND_BYTES:PASSED_INVALID_ARGUMENT', 'undefined:PASSED_INVALID_ARGUMENT']);
    const d = RAND_DRBG_new(906, 0, null)!;
    expect(RAND_DRBG_generate(d, buf, 9, 0, null, 0)).to.equal(0);
    expect(RAND_DRBG_bytes(d, buf, 9)).to.equal(0);
    // a fresh DRBG: the generate above instantiated d first, as C does, before refusing the buffer
    expect(RAND_DRBG_instantiate(RAND_DRBG_new(906, 0, null)!, new Uint8Array(2), 3)).to.equal(0);
    RAND_add(new Uint8Array(4), 5, 5);
    RAND_seed(new Uint8Array(4), 5);
    const e = errors();
    // ERR_R_PASSED_INVALID_ARGUMENT (7) shares its code with ERR_R_BUF_LIB; err.c loads it later,
    // so it is the name C prints; RAND_add and RAND_seed have no function code in 1.1.1's randerr.h
    expect(e).to.deep.equal(['RAND_DRBG_GENERATE:PASSED_INVALID_ARGUMENT', 'DRBG_BYTES:PASSED_INVALID_ARGUMENT',
      'RAND_DRBG_INSTANTIATE:PASSED_INVALID_ARGUMENT', 'undefined:PASSED_INVALID_ARGUMENT', 'undefined:PASSED_INVALID_ARGUMENT']);
  });

  it('zeroed-on-failure: a failed request leaves a zeroed buffer', function () {
    RANDSHIM_111_reset();
    const d = RAND_DRBG_new(906, 0, null)!;
    RAND_DRBG_set_callbacks(d, null, null, null, null);
    const out = new Uint8Array(16).fill(0xee);
    expect(RAND_DRBG_generate(d, out, 16, 0, null, 0)).to.equal(0);
    expect([...out].every((b) => b === 0)).to.equal(true);
    out.fill(0xee);
    expect(RAND_DRBG_bytes(d, out, 16)).to.equal(0);
    expect([...out].every((b) => b === 0)).to.equal(true);
  });

  it('FIPS mode: the switch, and RAND_add with negative randomness or count stays a no-op in it', function () {
    RANDSHIM_111_reset();
    expect(FIPS_mode()).to.equal(0);
    expect(FIPS_mode_set(1)).to.equal(1);
    expect(FIPS_mode()).to.equal(1);
    const master = RAND_DRBG_get0_master()!;
    const before = { counter: master.reseedCounter, generate: master.generateCounter };
    RAND_add(new Uint8Array(48), 48, -1);
    RAND_add(new Uint8Array(48), -1, 48);
    RAND_add(new Uint8Array(48), 48, 48);
    expect({ counter: master.reseedCounter, generate: master.generateCounter }).to.deep.equal(before);
    expect(FIPS_mode_set(0)).to.equal(1);
    expect(FIPS_mode()).to.equal(0);
    RAND_add(new Uint8Array(48), 48, 48);
    expect(master.reseedCounter).to.equal(before.counter + 1);
  });
});
