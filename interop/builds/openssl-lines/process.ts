/**
 * One line's child process: the running Node executable started under the line's own
 * ld-linux (`LOADER --library-path ROOT/usr/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu
 * node child.js LIBCRYPTO`), with OPENSSL_CONF pointing at an empty file (the machine's 3.0
 * openssl.cnf must not reach the newer library) and OPENSSL_MODULES at the line's providers.
 * Requests are queued in order; a request that gets no answer within its timeout kills the
 * child (a real library can hang, e.g. a refused digest kept under drbg-no-trunc-md).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ChildChannel, type ChildCommand } from '../child-process.js';
import type { LinePaths } from './lines.js';
import { decodeMessage, encodeMessage, type Request, type Response } from './protocol.js';

/** The compiled child program next to this module. */
export const LINE_CHILD_SCRIPT = fileURLToPath(new URL('./child.js', import.meta.url));

/** The command line that starts `script` (this folder's child program unless another, e.g. the
 * FIPS child) under the line's loader, on the line's libcrypto. */
export function childCommand(paths: LinePaths, script = LINE_CHILD_SCRIPT): ChildCommand {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENSSL_CONF: paths.emptyConfig, OPENSSL_MODULES: paths.modules };
  delete env.NODE_OPTIONS;
  delete env.LD_LIBRARY_PATH;
  delete env.LD_PRELOAD; // RTLD_DEEPBIND and malloc interposers do not mix
  return {
    command: paths.loader,
    // process.execPath may be a symlink; the loader needs the executable itself
    args: ['--library-path', paths.libraryPath, realpathSync(process.execPath), script, paths.libcrypto],
    env,
  };
}

/** The line's child on the channel of ../child-process.ts, speaking ./protocol.ts. */
export class LineProcess extends ChildChannel<Request, Response> {
  constructor(paths: LinePaths, timeoutMs = 300_000) {
    const decode = (line: string): Response => decodeMessage<Response>(line);
    super({ ...childCommand(paths), label: 'line child', timeoutMs, encode: encodeMessage, decode });
  }
}
