/**
 * The openssl-command sections of the conformance report, one per build with that capability
 * (the native `openssl` of Debian's 3.0 and of the 3.5, 3.6 and 4.0 lines, with the pinning
 * shim; OpenSSL 3.1.0's compiled to WebAssembly, npm openssl-wasm): the build's `openssl rand`
 * under every `[random]` configuration OpenSSL 3 accepts and randshim implements, against the
 * same program ported onto the build's line personality (RAND_load_file, RAND_bytes,
 * RAND_write_file over the 3.x default chain), with pinned entropy: `rand -hex N` for a spread
 * of N (around both chunk sizes of rand_main), `-rand FILE` and `-writerand FILE`.
 */
import { ACCEPTED_SECTIONS, compareRandCommand, sectionLabel } from '../../interop/suites/openssl-rand/compare.js';
import type { RandCommand } from '../../interop/suites/openssl-rand/command.js';
import { discover, type BuildEntry } from '../../interop/builds/registry.js';
import { chosenBuilds } from './builds.js';
import { counted, unavailableSection, type ReportOptions, type ReportSection } from './section.js';
import { formatTable } from './table.js';

const N_VALUES = [1, 16, 17, 33, 64, 257, 4096, 4097, 20000, 65537];
const RAND_FILE = Uint8Array.from({ length: 2305 }, (_, i) => (i * 131 + 7) & 0xff);

/** One section per build with the `openssl` command (none when `--oracle` names another). */
export async function runOpensslCommandSections(opts: ReportOptions): Promise<ReportSection[]> {
  const sections: ReportSection[] = [];
  for (const entry of chosenBuilds('openssl-command', opts)) sections.push(await commandSection(entry, opts));
  return sections;
}

async function commandSection(entry: BuildEntry, opts: ReportOptions): Promise<ReportSection> {
  const found = await discover(entry, 'openssl-command');
  const personality = (line: string): string => (line === '3.0' ? 'compat/3' : `compat/${line}`);
  const titleFor = (line: string): string => `${entry.name}: openssl rand vs the same program on ${personality(line)}`;
  if (!found.available) return unavailableSection(titleFor('3.0'), found.name, found.reason, 'openssl rand');
  const oracle = found.handle;
  const title = titleFor(oracle.environment.line ?? '3.0');
  const rows: { config: string; commands: number; bytes: number; urandom: number; mismatches: number }[] = [];
  const problems: string[] = [];
  for (const [i, random] of ACCEPTED_SECTIONS.entries()) {
    const row = { config: sectionLabel(random), commands: 0, bytes: 0, urandom: 0, mismatches: 0 };
    const commands: RandCommand[] = [
      ...N_VALUES.map((bytes) => ({ bytes, urandomSeed: `report ${opts.seed} ${i} ${bytes}`, ...(random ? { random } : {}) })),
      { bytes: 32, urandomSeed: `report ${opts.seed} ${i} file`, randFile: RAND_FILE, writerand: true, ...(random ? { random } : {}) },
    ];
    for (const cmd of commands) {
      const c = await compareRandCommand(oracle, cmd);
      row.commands++;
      row.bytes += c.bytesCompared;
      row.urandom += c.run.urandomBytesRead;
      if (c.mismatch !== null) {
        row.mismatches++;
        if (problems.length < 5) problems.push(`MISMATCH rand ${cmd.bytes} under ${row.config}: ${c.mismatch.field}: OpenSSL ${JSON.stringify(c.mismatch.openssl)} randshim ${JSON.stringify(c.mismatch.randshim)}`);
      }
    }
    rows.push(row);
    opts.onProgress?.(i + 1, ACCEPTED_SECTIONS.length, `${entry.name}: [random] configurations`);
  }
  const total = rows.reduce((t, r) => ({ config: 'total', commands: t.commands + r.commands, bytes: t.bytes + r.bytes, urandom: t.urandom + r.urandom, mismatches: t.mismatches + r.mismatches }),
    { config: 'total', commands: 0, bytes: 0, urandom: 0, mismatches: 0 });
  const text = [
    `oracle: ${oracle.info.library}, ${oracle.info.version}`,
    formatTable(['[random] configuration', 'commands', 'bytes compared', 'urandom bytes', 'mismatches'],
      [...rows, total].map((r) => [r.config, r.commands, r.bytes, r.urandom, r.mismatches])),
    ...problems,
  ].join('\n');
  const summary = [{ suite: 'openssl rand', oracle: entry.name, compared: counted(total.commands, 'commands'),
    bytes: total.bytes, mismatches: total.mismatches }];
  return { title, text, ok: total.mismatches === 0, json: { available: true, rows, total }, summary };
}
