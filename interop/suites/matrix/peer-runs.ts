/**
 * The peer campaigns (interop/suites/peers, interop/builds/mirage-crypto) as the report runs
 * them: per library and configuration the build that answered (path, version string from the
 * library itself), the seeded campaign's totals and the NIST CAVP vectors through the library's
 * own API. Shared by the peers section and the matrix: each run is made once per process and
 * options (`npm start` shows both without running the campaigns twice).
 */
import { MBEDTLS_HMAC_DIGESTS } from '../../../provider/conventions/mbedtls-hmac.js';
import { loadMbedtls, MBEDTLS_LINES, type MbedtlsLine } from '../../builds/mbedtls/library.js';
import { runCampaign as runMirageCampaign } from '../../builds/mirage-crypto/campaign.js';
import { discoverMirage } from '../../builds/mirage-crypto/runner.js';
import { loadWolfssl } from '../../builds/wolfssl/library.js';
import type { CampaignTotals } from '../peers/compare.js';
import { runMbedtlsCampaign, type MbedtlsConfig } from '../peers/mbedtls-campaign.js';
import { runNistOnMbedtls, runNistOnWolfssl, type NistTotals } from '../peers/nist.js';
import { runWolfsslCampaign } from '../peers/wolfssl-campaign.js';

export type PeerLibrary = 'Mbed TLS 2.28' | 'Mbed TLS 3.6' | 'wolfSSL' | 'mirage-crypto';

export interface PeerRun {
  readonly library: PeerLibrary;
  /** "CTR_DRBG AES-256 df", "HMAC_DRBG SHA256", "Hash_DRBG SHA-256", "Hmac_drbg SHA-256". */
  readonly config: string;
  /** The matrix row it fills (layout.ts labels). */
  readonly row: string;
  readonly path: string;
  readonly version: string;
  /** Seeded campaign: cases (sequences), steps, output bytes, mismatches (first ones). */
  readonly campaign: { readonly cases: number; readonly steps: number; readonly bytes: number; readonly mismatches: readonly string[] };
  /** NIST CAVP vectors through the library and randshim (null: none for this library). */
  readonly nist: { readonly cases: number; readonly bytes: number; readonly failures: readonly string[] } | null;
}

export type PeerOutcome = PeerRun | { readonly library: PeerLibrary; readonly config: string; readonly row: string; readonly unavailable: string };

export interface PeerRunOptions {
  /** Seeded campaign cases per Mbed TLS configuration (wolfSSL runs 5x as many health tests,
   * mirage-crypto a quarter as many sequences). */
  readonly cases: number;
  readonly seed: number;
  /** NIST vectors per Mbed TLS configuration (default all 720). */
  readonly nistCases?: number;
}

const mbedtlsRow = (config: MbedtlsConfig): string => (config === 'CTR' ? 'CTR AES-256 df' : `HMAC SHA-${config === 'SHA1' ? '1' : config.slice(3)}`);

function campaignOf(t: CampaignTotals): PeerRun['campaign'] {
  return {
    cases: t.cases, steps: t.steps, bytes: t.bytes,
    mismatches: t.mismatches.map((m) => `${m.caseId} step ${m.step} ${m.call}: library ${JSON.stringify(m.library)}, randshim ${JSON.stringify(m.randshim)}`),
  };
}

function nistOf(n: NistTotals): NonNullable<PeerRun['nist']> {
  return { cases: n.cases, bytes: n.bytes, failures: [...n.libraryFailures.map((f) => `library: ${f}`), ...n.randshimFailures.map((f) => `randshim: ${f}`)] };
}

function mbedtlsRuns(line: MbedtlsLine, options: PeerRunOptions): PeerOutcome[] {
  const library: PeerLibrary = line === '2.28' ? 'Mbed TLS 2.28' : 'Mbed TLS 3.6';
  const configs: MbedtlsConfig[] = ['CTR', ...MBEDTLS_HMAC_DIGESTS];
  const label = (c: MbedtlsConfig): string => (c === 'CTR' ? 'CTR_DRBG AES-256 df' : `HMAC_DRBG ${c}`);
  const loaded = loadMbedtls(line);
  if (!loaded.ok) return configs.map((c) => ({ library, config: label(c), row: mbedtlsRow(c), unavailable: loaded.reason }));
  return configs.map((config, i) => {
    const campaign = runMbedtlsCampaign({ build: loaded.build, config, cases: options.cases, seed: options.seed + i });
    return {
      library, config: label(config), row: mbedtlsRow(config), path: loaded.build.path, version: loaded.build.version,
      campaign: campaignOf(campaign), nist: nistOf(runNistOnMbedtls(loaded.build, config, options.nistCases)),
    };
  });
}

function wolfsslRun(options: PeerRunOptions): PeerOutcome {
  const base = { library: 'wolfSSL', config: 'Hash_DRBG SHA-256', row: 'Hash SHA-256' } as const;
  const loaded = loadWolfssl();
  if (!loaded.ok) return { ...base, unavailable: loaded.reason };
  return {
    ...base, path: loaded.build.path, version: loaded.build.version,
    campaign: campaignOf(runWolfsslCampaign(loaded.build, options.seed, options.cases * 5)), nist: nistOf(runNistOnWolfssl(loaded.build)),
  };
}

function mirageRun(options: PeerRunOptions): PeerOutcome {
  const base = { library: 'mirage-crypto', config: 'Hmac_drbg SHA-256', row: 'HMAC SHA-256' } as const;
  const found = discoverMirage();
  if (!found.available || found.driver === undefined) return { ...base, unavailable: found.reason ?? 'driver unavailable' };
  const r = runMirageCampaign('hmac', found.driver, { sequences: Math.max(1, Math.ceil(options.cases / 4)), steps: 40, seed: options.seed });
  return {
    ...base, path: found.provenance?.libraryDir ?? found.driver, version: found.provenance?.version ?? '0.10.7',
    campaign: {
      cases: r.sequences, steps: r.steps, bytes: r.bytesCompared,
      mismatches: r.mismatches.map((m) => `sequence ${m.sequence} step ${m.step} ${m.op}: mirage ${m.mirage}, randshim ${m.randshim}`),
    },
    nist: null,
  };
}

const memo = new Map<string, PeerOutcome[]>();

/** Every peer run, in a fixed order (Mbed TLS 2.28, 3.6: CTR then HMAC digests; wolfSSL;
 * mirage-crypto). Never throws for a missing library: that run says why. */
export function peerRuns(options: PeerRunOptions): PeerOutcome[] {
  const key = JSON.stringify([options.cases, options.seed, options.nistCases ?? null]);
  const cached = memo.get(key);
  if (cached !== undefined) return cached;
  const runs = [...MBEDTLS_LINES.flatMap((line) => mbedtlsRuns(line, options)), wolfsslRun(options), mirageRun(options)];
  memo.set(key, runs);
  return runs;
}

/** Cases, bytes and mismatches of a run as one matrix cell counts them (campaign + NIST). */
export function runTotals(run: PeerRun): { cases: number; bytes: number; mismatches: number } {
  return {
    cases: run.campaign.cases + (run.nist?.cases ?? 0),
    bytes: run.campaign.bytes + (run.nist?.bytes ?? 0),
    mismatches: run.campaign.mismatches.length + (run.nist?.failures.length ?? 0),
  };
}
