/**
 * Property queries, as far as fetching randshim's algorithms needs them. OpenSSL's default
 * provider registers every RAND (and the ciphers and digests the DRBGs fetch) with the
 * definition "provider=default", its FIPS provider with "provider=fips,fips=yes"; the
 * {@link ProviderStore} (provider/openssl3/core/provider-store.ts) matches queries against those definitions
 * with the functions here.
 *
 * Parsing follows crypto/property/property_parse.c ossl_parse_query (names are lower-cased
 * identifiers with dotted segments; `-name` is an override and ignored when matching; `?`
 * makes a clause optional; `name` alone means `name=yes`; values are quoted strings, numbers,
 * or unquoted strings folded to lower case), and matching follows ossl_property_match_count:
 * a clause naming a property the definition lacks compares against Boolean false ("no").
 */
import { lineBehaviour } from '../lines.js';

type Value =
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'number' }
  | { readonly kind: 'undefined' };

interface Clause {
  readonly name: string;
  readonly op: 'eq' | 'ne' | 'override';
  readonly optional: boolean;
  readonly value: Value;
}

/** Values the property store knows once the default provider (and randshim's FIPS-behaviour
 * provider) registered their definitions; a query value outside these (with create_values = 0)
 * parses as "undefined", which only `!=` matches. */
const KNOWN_VALUES: ReadonlySet<string> = new Set(['yes', 'no', 'default', 'fips']);

/** A value the store knows: the above, and from 3.5 "base" (the base provider defines SEED-SRC
 * "provider=base", providers/baseprov.c: base_rands; 3.0's base provider has no RAND). */
const knownValue = (text: string): boolean => KNOWN_VALUES.has(text) || (text === 'base' && lineBehaviour().seedSrcInBase);

const isAlpha = (c: string): boolean => /^[A-Za-z]$/.test(c);
const isAlnum = (c: string): boolean => /^[A-Za-z0-9]$/.test(c);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';

class Cursor {
  pos = 0;
  constructor(readonly s: string) {}
  get ch(): string {
    return this.s[this.pos] ?? '';
  }
  skipSpace(): void {
    while (isSpace(this.ch)) this.pos++;
  }
  match(token: string): boolean {
    if (!this.s.startsWith(token, this.pos)) return false;
    this.pos += token.length;
    this.skipSpace();
    return true;
  }
}

function parseName(c: Cursor): string | null {
  let name = '';
  for (;;) {
    if (!isAlpha(c.ch)) return null;
    do {
      name += c.ch.toLowerCase();
      c.pos++;
    } while (c.ch === '_' || isAlnum(c.ch));
    if (c.ch !== '.') break;
    name += '.';
    c.pos++;
  }
  c.skipSpace();
  return name;
}

/** parse_value; null when nothing parses (the clause is then "undefined"). */
function parseValue(c: Cursor): Value | null {
  const ch = c.ch;
  if (ch === '"' || ch === '\'') {
    const end = c.s.indexOf(ch, c.pos + 1);
    if (end < 0) return null;
    const text = c.s.slice(c.pos + 1, end);
    c.pos = end + 1;
    c.skipSpace();
    return knownValue(text) ? { kind: 'string', text } : { kind: 'undefined' };
  }
  if (ch === '+' || ch === '-' || /^[0-9]$/.test(ch)) {
    const m = /^[+-]?(0x[0-9a-fA-F]+|[0-9]+)/.exec(c.s.slice(c.pos));
    if (m === null) return null;
    c.pos += m[0].length;
    const next = c.ch;
    if (next !== '' && next !== ',' && !isSpace(next)) return null;
    c.skipSpace();
    return { kind: 'number' };
  }
  if (isAlpha(ch)) {
    let text = '';
    while (c.ch !== '' && c.ch !== ',' && !isSpace(c.ch) && c.ch >= ' ' && c.ch <= '~') {
      text += c.ch.toLowerCase();
      c.pos++;
    }
    if (c.ch !== '' && c.ch !== ',' && !isSpace(c.ch)) return null;
    c.skipSpace();
    return knownValue(text) ? { kind: 'string', text } : { kind: 'undefined' };
  }
  return null;
}

/** ossl_parse_query; null on a parse error (trailing characters, bad identifier). */
export function parsePropertyQuery(query: string): Clause[] | null {
  const c = new Cursor(query);
  const clauses: Clause[] = [];
  c.skipSpace();
  let done = c.ch === '';
  while (!done) {
    if (c.match('-')) {
      const name = parseName(c);
      if (name === null) return null;
      clauses.push({ name, op: 'override', optional: false, value: { kind: 'undefined' } });
    } else {
      const optional = c.match('?');
      const name = parseName(c);
      if (name === null) return null;
      if (c.match('=')) {
        clauses.push({ name, op: 'eq', optional, value: parseValue(c) ?? { kind: 'undefined' } });
      } else if (c.match('!=')) {
        clauses.push({ name, op: 'ne', optional, value: parseValue(c) ?? { kind: 'undefined' } });
      } else {
        clauses.push({ name, op: 'eq', optional, value: { kind: 'string', text: 'yes' } });
      }
    }
    done = !c.match(',');
  }
  return c.ch === '' ? clauses : null;
}

/** A property definition, e.g. "provider=default" or "provider=fips,fips=yes", as a map. */
export type PropertyDefinition = ReadonlyMap<string, string>;

/** Parses a definition string of `name=value` pairs (values lower-cased, as the store keeps them). */
export function parseDefinition(definition: string): PropertyDefinition {
  const map = new Map<string, string>();
  for (const part of definition.split(',')) {
    const [name, value] = part.split('=');
    if (name !== undefined && name.trim() !== '') map.set(name.trim().toLowerCase(), (value ?? 'yes').trim().toLowerCase());
  }
  return map;
}

/**
 * ossl_property_match_count: -1 when a mandatory clause fails against `definition`, else the
 * number of optional (`?`) clauses that match (a fetch prefers the highest). Overrides
 * (`-name`) are skipped. A clause naming a property the definition lacks compares against
 * Boolean false ("no").
 */
export function propertyMatchCount(clauses: readonly Clause[], definition: PropertyDefinition): number {
  let matches = 0;
  for (const q of clauses) {
    if (q.op === 'override') continue;
    const defined = definition.get(q.name);
    let ok: boolean;
    if (defined !== undefined) {
      const eq = q.value.kind === 'string' && q.value.text === defined;
      ok = q.op === 'eq' ? eq : !eq;
    } else if (q.value.kind === 'undefined') {
      ok = q.op === 'ne';
    } else {
      // No such property: compared against Boolean false.
      const isFalse = q.value.kind === 'string' && q.value.text === 'no';
      ok = q.value.kind === 'string' && (q.op === 'eq' ? isFalse : !isFalse);
    }
    if (q.optional) {
      if (ok) matches++;
    } else if (!ok) {
      return -1;
    }
  }
  return matches;
}

/**
 * ossl_property_merge(query, defaults): the query's clauses, then every default clause whose
 * name the query does not mention (an override `-name` in the query suppresses that default).
 */
export function mergeProperties(query: readonly Clause[], defaults: readonly Clause[]): Clause[] {
  const named = new Set(query.map((q) => q.name));
  return [...query, ...defaults.filter((d) => !named.has(d.name))];
}

export type { Clause as PropertyClause };
