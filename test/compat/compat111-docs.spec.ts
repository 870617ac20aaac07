/**
 * Every function of randshim's OpenSSL 1.1.1 personality carries a doc comment that cites the
 * OpenSSL manual page it follows (e.g. RAND_DRBG_new(3), RAND_DRBG(7)).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { openssl111 } from '../../compat/index.js';
import { repoRoot } from '../../interop/builds/openssl111/load.js';

const MAN_PAGE = /\b[A-Za-z_0-9]+\([37]\)/;

/** name -> the doc comment right before its declaration ('' when none), per source file. */
function declarations(source: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?export (?:function|const) (\w+)/g;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) out.set(m[2], m[1] ?? '');
  return out;
}

describe('compat/openssl111 doc comments', function () {
  it('every exported function cites its OpenSSL man page', function () {
    const dir = join(repoRoot(), 'compat/openssl111');
    const docs = new Map<string, string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      for (const [name, doc] of declarations(readFileSync(join(dir, f), 'utf8'))) docs.set(name, doc);
    }
    const functions = Object.entries(openssl111).filter(([, v]) => typeof v === 'function').map(([k]) => k);
    expect(functions.length).to.be.at.least(50);
    const missing = functions.filter((name) => !MAN_PAGE.test(docs.get(name) ?? ''));
    expect(missing, `no man page cited for: ${missing.join(', ')}`).to.deep.equal([]);
  });
});
