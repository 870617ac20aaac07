/** The builds the report's EVP_RAND and RAND front-end sections compare with: every build with
 * the `evp-rand-3` capability (interop/builds/registry.ts), or the one `--oracle` names. */
import { buildsWith, discover, type Discovery } from '../../interop/builds/registry.js';
import type { ReportOptions } from './section.js';

export async function libcrypto3Builds(opts: ReportOptions): Promise<Discovery<'evp-rand-3'>[]> {
  const entries = buildsWith('evp-rand-3').filter((b) => opts.oracle === undefined || b.name === opts.oracle);
  const found: Discovery<'evp-rand-3'>[] = [];
  for (const entry of entries) found.push(await discover(entry, 'evp-rand-3'));
  return found;
}
