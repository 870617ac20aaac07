/**
 * The mirage-crypto-rng section of the conformance report (issues 19 and 18): randshim's
 * Fortuna and its HMAC_DRBG (in mirage-crypto's conventions) against the real mirage-crypto-rng
 * 0.10.7 (Debian bookworm's libmirage-crypto-ocaml-dev) through the OCaml driver
 * scripts/ensure.d/50-mirage-crypto.sh builds: generated scripts replayed on both, every answer
 * and output byte compared. --cases N sets the sequences per campaign (default 200).
 */
import { mirageHmacDrbgCell, runCampaign, type CampaignResult } from '../../interop/builds/mirage-crypto/campaign.js';
import { discoverMirage } from '../../interop/builds/mirage-crypto/runner.js';
import { counted, type ReportOptions, type ReportSection } from './section.js';
import { formatTable } from './table.js';

export async function runMirageCryptoSection(opts: ReportOptions): Promise<ReportSection | null> {
  if (opts.oracle !== undefined && opts.oracle !== 'mirage-crypto') return null;
  const found = discoverMirage();
  const title = 'mirage-crypto-rng 0.10.7: Fortuna and Hmac_drbg';
  if (!found.available || found.driver === undefined) {
    const cell = mirageHmacDrbgCell(null, '0.10.7', found.reason);
    return {
      title, ok: false, text: `not run: ${found.reason ?? 'driver unavailable'}`, json: { available: false, cell },
      summary: [{ suite: 'Fortuna, Hmac_drbg', oracle: 'mirage-crypto', compared: 'nothing', bytes: null, mismatches: null,
        unavailable: found.reason ?? 'driver unavailable' }],
    };
  }
  const sequences = opts.cases ?? 200;
  const fortuna = runCampaign('fortuna', found.driver, { sequences, steps: 60, seed: opts.seed, scheduleRounds: 1100 });
  const hmac = runCampaign('hmac', found.driver, { sequences: Math.max(1, Math.ceil(sequences / 4)), steps: 40, seed: opts.seed });
  const row = (name: string, r: CampaignResult): (string | number)[] =>
    [name, r.sequences, r.steps, r.events, r.generates, r.bytesCompared, r.mismatches.length];
  const table = formatTable(['campaign', 'sequences', 'steps', 'events', 'generates', 'bytes compared', 'mismatches'],
    [row('Fortuna', fortuna), row('Hmac_drbg SHA-256', hmac)]);
  const cell = mirageHmacDrbgCell(hmac, found.provenance?.version ?? '0.10.7');
  const notes = [
    `library: ${found.provenance?.debianPackage ?? 'libmirage-crypto-ocaml-dev'} (${found.provenance?.libraryDir ?? '?'})`,
    `Fortuna: ${fortuna.poolReseeds} reseeds from the pools (widest took pools 0..${fortuna.widestReseed - 1}), `
      + `${fortuna.unseededAnswers} unseeded answers matched`,
    'Hmac_drbg differences (not in the campaign, each shown by test/fortuna/mirage-hmac.spec.ts):',
    ...cell.differences.map((d) => `  - ${d}`),
  ];
  const mismatches = [...fortuna.mismatches, ...hmac.mismatches].slice(0, 5)
    .map((m) => `  MISMATCH seq ${m.sequence} step ${m.step} ${m.op}: mirage ${m.mirage} / randshim ${m.randshim}`);
  const ok = fortuna.mismatches.length === 0 && hmac.mismatches.length === 0;
  const summary = [fortuna, hmac].map((r, i) => ({ suite: i === 0 ? 'Fortuna' : 'Hmac_drbg', oracle: 'mirage-crypto',
    compared: counted(r.sequences, 'sequences'), bytes: r.bytesCompared, mismatches: r.mismatches.length }));
  return {
    title,
    ok,
    summary,
    text: [table, '', ...notes, ...mismatches].join('\n'),
    json: { provenance: found.provenance, fortuna: { ...fortuna, mismatches: fortuna.mismatches.slice(0, 20) }, hmac: { ...hmac, mismatches: hmac.mismatches.slice(0, 20) }, cell },
  };
}
