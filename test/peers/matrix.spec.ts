/**
 * The peer columns of the cross-implementation matrix: one cell per row and column, the
 * compared ones with their cases, bytes and zero mismatches, the others with their reason.
 */
import { expect } from 'chai';
import { formatPeerCell, PEER_COLUMNS, PEER_ROWS, peerMatrixCells } from '../../interop/suites/peers/matrix.js';

describe('peers: matrix cells', function () {
  this.timeout(60000);

  it('fills every row x column; 13 cells compared with 0 mismatches, the rest say why not', () => {
    const cells = peerMatrixCells({ cases: 20, nistCases: 40 });
    expect(cells).to.have.length(PEER_ROWS.length * PEER_COLUMNS.length);
    const compared = cells.filter((c) => c.status === 'compared');
    expect(compared.map((c) => `${c.column}: ${c.row}`)).to.have.length(13);
    for (const cell of compared) {
      if (cell.status !== 'compared') continue;
      expect(cell.mismatches, formatPeerCell(cell)).to.equal(0);
      expect(cell.cases).to.be.greaterThanOrEqual(cell.column === 'wolfSSL 5.5' ? 100 + 120 : 20 + 40);
      expect(cell.bytes).to.be.greaterThan(0);
    }
    expect(cells.filter((c) => c.status === 'unavailable')).to.deep.equal([]);
    const hash = cells.find((c) => c.row === 'Hash_DRBG SHA-256' && c.column === 'Mbed TLS 3.6');
    expect(hash && formatPeerCell(hash)).to.equal('n/a: no Hash_DRBG');
  });
});
