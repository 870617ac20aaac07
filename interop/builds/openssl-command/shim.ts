/**
 * The pinning shim (./pin-shim.c) compiled for this machine: built on first use with the
 * system C compiler into <repo>/.cache/openssl-command/, named after a hash of its source so
 * that an edited shim is rebuilt. It is built against this machine's C library and runs under
 * newer ones too (glibc keeps old symbol versions).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../openssl111/load.js';

/** The shim's C source: next to this module in the repository (dist/ holds only JavaScript). */
function shimSource(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const inRepo = join(repoRoot(), 'interop', 'builds', 'openssl-command', 'pin-shim.c');
  return existsSync(join(here, 'pin-shim.c')) ? join(here, 'pin-shim.c') : inRepo;
}

let built: string | undefined;

/** The path of the compiled shim. Throws an Error saying why it cannot be built. */
export function pinShim(): string {
  if (built !== undefined) return built;
  const source = shimSource();
  if (!existsSync(source)) throw new Error(`pin shim source missing: ${source}`);
  const hash = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 16);
  const dir = join(repoRoot(), '.cache', 'openssl-command');
  const target = join(dir, `pin-shim-${hash}.so`);
  if (!existsSync(target)) {
    mkdirSync(dir, { recursive: true });
    const partial = `${target}.${process.pid}.tmp`;
    const cc = spawnSync('cc', ['-shared', '-fPIC', '-O2', '-Wall', '-o', partial, source, '-ldl'], { encoding: 'utf8' });
    if (cc.error !== undefined) throw new Error(`cannot build the pin shim: no C compiler (cc): ${cc.error.message}`);
    if (cc.status !== 0) throw new Error(`cannot build the pin shim: cc exited ${cc.status}: ${cc.stderr.trim().slice(0, 400)}`);
    renameSync(partial, target);
  }
  built = target;
  return target;
}
