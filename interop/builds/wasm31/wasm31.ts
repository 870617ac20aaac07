/**
 * The `wasm-3.1` oracle: OpenSSL 3.1.0's `openssl` command line compiled to WebAssembly (npm
 * openssl-wasm), run deterministically: an {@link OpensslCommand} (the `openssl-command`
 * capability of interop/suites/openssl-rand).
 *
 * The oracle is chain-level: libcrypto is not reachable, only `main`. A command runs with
 *  - a pinned /dev/urandom (a {@link PinnedUrandom} stream served through an Emscripten
 *    device installed in preRun), whose bytes read are counted;
 *  - a pinned wall clock (the glue's emscripten_date_now / emscripten_get_now imports), which
 *    makes even a parentless primary's nonce reproducible and rules out time-based reseeds;
 *  - an optional `[random]` section written to the build's OPENSSLDIR openssl.cnf.
 * The compiled WebAssembly.Module is cached; each command gets a fresh instance (a second
 * callMain on one instance fails), which costs a few milliseconds.
 *
 * The primary DRBG's address P (what public and private send as additional input, LE32 on
 * wasm32) is recovered during the first /dev/urandom read, which is always the primary's
 * instantiation: the words of the wasm shadow stack above the stack pointer are candidate
 * pointers, and P is the one candidate pointing at a PROV_DRBG in the middle of instantiation
 * as a primary (see {@link looksLikeInstantiatingPrimary}). It is found without looking at the
 * command's output, so the output remains an independent check.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PinnedUrandom } from '../../suites/openssl-rand/pinned-urandom.js';
import {
  opensslCnfFor, parseErrorLines, RAND_FILE, randArgv, sectionRefusal, WRITE_FILE,
  type CommandEnvironment, type OpensslCommand, type RandCommand, type RandCommandRun,
} from '../../suites/openssl-rand/command.js';

/** The build's OPENSSLDIR ("openssl version -d"): its openssl.cnf is loaded at startup. */
export const WASM31_OPENSSLDIR = '/usr/local/ssl';

/** The exit status reported for a program that trapped (a crash natively: SIGSEGV's 128 + 11). */
export const WASM31_TRAP_EXIT = 139;

/** What every command's process sees: getpid() under Emscripten, and the pinned wall clock
 * (ms since the epoch) unless a command sets its own. */
export const WASM31_ENVIRONMENT: CommandEnvironment = { pid: 42, defaultClockMs: 1_700_000_000_123 };

/** A raw invocation of the command line. */
export interface Wasm31RunOptions {
  readonly args: readonly string[];
  /** Contents of OPENSSLDIR/openssl.cnf; absent: no file. */
  readonly opensslCnf?: string;
  /** Files to create before running (absolute paths). */
  readonly files?: Readonly<Record<string, Uint8Array>>;
  /** Files to read back afterwards (their directories are created beforehand). */
  readonly collect?: readonly string[];
  readonly urandom: PinnedUrandom;
  readonly clockMs?: number;
}

export interface Wasm31RunResult {
  /** The exit status; {@link WASM31_TRAP_EXIT} when the program trapped. */
  readonly exitCode: number;
  /** The WebAssembly trap that ended the program (e.g. "memory access out of bounds": the
   * native build would have crashed), or null. */
  readonly trap: string | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Collected files (null: absent). */
  readonly files: Readonly<Record<string, Uint8Array | null>>;
  readonly urandomBytesRead: number;
  readonly primaryAddress: number | null;
}

/** The few WebAssembly JS API types the oracle needs (tsconfig's lib has no DOM types). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmInstance {
  readonly exports: Readonly<Record<string, unknown>>;
}
type WasmModule = object;
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => WasmModule;
  readonly Instance: new (module: WasmModule, imports: object) => WasmInstance;
}
const WebAssemblyApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The parts of the Emscripten module object the oracle uses. */
interface EmscriptenModule {
  callMain(args: string[]): number;
  FS: {
    unlink(path: string): void;
    createDevice(parent: string, name: string, input: (() => number) | null, output?: ((c: number) => void) | null): void;
    mkdirTree(path: string): void;
    writeFile(path: string, data: Uint8Array | string): void;
    readFile(path: string): Uint8Array;
  };
}
type Factory = (overrides: Record<string, unknown>) => Promise<EmscriptenModule>;

interface LoadedBuild {
  readonly factory: Factory;
  readonly module: WasmModule;
  /** Export names of the glue's stackSave and memory (the glue's names are minified). */
  readonly stackSaveExport: string;
  readonly memoryExport: string;
  readonly path: string;
}

let cachedBuild: LoadedBuild | undefined;

/** Loads and compiles the build once. Throws with a reason when something is missing. */
function loadBuild(): LoadedBuild {
  if (cachedBuild !== undefined) return cachedBuild;
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve('openssl-wasm');
  const glue = readFileSync(gluePath, 'utf8');
  const stackSave = /stackSave=Module\["asm"\]\["(\w+)"\]/.exec(glue);
  const memory = /wasmMemory=Module\["asm"\]\["(\w+)"\]/.exec(glue);
  if (stackSave === null || memory === null) throw new Error(`unrecognised Emscripten glue in ${gluePath}`);
  const wasmPath = join(dirname(gluePath), 'openssl.wasm');
  cachedBuild = {
    factory: require(gluePath) as Factory,
    module: new WebAssemblyApi.Module(readFileSync(wasmPath)),
    stackSaveExport: stackSave[1],
    memoryExport: memory[1],
    path: wasmPath,
  };
  return cachedBuild;
}

/**
 * PROV_DRBG (providers/implementations/rands/drbg_local.h) on wasm32, 64-bit time_t: the
 * field offsets used to recognise the primary while it is being instantiated.
 */
const PROV_DRBG = {
  strength: 68, maxRequest: 72, reseedInterval: 104, reseedTimeInterval: 120, state: 144, size: 184,
} as const;

/**
 * True when `addr` points at a PROV_DRBG that is being instantiated as the primary: state
 * EVP_RAND_STATE_ERROR (instantiate sets it before fetching entropy), max_request 65536, a
 * strength of 112 to 256 bits, and the primary's reseed settings (256 requests, 3600 s).
 */
export function looksLikeInstantiatingPrimary(mem: DataView, addr: number): boolean {
  if (addr < 1024 || addr % 4 !== 0 || addr + PROV_DRBG.size > mem.byteLength) return false;
  const u32 = (off: number): number => mem.getUint32(addr + off, true);
  const strength = u32(PROV_DRBG.strength);
  return u32(PROV_DRBG.state) === 2 && u32(PROV_DRBG.maxRequest) === 65536 && strength >= 112
    && strength <= 256 && u32(PROV_DRBG.reseedInterval) === 256
    && u32(PROV_DRBG.reseedTimeInterval) === 3600 && u32(PROV_DRBG.reseedTimeInterval + 4) === 0;
}

/** How far above the stack pointer the candidates are looked for. */
const STACK_SCAN_BYTES = 64 * 1024;

/** P from the shadow stack: the unique candidate passing the PROV_DRBG check, else null. */
function findPrimaryOnStack(memory: WasmMemory, sp: number): number | null {
  const mem = new DataView(memory.buffer);
  const found = new Set<number>();
  const end = Math.min(mem.byteLength, sp + STACK_SCAN_BYTES);
  for (let a = sp - (sp % 4); a + 4 <= end; a += 4) {
    const v = mem.getUint32(a, true);
    if (!found.has(v) && looksLikeInstantiatingPrimary(mem, v)) found.add(v);
  }
  return found.size === 1 ? [...found][0] : null;
}

export class Wasm31Oracle implements OpensslCommand {
  readonly info: { readonly name: string; readonly library: string; readonly version: string };
  readonly environment = WASM31_ENVIRONMENT;
  private readonly build: LoadedBuild;
  private runs = 0;

  constructor(build: LoadedBuild, name: string, version: string) {
    this.build = build;
    this.info = { name, library: build.path, version };
  }

  /** Commands run so far by this oracle. */
  get commandsRun(): number {
    return this.runs;
  }

  /** Runs one command line on a fresh instance. */
  async run(options: Wasm31RunOptions): Promise<Wasm31RunResult> {
    const build = this.build;
    const stdout: number[] = [];
    const stderr: number[] = [];
    const urandom = options.urandom;
    const startRead = urandom.consumed;
    const clockMs = options.clockMs ?? WASM31_ENVIRONMENT.defaultClockMs;
    let exports: Readonly<Record<string, unknown>> | undefined;
    let primaryAddress: number | null = null;
    let firstRead = true;

    const serveUrandom = (): number => {
      if (firstRead && exports !== undefined) {
        firstRead = false;
        const sp = (exports[build.stackSaveExport] as () => number)();
        primaryAddress = findPrimaryOnStack(exports[build.memoryExport] as WasmMemory, sp);
      }
      return urandom.next();
    };

    const listenersBefore = new Set(process.listeners('uncaughtException'));
    const exitCodeBefore = process.exitCode;
    let exitCode: number;
    let trap: string | null = null;
    let files: Record<string, Uint8Array | null> = {};
    try {
      const M = await build.factory({
        noInitialRun: true,
        thisProgram: 'openssl',
        stdout: (c: number) => stdout.push(c),
        stderr: (c: number) => stderr.push(c),
        instantiateWasm: (info: { a: Record<string, unknown> }, receive: (i: WasmInstance, m: WasmModule) => void) => {
          pinClock(info.a, clockMs);
          const instance = new WebAssemblyApi.Instance(build.module, info);
          exports = instance.exports;
          receive(instance, build.module);
          return instance.exports;
        },
        preRun: [(mod: EmscriptenModule) => {
          mod.FS.unlink('/dev/urandom');
          mod.FS.createDevice('/dev', 'urandom', serveUrandom);
          if (options.opensslCnf !== undefined) {
            mod.FS.mkdirTree(WASM31_OPENSSLDIR);
            mod.FS.writeFile(`${WASM31_OPENSSLDIR}/openssl.cnf`, options.opensslCnf);
          }
          for (const path of options.collect ?? []) mod.FS.mkdirTree(dirname(path));
          for (const [path, data] of Object.entries(options.files ?? {})) {
            mod.FS.mkdirTree(dirname(path));
            mod.FS.writeFile(path, data);
          }
        }],
      });
      try {
        exitCode = M.callMain([...options.args]);
      } catch (e) {
        // The glue rethrows a trap (WebAssembly.RuntimeError) after recording exit status 1.
        if (!(e instanceof Error) || e.name !== 'RuntimeError') throw e;
        trap = e.message;
        exitCode = WASM31_TRAP_EXIT;
      }
      files = {};
      for (const path of options.collect ?? []) {
        try {
          files[path] = Uint8Array.from(M.FS.readFile(path));
        } catch {
          files[path] = null;
        }
      }
    } finally {
      for (const l of process.listeners('uncaughtException')) {
        if (!listenersBefore.has(l)) process.removeListener('uncaughtException', l);
      }
      process.exitCode = exitCodeBefore;
      this.runs++;
    }
    return {
      exitCode,
      trap,
      stdout: Buffer.from(stdout).toString('latin1'),
      stderr: Buffer.from(stderr).toString('latin1'),
      files,
      urandomBytesRead: urandom.consumed - startRead,
      primaryAddress,
    };
  }

  /** `openssl rand -hex N [-rand FILE] [-writerand FILE]` under `cmd.random`. Throws a
   * RangeError for a section {@link sectionRefusal} refuses or {@link opensslCnfFor} cannot write. */
  async runRand(cmd: RandCommand): Promise<RandCommandRun> {
    const refusal = sectionRefusal(cmd.random);
    if (refusal !== null) throw new RangeError(refusal);
    const argv = randArgv(cmd);
    const r = await this.run({
      args: argv,
      ...(cmd.random === undefined ? {} : { opensslCnf: opensslCnfFor(cmd.random) }),
      ...(cmd.randFile === undefined ? {} : { files: { [RAND_FILE]: cmd.randFile } }),
      collect: cmd.writerand === true ? [WRITE_FILE] : [],
      urandom: new PinnedUrandom(cmd.urandomSeed),
      ...(cmd.clockMs === undefined ? {} : { clockMs: cmd.clockMs }),
    });
    return {
      argv,
      exitCode: r.exitCode,
      trap: r.trap,
      stdout: r.stdout,
      stderr: r.stderr,
      writtenFile: cmd.writerand === true ? r.files[WRITE_FILE] ?? null : null,
      urandomBytesRead: r.urandomBytesRead,
      errors: parseErrorLines(r.stderr),
      primaryAddress: r.primaryAddress,
    };
  }
}

/** Replaces the glue's clock imports (found by their function names) with a fixed time. */
function pinClock(imports: Record<string, unknown>, clockMs: number): void {
  for (const [key, fn] of Object.entries(imports)) {
    if (typeof fn !== 'function') continue;
    if (fn.name === '_emscripten_date_now') imports[key] = () => clockMs;
    else if (fn.name === '_emscripten_get_now') imports[key] = () => clockMs % 1e6;
  }
}

/** Brings the oracle up, reported as `name`: compiles the build and runs `openssl version`.
 * Throws an Error whose message is the reason it cannot be used. */
export async function openWasm31(name: string): Promise<Wasm31Oracle> {
  const build = loadBuild();
  const probe = new Wasm31Oracle(build, name, 'unknown');
  const r = await probe.run({ args: ['version'], urandom: new PinnedUrandom('discovery') });
  const version = r.stdout.trim();
  if (r.exitCode !== 0 || !version.startsWith('OpenSSL 3.1')) {
    throw new Error(`unexpected "openssl version": ${JSON.stringify(r.stdout + r.stderr)}`);
  }
  return new Wasm31Oracle(build, name, version);
}
