/**
 * `npm run matrix-table`: runs the cross-implementation matrix with the report's defaults
 * (scripts/report/matrix-scale.ts) and writes it into docs/conformance.md between the matrix
 * markers, with the date, the seed and the time it took. Exits non-zero, leaving the document
 * alone, when a cell mismatches or a build could not be run.
 *
 *   npm run matrix-table -- [--cases N] [--seed S]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../interop/builds/openssl111/load.js';
import { matrixClean, runMatrix } from '../interop/suites/matrix/run.js';
import { matrixOptions } from './report/matrix-scale.js';
import { renderDifferencesMarkdown, renderMatrixMarkdown, spliceMatrix, wrap } from './report/matrix-render.js';

function option(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  const n = Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} takes a positive integer`);
  return n;
}

const seed = option('--seed') ?? 1;
const options = matrixOptions({ cases: option('--cases'), seed, progress: false });
const started = Date.now();
const matrix = await runMatrix(options);
const seconds = Math.round((Date.now() - started) / 1000);
if (!matrixClean(matrix)) {
  process.stderr.write('matrix-table: a cell mismatched or could not be run; docs/conformance.md left alone (see npm start)\n');
  process.exit(1);
}
const note = wrap('', `Generated ${new Date().toISOString().slice(0, 10)} (seed ${seed}, ${options.casesPerConfig} differential cases per `
  + `configuration and OpenSSL build, ${options.fipsChains} FIPS chains per configuration and line, `
  + `${options.peerCases} Mbed TLS campaign cases per configuration; ${seconds} s).`).join('\n');
const path = join(repoRoot(), 'docs', 'conformance.md');
writeFileSync(path, spliceMatrix(readFileSync(path, 'utf8'),
  [note, '', renderMatrixMarkdown(matrix.columns), '',
    'The documented differences (`interop/suites/matrix/differences.ts`), each with its test:', '',
    renderDifferencesMarkdown()].join('\n')));
process.stdout.write(`matrix-table: ${path} updated\n`);
