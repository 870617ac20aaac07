/**
 * OpenSSL 1.1.1's ERR_* functions (ERR_get_error(3), ERR_error_string(3), ERR_GET_LIB(3)) with
 * 1.1.1's code packing: ERR_PACK(lib, func, reason) = lib << 24 | func << 12 | reason.
 */
import { createErrApi } from '../err/api.js';
import { ERR_TABLES_111 } from '../err/tables.js';

const api = createErrApi(ERR_TABLES_111, '1.1.1');

/** The earliest error code of this thread's queue, removed from it; 0 when empty. @see ERR_get_error(3) */
export const ERR_get_error = api.ERR_get_error;
/** The earliest error code, left in the queue. @see ERR_get_error(3) */
export const ERR_peek_error = api.ERR_peek_error;
/** The latest error code, left in the queue. @see ERR_get_error(3) */
export const ERR_peek_last_error = api.ERR_peek_last_error;
/** Empties this thread's error queue. @see ERR_clear_error(3) */
export const ERR_clear_error = api.ERR_clear_error;
/** "error:%08lX:lib:func:reason" into buf, at most len bytes with the NUL. @see ERR_error_string(3) */
export const ERR_error_string_n = api.ERR_error_string_n;
/** As ERR_error_string_n with a 256-byte buffer. @see ERR_error_string(3) */
export const ERR_error_string = api.ERR_error_string;
/** The library's name, or null. @see ERR_error_string(3) */
export const ERR_lib_error_string = api.ERR_lib_error_string;
/** The function's name (1.1.1 packs function codes), or null. @see ERR_error_string(3) */
export const ERR_func_error_string = api.ERR_func_error_string;
/** The reason's text, or null. @see ERR_error_string(3) */
export const ERR_reason_error_string = api.ERR_reason_error_string;
/** The earliest code with file "", line 0 and no data (randshim records no source position).
 * @see ERR_get_error(3) */
export const ERR_get_error_line_data = api.ERR_get_error_all;
/** One err_prn.c line per queued error to cb(str, len, u), emptying the queue.
 * @see ERR_print_errors(3) */
export const ERR_print_errors_cb = api.ERR_print_errors_cb;
/** The same lines through `write` (ERR_print_errors_fp(stderr): process.stderr.write).
 * @see ERR_print_errors(3) */
export const ERR_print_errors_fp = api.ERR_print_errors_fp;
/** The library code of a packed error. @see ERR_GET_LIB(3) */
export const ERR_GET_LIB = api.ERR_GET_LIB;
/** The function code of a packed error. @see ERR_GET_LIB(3) */
export const ERR_GET_FUNC = api.ERR_GET_FUNC;
/** The reason code of a packed error. @see ERR_GET_LIB(3) */
export const ERR_GET_REASON = api.ERR_GET_REASON;
/** lib << 24 | func << 12 | reason. @see ERR_load_strings(3) */
export const ERR_PACK = api.ERR_PACK;

/** Decodes a packed 1.1.1 error code into macro-suffix names (not an OpenSSL function; the names
 * ERR_error_string(3) prints, as macro suffixes). */
export const describeError111 = api.describe;

export const ERR_LIB_RAND = ERR_TABLES_111.libs.RAND.code;
export const ERR_LIB_EVP = ERR_TABLES_111.libs.EVP.code;
export const ERR_LIB_CRYPTO = ERR_TABLES_111.libs.CRYPTO.code;
