/**
 * Every length and strength limit of every configuration is refused with OpenSSL's reason and
 * leaves the state where OpenSSL 3.0's drbg.c leaves it (instantiate: lines "perslen >
 * max_perslen", "state != UNINITIALISED", entropy/nonce range; reseed: entropy range puts the
 * DRBG in ERROR, adin too long does not; generate: strength, max_request and max_adinlen leave
 * it READY). The same paths are compared with the real system OpenSSL 3 by the interop suite.
 */
import { expect } from 'chai';
import { Drbg } from '../../provider/drbg.js';
import { DrbgCtx } from '../../provider/openssl3/rands/drbg.js';
import { TestRand } from '../../provider/openssl3/rands/test-rand.js';
import { DrbgError } from '../../provider/err/queue.js';
import { DRBG_MAX_LENGTH } from '../../provider/sp800-90a/mechanism.js';
import { RandState } from '../../provider/openssl3/rands/rand-impl.js';
import { CONFIGS, call, describeConfig, pattern, underTestRand } from './helpers.js';

describe('length and strength limits', () => {
  for (const config of CONFIGS) {
    describe(describeConfig(config), () => {
      const probe = underTestRand(config, 64, 32).ctx.drbgLimits;
      const L = probe;
      const fixed = L.maxEntropyLen !== DRBG_MAX_LENGTH; // no-df CTR: every input is seedlen at most

      it('reports OpenSSL\'s limits for the configuration', () => {
        const isCtr = config.type === 'CTR-DRBG';
        const size = isCtr ? { 'AES-128-CTR': 16, 'AES-192-CTR': 24, 'AES-256-CTR': 32 }[config.cipher]! : 0;
        if (isCtr) {
          expect(L.strength).to.equal(size * 8);
          expect(L.seedlen).to.equal(size + 16);
          if (config.useDf === false) {
            expect([L.minEntropyLen, L.maxEntropyLen, L.maxPersLen, L.maxAdinLen]).to.deep.equal(Array(4).fill(size + 16));
            expect([L.minNonceLen, L.maxNonceLen]).to.deep.equal([0, 0]);
          } else {
            expect([L.minEntropyLen, L.minNonceLen]).to.deep.equal([size, size / 2]);
            expect([L.maxEntropyLen, L.maxNonceLen, L.maxPersLen, L.maxAdinLen]).to.deep.equal(Array(4).fill(DRBG_MAX_LENGTH));
          }
        } else {
          expect(L.minEntropyLen).to.equal(L.strength / 8);
          expect(L.minNonceLen).to.equal(L.strength / 16);
        }
        expect(L.maxRequest).to.equal(65536);
      });

      it('entropy shorter than min_entropylen: ERROR_RETRIEVING_ENTROPY, state ERROR', () => {
        const { ctx } = underTestRand(config, L.minEntropyLen - 1, L.minNonceLen);
        const r = call(() => ctx.instantiate(0, false, new Uint8Array(0)));
        expect(r.result).to.equal(false);
        expect(r.reasons).to.deep.equal(['ERROR_RETRIEVING_ENTROPY']);
        expect(ctx.state).to.equal(RandState.ERROR);
      });

      if (L.minNonceLen > 0) {
        it('no nonce from the parent: ERROR_RETRIEVING_NONCE, state ERROR', () => {
          const { ctx } = underTestRand(config, L.minEntropyLen, 0);
          const r = call(() => ctx.instantiate(0, false, null));
          expect(r.result).to.equal(false);
          expect(r.reasons).to.deep.equal(['ERROR_RETRIEVING_NONCE']);
          expect(ctx.state).to.equal(RandState.ERROR);
        });

        it('a parentless OS nonce outside [min_noncelen, max_noncelen]: ERROR_RETRIEVING_NONCE', () => {
          const ctx = DrbgCtx.create({ mechanism: config, osNonce: () => new Uint8Array(L.minNonceLen - 1) })!;
          const r = call(() => ctx.instantiate(0, false, null));
          expect(r.reasons).to.deep.equal(['ERROR_RETRIEVING_NONCE']);
          expect(ctx.state).to.equal(RandState.ERROR);
        });
      }

      if (fixed) {
        it('personalization longer than max_perslen: PERSONALISATION_STRING_TOO_LONG, state unchanged', () => {
          const { ctx } = underTestRand(config, L.minEntropyLen, 0);
          const r = call(() => ctx.instantiate(0, false, pattern(L.maxPersLen + 1)));
          expect(r.result).to.equal(false);
          expect(r.reasons).to.deep.equal(['PERSONALISATION_STRING_TOO_LONG']);
          expect(ctx.state).to.equal(RandState.UNINITIALISED);
          // The 29-byte default fits every no-df seedlen (32, 40, 48).
          expect(ctx.instantiate(0, false, null)).to.equal(true);
        });
      }

      it('explicit reseed entropy out of range puts the DRBG in ERROR (RAND_R_ENTROPY_*)', () => {
        const { ctx } = underTestRand(config, L.minEntropyLen, L.minNonceLen);
        expect(ctx.instantiate(0, false, null)).to.equal(true);
        const short = call(() => ctx.reseed(false, pattern(L.minEntropyLen - 1), null));
        expect(short.reasons).to.deep.equal(['ENTROPY_OUT_OF_RANGE']);
        expect(short.raised[0].lib).to.equal('RAND');
        expect(ctx.state).to.equal(RandState.ERROR);
        if (fixed) {
          const { ctx: other } = underTestRand(config, L.minEntropyLen, 0);
          other.instantiate(0, false, null);
          const long = call(() => other.reseed(false, pattern(L.maxEntropyLen + 1), null));
          expect(long.reasons).to.deep.equal(['ENTROPY_INPUT_TOO_LONG']);
          expect(other.state).to.equal(RandState.ERROR);
        }
      });

      if (fixed) {
        it('additional input longer than max_adinlen: refused, state stays READY', () => {
          const { ctx } = underTestRand(config, L.minEntropyLen, 0);
          ctx.instantiate(0, false, null);
          const g = call(() => ctx.generate(new Uint8Array(16), 0, false, pattern(L.maxAdinLen + 1)));
          expect(g.reasons).to.deep.equal(['ADDITIONAL_INPUT_TOO_LONG']);
          const r = call(() => ctx.reseed(false, null, pattern(L.maxAdinLen + 1)));
          expect(r.reasons).to.deep.equal(['ADDITIONAL_INPUT_TOO_LONG']);
          expect(ctx.state).to.equal(RandState.READY);
          expect(ctx.generate(new Uint8Array(16), 0, false, pattern(L.maxAdinLen))).to.equal(true);
        });
      }

      it('a request over max_request (65536): REQUEST_TOO_LARGE_FOR_DRBG, READY, nothing written', () => {
        const { ctx, parent } = underTestRand(config, L.minEntropyLen, L.minNonceLen);
        const drbg = new Drbg({ mechanism: config, parent });
        drbg.instantiate();
        const out = new Uint8Array(65537).fill(0xaa);
        expect(() => drbg.generate(out)).to.throw(DrbgError).with.property('reason', 'REQUEST_TOO_LARGE_FOR_DRBG');
        expect(out.every((b) => b === 0)).to.equal(true);
        expect(drbg.state).to.equal(RandState.READY);
        expect(drbg.generate(65536).length).to.equal(65536);
        void ctx;
      });

      it('a requested strength above the DRBG\'s: INSUFFICIENT_DRBG_STRENGTH', () => {
        const { ctx } = underTestRand(config, L.minEntropyLen, L.minNonceLen);
        expect(call(() => ctx.instantiate(L.strength + 1, false, null)).reasons).to.deep.equal(['INSUFFICIENT_DRBG_STRENGTH']);
        expect(ctx.state).to.equal(RandState.UNINITIALISED);
        expect(ctx.instantiate(L.strength, false, null)).to.equal(true);
        expect(call(() => ctx.generate(new Uint8Array(1), L.strength + 1, false, null)).reasons)
          .to.deep.equal(['INSUFFICIENT_DRBG_STRENGTH']);
        expect(ctx.state).to.equal(RandState.READY);
      });
    });
  }

  describe('unsupported algorithms', () => {
    const refused: [Parameters<typeof DrbgCtx.create>[0]['mechanism'], string, string][] = [
      [{ type: 'CTR-DRBG', cipher: 'AES-256-CBC' }, 'PROV', 'REQUIRE_CTR_MODE_CIPHER'],
      [{ type: 'CTR-DRBG', cipher: 'ARIA-256-CTR' }, 'PROV', 'UNABLE_TO_FIND_CIPHERS'],
      [{ type: 'HASH-DRBG', digest: 'SHAKE256' }, 'PROV', 'XOF_DIGESTS_NOT_ALLOWED'],
      [{ type: 'HMAC-DRBG', digest: 'SHAKE-128' }, 'PROV', 'XOF_DIGESTS_NOT_ALLOWED'],
      [{ type: 'HASH-DRBG', digest: 'MD5' }, 'PROV', 'DIGEST_NOT_ALLOWED'],
      [{ type: 'HMAC-DRBG', digest: 'NOT-A-DIGEST' }, 'EVP', 'UNSUPPORTED'],
    ];
    for (const [mechanism, lib, reason] of refused) {
      it(`${JSON.stringify(mechanism)}: ${lib} ${reason}`, () => {
        const r = call(() => DrbgCtx.create({ mechanism, parent: TestRand.create(256) }));
        expect(r.result).to.equal(null);
        expect(r.raised.map((e) => `${e.lib} ${e.reason}`)).to.deep.equal([`${lib} ${reason}`]);
        expect(() => new Drbg({ mechanism: mechanism as never })).to.throw(DrbgError).with.property('reason', reason);
      });
    }

    it('a parent weaker than the child is refused at creation (PARENT_STRENGTH_TOO_WEAK)', () => {
      const r = call(() => DrbgCtx.create({ mechanism: { type: 'CTR-DRBG', cipher: 'AES-256-CTR' }, parent: TestRand.create(128) }));
      expect(r.result).to.equal(null);
      expect(r.reasons).to.deep.equal(['PARENT_STRENGTH_TOO_WEAK']);
    });
  });
});
