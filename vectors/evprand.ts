/**
 * Loader for the NIST CAVP DRBG vectors as OpenSSL's evp_test runs them
 * (test/recipes/30-test_evp_data/evprand.txt), committed here as evprand.json.gz by
 * scripts/import-vectors.ts. See vectors/README.md for provenance and licence.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** The numbered keywords of an evprand.txt case (evp_test.c rand_test_parse). */
export const CASE_KEYWORDS = [
  'Entropy', 'ReseedEntropy', 'Nonce', 'PersonalisationString', 'ReseedAdditionalInput',
  'AdditionalInputA', 'AdditionalInputB', 'EntropyPredictionResistanceA',
  'EntropyPredictionResistanceB', 'Output',
] as const;
export type CaseKeyword = (typeof CASE_KEYWORDS)[number];

/** One case (one `.N` index of a stanza): hex strings by keyword; absent keywords are absent. */
export type EvpRandCase = { readonly index: number } & Partial<Record<CaseKeyword, string>>;

export interface EvpRandStanza {
  /** The Title in force. */
  readonly title: string;
  /** Line of the `RAND =` keyword in the source file. */
  readonly line: number;
  readonly rand: 'CTR-DRBG' | 'HASH-DRBG' | 'HMAC-DRBG';
  readonly cipher?: string;
  readonly digest?: string;
  /** DerivationFunction; evp_test treats an absent line as 0. */
  readonly derivationFunction: boolean;
  readonly predictionResistance: boolean;
  readonly generateBits: number;
  readonly cases: readonly EvpRandCase[];
}

export interface EvpRandSource {
  readonly file: string;
  readonly package: string;
  readonly gitBlob: string;
  readonly sha256: string;
  readonly licence: string;
  readonly origin: string;
}

export interface EvpRandVectors {
  readonly format: 1;
  readonly source: EvpRandSource;
  readonly stanzas: readonly EvpRandStanza[];
}

/** Path of the committed vector file. */
export const EVPRAND_VECTOR_FILE = join(
  dirname(fileURLToPath(import.meta.url)), '..', '..', 'vectors', 'evprand.json.gz');

let cached: EvpRandVectors | undefined;

/** Loads (once) and returns the committed vectors. */
export function loadEvpRand(file: string = EVPRAND_VECTOR_FILE): EvpRandVectors {
  if (file === EVPRAND_VECTOR_FILE && cached !== undefined) return cached;
  const parsed = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as EvpRandVectors;
  if (parsed.format !== 1 || !Array.isArray(parsed.stanzas)) throw new Error(`${file}: not an evprand vector file`);
  if (file === EVPRAND_VECTOR_FILE) cached = parsed;
  return parsed;
}

/**
 * Parses evprand.txt text the way evp_test reads it: stanzas start at `RAND = name` and end at
 * a blank line; `#` lines are comments; `Title` names the following stanzas; numbered keywords
 * take `.N` with N in 0..14 (MAX_RAND_REPEATS). Unknown keywords are an error, as in evp_test.
 */
export function parseEvpRand(text: string): { title: string; line: number; stanza: Omit<EvpRandStanza, 'title' | 'line'> }[] {
  const out: { title: string; line: number; stanza: Omit<EvpRandStanza, 'title' | 'line'> }[] = [];
  let title = '';
  type Building = {
    line: number; rand: EvpRandStanza['rand']; cipher?: string; digest?: string; df: boolean; pr: boolean;
    bits: number; cases: Map<number, Record<string, string>>;
  };
  let cur: Building | null = null;
  const finish = (): void => {
    if (cur === null) return;
    const cases = [...cur.cases.entries()].sort((a, b) => a[0] - b[0]).map(([index, kv]) => ({ index, ...kv }));
    const stanza: Omit<EvpRandStanza, 'title' | 'line'> = {
      rand: cur.rand,
      ...(cur.cipher !== undefined ? { cipher: cur.cipher } : {}),
      ...(cur.digest !== undefined ? { digest: cur.digest } : {}),
      derivationFunction: cur.df, predictionResistance: cur.pr, generateBits: cur.bits, cases,
    };
    out.push({ title, line: cur.line, stanza });
    cur = null;
  };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === '') {
      finish();
      continue;
    }
    if (raw.startsWith('#')) continue;
    const eq = raw.indexOf('=');
    if (eq < 0) throw new Error(`line ${i + 1}: no '='`);
    const key = raw.slice(0, eq).trim();
    const value = raw.slice(eq + 1).trim();
    if (key === 'Title') {
      finish();
      title = value;
      continue;
    }
    if (key === 'RAND') {
      finish();
      if (value !== 'CTR-DRBG' && value !== 'HASH-DRBG' && value !== 'HMAC-DRBG') {
        throw new Error(`line ${i + 1}: unknown RAND ${value}`);
      }
      cur = { line: i + 1, rand: value, df: false, pr: false, bits: 0, cases: new Map() };
      continue;
    }
    if (cur === null) throw new Error(`line ${i + 1}: ${key} outside a RAND stanza`);
    switch (key) {
      case 'Cipher': cur.cipher = value; continue;
      case 'Digest': cur.digest = value; continue;
      case 'DerivationFunction': cur.df = parseInt(value, 10) !== 0; continue;
      case 'PredictionResistance': cur.pr = parseInt(value, 10) !== 0; continue;
      case 'GenerateBits': {
        const bits = parseInt(value, 10);
        if (!(bits > 0) || bits % 8 !== 0) throw new Error(`line ${i + 1}: bad GenerateBits ${value}`);
        cur.bits = bits;
        continue;
      }
      default: break;
    }
    const dot = key.lastIndexOf('.');
    const word = dot < 0 ? key : key.slice(0, dot);
    const n = dot < 0 ? NaN : Number(key.slice(dot + 1));
    if (!(CASE_KEYWORDS as readonly string[]).includes(word) || !Number.isInteger(n) || n < 0 || n >= 15) {
      throw new Error(`line ${i + 1}: unknown keyword ${key}`);
    }
    if (!/^[0-9a-fA-F]*$/.test(value) || value.length % 2 !== 0) throw new Error(`line ${i + 1}: bad hex`);
    const c = cur.cases.get(n) ?? {};
    if (word in c) throw new Error(`line ${i + 1}: duplicate ${key}`);
    c[word] = value.toLowerCase();
    cur.cases.set(n, c);
  }
  finish();
  return out;
}

/** Number of cases (Output lines) in a set of stanzas. */
export function countCases(stanzas: readonly EvpRandStanza[]): number {
  return stanzas.reduce((n, s) => n + s.cases.length, 0);
}
