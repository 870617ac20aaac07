/**
 * The peers section of the conformance report (issue 18): randshim in Mbed TLS 2.28 / 3.6,
 * wolfSSL and mirage-crypto conventions (provider/conventions) against the real libraries:
 * per library and configuration the library that answered (path, version string from the
 * library itself), the seeded campaign's cases, steps, output bytes and mismatches, the NIST
 * CAVP vectors through the library's own API, and each documented difference from OpenSSL
 * with the test that shows it. --cases N scales the campaigns (scripts/report/matrix-scale.ts).
 */
import { PEER_DIFFERENCES } from '../../interop/suites/matrix/differences.js';
import { peerRuns, type PeerLibrary, type PeerOutcome } from '../../interop/suites/matrix/peer-runs.js';
import { matrixOptions } from './matrix-scale.js';
import { shortPath, wrap } from './matrix-render.js';
import { counted, type ReportOptions, type ReportSection, type SummaryRow } from './section.js';
import { formatTable } from './table.js';

const failed = (r: PeerOutcome): number => ('unavailable' in r ? 0 : r.campaign.mismatches.length + (r.nist?.failures.length ?? 0));

export async function runPeersSection(opts: ReportOptions): Promise<ReportSection | null> {
  if (opts.oracle !== undefined && opts.oracle !== 'peers') return null;
  const runs = peerRuns({ cases: matrixOptions(opts).peerCases, seed: opts.seed });
  const rows = runs.map((r) => ('unavailable' in r
    ? [`${r.library} ${r.config}`, 'unavailable', '', '', '', '']
    : [`${r.library} ${r.config}`, r.campaign.cases, r.campaign.steps, r.campaign.bytes, r.nist === null ? '-' : `${r.nist.cases}`, failed(r)]));
  const text = [formatTable(['library and configuration', 'cases', 'steps', 'bytes', 'NIST', 'mismatches'], rows), ''];
  const libraries: PeerLibrary[] = ['Mbed TLS 2.28', 'Mbed TLS 3.6', 'wolfSSL', 'mirage-crypto'];
  for (const library of libraries) {
    const first = runs.find((r) => r.library === library);
    if (first === undefined) continue;
    text.push(...wrap(`${library}: `, 'unavailable' in first ? `unavailable: ${first.unavailable}` : `"${first.version}", ${shortPath(first.path)}`));
  }
  text.push('', 'cases, steps, bytes: the seeded campaign, compared step by step (return code, output, entropy',
    'requests); NIST: CAVP vectors run through the library\'s own API and through randshim.',
    'Documented differences from OpenSSL (not mismatches: randshim reproduces them in the library\'s',
    'conventions), each shown by the test named:');
  for (const library of ['Mbed TLS', 'wolfSSL', 'mirage-crypto']) {
    const mine = PEER_DIFFERENCES.filter((d) => d.libraries.some((l) => l.startsWith(library)));
    text.push(`${library} (${mine[0]?.spec ?? ''}):`);
    for (const d of mine) text.push(...wrap('  - ', `${d.difference}: "${d.test}"`));
  }
  for (const r of runs) {
    if ('unavailable' in r) continue;
    for (const m of [...r.campaign.mismatches, ...(r.nist?.failures ?? [])].slice(0, 3)) text.push(`  MISMATCH ${r.library} ${r.config}: ${m.slice(0, 300)}`);
  }
  const ok = runs.every((r) => !('unavailable' in r) && failed(r) === 0 && r.campaign.cases > 0);
  const summary = libraries.flatMap((library): SummaryRow[] => {
    const mine = runs.filter((r) => r.library === library);
    const down = mine.find((r) => 'unavailable' in r);
    if (mine.length === 0) return [];
    if (down !== undefined && 'unavailable' in down) {
      return [{ suite: 'conventions', oracle: library, compared: 'nothing', bytes: null, mismatches: null, unavailable: down.unavailable }];
    }
    const ran = mine.flatMap((r) => ('unavailable' in r ? [] : [r]));
    return [{ suite: 'conventions', oracle: library, compared: counted(ran.reduce((n, r) => n + r.campaign.cases, 0), 'cases'),
      bytes: ran.reduce((n, r) => n + r.campaign.bytes, 0), mismatches: ran.reduce((n, r) => n + failed(r), 0) }];
  });
  return {
    title: 'Mbed TLS 2.28 / 3.6, wolfSSL and mirage-crypto (randshim in their conventions)',
    ok, text: text.join('\n'), summary,
    json: runs.map((r) => ('unavailable' in r ? r : { ...r, campaign: { ...r.campaign, mismatches: r.campaign.mismatches.slice(0, 20) } })),
  };
}
