/**
 * Runs the random provider sequences (./random-provider-steps.ts) in a 3.5+ line's child (its
 * own process under its own loader, ./process.ts), after checking that the library answering is
 * the line's (./build.ts: lineProvenanceProblem).
 */
import { lineProvenanceProblem } from './build.js';
import { readLine, type LineId } from './lines.js';
import { LineProcess } from './process.js';
import type { HelloInfo } from './protocol.js';
import type { RandomProviderRun } from './random-provider-steps.js';

export interface LineRandomProviderRuns {
  readonly hello: HelloInfo;
  readonly runs: readonly RandomProviderRun[];
}

/** The line's runs; throws with the reason when the line is not installed or does not answer. */
export async function runRandomProviderOnLine(line: LineId): Promise<LineRandomProviderRuns> {
  const found = readLine(line);
  if ('reason' in found) throw new Error(found.reason);
  const child = new LineProcess(found.paths, 120_000);
  try {
    const hello = await child.request({ op: 'hello' });
    if (!hello.ok || !('hello' in hello)) throw new Error(`system-${line} child: ${hello.ok ? 'no hello' : hello.error}`);
    const problem = lineProvenanceProblem(hello.hello, found.paths, found.manifest);
    if (problem !== null) throw new Error(`system-${line}: ${problem}`);
    const r = await child.request({ op: 'random-provider', fipsConfig: found.paths.fipsConfig });
    if (!r.ok || !('randomProvider' in r)) throw new Error(`system-${line} child: ${r.ok ? 'no runs' : r.error}`);
    return { hello: hello.hello, runs: r.randomProvider };
  } finally {
    await child.close();
  }
}
