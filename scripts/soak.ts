/**
 * `npm run soak`: 10 million RAND_bytes(32) calls per personality, with the heap measured
 * after a full garbage collection before, every million calls, and after. Exits non-zero when
 * the heap grew by 1 MiB or more (a leak: per-call allocations that survive collection).
 *
 *   npm run soak -- [--calls N]
 */
import * as openssl111 from '../compat/openssl111/index.js';
import * as openssl3 from '../compat/openssl3/index.js';

const LIMIT = 1 << 20;

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error('run with --expose-gc (npm run soak does)');
  collect();
  collect();
}

function heap(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

interface SoakResult {
  readonly name: string;
  readonly calls: number;
  readonly before: number;
  readonly after: number;
  readonly checkpoints: readonly number[];
  readonly seconds: number;
}

function soak(name: string, bytes: (buf: Uint8Array, n: number) => number, calls: number): SoakResult {
  const buf = new Uint8Array(32);
  // Warm up so lazily created DRBGs and JIT code are in place before the first reading.
  for (let i = 0; i < 100_000; i++) bytes(buf, 32);
  const before = heap();
  const checkpoints: number[] = [];
  const started = Date.now();
  const step = Math.max(1, Math.floor(calls / 10));
  for (let i = 1; i <= calls; i++) {
    if (bytes(buf, 32) !== 1) throw new Error(`${name}: RAND_bytes failed at call ${i}`);
    if (i % step === 0) checkpoints.push(heap());
  }
  const after = heap();
  return { name, calls, before, after, checkpoints, seconds: (Date.now() - started) / 1000 };
}

function main(): void {
  const i = process.argv.indexOf('--calls');
  const calls = i >= 0 ? Number(process.argv[i + 1]) : 10_000_000;
  const results = [
    soak('RAND_bytes(32), 3.x personality', (b, n) => openssl3.RAND_bytes(b, n), calls),
    soak('RAND_bytes(32), 1.1.1 personality', (b, n) => openssl111.RAND_bytes(b, n), calls),
  ];
  const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
  let ok = true;
  for (const r of results) {
    const growth = r.after - r.before;
    const grew = growth >= LIMIT;
    ok &&= !grew;
    console.log(`${r.name}: ${r.calls.toLocaleString('en')} calls in ${r.seconds.toFixed(1)} s; heap before ${kib(r.before)}, after ${kib(r.after)}, growth ${kib(growth)} (limit 1024 KiB): ${grew ? 'FAILED' : 'ok'}`);
    console.log(`  heap every ${(r.calls / 10).toLocaleString('en')} calls: ${r.checkpoints.map(kib).join(', ')}`);
  }
  if (!ok) process.exitCode = 1;
}

main();
