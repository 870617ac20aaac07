/**
 * Runs a list of blocks on N worker threads (node:worker_threads), each with its own oracle
 * session and randshim subject (./worker.ts). Blocks are handed out one at a time to whichever
 * worker is free; results are keyed by block, so the outcome does not depend on N or on timing.
 * With one job the blocks run on this thread (no worker to start).
 */
import { Worker } from 'node:worker_threads';
import { runBlock, type BlockResult, type BlockSpec } from './campaign.js';
import type { Driver } from '../../interop/suites/differential/driver.js';
import type { OracleSpec } from './oracles.js';
import type { FromWorker, ToWorker, WorkerInit } from './worker.js';

const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);

export type Progress = (done: number, total: number) => void;

/** Runs `blocks` on this thread. */
export async function runHere(subject: Driver, oracle: Driver, seed: number, blocks: readonly BlockSpec[],
  progress?: Progress): Promise<BlockResult[]> {
  const out: BlockResult[] = [];
  for (const b of blocks) {
    out.push(await runBlock(subject, oracle, seed, b));
    progress?.(out.length, blocks.length);
  }
  return out;
}

/** Runs `blocks` on `jobs` worker threads. Rejects with the first worker's error. */
export function runOnWorkers(oracle: OracleSpec, seed: number, blocks: readonly BlockSpec[], jobs: number,
  progress?: Progress): Promise<BlockResult[]> {
  return new Promise((resolve, reject) => {
    const results: BlockResult[] = [];
    const workers: Worker[] = [];
    let next = 0;
    let failed = false;
    const finish = (error: Error | null): void => {
      if (failed) return;
      if (error !== null) failed = true;
      for (const w of workers) w.postMessage({ type: 'close' } satisfies ToWorker);
      if (error !== null) {
        for (const w of workers) void w.terminate();
        reject(error);
      } else {
        resolve(results.sort((a, b) => a.global - b.global));
      }
    };
    const feed = (w: Worker): void => {
      if (next < blocks.length) w.postMessage({ type: 'block', block: blocks[next++] } satisfies ToWorker);
    };
    if (blocks.length === 0) {
      resolve([]);
      return;
    }
    for (let i = 0; i < Math.min(jobs, blocks.length); i++) {
      const w = new Worker(WORKER_SCRIPT, { workerData: { oracle, seed } satisfies WorkerInit });
      workers.push(w);
      w.on('message', (m: FromWorker) => {
        if (m.type === 'error') {
          finish(new Error(`worker ${i + 1}: ${m.reason}`));
          return;
        }
        if (m.type === 'result') {
          results.push(m.result);
          progress?.(results.length, blocks.length);
          if (results.length === blocks.length) {
            finish(null);
            return;
          }
        }
        feed(w);
      });
      w.on('error', (e) => finish(new Error(`worker ${i + 1}: ${e.message}`)));
      w.on('exit', (code) => {
        if (code !== 0 && results.length < blocks.length) finish(new Error(`worker ${i + 1} exited with code ${code}`));
      });
    }
  });
}
