/**
 * What an `openssl rand` command is for the builds with the `openssl-command` capability:
 * `openssl rand -hex N [-rand FILE] [-writerand FILE]` under a `[random]` section, a pinned
 * urandom stream and a pinned clock; how it is written down for the build (argv, openssl.cnf)
 * and read by randshim (the same section through random_conf_init); which sections OpenSSL
 * cannot be asked to run; and what a build that runs it offers ({@link OpensslCommand}).
 */
import { captureErrors } from '../../../provider/err/queue.js';
import { applyRandomSection, randomSectionEntries, type RandomConfig, type RandomSection } from '../../../provider/openssl3/rand/index.js';
import type { OpenSSL3Line } from '../../../provider/openssl3/lines.js';
import type { RandAppOutcome, RandAppRequest } from './rand-app.js';

export type { RandomSection };

/** What the command's process sees, which randshim's reproduction gives its personality. */
export interface CommandEnvironment {
  /** getpid(). */
  readonly pid: number;
  /** The wall clock every command sees unless told otherwise (ms since the epoch). */
  readonly defaultClockMs: number;
  /** sizeof(void *) of the build: 4 on wasm32 (the default), 8 natively on x86_64. */
  readonly pointerBytes?: 4 | 8;
  /** The OpenSSL 3 line the build is, whose personality reproduces it (default 3.0). */
  readonly line?: OpenSSL3Line;
}

export interface RandCommand extends RandAppRequest {
  /** Seed of the pinned /dev/urandom stream. */
  readonly urandomSeed: string;
  /** The `[random]` section; absent: no openssl.cnf at all (built-in defaults). */
  readonly random?: RandomSection;
  /** The pinned wall clock in ms; default the build's {@link CommandEnvironment.defaultClockMs}. */
  readonly clockMs?: number;
}

/** What both the oracle and the reproduction report for a command (`errors`: what
 * ERR_print_errors printed, parsed from stderr on the oracle's side). */
export interface RandCommandOutcome extends RandAppOutcome {
  /** Bytes read from /dev/urandom (the pinned stream). */
  readonly urandomBytesRead: number;
}

/** A run of the command on a build, with what only the build's side shows. */
export interface RandCommandRun extends RandCommandOutcome {
  readonly stderr: string;
  /** The trap (WebAssembly) or signal that ended the program, or null. */
  readonly trap: string | null;
  /** The primary DRBG's address, or null when no urandom read happened or none matched. */
  readonly primaryAddress: number | null;
  /** pthread_self() of the command's thread where it is not 0 (natively: an address), which
   * a parentless DRBG's nonce holds; absent on wasm32 (no threads: 0). */
  readonly threadId?: bigint | null;
  readonly argv: readonly string[];
}

/** A build that runs the `openssl` command line: the `openssl-command` capability's handle. */
export interface OpensslCommand {
  readonly info: { readonly name: string; readonly library: string; readonly version: string };
  readonly environment: CommandEnvironment;
  /** Runs `openssl rand` under `cmd.random`. Throws a RangeError for a section
   * {@link sectionRefusal} refuses or {@link opensslCnfFor} cannot write. */
  runRand(cmd: RandCommand): Promise<RandCommandRun>;
}

/** The file names the rand commands use inside the build's file system. */
export const RAND_FILE = '/work/seed.rnd';
export const WRITE_FILE = '/work/out.rnd';

/** argv of `openssl rand` for `cmd`. */
export function randArgv(cmd: RandAppRequest): string[] {
  const args = ['rand'];
  if (cmd.randFile !== undefined) args.push('-rand', RAND_FILE);
  if (cmd.writerand === true) args.push('-writerand', WRITE_FILE);
  args.push('-hex', String(cmd.bytes));
  return args;
}

const FORBIDDEN_IN_CNF = /[#$\\"'\r\n]/;

/**
 * openssl.cnf text loading a `[random]` section through the "random" config module. Throws a
 * RangeError for what the file cannot carry verbatim: comment, variable, escape and quote
 * characters, line breaks, '=' in a name, and leading or trailing blanks (the parser trims).
 */
export function opensslCnfFor(section: RandomSection): string {
  const entries = randomSectionEntries(section);
  let text = 'openssl_conf = openssl_init\n\n[openssl_init]\nrandom = random_section\n\n[random_section]\n';
  for (const [name, value] of entries) {
    if (FORBIDDEN_IN_CNF.test(name + value) || name.includes('=') || value !== value.trim() || name !== name.trim()) {
      throw new RangeError(`cannot write ${name} = ${value} into openssl.cnf verbatim`);
    }
    text += `${name} = ${value}\n`;
  }
  return text;
}

/**
 * Why OpenSSL cannot be asked to run `section`, or null. A Hash or HMAC DRBG on the "NULL"
 * digest (output size 0) never returns: hash_df and the HMAC generate loop advance by the
 * digest size, so the process spins forever (seen with OpenSSL 3.1.0 in WebAssembly, and
 * natively with Debian's OpenSSL 3.0.19). The builds refuse those instead of hanging the test
 * process.
 */
export function sectionRefusal(section: RandomSection | undefined): string | null {
  const config = randomConfigOf(section);
  const mechanism = (config.random ?? 'CTR-DRBG').toUpperCase();
  if ((mechanism === 'HASH-DRBG' || mechanism === 'HMAC-DRBG') && config.digest?.toUpperCase() === 'NULL') {
    return `${mechanism} with the NULL digest loops forever in OpenSSL 3.1.0`;
  }
  return null;
}

/** The `[random]` configuration randshim applies for `section` (random_conf_init). */
export function randomConfigOf(section: RandomSection | undefined): RandomConfig {
  if (section === undefined) return {};
  if (!Array.isArray(section)) return section as RandomConfig;
  // An unknown name's CRYPTO_R_UNKNOWN_NAME_IN_RANDOM_SECTION belongs to config loading, which
  // the command line does not report; keep it off the queue.
  return captureErrors(() => applyRandomSection({}, section as readonly (readonly [string, string])[])).result.config;
}

/** "<lib name>" as ERR_print_errors prints it, to randshim's library tags. */
const LIB_NAMES: Readonly<Record<string, string>> = {
  'random number generator': 'RAND',
  'Provider routines': 'PROV',
  'digital envelope routines': 'EVP',
  'common libcrypto routines': 'CRYPTO',
  'Property routines': 'PROP',
  'configuration file routines': 'CONF',
};

/** The (library, reason) pairs of the ERR_print_errors lines in `stderr`, as "LIB:REASON". */
export function parseErrorLines(stderr: string): string[] {
  const out: string[] = [];
  for (const line of stderr.split('\n')) {
    const m = /^[0-9A-F]+:error:[0-9A-F]{8}:([^:]*):[^:]*:([^:]*):/.exec(line);
    if (m !== null) out.push(`${LIB_NAMES[m[1]] ?? m[1]}:${m[2].toUpperCase().replace(/ /g, '_')}`);
  }
  return out;
}
