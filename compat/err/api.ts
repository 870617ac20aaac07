/**
 * OpenSSL's ERR_* functions over the provider's per-realm error queue (provider/err/queue.ts),
 * packing codes the way the personality's OpenSSL does:
 * - 1.1.1: ERR_PACK(lib, func, reason) = lib << 24 | func << 12 | reason (err.h of 1.1.1w);
 * - 3.x:   ERR_PACK(lib, 0, reason) = lib << 23 | reason, reason carrying its flags (err.h 3.0).
 * Strings come from the tables generated from OpenSSL's own sources (compat/err/tables-*.json, typed by tables.ts).
 * See ERR_get_error(3), ERR_error_string(3), ERR_GET_LIB(3), ERR_clear_error(3).
 */
import { errorQueue, type RaisedError } from '../../provider/err/queue.js';
import { currentThreadId } from '../../provider/platform/os-entropy.js';
import { strerror } from './strerror.js';
import type { ErrEntry, ErrTables } from './tables.js';

export type ErrLayout = '1.1.1' | '3';

export interface ErrApi {
  /** ERR_get_error: the earliest error code, removed from the queue; 0 when empty. */
  ERR_get_error(): number;
  /** ERR_peek_error: the earliest error code, left in the queue. */
  ERR_peek_error(): number;
  /** ERR_peek_last_error: the latest error code, left in the queue. */
  ERR_peek_last_error(): number;
  /** ERR_clear_error: empties this thread's queue. */
  ERR_clear_error(): void;
  /** ERR_error_string_n: writes "error:%08lX:lib:func:reason" (NUL-terminated, truncated to
   * len - 1 characters) into buf; also returns the string written. */
  ERR_error_string_n(e: number, buf: Uint8Array, len: number): string;
  /** ERR_error_string: as ERR_error_string_n with a 256-byte buffer (buf may be null). */
  ERR_error_string(e: number, buf: Uint8Array | null): string;
  ERR_lib_error_string(e: number): string | null;
  /** ERR_func_error_string: 1.1.1's function name; always null in 3.x. */
  ERR_func_error_string(e: number): string | null;
  ERR_reason_error_string(e: number): string | null;
  ERR_GET_LIB(e: number): number;
  /** ERR_GET_FUNC: 1.1.1 only (3.x has no function codes; returns 0). */
  ERR_GET_FUNC(e: number): number;
  ERR_GET_REASON(e: number): number;
  ERR_PACK(lib: number, func: number, reason: number): number;
  /** ERR_get_error_all (3.x; ERR_get_error_line_data in 1.1.1): the earliest code, removed,
   * with where it was raised. randshim records no source position: file "", line 0, func ""
   * and no data, as an OpenSSL built with OPENSSL_NO_FILENAMES reports. */
  ERR_get_error_all(): { code: number; file: string; line: number; func: string; data: string; flags: number };
  /** ERR_print_errors_cb: one line per queued error (the queue is emptied), in the layout of
   * this personality's err_prn.c, handed to `cb(str, len, u)`; stops when cb returns <= 0. */
  ERR_print_errors_cb(cb: (str: string, len: number, u: unknown) => number, u: unknown): void;
  /** ERR_print_errors_fp / ERR_print_errors: the same lines written with `write` (e.g.
   * process.stderr.write.bind(process.stderr)). */
  ERR_print_errors_fp(write: (line: string) => unknown): void;
  /** Packs a queue entry into this personality's code (0 if its library is unknown here). */
  pack(err: RaisedError): number;
  /** The queue entry behind a code (by table lookup), for messages and tests. */
  describe(e: number): { lib: string; func?: string; reason: string } | null;
}

export function createErrApi(tables: ErrTables, layout: ErrLayout): ErrApi {
  const libCode = (lib: string): number => tables.libs[lib]?.code ?? -1;
  const reasonEntry = (lib: string, reason: string) => tables.reasons[lib]?.[reason] ?? tables.common[reason];
  const getLib = (e: number): number => (layout === '1.1.1' ? (e >>> 24) & 0xff : e & 0x80000000 ? 2 : (e >>> 23) & 0xff);
  const getFunc = (e: number): number => (layout === '1.1.1' ? (e >>> 12) & 0xfff : 0);
  const getReason = (e: number): number => (layout === '1.1.1' ? e & 0xfff : e & 0x80000000 ? e & 0x7fffffff : e & 0x7fffff);
  const packCode = (lib: number, func: number, reason: number): number => (layout === '1.1.1'
    ? (((lib & 0xff) << 24) | ((func & 0xfff) << 12) | (reason & 0xfff)) >>> 0
    : (((lib & 0xff) << 23) | (reason & 0x7fffff)) >>> 0);
  const libName = (code: number): string | undefined => Object.keys(tables.libs).find((n) => tables.libs[n].code === code);

  const pack = (err: RaisedError): number => {
    const lib = libCode(err.lib);
    if (lib < 0) return 0;
    const reason = reasonEntry(err.lib, err.reason)?.code ?? 0;
    const func = err.func !== undefined ? tables.funcs[err.lib]?.[err.func]?.code ?? 0 : 0;
    return packCode(lib, func, reason);
  };

  const isSystem = (e: number): boolean => layout === '3' && (e & 0x80000000) !== 0;
  /** err.c loads its ERR_R_* table in order into a hash, so of two reasons sharing a code the
   * later one answers: in 1.1.1, code 7 is ERR_R_BUF_LIB and, later, ERR_R_PASSED_INVALID_ARGUMENT,
   * which C prints. Every *_LIB entry comes before the others there. */
  const commonByCode = new Map<number, ErrEntry>();
  const commonNameByCode = new Map<number, string>();
  for (const [name, entry] of Object.entries(tables.common).sort(([a], [b]) => Number(!a.endsWith('_LIB')) - Number(!b.endsWith('_LIB')))) {
    commonByCode.set(entry.code, entry);
    commonNameByCode.set(entry.code, name);
  }
  const ownEntry = (lib: number, code: number, kind: 'funcs' | 'reasons'): ErrEntry | undefined => {
    const name = libName(lib);
    return name === undefined ? undefined : Object.values(tables[kind][name] ?? {}).find((x) => x.code === code);
  };

  /** ERR_lib_error_string: the entry ERR_PACK(l, 0, 0) of ERR_str_libraries. */
  const libString = (e: number): string | null => tables.libNames[getLib(e)] ?? null;
  /** ERR_func_error_string (1.1.1): the entry ERR_PACK(l, f, 0), which for f = 0 is the
   * library's own name. */
  const funcString = (e: number): string | null => {
    if (layout !== '1.1.1') return null;
    const f = getFunc(e);
    if (f === 0) return libString(e);
    return ownEntry(getLib(e), f, 'funcs')?.text ?? null;
  };
  /** ERR_reason_error_string: ERR_PACK(l, 0, r) (r = 0 is the library's name; 1.1.1's
   * ERR_LIB_SYS reasons 1..127 are strerror's texts), then ERR_PACK(0, 0, r), the common
   * reasons. NULL for 3.x's system errors. */
  const reasonString = (e: number): string | null => {
    if (isSystem(e)) return null;
    const l = getLib(e);
    const r = getReason(e);
    if (r === 0) return libString(e);
    if (layout === '1.1.1' && l === 2 && r <= 127) return strerror(r) ?? 'unknown';
    return ownEntry(l, r, 'reasons')?.text ?? commonByCode.get(r)?.text ?? null;
  };
  /** ERR_error_string_n (1.1.1) / ossl_err_string_int with an empty function (3.x). */
  const errorString = (e: number, len: number): string => {
    const hex = (n: number): string => (n >>> 0).toString(16);
    const l = getLib(e);
    const r = getReason(e);
    const ls = libString(e) ?? `lib(${l})`;
    let s: string;
    if (layout === '1.1.1') {
      const f = getFunc(e);
      const fs = funcString(e) ?? `func(${f})`;
      const rs = reasonString(e) ?? `reason(${r})`;
      s = `error:${hex(e).toUpperCase().padStart(8, '0')}:${ls}:${fs}:${rs}`;
      if (s.length >= len - 1) s = `err:${hex(e)}:${hex(l)}:${hex(f)}:${hex(r)}`; // "Didn't fit"
    } else {
      const rs = (isSystem(e) ? strerror(r) : reasonString(e)) ?? `reason(${r})`;
      s = `error:${hex(e).toUpperCase().padStart(8, '0')}:${ls}::${rs}`;
      if (s.length >= len - 1) s = `err:${hex(e)}:${hex(l)}:0:${hex(r)}`;
    }
    return s.slice(0, Math.max(0, len - 1));
  };

  /** One line of ERR_print_errors_cb (crypto/err/err_prn.c): 1.1.1 "%lu:%s:%s:%d:%s\n" (thread
   * id in decimal, the 256-byte error string, file, line, data); 3.x the thread id's bytes in
   * hex, then the error string with the function, then ":%s:%d:%s\n". */
  const printLine = (code: number): string => {
    const tid = currentThreadId();
    if (layout === '1.1.1') return `${tid}:${errorString(code, 256)}::0:\n`;
    const tidBytes = new Uint8Array(8);
    new DataView(tidBytes.buffer).setBigUint64(0, BigInt(tid), true);
    const tidHex = [...tidBytes].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');
    return `${tidHex}:${errorString(code, 4096)}::0:\n`;
  };

  /** C writes at most len bytes; a JavaScript buffer shorter than len bounds it instead. */
  const errorStringN = (e: number, buf: Uint8Array, len: number): string => {
    const room = Math.min(len, buf.length);
    if (room <= 0) return '';
    const s = errorString(e, len).slice(0, room - 1);
    const bytes = new TextEncoder().encode(s);
    buf.set(bytes);
    buf[bytes.length] = 0;
    return s;
  };

  return {
    ERR_get_error(): number {
      const q = errorQueue();
      const e = q.shift();
      return e === undefined ? 0 : pack(e);
    },
    ERR_peek_error(): number {
      const q = errorQueue();
      return q.length === 0 ? 0 : pack(q[0]);
    },
    ERR_peek_last_error(): number {
      const q = errorQueue();
      return q.length === 0 ? 0 : pack(q[q.length - 1]);
    },
    ERR_clear_error(): void {
      errorQueue().length = 0;
    },
    ERR_error_string_n: errorStringN,
    ERR_error_string(e: number, buf: Uint8Array | null): string {
      return errorStringN(e, buf ?? new Uint8Array(256), 256);
    },
    ERR_get_error_all() {
      const q = errorQueue();
      const e = q.shift();
      return { code: e === undefined ? 0 : pack(e), file: '', line: 0, func: '', data: '', flags: 0 };
    },
    ERR_print_errors_cb(cb, u) {
      const q = errorQueue();
      for (let e = q.shift(); e !== undefined; e = q.shift()) {
        const line = printLine(pack(e));
        if (cb(line, line.length, u) <= 0) break;
      }
    },
    ERR_print_errors_fp(write) {
      const q = errorQueue();
      for (let e = q.shift(); e !== undefined; e = q.shift()) write(printLine(pack(e)));
    },
    ERR_lib_error_string: libString,
    ERR_func_error_string: funcString,
    ERR_reason_error_string: reasonString,
    ERR_GET_LIB: getLib,
    ERR_GET_FUNC: getFunc,
    ERR_GET_REASON: getReason,
    ERR_PACK: packCode,
    pack,
    describe(e: number) {
      const name = libName(getLib(e));
      if (name === undefined) return null;
      const r = getReason(e);
      const reason = Object.entries(tables.reasons[name] ?? {}).find(([, x]) => x.code === r)?.[0]
        ?? commonNameByCode.get(r) ?? `reason(${r})`;
      const f = getFunc(e);
      const func = f !== 0 ? Object.entries(tables.funcs[name] ?? {}).find(([, x]) => x.code === f)?.[0] : undefined;
      return func === undefined ? { lib: name, reason } : { lib: name, func, reason };
    },
  };
}
