/**
 * A native `openssl` command line as an `openssl-command` build: the binary run as a child
 * process (under its own ld.so when it needs a newer C library than the machine's, ld.so(8)
 * `--library-path` / `--preload`), with the pinning shim (./pin-shim.c) preloaded, so that the
 * entropy it reads, its pid and its clock are the command's pinned ones, and the primary DRBG's
 * address and the main thread's pthread_self() (the two values of a real process randshim
 * cannot choose) are reported back for the reproduction.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  opensslCnfFor, parseErrorLines, randArgv, RAND_FILE, sectionRefusal, WRITE_FILE,
  type CommandEnvironment, type OpensslCommand, type RandCommand, type RandCommandRun,
} from '../../suites/openssl-rand/command.js';
import { PinnedUrandom } from '../../suites/openssl-rand/pinned-urandom.js';
import type { OpenSSL3Line } from '../../../provider/openssl3/lines.js';
import { pinShim } from './shim.js';

/** What every native command sees: a pinned pid and wall clock, 64-bit pointers. */
export const NATIVE_ENVIRONMENT: CommandEnvironment = { pid: 4242, defaultClockMs: 1_700_000_000_123, pointerBytes: 8 };

/** Entropy bytes a command may read: the reads of `rand` are a few hundred bytes; an
 * unplanned read past this aborts the command (a visible crash, not other bytes). */
const STREAM_BYTES = 1 << 16;

export interface NativeCommandOptions {
  /** The `openssl` executable. */
  readonly binary: string;
  /** The ld.so to start it under, with its --library-path; null: the machine's loader. */
  readonly loader: { readonly path: string; readonly libraryPath: string } | null;
  /** Extra environment (e.g. OPENSSL_MODULES). */
  readonly env?: Readonly<Record<string, string>>;
  /** The OpenSSL 3 line of the binary: the personality that reproduces it. */
  readonly line: OpenSSL3Line;
}

export class NativeOpensslCommand implements OpensslCommand {
  readonly environment: CommandEnvironment;

  constructor(readonly info: { readonly name: string; readonly library: string; readonly version: string },
    private readonly options: NativeCommandOptions, private readonly shim: string) {
    this.environment = { ...NATIVE_ENVIRONMENT, line: options.line };
  }

  /** Runs `openssl ARGS` in `dir` with the shim; the raw result. */
  run(args: readonly string[], dir: string, pins: { stream: Uint8Array; clockMs: number }, cnf: string) {
    const stream = join(dir, 'urandom.bin');
    const report = join(dir, 'pin-report.txt');
    const config = join(dir, 'openssl.cnf');
    writeFileSync(stream, pins.stream);
    writeFileSync(config, cnf);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      OPENSSL_CONF: config,
      RANDSHIM_PIN_STREAM: stream,
      RANDSHIM_PIN_REPORT: report,
      RANDSHIM_PIN_PID: String(this.environment.pid),
      RANDSHIM_PIN_CLOCK_MS: String(pins.clockMs),
      ...this.options.env,
    };
    const { loader, binary } = this.options;
    const [command, argv] = loader === null
      ? [binary, [...args]]
      : [loader.path, ['--library-path', loader.libraryPath, '--preload', this.shim, binary, ...args]];
    if (loader === null) env.LD_PRELOAD = this.shim;
    const r = spawnSync(command, argv, { cwd: dir, env, timeout: 60_000, maxBuffer: 1 << 26 });
    const pinned = existsSync(report) ? readFileSync(report, 'utf8') : '';
    const field = (name: string): bigint | null => {
      const m = new RegExp(`^${name} (\\d+)$`, 'm').exec(pinned);
      return m === null ? null : BigInt(m[1]);
    };
    return {
      exitCode: r.status ?? 128 + 6,
      signal: r.signal,
      stdout: r.stdout?.toString('latin1') ?? '',
      stderr: r.stderr?.toString('latin1') ?? '',
      entropyRead: Number(field('entropy') ?? 0n),
      primary: field('primary'),
      thread: field('thread'),
    };
  }

  /** `openssl rand -hex N [-rand FILE] [-writerand FILE]` under `cmd.random`. Throws a
   * RangeError for a section {@link sectionRefusal} refuses or {@link opensslCnfFor} cannot write. */
  async runRand(cmd: RandCommand): Promise<RandCommandRun> {
    const refusal = sectionRefusal(cmd.random);
    if (refusal !== null) throw new RangeError(refusal);
    const cnf = cmd.random === undefined ? '' : opensslCnfFor(cmd.random);
    const dir = mkdtempSync(join(tmpdir(), 'randshim-native-rand-'));
    try {
      const local = (p: string): string => join(dir, p.slice(p.lastIndexOf('/') + 1));
      const argv = randArgv(cmd);
      if (cmd.randFile !== undefined) writeFileSync(local(RAND_FILE), cmd.randFile);
      const r = this.run(argv.map((a) => (a === RAND_FILE || a === WRITE_FILE ? local(a) : a)), dir,
        { stream: new PinnedUrandom(cmd.urandomSeed).read(STREAM_BYTES), clockMs: cmd.clockMs ?? this.environment.defaultClockMs }, cnf);
      const written = local(WRITE_FILE);
      return {
        argv,
        exitCode: r.exitCode,
        trap: r.signal,
        stdout: r.stdout,
        stderr: r.stderr,
        writtenFile: cmd.writerand === true && existsSync(written) ? new Uint8Array(readFileSync(written)) : null,
        urandomBytesRead: r.entropyRead,
        errors: parseErrorLines(r.stderr),
        primaryAddress: r.primary === null || r.primary === 0n ? null : Number(r.primary),
        threadId: r.thread,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** Brings a native command up, reported as `name`: builds the shim and runs `openssl version`.
 * Throws an Error whose message is the reason it cannot be used. */
export function openNativeOpensslCommand(name: string, options: NativeCommandOptions): NativeOpensslCommand {
  if (!existsSync(options.binary)) throw new Error(`no openssl command at ${options.binary}`);
  if (options.loader !== null && !existsSync(options.loader.path)) throw new Error(`no loader at ${options.loader.path}`);
  const shim = pinShim();
  const probe = new NativeOpensslCommand({ name, library: options.binary, version: 'unknown' }, options, shim);
  const dir = mkdtempSync(join(tmpdir(), 'randshim-native-rand-'));
  try {
    const r = probe.run(['version'], dir, { stream: new Uint8Array(0), clockMs: NATIVE_ENVIRONMENT.defaultClockMs }, '');
    const version = r.stdout.trim();
    if (r.exitCode !== 0 || !/^OpenSSL [34]\./.test(version)) {
      throw new Error(`unexpected "openssl version" from ${options.binary}: ${JSON.stringify((r.stdout + r.stderr).slice(0, 200))}`);
    }
    return new NativeOpensslCommand({ name, library: options.binary, version }, options, shim);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
