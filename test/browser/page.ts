/** The page's script (bundled to page.js): runs the suite in the page, or in a module Worker
 * started from worker.js, on the vectors the test server serves at /vectors.json. */
import type { EvpRandStanza } from '../../vectors/evprand.js';
import { runBrowserSuite, type BrowserResults } from './suite.js';

interface WorkerLike {
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: { message: string }) => void) | null;
  postMessage(data: unknown): void;
  terminate(): void;
}
declare const Worker: new (url: string, options: { type: 'module' }) => WorkerLike;

async function vectors(): Promise<EvpRandStanza[]> {
  return (await (await fetch('/vectors.json')).json()) as EvpRandStanza[];
}

async function inPage(): Promise<BrowserResults> {
  return runBrowserSuite('page', await vectors());
}

function inWorker(): Promise<BrowserResults> {
  return new Promise((resolve, reject) => {
    const worker = new Worker('/worker.js', { type: 'module' });
    worker.onmessage = (e) => {
      worker.terminate();
      const data = e.data as { ok: true; results: BrowserResults } | { ok: false; error: string };
      if (data.ok) resolve(data.results);
      else reject(new Error(data.error));
    };
    worker.onerror = (e) => reject(new Error(`worker: ${e.message}`));
    worker.postMessage('run');
  });
}

(globalThis as unknown as { randshimBrowser: unknown }).randshimBrowser = { inPage, inWorker };
