/**
 * The FIPS-provider configurations per live line, as scripts/ensure.d/25-fips-configs.sh writes
 * them with that line's own `openssl fipsinstall` into <repo>/.cache/fips-configs/<line>/<config>/:
 * the options used, the fips.cnf to load, and what fipsmodule.cnf records (drbg-no-trunc-md,
 * 4.0's defer-tests). OpenSSL 3.0 has no FIPS binary here: Debian ships openssl-provider-fips
 * only from 3.5 on, so 3.0's FIPS rows are read from source (docs/fips.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../openssl111/load.js';
import { LINE_IDS, readLine, type LineId, type LinePaths } from '../openssl-lines/lines.js';

export type FipsConfigId = 'default' | 'no-trunc' | 'onload' | 'defer';

/** The configurations each line's fipsinstall offers (-defer_tests is new in 4.0). */
export function configsOf(line: LineId): readonly FipsConfigId[] {
  return line === '4.0' ? ['default', 'no-trunc', 'onload', 'defer'] : ['default', 'no-trunc', 'onload'];
}

export { LINE_IDS };
export type { LineId };

export interface FipsConfig {
  readonly line: LineId;
  readonly id: FipsConfigId;
  /** The fipsinstall command line that wrote it ("fipsinstall -no_drbg_truncated_digests"). */
  readonly options: string;
  readonly fipsCnf: string;
  /** fipsmodule.cnf's drbg-no-trunc-md (0/1) and defer-tests (4.0; null before). */
  readonly drbgNoTruncMd: number;
  readonly deferTests: number | null;
  readonly linePaths: LinePaths;
  /** The line's OpenSSL version (line.json). */
  readonly version: string;
}

export function fipsConfigsCache(): string {
  return join(repoRoot(), '.cache', 'fips-configs');
}

function keyOf(cnf: string, key: string): number | null {
  const m = new RegExp(`^${key}\\s*=\\s*(\\d+)`, 'm').exec(cnf);
  return m === null ? null : Number(m[1]);
}

/** One configuration, or why it is not there. */
export function readFipsConfig(line: LineId, id: FipsConfigId): FipsConfig | { reason: string } {
  const installed = readLine(line);
  if ('reason' in installed) return installed;
  const dir = join(fipsConfigsCache(), line, id);
  const fipsCnf = join(dir, 'fips.cnf');
  const module = join(dir, 'fipsmodule.cnf');
  if (!existsSync(fipsCnf) || !existsSync(module)) {
    return { reason: `${dir} missing: run bash scripts/ensure.d/25-fips-configs.sh` };
  }
  // fips.cnf includes its fipsmodule.cnf by absolute path (OpenSSL resolves a relative .include
  // from the working directory): a cache copied from another checkout points elsewhere, and the
  // installer, whose stamp records the fips.so path, rewrites it when run from here
  const include = /^\.include\s+(.+)$/m.exec(readFileSync(fipsCnf, 'utf8'))?.[1]?.trim();
  if (include !== module) {
    return { reason: `${fipsCnf} includes ${include ?? 'nothing'}, not ${module} (moved checkout): run bash scripts/ensure.d/25-fips-configs.sh` };
  }
  const cnf = readFileSync(module, 'utf8');
  return {
    line, id, fipsCnf,
    options: readFileSync(join(dir, 'options'), 'utf8').trim(),
    drbgNoTruncMd: keyOf(cnf, 'drbg-no-trunc-md') ?? 0,
    deferTests: keyOf(cnf, 'defer-tests'),
    linePaths: installed.paths,
    version: installed.manifest.version,
  };
}
