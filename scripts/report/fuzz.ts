/**
 * The fuzz section of the conformance report: random call sequences over each personality's
 * compat API, bad input included (fast-check; interop/suites/fuzz), replayed on the real OpenSSL
 * 1.1.1w and 3.0 in process and on randshim, every call compared (return code, error queue,
 * output). The same campaign as `npm run fuzz`, bounded; a divergence names the seed that
 * replays it. docs/bad-input.md describes the call language.
 */
import { discoverBuild } from '../../interop/builds/registry.js';
import { campaign111, type CampaignFigures } from '../../interop/suites/fuzz/campaign111.js';
import { campaign3 } from '../../interop/suites/fuzz/campaign3.js';
import { counted, type ReportOptions, type ReportSection, type SummaryRow } from './section.js';
import { formatTable } from './table.js';

/** Calls per personality: what `npm test` runs (test/fuzz/campaign.spec.ts). */
const CALLS = 20_000;

type Outcome = { readonly personality: string; readonly oracle: string } & (
  | { readonly figures: CampaignFigures }
  | { readonly divergence: string }
  | { readonly unavailable: string });

async function run(personality: string, oracle: string, campaign: () => Promise<CampaignFigures>): Promise<Outcome> {
  try {
    return { personality, oracle, figures: await campaign() };
  } catch (e) {
    return { personality, oracle, divergence: e instanceof Error ? e.message : String(e) };
  }
}

export async function runFuzzSection(opts: ReportOptions): Promise<ReportSection | null> {
  if (opts.oracle !== undefined && opts.oracle !== 'system-1.1.1' && opts.oracle !== 'system-3') return null;
  const seed = opts.seed;
  const outcomes: Outcome[] = [];
  if (opts.oracle !== 'system-3') {
    const found = await discoverBuild('system-1.1.1', 'rand-drbg-111');
    opts.onProgress?.(0, 2, 'compat/1.1.1 vs system-1.1.1');
    outcomes.push(found.available
      ? await run('compat/1.1.1', 'system-1.1.1', () => campaign111(found.handle, CALLS, seed))
      : { personality: 'compat/1.1.1', oracle: 'system-1.1.1', unavailable: found.reason });
    if (found.available) await found.handle.close();
  }
  if (opts.oracle !== 'system-1.1.1') {
    opts.onProgress?.(1, 2, 'compat/3 vs system-3');
    outcomes.push(await run('compat/3', 'system-3', () => campaign3(CALLS, seed)));
  }
  const rows = outcomes.map((o) => ('figures' in o
    ? [o.personality, o.oracle, o.figures.sequences, o.figures.calls, o.figures.drawn, o.figures.divergences, o.figures.seconds.toFixed(1)]
    : [o.personality, o.oracle, '', '', '', 'divergence' in o ? 'DIVERGED' : 'unavailable', '']));
  const text = [
    formatTable(['personality', 'oracle', 'sequences', 'calls compared', 'drawn', 'divergences', 's'], rows),
    `seed ${seed}; drawn: the calls fast-check chose (the rest are each sequence's fixed prologue).`,
    `Replay or scale: npm run fuzz -- --personality 1.1.1|3 --calls N --seed ${seed}`,
    ...outcomes.flatMap((o) => ('divergence' in o ? [`${o.personality}: ${o.divergence.slice(0, 600)}`] : [])),
    ...outcomes.flatMap((o) => ('unavailable' in o ? [`${o.oracle} unavailable: ${o.unavailable}`] : [])),
  ].join('\n');
  const summary = outcomes.map((o): SummaryRow => ('figures' in o
    ? { suite: `fuzz ${o.personality}`, oracle: o.oracle, compared: counted(o.figures.calls, 'calls'), bytes: null, mismatches: o.figures.divergences }
    : 'divergence' in o ? { suite: `fuzz ${o.personality}`, oracle: o.oracle, compared: 'stopped', bytes: null, mismatches: 1 }
      : { suite: `fuzz ${o.personality}`, oracle: o.oracle, compared: 'nothing', bytes: null, mismatches: null, unavailable: o.unavailable }));
  const ok = outcomes.every((o) => !('divergence' in o) && !('figures' in o && (o.figures.divergences > 0 || o.figures.calls < CALLS)));
  return { title: 'Fuzz: random compat call sequences, bad input included, real OpenSSL vs randshim', text, ok, json: outcomes, summary };
}
