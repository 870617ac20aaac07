/** The builds a report section compares with: every registry build with the capability the
 * section needs (interop/builds/registry.ts), or only the one `--oracle` names. */
import { buildsWith, discoverBuilds, type BuildEntry, type Capability, type Discovery } from '../../interop/builds/registry.js';
import type { ReportOptions } from './section.js';

export function chosenBuilds(capability: Capability, opts: ReportOptions): BuildEntry[] {
  return buildsWith(capability).filter((b) => opts.oracle === undefined || b.name === opts.oracle);
}

/** {@link chosenBuilds}, each brought up or with the reason why not. */
export async function discoverChosen<C extends Capability>(capability: C, opts: ReportOptions): Promise<Discovery<C>[]> {
  return discoverBuilds(capability, chosenBuilds(capability, opts));
}
