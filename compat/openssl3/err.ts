/**
 * OpenSSL 3's ERR_* functions (ERR_get_error(3), ERR_error_string(3), ERR_GET_LIB(3)) with
 * 3.x's code packing: ERR_PACK(lib, 0, reason) = lib << 23 | reason, no function codes.
 */
import { createErrApi, type ErrApi } from '../err/api.js';
import { ERR_TABLES_3 } from '../err/tables.js';
import { LINE_ERR_TABLES } from '../openssl3-lines/err-tables.js';
import { activeLine, OPENSSL3_LINES } from '../../provider/openssl3/lines.js';

/** The running call's line picks the tables (its reasons and strings; the packing is shared). */
const perLine = new Map(OPENSSL3_LINES.map((l) => [l, createErrApi(LINE_ERR_TABLES[l], '3')]));
const api = Object.fromEntries(Object.keys(perLine.get('3.0')!).map((name) => [name,
  (...args: unknown[]): unknown => (perLine.get(activeLine())![name as keyof ErrApi] as (...a: unknown[]) => unknown)(...args)])) as unknown as ErrApi;

export const {
  ERR_get_error, ERR_peek_error, ERR_peek_last_error, ERR_clear_error, ERR_error_string_n,
  ERR_error_string, ERR_lib_error_string, ERR_func_error_string, ERR_reason_error_string,
  ERR_GET_LIB, ERR_GET_REASON, ERR_PACK, ERR_get_error_all, ERR_print_errors_cb, ERR_print_errors_fp,
} = api;

/** Decodes a packed 3.x error code into macro-suffix names (not an OpenSSL function). */
export const describeError3 = api.describe;

export const ERR_LIB_CRYPTO = ERR_TABLES_3.libs.CRYPTO.code;
export const ERR_LIB_EVP = ERR_TABLES_3.libs.EVP.code;
export const ERR_LIB_RAND = ERR_TABLES_3.libs.RAND.code;
export const ERR_LIB_PROV = ERR_TABLES_3.libs.PROV.code;
