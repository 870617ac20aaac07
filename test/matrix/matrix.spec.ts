/**
 * The cross-implementation matrix (issue 18): a bounded run against every real build (OpenSSL
 * 1.1.1, 3.0, 3.5, 3.6, 4.0, the FIPS providers, Mbed TLS 2.28 / 3.6, wolfSSL, mirage-crypto)
 * in which every applicable cell must compare cases and bytes with zero mismatches; the
 * rendering within 100 columns; docs/conformance.md's copy with the matrix's rows, columns and
 * legend; and every documented peer difference naming a test that exists.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFipsConfig, type FipsConfigId, type LineId } from '../../interop/builds/fips-provider/configs.js';
import { FipsOracle } from '../../interop/builds/fips-provider/oracle.js';
import type { FipsChain, FipsParams } from '../../interop/suites/fips/scenario.js';
import { drainErrors111 } from '../../interop/builds/openssl111/error-codes.js';
import { libcrypto111Candidates, loadSharedLibcrypto111, repoRoot } from '../../interop/builds/openssl111/load.js';
import { PEER_DIFFERENCES } from '../../interop/suites/matrix/differences.js';
import {
  MATRIX_COLUMNS, MATRIX_ROWS, NOT_APPLICABLE, NOT_APPLICABLE_MARK, notApplicable, type NotApplicable,
} from '../../interop/suites/matrix/layout.js';
import { matrixCells, runMatrix, type Matrix } from '../../interop/suites/matrix/run.js';
import {
  COLUMN_HEADERS, MATRIX_BEGIN, MATRIX_END, renderDifferencesMarkdown, renderMatrixText,
} from '../../scripts/report/matrix-render.js';

/** Applicable cells per column, counted from the libraries' documented capabilities (1.1.1:
 * CTR only; FIPS: 6 CTR (no-df from 4.0) and 5 approved digests x 2 mechanisms; Mbed TLS: CTR AES-256 df
 * and HMAC over 5 digests; wolfSSL: Hash SHA-256; mirage: HMAC SHA-256), not from layout.ts. */
const APPLICABLE: Readonly<Record<string, number>> = {
  'OpenSSL 1.1.1': 6, 'OpenSSL 3.0': 28, 'OpenSSL 3.5': 28, 'OpenSSL 3.6': 28, 'OpenSSL 4.0': 28, 'FIPS provider': 16,
  'Mbed TLS 2.28': 6, 'Mbed TLS 3.6': 6, wolfSSL: 1, 'mirage-crypto': 1,
};

describe('matrix: every SP 800-90A configuration against every implementation', function () {
  this.timeout(300000);
  let matrix: Matrix;

  before(async () => {
    matrix = await runMatrix({ casesPerConfig: 4, fipsChains: 2, peerCases: 12, nistCases: 24, seed: 7 });
  });

  it('has the 10 columns and 28 rows, every cell filled', () => {
    expect(matrix.columns.map((c) => c.column)).to.deep.equal([...MATRIX_COLUMNS]);
    expect(MATRIX_ROWS).to.have.length(28);
    expect(matrixCells(matrix).filter(({ cell }) => cell === undefined)).to.deep.equal([]);
  });

  it('every applicable cell compared more than 0 cases and bytes with 0 mismatches (148 cells)', () => {
    const cells = matrixCells(matrix);
    const notRun = cells.filter(({ cell }) => cell.status === 'unavailable').map(({ row, column, cell }) => `${column} ${row}: ${'reason' in cell ? cell.reason : ''}`);
    expect(notRun).to.deep.equal([]);
    const compared = cells.filter(({ cell }) => cell.status === 'compared');
    for (const { row, column, cell } of compared) {
      if (cell.status !== 'compared') continue;
      expect(cell.mismatches, `${column} ${row}`).to.equal(0);
      expect(cell.cases, `${column} ${row}`).to.be.greaterThan(0);
    }
    for (const column of MATRIX_COLUMNS) {
      const mine = compared.filter((c) => c.column === column);
      expect(mine, column).to.have.length(APPLICABLE[column]);
      const bytes = mine.reduce((n, { cell }) => n + (cell.status === 'compared' ? cell.bytes : 0), 0);
      expect(bytes, `${column} bytes`).to.be.greaterThan(0);
    }
    expect(compared).to.have.length(148);
    for (const c of matrix.columns) expect(c.mismatchDetails, c.column).to.deep.equal([]);
  });

  it('each build that answered names its file and the version it reports itself', () => {
    for (const c of matrix.columns) {
      expect(c.provenance.length, c.column).to.be.greaterThan(0);
      for (const p of c.provenance) {
        expect(p.library, c.column).to.match(/\//);
        expect(p.version, c.column).to.match(/\d+\.\d+/);
      }
    }
    const fips = matrix.columns.find((c) => c.column === 'FIPS provider');
    expect(fips?.provenance.map((p) => p.version.replace(/^.* (\d+\.\d+)\.\d+$/, '$1'))).to.deep.equal(['3.5', '3.6', '4.0']);
  });

  it('renders within 100 columns, with a legend entry for every n/a mark it uses', () => {
    const text = renderMatrixText(matrix.columns);
    const wide = text.split('\n').filter((l) => l.length > 100);
    expect(wide).to.deep.equal([]);
    const marks = new Set([...text.matchAll(/n\/a:([a-z])\b/g)].map((m) => m[1]));
    for (const [key, mark] of Object.entries(NOT_APPLICABLE_MARK)) {
      if (marks.has(mark)) expect(text).to.include(`n/a:${mark}  ${NOT_APPLICABLE[key as NotApplicable]}`);
    }
  });
});

describe('matrix: the 1.1.1 column\'s n/a cells are the library\'s own answer', () => {
  it('RAND_DRBG_new refuses digest NIDs with UNSUPPORTED_DRBG_TYPE and takes AES-CTR ones', () => {
    const loaded = loadSharedLibcrypto111(libcrypto111Candidates());
    if (!loaded.ok) throw new Error(loaded.reason);
    const { lib } = loaded;
    // obj_mac.h: NID_sha1 64, NID_sha256 672, NID_sha512 674, NID_hmac 855; NID_aes_256_ctr 906
    for (const nid of [64, 672, 674, 855]) {
      expect(lib.RAND_DRBG_new(nid, 0, null), `nid ${nid}`).to.equal(null);
      expect(drainErrors111(lib).map((e) => e.reason), `nid ${nid}`).to.deep.equal(['UNSUPPORTED_DRBG_TYPE']);
    }
    const ctr = lib.RAND_DRBG_new(906, 0, null);
    expect(ctr).to.not.equal(null);
    if (ctr !== null) lib.RAND_DRBG_free(ctr);
    expect(drainErrors111(lib)).to.deep.equal([]);
  });
});

describe('matrix: the FIPS column\'s n/a cells are the providers\' own answers', function () {
  this.timeout(120000);
  const parent = { strength: 256, entropy: '5a'.repeat(64), nonce: 'a5'.repeat(16) };
  const created = (name: string, type: 'CTR-DRBG' | 'HASH-DRBG' | 'HMAC-DRBG', params: FipsParams): FipsChain =>
    ({ name, drbg: { type, params }, crng: false, parent, steps: [] });
  const UNAPPROVED = ['SHA2-224', 'SHA2-384', 'SHA2-512/224', 'SHA2-512/256', 'SHA3-224', 'SHA3-384'];

  async function creations(line: LineId, id: FipsConfigId): Promise<Map<string, string>> {
    const config = readFipsConfig(line, id);
    if ('reason' in config) throw new Error(config.reason);
    const oracle = new FipsOracle(config);
    try {
      await oracle.load(config.fipsCnf, null);
      const mac = line === '4.0' ? {} : { mac: 'HMAC' };
      const chains = [created('no-df', 'CTR-DRBG', { use_derivation_function: 0, cipher: 'AES-256-CTR' }),
        ...[...UNAPPROVED, 'SHA2-256'].flatMap((digest) => [created(`Hash ${digest}`, 'HASH-DRBG', { digest }),
          created(`HMAC ${digest}`, 'HMAC-DRBG', { ...mac, digest })])];
      const { runs } = await oracle.chains(chains);
      return new Map(runs.map((r) => [r.name, `${r.created.ret} ${r.created.drbgIndicator} ${r.created.errors.map((e) => e.reason).join(',')}`.trim()]));
    } finally {
      await oracle.close();
    }
  }

  for (const line of ['3.5', '3.6', '4.0'] as const) {
    it(`${line}: no-df ${line === '4.0' ? 'approved' : 'refused'}; truncated digests unapproved, refused under no-trunc`, async () => {
      const standard = await creations(line, 'default');
      const noTrunc = await creations(line, 'no-trunc');
      expect(standard.get('no-df')).to.equal(line === '4.0' ? '1 1' : '0 1 DERIVATION_FUNCTION_INIT_FAILED');
      for (const mech of ['Hash', 'HMAC']) {
        expect(standard.get(`${mech} SHA2-256`), mech).to.equal('1 1');
        for (const digest of UNAPPROVED) {
          expect(standard.get(`${mech} ${digest}`), `${mech} ${digest}`).to.equal('1 0');
          expect(noTrunc.get(`${mech} ${digest}`), `${mech} ${digest} no-trunc`).to.equal('0 0 DIGEST_NOT_ALLOWED');
        }
      }
    });
  }
});

describe('matrix: docs/conformance.md', () => {
  const doc = readFileSync(join(repoRoot(), 'docs', 'conformance.md'), 'utf8');
  const block = doc.slice(doc.indexOf(MATRIX_BEGIN), doc.indexOf(MATRIX_END));

  it('carries the generated matrix: the rows and columns of the code, each cell as the layout says', () => {
    expect(block.length, 'matrix markers').to.be.greaterThan(MATRIX_BEGIN.length);
    const tables = block.split('\n').filter((l) => l.startsWith('| configuration |'));
    const headers = tables.map((l) => l.split('|').slice(2, -1).map((s) => s.trim()));
    expect(headers.flat()).to.deep.equal(MATRIX_COLUMNS.map((c) => COLUMN_HEADERS[c]));
    for (const row of MATRIX_ROWS) {
      const lines = block.split('\n').filter((l) => l.startsWith(`| ${row.label} |`));
      expect(lines, row.label).to.have.length(2);
      const cells = lines.flatMap((l) => l.split('|').slice(2, -1).map((s) => s.trim()));
      MATRIX_COLUMNS.forEach((column, i) => {
        const na = notApplicable(column, row.config);
        if (na !== null) expect(cells[i], `${column} ${row.label}`).to.equal(`n/a:${NOT_APPLICABLE_MARK[na]}`);
        else expect(cells[i], `${column} ${row.label}`).to.match(/^[1-9]\d*\/[\d.]+[kM]?\/0$/);
      });
    }
  });

  it('lists the documented differences exactly as the code does', () => {
    expect(block).to.include(renderDifferencesMarkdown());
  });
});

describe('matrix: documented peer differences', () => {
  it('each names a test that exists in its spec', () => {
    for (const d of PEER_DIFFERENCES) {
      const source = readFileSync(join(repoRoot(), d.spec), 'utf8').replaceAll('\\\'', '\'');
      const found = source.includes(`it('${d.test}`) || source.includes(`it(\`${d.test}`);
      expect(found, `${d.spec} has no it('${d.test}...')`).to.equal(true);
    }
    expect(PEER_DIFFERENCES.length).to.equal(18);
  });
});
