/**
 * A 3.x personality bound to one OpenSSL line: compat/openssl3's API, every function of which
 * runs as a call of that line (provider/openssl3/lines.ts: withLine), so that it reads that line's
 * row of the per-line table, its own default library context (compat/openssl3/state.ts) and its
 * own error tables (./err-tables.ts). The code is the same for every line; only the row differs.
 */
import * as api from '../openssl3/index.js';
import { withLine, type OpenSSL3Line } from '../../provider/openssl3/lines.js';

export type Personality3 = typeof api;

const isClass = (f: unknown): boolean => typeof f === 'function' && /^class\b/.test(Function.prototype.toString.call(f));

export function createPersonality3(line: OpenSSL3Line): Personality3 {
  const bound: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(api)) {
    bound[name] = typeof value === 'function' && !isClass(value)
      ? (...args: unknown[]): unknown => withLine(line, () => (value as (...a: unknown[]) => unknown)(...args))
      : value;
  }
  return Object.freeze(bound) as unknown as Personality3;
}
