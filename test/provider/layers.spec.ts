/**
 * provider/ is layered: each layer imports only itself and the layers below it, so the
 * SP 800-90A mechanisms stay free of OpenSSL concepts and the two OpenSSL state machines
 * (openssl111/ and openssl3/) never reach into each other. This spec parses the imports of every
 * provider/ source file (TypeScript's own pre-processor: static, type-only, re-export and dynamic
 * imports) and checks them against the table below.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const PROVIDER = fileURLToPath(new URL('../../../provider', import.meta.url));

type Layer =
  | 'base' | 'sp800-90a' | 'platform' | 'err' | 'rand-pool' | 'openssl3/core' | 'openssl3/rands' | 'openssl3/fips'
  | 'openssl3/rand' | 'openssl111' | 'fortuna' | 'conventions' | 'top';

/** The layers from the bottom up; a layer of this chain may import every layer before it. */
const CHAIN: readonly Layer[] = [
  'base', 'sp800-90a', 'platform', 'err', 'rand-pool', 'openssl3/core', 'openssl3/rands', 'openssl3/fips', 'openssl3/rand',
];

function below(layer: Layer): Layer[] {
  return CHAIN.slice(0, CHAIN.indexOf(layer) + 1);
}

/** What each layer may import (itself included). openssl111 (crypto/rand/drbg_lib.c) stands on
 * the mechanisms, the platform, the error queue and the entropy pool, beside openssl3. Two side
 * layers stand on the mechanisms and the platform only: fortuna (the Fortuna accumulator, which
 * the OpenSSL 3 rands may wrap as a seed source) and conventions (other libraries' ways of
 * driving the SP 800-90A mechanisms). Glue between the two OpenSSL lines is top level. */
const MAY_IMPORT: Readonly<Record<Layer, readonly Layer[]>> = {
  ...Object.fromEntries(CHAIN.map((layer) => [layer,
    CHAIN.indexOf(layer) >= CHAIN.indexOf('openssl3/rands') ? [...below(layer), 'fortuna'] : below(layer)])) as Record<Layer, Layer[]>,
  openssl111: [...below('rand-pool'), 'openssl111'],
  fortuna: [...below('platform'), 'fortuna'],
  conventions: [...below('platform'), 'conventions'],
  top: [...CHAIN, 'openssl111', 'fortuna', 'conventions', 'top'],
};

/** The layer of a path relative to provider/ (posix separators), or null if none. */
function layerOf(path: string): Layer | null {
  if (path === 'bytes.ts' || path === 'exceptions.ts') return 'base';
  if (path === 'drbg.ts' || path === 'index.ts' || path === 'fortuna-111.ts') return 'top';
  const [first, second] = path.split('/');
  // the per-line table is read at call time by every 3.x layer
  if (path === 'openssl3/lines.ts') return 'openssl3/core';
  if (first === 'openssl3') {
    const layer = `openssl3/${second}`;
    return (CHAIN as readonly string[]).includes(layer) ? layer as Layer : null;
  }
  return ([...CHAIN, 'openssl111', 'fortuna', 'conventions'] as readonly string[]).includes(first) && path.includes('/') ? first as Layer : null;
}

interface SourceFile {
  /** Relative to provider/, posix separators. */
  readonly path: string;
  readonly text: string;
}

/** Every rule broken by `files`, one line each. */
function layerViolations(files: readonly SourceFile[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const layer = layerOf(file.path);
    if (layer === null) {
      found.push(`${file.path}: in no layer`);
      continue;
    }
    for (const { fileName } of ts.preProcessFile(file.text, true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = posix.normalize(posix.join(posix.dirname(file.path), fileName)).replace(/\.js$/, '.ts');
      const targetLayer = target.startsWith('..') ? null : layerOf(target);
      if (targetLayer === null) found.push(`${file.path}: imports ${fileName}, outside provider's layers`);
      else if (!MAY_IMPORT[layer].includes(targetLayer)) found.push(`${file.path} (${layer}): imports ${targetLayer} (${fileName})`);
    }
  }
  return found;
}

function providerSources(dir: string = PROVIDER): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return providerSources(full);
    if (!entry.name.endsWith('.ts')) return [];
    return [{ path: relative(PROVIDER, full).split(sep).join('/'), text: readFileSync(full, 'utf8') }];
  });
}

describe('provider layers', () => {
  it('every provider/ file imports only its own layer and the layers below it', () => {
    const files = providerSources();
    expect(files.length).to.be.greaterThan(45);
    const imports = files.reduce((n, f) => n + ts.preProcessFile(f.text, true, true).importedFiles.length, 0);
    expect(imports).to.be.greaterThan(200);
    expect(layerViolations(files)).to.deep.equal([]);
    console.log(`      (${files.length} files, ${imports} imports checked)`);
  });

  it('the check reports upward, sideways and outward imports, and files in no layer', () => {
    const bad: SourceFile[] = [
      { path: 'sp800-90a/primitives/x.ts', text: "import { raise } from '../../err/queue.js';" },
      { path: 'platform/x.ts', text: "export type { RandImpl } from '../openssl3/rands/rand-impl.js';" },
      { path: 'openssl111/x.ts', text: "const m = await import('../openssl3/core/properties.js');" },
      { path: 'openssl3/core/x.ts', text: "import type {\n  RandParams,\n} from '../rands/rand-impl.js';" },
      { path: 'err/x.ts', text: "import '../../compat/err/api.js';" },
      { path: 'misc/x.ts', text: '' },
    ];
    expect(layerViolations(bad)).to.have.length(6);
    const good: SourceFile[] = [
      { path: 'openssl111/x.ts', text: "import { osEntropy } from '../rand-pool/os-pool.js'; import 'node:fs';" },
      { path: 'openssl3/rand/x.ts', text: "import { utf8 } from '../../bytes.js';" },
    ];
    expect(layerViolations(good)).to.deep.equal([]);
  });
});
