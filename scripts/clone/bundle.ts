/**
 * Bundles an ESM module of dist/ (and everything it imports, node-forge included) into one
 * CommonJS script, the only kind `node --build-snapshot` accepts: a startup snapshot's entry
 * may require built-in modules but cannot load files. Each module becomes a function in a
 * registry, keyed by its path; `require` between them is resolved here, at bundle time.
 *
 * Deliberately small: ESM is turned into CommonJS by TypeScript's transpileModule (already a
 * dependency), `import.meta.url` becomes the module's file URL, and anything a snapshot cannot
 * hold is refused with a clear error (dynamic `import()`, native `.node` addons); a `.json`
 * module is its parsed value, as require() gives it. Requires that
 * name no file (built-ins, and optional packages such as ffi-rs that randshim loads lazily at
 * run time) are left to the running process.
 */
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleError';
  }
}

const REQUIRE_CALL = /\brequire\(\s*(['"])([^'"]+)\1\s*\)/g;
/** Packages left to the running process: loaded lazily, optional, native. */
const LEFT_TO_RUNTIME = new Set(['ffi-rs', 'koffi']);

interface Bundled {
  readonly id: number;
  readonly file: string;
  code: string;
  /** Specifier to a bundled module's id, or "builtin:spec" / "runtime:spec". */
  readonly deps: Map<string, number | string>;
}

/** Returns the script: running it evaluates `entry` (an absolute path to a .js file). */
export function bundle(entry: string): string {
  const modules = new Map<string, Bundled>();
  const queue: string[] = [];
  const add = (file: string): number => {
    let m = modules.get(file);
    if (m === undefined) {
      m = { id: modules.size, file, code: '', deps: new Map() };
      modules.set(file, m);
      queue.push(file);
    }
    return m.id;
  };
  add(entry);
  while (queue.length > 0) {
    const file = queue.shift() as string;
    const m = modules.get(file) as Bundled;
    if (file.endsWith('.node')) throw new BundleError(`${file} is a native addon, which a snapshot cannot hold`);
    let source = readFileSync(file, 'utf8');
    if (file.endsWith('.json')) {
      // A JSON module (compat/err's generated tables): its value, as require() would give it.
      m.code = `module.exports = ${source.trim()};`;
      continue;
    }
    const isEsm = file.endsWith('.mjs') || (file.endsWith('.js') && /^\s*(import|export)\s/m.test(source));
    if (isEsm) {
      if (/\bimport\s*\(/.test(source)) throw new BundleError(`${file} uses dynamic import(), which a snapshot cannot follow`);
      source = source.replace(/\bimport\.meta\.url\b/g, '__bundle_url');
      source = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        fileName: file,
      }).outputText;
    }
    const req = createRequire(file);
    for (const match of source.matchAll(REQUIRE_CALL)) {
      const spec = match[2];
      if (m.deps.has(spec)) continue;
      const bare = spec.startsWith('node:') ? spec.slice(5) : spec;
      if (builtinModules.includes(bare)) {
        m.deps.set(spec, `builtin:${spec}`);
        continue;
      }
      if (LEFT_TO_RUNTIME.has(spec)) {
        m.deps.set(spec, `runtime:${spec}`);
        continue;
      }
      let resolved: string;
      try {
        resolved = req.resolve(spec);
      } catch {
        throw new BundleError(`${file}: cannot resolve "${spec}"`);
      }
      m.deps.set(spec, add(resolved));
    }
    m.code = source;
  }

  const parts: string[] = [
    '"use strict";',
    '// Bundled by scripts/clone/bundle.ts for a V8 startup snapshot.',
    'const __bundle_require = require;',
    'const __bundle_load = (() => {',
    '  const defs = [];',
    '  const cache = [];',
    '  function load(id) {',
    '    if (cache[id] !== undefined) return cache[id].exports;',
    '    const def = defs[id];',
    '    const module = { exports: {} };',
    '    cache[id] = module;',
    '    const localRequire = (spec) => {',
    '      const target = def.deps[spec];',
    '      if (target === undefined) throw new Error(`bundle: ${def.file} requires "${spec}", which was not bundled`);',
    '      if (typeof target === "number") return load(target);',
    '      if (target.startsWith("builtin:")) return __bundle_require(target.slice(8));',
    '      return __bundle_require("node:module").createRequire(def.file)(target.slice(8));',
    '    };',
    '    def.fn.call(module.exports, module, module.exports, localRequire, def.file, def.dir, def.url);',
    '    return module.exports;',
    '  }',
    '  load.defs = defs;',
    '  return load;',
    '})();',
  ];
  for (const m of modules.values()) {
    const deps = Object.fromEntries(m.deps);
    parts.push(
      `__bundle_load.defs[${m.id}] = { file: ${JSON.stringify(m.file)}, dir: ${JSON.stringify(dirname(m.file))}, ` +
        `url: ${JSON.stringify(pathToFileURL(m.file).href)}, deps: ${JSON.stringify(deps)}, ` +
        'fn: function (module, exports, require, __filename, __dirname, __bundle_url) {\n' + m.code + '\n} };',
    );
  }
  parts.push('__bundle_load(0);');
  return parts.join('\n');
}
