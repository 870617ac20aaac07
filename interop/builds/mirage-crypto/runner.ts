/**
 * Runs scripts on the real mirage-crypto-rng 0.10.7 through the driver that
 * scripts/install-mirage-crypto.sh compiles from driver.ml into .cache/mirage-crypto/driver
 * (RANDSHIM_MIRAGE_DRIVER overrides the path). One child process per script, fed on stdin,
 * answering one JSON line per step.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../openssl111/load.js';
import { scriptText, type MirageAnswer, type MirageStep } from './script.js';

export const MIRAGE_DRIVER_PATH = '.cache/mirage-crypto/driver';

/** What scripts/install-mirage-crypto.sh recorded (provenance.json). */
export interface MirageProvenance {
  readonly library: string;
  readonly version: string;
  readonly libraryDir: string;
  readonly debianPackage: string;
  readonly driver: string;
  readonly source: string;
}

export interface MirageDiscovery {
  readonly available: boolean;
  readonly driver?: string;
  readonly provenance?: MirageProvenance;
  readonly reason?: string;
}

/** Finds the compiled driver and its provenance; never throws. */
export function discoverMirage(): MirageDiscovery {
  const driver = process.env.RANDSHIM_MIRAGE_DRIVER ?? join(repoRoot(), MIRAGE_DRIVER_PATH);
  if (!existsSync(driver)) {
    return { available: false, reason: `no mirage-crypto driver at ${driver} (run bash scripts/ensure.d/50-mirage-crypto.sh)` };
  }
  let provenance: MirageProvenance | undefined;
  try {
    provenance = JSON.parse(readFileSync(join(repoRoot(), '.cache/mirage-crypto/provenance.json'), 'utf8')) as MirageProvenance;
  } catch {
    provenance = undefined;
  }
  return { available: true, driver, provenance };
}

/** The driver's answers to `steps`, one per step. Throws when the driver fails or answers a
 * different number of lines. */
export function runMirage(driver: string, steps: readonly MirageStep[]): MirageAnswer[] {
  const run = spawnSync(driver, [], { input: scriptText(steps), encoding: 'utf8', maxBuffer: 256 << 20, timeout: 120_000 });
  if (run.error !== undefined) throw run.error;
  if (run.status !== 0) throw new Error(`mirage-crypto driver exited ${String(run.status)}: ${run.stderr.slice(0, 400)}`);
  const lines = run.stdout.split('\n').filter((l) => l.length > 0);
  if (lines.length !== steps.length) {
    throw new Error(`mirage-crypto driver answered ${lines.length} lines to ${steps.length} steps`);
  }
  return lines.map((l) => JSON.parse(l) as MirageAnswer);
}
