/**
 * randshim in a browser: the package's modules bundled by esbuild for the `browser` condition
 * (no node: import may be left in the bundle, and node-backend.js must not be in it), served
 * from a localhost server started here and run in headless Chromium (Debian's /usr/bin/chromium,
 * driven by playwright-core; no browser download), in the page and in a module Web Worker:
 * every NIST CAVP case (evprand.txt, 14,401) on the portable backend, and a RAND_bytes /
 * RAND_add / EVP_RAND (RAND_DRBG for 1.1.1) smoke on each personality. A missing Chromium
 * fails the run; it is installed by `apt-get install -y chromium`.
 */
import { expect } from 'chai';
import { build, type Metafile } from 'esbuild';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { loadEvpRand } from '../../vectors/evprand.js';
import type { BrowserResults } from './suite.js';

const CHROMIUM = '/usr/bin/chromium';
const HERE = fileURLToPath(new URL('.', import.meta.url));

/** evprand.txt of OpenSSL 3.0.x (vectors/README.md), as test/provider/vectors.spec.ts. */
const EXPECTED: Record<string, { stanzas: number; cases: number }> = {
  'CTR-DRBG': { stanzas: 289, cases: 4321 },
  'HASH-DRBG': { stanzas: 336, cases: 5040 },
  'HMAC-DRBG': { stanzas: 336, cases: 5040 },
};

/** What OpenSSL answers to each smoke call (return codes of RAND(3), RAND_DRBG(3), EVP_RAND(3);
 * RAND_R_CANNOT_OPEN_FILE = 121 in randerr.h; EVP_RAND_STATE_READY = 1 in core_names.h). */
const SMOKE: Record<string, number | boolean> = {
  '1.1.1 RAND_bytes': 1, '1.1.1 RAND_status after RAND_add': 1, '1.1.1 RAND_priv_bytes': 1,
  '1.1.1 outputs differ': true, '1.1.1 RAND_DRBG_new': true, '1.1.1 RAND_DRBG_instantiate': 1,
  '1.1.1 RAND_DRBG_generate': 1, '1.1.1 RAND_load_file (no file system)': -1, '1.1.1 ERR reason': 121,
  '3 RAND_bytes': 1, '3 RAND_status after RAND_add': 1, '3 RAND_priv_bytes': 1, '3 outputs differ': true,
  '3 EVP_RAND_fetch': true, '3 EVP_RAND_CTX_new': true, '3 EVP_RAND_instantiate': 1, '3 EVP_RAND_generate': 1,
  '3 EVP_RAND_get_state': 1, '3 RAND_load_file (no file system)': -1, '3 ERR reason': 121,
  'provider Drbg generate': true, 'provider kernelRandom': true,
  'compat/3.0 runs as 3.0': true, 'compat/3.5 runs as 3.5': true, 'compat/3.6 runs as 3.6': true, 'compat/4.0 runs as 4.0': true,
};

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

async function bundle(entry: string): Promise<{ code: string; metafile: Metafile }> {
  const r = await build({
    entryPoints: [join(HERE, entry)], bundle: true, write: false, format: 'esm', platform: 'browser',
    target: 'es2022', metafile: true, logLevel: 'silent',
  });
  return { code: r.outputFiles[0].text, metafile: r.metafile };
}

describe('browser: headless Chromium, in a page and in a Web Worker', function () {
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let profile: string;
  const bundles: Record<string, { code: string; metafile: Metafile }> = {};

  before(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`);
    }
    bundles['page.js'] = await bundle('page.js');
    bundles['worker.js'] = await bundle('worker.js');
    const vectors = JSON.stringify(loadEvpRand().stanzas);
    const routes: Record<string, [string, string]> = {
      '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>randshim</title><script type="module" src="/page.js"></script>'],
      '/page.js': ['text/javascript', bundles['page.js'].code],
      '/worker.js': ['text/javascript', bundles['worker.js'].code],
      '/vectors.json': ['application/json', vectors],
    };
    server = createServer((req, res) => {
      const route = routes[req.url ?? ''];
      if (route === undefined) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': route[0] }).end(route[1]);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = mkdtempSync(join(tmpdir(), 'randshim-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  });

  after(async () => {
    await context?.close();
    server?.close();
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
  });

  it('the browser bundles hold no node: import and not the node:crypto backends', () => {
    for (const [name, b] of Object.entries(bundles)) {
      const inputs = Object.keys(b.metafile.inputs);
      expect(inputs.filter((i) => i.startsWith('node:') || /node-backend|runtime-backends\.js$/.test(i)), name).to.deep.equal([]);
      expect(inputs.some((i) => i.endsWith('runtime-backends.browser.js')), name).to.equal(true);
      expect(b.code, name).to.not.match(/from\s*["']node:|import\(["']node:|require\(["']node:/);
    }
  });

  for (const realm of ['page', 'worker'] as const) {
    it(`in the ${realm}: all 14,401 NIST cases on the portable backend, and the smoke on each personality`, async function () {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => 'randshimBrowser' in globalThis);
      const results = await page.evaluate(async (where) => {
        const api = (globalThis as unknown as { randshimBrowser: Record<string, () => Promise<unknown>> }).randshimBrowser;
        return api[where === 'page' ? 'inPage' : 'inWorker']();
      }, realm) as BrowserResults;
      await page.close();
      expect(errors).to.deep.equal([]);
      expect(results.realm).to.equal(realm);
      expect(results.workerScope).to.equal(realm === 'worker');
      expect(results.hasProcess).to.equal(false);
      expect(results.defaultBackend).to.equal('pure');
      expect(results.availableBackends).to.deep.equal(['forge', 'pure']);
      let cases = 0;
      let bytes = 0;
      for (const [mech, want] of Object.entries(EXPECTED)) {
        const t = results.nist[mech];
        expect(t, mech).to.not.equal(undefined);
        expect(t.failures, mech).to.deep.equal([]);
        expect(t.stanzas, mech).to.equal(want.stanzas);
        expect(t.cases, mech).to.equal(want.cases);
        expect(t.passed, mech).to.equal(want.cases);
        cases += t.passed;
        bytes += t.bytesCompared;
      }
      expect(cases).to.equal(14401);
      expect(results.smoke).to.deep.equal(SMOKE);
      const n = (x: number): string => x.toLocaleString('en-US');
      console.log(`      ${realm}: ${n(cases)} NIST cases passed on ${results.defaultBackend} (${n(bytes)} bytes compared),`);
      console.log(`      ${Object.keys(results.smoke).length} smoke checks answered as OpenSSL does; ${results.seconds.toFixed(1)} s`);
    });
  }
});
