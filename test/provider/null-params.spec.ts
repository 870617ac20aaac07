/**
 * The return-code layer answers bad input with OpenSSL's return value and error queue, never an
 * exception. Where C can pass the same input (a UTF8 parameter whose data pointer is NULL), the
 * answer is the system libcrypto.so.3's, run side by side: the set_ctx_params return value, what
 * it raised, and what the "digest" / "mac" getters report afterwards. Where C cannot (a length
 * beyond the buffer given with it), randshim returns 0 with ERR_R_PASSED_INVALID_ARGUMENT.
 */
import { expect } from 'chai';
import { CParamArray, loadLibCrypto3, type LibCrypto3 } from '../../interop/builds/openssl3/index.js';
import { drainErrors3 } from '../../interop/builds/openssl3/error-names.js';
import { captureErrors, type RaisedError } from '../../provider/err/queue.js';
import {
  OSSL_PARAM_construct_end, OSSL_PARAM_construct_octet_string, OSSL_PARAM_construct_utf8_string, OSSL_PARAM_DEFN,
  OSSL_PARAM_get_octet_string, OSSL_PARAM_get_utf8_string, OSSL_PARAM_set_octet_string, paramCString,
} from '../../provider/openssl3/core/ossl-param.js';
import { OSSL_PARAM_UTF8_STRING, type OSSL_PARAM } from '../../provider/openssl3/core/param-memory.js';
import { DefaultChain3x } from '../../provider/openssl3/rand/default-chain.js';
import { DrbgCtx, type UnconfiguredMechanism } from '../../provider/openssl3/rands/drbg.js';

type Mechanism = 'CTR-DRBG' | 'HASH-DRBG' | 'HMAC-DRBG';

/** One set_ctx_params call on a fresh DRBG after `setup`, then the getters. */
interface Case {
  readonly mechanism: Mechanism;
  readonly setup: readonly [string, string][];
  /** The parameter given with NULL data, and its data_size. */
  readonly nullKey: string;
  readonly nullSize: number;
  readonly read: readonly string[];
}

const CASES: readonly Case[] = [
  { mechanism: 'HASH-DRBG', setup: [], nullKey: 'digest', nullSize: 0, read: ['digest'] },
  { mechanism: 'HASH-DRBG', setup: [['digest', 'SHA256']], nullKey: 'digest', nullSize: 16, read: ['digest'] },
  { mechanism: 'HMAC-DRBG', setup: [['mac', 'HMAC'], ['digest', 'SHA256']], nullKey: 'digest', nullSize: 0, read: ['digest', 'mac'] },
  { mechanism: 'HMAC-DRBG', setup: [['mac', 'HMAC'], ['digest', 'SHA256']], nullKey: 'mac', nullSize: 8, read: ['digest', 'mac'] },
  { mechanism: 'HMAC-DRBG', setup: [], nullKey: 'mac', nullSize: 0, read: ['mac'] },
  // drbg_ctr_set_ctx_params checks data_size >= 3 before reading the name: 0 without a crash.
  { mechanism: 'CTR-DRBG', setup: [['cipher', 'AES-256-CTR']], nullKey: 'cipher', nullSize: 2, read: ['cipher'] },
];

function setupParams(c: Case): OSSL_PARAM[] {
  return [...c.setup.map(([k, v]) => OSSL_PARAM_construct_utf8_string(k, v, 0)), OSSL_PARAM_construct_end()];
}

function nullParams(c: Case): OSSL_PARAM[] {
  return [OSSL_PARAM_DEFN(c.nullKey, OSSL_PARAM_UTF8_STRING, null, c.nullSize), OSSL_PARAM_construct_end()];
}

function getterParams(key: string): OSSL_PARAM[] {
  return [OSSL_PARAM_construct_utf8_string(key, new Uint8Array(64), 64), OSSL_PARAM_construct_end()];
}

interface Outcome {
  setup: number;
  ret: number;
  raised: string[];
  read: [string, number, string | null][];
}

const named = (errors: readonly { lib: string; reason: string }[]): string[] => errors.map((e) => `${e.lib}:${e.reason}`);

function inRandshim(c: Case): Outcome {
  const ctx = new DrbgCtx({ mechanism: { type: c.mechanism } as UnconfiguredMechanism });
  const setup = captureErrors(() => ctx.setCtxParamArray(setupParams(c)));
  const call = captureErrors(() => ctx.setCtxParamArray(nullParams(c)));
  const read = c.read.map((key): [string, number, string | null] => {
    const params = getterParams(key);
    const ok = captureErrors(() => ctx.getCtxParamArray(params)).result;
    return [key, ok ? 1 : 0, ok ? paramCString(params[0]) : null];
  });
  ctx.free();
  return { setup: setup.result ? 1 : 0, ret: call.result ? 1 : 0, raised: named(call.raised), read };
}

function inLibcrypto(lib: LibCrypto3, c: Case): Outcome {
  const rand = lib.EVP_RAND_fetch(0n, c.mechanism, null);
  const ctx = lib.EVP_RAND_CTX_new(rand, 0n);
  drainErrors3(lib);
  const set = (params: OSSL_PARAM[]): [number, string[]] => {
    const array = new CParamArray(lib.engine, params);
    const ret = lib.EVP_RAND_CTX_set_params(ctx, array.address);
    array.free();
    return [ret, named(drainErrors3(lib))];
  };
  const [setup] = set(setupParams(c));
  const [ret, raised] = set(nullParams(c));
  const read = c.read.map((key): [string, number, string | null] => {
    const params = getterParams(key);
    const array = new CParamArray(lib.engine, params);
    const ok = lib.EVP_RAND_CTX_get_params(ctx, array.address);
    array.syncBack();
    array.free();
    drainErrors3(lib);
    return [key, ok, ok ? paramCString(params[0]) : null];
  });
  lib.EVP_RAND_CTX_free(ctx);
  lib.EVP_RAND_free(rand);
  return { setup, ret, raised, read };
}

const PASSED_INVALID_ARGUMENT: RaisedError[] = [{ lib: 'CRYPTO', reason: 'PASSED_INVALID_ARGUMENT' }];

describe('bad input in the return-code layer', () => {
  it('a UTF8 parameter with NULL data: the same answers as libcrypto.so.3', () => {
    const lib = loadLibCrypto3();
    const diffs: string[] = [];
    for (const c of CASES) {
      const ours = inRandshim(c);
      const theirs = inLibcrypto(lib, c);
      expect(theirs.setup, `${c.mechanism} setup`).to.equal(1);
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
        diffs.push(`${c.mechanism} ${c.nullKey}: randshim ${JSON.stringify(ours)} libcrypto ${JSON.stringify(theirs)}`);
      }
    }
    expect(diffs).to.deep.equal([]);
    expect(CASES.length).to.equal(6);
  });

  it('a "cipher" with NULL data that C would read: 0 and ERR_R_PASSED_NULL_PARAMETER, not a throw', () => {
    const ctx = new DrbgCtx({ mechanism: { type: 'CTR-DRBG' } });
    const params = [OSSL_PARAM_DEFN('cipher', OSSL_PARAM_UTF8_STRING, null, 11), OSSL_PARAM_construct_end()];
    const { result, raised } = captureErrors(() => ctx.setCtxParamArray(params));
    expect([result, raised]).to.deep.equal([false, [{ lib: 'CRYPTO', reason: 'PASSED_NULL_PARAMETER' }]]);
    ctx.free();
  });

  it('OSSL_PARAM string calls with a buffer shorter than its length: 0 and ERR_R_PASSED_INVALID_ARGUMENT', () => {
    const utf8 = OSSL_PARAM_construct_utf8_string('s', 'abcdefgh', 0);
    const short = { value: new Uint8Array(4) };
    expect(Object.values(captureErrors(() => OSSL_PARAM_get_utf8_string(utf8, short, 16)))).to.deep.equal([0, PASSED_INVALID_ARGUMENT]);
    expect(short.value).to.deep.equal(new Uint8Array(4));
    const exact = { value: new Uint8Array(8) };
    expect(Object.values(captureErrors(() => OSSL_PARAM_get_utf8_string(utf8, exact, 16)))).to.deep.equal([0, PASSED_INVALID_ARGUMENT]);
    const octets = OSSL_PARAM_construct_octet_string('o', new Uint8Array(8).fill(7), 8);
    const got = { value: new Uint8Array(3) as Uint8Array | null };
    expect(Object.values(captureErrors(() => OSSL_PARAM_get_octet_string(octets, got, 8, null)))).to.deep.equal([0, PASSED_INVALID_ARGUMENT]);
    expect(Object.values(captureErrors(() => OSSL_PARAM_set_octet_string(octets, new Uint8Array(2), 5)))).to.deep.equal([0, PASSED_INVALID_ARGUMENT]);
  });

  it('RAND_bytes / RAND_add on the chain with a num beyond the buffer: 0 and RAND ERR_R_PASSED_INVALID_ARGUMENT', () => {
    const chain = new DefaultChain3x();
    const buf = new Uint8Array(8);
    const expected = [0, [{ lib: 'RAND', reason: 'PASSED_INVALID_ARGUMENT' }]];
    expect(Object.values(captureErrors(() => chain.bytes(buf, 9)))).to.deep.equal(expected);
    expect(Object.values(captureErrors(() => chain.privBytes(buf, 1.5)))).to.deep.equal(expected);
    expect(Object.values(captureErrors(() => chain.add(buf, 9, 9)))).to.deep.equal(expected);
    expect(buf).to.deep.equal(new Uint8Array(8));
    // In range, the same calls work.
    expect(Object.values(captureErrors(() => chain.bytes(buf, 8)))).to.deep.equal([1, []]);
    chain.free();
  });
});
