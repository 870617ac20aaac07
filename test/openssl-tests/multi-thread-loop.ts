/**
 * What one thread of drbgtest.c's test_multi_thread does on both lines, after the line's own
 * setup (reseed time interval 1 s on the public and private DRBG): RAND_bytes and
 * RAND_priv_bytes of 256 bytes in a loop until `seconds` have passed since the thread started,
 * recording what the C keeps in multi_thread_rand_bytes_succeeded and
 * multi_thread_rand_priv_bytes_succeeded. Each line's fixtures/multi-thread.ts runs it on the
 * main thread and, through answerInWorker, in worker threads (each its own randshim realm).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { time } from './testutil.js';

export interface MultiThreadAnswer {
  rand_bytes_succeeded: number;
  rand_priv_bytes_succeeded: number;
  /** Loop rounds run (each one rand_bytes and one rand_priv_bytes). */
  rounds: number;
}

/** The C's `multi_thread_rand_bytes_succeeded = 0; return;` when the setup fails. */
export const SETUP_FAILED: MultiThreadAnswer = { rand_bytes_succeeded: 0, rand_priv_bytes_succeeded: 1, rounds: 0 };

type Generate = (buf: Uint8Array, num: number) => number;

/** The do { ... } while (time(NULL) - start < seconds) loop of run_multi_thread_test. */
export function generateUntil(start: number, seconds: number, rand_bytes: Generate, rand_priv_bytes: Generate): MultiThreadAnswer {
  const buf = new Uint8Array(256);
  const answer: MultiThreadAnswer = { rand_bytes_succeeded: 1, rand_priv_bytes_succeeded: 1, rounds: 0 };
  do {
    if (rand_bytes(buf, buf.length) <= 0) answer.rand_bytes_succeeded = 0;
    if (rand_priv_bytes(buf, buf.length) <= 0) answer.rand_priv_bytes_succeeded = 0;
    answer.rounds++;
  } while (time() - start < seconds);
  return answer;
}

/** In a worker thread started by ./multi-thread.ts: posts `run` for the seconds it was given
 * (nothing on the main thread, which calls `run` itself). */
export function answerInWorker(run: (seconds: number) => MultiThreadAnswer): void {
  if (parentPort === null || workerData === null) return;
  const { seconds } = workerData as { seconds: number };
  parentPort.postMessage(run(seconds));
}
