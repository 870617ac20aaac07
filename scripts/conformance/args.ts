/**
 * The command line of randshim-conformance (docs/conformance.md, "CLI"): parsed into
 * {@link Options}, or a {@link UsageError} whose message says what is wrong (exit code 2).
 */
import type { Shard } from './campaign.js';
import { FORMATS, type Format } from './formats.js';

export class UsageError extends Error {}

export interface RunOptions {
  readonly command: 'run';
  readonly oracles: readonly string[];
  readonly libs: readonly string[];
  readonly loader: string | null;
  readonly libraryPath: string | null;
  readonly cases: number;
  readonly seed: number;
  readonly jobs: number;
  readonly shard: Shard;
  readonly format: Format;
  readonly out: string | null;
  readonly timing: boolean;
  readonly progress: boolean;
}

export interface MergeOptions {
  readonly command: 'merge';
  readonly files: readonly string[];
  readonly format: Format;
  readonly out: string | null;
  readonly timing: boolean;
}

export type Options = RunOptions | MergeOptions | { readonly command: 'help' };

export const USAGE = `usage: randshim-conformance [options]
       randshim-conformance merge SHARD.json... [--format F] [--out FILE] [--no-timing]

Runs the step-level differential campaign of randshim against real OpenSSL libraries.

  --oracle NAME        a known oracle (repeatable; --list-oracles shows them)
  --lib PATH           any libcrypto (1.1.1, 3.x or 4.x, found by loading it; repeatable)
  --loader LD_SO       run each --lib in a child under this dynamic loader (3.x / 4.x)
  --library-path DIRS  the child's --library-path (default: the library's folder, then
                       /usr/lib/x86_64-linux-gnu)
  --cases N            cases per oracle (default 1000)
  --seed S             campaign seed, 0 to 4294967295 (default 1)
  --jobs N             worker threads, each with its own oracle session (default 1)
  --shard K/N          run only shard K of N (writes JSON unless --format says otherwise)
  --format F           text | json | junit | markdown (default text)
  --out FILE           write the report there (a one-line verdict still goes to stdout)
  --no-timing          leave times out, so that reruns are byte-identical
  --no-progress        no progress line on stderr
  --list-oracles       print the known oracle names and exit

exit: 0 all compared, no mismatch; 1 a mismatch; 2 usage error, unknown or unavailable oracle,
nothing compared.`;

function intArg(flag: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} wants an integer, not "${value}"`);
  const v = Number(value);
  if (v < min || v > max) throw new UsageError(`${flag} must be between ${min} and ${max}, not ${value}`);
  return v;
}

function formatArg(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${value}"`);
  return value as Format;
}

function shardArg(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  if (m === null) throw new UsageError(`--shard wants K/N (e.g. 1/4), not "${value}"`);
  const [index, count] = [Number(m[1]), Number(m[2])];
  if (count < 1 || index < 1 || index > count) throw new UsageError(`--shard ${value}: K must be between 1 and N`);
  return { index, count };
}

/** Parses argv (without node and the script). `known` is the list of --oracle names. */
export function parseArgs(argv: readonly string[], known: readonly string[]): Options | { readonly command: 'list' } {
  const args = [...argv];
  const merge = args[0] === 'merge';
  if (merge) args.shift();
  const oracles: string[] = [];
  const libs: string[] = [];
  const files: string[] = [];
  let loader: string | null = null;
  let libraryPath: string | null = null;
  let cases = 1000;
  let seed = 1;
  let jobs = 1;
  let shard: Shard | null = null;
  let format: Format | null = null;
  let out: string | null = null;
  let timing = true;
  let progress = true;
  while (args.length > 0) {
    const arg = args.shift() as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args.shift();
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    const runOnly = (): void => {
      if (merge) throw new UsageError(`${flag} is not an option of merge`);
    };
    switch (flag) {
      case '--help': case '-h': return { command: 'help' };
      case '--list-oracles': return { command: 'list' };
      case '--format': format = formatArg(value()); break;
      case '--out': out = value(); break;
      case '--no-timing': timing = false; break;
      case '--no-progress': progress = false; break;
      case '--oracle': {
        runOnly();
        const name = value();
        if (!known.includes(name)) throw new UsageError(`unknown oracle "${name}"; known oracles: ${known.join(', ')}`);
        oracles.push(name);
        break;
      }
      case '--lib': runOnly(); libs.push(value()); break;
      case '--loader': runOnly(); loader = value(); break;
      case '--library-path': runOnly(); libraryPath = value(); break;
      case '--cases': runOnly(); cases = intArg(flag, value(), 1, 1e12); break;
      case '--seed': runOnly(); seed = intArg(flag, value(), 0, 0xffffffff); break;
      case '--jobs': runOnly(); jobs = intArg(flag, value(), 1, 256); break;
      case '--shard': runOnly(); shard = shardArg(value()); break;
      default:
        if (merge && !flag.startsWith('-')) {
          files.push(flag);
          break;
        }
        throw new UsageError(`unknown argument "${arg}"`);
    }
  }
  if (merge) {
    if (files.length === 0) throw new UsageError('merge needs at least one shard file');
    return { command: 'merge', files, format: format ?? 'text', out, timing };
  }
  if (loader !== null && libs.length === 0) throw new UsageError('--loader needs --lib');
  if (libraryPath !== null && loader === null) throw new UsageError('--library-path needs --loader');
  return {
    command: 'run', oracles, libs, loader, libraryPath, cases, seed, jobs, shard: shard ?? { index: 1, count: 1 },
    format: format ?? (shard === null ? 'text' : 'json'), out, timing, progress,
  };
}
