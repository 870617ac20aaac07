/**
 * Regenerates the difference table in docs/openssl-lines.md from ./differences.ts:
 * `node dist/interop/builds/openssl-lines/write-docs.js`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../openssl111/load.js';
import { spliceDifferences } from './render.js';

const path = join(repoRoot(), 'docs', 'openssl-lines.md');
writeFileSync(path, spliceDifferences(readFileSync(path, 'utf8')));
process.stdout.write(`write-docs: ${path} updated\n`);
