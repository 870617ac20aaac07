/**
 * The request/response protocol between the node16-1.1.1 oracle (Node 20 parent) and its child
 * program running inside the Node 16 binary: one JSON object per line, on the child's stdin
 * (requests) and stdout (responses). Requests are answered strictly in order; each carries an
 * `id` that its response echoes.
 *
 *   → {"id":1,"op":"hello"}                 ← {"id":1,"ok":true,"hello":{version,library,node,layout}}
 *   → {"id":2,"op":"cases","cases":[...]}   ← {"id":2,"ok":true,"results":[CaseResult...]}
 *   → {"id":3,"op":"raw","calls":[...]}     ← {"id":3,"ok":true,"raw":[RawResult...]}
 *   → {"id":4,"op":"exit"}                  ← {"id":4,"ok":true}   then the child exits 0
 *   any failure                             ← {"id":n,"ok":false,"error":"..."}
 *
 * A "cases" request carries a whole batch, so per-case cost is the C calls plus JSON, not a
 * round trip. The parent sizes batches so that one response line stays within a few MB.
 */
import type { CaseResult, DiffCase } from '../../suites/differential/driver.js';
import type { LayoutCheck } from './drbg-layout.js';
import type { RawCall, RawResult } from '../../suites/raw-calls-111/calls.js';

export interface HelloInfo {
  /** OpenSSL_version(OPENSSL_VERSION). */
  readonly version: string;
  /** What was loaded (the executable, for koffi.load(null)). */
  readonly library: string;
  /** process.version of the child. */
  readonly node: string;
  readonly layout: LayoutCheck;
}

export type Request =
  | { readonly id: number; readonly op: 'hello' }
  | { readonly id: number; readonly op: 'cases'; readonly cases: readonly DiffCase[] }
  | { readonly id: number; readonly op: 'raw'; readonly calls: readonly RawCall[] }
  | { readonly id: number; readonly op: 'exit' };

export type Response =
  | { readonly id: number; readonly ok: true; readonly hello: HelloInfo }
  | { readonly id: number; readonly ok: true; readonly results: readonly CaseResult[] }
  | { readonly id: number; readonly ok: true; readonly raw: readonly RawResult[] }
  | { readonly id: number; readonly ok: true }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** Splits a byte stream into lines (without the "\n"); keeps the unfinished tail. */
export class LineSplitter {
  private tail = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: string): void {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      const line = this.tail + chunk.slice(start, nl);
      this.tail = '';
      start = nl + 1;
      if (line.length > 0) this.onLine(line);
    }
    this.tail += chunk.slice(start);
  }

  /** The incomplete last line, if the stream ended without a newline. */
  get pending(): string {
    return this.tail;
  }
}

/**
 * A child's request loop (this protocol's framing, also the FIPS provider child's): each stdin
 * line a JSON request answered by `answer`, one JSON line back; a request that does not parse
 * or whose answer throws gets `{ id, ok: false, error }`. After the answer to `exit` is written,
 * or when stdin ends, the process exits 0.
 */
export function serveRequests<Req extends { readonly id: number; readonly op: string }, Res>(
  answer: (request: Req) => Res): void {
  const splitter = new LineSplitter((line) => {
    let id = -1;
    let response: Res | { readonly id: number; readonly ok: false; readonly error: string };
    let exit = false;
    try {
      const request = JSON.parse(line) as Req;
      id = request.id;
      exit = request.op === 'exit';
      response = answer(request);
    } catch (e) {
      response = { id, ok: false, error: (e as Error).stack ?? String(e) };
    }
    process.stdout.write(JSON.stringify(response) + '\n', () => {
      if (exit) process.exit(0);
    });
  });
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => splitter.push(chunk));
  process.stdin.on('end', () => process.exit(0));
}

/** Rough size of a case's response in bytes (outputs are hex): for sizing batches. */
export function responseSizeEstimate(c: DiffCase): number {
  let n = 100;
  for (const s of c.steps) n += 160 + (s.op === 'generate' ? 2 * s.outlen : 0);
  return n;
}

/** Splits `cases` into batches of at most `maxBytes` estimated response and `maxCases` cases. */
export function batchCases(cases: readonly DiffCase[], maxBytes = 8 << 20, maxCases = 20000): DiffCase[][] {
  const batches: DiffCase[][] = [];
  let current: DiffCase[] = [];
  let size = 0;
  for (const c of cases) {
    const n = responseSizeEstimate(c);
    if (current.length > 0 && (size + n > maxBytes || current.length >= maxCases)) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(c);
    size += n;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
