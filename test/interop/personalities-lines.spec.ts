/**
 * The personality table's 3.x rows asked of the real libraries: the machine's 3.0 and the 3.5,
 * 3.6 and 4.0 lines, each through the line child (interop/builds/openssl-lines/: the same child
 * program, under the line's own loader). For every row with a question
 * (interop/suites/personalities/line-questions.ts) and every line, the real library's answer
 * must be the table's cell for that line; a scenario question also runs on the line's
 * personality, which must make the very same observations, or, where the cell records that
 * randshim does not do what the line does, give the answer the cell records for randshim (and
 * then must differ from the real line, or the cell is stale). The rows about calls only 3.x has
 * are also checked against the real 1.1.1: its libcrypto.so.1.1 exports none of them.
 */
import { expect } from 'chai';
import { RANDSHIM_3_reset } from '../../compat/openssl3/index.js';
import { existsSync } from 'node:fs';
import { openLine, openSystem30Child, type LineBuild } from '../../interop/builds/openssl-lines/build.js';
import type { ProbeResults } from '../../interop/builds/openssl-lines/probes.js';
import { libcrypto111Candidates, loadSharedLibcrypto111 } from '../../interop/builds/openssl111/load.js';
import { getEngine } from '../../interop/ffi/engines.js';
import { runScenarioRandshim } from '../../interop/suites/evp-rand/run-randshim.js';
import type { Observation } from '../../interop/suites/evp-rand/scenario.js';
import { ENGINE_CALLS, LINE_QUESTIONS, NEW_CALLS } from '../../interop/suites/personalities/line-questions.js';
import {
  LINES3, LINES_SPEC_111, LINES_SUITE, lineBuildLabel, PERSONALITIES, type Behaviour, type PersonalityRowKey,
} from '../../interop/suites/personalities/table.js';
import { ScenarioFiles } from '../../interop/suites/rand-front-end/files.js';
import { fromHex } from '../../provider/bytes.js';
import { withLine } from '../../provider/openssl3/lines.js';

/** Rows with a question, and how many ask a scenario (the others read the probes). */
const QUESTIONS = 29; // every row but primary-seed, rand-bytes-adin and fips-rand-add
const SCENARIO_QUESTIONS = 25;

const ROWS = Object.keys(PERSONALITIES) as PersonalityRowKey[];
const asked = ROWS.filter((k) => LINE_QUESTIONS[k] !== undefined);
const row = (key: PersonalityRowKey): Behaviour<unknown, unknown, unknown> => PERSONALITIES[key] as Behaviour<unknown, unknown, unknown>;

/** Calls only 3.x has, that the 3.x-only rows ask about (include/openssl/rand.h, evp.h, provider.h). */
const ONLY_3X = ['EVP_RAND_fetch', 'EVP_RAND_CTX_new', 'EVP_RAND_CTX_set_params', 'EVP_RAND_nonce', 'OSSL_PROVIDER_load',
  'RAND_set_seed_source_type', 'RAND_set1_random_provider', ...NEW_CALLS];

describe(LINES_SUITE, function () {
  this.timeout(600_000);
  const files = new ScenarioFiles();
  after(() => {
    files.close();
    // the scenarios leave each line's default context as they made it (a fatal seed= on 4.0)
    for (const line of LINES3) withLine(line, () => RANDSHIM_3_reset());
  });

  it('asks every row that can be put as a question', () => {
    expect(asked.length).to.equal(QUESTIONS);
    expect(asked.filter((k) => LINE_QUESTIONS[k]?.kind === 'scenario').length).to.equal(SCENARIO_QUESTIONS);
    expect(ROWS.filter((k) => LINE_QUESTIONS[k] === undefined)).to.deep.equal(['primarySeed', 'randBytesAdin', 'fipsRandAdd']);
  });

  it(LINES_SPEC_111, () => {
    const path = libcrypto111Candidates().find((p) => existsSync(p));
    expect(path, 'libcrypto.so.1.1 installed (scripts/install-libssl11.sh)').to.not.equal(undefined);
    expect(loadSharedLibcrypto111([path!]).ok, `${path} is OpenSSL 1.1.1`).to.equal(true);
    const lib = getEngine('koffi').load(path!, { deep: true });
    const exported = (names: readonly string[]) => names.filter((n) => lib.symbol(n) !== 0n);
    expect(exported(ONLY_3X)).to.deep.equal([]);
    expect(exported(ENGINE_CALLS)).to.deep.equal(PERSONALITIES.engineRand.openssl111.value);
    expect(exported(['RAND_bytes', 'RAND_DRBG_new'])).to.deep.equal(['RAND_bytes', 'RAND_DRBG_new']); // the lookup works
  });

  for (const line of LINES3) {
    describe(lineBuildLabel(line), () => {
      let build: LineBuild;
      let probes: ProbeResults;
      const tally = { scenarios: 0, calls: 0, divergent: 0 };
      before(async () => {
        build = line === '3.0' ? await openSystem30Child() : await openLine(line); // throws with the reason
        probes = await build.probes();
      });
      after(async () => build?.close());

      it('is the library asked for', () => {
        expect(build.hello.version).to.match(new RegExp(`^OpenSSL ${line.replace('.', '\\.')}\\.\\d+ `));
      });

      for (const key of asked) {
        const r = row(key);
        const q = LINE_QUESTIONS[key]!;
        it(`${r.id}: ${r.behaviour}`, async () => {
          const cell = r.openssl3[line];
          if (q.kind === 'probes') {
            expect(q.answer(probes), 'the real library\'s answer').to.deep.equal(cell.value);
            return;
          }
          const [run] = await build.runScenarios([q.scenario], q.suite === 'rand-front-end');
          const real: readonly Observation[] = run.observations;
          const identities = new Map(Object.entries(run.identities).map(([id, hex]) => [id, fromHex(hex)]));
          const shim = withLine(line, () => runScenarioRandshim(q.scenario, identities, files)).observations;
          if (q.reproduces === true) {
            expect(q.answer(real), 'the scenario made deterministic bytes').to.equal(true);
            expect(cell.randshim).to.equal(undefined);
            expect(shim, 'the personality with the cell\'s rule reproduces every call').to.deep.equal(real);
            const wrong = new Map([...identities.keys()].map((id) => [id, new Uint8Array(8)]));
            expect(withLine(line, () => runScenarioRandshim(q.scenario, wrong, files)).observations, 'other addresses do not')
              .to.not.deep.equal(real);
            tally.scenarios++;
            tally.calls += real.length;
            return;
          }
          expect(q.answer(real), 'the real library\'s answer').to.deep.equal(cell.value);
          tally.scenarios++;
          tally.calls += real.length;
          if (cell.randshim !== undefined) {
            tally.divergent++;
            expect(q.answer(shim), 'randshim\'s personality, as the cell records').to.deep.equal(cell.randshim.value);
            expect(shim, 'the cell says randshim differs from the line').to.not.deep.equal(real);
          } else if (q.answerOnly !== undefined) {
            expect(q.answer(shim), `randshim's personality (${q.answerOnly})`).to.deep.equal(cell.value);
          } else {
            expect(shim, 'randshim\'s personality, call for call').to.deep.equal(real);
          }
        });
      }

      it('asked every scenario question and compared every call', function () {
        this.test!.title += ` (${tally.scenarios} scenarios, ${tally.calls} calls, ${tally.divergent} cells where randshim differs)`;
        expect(tally.scenarios).to.equal(SCENARIO_QUESTIONS);
        expect(tally.calls).to.be.greaterThan(SCENARIO_QUESTIONS * 3);
      });
    });
  }
});
