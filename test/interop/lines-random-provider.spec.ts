/**
 * The random provider of 3.5+ (RAND_bytes_ex / RAND_priv_bytes_ex going to a provider's
 * random_bytes before the chain, RAND_set1_random_provider, `[random] random_provider`),
 * RAND_set0_public / RAND_set0_private and EVP_RAND_CTX_up_ref, proven on each line's real
 * library: the sequences of interop/builds/openssl-lines/random-provider-steps.ts run in the
 * line's child (its own libcrypto under its own loader) and on randshim's personality of that
 * line, compared step by step (return code, deterministic bytes or whether OS-seeded bytes came,
 * decoded error queue). The 3.0 side keeps refusing the `random_provider` key, as the machine's
 * 3.0 library does.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPersonality3 } from '../../compat/openssl3-lines/personality.js';
import { drainErrors3 } from '../../interop/builds/openssl3/error-names.js';
import { openLibcrypto3 } from '../../interop/builds/openssl3/in-process.js';
import { SYSTEM_LIBCRYPTO3 } from '../../interop/builds/openssl3/libcrypto.js';
import { LINE_IDS } from '../../interop/builds/openssl-lines/lines.js';
import { runRandomProviderOnLine, type LineRandomProviderRuns } from '../../interop/builds/openssl-lines/random-provider-child.js';
import { runRandomProviderRandshim } from '../../interop/builds/openssl-lines/random-provider-randshim.js';
import type { RandomProviderRun, RandomProviderStep } from '../../interop/builds/openssl-lines/random-provider-steps.js';

/** The catalogue's size: change with random-provider-steps.ts. */
const SEQUENCES = 9;
const STEPS = 123;

const steps = (runs: readonly RandomProviderRun[]): RandomProviderStep[] => runs.flatMap((r) => r.steps);

/** The steps where randshim and the line differ, labelled for a reader. */
function differences(real: readonly RandomProviderRun[], mine: readonly RandomProviderRun[]): string[] {
  const out: string[] = [];
  real.forEach((run, i) => {
    const other = mine[i];
    if (other?.name !== run.name) out.push(`sequence ${i}: "${run.name}" vs "${other?.name}"`);
    const n = Math.max(run.steps.length, other?.steps.length ?? 0);
    for (let j = 0; j < n; j++) {
      const a = JSON.stringify(run.steps[j]);
      const b = JSON.stringify(other?.steps[j]);
      if (a !== b) out.push(`${run.name} step ${j}\n  line:     ${a}\n  randshim: ${b}`);
    }
  });
  return out;
}

describe('the 3.5+ random provider, RAND_set0_public/_private and EVP_RAND_CTX_up_ref on the real lines', function () {
  for (const line of LINE_IDS) {
    describe(`system-${line}`, () => {
      let real: LineRandomProviderRuns;
      before(async () => {
        real = await runRandomProviderOnLine(line);
      });

      it(`matches randshim/compat/${line} step by step (${SEQUENCES} sequences, ${STEPS} steps)`, () => {
        expect(real.hello.version).to.match(new RegExp(`^OpenSSL ${line.replace('.', '\\.')}\\.\\d+ `));
        const mine = runRandomProviderRandshim(line);
        expect([real.runs.length, mine.length]).to.deep.equal([SEQUENCES, SEQUENCES]);
        expect([steps(real.runs).length, steps(mine).length]).to.deep.equal([STEPS, STEPS]);
        expect(differences(real.runs, mine)).to.deep.equal([]);
      });

      it('the library itself: a random provider without random_bytes gives 0 and queues nothing', () => {
        const viaDefault = steps(real.runs).filter((s) => / \((after )?random_provider = default\)| \(random provider default\)/.test(s.call));
        expect(viaDefault).to.have.length(8);
        for (const s of viaDefault) expect([s.call, s.ret, s.errors]).to.deep.equal([s.call, 0, []]);
      });

      it('the library itself: with fips loaded RAND_bytes bypasses the RAND_set0_* DRBG; after set1(NULL) it is used', () => {
        const all = steps(real.runs);
        const bypassed = all.filter((s) => s.call.endsWith('(random provider fips, not the TEST-RAND)'));
        const used = all.filter((s) => s.call.endsWith('(the TEST-RAND)'));
        expect(bypassed.map((s) => [s.ret, s.out])).to.deep.equal([[1, '16 random bytes'], [1, '16 random bytes']]);
        expect(used.map((s) => [s.ret, s.out])).to.deep.equal([[1, '000102030405060708090a0b0c0d0e0f'], [1, '000102030405060708090a0b0c0d0e0f']]);
      });

      it('the library itself: [random] random_provider = fips switches the fips random provider off until fips is activated again', () => {
        const run = real.runs.find((r) => r.name.startsWith('[random] random_provider = fips '));
        const shown = (label: string): unknown[] => (run?.steps ?? []).filter((s) => s.call.endsWith(label)).map((s) => [s.ret, s.out]);
        // the chain's TEST-RAND answers, not the provider
        expect(shown('(after random_provider = fips)')).to.deep.equal([[1, '000102030405060708090a0b0c0d0e0f'], [1, '000102030405060708090a0b0c0d0e0f']]);
        expect(shown('(after fips activated again)')).to.deep.equal([[1, '16 random bytes'], [1, '16 random bytes']]);
      });
    });
  }

  describe('3.0 stays as it is', () => {
    const config = (dir: string): string => {
      const file = join(dir, 'random-provider.cnf');
      writeFileSync(file, ['config_diagnostics = 1', 'openssl_conf = openssl_init', '[openssl_init]', 'random = random_sect',
        '[random_sect]', 'random_provider = fips', ''].join('\n'));
      return file;
    };

    it('[random] random_provider: the machine\'s 3.0 and randshim/compat/3.0 refuse the key (CRYPTO_R_UNKNOWN_NAME_IN_RANDOM_SECTION)', () => {
      const dir = mkdtempSync(join(tmpdir(), 'randshim-random-provider-30-'));
      const c = openLibcrypto3(SYSTEM_LIBCRYPTO3, 'koffi').crypto;
      const ctx = c.OSSL_LIB_CTX_new();
      let realErrors;
      let realRet: number;
      try {
        c.ERR_clear_error();
        realRet = c.library.func('OSSL_LIB_CTX_load_config', 'int', ['ptr', 'cstr'])(ctx, config(dir)) as number;
        realErrors = drainErrors3(c);
      } finally {
        c.OSSL_LIB_CTX_free(ctx);
        rmSync(dir, { recursive: true, force: true });
      }
      const unknownName = { lib: 'CRYPTO', reason: 'UNKNOWN_NAME_IN_RANDOM_SECTION' };
      expect(realRet).to.equal(0);
      expect(realErrors[0]).to.deep.equal(unknownName);
      const p = createPersonality3('3.0');
      p.RANDSHIM_3_reset();
      p.ERR_clear_error();
      expect(p.RANDSHIM_3_configure([['random_provider', 'fips']])).to.equal(0);
      expect(drainErrors3(p)).to.deep.equal([unknownName]);
      p.RANDSHIM_3_reset();
    });

    it('randshim/compat/3.0: no random provider mechanism (3.0 has none): fips or default designated, RAND_bytes still answers', () => {
      const p = createPersonality3('3.0');
      p.RANDSHIM_3_reset();
      const bytes = new Uint8Array(16);
      expect(p.OSSL_PROVIDER_load(null, 'fips')).to.not.equal(null);
      p.RAND_set1_random_provider(null, p.OSSL_PROVIDER_load(null, 'default'));
      expect([p.RAND_bytes_ex(null, bytes, 16, 0), p.RAND_priv_bytes_ex(null, bytes, 16, 0)]).to.deep.equal([1, 1]);
      // while 3.5 with the same calls returns 0 (proven on the real 3.5 above)
      const p35 = createPersonality3('3.5');
      p35.RANDSHIM_3_reset();
      p35.RAND_set1_random_provider(null, p35.OSSL_PROVIDER_load(null, 'default'));
      expect(p35.RAND_bytes_ex(null, bytes, 16, 0)).to.equal(0);
      p.RANDSHIM_3_reset();
      p35.RANDSHIM_3_reset();
    });
  });
});
