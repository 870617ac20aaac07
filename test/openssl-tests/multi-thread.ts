/**
 * drbgtest.c's test_multi_thread for both lines: THREADS workers (each loads the line's
 * fixtures/multi-thread.js, which calls RAND_bytes and RAND_priv_bytes for the given seconds, as
 * the C test's threads do) plus the same loop on the main thread; every one must have succeeded.
 */
import { expect } from 'chai';
import { Worker } from 'node:worker_threads';
import { TEST_true } from './testutil.js';
import type { MultiThreadAnswer } from './multi-thread-loop.js';

const MULTI_THREAD_SECONDS = 2;
const THREADS = 3;

function runWorker(fixture: URL): Promise<MultiThreadAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(fixture, { workerData: { seconds: MULTI_THREAD_SECONDS } });
    worker.once('message', (m: MultiThreadAnswer) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`worker exited with ${code}`)); });
  });
}

/** Runs the test: `fixture` (a line's fixtures/multi-thread.js, exporting
 * run_multi_thread_test) in THREADS workers and on this thread; every one must have succeeded. */
export async function test_multi_thread(fixture: URL): Promise<void> {
  const { run_multi_thread_test } = await import(fixture.href) as { run_multi_thread_test: (seconds: number) => MultiThreadAnswer };
  const workers: Promise<MultiThreadAnswer>[] = [];
  for (let i = 0; i < THREADS; i++) workers.push(runWorker(fixture));
  const answers = [run_multi_thread_test(MULTI_THREAD_SECONDS), ...(await Promise.all(workers))];
  expect(answers.length, 'threads run (THREADS + 1)').to.equal(THREADS + 1);
  for (const a of answers) {
    TEST_true(a.rand_bytes_succeeded, 'multi_thread_rand_bytes_succeeded');
    TEST_true(a.rand_priv_bytes_succeeded, 'multi_thread_rand_priv_bytes_succeeded');
    expect(a.rounds, 'each thread generated').to.be.above(0);
  }
}
