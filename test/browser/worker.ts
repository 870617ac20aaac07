/** The Web Worker's script (bundled to worker.js): the same suite as the page, posted back. */
import type { EvpRandStanza } from '../../vectors/evprand.js';
import { runBrowserSuite } from './suite.js';

interface WorkerScope {
  onmessage: (() => void) | null;
  postMessage(data: unknown): void;
}
const scope = globalThis as unknown as WorkerScope;

scope.onmessage = () => {
  void (async () => {
    try {
      const stanzas = (await (await fetch('/vectors.json')).json()) as EvpRandStanza[];
      scope.postMessage({ ok: true, results: runBrowserSuite('worker', stanzas) });
    } catch (e) {
      scope.postMessage({ ok: false, error: String((e as Error).stack ?? e) });
    }
  })();
};
