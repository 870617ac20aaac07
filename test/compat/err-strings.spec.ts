/**
 * Every error code's text, formatted by the real OpenSSL 1.1.1w and 3.0 (their own
 * ERR_error_string_n, ERR_lib_error_string, ERR_func_error_string, ERR_reason_error_string,
 * bound in interop/suites/fuzz/err-strings-oracle.ts) and by randshim's compat/err, compared
 * code by code. The codes: every (library, function, reason) randshim's tables know, each
 * library with function and reason 0, the common reasons under every library, every library
 * code 0..255 with reason 0, system errors, and unknown functions and reasons; plus buffer
 * lengths around the string's own length (the "didn't fit" minimal format).
 */
import { expect } from 'chai';
import { createErrApi, type ErrApi } from '../../compat/err/api.js';
import { ERR_TABLES_111, ERR_TABLES_3, type ErrTables } from '../../compat/err/tables.js';
import { errStrings111, errStrings3, type ErrStringOracle } from '../../interop/suites/fuzz/err-strings-oracle.js';
import * as E111 from '../../compat/openssl111/err.js';
import * as E3 from '../../compat/openssl3/err.js';
import { raise } from '../../provider/err/queue.js';

const UNKNOWN = [1, 0x3f, 0x7f, 0xfff];

/** 1.1.1: lib << 24 | func << 12 | reason (reason may carry ERR_R_FATAL, 64). */
function codes111(t: ErrTables): number[] {
  const pack = (l: number, f: number, r: number): number => ((l << 24) | (f << 12) | r) >>> 0;
  const out = new Set<number>();
  const commons = Object.values(t.common).map((x) => x.code);
  for (let l = 0; l < 256; l++) {
    if (l === 2) continue; // ERR_LIB_SYS: see below
    out.add(pack(l, 0, 0));
    for (const r of [...commons, 0xfff]) out.add(pack(l, 0, r));
  }
  for (let r = 0; r <= 130; r++) out.add(pack(2, 0, r)); // system library: strerror texts
  for (const [name, lib] of Object.entries(t.libs)) {
    if (lib.code < 0) continue;
    const funcs = [0, ...Object.values(t.funcs[name] ?? {}).map((x) => x.code), ...UNKNOWN];
    const reasons = [0, ...Object.values(t.reasons[name] ?? {}).map((x) => x.code), ...commons, ...UNKNOWN];
    for (const f of funcs) for (const r of reasons) out.add(pack(lib.code, f, r));
  }
  return [...out];
}

/** 3.x: lib << 23 | reason (reason with its ERR_RFLAG_* bits), and ERR_SYSTEM_FLAG | errno. */
function codes3(t: ErrTables): number[] {
  const pack = (l: number, r: number): number => ((l << 23) | r) >>> 0;
  const out = new Set<number>();
  const commons = Object.values(t.common).map((x) => x.code);
  const flagged = (r: number): number[] => [r, r | (1 << 18), r | (2 << 18)];
  for (let l = 0; l < 256; l++) {
    out.add(pack(l, 0));
    for (const r of [...commons, 7, 0x7fffff]) out.add(pack(l, r));
  }
  for (let r = 0; r <= 140; r++) out.add((0x80000000 | r) >>> 0);
  out.add(0xffffffff);
  for (const [name, lib] of Object.entries(t.libs)) {
    const reasons = [...Object.values(t.reasons[name] ?? {}).map((x) => x.code), ...UNKNOWN];
    for (const r of reasons) for (const fr of flagged(r)) out.add(pack(lib.code, fr));
  }
  return [...out];
}

interface Diff {
  readonly code: string;
  readonly what: string;
  readonly real: string | null;
  readonly ours: string | null;
}

function compare(oracle: ErrStringOracle, api: ErrApi, codes: readonly number[], withFunc: boolean): { compared: number; diffs: Diff[] } {
  const diffs: Diff[] = [];
  let compared = 0;
  const check = (e: number, what: string, real: string | null, ours: string | null): void => {
    compared++;
    if (real !== ours) diffs.push({ code: e.toString(16), what, real, ours });
  };
  for (const e of codes) {
    const full = oracle.ERR_error_string_n(e, 256);
    check(e, 'ERR_error_string_n(256)', full, api.ERR_error_string_n(e, new Uint8Array(256), 256));
    check(e, 'ERR_lib_error_string', oracle.ERR_lib_error_string(e), api.ERR_lib_error_string(e));
    if (withFunc) check(e, 'ERR_func_error_string', oracle.ERR_func_error_string(e), api.ERR_func_error_string(e));
    check(e, 'ERR_reason_error_string', oracle.ERR_reason_error_string(e), api.ERR_reason_error_string(e));
    for (const len of [1, 2, full.length, full.length + 1, full.length + 2]) {
      check(e, `ERR_error_string_n(${len})`, oracle.ERR_error_string_n(e, len), api.ERR_error_string_n(e, new Uint8Array(len), len));
    }
  }
  return { compared, diffs };
}

describe('error strings: every code formatted by real OpenSSL and by randshim', function () {
  this.timeout(120_000);

  it('1.1.1w: ERR_error_string_n, ERR_lib/func/reason_error_string identical for every code', function () {
    const oracle = errStrings111();
    if (typeof oracle === 'string') throw new Error(oracle);
    const codes = codes111(ERR_TABLES_111);
    const { compared, diffs } = compare(oracle, createErrApi(ERR_TABLES_111, '1.1.1'), codes, true);
    expect(diffs.slice(0, 10)).to.deep.equal([]);
    console.log(`      ${codes.length} codes, ${compared} strings compared, ${diffs.length} different`);
    expect(codes.length).to.equal(22_253);
    expect(compared).to.equal(codes.length * 9);
  });

  it('3.0: ERR_error_string_n, ERR_lib/reason_error_string identical for every code', function () {
    const oracle = errStrings3();
    if (typeof oracle === 'string') throw new Error(oracle);
    const codes = codes3(ERR_TABLES_3);
    const { compared, diffs } = compare(oracle, createErrApi(ERR_TABLES_3, '3'), codes, false);
    expect(diffs.slice(0, 10)).to.deep.equal([]);
    console.log(`      ${codes.length} codes, ${compared} strings compared, ${diffs.length} different`);
    expect(codes.length).to.equal(11_824);
    expect(compared).to.equal(codes.length * 8);
  });

  it('ERR_print_errors_cb prints err_prn.c\'s lines and empties the queue; a callback returning 0 stops it', function () {
    E111.ERR_clear_error();
    raise('RAND', 'PASSED_INVALID_ARGUMENT', 'RAND_BYTES');
    raise('RAND', 'GENERATE_ERROR', 'RAND_DRBG_GENERATE');
    const lines: string[] = [];
    E111.ERR_print_errors_cb((str, len) => { lines.push(str); return len > 0 ? 1 : 0; }, null);
    expect(lines.map((l) => l.replace(/^\d+:/, 'TID:'))).to.deep.equal([
      'TID:error:24064007:random number generator:RAND_bytes:passed invalid argument::0:\n',
      'TID:error:2406B070:random number generator:RAND_DRBG_generate:generate error::0:\n',
    ]);
    expect(E111.ERR_get_error()).to.equal(0);
    raise('PROV', 'NOT_INSTANTIATED');
    raise('EVP', 'GENERATE_ERROR');
    const seen: string[] = [];
    E3.ERR_print_errors_cb((str) => { seen.push(str); return 0; }, null);
    expect(seen.map((l) => l.replace(/^[0-9A-F]{16}:/, 'TID:'))).to.deep.equal(['TID:error:1C8000C1:Provider routines::not instantiated::0:\n']);
    const all = E3.ERR_get_error_all();
    expect(E3.ERR_error_string(all.code, null)).to.equal('error:030000D6:digital envelope routines::generate error');
    expect([all.file, all.line, all.func, all.data, all.flags]).to.deep.equal(['', 0, '', '', 0]);
    expect(E3.ERR_get_error_all().code).to.equal(0);
  });
});
