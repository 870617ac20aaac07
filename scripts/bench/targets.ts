/**
 * The performance targets of the project (issue "Performance"), evaluated on one run's medians:
 * each is a ratio of two contenders measured in the same run on the same machine.
 */
import type { Sample } from './measure.js';
import { FLOOR, FLOOR_HASH, FLOOR_HMAC, JS_FLOOR_111, JS_FLOOR_CTR, JS_FLOOR_HASH, JS_FLOOR_HMAC } from './floors.js';

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

/** Pure-JavaScript peers per mechanism (drbg.js is not one: it hashes through node:crypto),
 * with the engine's label and OpenSSL's own DRBG of the same mechanism. */
const MECHANISMS: readonly {
  mechanism: string; label: string; peers: string[]; openssl: string;
  /** The floors (floors.ts): node:crypto's cheapest path, and the bare primitives in JS at 32 B. */
  nodeFloor: string; jsFloor: string;
}[] = [
  {
    mechanism: 'CTR-DRBG AES-256', label: 'CTR AES-256 df', peers: ['bcrypto CTR-DRBG AES-256 (js)'],
    openssl: 'OpenSSL EVP_RAND_generate CTR AES-256 df (FFI)', nodeFloor: FLOOR, jsFloor: JS_FLOOR_CTR,
  },
  {
    mechanism: 'Hash-DRBG SHA-256', label: 'HASH SHA-256', peers: ['bcrypto Hash-DRBG SHA-256 (js)'],
    openssl: 'OpenSSL EVP_RAND_generate HASH SHA-256 (FFI)', nodeFloor: FLOOR_HASH, jsFloor: JS_FLOOR_HASH,
  },
  {
    mechanism: 'HMAC-DRBG SHA-256', label: 'HMAC SHA-256',
    peers: ['bcrypto HMAC-DRBG SHA-256 (js)', 'hmac-drbg SHA-256 (hash.js)'],
    openssl: 'OpenSSL EVP_RAND_generate HMAC SHA-256 (FFI)', nodeFloor: FLOOR_HMAC, jsFloor: JS_FLOOR_HMAC,
  },
];

const sizeName = (size: number): string => (size === MIB ? '1 MiB' : size >= 1024 ? `${size / 1024} KiB` : `${size} B`);
const mbs = (t: number): string => `${(MIB / t * 1000).toFixed(0)} MB/s`;
const us = (t: number): string => `${(t / 1000).toFixed(2)} us`;

export function evaluateTargets(samples: readonly Sample[], sizes: readonly number[]): TargetResult[] {
  const results: TargetResult[] = [];
  const fill32 = ns(samples, 'node crypto.randomFillSync', 32);
  for (const [personality, limit] of [['3.x', 1.0], ['3.5', 1.0], ['3.6', 1.0], ['4.0', 1.0], ['1.1.1', 1.5]] as const) {
    const t = ns(samples, `randshim RAND_bytes (${personality})`, 32);
    const name = `RAND_bytes(32), ${personality} personality`;
    if (personality === '1.1.1') {
      // The AES work alone of one such call (floors.ts). Where it is itself over the limit, the
      // limit is out of reach in JavaScript and the call is judged against that floor instead:
      // >= 0.95x its speed (issue 17), the original ratio beside it.
      const aes = ns(samples, JS_FLOOR_111, 32);
      const vsFill = `${us(t)} vs ${us(fill32)} = ${(t / fill32).toFixed(2)}x (limit ${limit}x)`;
      const vsFloor = `its AES alone ${us(aes)} = ${(aes / fill32).toFixed(2)}x; randshim ${(aes / t).toFixed(2)}x that floor's speed`;
      results.push(aes / fill32 > limit
        ? target(`${name}, speed vs its JS AES floor (${limit}x randomFillSync out of reach)`, aes / t, 0.95, 'higher', `${vsFloor}; ${vsFill}`)
        : target(`${name}, time vs crypto.randomFillSync(32)`, t / fill32, limit, 'lower', `${vsFill}; ${vsFloor}`));
      continue;
    }
    results.push(target(`${name}, time vs crypto.randomFillSync(32)`, t / fill32, limit, 'lower', `${us(t)} vs ${us(fill32)}`));
  }
  // Clone safety (issue 7): the per-generate check costs under 2% of RAND_bytes(32).
  for (const check of [CLONE_CHECK, CLONE_CHECK_COUNTER]) {
    const c = ns(samples, check, 32);
    for (const personality of ['3.x', '3.5', '3.6', '4.0', '1.1.1'] as const) {
      const t = ns(samples, `randshim RAND_bytes (${personality})`, 32);
      results.push(target(`${check} vs RAND_bytes(32), ${personality} personality`, c / t, 0.02, 'lower',
        `${c.toFixed(1)} ns vs ${(t / 1000).toFixed(2)} us`));
    }
  }
  // 1 MiB: >= 0.8x OpenSSL's RAND_bytes, or, where node:crypto's cheapest path to the same bytes
  // (the floor) is itself below 0.8x, >= 0.95x of the floor; the detail shows both.
  const sys = ns(samples, 'OpenSSL RAND_bytes (FFI)', MIB);
  const floorNs = ns(samples, FLOOR, MIB);
  const floorReachable = sys / floorNs >= 0.8;
  for (const personality of ['3.x', '1.1.1'] as const) {
    const t = ns(samples, `randshim RAND_bytes (${personality})`, MIB);
    const vsOpenssl = `${(sys / t).toFixed(2)}x OpenSSL (${mbs(t)} vs ${mbs(sys)})`;
    const vsFloor = `${(floorNs / t).toFixed(2)}x floor (${mbs(floorNs)}; floor ${(sys / floorNs).toFixed(2)}x OpenSSL)`;
    results.push(floorReachable
      ? target(`RAND_bytes(1 MiB), ${personality} personality, throughput vs OpenSSL RAND_bytes via FFI`, sys / t, 0.8, 'higher',
        `${vsOpenssl}; ${vsFloor}`)
      : target(`RAND_bytes(1 MiB), ${personality} personality, throughput vs the node:crypto floor`, floorNs / t, 0.95, 'higher',
        `${vsFloor}; ${vsOpenssl}`));
  }
  for (const { mechanism, label, peers, openssl, nodeFloor, jsFloor } of MECHANISMS) {
    const engine = `engine ${label} (node)`;
    // Node backend: >= 5x the fastest pure-JS peer at 32 B; at 1 MiB >= 50x for CTR, and for
    // Hash and HMAC >= 0.33x OpenSSL's own DRBG of the same mechanism.
    const peer32 = fastest(samples, peers, 32);
    // The floors at 32 B: 5x is reachable only if the peer takes 5x one of them. Where it is
    // not, the engine is judged against the cheaper floor: >= 0.95x its speed (issue 17).
    const floors32 = [nodeFloor, jsFloor].map((f) => ns(samples, f, 32));
    const reach = Math.max(...floors32.map((f) => peer32.ns / f));
    const ours32 = ns(samples, engine, 32);
    const cheapest = Math.min(...floors32);
    const vsPeer = `${(peer32.ns / ours32).toFixed(2)}x ${peer32.name} (${us(ours32)} vs ${us(peer32.ns)})`;
    const floors = `floors: node:crypto ${us(floors32[0])}, JS primitives ${us(floors32[1])}; `
      + `the peer is at most ${reach.toFixed(2)}x a floor`;
    results.push(reach >= 5
      ? target(`${mechanism} (node) at 32 B: speed vs the fastest pure-JS peer`, peer32.ns / ours32, 5, 'higher', `${vsPeer}; ${floors}`)
      : target(`${mechanism} (node) at 32 B: speed vs its cheaper floor (5x peer out of reach)`, cheapest / ours32, 0.95, 'higher',
        `${(cheapest / ours32).toFixed(2)}x floor; ${floors}; ${vsPeer}`));
    const oursMib = ns(samples, engine, MIB);
    if (mechanism.startsWith('CTR')) {
      // >= 50x the peer, or, where node:crypto's own cheapest path (the floor) is itself below
      // 50x, >= 0.95x of the floor (issue 17): the detail shows both.
      const peer = fastest(samples, peers, MIB);
      const vsPeer = `${(peer.ns / oursMib).toFixed(1)}x ${peer.name}`;
      const vsFloor = `${(floorNs / oursMib).toFixed(2)}x floor (${mbs(oursMib)} vs ${mbs(floorNs)}; floor ${(peer.ns / floorNs).toFixed(1)}x peer)`;
      results.push(peer.ns / floorNs >= 50
        ? target(`${mechanism} (node) at 1 MiB: speed vs the fastest pure-JS peer`, peer.ns / oursMib, 50, 'higher', `${vsPeer}; ${vsFloor}`)
        : target(`${mechanism} (node) at 1 MiB: throughput vs the node:crypto floor (50x peer out of reach)`, floorNs / oursMib, 0.95,
          'higher', `${vsFloor}; ${vsPeer}`));
    } else {
      // >= 0.33x OpenSSL's own; only where randshim misses it and node:crypto's cheapest path to
      // the same bytes (one call per block, floors.ts) is itself below 0.33x, >= 0.95x of that
      // floor (issue 17). The detail shows both either way.
      const theirs = ns(samples, openssl, MIB);
      const floorMib = ns(samples, nodeFloor, MIB);
      const vsOpenssl = `${(theirs / oursMib).toFixed(2)}x OpenSSL (${mbs(oursMib)} vs ${mbs(theirs)})`;
      const vsFloor = `${(floorMib / oursMib).toFixed(2)}x floor (${mbs(floorMib)}; floor ${(theirs / floorMib).toFixed(2)}x OpenSSL)`;
      results.push(theirs / oursMib >= 0.33 || theirs / floorMib >= 0.33
        ? target(`${mechanism} (node) at 1 MiB: speed vs OpenSSL's own via FFI`, theirs / oursMib, 0.33, 'higher', `${vsOpenssl}; ${vsFloor}`)
        : target(`${mechanism} (node) at 1 MiB: throughput vs the node:crypto floor (0.33x OpenSSL out of reach)`, floorMib / oursMib,
          0.95, 'higher', `${vsFloor}; ${vsOpenssl}`));
    }
    // Portable backend: >= 1.5x the fastest pure-JS peer at every size from 32 B to 1 MiB.
    const portable = `engine ${label} (pure)`;
    for (const size of sizes.filter((s) => s >= 32)) {
      const peer = fastest(samples, peers, size);
      results.push(target(`${mechanism} (pure) at ${sizeName(size)}: speed vs the fastest pure-JS peer`,
        peer.ns / ns(samples, portable, size), 1.5, 'higher', `${portable} vs ${peer.name}`));
    }
  }
  for (const size of sizes) {
    const forgeBest = fastest(samples, samples.filter((s) => s.contender.endsWith('(forge)') && s.size === size).map((s) => s.contender), size);
    const forgeRandom = ns(samples, 'node-forge random', size);
    results.push(target(`forge backend at ${sizeName(size)}: speed vs node-forge's random`, forgeRandom / forgeBest.ns, 1, 'higher',
      `${forgeBest.name} vs node-forge random`));
  }
  return results;
}
