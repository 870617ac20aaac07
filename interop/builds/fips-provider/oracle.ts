/**
 * The FIPS-provider oracle of one line and configuration: a child process (./child.ts) started
 * under the line's own ld-linux exactly as the line builds start theirs
 * (../openssl-lines/process.ts childCommand), one process per load, because the FIPS provider
 * runs its power-up self-tests once per process and a corrupted test leaves it in its error
 * state. Requests are answered in order; no answer within the timeout kills the child (the
 * real library can crash or hang, e.g. 4.0 on a corrupted HASH or HMAC DRBG test).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LineSplitter } from '../openssl111/node16-protocol.js';
import { childCommand } from '../openssl-lines/process.js';
import type { FipsConfig } from './configs.js';
import { EVENT_PREFIX, type FipsRequest, type FipsResponse, type LoadResult, type SelfTestResult } from './protocol.js';
import type { CorruptTarget, FipsChain, FipsChainRun, SelfTestEvent } from '../../suites/fips/scenario.js';
import type { SelectionCase, SelectionResult } from '../../suites/fips/selection.js';

export const FIPS_CHILD_SCRIPT = fileURLToPath(new URL('./child.js', import.meta.url));

type Body = FipsRequest extends infer R ? R extends unknown ? Omit<R, 'id'> : never : never;
type Pending = { resolve: (r: FipsResponse) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

export class FipsOracle {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stderr = '';
  private stderrLine = '';
  /** Every self-test event the child streamed on stderr, and how many responses carried. */
  private readonly streamed: SelfTestEvent[] = [];
  private answered = 0;
  /** Settles when the child's process and pipes are closed (all of stderr read). */
  readonly closed: Promise<void>;
  private exited: string | null = null;
  /** The signal or exit code the child ended with, once it has. */
  exitSignal: string | null = null;

  constructor(readonly config: FipsConfig, private readonly timeoutMs = 60_000) {
    const { command, args, env } = childCommand(config.linePaths);
    args[args.length - 2] = FIPS_CHILD_SCRIPT; // [..., node, script, libcrypto]
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env });
    const splitter = new LineSplitter((line) => this.onLine(line));
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => splitter.push(chunk));
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => this.onStderr(chunk));
    this.closed = new Promise((resolve) => this.child.once('close', () => resolve()));
    this.child.on('error', (e) => this.fail(`cannot run ${command}: ${e.message}`));
    this.child.on('exit', (code, signal) => {
      this.exitSignal = signal ?? `code ${code}`;
      this.fail(`FIPS child exited (${this.exitSignal})`);
    });
    this.child.stdin.on('error', () => { /* reported through 'exit' */ });
  }

  /** The events the child reported before it stopped answering: those of the request that
   * crashed it (complete once {@link closed} settled). */
  get unansweredEvents(): readonly SelfTestEvent[] {
    return this.streamed.slice(this.answered);
  }

  get gone(): string | null {
    return this.exited;
  }

  request(body: Body): Promise<FipsResponse> {
    if (this.exited !== null) return Promise.reject(new Error(this.exited));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(`no answer to ${body.op} within ${this.timeoutMs / 1000} s`);
        this.child.kill('SIGKILL');
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.child.stdin.write(JSON.stringify({ ...body, id }) + '\n');
    });
  }

  /** The three operations, typed (the child answers each with its own kind of response). */
  async load(config: string, corrupt: CorruptTarget | null): Promise<{ events: readonly SelfTestEvent[]; load: LoadResult }> {
    const r = await this.request({ op: 'load', config, corrupt });
    if (!r.ok || !('load' in r)) throw new Error('unexpected answer to load');
    return r;
  }

  async selfTest(corrupt: CorruptTarget | null): Promise<{ events: readonly SelfTestEvent[]; selfTest: SelfTestResult }> {
    const r = await this.request({ op: 'selftest', corrupt });
    if (!r.ok || !('selfTest' in r)) throw new Error('unexpected answer to selftest');
    return r;
  }

  async chains(chains: readonly FipsChain[], corrupt: CorruptTarget | null = null):
    Promise<{ events: readonly SelfTestEvent[]; runs: readonly FipsChainRun[] }> {
    const r = await this.request({ op: 'chains', chains, corrupt });
    if (!r.ok || !('runs' in r)) throw new Error('unexpected answer to chains');
    return r;
  }

  async selection(cases: readonly SelectionCase[]): Promise<readonly (readonly SelectionResult[])[]> {
    const r = await this.request({ op: 'selection', config: this.config.fipsCnf, cases });
    if (!r.ok || !('selection' in r)) throw new Error('unexpected answer to selection');
    return r.selection;
  }

  async close(): Promise<void> {
    if (this.exited !== null) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.request({ op: 'exit' }).catch(() => undefined);
    this.child.stdin.end();
    await gone;
  }

  private onLine(line: string): void {
    let response: FipsResponse;
    try {
      response = JSON.parse(line) as FipsResponse;
    } catch {
      this.fail(`unparsable line from the FIPS child: ${line.slice(0, 200)}`);
      return;
    }
    const p = this.pending.get(response.id);
    if (p === undefined) return;
    this.pending.delete(response.id);
    clearTimeout(p.timer);
    if (response.ok) this.answered += response.events.length;
    if (response.ok) p.resolve(response);
    else p.reject(new Error(response.error));
  }

  private onStderr(chunk: string): void {
    const lines = (this.stderrLine + chunk).split('\n');
    this.stderrLine = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith(EVENT_PREFIX)) this.streamed.push(JSON.parse(line.slice(EVENT_PREFIX.length)) as SelfTestEvent);
      else this.stderr = (this.stderr + line + '\n').slice(-4000);
    }
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
