/**
 * `npm start`: randshim's conformance report.
 *
 *   npm start -- [--json FILE]
 *
 * Exits non-zero when anything disagrees.
 */
import { writeFileSync } from 'node:fs';
import { runVectorSection } from './report/vectors.js';

interface Options {
  json?: string;
}

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') opts.json = argv[++i];
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm start -- [--json FILE]');
      process.exit(0);
    } else throw new Error(`unknown option ${arg}`);
  }
  return opts;
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  console.log('randshim conformance report\n');
  const vectors = runVectorSection();
  console.log(vectors.text);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n${vectors.ok ? 'OK' : 'FAILED'} in ${seconds} s`);
  if (opts.json !== undefined) writeFileSync(opts.json, JSON.stringify({ vectors: vectors.rows }, null, 2));
  if (!vectors.ok) process.exitCode = 1;
}

main();
