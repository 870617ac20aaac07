/**
 * `npm run soak`: 10 million 32-byte requests per personality (1.1.1; 3.x; the 3.0, 3.5, 3.6
 * and 4.0 lines of compat/openssl3-lines; the provider's Drbg), with the heap measured after a
 * full garbage collection before, every million calls, and after. Exits non-zero when the heap
 * of any of them grew by 1 MiB or more (a leak: per-call allocations that survive collection).
 *
 *   npm run soak -- [--calls N] [--only <substring of a name>]
 */
import * as openssl111 from '../compat/openssl111/index.js';
import * as openssl3 from '../compat/openssl3/index.js';
import * as line30 from '../compat/openssl3-lines/30.js';
import * as line35 from '../compat/openssl3-lines/35.js';
import * as line36 from '../compat/openssl3-lines/36.js';
import * as line40 from '../compat/openssl3-lines/40.js';
import { Drbg } from '../provider/drbg.js';

const LIMIT = 1 << 20;
const SIZE = 32;

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

/** One personality's request: fills `buf` with SIZE bytes, 1 on success (RAND_bytes' contract). */
interface Subject {
  readonly name: string;
  readonly bytes: (buf: Uint8Array) => number;
}

interface SoakResult {
  readonly name: string;
  readonly calls: number;
  readonly before: number;
  readonly after: number;
  readonly checkpoints: readonly number[];
  readonly seconds: number;
}

/** The provider's own Drbg: OpenSSL's default mechanism (CTR-DRBG AES-256 with df), seeded from
 * the OS, with its default reseed intervals, as an application would hold one. */
function providerDrbg(): Subject {
  const drbg = new Drbg({ mechanism: { type: 'CTR-DRBG', cipher: 'AES-256-CTR', useDf: true } });
  drbg.instantiate();
  return {
    name: 'Drbg.generate (provider)',
    bytes: (buf) => {
      drbg.generate(buf);
      return 1;
    },
  };
}

function subjects(): Subject[] {
  return [
    { name: 'RAND_bytes, 1.1.1 personality', bytes: (b) => openssl111.RAND_bytes(b, SIZE) },
    { name: 'RAND_bytes, 3.x personality', bytes: (b) => openssl3.RAND_bytes(b, SIZE) },
    { name: 'RAND_bytes, 3.0 line', bytes: (b) => line30.RAND_bytes(b, SIZE) },
    { name: 'RAND_bytes, 3.5 line', bytes: (b) => line35.RAND_bytes(b, SIZE) },
    { name: 'RAND_bytes, 3.6 line', bytes: (b) => line36.RAND_bytes(b, SIZE) },
    { name: 'RAND_bytes, 4.0 line', bytes: (b) => line40.RAND_bytes(b, SIZE) },
    providerDrbg(),
  ];
}

function soak({ name, bytes }: Subject, calls: number): SoakResult {
  const buf = new Uint8Array(SIZE);
  // Warm up so lazily created DRBGs and JIT code are in place before the first reading.
  for (let i = 0; i < 100_000; i++) bytes(buf);
  const before = heap();
  const checkpoints: number[] = [];
  const started = Date.now();
  const step = Math.max(1, Math.floor(calls / 10));
  for (let i = 1; i <= calls; i++) {
    if (bytes(buf) !== 1) throw new Error(`${name}: request failed at call ${i}`);
    if (i % step === 0) checkpoints.push(heap());
  }
  const after = heap();
  return { name, calls, before, after, checkpoints, seconds: (Date.now() - started) / 1000 };
}

const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const calls = Number(option('--calls') ?? 10_000_000);
  const only = option('--only');
  const chosen = subjects().filter((s) => only === undefined || s.name.includes(only));
  console.log(`soak: ${calls.toLocaleString('en')} requests of ${SIZE} bytes each; heap after full GCs`);
  console.log(`${'subject'.padEnd(32)}${'seconds'.padStart(9)}${'before'.padStart(14)}${'after'.padStart(14)}`
    + `${'growth'.padStart(14)}  verdict`);
  let ok = true;
  const rows: SoakResult[] = [];
  for (const subject of chosen) {
    const r = soak(subject, calls);
    rows.push(r);
    const growth = r.after - r.before;
    const grew = growth >= LIMIT;
    ok &&= !grew;
    console.log(`${r.name.padEnd(32)}${r.seconds.toFixed(1).padStart(9)}${kib(r.before).padStart(14)}`
      + `${kib(r.after).padStart(14)}${kib(growth).padStart(14)}  ${grew ? 'FAILED (>= 1 MiB)' : 'ok'}`);
  }
  console.log(`\nheap every ${Math.floor(calls / 10).toLocaleString('en')} calls (KiB):`);
  for (const r of rows) console.log(`  ${r.name.padEnd(30)} ${r.checkpoints.map((c) => (c / 1024).toFixed(0)).join(' ')}`);
  if (!ok) process.exitCode = 1;
}

main();
