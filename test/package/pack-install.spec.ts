/**
 * The package as a consumer gets it: `npm pack` (which runs `prepare`), installed OFFLINE into a
 * fresh project (node-forge, the one runtime dependency, from a tarball packed out of this
 * repository's node_modules), then every export imported from ESM, from CommonJS (Node's
 * require(esm), 20.19+) and from TypeScript under moduleResolution node16, nodenext and bundler,
 * and the tarball checked by publint and @arethetypeswrong/cli. Last, the conformance CLI from
 * the installed package (`npx randshim-conformance`, koffi added as its optional peer) against
 * the system libcrypto.so.3: a valid JUnit file, and exit 2 for an unknown oracle.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const NPM_CLI = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
const TSC = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');

/** The subpaths package.json exports (besides ./package.json), as a consumer names them. */
const ENTRIES = Object.keys((JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }).exports)
  .filter((k) => k !== './package.json').map((k) => (k === '.' ? 'randshim' : `randshim/${k.slice(2)}`));

/** PATH without node_modules/.bin (where the Node 16 oracle binary installs a `node`), with
 * this Node first, so npm and the scripts it runs use this Node. */
function cleanEnv(): NodeJS.ProcessEnv {
  const path = (process.env.PATH ?? '').split(delimiter).filter((p) => !p.includes('node_modules'));
  return { ...process.env, PATH: [dirname(process.execPath), ...path].join(delimiter), npm_config_update_notifier: 'false' };
}

function run(args: readonly string[], cwd: string): string {
  const r = spawnSync(process.execPath, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} (in ${cwd}) exited ${r.status}:\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
}

describe('package: npm pack, offline install, imports from ESM, CommonJS and TypeScript', function () {
  let work: string;
  let tarball: string;
  let consumer: string;
  let packed: string[];

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'randshim-pack-'));
    const out = run([NPM_CLI, 'pack', '--json', '--pack-destination', work], REPO);
    const info = JSON.parse(out.slice(out.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    tarball = join(work, info[0].filename);
    packed = info[0].files.map((f) => f.path);
    run([NPM_CLI, 'pack', '--pack-destination', work, join(REPO, 'node_modules', 'node-forge')], REPO);
    consumer = join(work, 'consumer');
    mkdirSync(consumer);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true }));
    const forge = readdirSync(work).find((f) => f.startsWith('node-forge-') && f.endsWith('.tgz'));
    run([NPM_CLI, 'install', '--offline', '--no-audit', '--no-fund', tarball, join(work, String(forge))], consumer);
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('the tarball holds the built entry points with their .d.ts, the CLI, and nothing of tests or vectors', () => {
    for (const entry of ['dist/index', 'dist/provider/index', 'dist/compat/index', 'dist/compat/openssl111/index', 'dist/compat/openssl3/index']) {
      expect(packed).to.include(`${entry}.js`);
      expect(packed).to.include(`${entry}.d.ts`);
    }
    expect(packed).to.include('dist/scripts/conformance/bin.js');
    const stray = packed.filter((f) => /^dist\/(test|vectors)\//.test(f) || /^dist\/scripts\/(?!conformance\/[\w-]+\.js$)/.test(f)
      || f.endsWith('.map') || f.endsWith('.ts') && !f.endsWith('.d.ts'));
    expect(stray).to.deep.equal([]);
    console.log(`      tarball: ${packed.length} files`);
  });

  it('what an install pulls in: node-forge only; ffi-rs and koffi (native) are optional peers, never installed for you', () => {
    const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules', 'randshim', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.dependencies).to.deep.equal({ 'node-forge': '1.4.3' });
    expect(manifest.optionalDependencies).to.equal(undefined);
    expect(manifest.peerDependenciesMeta).to.deep.equal({ 'ffi-rs': { optional: true }, koffi: { optional: true } });
  });

  it('the installed project holds randshim and node-forge only, and no native code', () => {
    const top = readdirSync(join(consumer, 'node_modules')).filter((n) => !n.startsWith('.'));
    expect(top.sort()).to.deep.equal(['node-forge', 'randshim']);
    const native = filesUnder(join(consumer, 'node_modules')).filter((f) => f.endsWith('.node') || f.endsWith('.so'));
    expect(native).to.deep.equal([]);
  });

  it('every export loads from ESM and from CommonJS with the same names, and RAND_bytes works in each', () => {
    const probe = (load: string): string => `
      const entries = ${JSON.stringify(ENTRIES)};
      const names = {};
      for (const e of entries) names[e] = Object.keys(${load.replace('NAME', 'e')}).sort();
      const buf = new Uint8Array(32);
      const m3 = ${load.replace('NAME', "'randshim/compat/3'")};
      const m111 = ${load.replace('NAME', "'randshim/compat/1.1.1'")};
      const rc = [m3.RAND_bytes(buf, 32), m111.RAND_bytes(buf, 32)];
      console.log(JSON.stringify({ names, rc, nonZero: buf.some((b) => b !== 0) }));`;
    writeFileSync(join(consumer, 'esm.mjs'), probe('await import(NAME)'));
    writeFileSync(join(consumer, 'cjs.cjs'), probe('require(NAME)'));
    const esm = JSON.parse(run(['esm.mjs'], consumer)) as { names: Record<string, string[]>; rc: number[]; nonZero: boolean };
    const cjs = JSON.parse(run(['cjs.cjs'], consumer)) as typeof esm;
    expect(ENTRIES).to.deep.equal(['randshim', 'randshim/provider', 'randshim/compat', 'randshim/compat/1.1.1', 'randshim/compat/3',
      'randshim/compat/3.0', 'randshim/compat/3.5', 'randshim/compat/3.6', 'randshim/compat/4.0']);
    for (const e of ENTRIES) expect(esm.names[e].length, e).to.be.greaterThan(0);
    for (const line of ['3.0', '3.5', '3.6', '4.0']) expect(esm.names[`randshim/compat/${line}`], line).to.deep.equal(esm.names['randshim/compat/3']);
    expect(esm.names['randshim']).to.include.members(['Drbg', 'openssl111', 'openssl3', 'DrbgError']);
    expect(esm.names['randshim/compat/3']).to.include.members(['RAND_bytes', 'EVP_RAND_fetch', 'OSSL_PARAM_construct_utf8_string']);
    expect(esm.names['randshim/compat/1.1.1']).to.include.members(['RAND_bytes', 'RAND_DRBG_new', 'ERR_get_error']);
    expect(cjs.names).to.deep.equal(esm.names);
    expect(esm.rc).to.deep.equal([1, 1]);
    expect(cjs.rc).to.deep.equal([1, 1]);
    expect(esm.nonZero && cjs.nonZero).to.equal(true);
    const count = Object.values(esm.names).reduce((n, list) => n + list.length, 0);
    console.log(`      ${ENTRIES.length} entry points, ${count} exports, identical from ESM and CommonJS`);
  });

  const TS_SOURCE = `
    import { Drbg, openssl3, type DrbgOptions } from 'randshim';
    import { DrbgCtx, getBackend, type BackendName } from 'randshim/provider';
    import { openssl111 } from 'randshim/compat';
    import { RAND_DRBG_new, RAND_bytes as RAND_bytes_111 } from 'randshim/compat/1.1.1';
    import { RAND_bytes, EVP_RAND_fetch } from 'randshim/compat/3';
    import { RAND_bytes as RAND_bytes_35, EVP_RAND_CTX } from 'randshim/compat/3.5';
    import * as line40 from 'randshim/compat/4.0';
    const options: DrbgOptions = { mechanism: { type: 'HMAC-DRBG', digest: 'SHA2-256' } };
    const drbg: Drbg = new Drbg(options);
    const backend: BackendName = getBackend().name;
    const buf = new Uint8Array(16);
    const rc: number = RAND_bytes(buf, buf.length) + RAND_bytes_111(buf, buf.length) + openssl3.RAND_bytes(buf, 1)
      + RAND_bytes_35(buf, 1) + line40.RAND_priv_bytes(buf, 1);
    const ctx: EVP_RAND_CTX | null = line40.EVP_RAND_CTX_new(line40.EVP_RAND_fetch(null, 'CTR-DRBG', null), null);
    export const used = [drbg, backend, rc, ctx, DrbgCtx, openssl111.RAND_status, RAND_DRBG_new, EVP_RAND_fetch];
  `;

  for (const [resolution, module] of [['node16', 'node16'], ['nodenext', 'nodenext'], ['bundler', 'esnext']] as const) {
    it(`TypeScript (moduleResolution ${resolution}) type-checks imports of every export`, () => {
      const dir = join(consumer, `ts-${resolution}`);
      mkdirSync(dir);
      writeFileSync(join(dir, 'index.ts'), TS_SOURCE);
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
        compilerOptions: {
          module, moduleResolution: resolution, target: 'ES2022', lib: ['ES2022', 'DOM'], strict: true, noEmit: true,
          skipLibCheck: false, types: [], typeRoots: [join(REPO, 'node_modules', '@types')],
        },
        files: ['index.ts'],
      }));
      run([TSC, '-p', dir], dir);
    });
  }

  it('publint finds no error or warning in the installed package', () => {
    const out = run([join(REPO, 'node_modules', 'publint', 'src', 'cli.js'), join(consumer, 'node_modules', 'randshim'), '--pack', 'false', '--strict'], consumer);
    expect(out).to.not.match(/^Errors:|^Warnings:/m);
  });

  it('@arethetypeswrong/cli finds no problem for ESM consumers (node10, node16 from ESM, bundler)', () => {
    // --profile esm-only: a CommonJS consumer type-checked under `module: node16` cannot
    // require() an ES module (TypeScript 5.8+ allows it under nodenext); at run time Node
    // 20.19+ can, which the CommonJS test above proves.
    run([join(REPO, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js'), tarball, '--profile', 'esm-only', '--no-color'], consumer);
  });

  it('npx randshim-conformance from the installed package: JUnit against libcrypto.so.3, exit 2 for an unknown oracle', () => {
    const bin = (args: readonly string[]): ReturnType<typeof spawnSync> =>
      spawnSync(process.execPath, [NPM_CLI, 'exec', '--offline', '--no', '--', 'randshim-conformance', ...args],
        { cwd: consumer, env: cleanEnv(), encoding: 'utf8', timeout: 300_000 });
    const without = bin(['--list-oracles']);
    expect(without.status, String(without.stderr)).to.equal(2);
    expect(String(without.stderr)).to.contain('npm install koffi');
    run([NPM_CLI, 'pack', '--pack-destination', work, join(REPO, 'node_modules', 'koffi')], REPO);
    const koffi = readdirSync(work).find((f) => f.startsWith('koffi-') && f.endsWith('.tgz'));
    run([NPM_CLI, 'install', '--offline', '--no-audit', '--no-fund', '--no-save', join(work, String(koffi))], consumer);
    const junit = join(consumer, 'conformance.xml');
    const ok = bin(['--lib', '/usr/lib/x86_64-linux-gnu/libcrypto.so.3', '--cases', '56', '--format', 'junit', '--out', junit, '--no-progress']);
    expect(ok.status, `${String(ok.stdout)}${String(ok.stderr)}`).to.equal(0);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).to.match(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(xml).to.match(/<testsuites [^>]*tests="28" failures="0" errors="0"/);
    expect(xml.match(/<testcase /g)?.length).to.equal(28);
    expect(xml).to.contain('OpenSSL 3.0');
    const unknown = bin(['--oracle', 'system3']);
    expect(unknown.status).to.equal(2);
    expect(String(unknown.stderr)).to.contain('unknown oracle "system3"');
  });
});
