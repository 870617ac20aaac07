/**
 * drbgtest.c's test_multi_thread for both lines: THREADS workers (each loads the line's
 * fixtures/multi-thread.js, which calls RAND_bytes and RAND_priv_bytes for the given seconds, as
 * the C test's threads do) plus the same loop on the main thread; every one must have succeeded.
 */
import { expect } from 'chai';
import { Worker } from 'node:worker_threads';
import { TEST_true } from './testutil.js';

export interface MultiThreadAnswer {
  readonly rand_bytes_succeeded: boolean | number;
  readonly rand_priv_bytes_succeeded: boolean | number;
  readonly rounds: number;
}

const MULTI_THREAD_SECONDS = 2;
export const THREADS = 3;

function runWorker<A extends MultiThreadAnswer>(fixture: URL): Promise<A> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(fixture, { workerData: { seconds: MULTI_THREAD_SECONDS } });
    worker.once('message', (m: A) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`worker exited with ${code}`)); });
  });
}

/** Runs the test with `fixture` in the workers and `onMainThread` here; the number of threads. */
export async function test_multi_thread<A extends MultiThreadAnswer>(fixture: URL,
  onMainThread: (seconds: number) => A): Promise<number> {
  const workers: Promise<A>[] = [];
  for (let i = 0; i < THREADS; i++) workers.push(runWorker<A>(fixture));
  const answers = [onMainThread(MULTI_THREAD_SECONDS), ...(await Promise.all(workers))];
  for (const a of answers) {
    TEST_true(a.rand_bytes_succeeded, 'multi_thread_rand_bytes_succeeded');
    TEST_true(a.rand_priv_bytes_succeeded, 'multi_thread_rand_priv_bytes_succeeded');
    expect(a.rounds, 'each thread generated').to.be.above(0);
  }
  return answers.length;
}
