/**
 * The FIPS-provider oracle of one line and configuration: a child process (./child.ts) started
 * under the line's own ld-linux exactly as the line builds start theirs
 * (../openssl-lines/process.ts childCommand), one process per load, because the FIPS provider
 * runs its power-up self-tests once per process and a corrupted test leaves it in its error
 * state. Requests are answered in order; no answer within the timeout kills the child (the
 * real library can crash or hang, e.g. 4.0 on a corrupted HASH or HMAC DRBG test).
 */
import { fileURLToPath } from 'node:url';
import { ChildChannel, type RequestBody } from '../child-process.js';
import { childCommand } from '../openssl-lines/process.js';
import type { FipsConfig } from './configs.js';
import { EVENT_PREFIX, type FipsRequest, type FipsResponse, type LoadResult, type SelfTestResult } from './protocol.js';
import type { CorruptTarget, FipsChain, FipsChainRun, SelfTestEvent } from '../../suites/fips/scenario.js';
import type { SelectionCase, SelectionResult } from '../../suites/fips/selection.js';

export const FIPS_CHILD_SCRIPT = fileURLToPath(new URL('./child.js', import.meta.url));

export class FipsOracle {
  private readonly channel: ChildChannel<FipsRequest, FipsResponse>;
  /** Every self-test event the child streamed on stderr, and how many responses carried. */
  private readonly streamed: SelfTestEvent[] = [];
  private answered = 0;
  /** Settles when the child's process and pipes are closed (all of stderr read). */
  readonly closed: Promise<void>;

  constructor(readonly config: FipsConfig, timeoutMs = 60_000) {
    this.channel = new ChildChannel<FipsRequest, FipsResponse>({
      ...childCommand(config.linePaths, FIPS_CHILD_SCRIPT),
      label: 'FIPS child',
      timeoutMs,
      onStderrLine: (line) => {
        if (!line.startsWith(EVENT_PREFIX)) return false;
        this.streamed.push(JSON.parse(line.slice(EVENT_PREFIX.length)) as SelfTestEvent);
        return true;
      },
    });
    this.closed = this.channel.closed;
  }

  /** The signal or exit code the child ended with, once it has. */
  get exitSignal(): string | null {
    return this.channel.exitSignal;
  }

  /** The events the child reported before it stopped answering: those of the request that
   * crashed it (complete once {@link closed} settled). */
  get unansweredEvents(): readonly SelfTestEvent[] {
    return this.streamed.slice(this.answered);
  }

  get gone(): string | null {
    return this.channel.gone;
  }

  /** The child's answer; its failure ({ ok: false }) as an Error with the child's reason. */
  async request(body: RequestBody<FipsRequest>): Promise<FipsResponse> {
    const r = await this.channel.request(body);
    if (!r.ok) throw new Error(r.error);
    this.answered += r.events.length;
    return r;
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

  close(): Promise<void> {
    return this.channel.close();
  }
}
