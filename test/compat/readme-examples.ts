/**
 * Code blocks of README.md and docs/*.md as tests: find a block, type-check it strictly against
 * the built package and run it in a fresh Node process from the package root (so `randshim/...`
 * imports resolve as a user's would).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const WORK = `${ROOT}dist/.porting-example/`;

/** The text of a Markdown file of the repository (`README.md`, `docs/porting-3.md`, ...). */
export function readDoc(file: string): string {
  return readFileSync(`${ROOT}${file}`, 'utf8');
}

/** Every ```lang block of the Markdown file `file` (relative to the repository root), in order. */
export function docBlocks(file: string, lang: string): string[] {
  const markdown = readDoc(file);
  const out: string[] = [];
  const re = new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g');
  for (let m = re.exec(markdown); m !== null; m = re.exec(markdown)) out.push(m[1]);
  return out;
}

/** The strict type-checker's messages for `code` as module `name` (empty when it passes). */
export function typecheckExample(code: string, name: string): string[] {
  mkdirSync(WORK, { recursive: true });
  const file = `${WORK}${name}.mts`;
  writeFileSync(file, code);
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022,
    strict: true, noEmit: true, skipLibCheck: true, types: ['node'], lib: ['lib.es2022.d.ts'],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** Runs `code` (transpiled) as module `name` in a fresh process; its exit status and output. */
export function runExample(code: string, name: string, env: NodeJS.ProcessEnv = process.env):
  { status: number | null; stdout: string; stderr: string } {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  mkdirSync(WORK, { recursive: true });
  writeFileSync(`${WORK}${name}.mjs`, js);
  const run = spawnSync(process.execPath, [`${WORK}${name}.mjs`], { encoding: 'utf8', cwd: ROOT, env });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
