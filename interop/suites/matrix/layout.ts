/**
 * The shape of the cross-implementation matrix (issue 18): rows are SP 800-90A configurations
 * (the 28 of the step-level differential suite: CTR_DRBG AES-128/192/256 with and without the
 * derivation function, Hash_DRBG and HMAC_DRBG over each digest), columns the implementations
 * compared with randshim, and a cell either what was compared or why nothing could be.
 */
import { ALL_CONFIGS } from '../differential/configs.js';
import type { DrbgConfig } from '../differential/driver.js';

export const OPENSSL_COLUMNS = ['OpenSSL 1.1.1', 'OpenSSL 3.0', 'OpenSSL 3.5', 'OpenSSL 3.6', 'OpenSSL 4.0', 'FIPS provider'] as const;
export const PEER_COLUMNS = ['Mbed TLS 2.28', 'Mbed TLS 3.6', 'wolfSSL', 'mirage-crypto'] as const;
export const MATRIX_COLUMNS = [...OPENSSL_COLUMNS, ...PEER_COLUMNS] as const;
export type MatrixColumn = (typeof MATRIX_COLUMNS)[number];

export interface MatrixRow {
  /** "CTR AES-128 df", "Hash SHA-256", "HMAC SHA-512/224", "HMAC SHA3-256". */
  readonly label: string;
  /** The differential suite's configuration (OpenSSL names: AES-128-CTR, SHA2-256). */
  readonly config: DrbgConfig;
}

/** SHA-1, SHA-224, ..., SHA-512/256 and SHA3-*: the FIPS 180-4 / 202 names, shorter than
 * OpenSSL's "SHA2-256". */
export function digestLabel(openssl: string): string {
  if (openssl === 'SHA1') return 'SHA-1';
  if (openssl.startsWith('SHA2-')) return `SHA-${openssl.slice(5)}`;
  return openssl;
}

export function rowLabel(config: DrbgConfig): string {
  if (config.mechanism === 'CTR-DRBG') {
    return `CTR ${(config.cipher ?? '').replace(/-CTR$/, '')} ${config.useDf === false ? 'no-df' : 'df'}`;
  }
  return `${config.mechanism === 'HASH-DRBG' ? 'Hash' : 'HMAC'} ${digestLabel(config.digest ?? '')}`;
}

export const MATRIX_ROWS: readonly MatrixRow[] = ALL_CONFIGS.map((config) => ({ label: rowLabel(config), config }));

export type MatrixCell =
  | {
    readonly status: 'compared';
    /** Cases (differential cases, chains, health tests, NIST vectors, sequences) compared. */
    readonly cases: number;
    /** Output bytes compared. */
    readonly bytes: number;
    readonly mismatches: number;
  }
  /** The implementation lacks the configuration (or, where the reason says so, it is not
   * driven); `reason` is one of {@link NOT_APPLICABLE}. */
  | { readonly status: 'not-applicable'; readonly reason: NotApplicable }
  /** The build could not be loaded or run here. */
  | { readonly status: 'unavailable'; readonly reason: string };

/** Why a configuration does not apply, each said once in the legend. The OpenSSL ones are the
 * libraries' own answers, asked by test/matrix/matrix.spec.ts (1.1.1's RAND_DRBG_new, the FIPS
 * providers' instantiation and fips-indicator). */
export const NOT_APPLICABLE = {
  'ctr-only': '1.1.1\'s RAND_DRBG has CTR_DRBG only (drbg_lib.c RAND_DRBG_set takes a cipher NID)',
  'fips-digest': 'not approved for FIPS DRBGs: fips-indicator 0, DIGEST_NOT_ALLOWED with drbg-no-trunc-md',
  'mbedtls-aes256': 'Debian\'s Mbed TLS keys CTR_DRBG with AES-256 only (no USE_128_BIT_KEY)',
  'mbedtls-df': 'Mbed TLS\'s CTR_DRBG always applies the df',
  'mbedtls-digest': 'no SHA-512/t in Mbed TLS; its SHA3 (3.6 only) is not driven',
  'no-hash': 'no Hash_DRBG in this library',
  'no-ctr': 'no CTR_DRBG in this library',
  'hash-only': 'wolfSSL 5.5 has one DRBG: Hash_DRBG over SHA-256',
  'mirage-hmac': 'not driven: the OCaml driver instantiates Hmac_drbg.Make (SHA256) only',
} as const;
export type NotApplicable = keyof typeof NOT_APPLICABLE;

/** The footnote mark of each reason in the rendered tables ("n/a:a"). */
export const NOT_APPLICABLE_MARK: Readonly<Record<NotApplicable, string>> = Object.fromEntries(
  Object.keys(NOT_APPLICABLE).map((k, i) => [k, String.fromCharCode(97 + i)]),
) as Record<NotApplicable, string>;

/** Said under the legend: the FIPS column's CTR no-df cells come from one line. */
export const FIPS_NO_DF_NOTE = 'FIPS CTR no-df: 4.0\'s provider only (approved there); 3.5 and 3.6 refuse use_df=0';

/** Whether a line's FIPS provider runs `config` as an approved DRBG (fips-indicator 1): no-df
 * CTR is refused by 3.5 and 3.6 (DERIVATION_FUNCTION_INIT_FAILED) and approved by 4.0. */
export function fipsLineRuns(line: '3.5' | '3.6' | '4.0', config: DrbgConfig): boolean {
  return !(config.mechanism === 'CTR-DRBG' && config.useDf === false && line !== '4.0');
}

/** FIPS-approved DRBG digests of the real providers (rule-cases.ts's digest matrix under
 * drbg-no-trunc-md = 1): everything else is refused there. */
export const FIPS_DIGESTS: readonly string[] = ['SHA1', 'SHA2-256', 'SHA2-512', 'SHA3-256', 'SHA3-512'];

/** Mbed TLS HMAC_DRBG digests (provider/conventions/mbedtls-hmac.ts MbedtlsDigest), by the
 * differential suite's name. */
export const MBEDTLS_DIGESTS: Readonly<Record<string, 'SHA1' | 'SHA224' | 'SHA256' | 'SHA384' | 'SHA512'>> = {
  SHA1: 'SHA1', 'SHA2-224': 'SHA224', 'SHA2-256': 'SHA256', 'SHA2-384': 'SHA384', 'SHA2-512': 'SHA512',
};

/** Why `column` does not apply to `config`, or null when it does. The only place applicability
 * is decided: the runners compare exactly the cells this leaves. */
export function notApplicable(column: MatrixColumn, config: DrbgConfig): NotApplicable | null {
  const { mechanism } = config;
  switch (column) {
    case 'OpenSSL 1.1.1':
      return mechanism === 'CTR-DRBG' ? null : 'ctr-only';
    case 'OpenSSL 3.0': case 'OpenSSL 3.5': case 'OpenSSL 3.6': case 'OpenSSL 4.0':
      return null;
    case 'FIPS provider':
      if (mechanism === 'CTR-DRBG') return null;
      return FIPS_DIGESTS.includes(config.digest ?? '') ? null : 'fips-digest';
    case 'Mbed TLS 2.28': case 'Mbed TLS 3.6':
      if (mechanism === 'HASH-DRBG') return 'no-hash';
      if (mechanism === 'CTR-DRBG') {
        if (config.useDf === false) return 'mbedtls-df';
        return config.cipher === 'AES-256-CTR' ? null : 'mbedtls-aes256';
      }
      return MBEDTLS_DIGESTS[config.digest ?? ''] === undefined ? 'mbedtls-digest' : null;
    case 'wolfSSL':
      return mechanism === 'HASH-DRBG' && config.digest === 'SHA2-256' ? null : 'hash-only';
    case 'mirage-crypto':
      if (mechanism === 'CTR-DRBG') return 'no-ctr';
      if (mechanism === 'HASH-DRBG') return 'no-hash';
      return config.digest === 'SHA2-256' ? null : 'mirage-hmac';
    default:
      throw new TypeError(`unknown column ${String(column)}`);
  }
}
