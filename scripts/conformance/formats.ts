/**
 * The report in the formats the CLI writes: text for a person (fits 100 columns), Markdown (a
 * CI job summary), JUnit XML (a testsuite per oracle, a testcase per configuration, a failure
 * element per configuration with mismatches; an unavailable oracle is a testsuite with one
 * error) and JSON (the {@link Report} itself, what `merge` reads). `timing: false` leaves every
 * time out, so that two runs of the same campaign give byte-identical output.
 */
import type { Counts } from '../../interop/suites/differential/compare.js';
import type { MismatchDetail } from './campaign.js';
import { complete, type OracleReport, type Report, type Timing } from './report-model.js';

export type Format = 'text' | 'json' | 'junit' | 'markdown';

export const FORMATS: readonly Format[] = ['text', 'json', 'junit', 'markdown'];

export interface RenderOptions {
  readonly timing: boolean;
}

const WIDTH = 100;

const n = (v: number): string => v.toLocaleString('en-US');

/** Words of `text` in lines of at most WIDTH columns, each starting with `indent` (a word longer
 * than a line, such as a case in JSON, is cut into lines). */
function wrap(text: string, indent: string, first = indent): string[] {
  const lines: string[] = [];
  let line = first;
  const room = WIDTH - indent.length;
  const words = text.split(/\s+/).filter((w) => w !== '')
    .flatMap((w) => w.length <= room ? [w] : Array.from({ length: Math.ceil(w.length / room) }, (_, i) => w.slice(i * room, (i + 1) * room)));
  for (const word of words) {
    const bare = line === first || line === indent;
    if (!bare && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = indent + word;
    } else {
      line += (bare ? '' : ' ') + word;
    }
  }
  lines.push(line);
  return lines;
}

function timingText(t: Timing | undefined): string {
  if (t === undefined) return '';
  return `${t.seconds.toFixed(1)} s, ${n(t.casesPerSecond)} cases/s, ${t.jobs} ${t.jobs === 1 ? 'job' : 'jobs'}`;
}

function scopeText(r: Report): string {
  const shards = complete(r) ? '' : `, shard ${r.shards.map((s) => s.index).join('+')} of ${r.shardCount}`;
  return `seed ${r.seed}, ${n(r.cases)} cases per oracle${shards}`;
}

function verdict(r: Report): string {
  const compared = `${n(r.totals.cases)} cases, ${n(r.totals.steps)} steps, ${n(r.totals.bytesCompared)} bytes compared`;
  if (r.totals.mismatches > 0) return `FAIL: ${n(r.totals.mismatches)} mismatching cases (${compared})`;
  if (r.totals.cases === 0) return 'NOTHING COMPARED: no oracle could be used';
  const missing = r.oracles.filter((o) => !o.available).map((o) => o.name);
  if (missing.length > 0 && r.selection === 'explicit') return `UNAVAILABLE: ${missing.join(', ')} (${compared})`;
  return `PASS: no mismatch (${compared})`;
}

/** Heading, field, column width (26 + 2 + 70 columns in all). */
const COLUMNS: readonly [string, keyof Counts, number][] = [
  ['cases', 'cases', 10], ['steps', 'steps', 11], ['error steps', 'failingSteps', 12], ['outputs', 'outputs', 10],
  ['bytes', 'bytesCompared', 15], ['mismatches', 'mismatches', 12],
];

function countsRow(label: string, c: Counts): string {
  return label.padEnd(26) + COLUMNS.map(([, k, w]) => n(c[k]).padStart(w)).join('');
}

function mismatchText(m: MismatchDetail): string[] {
  return [
    ...wrap(`${m.config}, case ${m.caseId}: step ${m.step}, ${m.field}`, '      ', '    - '),
    ...wrap(`expected (OpenSSL): ${JSON.stringify(m.expected)}`, '        ', '      '),
    ...wrap(`got (randshim): ${JSON.stringify(m.got)}`, '        ', '      '),
    ...wrap(`minimal reproduction (${m.minimal.steps.length} steps): ${JSON.stringify(m.minimal)}`, '        ', '      '),
  ];
}

function oracleText(o: OracleReport, opts: RenderOptions): string[] {
  const lines = wrap(`${o.name}${o.available ? '' : ': UNAVAILABLE'}`, '       ', 'oracle ');
  lines.push(...wrap(o.library, '             ', '  library    '));
  if (o.version !== null) lines.push(`  version    ${o.version}`);
  if (o.provenance !== '') lines.push(...wrap(o.provenance, '             ', '  provenance '));
  if (!o.available) {
    lines.push(...wrap(o.reason ?? '', '             ', '  reason     '));
    return lines;
  }
  lines.push(`  subject    ${o.subject ?? ''}`);
  lines.push('  ' + 'configuration'.padEnd(26) + COLUMNS.map(([h, , w]) => h.padStart(w)).join(''));
  for (const c of o.configs) lines.push('  ' + countsRow(c.config, c.counts));
  lines.push('  ' + countsRow('total', o.totals));
  if (opts.timing && o.timing !== undefined) lines.push(`  time       ${timingText(o.timing)}`);
  if (o.mismatches.length > 0) {
    lines.push(`  first mismatches (${o.mismatches.length} of ${n(o.totals.mismatches)}):`);
    for (const m of o.mismatches) lines.push(...mismatchText(m));
  }
  return lines;
}

export function renderText(r: Report, opts: RenderOptions): string {
  const lines = [`randshim conformance: ${scopeText(r)}`, ''];
  for (const o of r.oracles) lines.push(...oracleText(o, opts), '');
  lines.push(`result: ${verdict(r)}`);
  if (opts.timing && r.timing !== undefined) lines.push(`time: ${timingText(r.timing)}`);
  return lines.join('\n') + '\n';
}

const md = (s: string): string => s.replace(/\|/g, '\\|');

export function renderMarkdown(r: Report, opts: RenderOptions): string {
  const lines = ['# randshim conformance', '', `${scopeText(r)}.`, '', `**${md(verdict(r))}**`, ''];
  if (opts.timing && r.timing !== undefined) lines.push(`Time: ${timingText(r.timing)}.`, '');
  for (const o of r.oracles) {
    lines.push(`## ${md(o.name)}: ${o.available ? md(o.version ?? '') : 'unavailable'}`, '');
    lines.push(`- library: \`${o.library}\``);
    if (o.provenance !== '') lines.push(`- provenance: ${md(o.provenance)}`);
    if (!o.available) {
      lines.push(`- reason: ${md(o.reason ?? '')}`, '');
      continue;
    }
    lines.push(`- subject: ${o.subject ?? ''}`);
    if (opts.timing && o.timing !== undefined) lines.push(`- time: ${timingText(o.timing)}`);
    lines.push('', `| configuration | ${COLUMNS.map(([h]) => h).join(' | ')} |`, `|---|${COLUMNS.map(() => '--:').join('|')}|`);
    for (const c of [...o.configs, { config: '**total**', counts: o.totals }]) {
      lines.push(`| ${c.config} | ${COLUMNS.map(([, k]) => n(c.counts[k])).join(' | ')} |`);
    }
    lines.push('');
    for (const m of o.mismatches) {
      lines.push(`- mismatch: ${md(m.config)}, case ${md(m.caseId)}, step ${m.step}, ${m.field}`,
        '  ```json', `  ${JSON.stringify({ expected: m.expected, got: m.got, minimal: m.minimal })}`, '  ```');
    }
    if (o.mismatches.length > 0) lines.push('');
  }
  return lines.join('\n');
}

/** XML 1.0 character data / attribute value: the five predefined entities, and characters
 * XML 1.0 does not allow dropped as \uXXXX text. */
function xml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&apos;' })[c] ?? c)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a).filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${xml(String(v))}"`).join('');
}

function countsText(c: Counts): string {
  return COLUMNS.map(([h, k]) => `${h} ${c[k]}`).join(', ');
}

function junitSuite(o: OracleReport, r: Report, opts: RenderOptions): string[] {
  const failures = o.configs.filter((c) => c.counts.mismatches > 0).length;
  const time = opts.timing && o.timing !== undefined ? o.timing.seconds.toFixed(3) : undefined;
  const tests = o.available ? o.configs.length : 1;
  const lines = [`  <testsuite${attrs({ name: o.name, tests, failures, errors: o.available ? 0 : 1, skipped: 0, time })}>`,
    '    <properties>'];
  const props: Record<string, string> = {
    library: o.library, version: o.version ?? '', provenance: o.provenance, flavor: o.flavor ?? '', subject: o.subject ?? '',
    seed: String(r.seed), cases: String(r.cases),
    ...(complete(r) ? {} : { shard: `${r.shards.map((s) => s.index).join('+')}/${r.shardCount}` }),
  };
  for (const [name, value] of Object.entries(props)) lines.push(`      <property${attrs({ name, value })}/>`);
  lines.push('    </properties>');
  if (!o.available) {
    lines.push(`    <testcase${attrs({ classname: o.name, name: 'oracle available' })}>`,
      `      <error${attrs({ type: 'unavailable', message: o.reason ?? 'unavailable' })}/>`, '    </testcase>');
  }
  for (const c of o.configs) {
    lines.push(`    <testcase${attrs({ classname: o.name, name: c.config })}>`);
    if (c.counts.mismatches > 0) {
      const details = o.mismatches.filter((m) => m.config === c.config)
        .map((m) => `case ${m.caseId}: step ${m.step}, ${m.field}: expected (OpenSSL) ${JSON.stringify(m.expected)}, ` +
          `got (randshim) ${JSON.stringify(m.got)}; minimal reproduction ${JSON.stringify(m.minimal)}`);
      const message = `${c.counts.mismatches} of ${c.counts.cases} cases mismatch`;
      lines.push(`      <failure${attrs({ type: 'mismatch', message })}>${xml([message, ...details].join('\n'))}</failure>`);
    }
    lines.push(`      <system-out>${xml(countsText(c.counts))}</system-out>`, '    </testcase>');
  }
  lines.push('  </testsuite>');
  return lines;
}

export function renderJunit(r: Report, opts: RenderOptions): string {
  const tests = r.oracles.reduce((t, o) => t + (o.available ? o.configs.length : 1), 0);
  const failures = r.oracles.reduce((t, o) => t + o.configs.filter((c) => c.counts.mismatches > 0).length, 0);
  const errors = r.oracles.filter((o) => !o.available).length;
  const time = opts.timing && r.timing !== undefined ? r.timing.seconds.toFixed(3) : undefined;
  return ['<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: `randshim-conformance (${scopeText(r)})`, tests, failures, errors, time })}>`,
    ...r.oracles.flatMap((o) => junitSuite(o, r, opts)), '</testsuites>', ''].join('\n');
}

export function renderJson(r: Report, opts: RenderOptions): string {
  const data = opts.timing ? r : { ...r, timing: undefined, oracles: r.oracles.map((o) => ({ ...o, timing: undefined })) };
  return JSON.stringify(data, null, 2) + '\n';
}

export function render(r: Report, format: Format, opts: RenderOptions): string {
  switch (format) {
    case 'json': return renderJson(r, opts);
    case 'junit': return renderJunit(r, opts);
    case 'markdown': return renderMarkdown(r, opts);
    default: return renderText(r, opts);
  }
}
