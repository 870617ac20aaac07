/**
 * The per-line entry points that scripts/build/line-entries.ts writes from the one template
 * (compat/openssl3-lines/line-entry.ts): each emitted module is bound to its own line, loaded
 * from dist as Node loads it, and inside one esbuild browser bundle of all four (where a line
 * derived from import.meta.url would be the bundle's one URL for all of them).
 *
 * Two observations per entry (./line-observe.ts): the line a call through it runs under, and
 * the line's own answers where OpenSSL's lines differ:
 * - EVP_RAND_fetch finds "CTR-DRBG " with its trailing space in 3.5 and 3.6, not in 3.0 and 4.0
 *   (crypto/core_namemap.c, crypto/evp/evp_fetch.c);
 * - PROV reason 252 is PROV_R_REPEATED_PARAMETER, "repeated parameter", from 3.6 (proverr.h,
 *   providers/common/provider_err.c; the string is in 3.6's and 4.0's libcrypto, not in 3.5's).
 */
import { expect } from 'chai';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Personality3 } from '../../compat/openssl3-lines/personality.js';
import { observeLine, type LineObservation } from './line-observe.js';

const ENTRIES = fileURLToPath(new URL('../../compat/openssl3-lines/', import.meta.url));
const OBSERVE_MODULE = fileURLToPath(new URL('./line-observe.js', import.meta.url));

/** The entry file of each line, and what OpenSSL's line answers (see the header). */
const EXPECTED = {
  '30.js': { line: '3.0', fetchTrimsName: false, provReason252: null },
  '35.js': { line: '3.5', fetchTrimsName: true, provReason252: null },
  '36.js': { line: '3.6', fetchTrimsName: true, provReason252: 'repeated parameter' },
  '40.js': { line: '4.0', fetchTrimsName: false, provReason252: 'repeated parameter' },
} as const;

describe('build: the per-line entry points written from line-entry.js', () => {
  it('dist holds the four entries, each the template with only its line literal changed', () => {
    const template = readFileSync(join(ENTRIES, 'line-entry.js'), 'utf8');
    for (const [file, want] of Object.entries(EXPECTED)) {
      const text = readFileSync(join(ENTRIES, file), 'utf8');
      expect(text, file).to.equal(template.replace("const LINE = '3.0';", `const LINE = '${want.line}';`));
      expect(text.match(/const LINE = '(\d\.\d)';/g), file).to.deep.equal([`const LINE = '${want.line}';`]);
      expect(readFileSync(join(ENTRIES, file.replace('.js', '.d.ts')), 'utf8'), file).to.include("export * from './line-entry.js';");
    }
  });

  it('in Node: each entry runs its calls under its own line and answers as that line of OpenSSL', async () => {
    const seen: Record<string, LineObservation> = {};
    for (const file of Object.keys(EXPECTED)) {
      seen[file] = observeLine(await import(pathToFileURL(join(ENTRIES, file)).href) as Personality3);
    }
    expect(seen).to.deep.equal(EXPECTED);
  });

  it('in one esbuild browser bundle of all four entries: each still its own line', async () => {
    const files = Object.keys(EXPECTED);
    const source = [
      `import { observeLine } from ${JSON.stringify(OBSERVE_MODULE)};`,
      ...files.map((f, i) => `import * as e${i} from ${JSON.stringify(join(ENTRIES, f))};`),
      `export const seen = { ${files.map((f, i) => `${JSON.stringify(f)}: observeLine(e${i})`).join(', ')} };`,
    ].join('\n');
    const r = await build({
      stdin: { contents: source, resolveDir: ENTRIES, loader: 'js' }, bundle: true, write: false, format: 'esm',
      platform: 'browser', target: 'es2022', metafile: true, logLevel: 'silent',
    });
    const inputs = Object.keys(r.metafile.inputs);
    // one copy of the line table and of each entry: the bundle is what a browser would load
    expect(inputs.filter((i) => i.endsWith('provider/openssl3/lines.js'))).to.have.length(1);
    for (const f of files) expect(inputs.filter((i) => i.endsWith(`openssl3-lines/${f}`)), f).to.have.length(1);
    const dir = mkdtempSync(join(tmpdir(), 'randshim-line-entries-'));
    try {
      writeFileSync(join(dir, 'bundle.mjs'), r.outputFiles[0].text);
      const { seen } = await import(pathToFileURL(join(dir, 'bundle.mjs')).href) as { seen: Record<string, LineObservation> };
      expect(seen).to.deep.equal(EXPECTED);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
