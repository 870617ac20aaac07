/**
 * Cross-implementation conformance beyond OpenSSL: seeded campaigns and NIST vectors against
 * Mbed TLS 2.28 / 3.6 and wolfSSL, compared with randshim in each library's conventions
 * (provider/conventions), and the matrix cells they fill.
 */
export { runMbedtlsCampaign, compareMbedtlsCase, type MbedtlsConfig } from './mbedtls-campaign.js';
export { runWolfsslCampaign } from './wolfssl-campaign.js';
export { runNistOnMbedtls, runNistOnWolfssl, type NistTotals } from './nist.js';
export type { CampaignTotals, PeerMismatch } from './compare.js';
export {
  formatPeerCell, peerMatrixCells, PEER_COLUMNS, PEER_ROWS, type PeerCell, type PeerColumn, type PeerRow,
} from './matrix.js';
