/**
 * Builds a V8 startup snapshot of a script and starts processes from it, as
 * `node --snapshot-blob BLOB --build-snapshot SCRIPT` and `node --snapshot-blob BLOB` do: every
 * process started from the blob begins with the heap the script left, DRBG states included.
 * Data reaches a restored process through its environment (its argv is the snapshot's).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { bundle } from './bundle.js';

export interface SnapshotRun {
  readonly stdout: string;
  readonly pid: number;
}

/** Bundles `entry` (an ESM file of dist/) into `scriptPath` and builds `blobPath` from it with
 * the running Node. Returns what the build printed. */
export function buildSnapshot(entry: string, scriptPath: string, blobPath: string, env: NodeJS.ProcessEnv = {}): string {
  writeFileSync(scriptPath, bundle(entry));
  return execFileSync(process.execPath, ['--snapshot-blob', blobPath, '--build-snapshot', scriptPath], {
    encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000,
  });
}

/** Starts a process from `blobPath` and returns what it printed (the script's deserialize main
 * function decides what that is). */
export function runFromSnapshot(blobPath: string, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(process.execPath, ['--snapshot-blob', blobPath], {
    encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000,
  });
}
