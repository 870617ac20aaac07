/**
 * `npm run bench`: randshim against Node's CSPRNG, system OpenSSL through FFI and the npm DRBGs,
 * interleaved in one process, on 16 B to 1 MiB requests. Prints medians and the target ratios,
 * and writes scripts/bench/latest.json, latest.md and ratios.svg (shown in docs/performance.md).
 *
 *   npm run bench -- [--rounds N] [--sample-ms MS] [--quick]
 *   npm run bench -- --render-only    (rewrite latest.md and ratios.svg from latest.json)
 *   npm run bench -- --only REGEX [--sizes 32,65536]
 *       (a focused run of the contenders whose names match; prints medians, writes nothing)
 */
import { cpus } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLibCrypto3 } from '../interop/builds/openssl3/libcrypto.js';
import { contenders } from './bench/contenders.js';
import { measure, type Sample } from './bench/measure.js';
import { markdown, svgChart, type MachineInfo } from './bench/render.js';
import { evaluateTargets, MIB } from './bench/targets.js';

const SIZES = [16, 32, 64, 256, 4096, 65536, MIB];
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'bench');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function machine(): MachineInfo {
  const crypto = loadLibCrypto3();
  return {
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    cores: cpus().length,
    node: process.version,
    nodeOpenssl: process.versions.openssl,
    systemOpenssl: crypto.OpenSSL_version(0) ?? 'unknown',
    date: new Date().toISOString().slice(0, 10),
  };
}

function write(samples: readonly Sample[], info: MachineInfo, rounds: number, sampleMs: number): ReturnType<typeof evaluateTargets> {
  const targets = evaluateTargets(samples, SIZES);
  const md = markdown(samples, targets, SIZES, info, rounds);
  writeFileSync(join(OUT_DIR, 'latest.json'), JSON.stringify({ machine: info, rounds, sampleMs, samples, targets }, null, 1));
  writeFileSync(join(OUT_DIR, 'latest.md'), `${md}\n`);
  writeFileSync(join(OUT_DIR, 'ratios.svg'), `${svgChart(targets)}\n`);
  updateReadme(md);
  console.log(`\n${md}\n`);
  return targets;
}

/** README.md shows the latest run: its table between the bench markers is replaced. */
function updateReadme(md: string): void {
  const path = join(OUT_DIR, '..', '..', 'README.md');
  const text = readFileSync(path, 'utf8');
  const begin = '<!-- bench:begin (written by npm run bench; do not edit) -->';
  const end = '<!-- bench:end -->';
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return;
  writeFileSync(path, `${text.slice(0, a + begin.length)}\n${md}\n${text.slice(b)}`);
}

function main(): void {
  if (process.argv.includes('--render-only')) {
    const saved = JSON.parse(readFileSync(join(OUT_DIR, 'latest.json'), 'utf8')) as { machine: MachineInfo; rounds: number; sampleMs: number; samples: Sample[] };
    write(saved.samples, saved.machine, saved.rounds, saved.sampleMs);
    return;
  }
  const quick = process.argv.includes('--quick');
  const rounds = option('--rounds', quick ? 3 : 7);
  const sampleMs = option('--sample-ms', quick ? 10 : 25);
  const started = Date.now();
  const only = process.argv.indexOf('--only');
  const pattern = only >= 0 ? new RegExp(process.argv[only + 1] ?? '', 'i') : undefined;
  const list = contenders().filter((c) => pattern === undefined || pattern.test(c.name));
  const sizesArg = process.argv.indexOf('--sizes');
  const sizes = sizesArg >= 0 ? (process.argv[sizesArg + 1] ?? '').split(',').map(Number) : SIZES;
  console.log(`benchmark: ${list.length} contenders x ${sizes.length} sizes x ${rounds} rounds (${sampleMs} ms samples)`);
  const samples = measure(list, {
    sizes, rounds, sampleMs,
    onProgress: (r) => process.stderr.write(`  round ${r}/${rounds} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`),
  });
  if (pattern !== undefined || sizesArg >= 0) {
    // A focused run is for whoever is tuning one contender: medians only, the committed files stay.
    for (const s of samples) console.log(`${s.contender.padEnd(58)} ${String(s.size).padStart(8)} B  ${s.medianNs.toFixed(0).padStart(10)} ns`);
    return;
  }
  const targets = write(samples, machine(), rounds, sampleMs);
  console.log(`${targets.filter((t) => t.met).length}/${targets.length} targets met in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`wrote ${join('scripts', 'bench', 'latest.{json,md}')} and ratios.svg`);
}

main();
