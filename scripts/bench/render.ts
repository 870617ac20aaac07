/** Renders a benchmark run: Markdown tables and an SVG chart of the target ratios. */
import type { Sample } from './measure.js';
import type { TargetResult } from './targets.js';

export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
  readonly nodeOpenssl: string;
  readonly systemOpenssl: string;
  readonly date: string;
}

const sizeLabel = (n: number): string => (n >= 1 << 20 ? `${n / (1 << 20)} MiB` : n >= 1024 ? `${n / 1024} KiB` : `${n} B`);

/** Small ratios (a check against a call) need more digits than the others. */
function formatRatio(r: number): string {
  return r < 0.1 ? r.toFixed(4) : r.toFixed(2);
}

function formatNs(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(ns >= 1e8 ? 0 : 1)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(ns >= 1e5 ? 0 : ns >= 1e4 ? 1 : 2)} us`;
  return `${ns.toFixed(ns < 100 ? 1 : 0)} ns`;
}

export function markdown(samples: readonly Sample[], targets: readonly TargetResult[], sizes: readonly number[], machine: MachineInfo, rounds: number): string {
  const names = [...new Set(samples.map((s) => s.contender))];
  const cell = (name: string, size: number): string => {
    const s = samples.find((x) => x.contender === name && x.size === size);
    return s === undefined ? '-' : formatNs(s.medianNs);
  };
  const lines = [
    `Machine: ${machine.cpu}, ${machine.cores} cores; Node ${machine.node} (OpenSSL ${machine.nodeOpenssl}); system ${machine.systemOpenssl}; ${machine.date}.`,
    `Median time per call over ${rounds} interleaved rounds (\`npm run bench\`).`,
    '',
    '| targets | ratio | limit | met | detail |',
    '|---|---:|---:|:---:|---|',
    ...targets.map((t) => `| ${t.name} | ${formatRatio(t.ratio)} | ${t.better === 'lower' ? '<=' : '>='} ${t.limit} | ${t.met ? 'yes' : '**no**'} | ${t.detail} |`),
    '',
    `| contender | ${sizes.map(sizeLabel).join(' | ')} |`,
    `|---|${sizes.map(() => '---:').join('|')}|`,
    ...names.map((n) => `| ${n} | ${sizes.map((s) => cell(n, s)).join(' | ')} |`),
  ];
  return lines.join('\n');
}

/** A horizontal bar per target: its ratio normalised so the limit sits at the same x. */
export function svgChart(targets: readonly TargetResult[]): string {
  const rowH = 22;
  const labelW = 520;
  const barW = 300;
  const h = targets.length * rowH + 40;
  const w = labelW + barW + 90;
  // Normalise so that 1.0 = the limit met exactly; > 1 is better. Log scale, clipped.
  const score = (t: TargetResult): number => (t.better === 'lower' ? t.limit / t.ratio : t.ratio / t.limit);
  const x = (s: number): number => Math.max(0, Math.min(barW, (Math.log10(Math.max(s, 0.01)) + 2) / 4 * barW));
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const rows = targets.map((t, i) => {
    const y = 20 + i * rowH;
    const s = score(t);
    return `<text x="${labelW - 6}" y="${y + 14}" text-anchor="end" font-size="11">${esc(t.name)}</text>`
      + `<rect x="${labelW}" y="${y + 3}" width="${x(s).toFixed(1)}" height="14" fill="${t.met ? '#3a7d44' : '#c0392b'}"/>`
      + `<text x="${labelW + x(s) + 4}" y="${y + 14}" font-size="11">${formatRatio(t.ratio)} (${t.better === 'lower' ? '&#8804;' : '&#8805;'} ${t.limit})</text>`;
  });
  const limitX = labelW + x(1);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="sans-serif">`,
    `<rect width="${w}" height="${h}" fill="white"/>`,
    `<text x="${labelW}" y="13" font-size="11">bar: how far past the target (log scale); line: target met exactly</text>`,
    ...rows,
    `<line x1="${limitX}" y1="18" x2="${limitX}" y2="${h - 10}" stroke="#333" stroke-dasharray="4 3"/>`,
    '</svg>',
  ].join('\n');
}
