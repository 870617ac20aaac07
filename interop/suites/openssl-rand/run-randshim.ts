/**
 * randshim's reproduction of an `openssl rand` command: the command ported onto compat/openssl3
 * (./rand-app.ts: RAND_load_file, RAND_bytes, RAND_write_file, ERR_get_error), run as a fresh
 * process would run it: the personality reset to the build's environment (its pointer size, the
 * build's getpid() and thread id, the pinned clock and /dev/urandom stream), the
 * `[random]` section handed to RANDSHIM_3_configure as OpenSSL's config loader hands it to
 * random_conf_init, and the personality reset again when the command exits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as R from '../../../compat/openssl3/index.js';
import { writeU32LE, writeU64LE } from '../../../provider/bytes.js';
import { RAND_POOL_MAX_LENGTH, type EntropyPoll } from '../../../provider/rand-pool/os-pool.js';
import { captureErrors, errorQueue, raise } from '../../../provider/err/queue.js';
import { withLine } from '../../../provider/openssl3/lines.js';
import { runRandApp } from './rand-app.js';
import { PinnedUrandom } from './pinned-urandom.js';
import type { CommandEnvironment, RandCommand, RandCommandOutcome } from './command.js';

/** The build's OS as randshim's environment sees it: /dev/urandom reads sized as
 * ossl_rand_pool_bytes_needed sizes them (ceil(entropy / 8), at least min_len, refused over
 * max_len capped at RAND_POOL_MAX_LENGTH). */
function urandomPoll(urandom: PinnedUrandom): EntropyPoll {
  return (entropy, minLen, maxLen) => {
    const len = Math.max(entropy > 0 ? Math.ceil(entropy / 8) : 0, minLen);
    if (len > Math.min(maxLen, RAND_POOL_MAX_LENGTH)) {
      raise('RAND', 'RANDOM_POOL_OVERFLOW');
      return null;
    }
    return urandom.read(len);
  };
}

/**
 * The nonce a parentless DRBG gets (prov_drbg_get_nonce + ossl_rand_get_nonce):
 * ossl_pool_add_nonce_data's {pid_t pid; CRYPTO_THREAD_ID tid; uint64_t time} followed by the
 * salt {void *drbg; int count}, count being the process-wide nonce counter after its increment
 * and time = seconds << 32 | nanoseconds of CLOCK_REALTIME. On wasm32 (4-byte pointers, no
 * threads: tid 0) that is 4 + 4 + 8 then 4 + 4 = 24 bytes; natively on x86_64 the same fields
 * with 64-bit alignment, {pid, 4 bytes padding, pthread_self(), time} then {drbg, count,
 * 4 bytes padding} = 40 bytes.
 */
export function nonceSource(pid: number, clockMs: number, pointerBytes: 4 | 8 = 4,
  threadId = 0n): (identity: Uint8Array) => Uint8Array {
  const wide = pointerBytes === 8;
  let count = 0;
  return (identity) => {
    const out = new Uint8Array(wide ? 40 : 24);
    writeU32LE(out, 0, pid);
    if (wide) writeU64LE(out, 8, threadId);
    const seconds = BigInt(Math.floor(clockMs / 1000));
    const nanos = BigInt(Math.round((clockMs % 1000) * 1e6));
    const time = wide ? 16 : 8;
    writeU64LE(out, time, (seconds << 32n) + nanos);
    out.set(identity.subarray(0, pointerBytes), time + 8);
    writeU32LE(out, time + 8 + pointerBytes, ++count);
    return out;
  };
}

/** An address as a DRBG passes `(unsigned char *)&drbg, sizeof(drbg)`: LE32 on wasm32, LE64
 * natively. */
export function addressBytes(address: number, pointerBytes: 4 | 8 = 4): Uint8Array {
  const out = new Uint8Array(pointerBytes);
  if (pointerBytes === 4) writeU32LE(out, 0, address);
  else writeU64LE(out, 0, BigInt(address));
  return out;
}

let workDir: string | undefined;

/** The directory the reproduced commands' -rand and -writerand files live in (one per
 * process, removed at exit). */
function commandDir(): string {
  if (workDir === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'randshim-openssl-rand-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    workDir = dir;
  }
  return workDir;
}

/**
 * Runs `cmd` on randshim: compat/openssl3 reset to the build's `environment` (the same pinned
 * urandom stream and clock, the primary's identity set to the recovered `primaryAddress`),
 * configured with the command's `[random]` section, then `openssl rand` ported onto it.
 */
export function reproduceRandCommand(cmd: RandCommand, primaryAddress: number | null,
  environment: CommandEnvironment, threadId: bigint | null = null): RandCommandOutcome {
  return withLine(environment.line ?? '3.0', () => reproduceOnLine(cmd, primaryAddress, environment, threadId));
}

function reproduceOnLine(cmd: RandCommand, primaryAddress: number | null,
  environment: CommandEnvironment, threadId: bigint | null): RandCommandOutcome {
  const pointerBytes = environment.pointerBytes ?? 4;
  const urandom = new PinnedUrandom(cmd.urandomSeed);
  const clockMs = cmd.clockMs ?? environment.defaultClockMs;
  // The command runs as a fresh process: on an empty error queue, the caller's entries put back after.
  const queue = errorQueue();
  const saved = queue.splice(0);
  try {
    R.RANDSHIM_3_reset({
      osEntropy: urandomPoll(urandom),
      osNonce: nonceSource(environment.pid, clockMs, pointerBytes, threadId ?? 0n),
      clock: () => Math.floor(clockMs / 1000),
      forkId: () => environment.pid,
    }, { identities: { primary: addressBytes(primaryAddress ?? 0, pointerBytes) } });
    // OPENSSL_init_crypto's config loading (CONF_modules_load_file with the default flags)
    // pops whatever the modules raised, e.g. an unknown name in [random].
    const section = cmd.random;
    if (section !== undefined) captureErrors(() => R.RANDSHIM_3_configure(section));
    const outcome = runRandApp(cmd, commandDir());
    return { ...outcome, urandomBytesRead: urandom.consumed };
  } finally {
    R.RANDSHIM_3_reset();
    queue.splice(0, queue.length, ...saved);
  }
}
