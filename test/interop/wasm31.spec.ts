/**
 * randshim's OpenSSL 3 personality against real OpenSSL 3.1.0 (the `openssl` command line in
 * WebAssembly): `openssl rand -hex N [-rand FILE] [-writerand FILE]`, ported onto
 * compat/openssl3 (RAND_load_file, RAND_bytes, RAND_write_file and ERR_get_error over the
 * default chain, configured by RANDSHIM_3_configure), under every `[random]`
 * configuration 3.1.0 accepts and randshim implements, with a pinned /dev/urandom, compared on
 * every observable: exit status, stdout, the -writerand file, the number of urandom bytes read
 * and the errors printed. Rejected configurations must fail the same way; configurations only
 * one side accepts are pinned down explicitly.
 */
import { expect } from 'chai';
import { ACCEPTED_SECTIONS, ACCEPTED_VARIANTS, compareRandCommand, OPENSSL_ONLY, REJECTED, sectionLabel } from '../../interop/suites/openssl-rand/compare.js';
import { sectionRefusal, type RandCommand, type RandCommandRun } from '../../interop/suites/openssl-rand/command.js';
import { loadFileChunks } from '../../interop/suites/openssl-rand/rand-app.js';
import { PinnedUrandom } from '../../interop/suites/openssl-rand/pinned-urandom.js';
import { reproduceRandCommand } from '../../interop/suites/openssl-rand/run-randshim.js';
import { WASM31_ENVIRONMENT, WASM31_TRAP_EXIT, Wasm31Oracle } from '../../interop/builds/wasm31/wasm31.js';
import { discoverBuild } from '../../interop/builds/registry.js';

/** What the comparisons covered, asserted at the end. */
const tally = { commands: 0, bytesCompared: 0, urandomBytes: 0, primaries: new Set<number>() };

const label = sectionLabel;

/** Deterministic pseudo-random integers and file contents. */
function stream(seed: string): PinnedUrandom {
  return new PinnedUrandom(`test:${seed}`);
}
function randomInt(s: PinnedUrandom, lo: number, hi: number): number {
  const b = s.read(4);
  return lo + (((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0) % (hi - lo + 1);
}

const ACCEPTED = ACCEPTED_SECTIONS;

/** N values for `rand -hex N`: edges of hex output, of AES blocks and digest sizes, of the
 * 4096-byte chunks rand_main generates in, and the 20000 maximum. */
const N_SPREAD = [1, 2, 3, 15, 16, 17, 31, 32, 33, 47, 48, 63, 64, 65, 100, 255, 256, 257, 1000, 1024,
  4095, 4096, 4097, 8191, 8192, 8193, 10000, 12288, 16385, 20000];
const RANDOM_N_PER_CONFIG = 3;
/** -rand file sizes: 1 byte to 5 KiB around the 1024-byte chunk and 1280-byte final-chunk rule. */
const RAND_FILE_SIZES = [0, 1, 100, 1023, 1024, 1025, 1279, 1280, 1281, 2048, 2304, 2305, 2560, 3000, 3072,
  4096, 4097, 5120];

function fileOf(seed: string, size: number): Uint8Array {
  return stream(`file:${seed}`).read(size);
}

describe('wasm-3.1 oracle: openssl rand on OpenSSL 3.1.0 vs the same program on randshim compat/openssl3', function () {
  let oracle: Wasm31Oracle;

  before(async () => {
    const found = await discoverBuild('wasm-3.1', 'openssl-command');
    expect(found.available, found.available ? '' : found.reason).to.equal(true);
    if (found.available && found.handle instanceof Wasm31Oracle) oracle = found.handle;
    expect(oracle, 'the wasm-3.1 build is a Wasm31Oracle').to.be.instanceOf(Wasm31Oracle);
    expect(oracle.info.version).to.match(/^OpenSSL 3\.1\.0 /);
  });

  /** Runs `cmd` on both sides and asserts every observable equal; returns the wasm run. */
  async function compare(cmd: RandCommand): Promise<RandCommandRun> {
    const what = `rand ${cmd.bytes}${cmd.randFile ? ` -rand(${cmd.randFile.length})` : ''}` +
      `${cmd.writerand ? ' -writerand' : ''} under ${label(cmd.random)}`;
    const { run: w, mismatch, bytesCompared } = await compareRandCommand(oracle, cmd);
    if (w.urandomBytesRead > 0) expect(w.primaryAddress, `${what}: primary address`).to.be.a('number');
    expect(mismatch, what).to.equal(null);
    tally.commands++;
    tally.bytesCompared += bytesCompared;
    tally.urandomBytes += w.urandomBytesRead;
    if (w.primaryAddress !== null) tally.primaries.add(w.primaryAddress);
    return w;
  }

  /** Security strength in bytes implied by the first urandom read (1.5 x strength). */
  function strengthBytes(w: RandCommandRun, chunks: number): number {
    return w.urandomBytesRead / (1.5 + chunks);
  }

  describe('rand -hex N under every accepted configuration', () => {
    for (const section of ACCEPTED) {
      it(`N spread + ${RANDOM_N_PER_CONFIG} random N, ${label(section)}`, async () => {
        const ns = [...N_SPREAD];
        const pick = stream(`n:${label(section)}`);
        for (let i = 0; i < RANDOM_N_PER_CONFIG; i++) ns.push(randomInt(pick, 1, 20000));
        for (const [i, n] of ns.entries()) {
          const w = await compare({ bytes: n, urandomSeed: `hex:${label(section)}:${i}`, ...(section === undefined ? {} : { random: section }) });
          expect(w.exitCode).to.equal(0);
          expect(w.stdout).to.match(new RegExp(`^[0-9a-f]{${2 * n}}\\n$`));
          expect([16, 24, 32]).to.include(strengthBytes(w, 0));
        }
      });
    }
  });

  describe('-rand FILE (RAND_load_file: RAND_add per chunk, the last chunk up to 1280 bytes)', () => {
    it('every file size from 0 to 5 KiB under the default configuration; reads = 1.5 s + s per chunk', async () => {
      for (const size of RAND_FILE_SIZES) {
        const w = await compare({ bytes: 64, randFile: fileOf(`default:${size}`, size), urandomSeed: `rand:${size}` });
        expect(w.exitCode).to.equal(0);
        expect(w.urandomBytesRead, `size ${size}`).to.equal(48 + 32 * loadFileChunks(size).length);
      }
      expect(loadFileChunks(1280)).to.deep.equal([1280]);
      expect(loadFileChunks(2304)).to.deep.equal([1024, 1280]);
      expect(loadFileChunks(2305)).to.deep.equal([1024, 1024, 257]);
      expect(loadFileChunks(5120)).to.deep.equal([1024, 1024, 1024, 1024, 1024]);
    });

    it('three file sizes per accepted configuration, and the file content matters', async () => {
      const pick = stream('rand-sizes');
      for (const section of ACCEPTED) {
        for (let k = 0; k < 3; k++) {
          const size = randomInt(pick, 1, 5120);
          const chunks = loadFileChunks(size).length;
          const w = await compare({ bytes: 48, randFile: fileOf(`${label(section)}:${k}`, size), urandomSeed: `randcfg:${k}`,
            ...(section === undefined ? {} : { random: section }) });
          expect(w.exitCode).to.equal(0);
          expect([16, 24, 32]).to.include(strengthBytes(w, chunks));
        }
      }
      const a = await compare({ bytes: 32, randFile: fileOf('same', 1500), urandomSeed: 'content' });
      const other = fileOf('same', 1500);
      other[1499] ^= 1;
      const b = await compare({ bytes: 32, randFile: other, urandomSeed: 'content' });
      expect(b.stdout).to.not.equal(a.stdout);
    });
  });

  describe('-writerand FILE (RAND_write_file: 1024 bytes from the private DRBG)', () => {
    it('alone and with -rand, under every accepted configuration', async () => {
      for (const [i, section] of ACCEPTED.entries()) {
        const random = section === undefined ? {} : { random: section };
        const w = await compare({ bytes: 32, writerand: true, urandomSeed: `wr:${i}`, ...random });
        expect(w.writtenFile).to.have.length(1024);
        const both = await compare({ bytes: 4097, writerand: true, randFile: fileOf(`wr:${i}`, 2048 + i), urandomSeed: `wr+r:${i}`, ...random });
        expect(both.writtenFile).to.have.length(1024);
      }
    });
  });

  describe('other accepted spellings and settings', () => {
    it('aliases, property queries (an unparsable one is ignored), failed seed sources, unknown keys', async () => {
      for (const [i, section] of ACCEPTED_VARIANTS.entries()) {
        for (const extra of [{}, { randFile: fileOf(`variant:${i}`, 1300), writerand: true }]) {
          const w = await compare({ bytes: 100, urandomSeed: `variant:${i}`, random: section, ...extra });
          expect(w.exitCode, label(section)).to.equal(0);
        }
      }
    });

    it('a seed source that cannot be created leaves a parentless primary: 32 bytes + a pid/time nonce', async () => {
      const at = (clockMs: number): Promise<RandCommandRun> =>
        compare({ bytes: 32, urandomSeed: 'parentless', random: { seed: 'NO-SUCH-SOURCE' }, clockMs });
      const first = await at(1_700_000_000_123);
      const later = await at(1_700_000_000_124);
      expect(first.urandomBytesRead).to.equal(32);
      expect(later.stdout).to.not.equal(first.stdout); // the nonce carries the clock
      const withSeedSrc = await compare({ bytes: 32, urandomSeed: 'parentless', random: { seed: 'SEED-SRC' }, clockMs: 1_700_000_000_123 });
      const again = await compare({ bytes: 32, urandomSeed: 'parentless', random: { seed: 'SEED-SRC' }, clockMs: 1_700_000_000_124 });
      expect(again.stdout).to.equal(withSeedSrc.stdout); // under SEED-SRC there is no nonce
    });
  });

  describe('rejected configurations fail the same way', () => {
    for (const section of REJECTED) {
      it(label(section), async () => {
        for (const extra of [{}, { randFile: fileOf('rejected', 2500), writerand: true }]) {
          const w = await compare({ bytes: 16, urandomSeed: 'rejected', random: section, ...extra });
          expect(w.exitCode).to.equal(1);
          expect(w.stdout).to.equal('');
          expect(w.writtenFile).to.equal(null);
          expect(w.errors.filter((e) => e.startsWith('RAND:') || e === 'EVP:GENERATE_ERROR')).to.not.deep.equal([]);
        }
      });
    }

    it('HMAC-DRBG without a digest: OpenSSL 3.1.0 traps (memset of EVP_MD_get_size(NULL) bytes), randshim fails cleanly', async () => {
      const cmd: RandCommand = { bytes: 16, urandomSeed: 'hmac-no-digest', random: { random: 'HMAC-DRBG' } };
      const w = await oracle.runRand(cmd);
      expect(w.exitCode).to.equal(WASM31_TRAP_EXIT);
      expect(w.trap).to.equal('memory access out of bounds');
      expect(w.urandomBytesRead).to.equal(48); // its strength came out as 256 from blocklen (size_t)-1
      // randshim sizes the DRBG the same way (EVP_R_MESSAGE_DIGEST_IS_NULL, strength 256), so it
      // reads the same 48 bytes, then refuses to run an HMAC context that has no digest.
      const r = reproduceRandCommand(cmd, w.primaryAddress, WASM31_ENVIRONMENT);
      expect(r).to.deep.include({ exitCode: 1, stdout: '', urandomBytesRead: 48 });
      expect(r.errors).to.deep.equal(['EVP:MESSAGE_DIGEST_IS_NULL', 'PROV:ERROR_INSTANTIATING_DRBG', 'RAND:ERROR_INSTANTIATING_DRBG']);
    });

    it('Hash/HMAC-DRBG on the NULL digest loops forever in 3.1.0: the oracle refuses to run it', async () => {
      for (const random of ['HASH-DRBG', 'hmac-drbg']) {
        const cmd: RandCommand = { bytes: 16, urandomSeed: 'null', random: { random, digest: 'null' } };
        expect(sectionRefusal(cmd.random)).to.match(/loops forever/);
        let refused: unknown;
        await oracle.runRand(cmd).catch((e: unknown) => { refused = e; });
        expect(refused).to.be.instanceOf(RangeError);
        expect(reproduceRandCommand(cmd, null, WASM31_ENVIRONMENT)).to.deep.include({ exitCode: 1, stdout: '', urandomBytesRead: 0 });
      }
      expect(sectionRefusal({ random: 'CTR-DRBG', digest: 'NULL' })).to.equal(null);
    });
  });

  describe('algorithms only OpenSSL implements', () => {
    for (const [section, reason] of OPENSSL_ONLY) {
      it(`${label(section)}: 3.1.0 generates, randshim refuses with ${reason}`, async () => {
        const cmd: RandCommand = { bytes: 24, urandomSeed: 'openssl-only', random: section };
        const w = await oracle.runRand(cmd);
        expect(w.exitCode).to.equal(0);
        expect(w.stdout).to.match(/^[0-9a-f]{48}\n$/);
        const r = reproduceRandCommand(cmd, w.primaryAddress, WASM31_ENVIRONMENT);
        expect(r.exitCode).to.equal(1);
        expect(r.errors[0]).to.equal(reason);
      });
    }
  });

  describe('the primary address P', () => {
    it('is recovered without looking at the output, and the output depends on it', async () => {
      const cmd: RandCommand = { bytes: 64, urandomSeed: 'address', writerand: true };
      const w = await compare(cmd);
      const p = w.primaryAddress as number;
      expect(p % 8).to.equal(0);
      for (const wrong of [p - 8, p + 8, 0]) {
        const r = reproduceRandCommand(cmd, wrong, WASM31_ENVIRONMENT);
        expect(r.stdout).to.not.equal(w.stdout);
        expect(r.writtenFile).to.not.deep.equal(w.writtenFile);
        expect(r.urandomBytesRead).to.equal(w.urandomBytesRead);
      }
    });

    it('depends on the configuration and arguments, not on N or the urandom bytes', async () => {
      const p = async (cmd: RandCommand): Promise<number | null> => (await oracle.runRand(cmd)).primaryAddress;
      const base = await p({ bytes: 1, urandomSeed: 'p1' });
      expect(await p({ bytes: 20000, urandomSeed: 'p2' })).to.equal(base);
      expect(await p({ bytes: 1, urandomSeed: 'p3', random: {} })).to.not.equal(base);
      expect(await p({ bytes: 1, urandomSeed: 'p4', writerand: true })).to.not.equal(base);
    });
  });

  after(function () {
    // Printed for the report; asserted in the last test below.
    console.log(`      wasm-3.1: ${tally.commands} commands compared, ${tally.bytesCompared} random bytes, ` +
      `${tally.urandomBytes} urandom bytes, ${tally.primaries.size} distinct primary addresses`);
  });

  describe('totals', () => {
    it('compared the planned number of commands and bytes, with no mismatch', () => {
    const hexCommands = ACCEPTED.length * (N_SPREAD.length + RANDOM_N_PER_CONFIG);
    const randCommands = RAND_FILE_SIZES.length + 3 * ACCEPTED.length + 2;
    const writerandCommands = 2 * ACCEPTED.length;
    const variantCommands = 2 * ACCEPTED_VARIANTS.length + 4;
    const rejectedCommands = 2 * REJECTED.length;
    const addressCommands = 1;
    expect(tally.commands).to.equal(hexCommands + randCommands + writerandCommands + variantCommands + rejectedCommands + addressCommands);
    expect(tally.commands).to.equal(EXPECTED_COMMANDS);
    expect(tally.bytesCompared).to.equal(EXPECTED_BYTES);
    });
  });
});

/** The totals of the plan above, pinned so a shrinking comparison cannot pass unnoticed. */
const EXPECTED_COMMANDS = 1127;
const EXPECTED_BYTES = 3627960;
