/**
 * The child program of a line build. Runs inside Node started under the line's own ld-linux
 * (interop/builds/openssl-lines/process.ts), loads the line's libcrypto given as argv[2] with
 * RTLD_DEEPBIND (Node exports its own OpenSSL 3.0 symbols; Debian's 3.5 libcrypto is not linked
 * -Bsymbolic and would bind to them) and serves {@link Request}s from stdin, one JSON line each.
 *
 * The C side of every suite is the code the in-process system-3 oracle runs, unchanged:
 * differential cases through libcrypto3Driver (interop/suites/differential/run-libcrypto.ts),
 * EVP_RAND and RAND front-end scenarios through runScenarioLibcrypto
 * (interop/suites/evp-rand/run-libcrypto.ts), each RAND scenario in a fresh default library
 * context (withFreshLibctx, interop/suites/rand-front-end/run-libcrypto.ts).
 */
import { readFileSync } from 'node:fs';
import { toHex } from '../../../provider/bytes.js';
import { getEngine } from '../../ffi/engines.js';
import { LIBC_PATH } from '../../ffi/libc.js';
import { openLibcrypto3 } from '../openssl3/in-process.js';
import { libcrypto3Driver, type Libcrypto3Driver } from '../../suites/differential/run-libcrypto.js';
import { runScenarioLibcrypto } from '../../suites/evp-rand/run-libcrypto.js';
import { ScenarioFiles } from '../../suites/rand-front-end/files.js';
import { withFreshLibctx } from '../../suites/rand-front-end/run-libcrypto.js';
import type { LibCrypto3 } from '../openssl3/libcrypto.js';
import { LineSplitter } from '../openssl111/node16-protocol.js';
import { runParamBatteryC } from './param-battery.js';
import { runProbes } from './probes.js';
import { runRandomProviderLibcrypto } from './random-provider-libcrypto.js';
import { decodeMessage, encodeMessage, type HelloInfo, type LineScenarioRun, type MappedFiles, type Request, type Response } from './protocol.js';

const path = process.argv[2];

/** The distinct files of /proc/self/maps whose name matches. */
function mappedFiles(): MappedFiles {
  const files = [...new Set(readFileSync('/proc/self/maps', 'utf8').split('\n')
    .map((l) => l.split(/\s+/).slice(5).join(' ')).filter((f) => f.startsWith('/')))];
  const base = (f: string): string => f.slice(f.lastIndexOf('/') + 1);
  return {
    libcrypto: files.filter((f) => base(f).startsWith('libcrypto.so')),
    libc: files.filter((f) => base(f) === 'libc.so.6'),
    loader: files.filter((f) => base(f).startsWith('ld-linux')),
  };
}

let crypto: LibCrypto3 | undefined;
let driver: Libcrypto3Driver | undefined;
let hello: HelloInfo | undefined;
let failure = '';
try {
  if (path === undefined) throw new Error('usage: child.js LIBCRYPTO_PATH');
  // Checks provenance (the file asked for answers, on its own error queue) and the version.
  const lib = openLibcrypto3(path, 'koffi');
  driver = libcrypto3Driver(lib, 'line');
  crypto = lib.crypto;
  const glibc = getEngine('koffi').load(LIBC_PATH).func('gnu_get_libc_version', 'cstr', []);
  hello = {
    version: lib.evidence.version,
    versionNumber: crypto.OpenSSL_version_num(),
    library: path,
    evidence: lib.evidence,
    mapped: mappedFiles(),
    node: process.version,
    glibc: glibc() ?? '',
  };
} catch (e) {
  failure = `cannot load ${path ?? '(no path)'}: ${(e as Error).message}`;
}

let files: ScenarioFiles | undefined;

function runScenarios(c: LibCrypto3, request: Extract<Request, { op: 'scenarios' }>): LineScenarioRun[] {
  files ??= new ScenarioFiles();
  const scenarioFiles = files;
  return request.scenarios.map((s) => {
    const run = () => runScenarioLibcrypto(c, s, scenarioFiles);
    const r = request.freshLibctx ? withFreshLibctx(c, run) : run();
    const identities: Record<string, string> = {};
    for (const [id, bytes] of r.identities) identities[id] = toHex(bytes);
    return { name: r.name, observations: r.observations, identities };
  });
}

async function answer(request: Request): Promise<Response> {
  if (request.op === 'exit') return { id: request.id, ok: true };
  if (hello === undefined || driver === undefined || crypto === undefined) return { id: request.id, ok: false, error: failure };
  switch (request.op) {
    case 'hello':
      return { id: request.id, ok: true, hello };
    case 'cases':
      return { id: request.id, ok: true, results: await driver.runBatch(request.cases) };
    case 'scenarios':
      return { id: request.id, ok: true, runs: runScenarios(crypto, request) };
    case 'probes':
      return { id: request.id, ok: true, probes: runProbes(crypto, request.fipsConfig) };
    case 'params':
      return { id: request.id, ok: true, paramCalls: runParamBatteryC(crypto) };
    case 'random-provider':
      return { id: request.id, ok: true, randomProvider: runRandomProviderLibcrypto(crypto, request.fipsConfig) };
    default:
      return { id: (request as { id: number }).id, ok: false, error: `unknown op ${JSON.stringify(request)}` };
  }
}

/** Requests are answered strictly in order, one at a time. */
let queue: Promise<void> = Promise.resolve();

const splitter = new LineSplitter((line) => {
  queue = queue.then(async () => {
    let id = -1;
    let response: Response;
    let exit = false;
    try {
      const request = decodeMessage<Request>(line);
      id = request.id;
      exit = request.op === 'exit';
      response = await answer(request);
    } catch (e) {
      response = { id, ok: false, error: (e as Error).stack ?? String(e) };
    }
    process.stdout.write(encodeMessage(response) + '\n', () => {
      if (exit) {
        files?.close();
        process.exit(0);
      }
    });
  });
});

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => splitter.push(chunk));
process.stdin.on('end', () => {
  void queue.then(() => {
    files?.close();
    process.exit(0);
  });
});
