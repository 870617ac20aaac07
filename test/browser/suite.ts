/**
 * What the Chromium spec runs inside the browser, in a page and in a Web Worker alike: every
 * NIST CAVP case on the portable backend, and a RAND_bytes / RAND_add / EVP_RAND (1.1.1:
 * RAND_DRBG) smoke on each personality, through the modules package.json exports. Bundled by
 * esbuild for the browser (chromium.spec.ts); the results are plain JSON for the spec to assert.
 */
import { AVAILABLE_BACKEND_NAMES, DEFAULT_BACKEND_NAME, Drbg, kernelRandom } from '../../provider/index.js';
import * as o111 from '../../compat/openssl111/index.js';
import * as o3 from '../../compat/openssl3/index.js';
import * as line30 from '../../compat/openssl3-lines/30.js';
import * as line35 from '../../compat/openssl3-lines/35.js';
import * as line36 from '../../compat/openssl3-lines/36.js';
import * as line40 from '../../compat/openssl3-lines/40.js';
import { observeLine } from '../build/line-observe.js';
import type { EvpRandStanza } from '../../vectors/evprand.js';
import { runSuite } from '../../vectors/runner.js';

export interface NistTotals {
  readonly stanzas: number;
  readonly cases: number;
  readonly passed: number;
  readonly bytesCompared: number;
  readonly failures: readonly string[];
}

export interface BrowserResults {
  readonly realm: string;
  /** Whether the suite really ran in a WorkerGlobalScope, and whether a `process` was there. */
  readonly workerScope: boolean;
  readonly hasProcess: boolean;
  readonly defaultBackend: string;
  readonly availableBackends: readonly string[];
  readonly nist: Record<string, NistTotals>;
  /** Each smoke call's name and what it returned. */
  readonly smoke: Record<string, number | boolean>;
  readonly seconds: number;
}

const scope = globalThis as { WorkerGlobalScope?: abstract new () => unknown };
const differ = (a: Uint8Array, b: Uint8Array): boolean => a.some((x, i) => x !== b[i]);
const nonZero = (a: Uint8Array): boolean => a.some((x) => x !== 0);

function smoke111(): Record<string, number | boolean> {
  const a = new Uint8Array(48);
  const b = new Uint8Array(48);
  const r: Record<string, number | boolean> = {};
  r['1.1.1 RAND_bytes'] = o111.RAND_bytes(a, a.length);
  o111.RAND_add(new TextEncoder().encode('browser seed material, 32 bytes!'), 32, 32);
  r['1.1.1 RAND_status after RAND_add'] = o111.RAND_status();
  r['1.1.1 RAND_priv_bytes'] = o111.RAND_priv_bytes(b, b.length);
  r['1.1.1 outputs differ'] = differ(a, b) && nonZero(a);
  const drbg = o111.RAND_DRBG_new(o111.NID_aes_256_ctr, 0, null);
  r['1.1.1 RAND_DRBG_new'] = drbg !== null;
  if (drbg !== null) {
    r['1.1.1 RAND_DRBG_instantiate'] = o111.RAND_DRBG_instantiate(drbg, null, 0);
    r['1.1.1 RAND_DRBG_generate'] = o111.RAND_DRBG_generate(drbg, a, a.length, 0, null, 0);
    o111.RAND_DRBG_free(drbg);
  }
  // No file system: fopen fails, so OpenSSL's answer is -1 with RAND_R_CANNOT_OPEN_FILE.
  o111.ERR_clear_error();
  r['1.1.1 RAND_load_file (no file system)'] = o111.RAND_load_file('/etc/passwd', 16);
  r['1.1.1 ERR reason'] = o111.ERR_GET_REASON(o111.ERR_get_error());
  return r;
}

function smoke3(): Record<string, number | boolean> {
  const a = new Uint8Array(48);
  const b = new Uint8Array(48);
  const r: Record<string, number | boolean> = {};
  r['3 RAND_bytes'] = o3.RAND_bytes(a, a.length);
  o3.RAND_add(new TextEncoder().encode('browser seed material, 32 bytes!'), 32, 32);
  r['3 RAND_status after RAND_add'] = o3.RAND_status();
  r['3 RAND_priv_bytes'] = o3.RAND_priv_bytes(b, b.length);
  r['3 outputs differ'] = differ(a, b) && nonZero(a);
  const rand = o3.EVP_RAND_fetch(null, 'HMAC-DRBG', null);
  r['3 EVP_RAND_fetch'] = rand !== null;
  const ctx = o3.EVP_RAND_CTX_new(rand, null);
  r['3 EVP_RAND_CTX_new'] = ctx !== null;
  if (ctx !== null) {
    const params = [
      // drbg_hmac.c wants both: without OSSL_DRBG_PARAM_MAC instantiate fails (MISSING_MAC).
      o3.OSSL_PARAM_construct_utf8_string(o3.OSSL_DRBG_PARAM_MAC, 'HMAC', 0),
      o3.OSSL_PARAM_construct_utf8_string(o3.OSSL_DRBG_PARAM_DIGEST, 'SHA256', 0),
      o3.OSSL_PARAM_construct_end(),
    ];
    r['3 EVP_RAND_instantiate'] = o3.EVP_RAND_instantiate(ctx, 256, 0, null, 0, params);
    r['3 EVP_RAND_generate'] = o3.EVP_RAND_generate(ctx, a, a.length, 256, 0, null, 0);
    r['3 EVP_RAND_get_state'] = o3.EVP_RAND_get_state(ctx);
    o3.EVP_RAND_CTX_free(ctx);
  }
  o3.EVP_RAND_free(rand);
  o3.ERR_clear_error();
  r['3 RAND_load_file (no file system)'] = o3.RAND_load_file('/etc/passwd', 16);
  r['3 ERR reason'] = o3.ERR_GET_REASON(o3.ERR_get_error());
  return r;
}

function smokeProvider(): Record<string, number | boolean> {
  const drbg = new Drbg({ mechanism: { type: 'CTR-DRBG', cipher: 'AES-256-CTR' } });
  drbg.instantiate();
  const out = drbg.generate(32);
  drbg.uninstantiate();
  return { 'provider Drbg generate': out.length === 32 && nonZero(out), 'provider kernelRandom': nonZero(kernelRandom(new Uint8Array(64))) };
}

/** The per-line entries, written from one template by scripts/build/line-entries.ts: in one
 * bundle, each still runs its calls as its own line. */
function smokeLines(): Record<string, boolean> {
  const entries = { '3.0': line30, 3.5: line35, 3.6: line36, '4.0': line40 };
  return Object.fromEntries(Object.entries(entries).map(([line, p]) => [`compat/${line} runs as ${line}`, observeLine(p).line === line]));
}

/** Runs everything on `stanzas` (the NIST vectors, fetched by the caller). */
export function runBrowserSuite(realm: string, stanzas: readonly EvpRandStanza[]): BrowserResults {
  const start = performance.now();
  const nist: Record<string, NistTotals> = {};
  for (const [mech, t] of runSuite(stanzas, DEFAULT_BACKEND_NAME)) {
    nist[mech] = { stanzas: t.stanzas, cases: t.cases, passed: t.passed, bytesCompared: t.bytesCompared, failures: t.failures.slice(0, 3).map((f) => JSON.stringify(f)) };
  }
  const smoke = { ...smoke111(), ...smoke3(), ...smokeProvider(), ...smokeLines() };
  return {
    realm,
    workerScope: typeof scope.WorkerGlobalScope === 'function' && globalThis instanceof scope.WorkerGlobalScope,
    hasProcess: 'process' in globalThis,
    defaultBackend: DEFAULT_BACKEND_NAME, availableBackends: AVAILABLE_BACKEND_NAMES, nist, smoke,
    seconds: (performance.now() - start) / 1000,
  };
}
