/**
 * The build step after tsc: writes the entry points of randshim/compat/3.0, 3.5, 3.6 and 4.0
 * from the one compiled template, dist/compat/openssl3-lines/line-entry.js (its comment says why
 * there is a template). For each line of OPENSSL3_LINES (provider/openssl3/lines.ts) it writes
 * the template with its `const LINE = '3.0';` rewritten to that line as 30.js, 35.js, ... and
 * copies the line's declaration file (compat/openssl3-lines/30.d.ts, ...) beside it. Every line
 * is three characters, so line-entry.js.map stays exact for each copy.
 *
 * package.json runs it after every tsc (`build`, which the other scripts run, and `prepare`,
 * which compiles it with scripts/build/tsconfig.json). Silent on success; on a template that
 * does not hold the literal exactly once, or a missing declaration file, it exits 1 and says so.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPENSSL3_LINES, type OpenSSL3Line } from '../../provider/openssl3/lines.js';

/** This module runs from dist/scripts/build/: the compiled entries and the source tree. */
const DIST_ENTRIES = fileURLToPath(new URL('../../compat/openssl3-lines/', import.meta.url));
const SOURCE_ENTRIES = fileURLToPath(new URL('../../../compat/openssl3-lines/', import.meta.url));
const TEMPLATE = 'line-entry.js';

/** The declaration of LINE as tsc emits it from line-entry.ts (the type annotation erased). */
const LINE_DECLARATION = /^const LINE = '3\.0';$/gm;

/** '3.5' -> '35': the file name of a line's entry point (package.json "exports"). */
const entryName = (line: OpenSSL3Line): string => line.replace('.', '');

function bind(template: string, line: OpenSSL3Line): string {
  const found = template.match(LINE_DECLARATION)?.length ?? 0;
  if (found !== 1) {
    throw new Error(`${join(DIST_ENTRIES, TEMPLATE)} holds ${found} declarations "const LINE = '3.0';", not 1`);
  }
  return template.replace(LINE_DECLARATION, `const LINE = '${line}';`);
}

function writeEntries(): void {
  const templatePath = join(DIST_ENTRIES, TEMPLATE);
  if (!existsSync(templatePath)) throw new Error(`${templatePath} is missing: run tsc first`);
  const template = readFileSync(templatePath, 'utf8');
  for (const line of OPENSSL3_LINES) {
    const name = entryName(line);
    const declaration = join(SOURCE_ENTRIES, `${name}.d.ts`);
    if (!existsSync(declaration)) throw new Error(`${declaration} is missing: each line needs its declaration file`);
    writeFileSync(join(DIST_ENTRIES, `${name}.js`), bind(template, line));
    copyFileSync(declaration, join(DIST_ENTRIES, `${name}.d.ts`));
  }
}

try {
  writeEntries();
} catch (e) {
  console.error(`line entries: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
