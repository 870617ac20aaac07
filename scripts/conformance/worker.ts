/**
 * One campaign worker thread: opens its own session of the oracle and its own randshim subject,
 * then runs the blocks the main thread hands it, one at a time (./pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runBlock, type BlockSpec } from './campaign.js';
import { openOracle, subjectFor, type OracleSpec } from './oracles.js';

export interface WorkerInit {
  readonly oracle: OracleSpec;
  readonly seed: number;
}

export type ToWorker = { readonly type: 'block'; readonly block: BlockSpec } | { readonly type: 'close' };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly result: import('./campaign.js').BlockResult }
  | { readonly type: 'error'; readonly reason: string };

async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('worker.js runs only as a worker thread');
  const init = workerData as WorkerInit;
  const opened = await openOracle(init.oracle);
  if (!opened.ok || opened.record.flavor === null) {
    port.postMessage({ type: 'error', reason: opened.ok ? 'no flavour' : opened.reason } satisfies FromWorker);
    return;
  }
  const oracle = opened.driver;
  const subject = subjectFor(opened.record.flavor);
  port.on('message', (m: ToWorker) => {
    if (m.type === 'close') {
      void Promise.all([oracle.close(), subject.close()]).finally(() => port.close());
      return;
    }
    runBlock(subject, oracle, init.seed, m.block).then(
      (result) => port.postMessage({ type: 'result', result } satisfies FromWorker),
      (e: unknown) => port.postMessage({ type: 'error', reason: e instanceof Error ? e.message : String(e) } satisfies FromWorker),
    );
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}

void main();
