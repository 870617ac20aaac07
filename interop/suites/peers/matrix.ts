/**
 * The peer columns of the cross-implementation matrix (docs/conformance.md, `npm start`):
 * rows are SP 800-90A configurations, columns Mbed TLS 2.28, Mbed TLS 3.6 and wolfSSL; each
 * cell the cases and bytes compared (seeded differential campaign + NIST CAVP vectors through
 * the library's own API) and the mismatches, or why the configuration does not apply, or why
 * the library could not be loaded.
 */
import { MBEDTLS_HMAC_DIGESTS } from '../../../provider/conventions/mbedtls-hmac.js';
import { loadMbedtls, MBEDTLS_LINES, type MbedtlsLine } from '../../builds/mbedtls/library.js';
import { loadWolfssl } from '../../builds/wolfssl/library.js';
import { runMbedtlsCampaign, type MbedtlsConfig } from './mbedtls-campaign.js';
import { runNistOnMbedtls, runNistOnWolfssl } from './nist.js';
import { runWolfsslCampaign } from './wolfssl-campaign.js';

export const PEER_COLUMNS = ['Mbed TLS 2.28', 'Mbed TLS 3.6', 'wolfSSL 5.5'] as const;
export type PeerColumn = (typeof PEER_COLUMNS)[number];

export const PEER_ROWS = [
  'CTR_DRBG AES-128/192 (df or not)', 'CTR_DRBG AES-256 no df', 'CTR_DRBG AES-256 df',
  'HMAC_DRBG SHA-1', 'HMAC_DRBG SHA-224', 'HMAC_DRBG SHA-256', 'HMAC_DRBG SHA-384', 'HMAC_DRBG SHA-512',
  'Hash_DRBG SHA-256', 'Hash_DRBG other digests',
] as const;
export type PeerRow = (typeof PEER_ROWS)[number];

export type PeerCell =
  | {
    readonly row: PeerRow; readonly column: PeerColumn; readonly status: 'compared';
    /** Library version as the library reports it. */
    readonly version: string;
    readonly cases: number; readonly bytes: number; readonly mismatches: number;
  }
  | {
    readonly row: PeerRow; readonly column: PeerColumn;
    readonly status: 'not-applicable' | 'unavailable'; readonly reason: string;
  };

const MBEDTLS_ROW_CONFIG: Partial<Record<PeerRow, MbedtlsConfig>> = {
  'CTR_DRBG AES-256 df': 'CTR',
  ...Object.fromEntries(MBEDTLS_HMAC_DIGESTS.map((d) => [`HMAC_DRBG SHA-${d.slice(3)}`, d])),
};

const MBEDTLS_NOT_APPLICABLE: Partial<Record<PeerRow, string>> = {
  'CTR_DRBG AES-128/192 (df or not)': 'AES-256 keys only',
  'CTR_DRBG AES-256 no df': 'df always on',
  'Hash_DRBG SHA-256': 'no Hash_DRBG',
  'Hash_DRBG other digests': 'no Hash_DRBG',
};

export interface PeerMatrixOptions {
  /** Seeded campaign cases per cell (default 200). */
  readonly cases?: number;
  readonly seed?: number;
  /** NIST vectors per Mbed TLS cell (default all 720). */
  readonly nistCases?: number;
}

function mbedtlsCell(line: MbedtlsLine, row: PeerRow, options: PeerMatrixOptions): PeerCell {
  const column: PeerColumn = line === '2.28' ? 'Mbed TLS 2.28' : 'Mbed TLS 3.6';
  const config = MBEDTLS_ROW_CONFIG[row];
  if (config === undefined) return { row, column, status: 'not-applicable', reason: MBEDTLS_NOT_APPLICABLE[row] ?? 'n/a' };
  const loaded = loadMbedtls(line);
  if (!loaded.ok) return { row, column, status: 'unavailable', reason: loaded.reason };
  const seed = (options.seed ?? 18) + PEER_ROWS.indexOf(row);
  const campaign = runMbedtlsCampaign({ build: loaded.build, config, cases: options.cases ?? 200, seed });
  const nist = runNistOnMbedtls(loaded.build, config, options.nistCases);
  return {
    row, column, status: 'compared', version: loaded.build.version,
    cases: campaign.cases + nist.cases, bytes: campaign.bytes + nist.bytes,
    mismatches: campaign.mismatches.length + nist.libraryFailures.length + nist.randshimFailures.length,
  };
}

function wolfsslCell(row: PeerRow, options: PeerMatrixOptions): PeerCell {
  const column: PeerColumn = 'wolfSSL 5.5';
  if (row !== 'Hash_DRBG SHA-256') {
    const reason = row === 'Hash_DRBG other digests'
      ? 'SHA-256 only'
      : 'Hash_DRBG only';
    return { row, column, status: 'not-applicable', reason };
  }
  const loaded = loadWolfssl();
  if (!loaded.ok) return { row, column, status: 'unavailable', reason: loaded.reason };
  const campaign = runWolfsslCampaign(loaded.build, options.seed ?? 18, (options.cases ?? 200) * 5);
  const nist = runNistOnWolfssl(loaded.build);
  return {
    row, column, status: 'compared', version: loaded.build.version,
    cases: campaign.cases + nist.cases, bytes: campaign.bytes + nist.bytes,
    mismatches: campaign.mismatches.length + nist.libraryFailures.length + nist.randshimFailures.length,
  };
}

/** Every cell of the peer columns, row by row. Runs the campaigns (about 10 s in all). */
export function peerMatrixCells(options: PeerMatrixOptions = {}): PeerCell[] {
  const cells: PeerCell[] = [];
  for (const row of PEER_ROWS) {
    for (const line of MBEDTLS_LINES) cells.push(mbedtlsCell(line, row, options));
    cells.push(wolfsslCell(row, options));
  }
  return cells;
}

/** A cell as the matrix prints it, short enough for a 100-column table with several columns:
 * "920 cases, 195 kB, 0 mism.", "n/a: no Hash_DRBG", "unavailable: <reason>". The reasons for
 * n/a: "AES-256 keys only" (Mbed TLS without MBEDTLS_CTR_DRBG_USE_128_BIT_KEY keys CTR_DRBG with
 * AES-256 alone), "df always on" (its CTR_DRBG has no no-df mode), "Hash_DRBG only" and
 * "SHA-256 only" (wolfSSL 5.5's one DRBG). */
export function formatPeerCell(cell: PeerCell): string {
  if (cell.status === 'compared') return `${cell.cases} cases, ${Math.round(cell.bytes / 1000)} kB, ${cell.mismatches} mism.`;
  return `${cell.status === 'not-applicable' ? 'n/a' : 'unavailable'}: ${cell.reason}`;
}
