/**
 * The performance targets of the project (issue "Performance"), evaluated on one run's medians:
 * each is a ratio of two contenders measured in the same run on the same machine.
 */
import type { Sample } from './measure.js';

export const MIB = 1 << 20;

/** The clone-check contenders (scripts/bench/contenders.ts, cloneChecks). */
export const CLONE_CHECK = 'clone check (pid + guard epoch)';
export const CLONE_CHECK_COUNTER = 'clone check (pid + guard epoch + mapped vmclock)';

export interface TargetResult {
  readonly name: string;
  /** The ratio as defined (lower is better for time ratios, see `better`). */
  readonly ratio: number;
  readonly limit: number;
  /** 'lower': ratio must be <= limit; 'higher': ratio must be >= limit. */
  readonly better: 'lower' | 'higher';
  readonly met: boolean;
  readonly detail: string;
}

export function ns(samples: readonly Sample[], contender: string, size: number): number {
  const s = samples.find((x) => x.contender === contender && x.size === size);
  if (s === undefined) throw new Error(`no sample for ${contender} at ${size}`);
  return s.medianNs;
}

function target(name: string, ratio: number, limit: number, better: 'lower' | 'higher', detail: string): TargetResult {
  return { name, ratio, limit, better, met: better === 'lower' ? ratio <= limit : ratio >= limit, detail };
}

/** The fastest of several contenders at a size. */
function fastest(samples: readonly Sample[], names: readonly string[], size: number): { name: string; ns: number } {
  return names.map((n) => ({ name: n, ns: ns(samples, n, size) })).sort((a, b) => a.ns - b.ns)[0];
}

/** Pure-JavaScript peers per mechanism (drbg.js is not one: it hashes through node:crypto). */
const PURE_JS_PEERS: Record<string, { engine: string; peers: string[] }> = {
  'CTR-DRBG AES-256': { engine: 'engine CTR AES-256 df (node)', peers: ['bcrypto CTR-DRBG AES-256 (js)'] },
  'Hash-DRBG SHA-256': { engine: 'engine HASH SHA-256 (node)', peers: ['bcrypto Hash-DRBG SHA-256 (js)'] },
  'HMAC-DRBG SHA-256': {
    engine: 'engine HMAC SHA-256 (node)', peers: ['bcrypto HMAC-DRBG SHA-256 (js)', 'hmac-drbg SHA-256 (hash.js)'],
  },
};

export function evaluateTargets(samples: readonly Sample[], sizes: readonly number[]): TargetResult[] {
  const results: TargetResult[] = [];
  const fill32 = ns(samples, 'node crypto.randomFillSync', 32);
  for (const [personality, limit] of [['3.x', 1.0], ['1.1.1', 1.5]] as const) {
    const t = ns(samples, `randshim RAND_bytes (${personality})`, 32);
    results.push(target(`RAND_bytes(32), ${personality} personality, time vs crypto.randomFillSync(32)`, t / fill32, limit, 'lower',
      `${(t / 1000).toFixed(2)} us vs ${(fill32 / 1000).toFixed(2)} us`));
  }
  // Clone safety (issue 7): the per-generate check costs under 2% of RAND_bytes(32).
  for (const check of [CLONE_CHECK, CLONE_CHECK_COUNTER]) {
    const c = ns(samples, check, 32);
    for (const personality of ['3.x', '1.1.1'] as const) {
      const t = ns(samples, `randshim RAND_bytes (${personality})`, 32);
      results.push(target(`${check} vs RAND_bytes(32), ${personality} personality`, c / t, 0.02, 'lower',
        `${c.toFixed(1)} ns vs ${(t / 1000).toFixed(2)} us`));
    }
  }
  const sys = ns(samples, 'OpenSSL RAND_bytes (FFI)', MIB);
  for (const personality of ['3.x', '1.1.1'] as const) {
    const t = ns(samples, `randshim RAND_bytes (${personality})`, MIB);
    results.push(target(`RAND_bytes(1 MiB), ${personality} personality, throughput vs OpenSSL RAND_bytes via FFI`, sys / t, 0.8, 'higher',
      `${(MIB / t * 1000).toFixed(0)} MB/s vs ${(MIB / sys * 1000).toFixed(0)} MB/s`));
  }
  for (const [mechanism, { engine, peers }] of Object.entries(PURE_JS_PEERS)) {
    for (const [size, limit] of [[32, 5], [MIB, 50]] as const) {
      const peer = fastest(samples, peers, size);
      const ours = ns(samples, engine, size);
      results.push(target(`${mechanism} at ${size === MIB ? '1 MiB' : `${size} B`}: speed vs the fastest pure-JS peer`, peer.ns / ours, limit, 'higher',
        `${engine} vs ${peer.name}`));
    }
  }
  for (const size of sizes) {
    const forgeBest = fastest(samples, samples.filter((s) => s.contender.endsWith('(forge)') && s.size === size).map((s) => s.contender), size);
    const forgeRandom = ns(samples, 'node-forge random', size);
    results.push(target(`forge backend at ${size === MIB ? '1 MiB' : `${size} B`}: speed vs node-forge's random`, forgeRandom / forgeBest.ns, 1, 'higher',
      `${forgeBest.name} vs node-forge random`));
  }
  return results;
}
