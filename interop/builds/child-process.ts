/**
 * The parent side of every build that runs in a child process: the node16-1.1.1 oracle (the
 * Node 16 binary, openssl111/node16.ts), the OpenSSL lines (Node under the line's own ld-linux,
 * openssl-lines/process.ts) and the FIPS provider of a line (fips-provider/oracle.ts). One
 * request/response channel over the child's stdin and stdout, one JSON object per line (the
 * framing of openssl111/node16-protocol.ts: LineSplitter): each request gets an id that its
 * response echoes, requests are answered in order, and a request with no answer within the
 * timeout, or a line that is not a response, kills the child (a real library can hang). When
 * the child is gone, every pending request is rejected with why, then the tail of its stderr.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { LineSplitter } from './openssl111/node16-protocol.js';

/** A request before the channel gives it an id (distributes over the union of requests). */
export type RequestBody<Req> = Req extends unknown ? Omit<Req, 'id'> : never;

/** What to start: the executable (a Node binary, or a loader that starts one), its arguments
 * and its environment. */
export interface ChildCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
}

export interface ChildSpec<Req, Res> extends ChildCommand {
  /** The child as messages name it: "line child exited (SIGKILL)". */
  readonly label: string;
  /** No answer within this many milliseconds kills the child; null waits for ever. */
  readonly timeoutMs: number | null;
  /** The wire form of a message (JSON unless the protocol says otherwise). */
  readonly encode?: (request: Req) => string;
  readonly decode?: (line: string) => Res;
  /** A stderr line the caller takes for itself (returns true), e.g. a streamed event; the
   * lines it leaves make the stderr tail of the failure messages. */
  readonly onStderrLine?: (line: string) => boolean;
}

type Pending<Res> = { resolve: (r: Res) => void; reject: (e: Error) => void; timer: NodeJS.Timeout | null };

/** How much of the child's stderr a failure message carries (its end). */
const STDERR_TAIL = 4000;

export class ChildChannel<Req extends { readonly id: number; readonly op: string }, Res extends { readonly id: number }> {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending<Res>>();
  private readonly stderrLines: LineSplitter;
  private nextId = 1;
  private stderr = '';
  private exited: string | null = null;
  /** Settles when the child's process and pipes are closed (all of its stderr read). */
  readonly closed: Promise<void>;
  /** The signal or exit code the child ended with ("SIGSEGV", "code 1"), once it has. */
  exitSignal: string | null = null;

  constructor(private readonly spec: ChildSpec<Req, Res>) {
    this.child = spawn(spec.command, [...spec.args], { stdio: ['pipe', 'pipe', 'pipe'], env: spec.env });
    const responses = new LineSplitter((line) => this.onLine(line));
    this.stderrLines = new LineSplitter((line) => {
      if (spec.onStderrLine?.(line) !== true) this.stderr = (this.stderr + line + '\n').slice(-STDERR_TAIL);
    });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => responses.push(chunk));
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => this.stderrLines.push(chunk));
    this.closed = new Promise((resolve) => this.child.once('close', () => resolve()));
    this.child.on('error', (e) => this.fail(`cannot run ${spec.command}: ${e.message}`));
    this.child.on('exit', (code, signal) => {
      this.exitSignal = signal ?? `code ${code}`;
      this.fail(`${spec.label} exited (${this.exitSignal})`);
    });
    this.child.stdin.on('error', () => { /* reported through 'exit' */ });
  }

  /** Why the child is gone, or null while it runs. */
  get gone(): string | null {
    return this.exited;
  }

  request(body: RequestBody<Req>): Promise<Res> {
    if (this.exited !== null) return Promise.reject(new Error(this.exited));
    const id = this.nextId++;
    const { timeoutMs } = this.spec;
    return new Promise((resolve, reject) => {
      const timer = timeoutMs === null ? null : setTimeout(() => {
        this.fail(`no answer to ${body.op} within ${timeoutMs / 1000} s`);
        this.child.kill('SIGKILL');
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      const request = { ...body, id } as unknown as Req;
      this.child.stdin.write((this.spec.encode ?? JSON.stringify)(request) + '\n');
    });
  }

  /** Asks the child to exit (every protocol has the op "exit") and waits for it. */
  async close(): Promise<void> {
    if (this.exited !== null) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.request({ op: 'exit' } as RequestBody<Req>).catch(() => undefined);
    this.child.stdin.end();
    await gone;
  }

  private onLine(line: string): void {
    let response: Res;
    try {
      response = this.spec.decode === undefined ? JSON.parse(line) as Res : this.spec.decode(line);
    } catch {
      // the stream is out of step: nothing it says can be matched to a request again
      this.fail(`unparsable line from ${this.spec.label}: ${line.slice(0, 200)}`);
      this.child.kill('SIGKILL');
      return;
    }
    const p = this.pending.get(response.id);
    if (p === undefined) return;
    this.pending.delete(response.id);
    if (p.timer !== null) clearTimeout(p.timer);
    p.resolve(response);
  }

  private fail(why: string): void {
    const stderr = (this.stderr + this.stderrLines.pending).trim();
    if (this.exited === null) this.exited = why + (stderr ? `; stderr: ${stderr}` : '');
    for (const p of this.pending.values()) {
      if (p.timer !== null) clearTimeout(p.timer);
      p.reject(new Error(this.exited));
    }
    this.pending.clear();
  }
}

/** The part of a response a request wants, or an Error `who: why` when the child failed it. */
export function answer<Res extends { readonly ok: boolean }, K extends string>(who: string, r: Res, key: K):
  NonNullable<Extract<Res, Record<K, unknown>>[K]> {
  if (!r.ok) throw new Error(`${who}: ${(r as unknown as { readonly error: string }).error}`);
  if (!(key in r)) throw new Error(`${who}: response without ${key}`);
  return (r as unknown as Record<K, NonNullable<Extract<Res, Record<K, unknown>>[K]>>)[key];
}

/** Runs jobs one after another, so that concurrent callers of one child cannot interleave
 * their requests (a raw call sequence, a batch of cases); a failed job does not stop the next. */
export function serialQueue(): <T>(job: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };
}
