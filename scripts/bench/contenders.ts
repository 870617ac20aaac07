/**
 * Everything the benchmark runs, each as "fill this buffer with random bytes":
 * randshim's two personalities (RAND_bytes / RAND_priv_bytes), randshim's engine alone per
 * mechanism and backend, Node's own CSPRNG calls, system OpenSSL through the interop FFI, and
 * the npm DRBGs a user might pick instead (benchmark-only devDependencies).
 */
import { randomFillSync, getRandomValues, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import * as openssl111 from '../../compat/openssl111/index.js';
import * as openssl3 from '../../compat/openssl3/index.js';
import * as line35 from '../../compat/openssl3-lines/35.js';
import * as line36 from '../../compat/openssl3-lines/36.js';
import * as line40 from '../../compat/openssl3-lines/40.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloneGuard } from '../../provider/platform/clone-guard.js';
import { openVmclock } from '../../provider/platform/generation-counter.js';
import { DrbgCtx } from '../../provider/openssl3/rands/drbg.js';
import type { MechanismConfig } from '../../provider/sp800-90a/index.js';
import type { BackendName } from '../../provider/sp800-90a/primitives/backend.js';
import { loadLibCrypto3 } from '../../interop/builds/openssl3/libcrypto.js';
import { ParamArrays } from '../../interop/builds/openssl3/param-build.js';
import type { Contender } from './measure.js';
import { CLONE_CHECK, CLONE_CHECK_COUNTER } from './targets.js';
import { floors, perRequest } from './floors.js';
import { vmclockPage } from '../clone/vmclock-page.js';

const require = createRequire(import.meta.url);
/** getRandomValues refuses more than 65536 bytes a call (WebCrypto's quota). */
const GET_RANDOM_VALUES_QUOTA = 65536;

/** Calls `gen(n)` (returning a Buffer) per max_request piece of `out` and copies it in. */
function chunked(gen: (n: number) => Uint8Array): (out: Uint8Array) => void {
  return (out) => perRequest(out, (piece) => piece.set(gen(piece.length).subarray(0, piece.length)));
}

export const ENGINE_CONFIGS: readonly { label: string; config: MechanismConfig }[] = [
  { label: 'CTR AES-128 df', config: { type: 'CTR-DRBG', cipher: 'AES-128-CTR', useDf: true } },
  { label: 'CTR AES-128 no-df', config: { type: 'CTR-DRBG', cipher: 'AES-128-CTR', useDf: false } },
  { label: 'CTR AES-256 df', config: { type: 'CTR-DRBG', cipher: 'AES-256-CTR', useDf: true } },
  { label: 'CTR AES-256 no-df', config: { type: 'CTR-DRBG', cipher: 'AES-256-CTR', useDf: false } },
  { label: 'HASH SHA-256', config: { type: 'HASH-DRBG', digest: 'SHA2-256' } },
  { label: 'HASH SHA-512', config: { type: 'HASH-DRBG', digest: 'SHA2-512' } },
  { label: 'HMAC SHA-256', config: { type: 'HMAC-DRBG', digest: 'SHA2-256' } },
  { label: 'HMAC SHA-512', config: { type: 'HMAC-DRBG', digest: 'SHA2-512' } },
];

/** The engine alone: a parentless DrbgCtx seeded from the OS, no automatic reseeds (as the
 * peers never reseed), requests split at max_request like EVP_RAND_generate. */
function engine(label: string, config: MechanismConfig, backend: BackendName): Contender {
  const ctx = DrbgCtx.create({ mechanism: config, backend });
  if (ctx === null || !ctx.instantiate(0, false, null)) throw new Error(`engine ${label} failed to instantiate`);
  ctx.reseedInterval = 0;
  ctx.reseedTimeInterval = 0;
  return {
    name: `engine ${label} (${backend})`,
    group: 'engine',
    maxSize: backend === 'node' ? undefined : 1 << 20,
    run: (out) => {
      perRequest(out, (piece) => {
        if (!ctx.generate(piece, 0, false, null)) throw new Error('generate failed');
      });
    },
  };
}

/** OpenSSL's own DRBGs, one parentless EVP_RAND_CTX each (seeded from the OS as the engine is),
 * automatic reseeds off; EVP_RAND_generate splits 1 MiB at max_request itself (evp_rand.c). */
export const OPENSSL_DRBGS: readonly { label: string; type: string; params: [string, string][] }[] = [
  { label: 'CTR AES-256 df', type: 'CTR-DRBG', params: [['cipher', 'AES-256-CTR']] },
  { label: 'HASH SHA-256', type: 'HASH-DRBG', params: [['digest', 'SHA2-256']] },
  { label: 'HASH SHA-512', type: 'HASH-DRBG', params: [['digest', 'SHA2-512']] },
  { label: 'HMAC SHA-256', type: 'HMAC-DRBG', params: [['mac', 'HMAC'], ['digest', 'SHA2-256']] },
  { label: 'HMAC SHA-512', type: 'HMAC-DRBG', params: [['mac', 'HMAC'], ['digest', 'SHA2-512']] },
];

function systemOpenssl(): Contender[] {
  const crypto = loadLibCrypto3();
  const randBytes = crypto.library.func('RAND_bytes', 'int', ['bytes', 'int']) as (buf: Uint8Array, n: number) => number;
  const params = new ParamArrays(crypto);
  const list: Contender[] = [
    {
      name: 'OpenSSL RAND_bytes (FFI)', group: 'openssl',
      run: (out) => {
        if (randBytes(out, out.length) !== 1) throw new Error('RAND_bytes failed');
      },
    },
  ];
  for (const { label, type, params: named } of OPENSSL_DRBGS) {
    const rand = crypto.EVP_RAND_fetch(0n, type, null);
    const ctx = crypto.EVP_RAND_CTX_new(rand, 0n);
    const set = params.build([
      ...named.map(([key, value]) => [key, { type: 'utf8', value }] as const),
      ['reseed_requests', { type: 'uint', value: 0 }],
      ['reseed_time_interval', { type: 'uint', value: 0 }],
    ]);
    if (!crypto.EVP_RAND_CTX_set_params(ctx, set) || !crypto.EVP_RAND_instantiate(ctx, 0, 0, null, 0, 0n)) {
      throw new Error(`system OpenSSL ${type} ${label} failed to instantiate`);
    }
    list.push({
      name: `OpenSSL EVP_RAND_generate ${label} (FFI)`, group: 'openssl',
      run: (out) => {
        if (crypto.EVP_RAND_generate(ctx, out, out.length, 0, 0, null, 0) !== 1) throw new Error('EVP_RAND_generate failed');
      },
    });
  }
  return list;
}

function peers(): Contender[] {
  // bcrypto chooses its backend when first loaded: force its JavaScript DRBGs.
  process.env.NODE_BACKEND = 'js';
  const BCtr = require('bcrypto/lib/ctr-drbg');
  const BHash = require('bcrypto/lib/hash-drbg');
  const BHmac = require('bcrypto/lib/hmac-drbg');
  const BSHA256 = require('bcrypto/lib/sha256');
  const drbgjs = require('drbg.js');
  const HmacDrbgNpm = require('hmac-drbg');
  const hashjs = require('hash.js');
  const forge = require('node-forge');
  const seed = (n: number): Buffer => randomBytes(n);
  const bctr = new BCtr(256, true, seed(32), seed(16), Buffer.alloc(0));
  const bhash = new BHash(BSHA256, seed(32), seed(16));
  const bhmac = new BHmac(BSHA256, seed(32), seed(16));
  const dhash = new drbgjs.HashDRBG('sha256', seed(32), seed(16), Buffer.alloc(0));
  const dhmac = new drbgjs.HmacDRBG('sha256', seed(32), seed(16), Buffer.alloc(0));
  const hd = new HmacDrbgNpm({ hash: hashjs.sha256, entropy: seed(32), nonce: seed(16), pers: null });
  return [
    { name: 'bcrypto CTR-DRBG AES-256 (js)', group: 'peer', run: chunked((n) => bctr.generate(n)) },
    { name: 'bcrypto Hash-DRBG SHA-256 (js)', group: 'peer', run: chunked((n) => bhash.generate(n)) },
    { name: 'bcrypto HMAC-DRBG SHA-256 (js)', group: 'peer', run: chunked((n) => bhmac.generate(n)) },
    { name: 'drbg.js Hash-DRBG SHA-256', group: 'peer', run: chunked((n) => dhash.generate(n)) },
    { name: 'drbg.js HMAC-DRBG SHA-256', group: 'peer', run: chunked((n) => dhmac.generate(n)) },
    { name: 'hmac-drbg SHA-256 (hash.js)', group: 'peer', run: chunked((n) => Uint8Array.from(hd.generate(n))) },
    {
      name: 'node-forge random', group: 'peer',
      run: chunked((n) => Buffer.from(forge.random.getBytesSync(n), 'binary')),
    },
  ];
}

export function contenders(): Contender[] {
  const list: Contender[] = [
    { name: 'randshim RAND_bytes (3.x)', group: 'randshim', run: (out) => check(openssl3.RAND_bytes(out, out.length)) },
    { name: 'randshim RAND_priv_bytes (3.x)', group: 'randshim', run: (out) => check(openssl3.RAND_priv_bytes(out, out.length)) },
    // The newer lines (compat/openssl3-lines): the same code under each line's behaviour row.
    { name: 'randshim RAND_bytes (3.5)', group: 'randshim', run: (out) => check(line35.RAND_bytes(out, out.length)) },
    { name: 'randshim RAND_bytes (3.6)', group: 'randshim', run: (out) => check(line36.RAND_bytes(out, out.length)) },
    { name: 'randshim RAND_bytes (4.0)', group: 'randshim', run: (out) => check(line40.RAND_bytes(out, out.length)) },
    { name: 'randshim RAND_bytes (1.1.1)', group: 'randshim', run: (out) => check(openssl111.RAND_bytes(out, out.length)) },
    { name: 'randshim RAND_priv_bytes (1.1.1)', group: 'randshim', run: (out) => check(openssl111.RAND_priv_bytes(out, out.length)) },
    { name: 'node crypto.randomFillSync', group: 'node', run: (out) => void randomFillSync(out) },
    {
      name: 'node crypto.getRandomValues', group: 'node',
      run: (out) => {
        for (let off = 0; off < out.length; off += GET_RANDOM_VALUES_QUOTA) {
          getRandomValues(out.subarray(off, Math.min(out.length, off + GET_RANDOM_VALUES_QUOTA)));
        }
      },
    },
    ...floors(),
    ...systemOpenssl(),
  ];
  for (const backend of ['node', 'pure', 'forge'] as const) {
    for (const { label, config } of ENGINE_CONFIGS) list.push(engine(label, config, backend));
  }
  list.push(...peers());
  list.push(...cloneChecks());
  return list;
}

/**
 * What every generate now does besides OpenSSL's own work: compare the fork id and the clone
 * guard's epoch with those recorded at the last seed (DrbgCtx.depleted computes exactly that),
 * without and with a VM generation counter read through a mapped page (a vmclock-layout file).
 * The size is irrelevant: measured at 16 and 32 B only, to put against RAND_bytes(32).
 */
function cloneChecks(): Contender[] {
  const plain = DrbgCtx.create({ mechanism: ENGINE_CONFIGS[0].config, cloneGuard: new CloneGuard() });
  const dir = mkdtempSync(join(tmpdir(), 'randshim-bench-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'vmclock');
  writeFileSync(file, vmclockPage(1n));
  const watching = new CloneGuard();
  watching.watch(() => openVmclock(file, 'mmap'));
  const counted = DrbgCtx.create({ mechanism: ENGINE_CONFIGS[0].config, cloneGuard: watching });
  const list: Contender[] = [];
  for (const [name, ctx] of [[CLONE_CHECK, plain], [CLONE_CHECK_COUNTER, counted]] as const) {
    if (ctx === null || !ctx.instantiate(0, false, null)) throw new Error(`${name}: DRBG failed to instantiate`);
    list.push({
      name, group: 'randshim', maxSize: 32,
      run: () => {
        if (ctx.depleted) throw new Error(`${name}: unexpected clone signal`);
      },
    });
  }
  return list;
}

function check(ret: number): void {
  if (ret !== 1) throw new Error(`RAND_bytes returned ${ret}`);
}
