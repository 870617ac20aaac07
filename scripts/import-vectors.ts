/**
 * Turns OpenSSL's evprand.txt into the committed vector file vectors/evprand.json.gz.
 *
 *   npm run import-vectors -- [path/to/evprand.txt]
 *
 * Without a path it runs scripts/fetch-openssl-sources.sh, which fetches the pinned OpenSSL 3.0
 * source tarball from Debian's mirror into .cache/openssl-sources/, and uses its evprand.txt
 * (the file evp_test reads: test/recipes/30-test_evp_data/evprand.txt).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { countCases, EVPRAND_VECTOR_FILE, parseEvpRand, type EvpRandVectors } from '../vectors/evprand.js';

const REPO = resolve(dirname(EVPRAND_VECTOR_FILE), '..');
const RELATIVE = 'test/recipes/30-test_evp_data/evprand.txt';

/** evprand.txt of the pinned OpenSSL 3.0 tree, fetched first if it is not unpacked yet. */
function locateSource(): string {
  const fetcher = join(REPO, 'scripts', 'fetch-openssl-sources.sh');
  let tree: string;
  try {
    tree = execFileSync('bash', [fetcher, '3'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  } catch {
    throw new Error(`${fetcher} could not provide the OpenSSL 3.0 sources (its message is above); `
      + 'pass the path of an evprand.txt instead');
  }
  const path = join(tree, RELATIVE);
  if (!existsSync(path)) throw new Error(`${tree} has no ${RELATIVE}`);
  return path;
}

function gitBlobId(data: Buffer): string {
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}

function main(): void {
  const path = resolve(process.argv[2] ?? locateSource());
  const data = readFileSync(path);
  const parsed = parseEvpRand(data.toString('utf8'));
  const pkg = basename(resolve(path, '..', '..', '..', '..'));
  const vectors: EvpRandVectors = {
    format: 1,
    source: {
      file: RELATIVE,
      package: pkg,
      gitBlob: gitBlobId(data),
      sha256: createHash('sha256').update(data).digest('hex'),
      licence: 'Apache-2.0 (OpenSSL); the cases are NIST CAVP DRBG test vectors (drbgtestvectors.zip, CAVS 14.3)',
      origin: 'https://csrc.nist.gov/CSRC/media/Projects/Cryptographic-Algorithm-Validation-Program/documents/drbg/drbgtestvectors.zip',
    },
    stanzas: parsed.map(({ title, line, stanza }) => ({ title, line, ...stanza })),
  };
  const json = JSON.stringify(vectors);
  writeFileSync(EVPRAND_VECTOR_FILE, gzipSync(Buffer.from(json), { level: 9 }));
  const byMech = new Map<string, { stanzas: number; cases: number }>();
  for (const s of vectors.stanzas) {
    const e = byMech.get(s.rand) ?? { stanzas: 0, cases: 0 };
    e.stanzas++;
    e.cases += s.cases.length;
    byMech.set(s.rand, e);
  }
  console.log(`${path}\n  git blob ${vectors.source.gitBlob}, ${vectors.stanzas.length} stanzas, ${countCases(vectors.stanzas)} cases`);
  for (const [m, e] of byMech) console.log(`  ${m}: ${e.stanzas} stanzas, ${e.cases} cases`);
  console.log(`wrote ${EVPRAND_VECTOR_FILE}`);
}

main();
