/**
 * `npm run fuzz`: the stateful fuzz campaign of docs/bad-input.md. Random call sequences over a
 * personality's compat API (fast-check), each replayed on the real OpenSSL (1.1.1w or 3.0,
 * in-process) and on randshim, every call compared. Prints the figures; on a divergence prints
 * fast-check's report (seed, path, the shrunk sequence, the differing call) and exits 1.
 *
 *   npm run fuzz -- --personality 1.1.1|3 --calls N --seed S [--max-length L]
 */
import { discoverBuild } from '../interop/builds/registry.js';
import { campaign111, type CampaignFigures } from '../interop/suites/fuzz/campaign111.js';
import { campaign3 } from '../interop/suites/fuzz/campaign3.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

async function main(): Promise<number> {
  const personality = option('personality', '1.1.1');
  const calls = Number(option('calls', '20000'));
  const seed = Number(option('seed', String(Date.now() % 2 ** 31)));
  const maxLength = Number(option('max-length', '40'));
  if (!Number.isSafeInteger(calls) || calls <= 0 || !Number.isSafeInteger(seed) || !Number.isSafeInteger(maxLength)) {
    console.error('usage: npm run fuzz -- --personality 1.1.1|3 --calls N --seed S [--max-length L]');
    return 2;
  }
  let figures: CampaignFigures;
  try {
    if (personality === '1.1.1') {
      const found = await discoverBuild('system-1.1.1', 'rand-drbg-111');
      if (!found.available) {
        console.error(`fuzz: real OpenSSL 1.1.1 unavailable: ${found.reason}`);
        return 2;
      }
      figures = await campaign111(found.handle, calls, seed, maxLength);
    } else if (personality === '3') {
      figures = await campaign3(calls, seed, maxLength);
    } else {
      console.error(`fuzz: unknown personality ${personality} (1.1.1 or 3)`);
      return 2;
    }
  } catch (e) {
    const err = e as Error & { cause?: unknown };
    console.log(`fuzz ${personality}: DIVERGENCE (replay: npm run fuzz -- --personality ${personality} --calls ${calls} --seed ${seed})`);
    console.log(err.message);
    if (err.cause !== undefined) console.log(err.cause instanceof Error ? err.cause.message : String(err.cause));
    return 1;
  }
  const f = figures;
  console.log(`fuzz ${f.personality}: ${f.calls} calls compared (${f.drawn} drawn) in ${f.sequences} sequences, ` +
    `${f.divergences} divergences, ${f.seconds.toFixed(1)} s, seed ${f.seed}`);
  return 0;
}

process.exitCode = await main();
