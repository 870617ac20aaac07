/** The NIST vector section of the conformance report: evprand.txt on every backend. */
import { BACKEND_NAMES } from '../../provider/sp800-90a/primitives/index.js';
import { loadEvpRand } from '../../vectors/evprand.js';
import { runSuite } from '../../vectors/runner.js';
import type { ProgressUpdate } from './progress.js';
import { counted, type ReportSection } from './section.js';
import { formatTable } from './table.js';

export interface VectorRow {
  readonly backend: string;
  readonly mechanism: string;
  readonly stanzas: number;
  readonly cases: number;
  readonly passed: number;
  readonly bytesCompared: number;
  readonly failed: number;
}

export function runVectorSection(onProgress?: ProgressUpdate): ReportSection {
  const vectors = loadEvpRand();
  const rows: VectorRow[] = [];
  for (const [i, backend] of BACKEND_NAMES.entries()) {
    onProgress?.(i, BACKEND_NAMES.length, `${backend} backend`);
    for (const [mechanism, t] of runSuite(vectors.stanzas, backend)) {
      rows.push({ backend, mechanism, stanzas: t.stanzas, cases: t.cases, passed: t.passed, bytesCompared: t.bytesCompared, failed: t.failures.length });
    }
  }
  const text = [
    `${vectors.source.file} from ${vectors.source.package} (git blob ${vectors.source.gitBlob.slice(0, 8)}), replayed as evp_test does`,
    formatTable(['mechanism', 'backend', 'stanzas', 'cases', 'passed', 'failed', 'bytes compared'],
      rows.map((r) => [r.mechanism, r.backend, r.stanzas, r.cases, r.passed, r.failed, r.bytesCompared])),
  ].join('\n');
  const summary = BACKEND_NAMES.map((backend) => {
    const mine = rows.filter((r) => r.backend === backend);
    const sum = (f: (r: VectorRow) => number): number => mine.reduce((t, r) => t + f(r), 0);
    return { suite: 'NIST vectors', oracle: `engine, ${backend}`, compared: counted(sum((r) => r.cases), 'cases'),
      bytes: sum((r) => r.bytesCompared), mismatches: sum((r) => r.cases - r.passed) };
  });
  return {
    title: 'NIST CAVP DRBG vectors on the engine',
    text, summary,
    ok: rows.every((r) => r.failed === 0 && r.passed === r.cases),
    json: rows,
  };
}
