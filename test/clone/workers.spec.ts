/**
 * Worker threads (issue 7): each worker seeds its own DRBGs from the OS, and a DRBG state moved
 * to another thread (a copy through postMessage/workerData, or a SharedArrayBuffer) reseeds
 * before its first output. The unprotected case is shown too: with `reseedBeforeUse: false`
 * two workers given one state produce the very bytes the sending thread produces next.
 */
import { expect } from 'chai';
import { Worker } from 'node:worker_threads';
import { toHex } from '../../provider/bytes.js';
import { Drbg, DrbgStateError } from '../../provider/index.js';
import type { WorkerAnswer, WorkerRequest } from './fixtures/worker-app.js';

const WORKER = new URL('./fixtures/worker-app.js', import.meta.url);

function runWorker(request: WorkerRequest): Promise<WorkerAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: request });
    worker.once('message', (m: WorkerAnswer) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`worker exited with ${code}`)); });
  });
}

/** Compares hex strings pairwise, counting the bytes compared. */
function countBytes(...hexes: string[]): number {
  return hexes.reduce((n, h) => n + h.length / 2, 0);
}

describe('clone safety: worker threads', function () {
  this.timeout(60_000);

  it('every worker seeds its own 3.x and 1.1.1 DRBG chains from the OS: no two threads share output', async () => {
    const answers = await Promise.all([runWorker({ kind: 'chains' }), runWorker({ kind: 'chains' }), runWorker({ kind: 'chains' })]);
    const threadIds = new Set(answers.map((a) => a.threadId));
    expect(threadIds.size, 'three distinct threads').to.equal(3);
    for (const a of answers) {
      // 3.x: the primary pulls once; 1.1.1: the master pulls once. Each worker, on its own.
      expect(a.osPulls, `OS pulls in thread ${a.threadId}`).to.equal(2);
    }
    const outputs = answers.flatMap((a) => [a.bytes.rand3, a.bytes.rand111]);
    expect(new Set(outputs).size, 'six 32-byte outputs, all different').to.equal(6);
    const compared = countBytes(...outputs);
    expect(compared).to.equal(192);
    console.log(`      workers: ${answers.length} threads, ${compared} bytes compared, ${answers.reduce((n, a) => n + a.osPulls, 0)} OS pulls`);
  });

  for (const transport of ['copy', 'SharedArrayBuffer'] as const) {
    it(`a state moved to two workers (${transport}) reseeds in each before output; unprotected, both repeat the sender`, async () => {
      const sender = new Drbg({ mechanism: { type: 'CTR-DRBG', cipher: 'AES-256-CTR' } });
      sender.instantiate({ personalization: new TextEncoder().encode('worker demo') });
      sender.generate(32);
      const exported = sender.exportState();
      const carry = (): Uint8Array | SharedArrayBuffer => {
        if (transport === 'copy') return exported.slice();
        const sab = new SharedArrayBuffer(exported.length);
        new Uint8Array(sab).set(exported);
        return sab;
      };
      const senderNext = toHex(sender.generate(32));

      const protectedAnswers = await Promise.all([
        runWorker({ kind: 'import', state: carry(), reseedBeforeUse: true }),
        runWorker({ kind: 'import', state: carry(), reseedBeforeUse: true }),
      ]);
      const unprotected = await Promise.all([
        runWorker({ kind: 'import', state: carry(), reseedBeforeUse: false }),
        runWorker({ kind: 'import', state: carry(), reseedBeforeUse: false }),
      ]);
      exported.fill(0);

      const [p1, p2] = protectedAnswers.map((a) => a.bytes.imported);
      expect(protectedAnswers.map((a) => a.osPulls), 'each protected worker reseeded from the OS once').to.deep.equal([1, 1]);
      expect(p1).to.not.equal(p2);
      expect(p1).to.not.equal(senderNext);
      expect(p2).to.not.equal(senderNext);

      const [u1, u2] = unprotected.map((a) => a.bytes.imported);
      expect(unprotected.map((a) => a.osPulls), 'unprotected workers never reseeded').to.deep.equal([0, 0]);
      expect(u1, 'the hazard: both copies produce the same bytes').to.equal(u2);
      expect(u1, '...which are the bytes the sender produced').to.equal(senderNext);
      const compared = countBytes(p1, p2, senderNext, u1, u2);
      expect(compared).to.equal(160);
      console.log(`      ${transport}: protected differ, unprotected identical to the sender; ${compared} bytes compared`);
    });
  }

  it('a DRBG object itself cannot be structured-cloned: only its exported state travels', () => {
    const drbg = new Drbg({ mechanism: { type: 'HASH-DRBG', digest: 'SHA-256' } });
    drbg.instantiate();
    expect(() => structuredClone(drbg)).to.throw(DOMException).with.property('name', 'DataCloneError');
  });

  it('a damaged or foreign state is refused with DrbgStateError, never run', () => {
    const drbg = new Drbg({ mechanism: { type: 'HMAC-DRBG', digest: 'SHA-512' } });
    expect(() => drbg.exportState(), 'not instantiated').to.throw(DrbgStateError);
    drbg.instantiate();
    const state = drbg.exportState();
    expect(() => Drbg.importState(state.subarray(0, 8))).to.throw(DrbgStateError, /RSDS/);
    const wrongVersion = state.slice();
    wrongVersion[4] = 2;
    expect(() => Drbg.importState(wrongVersion)).to.throw(DrbgStateError, /format 2/);
    expect(() => Drbg.importState(state.subarray(0, state.length - 1))).to.throw(DrbgStateError, /does not fit/);
    const garbledHeader = state.slice();
    garbledHeader[9] = 0xff;
    expect(() => Drbg.importState(garbledHeader)).to.throw(DrbgStateError, /damaged/);
  });
});
