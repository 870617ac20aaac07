/**
 * The child program of the FIPS-provider oracle: runs in Node started under a line's own
 * ld-linux (../openssl-lines/process.ts childCommand), loads the line's libcrypto (argv[2]) with
 * RTLD_DEEPBIND, and serves {@link FipsRequest}s from stdin; chains run through the suite's C-side
 * runner (interop/suites/fips/c-chain.ts).
 *
 * The self-test callback is registered on the library context before the FIPS provider loads
 * (OSSL_SELF_TEST_set_callback; the POST runs in OSSL_provider_init, once per process), and
 * reads the event's parameters as UTF8 strings (OSSL_PARAM_get_utf8_string_ptr). Returning 0
 * on the Corrupt phase of the targeted test makes OSSL_SELF_TEST_oncorrupt_byte flip the
 * test's output (providers/fips/self_test.c), as `fipsinstall -corrupt_desc/-corrupt_type` does.
 */
import { writeSync } from 'node:fs';
import { koffi } from '../../ffi/engines.js';
import { serveRequests } from '../openssl111/node16-protocol.js';
import { drainErrors3 } from '../openssl3/error-names.js';
import { loadLibCrypto3, type LibCrypto3 } from '../openssl3/libcrypto.js';
import { ParamArrays } from '../openssl3/param-build.js';
import type { Pointer } from '../../ffi/types.js';
import { runChainC } from '../../suites/fips/c-chain.js';
import { runSelectionC, type SelectionLib } from '../../suites/fips/selection-c.js';
import { EVENT_PREFIX, type FipsRequest, type FipsResponse, type LoadResult } from './protocol.js';
import type { CorruptTarget, SelfTestEvent } from '../../suites/fips/scenario.js';

/** OSSL_PARAM_UTF8_PTR / OSSL_PARAM_INTEGER (include/openssl/core.h); sizeof(OSSL_PARAM) on LP64. */
const OSSL_PARAM_UTF8_PTR = 6;
const OSSL_PARAM_INTEGER = 1;
const PARAM_SIZE = 40;

const path = process.argv[2] ?? '';
const c: LibCrypto3 = loadLibCrypto3({ path });
const engine = koffi();
const lib = c.library;
const setSelfTestCallback = lib.func('OSSL_SELF_TEST_set_callback', 'void', ['ptr', 'ptr', 'ptr']);
const loadConfig = lib.func('OSSL_LIB_CTX_load_config', 'int', ['ptr', 'cstr']);
const providerSelfTest = lib.func('OSSL_PROVIDER_self_test', 'int', ['ptr']);
const providerGetParams = lib.func('OSSL_PROVIDER_get_params', 'int', ['ptr', 'ptr']);
const getUtf8Ptr = lib.func('OSSL_PARAM_get_utf8_string_ptr', 'int', ['ptr', 'bytes']);
const params = new ParamArrays(c);
const selectionLib: SelectionLib = {
  c, params, loadConfig: (ctx, file) => loadConfig(ctx, file) as number,
  setDefaultProperties: lib.func('EVP_set_default_properties', 'int', ['ptr', 'cstr']) as SelectionLib['setDefaultProperties'],
  isFipsEnabled: lib.func('EVP_default_properties_is_fips_enabled', 'int', ['ptr']) as SelectionLib['isFipsEnabled'],
};

const events: SelfTestEvent[] = [];
let corrupt: CorruptTarget | null = null;
const cell = new Uint8Array(8);

function utf8Param(array: Pointer, key: string): string {
  const p = c.OSSL_PARAM_locate(array, key);
  if (p === 0n || getUtf8Ptr(p, cell) !== 1) return '';
  return engine.readCString(new DataView(cell.buffer).getBigUint64(0, true)) ?? '';
}

// int (*OSSL_CALLBACK)(const OSSL_PARAM params[], void *arg)
const callback = engine.callback('int', ['ptr', 'ptr'], (array: Pointer) => {
  const e = { phase: utf8Param(array, 'st-phase'), type: utf8Param(array, 'st-type'), desc: utf8Param(array, 'st-desc') };
  events.push(e);
  // also written at once to stderr, so the parent still sees the events of a test that
  // crashes the library before the response is written (4.0: a corrupted HASH or HMAC test)
  writeSync(2, `${EVENT_PREFIX}${JSON.stringify(e)}\n`);
  if (e.phase !== 'Corrupt' || corrupt === null) return 1;
  const hit = (corrupt.desc === undefined || corrupt.desc === e.desc) && (corrupt.type === undefined || corrupt.type === e.type);
  return hit ? 0 : 1;
});

let libctx: Pointer = 0n;
let fips: Pointer = 0n;

/** OSSL_PROVIDER_get_params(name, version, buildinfo as UTF8 pointers; status as int). */
function providerInfo(prov: Pointer): LoadResult['provider'] {
  const keys = ['name', 'version', 'buildinfo', 'status'];
  const block = engine.allocate(PARAM_SIZE * (keys.length + 1));
  const data = engine.allocate(8 * keys.length);
  try {
    const image = new Uint8Array(PARAM_SIZE * (keys.length + 1));
    const view = new DataView(image.buffer);
    keys.forEach((k, i) => {
      view.setBigUint64(i * PARAM_SIZE, params.key(k), true);
      view.setUint32(i * PARAM_SIZE + 8, k === 'status' ? OSSL_PARAM_INTEGER : OSSL_PARAM_UTF8_PTR, true);
      view.setBigUint64(i * PARAM_SIZE + 16, data.address + BigInt(8 * i), true);
      view.setBigUint64(i * PARAM_SIZE + 24, k === 'status' ? 4n : 8n, true);
    });
    block.write(0, image);
    data.write(0, new Uint8Array(8 * keys.length));
    if (providerGetParams(prov, block.address) !== 1) return null;
    const cells = new DataView(data.read(0, 8 * keys.length).buffer);
    const str = (i: number): string => engine.readCString(cells.getBigUint64(8 * i, true)) ?? '';
    return { name: str(0), version: str(1), buildinfo: str(2), status: cells.getInt32(24, true) };
  } finally {
    block.free();
    data.free();
  }
}

function answer(request: FipsRequest): FipsResponse {
  const drained = (): SelfTestEvent[] => events.splice(0, events.length);
  switch (request.op) {
    case 'exit':
      return { id: request.id, ok: true, events: drained() };
    case 'load': {
      c.ERR_clear_error();
      libctx = c.OSSL_LIB_CTX_new();
      setSelfTestCallback(libctx, callback.address, 0n);
      corrupt = request.corrupt;
      const ret = loadConfig(libctx, request.config);
      corrupt = null;
      const available = c.OSSL_PROVIDER_available(libctx, 'fips');
      const errors = drainErrors3(c);
      fips = available === 1 ? c.OSSL_PROVIDER_load(libctx, 'fips') : 0n;
      const provider = fips === 0n ? null : providerInfo(fips);
      c.ERR_clear_error();
      return { id: request.id, ok: true, events: drained(),
        load: { loadConfig: ret, available, errors, provider, library: c.OpenSSL_version(0) ?? '' } };
    }
    case 'selftest': {
      if (fips === 0n) return { id: request.id, ok: false, error: 'the FIPS provider is not loaded' };
      drained();
      c.ERR_clear_error();
      corrupt = request.corrupt;
      const ret = providerSelfTest(fips);
      corrupt = null;
      const errors = drainErrors3(c);
      const status = providerInfo(fips)?.status ?? -1;
      c.ERR_clear_error();
      return { id: request.id, ok: true, events: drained(), selfTest: { ret, errors, status } };
    }
    case 'chains': {
      if (libctx === 0n) return { id: request.id, ok: false, error: 'no library context: send load first' };
      corrupt = request.corrupt ?? null;
      const runs = request.chains.map((chain) => runChainC(c, params, libctx, chain));
      corrupt = null;
      return { id: request.id, ok: true, events: drained(), runs };
    }
    case 'selection': {
      const selection = request.cases.map((sc) => runSelectionC(selectionLib, request.config, sc));
      return { id: request.id, ok: true, events: drained(), selection };
    }
    default:
      return { id: (request as { id: number }).id, ok: false, error: `unknown op ${JSON.stringify(request)}` };
  }
}

serveRequests<FipsRequest, FipsResponse>(answer);
