/**
 * Interleaved measurement: every round visits every (size, contender) pair once and takes one
 * sample (repeat the operation for at least SAMPLE_MS, report ns per operation); the result is
 * the median over rounds. Interleaving spreads drift (frequency scaling, GC, other load) over
 * all contenders alike, so ratios from the same run are comparable.
 */
export interface Contender {
  /** Stable key, e.g. "randshim RAND_bytes (3.x)". */
  readonly name: string;
  /** Group for the report: randshim, node, openssl, peer. */
  readonly group: 'randshim' | 'engine' | 'node' | 'openssl' | 'peer';
  /** Fills `out` (of the measured size) with random bytes. */
  readonly run: (out: Uint8Array) => void;
  /** Sizes this contender can do in reasonable time (default: all). */
  readonly maxSize?: number;
  /** The only sizes this contender is measured at (a floor of one fixed request). */
  readonly sizes?: readonly number[];
}

/** Whether `c` is measured at `size`. */
function runsAt(c: Contender, size: number): boolean {
  return size <= (c.maxSize ?? Infinity) && (c.sizes === undefined || c.sizes.includes(size));
}

export interface Sample {
  readonly contender: string;
  readonly size: number;
  /** Median ns per operation over rounds. */
  readonly medianNs: number;
  readonly samplesNs: readonly number[];
}

const now = (): bigint => process.hrtime.bigint();

/** One sample: ns per call of `run(out)`, over at least `minMs` (and at least one call). */
export function sampleOnce(run: (out: Uint8Array) => void, out: Uint8Array, minMs: number): number {
  const budget = BigInt(Math.round(minMs * 1e6));
  let calls = 0;
  let batch = 1;
  const start = now();
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < batch; i++) run(out);
    calls += batch;
    elapsed = now() - start;
    if (batch < 1 << 16) batch *= 2;
  }
  return Number(elapsed) / calls;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface MeasureOptions {
  readonly sizes: readonly number[];
  readonly rounds: number;
  readonly sampleMs: number;
  readonly onProgress?: (round: number) => void;
}

export function measure(contenders: readonly Contender[], opts: MeasureOptions): Sample[] {
  const samples = new Map<string, number[]>();
  const key = (c: string, size: number): string => `${c}\u0000${size}`;
  const buffers = new Map(opts.sizes.map((s) => [s, new Uint8Array(s)]));
  // Warm-up: JIT every path once per size before timing anything.
  for (const size of opts.sizes) for (const c of contenders) if (runsAt(c, size)) sampleOnce(c.run, buffers.get(size)!, 2);
  for (let round = 0; round < opts.rounds; round++) {
    for (const size of opts.sizes) {
      for (const c of contenders) {
        if (!runsAt(c, size)) continue;
        const ns = sampleOnce(c.run, buffers.get(size)!, opts.sampleMs);
        const k = key(c.name, size);
        samples.set(k, [...(samples.get(k) ?? []), ns]);
      }
    }
    opts.onProgress?.(round + 1);
  }
  const out: Sample[] = [];
  for (const c of contenders) {
    for (const size of opts.sizes) {
      const xs = samples.get(key(c.name, size));
      if (xs !== undefined) out.push({ contender: c.name, size, medianNs: median(xs), samplesNs: xs });
    }
  }
  return out;
}
