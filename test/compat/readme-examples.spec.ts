/**
 * README.md's three short examples (provider, OpenSSL 1.1.1, OpenSSL 3), taken from README.md as
 * it is: each type-checks in strict mode against the built package and runs in a fresh process
 * importing `randshim/...` as a user would, printing what its comments say. The longer porting
 * examples of docs/ are compared with real OpenSSL by the porting-example*.spec.ts files.
 */
import { expect } from 'chai';
import { docBlocks, runExample, typecheckExample } from './readme-examples.js';

const EXAMPLES = [
  { marker: '// example: provider\n', name: 'readme-provider', prints: /^[0-9a-f]{64}$/ },
  { marker: '// example: OpenSSL 1.1.1\n', name: 'readme-111', prints: /^[0-9a-f]{64}$/ },
  // OpenSSL 3.0's default DRBG type (crypto/rand/rand_lib.c, rand_new_drbg: "CTR-DRBG").
  { marker: '// example: OpenSSL 3\n', name: 'readme-3', prints: /^CTR-DRBG [0-9a-f]{64}$/ },
] as const;

describe('README.md short examples', function () {
  const blocks = docBlocks('README.md', 'ts');

  it('README has exactly these three TypeScript blocks', () => {
    expect(blocks.map((b) => b.split('\n')[0])).to.deep.equal(EXAMPLES.map((e) => e.marker.trim()));
  });

  for (const example of EXAMPLES) {
    describe(example.marker.trim().replace('// example: ', ''), () => {
      const code = (): string => {
        const block = blocks.find((b) => b.startsWith(example.marker));
        if (block === undefined) expect.fail(`README.md has no block starting with ${example.marker.trim()}`);
        return block;
      };

      it('type-checks in strict mode against the built package', () => {
        expect(typecheckExample(code(), example.name)).to.deep.equal([]);
      });

      it('runs as a user would and prints what it says', () => {
        const run = runExample(code(), example.name);
        expect(run.stderr).to.equal('');
        expect(run.status).to.equal(0);
        expect(run.stdout.trim()).to.match(example.prints);
      });

      it('two runs print different bytes (seeded from the OS, not a fixed seed)', () => {
        const again = (): string => runExample(code(), example.name).stdout.trim().slice(-64);
        expect(again()).to.not.equal(again());
      });
    });
  }
});
