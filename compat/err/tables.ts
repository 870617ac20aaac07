/** The shape of the generated error tables (compat/err/tables-*.ts). */
export interface ErrEntry {
  readonly code: number;
  readonly text: string;
}

export interface ErrTables {
  readonly version: string;
  /** ERR_LIB_* code and ERR_lib_error_string text, by library name (RAND, PROV, EVP, CRYPTO). */
  readonly libs: Readonly<Record<string, ErrEntry>>;
  /** 1.1.1 function codes (X_F_*) and names, by library then macro suffix. Empty in 3.x. */
  readonly funcs: Readonly<Record<string, Readonly<Record<string, ErrEntry>>>>;
  /** Library reason codes (X_R_*) and strings, by library then macro suffix. */
  readonly reasons: Readonly<Record<string, Readonly<Record<string, ErrEntry>>>>;
  /** Common reasons (ERR_R_*), by suffix. */
  readonly common: Readonly<Record<string, ErrEntry>>;
}
