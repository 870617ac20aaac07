/**
 * The 1.1.1 porting example of docs/porting-1.1.1.md, kept honest: the TypeScript block is
 * extracted from that page, type-checked (strict) against randshim's published declarations, and run as written
 * (`randshim/compat` resolves to this package); the C block's RAND_DRBG calls are run on both
 * real 1.1.1 oracles with the same seed, nonce, personalization and additional input; the
 * TypeScript's output must equal what real 1.1.1 gives and the page's output block.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import ts from 'typescript';
import { repoRoot } from '../../interop/builds/openssl111/load.js';
import type { RawCall, RawResult } from '../../interop/suites/raw-calls-111/calls.js';
import type { Oracle111 } from '../../interop/builds/openssl111/oracle.js';
import { discoverBuilds, type Discovery } from '../../interop/builds/registry.js';

const hex = (s: string): string => Buffer.from(s).toString('hex');

/** The C program's calls in the raw 1.1.1 language: its callbacks hand out the whole seed /
 * nonce, as the oracles' sources do. */
const C_EQUIVALENT: readonly RawCall[] = [
  { fn: 'source', name: 'app', entropy: '5a'.repeat(32), nonce: 'a5'.repeat(16) },
  { fn: 'RAND_DRBG_new', type: 906, flags: 0, bind: 'drbg' },
  { fn: 'RAND_DRBG_set_callbacks', drbg: 'drbg', source: 'app' },
  { fn: 'RAND_DRBG_set_reseed_interval', drbg: 'drbg', interval: 2 },
  { fn: 'RAND_DRBG_set_reseed_time_interval', drbg: 'drbg', interval: 0 },
  { fn: 'RAND_DRBG_instantiate', drbg: 'drbg', pers: hex('my app') },
  ...[0, 1, 2].map((): RawCall => ({ fn: 'RAND_DRBG_generate', drbg: 'drbg', outlen: 32, adin: hex('key') })),
  { fn: 'RAND_DRBG_free', drbg: 'drbg' },
];

/** What the C program prints, from the oracle's results: callback calls and keys, in order. */
function printed(results: readonly RawResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    for (const c of r.calls) {
      lines.push(c.kind === 'entropy'
        ? `get_entropy(${c.entropy}, ${c.minLen}, ${c.maxLen}, ${c.predictionResistance ? 1 : 0})`
        : `get_nonce(${c.entropy}, ${c.minLen}, ${c.maxLen})`);
    }
    if (r.fn === 'RAND_DRBG_generate' && r.ret === 1 && r.output !== undefined) lines.push(r.output);
  }
  return lines;
}

interface Example {
  readonly c: string;
  readonly ts: string;
  readonly output: string[];
}

const DOC = 'docs/porting-1.1.1.md';

/** The first ```c, ```ts and ```text blocks of the page's "Porting example" section. */
function readExample(): Example {
  const doc = readFileSync(join(repoRoot(), DOC), 'utf8');
  const start = doc.indexOf('\n## Porting example\n');
  expect(start, `${DOC} has a "## Porting example" section`).to.be.greaterThan(0);
  const next = doc.indexOf('\n## ', start + 1);
  const section = doc.slice(start, next < 0 ? doc.length : next);
  const block = (lang: string): string => {
    const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(section);
    if (m === null) expect.fail(`no \`\`\`${lang} block in the porting example`);
    return m[1];
  };
  return { c: block('c'), ts: block('ts'), output: block('text').trim().split('\n') };
}

function available(d: Discovery<'rand-drbg-111'>): Oracle111 {
  if (!d.available) expect.fail(`${d.name} unavailable: ${d.reason}`);
  return d.handle;
}

describe('docs/porting-1.1.1.md porting example (OpenSSL 1.1.1 RAND_DRBG)', function () {
  const example = readExample();
  const dir = join(repoRoot(), 'dist', '.porting-example');

  before(function () {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  });

  after(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  it('the C program makes the RAND_DRBG calls the oracles run, with the same inputs', function () {
    const body = example.c.slice(example.c.indexOf('int main'));
    const cCalls = [...body.matchAll(/\b(RAND_DRBG_\w+)\(/g)].map((m) => m[1]);
    const rawCalls = C_EQUIVALENT.map((c) => c.fn).filter((fn, i, all) => fn !== 'source' && fn !== all[i - 1]);
    expect(cCalls).to.deep.equal(rawCalls);
    for (const literal of ['0x5a', '0xa5', '"my app", 6', '"key", 3', 'NID_aes_256_ctr, 0', 'set_reseed_interval(drbg, 2)',
      'set_reseed_time_interval(drbg, 0)', 'seed[32], nonce[16]', 'key[32]', 'i < 3']) {
      expect(example.c, literal).to.contain(literal);
    }
  });

  it('the TypeScript type-checks under strict settings against the published declarations', function () {
    const file = join(dir, 'example.ts');
    writeFileSync(file, example.ts);
    const program = ts.createProgram([file], {
      strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext, types: ['node'], skipLibCheck: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).to.deep.equal([]);
  });

  it('the TypeScript prints what real OpenSSL 1.1.1 gives for the C program, and what the page shows', async function () {
    const js = ts.transpileModule(example.ts, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } });
    const file = join(dir, 'example.mjs');
    writeFileSync(file, js.outputText);
    const out = execFileSync(process.execPath, [file], { encoding: 'utf8' }).trim().split('\n');
    expect(out).to.have.length(7);
    expect(out).to.deep.equal(example.output);
    const oracles = (await discoverBuilds('rand-drbg-111')).map(available);
    try {
      for (const o of oracles) {
        const results = await o.runRaw(C_EQUIVALENT);
        expect(results.every((r) => r.errors.length === 0 && (r.ret === undefined || r.ret === 1)), o.info.name).to.equal(true);
        expect(printed(results), o.info.name).to.deep.equal(out);
      }
    } finally {
      for (const o of oracles) await o.close();
    }
  });
});
