/**
 * randshim's OpenSSL 3 personalities against the real `openssl` command line of each native
 * build: Debian's 3.0 (/usr/bin/openssl) and the 3.5, 3.6 and 4.0 lines (their own binaries
 * under their own ld.so). A preloaded shim (interop/builds/openssl-command/pin-shim.c) pins the
 * entropy the process reads, its pid and its clock, and reports the primary DRBG's address and
 * pthread_self(); randshim's port of `openssl rand` on the line's personality must then print the
 * same bytes, read the same number of entropy bytes, write the same -writerand file, exit the same
 * way and print the same errors, under every `[random]` configuration.
 */
import { expect } from 'chai';
import {
  ACCEPTED_SECTIONS, ACCEPTED_VARIANTS, compareRandCommand, OPENSSL_ONLY, REJECTED, sectionLabel,
} from '../../interop/suites/openssl-rand/compare.js';
import type { OpensslCommand, RandCommand } from '../../interop/suites/openssl-rand/command.js';
import { PinnedUrandom } from '../../interop/suites/openssl-rand/pinned-urandom.js';
import { reproduceRandCommand } from '../../interop/suites/openssl-rand/run-randshim.js';
import { buildsWith, discover } from '../../interop/builds/registry.js';

/** N around the 4096-byte chunks of rand_main up to 3.4 and the 65536-byte ones from 3.5. */
const N_VALUES = [1, 33, 4097, 65537];
const RAND_FILE = new PinnedUrandom('native -rand file').read(2305);
const NATIVE = buildsWith('openssl-command').filter((b) => b.loading.kind !== 'webassembly');

describe('native openssl rand (3.0, 3.5, 3.6, 4.0) vs the same program on each line\'s personality', function () {
  this.timeout(600_000);

  it('the registry has the four native command builds', () => {
    expect(NATIVE.map((b) => b.name)).to.deep.equal(['system-3', 'system-3.5', 'system-3.6', 'system-4.0']);
  });

  for (const entry of NATIVE) {
    describe(entry.name, () => {
      let command: OpensslCommand;
      const tally = { commands: 0, bytes: 0, entropy: 0 };

      before(async () => {
        const found = await discover(entry, 'openssl-command');
        if (!found.available) throw new Error(`${entry.name} needed: ${found.reason}`);
        command = found.handle;
      });

      async function same(cmd: RandCommand): Promise<void> {
        const c = await compareRandCommand(command, cmd);
        expect(c.mismatch, `${sectionLabel(cmd.random)} rand ${cmd.bytes}`).to.equal(null);
        tally.commands++;
        tally.bytes += c.bytesCompared;
        tally.entropy += c.run.urandomBytesRead;
      }

      it('every accepted [random] configuration: rand -hex N around both chunk sizes, -rand FILE and -writerand', async () => {
        for (const [i, random] of ACCEPTED_SECTIONS.entries()) {
          const extra = random === undefined ? {} : { random };
          for (const bytes of N_VALUES) await same({ bytes, urandomSeed: `native ${i} ${bytes}`, ...extra });
          await same({ bytes: 32, urandomSeed: `native ${i} file`, randFile: RAND_FILE, writerand: true, ...extra });
        }
        expect(tally.commands).to.equal(ACCEPTED_SECTIONS.length * 5);
      });

      it('other spellings, property queries, seed sources and unknown keys', async () => {
        for (const [i, random] of ACCEPTED_VARIANTS.entries()) await same({ bytes: 100, urandomSeed: `variant ${i}`, random });
      });

      it('rejected configurations fail the same way: exit 1, nothing printed, the same errors', async () => {
        for (const [i, random] of REJECTED.entries()) {
          const c = await compareRandCommand(command, { bytes: 16, urandomSeed: `rejected ${i}`, random });
          expect(c.mismatch, sectionLabel(random)).to.equal(null);
          expect(c.run.exitCode, sectionLabel(random)).to.equal(1);
          expect(c.run.stdout).to.equal('');
          tally.commands++;
        }
      });

      it('algorithms only OpenSSL implements: OpenSSL generates, randshim refuses with the reason', async () => {
        for (const [random, reason] of OPENSSL_ONLY) {
          const cmd: RandCommand = { bytes: 24, urandomSeed: 'openssl-only', random };
          const w = await command.runRand(cmd);
          expect(w.exitCode, sectionLabel(random)).to.equal(0);
          expect(w.stdout).to.match(/^[0-9a-f]{48}\n$/);
          const r = reproduceRandCommand(cmd, w.primaryAddress, command.environment, w.threadId ?? null);
          expect(r.exitCode).to.equal(1);
          expect(r.errors[0]).to.equal(reason);
        }
      });

      it('the primary address is what makes the bytes: each run has its own (ASLR), each is reproduced, a wrong one is not', async () => {
        const cmd: RandCommand = { bytes: 64, urandomSeed: 'address', writerand: true };
        const first = await compareRandCommand(command, cmd);
        const second = await compareRandCommand(command, cmd);
        expect(first.mismatch).to.equal(null);
        expect(second.mismatch).to.equal(null);
        expect(first.run.primaryAddress).to.not.equal(null);
        expect(second.run.primaryAddress).to.not.equal(first.run.primaryAddress);
        expect(second.run.stdout).to.not.equal(first.run.stdout);
        const p = first.run.primaryAddress as number;
        const wrong = reproduceRandCommand(cmd, p + 16, command.environment, first.run.threadId ?? null);
        expect(wrong.stdout).to.not.equal(first.run.stdout);
        expect(wrong.urandomBytesRead).to.equal(first.run.urandomBytesRead);
      });

      it('compared the planned commands and bytes', () => {
        expect(tally.commands).to.equal(ACCEPTED_SECTIONS.length * 5 + ACCEPTED_VARIANTS.length + REJECTED.length);
        // per accepted configuration: 1 + 33 + 4097 + 65537 hex bytes, then 32 + a 1024-byte -writerand file
        expect(tally.bytes).to.be.at.least(ACCEPTED_SECTIONS.length * (1 + 33 + 4097 + 65537 + 32 + 1024));
        expect(tally.entropy).to.be.greaterThan(0);
        console.log(`      ${entry.name}: ${tally.commands} commands, ${tally.bytes.toLocaleString('en-US')} bytes compared, ${tally.entropy.toLocaleString('en-US')} entropy bytes served`);
      });
    });
  }
});
