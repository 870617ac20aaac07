/**
 * OpenSSL's error codes and strings for the RAND, PROV, EVP and CRYPTO libraries and the common
 * ERR_R_ reasons, one table per OpenSSL line: tables-111.json (1.1.1w) and tables-3.json (3.0.x),
 * data generated from each line's own sources (include/openssl/*err.h, crypto/err/err.c and the
 * *_err.c string tables) by scripts/import-err-tables.ts; regenerate them, do not edit them.
 * This module gives them their type.
 */
import tables111 from './tables-111.json' with { type: 'json' };
import tables3 from './tables-3.json' with { type: 'json' };

export interface ErrEntry {
  readonly code: number;
  readonly text: string;
}

export interface ErrTables {
  readonly version: string;
  /** ERR_LIB_* code and ERR_lib_error_string text, by library name (RAND, PROV, EVP, CRYPTO). */
  readonly libs: Readonly<Record<string, ErrEntry>>;
  /** err.c's ERR_str_libraries, every library's ERR_lib_error_string text, by ERR_LIB_* code. */
  readonly libNames: Readonly<Record<number, string>>;
  /** 1.1.1 function codes (X_F_*) and names, by library then macro suffix. Empty in 3.x. */
  readonly funcs: Readonly<Record<string, Readonly<Record<string, ErrEntry>>>>;
  /** Library reason codes (X_R_*) and strings, by library then macro suffix. */
  readonly reasons: Readonly<Record<string, Readonly<Record<string, ErrEntry>>>>;
  /** Common reasons (ERR_R_*), by suffix. */
  readonly common: Readonly<Record<string, ErrEntry>>;
}

/** OpenSSL 1.1.1w's tables (ERR_PACK with function codes). */
export const ERR_TABLES_111: ErrTables = tables111;
/** OpenSSL 3.0's tables (no function codes; reasons carry their flags). */
export const ERR_TABLES_3: ErrTables = tables3;
