/**
 * randshim's Fortuna and HMAC_DRBG against the real mirage-crypto-rng 0.10.7 (Debian bookworm's
 * libmirage-crypto-ocaml-dev), through the OCaml driver scripts/ensure.d/50-mirage-crypto.sh
 * builds: a bounded differential campaign (every answer and output byte compared, counts
 * asserted), and scripts that pin each rule of 0.10.7's rng/fortuna.ml on the library itself.
 * Fails, never skips, when the driver is missing.
 */
import { expect } from 'chai';
import { fromHex, toHex } from '../../provider/bytes.js';
import { runCampaign, mirageHmacDrbgCell } from '../../interop/builds/mirage-crypto/campaign.js';
import { replayOnRandshim } from '../../interop/builds/mirage-crypto/replay.js';
import { discoverMirage, runMirage } from '../../interop/builds/mirage-crypto/runner.js';
import { answerKey, type MirageAnswer, type MirageStep } from '../../interop/builds/mirage-crypto/script.js';

let driver = '';

/** Runs `steps` on both; asserts every answer equal; returns mirage's answers. */
function both(steps: readonly MirageStep[]): MirageAnswer[] {
  const theirs = runMirage(driver, steps);
  const ours = replayOnRandshim(steps);
  expect(ours.map(answerKey)).to.deep.equal(theirs.map(answerKey));
  return theirs;
}

const acc = (source: number, bytes: number, fill = 0xa5): MirageStep => ({ op: 'acc', source, data: toHex(new Uint8Array(bytes).fill(fill)) });

describe('Fortuna and Hmac_drbg against mirage-crypto-rng 0.10.7', function () {
  before(function () {
    const found = discoverMirage();
    if (!found.available || found.driver === undefined) throw new Error(found.reason ?? 'mirage-crypto driver unavailable');
    driver = found.driver;
  });

  it('the driver runs mirage-crypto-rng 0.10.7 from Debian\'s package', function () {
    const [v] = runMirage(driver, [{ op: 'version' }]);
    expect(v.version).to.equal('0.10.7');
    const { provenance } = discoverMirage();
    expect(provenance?.debianPackage).to.match(/^libmirage-crypto-ocaml-dev 0\.10\.7-/);
  });

  it('Fortuna campaign: generated scripts, every output byte equal', function () {
    const r = runCampaign('fortuna', driver, { sequences: 24, steps: 50, seed: 20261203, scheduleRounds: 300 });
    expect(r.mismatches).to.deep.equal([]);
    expect(r.sequences).to.equal(25);
    expect(r.steps).to.be.greaterThan(24 * 51 + 300 * 4);
    expect(r.generates).to.be.greaterThan(500);
    expect(r.bytesCompared).to.be.greaterThan(150_000);
    expect(r.events).to.be.greaterThan(1500);
    expect(r.unseededAnswers).to.be.greaterThan(0);
    expect(r.poolReseeds).to.be.greaterThan(300);
    // 300 schedule rounds reach the reseed that takes pools 0..8.
    expect(r.widestReseed).to.be.at.least(9);
  });

  it('Hmac_drbg SHA-256 campaign: instantiate, reseed, generate (past 2^16 bytes) all equal', function () {
    const r = runCampaign('hmac', driver, { sequences: 12, steps: 30, seed: 20261203 });
    expect(r.mismatches).to.deep.equal([]);
    expect(r.sequences).to.equal(12);
    expect(r.generates).to.be.greaterThan(200);
    expect(r.reseeds).to.be.greaterThan(80);
    expect(r.bytesCompared).to.be.greaterThan(200_000);
    const cell = mirageHmacDrbgCell(r, '0.10.7');
    expect(cell).to.include({ configuration: 'HMAC_DRBG SHA-256', cases: r.steps, bytes: r.bytesCompared, mismatches: 0 });
    expect(cell.differences).to.have.length(4);
  });

  it('pool 0 must hold MORE than 64 data bytes (headers not counted) before it seeds', function () {
    const a = both([
      { op: 'fortuna', time: false },
      acc(3, 64), { op: 'generate', n: 8 }, // 64 bytes: not enough
      { op: 'handle', source: 3 }, acc(3, 0), { op: 'generate', n: 8 }, // an empty event adds 0
      { op: 'handle', source: 3 }, acc(3, 1), { op: 'generate', n: 8 }, // 65: reseed
    ]);
    expect(a[2].error).to.equal('unseeded');
    expect(a[5].error).to.equal('unseeded');
    expect(a[8].out).to.have.length(16);
  });

  it('each handle moves from pool to pool; a new handle starts again at pool 0', function () {
    // 32 events of one handle wrap round to pool 0 on the 33rd: 40 + 40 bytes there.
    const wrap: MirageStep[] = [{ op: 'fortuna', time: false }, acc(1, 40)];
    for (let i = 0; i < 31; i++) wrap.push(acc(1, 40));
    const a = both([...wrap, { op: 'generate', n: 4 }, acc(1, 40), { op: 'generate', n: 4 }]);
    expect(a[33].error).to.equal('unseeded');
    expect(a[35].out).to.have.length(8);
  });

  it('with a clock, at most one reseed from the pools per second (and none before 1 s)', function () {
    const script = (second: number): MirageStep[] => [
      { op: 'fortuna', time: true },
      { op: 'clock', ns: '1000000000' }, acc(0, 70), { op: 'generate', n: 4 }, // not > 1e9 yet
      { op: 'clock', ns: '1000000001' }, { op: 'generate', n: 4 }, // reseed 1
      { op: 'handle', source: 0 }, acc(0, second), { op: 'clock', ns: '2000000001' }, { op: 'generate', n: 4 },
      { op: 'clock', ns: '2000000002' }, { op: 'generate', n: 4 },
    ];
    const a = both(script(70));
    const control = both(script(0)); // pool 0 stays empty after reseed 1: no second reseed
    expect(a[3].error).to.equal('unseeded');
    expect(a[5].out).to.have.length(8);
    // Exactly 1 s after reseed 1 the full pool 0 waits (same output as the control) ...
    expect(a[9].out).to.equal(control[9].out);
    // ... and 1 ns later it reseeds the key.
    expect(a[11].out).to.not.equal(control[11].out);
  });

  it('events are framed [source; length] with both modulo 256 (Entropy.header)', function () {
    const data = toHex(new Uint8Array(300).fill(7));
    const [, framed] = both([{ op: 'fortuna', time: false }, { op: 'header', source: 300, data }]);
    expect(framed.out!.slice(0, 4)).to.equal('2c2c'); // 300 mod 256 = 0x2c, twice
    expect(framed.out!.length).to.equal(2 * 302);
  });

  it('a request past 0x10000 bytes comes back last chunk first', function () {
    const seed: MirageStep[] = [{ op: 'fortuna', time: false }, { op: 'reseed', data: '00112233' }];
    const [, , whole] = both([...seed, { op: 'generate', n: 70000 }]);
    const [, , first, second] = both([...seed, { op: 'generate', n: 0x10000 }, { op: 'generate', n: 70000 - 0x10000 }]);
    expect(whole.out).to.equal(second.out! + first.out!);
    expect(fromHex(whole.out!).length).to.equal(70000);
  });

  it('an explicit reseed seeds without touching the pools; the key changes on every request', function () {
    const a = both([
      { op: 'fortuna', time: false }, { op: 'seeded' }, { op: 'reseed', data: '' }, { op: 'seeded' },
      { op: 'generate', n: 16 }, { op: 'generate', n: 16 }, { op: 'generate', n: 0 }, { op: 'generate', n: 16 },
    ]);
    expect(a[1].seeded).to.equal(false);
    expect(a[3].seeded).to.equal(true);
    expect(new Set([a[4].out, a[5].out, a[7].out]).size).to.equal(3);
    expect(a[6].out).to.equal('');
  });
});
