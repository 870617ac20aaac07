/**
 * One line's child process: the running Node executable started under the line's own
 * ld-linux (`LOADER --library-path ROOT/usr/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu
 * node child.js LIBCRYPTO`), with OPENSSL_CONF pointing at an empty file (the machine's 3.0
 * openssl.cnf must not reach the newer library) and OPENSSL_MODULES at the line's providers.
 * Requests are queued in order; a request that gets no answer within its timeout kills the
 * child (a real library can hang, e.g. a refused digest kept under drbg-no-trunc-md).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LineSplitter } from '../openssl111/node16-protocol.js';
import type { LinePaths } from './lines.js';
import { decodeMessage, encodeMessage, type Request, type Response } from './protocol.js';

/** The compiled child program next to this module. */
export const LINE_CHILD_SCRIPT = fileURLToPath(new URL('./child.js', import.meta.url));

/** A request before the queue gives it an id (distributes over the union). */
export type RequestBody = Request extends infer R ? R extends unknown ? Omit<R, 'id'> : never : never;

type Pending = { resolve: (r: Response) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

/** The command line that starts the child under the line's loader (also shown in reports). */
export function childCommand(paths: LinePaths): { command: string; args: string[]; env: NodeJS.ProcessEnv } {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENSSL_CONF: paths.emptyConfig, OPENSSL_MODULES: paths.modules };
  delete env.NODE_OPTIONS;
  delete env.LD_LIBRARY_PATH;
  delete env.LD_PRELOAD; // RTLD_DEEPBIND and malloc interposers do not mix
  return {
    command: paths.loader,
    // process.execPath may be a symlink; the loader needs the executable itself
    args: ['--library-path', paths.libraryPath, realpathSync(process.execPath), LINE_CHILD_SCRIPT, paths.libcrypto],
    env,
  };
}

export class LineProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stderr = '';
  private exited: string | null = null;

  constructor(paths: LinePaths, private readonly timeoutMs = 300_000) {
    const { command, args, env } = childCommand(paths);
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env });
    const splitter = new LineSplitter((line) => this.onLine(line));
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => splitter.push(chunk));
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
    });
    this.child.on('error', (e) => this.fail(`cannot run ${command}: ${e.message}`));
    this.child.on('exit', (code, signal) => this.fail(`line child exited (${signal ?? `code ${code}`})`));
    this.child.stdin.on('error', () => { /* reported through 'exit' */ });
  }

  /** Why the child is gone, or null while it runs. */
  get gone(): string | null {
    return this.exited;
  }

  request(body: RequestBody): Promise<Response> {
    if (this.exited !== null) return Promise.reject(new Error(this.exited));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(`no answer to ${body.op} within ${this.timeoutMs / 1000} s`);
        this.child.kill('SIGKILL');
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.child.stdin.write(encodeMessage({ ...body, id } as Request) + '\n');
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
      response = decodeMessage<Response>(line);
    } catch {
      this.fail(`unparsable line from the line child: ${line.slice(0, 200)}`);
      return;
    }
    const p = this.pending.get(response.id);
    if (p === undefined) return;
    this.pending.delete(response.id);
    clearTimeout(p.timer);
    p.resolve(response);
  }

  private fail(why: string): void {
    if (this.exited === null) this.exited = why + (this.stderr ? `; stderr: ${this.stderr.trim()}` : '');
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new Error(this.exited));
    }
    this.pending.clear();
  }
}
