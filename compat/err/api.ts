/**
 * OpenSSL's ERR_* functions over the provider's per-realm error queue (provider/err/queue.ts),
 * packing codes the way the personality's OpenSSL does:
 * - 1.1.1: ERR_PACK(lib, func, reason) = lib << 24 | func << 12 | reason (err.h of 1.1.1w);
 * - 3.x:   ERR_PACK(lib, 0, reason) = lib << 23 | reason, reason carrying its flags (err.h 3.0).
 * Strings come from the tables generated from OpenSSL's own sources (compat/err/tables-*.ts).
 * See ERR_get_error(3), ERR_error_string(3), ERR_GET_LIB(3), ERR_clear_error(3).
 */
import { errorQueue, type RaisedError } from '../../provider/err/queue.js';
import type { ErrTables } from './tables.js';

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

  const libString = (e: number): string | null => {
    const name = libName(getLib(e));
    return name !== undefined && tables.libs[name].text !== '' ? tables.libs[name].text : null;
  };
  const funcString = (e: number): string | null => {
    if (layout !== '1.1.1') return null;
    const name = libName(getLib(e));
    if (name === undefined) return null;
    const f = getFunc(e);
    const entry = Object.values(tables.funcs[name] ?? {}).find((x) => x.code === f);
    return entry?.text ?? null;
  };
  const reasonString = (e: number): string | null => {
    if (layout === '3' && (e & 0x80000000) !== 0) return null;
    const r = getReason(e);
    const name = libName(getLib(e));
    const own = name === undefined ? undefined : Object.values(tables.reasons[name] ?? {}).find((x) => x.code === r);
    // ERR_PACK(lib, 0, r) first, then ERR_PACK(0, 0, r): the common reasons.
    return (own ?? Object.values(tables.common).find((x) => x.code === r))?.text ?? null;
  };
  const errorString = (e: number, len: number): string => {
    const u = (n: number): string => String(n >>> 0);
    const ls = libString(e) ?? `lib(${u(getLib(e))})`;
    const fs = layout === '1.1.1' ? funcString(e) ?? `func(${u(getFunc(e))})` : '';
    const rs = reasonString(e) ?? `reason(${u(getReason(e))})`;
    let s = `error:${(e >>> 0).toString(16).toUpperCase().padStart(8, '0')}:${ls}:${fs}:${rs}`;
    if (s.length >= len - 1) {
      // "Didn't fit; use a minimal format."
      s = `err:${(e >>> 0).toString(16)}:${getLib(e).toString(16)}:${getFunc(e).toString(16)}:${getReason(e).toString(16)}`;
    }
    return s.slice(0, Math.max(0, len - 1));
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
        ?? Object.entries(tables.common).find(([, x]) => x.code === r)?.[0] ?? `reason(${r})`;
      const f = getFunc(e);
      const func = f !== 0 ? Object.entries(tables.funcs[name] ?? {}).find(([, x]) => x.code === f)?.[0] : undefined;
      return func === undefined ? { lib: name, reason } : { lib: name, func, reason };
    },
  };
}
