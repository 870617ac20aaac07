/**
 * The error tables of each OpenSSL 3.x line: 3.0's generated tables (compat/err/tables-3.json) plus
 * the reasons a later line added to the random layer, with the numbers of that line's headers
 * (include/openssl/randerr.h, proverr.h, cryptoerr.h) and the strings of its error-string tables
 * (crypto/rand/rand_err.c, providers/common/provider_err.c, crypto/cpt_err.c).
 */
import { ERR_TABLES_3, type ErrEntry, type ErrTables } from '../err/tables.js';
import type { OpenSSL3Line } from '../../provider/openssl3/lines.js';

type Additions = Readonly<Record<string, Readonly<Record<string, ErrEntry>>>>;

/** Since 3.2: crypto/params.c raises on a failed conversion (CRYPTO_R_PARAM_*). 3.5: the RAND
 * reasons; the CRNG continuous test (providers/implementations/rands/fips_crng_test.c). */
const ADDED_35: Additions = {
  CRYPTO: {
    PARAM_CANNOT_BE_REPRESENTED_EXACTLY: { code: 123, text: 'param cannot be represented exactly' },
    PARAM_UNSIGNED_INTEGER_NEGATIVE_VALUE_UNSUPPORTED: { code: 125, text: 'param unsigned integer negative value unsupported' },
    PARAM_VALUE_TOO_LARGE_FOR_DESTINATION: { code: 126, text: 'param value too large for destination' },
    PARAM_OF_INCOMPATIBLE_TYPE: { code: 129, text: 'param of incompatible type' },
    PARAM_NOT_INTEGER_TYPE: { code: 124, text: 'param not integer type' },
    INTEGER_OVERFLOW: { code: 127, text: 'integer overflow' },
    NO_SPACE_FOR_TERMINATING_NULL: { code: 128, text: 'no space for terminating null' },
    PARAM_UNSUPPORTED_FLOATING_POINT_FORMAT: { code: 130, text: 'param unsupported floating point format' },
  },
  RAND: {
    INVALID_PROPERTY_QUERY: { code: 137, text: 'invalid property query' },
    RANDOM_POOL_IS_EMPTY: { code: 142, text: 'random pool is empty' },
  },
  PROV: {
    ENTROPY_SOURCE_FAILED_CONTINUOUS_TESTS: { code: 244, text: 'entropy source failed continuous tests' },
    FIPS_MODULE_IMPORT_PCT_ERROR: { code: 253, text: 'fips module import pct error' },
  },
};

/** 3.6: the generated OSSL_PARAM decoders (util/perl/OpenSSL/paramnames.pm). */
const ADDED_36: Additions = {
  PROV: { REPEATED_PARAMETER: { code: 252, text: 'repeated parameter' } },
};

function extend(base: ErrTables, version: string, ...added: Additions[]): ErrTables {
  const reasons: Record<string, Record<string, ErrEntry>> = {};
  for (const [lib, entries] of Object.entries(base.reasons)) reasons[lib] = { ...entries };
  for (const a of added) for (const [lib, entries] of Object.entries(a)) reasons[lib] = { ...reasons[lib], ...entries };
  return { ...base, version, reasons };
}

export const LINE_ERR_TABLES: Readonly<Record<OpenSSL3Line, ErrTables>> = {
  '3.0': ERR_TABLES_3,
  3.5: extend(ERR_TABLES_3, '3.5', ADDED_35),
  3.6: extend(ERR_TABLES_3, '3.6', ADDED_35, ADDED_36),
  '4.0': extend(ERR_TABLES_3, '4.0', ADDED_35, ADDED_36),
};
