/**
 * What randshim takes from the runtime it runs in, in one place: Node's built-in modules where
 * there are any, and what a browser or a Web Worker offers instead.
 *
 * Node's modules are reached through `process.getBuiltinModule` (Node 20.16+, Deno and Bun
 * too), never through a static `node:` import, so that the same modules load unchanged in a
 * browser, where bundlers find no `node:` import to resolve and `globalThis.process` does not
 * exist. What a browser lacks is stated per member below; docs/package.md sums it up.
 */
import type * as NodeFs from 'node:fs';
import type * as NodeModule from 'node:module';
import type * as NodeV8 from 'node:v8';

interface NodeProcessLike {
  readonly pid: number;
  readonly env: Record<string, string | undefined>;
  readonly hrtime: { bigint(): bigint };
  getBuiltinModule?: (id: string) => unknown;
}

/** Node's process, recognised by getBuiltinModule: a bundler's `process` shim in a browser
 * (an object with `env` and little else) is not taken for it. */
const globalProcess = (globalThis as { process?: NodeProcessLike }).process;
const nodeProcess = typeof globalProcess?.getBuiltinModule === 'function' ? globalProcess : undefined;
const getBuiltinModule = nodeProcess?.getBuiltinModule?.bind(nodeProcess);

/** Node's built-in module `id`, or undefined on a runtime without Node's modules. */
function builtin<T>(id: string): T | undefined {
  return getBuiltinModule === undefined ? undefined : (getBuiltinModule(id) as T | undefined);
}

/** The file-system calls randshim makes (OpenSSL's open/read/fstat/write on Unix). */
export type HostFs = Pick<typeof NodeFs,
  'openSync' | 'closeSync' | 'readSync' | 'writeSync' | 'fstatSync' | 'statSync' | 'chmodSync' | 'existsSync' | 'constants'>;

function noFileSystem(): never {
  throw Object.assign(new Error('no file system in this runtime'), { code: 'ENOSYS' });
}

/** A runtime without a file system: every open fails (so RAND_load_file raises
 * CANNOT_OPEN_FILE, as OpenSSL does for a file it cannot open) and nothing exists. */
const absentFs = {
  openSync: noFileSystem, closeSync: noFileSystem, readSync: noFileSystem, writeSync: noFileSystem,
  fstatSync: noFileSystem, statSync: noFileSystem, chmodSync: noFileSystem,
  existsSync: () => false,
  constants: { O_RDONLY: 0, O_WRONLY: 1, O_CREAT: 0o100 },
} as unknown as HostFs;

/** Whether this runtime has Node's built-in modules (Node, Deno, Bun; not a browser). */
export const hasNodeBuiltins = getBuiltinModule !== undefined;

/** node:fs, or a file system where nothing can be opened. */
export const hostFs: HostFs = builtin<HostFs>('node:fs') ?? absentFs;

/** node:v8's startupSnapshot (Node's snapshot builder), absent elsewhere. */
export const startupSnapshot: typeof NodeV8.startupSnapshot | undefined = builtin<typeof NodeV8>('node:v8')?.startupSnapshot;

/** node:module's createRequire, to load optional native packages (ffi-rs); absent elsewhere. */
export const createRequire: typeof NodeModule.createRequire | undefined = builtin<typeof NodeModule>('node:module')?.createRequire;

/** The environment variables (process.env); empty where the runtime has none. */
export const hostEnv: Record<string, string | undefined> = nodeProcess?.env ?? {};

/** The process id (openssl_get_fork_id() on Unix). A browser has no fork(): a page or a
 * worker cannot be copied while running, so its "fork id" is the constant 0. */
export function processId(): number {
  return nodeProcess === undefined ? 0 : nodeProcess.pid;
}

/** Node's worker threadId (0 on the main thread); 0 in a browser, where a Worker has no id. */
export const threadId: number = builtin<{ threadId: number }>('node:worker_threads')?.threadId ?? 0;

/** Nanoseconds within the current millisecond: hrtime where there is one, else the fraction of
 * performance.now() (coarsened by browsers to 5-100 microseconds). */
export function subMillisecondNanos(): bigint {
  if (nodeProcess !== undefined) return nodeProcess.hrtime.bigint() % 1_000_000n;
  const now = globalThis.performance?.now() ?? 0;
  return BigInt(Math.floor((now % 1) * 1_000_000));
}

/** getRandomValues fills at most 65,536 bytes per call (W3C Web Crypto, QuotaExceededError). */
const GET_RANDOM_VALUES_MAX = 65536;

/**
 * Fills `out` from the runtime's CSPRNG, crypto.getRandomValues (Web Crypto: every browser,
 * Web Worker and Node 19+). In Node that is OpenSSL's user-space DRBG; in a browser, the
 * browser's own (seeded from the operating system).
 */
export function webRandom(out: Uint8Array): Uint8Array {
  for (let off = 0; off < out.length; off += GET_RANDOM_VALUES_MAX) {
    globalThis.crypto.getRandomValues(out.subarray(off, Math.min(out.length, off + GET_RANDOM_VALUES_MAX)));
  }
  return out;
}
