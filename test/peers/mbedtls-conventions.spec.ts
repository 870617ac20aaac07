/**
 * Mbed TLS's conventions, each shown on the real library (2.28.3 and 3.6.6) and reproduced by
 * randshim's faces (provider/conventions): how seeding gathers entropy and nonce, the reseed
 * counter of each line, the limits and their error codes, update, prediction resistance, and
 * where Mbed TLS parts from SP 800-90A or from OpenSSL. docs/conformance.md cites these tests.
 */
import { expect } from 'chai';
import { toHex } from '../../provider/bytes.js';
import { MBEDTLS_ERR_CTR_DRBG, MbedtlsCtrDrbg } from '../../provider/conventions/mbedtls-ctr.js';
import { MBEDTLS_ERR_HMAC_DRBG, MbedtlsHmacDrbg, type MbedtlsDigest } from '../../provider/conventions/mbedtls-hmac.js';
import { CtrDrbgMechanism } from '../../provider/sp800-90a/ctr-drbg.js';
import { findCtrCipher, getBackend } from '../../provider/sp800-90a/primitives/index.js';
import { MbedtlsCtrOracle } from '../../interop/builds/mbedtls/ctr-oracle.js';
import { MbedtlsHmacOracle } from '../../interop/builds/mbedtls/hmac-oracle.js';
import { MBEDTLS_LINES, type MbedtlsLine } from '../../interop/builds/mbedtls/library.js';
import { EntropyStream, runStep, type MbedtlsFace, type PeerStep, type StepOutcome } from '../../interop/suites/peers/steps.js';
import { mbedtls } from './helpers.js';

/** Runs `steps` on the real CTR (or HMAC) context and on randshim's face, from one stream seed. */
function both(line: MbedtlsLine, digest: MbedtlsDigest | null, steps: readonly PeerStep[]): { lib: StepOutcome[]; ours: StepOutcome[] } {
  const build = mbedtls(line);
  const run = (face: MbedtlsFace): StepOutcome[] => {
    const stream = new EntropyStream(42);
    return steps.map((s) => runStep(face, stream, s));
  };
  const oracle = digest === null ? new MbedtlsCtrOracle(build) : new MbedtlsHmacOracle(build, digest);
  let lib: StepOutcome[];
  try {
    lib = run(oracle);
  } finally {
    oracle.close();
  }
  const model = digest === null ? new MbedtlsCtrDrbg(line) : new MbedtlsHmacDrbg(line, digest);
  const ours = run(model);
  model.free();
  expect(model.verifyZeroization(), 'randshim state zeroed by free').to.equal(true);
  expect(ours).to.deep.equal(lib);
  return { lib, ours };
}

const requests = (o: StepOutcome[]): number[][] => o.map((s) => [...s.entropyRequests]);
const rets = (o: StepOutcome[]): (number | null)[] => o.map((s) => s.ret);
const gen = (length: number, additional: Uint8Array | null = null): PeerStep => ({ op: 'random', length, additional });
const seed = (custom: Uint8Array | null = null): PeerStep => ({ op: 'seed', custom });
const bytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => i & 0xff);

describe('peers: Mbed TLS conventions', function () {
  this.timeout(30000);

  for (const line of MBEDTLS_LINES) {
    describe(`Mbed TLS ${line} CTR_DRBG`, () => {
      it('default entropy_len 48: one callback call of 48 bytes covers entropy and nonce', () => {
        const { lib } = both(line, null, [seed(), gen(16)]);
        expect(requests(lib)).to.deep.equal([[48], []]);
      });

      it('entropy_len 32: the nonce comes from a second call, (32 + 1) / 2 = 16 bytes', () => {
        const { lib } = both(line, null, [{ op: 'set-entropy-len', length: 32 }, seed(), gen(16)]);
        expect(requests(lib)).to.deep.equal([[], [32, 16], []]);
      });

      it('set_nonce_len: 0 suppresses the nonce call; after seeding it is refused', () => {
        const { lib } = both(line, null, [
          { op: 'set-entropy-len', length: 32 }, { op: 'set-nonce-len', length: 0 }, seed(),
          { op: 'set-nonce-len', length: 16 }, { op: 'set-nonce-len', length: 385 },
        ]);
        expect(requests(lib)[2]).to.deep.equal([32]);
        expect(rets(lib).slice(3)).to.deep.equal([MBEDTLS_ERR_CTR_DRBG.ENTROPY_SOURCE_FAILED, MBEDTLS_ERR_CTR_DRBG.ENTROPY_SOURCE_FAILED]);
      });

      it('limits: 1024-byte requests, 256 bytes of additional input, 384 bytes of seed material', () => {
        const { lib } = both(line, null, [
          seed(bytes(336)), seed(bytes(337)),
          gen(1024), gen(1025), gen(16, bytes(256)), gen(16, bytes(257)),
          { op: 'reseed', additional: bytes(336) }, { op: 'reseed', additional: bytes(337) },
          { op: 'update', additional: bytes(384) }, { op: 'update', additional: bytes(385) },
        ]);
        const { INPUT_TOO_BIG, REQUEST_TOO_BIG } = MBEDTLS_ERR_CTR_DRBG;
        expect(rets(lib)).to.deep.equal([0, INPUT_TOO_BIG, 0, REQUEST_TOO_BIG, 0, INPUT_TOO_BIG, 0, INPUT_TOO_BIG, 0, INPUT_TOO_BIG]);
      });

      it('reseed interval 3: three generates from one seed, the fourth reseeds first', () => {
        const { lib } = both(line, null, [
          seed(), { op: 'set-reseed-interval', interval: 3 }, gen(16), gen(16), gen(16), gen(16), gen(16),
        ]);
        expect(requests(lib).slice(2)).to.deep.equal([[], [], [], [48], []]);
      });

      it('update (df of the input, no entropy) does not count towards the reseed interval', () => {
        const { lib } = both(line, null, [
          seed(), { op: 'set-reseed-interval', interval: 1 }, gen(16), { op: 'update', additional: bytes(48) },
          { op: 'update', additional: bytes(1) }, gen(16),
        ]);
        expect(requests(lib).slice(2)).to.deep.equal([[], [], [], [48]]);
      });

      it('a reseed interval set before seeding is kept (init sets the default, seed does not)', () => {
        const { lib } = both(line, null, [{ op: 'set-reseed-interval', interval: 1 }, seed(), gen(16), gen(16)]);
        expect(requests(lib).slice(2)).to.deep.equal([[], [48]]);
      });

      it('prediction resistance reseeds on every generate, consuming the additional input', () => {
        const { lib } = both(line, null, [seed(), { op: 'set-pr', on: true }, gen(16, bytes(32)), gen(0), gen(16)]);
        expect(requests(lib).slice(2)).to.deep.equal([[48], [48], [48]]);
        // On the library alone: the same bytes as reseed(adin) then a generate without it.
        const { lib: plain } = both(line, null, [seed(), { op: 'reseed', additional: bytes(32) }, gen(16)]);
        expect(lib[2].output).to.equal(plain[2].output);
      });

      it('a failed entropy source leaves ENTROPY_SOURCE_FAILED and no output', () => {
        const { lib } = both(line, null, [seed(), { op: 'set-pr', on: true }, { op: 'fail-next-entropy' }, gen(16), gen(16)]);
        expect(rets(lib).slice(3)).to.deep.equal([MBEDTLS_ERR_CTR_DRBG.ENTROPY_SOURCE_FAILED, 0]);
        expect(lib[3].output).to.equal('00'.repeat(16));
      });

      it(`after a failed seed the counter starts from -1: the first reseed comes at generate ${line === '2.28' ? 6 : 5}`, () => {
        // 2.28: reseed when reseed_counter > interval; 3.6.6: when >= (its counter restarts at 0).
        const { lib } = both(line, null, [
          { op: 'set-reseed-interval', interval: 3 }, seed(bytes(337)), gen(16), gen(16), gen(16), gen(16), gen(16), gen(16),
        ]);
        expect(lib[1].ret).to.equal(MBEDTLS_ERR_CTR_DRBG.INPUT_TOO_BIG);
        const firstReseed = requests(lib).slice(2).findIndex((r) => r.length > 0) + 1;
        expect(firstReseed).to.equal(line === '2.28' ? 6 : 5);
      });

      it(`seeding a seeded context takes the reseed counter as the nonce length (${line === '2.28' ? 3 : 2} here)`, () => {
        const { lib } = both(line, null, [seed(), gen(16), gen(16), seed()]);
        expect(requests(lib)[3]).to.deep.equal([48, line === '2.28' ? 3 : 2]);
      });

      it('a 0-byte generate runs only the updates; OpenSSL\'s mechanism adds one counter step', () => {
        const { lib } = both(line, null, [{ op: 'set-entropy-len', length: 32 }, seed(), gen(0), gen(32)]);
        // The same seed material through the OpenSSL-shaped mechanism (drbg_ctr.c).
        const stream = new EntropyStream(42);
        const entropy = stream.source(32) as Uint8Array;
        const nonce = stream.source(16) as Uint8Array;
        const openssl = new CtrDrbgMechanism(findCtrCipher('AES-256-CTR')!, true, getBackend());
        openssl.instantiate(entropy, nonce, null);
        const afterEmpty = new Uint8Array(32);
        openssl.generate(new Uint8Array(0), null, 1);
        openssl.generate(afterEmpty, null, 2);
        expect(toHex(afterEmpty)).to.not.equal(lib[3].output);
        // Without the empty request both agree: the difference is that one step.
        const fresh = new CtrDrbgMechanism(findCtrCipher('AES-256-CTR')!, true, getBackend());
        fresh.instantiate(entropy, nonce, null);
        const direct = new Uint8Array(32);
        fresh.generate(direct, null, 1);
        const { lib: lib2 } = both(line, null, [{ op: 'set-entropy-len', length: 32 }, seed(), gen(32)]);
        expect(toHex(direct)).to.equal(lib2[2].output);
      });

      if (line === '2.28') {
        it('2.28\'s deprecated void update truncates its input to 384 bytes; update_ret refuses it', () => {
          const { lib } = both(line, null, [seed(), { op: 'update-void', additional: bytes(500) }, gen(16)]);
          const { lib: cut } = both(line, null, [seed(), { op: 'update', additional: bytes(384) }, gen(16)]);
          expect(lib[2].output).to.equal(cut[2].output);
          const { lib: refused } = both(line, null, [seed(), { op: 'update', additional: bytes(385) }]);
          expect(refused[1].ret).to.equal(MBEDTLS_ERR_CTR_DRBG.INPUT_TOO_BIG);
        });
      }

      it('entropy_len 0 after seeding: reseeds from a 0-byte request (no entropy at all)', () => {
        // SP 800-90A 9.2 requires entropy_input of at least security_strength bits.
        const { lib } = both(line, null, [seed(), { op: 'set-entropy-len', length: 0 }, { op: 'reseed', additional: bytes(16) }, gen(16)]);
        expect(requests(lib)[2]).to.deep.equal([0]);
        expect(lib[2].ret).to.equal(0);
        // With nothing at all to feed the df, randshim's face refuses rather than guess.
        const model = new MbedtlsCtrDrbg(line);
        model.seed(new EntropyStream(1).source, null);
        model.setEntropyLen(0);
        expect(() => model.reseed(null)).to.throw(RangeError);
      });
    });

    describe(`Mbed TLS ${line} HMAC_DRBG`, () => {
      const defaults: [MbedtlsDigest, number][] = [['SHA1', 16], ['SHA224', 24], ['SHA256', 32], ['SHA384', 32], ['SHA512', 32]];
      for (const [digest, entropyLen] of defaults) {
        it(`${digest}: seeds from ${entropyLen} bytes then a ${entropyLen / 2}-byte nonce call`, () => {
          const { lib } = both(line, digest, [seed(), gen(16)]);
          expect(requests(lib)).to.deep.equal([[entropyLen, entropyLen / 2], []]);
        });
      }

      it('limits: custom 256 (MAX_INPUT), entropy_len * 3 / 2 + custom <= 384, 1024-byte requests', () => {
        const { INPUT_TOO_BIG, REQUEST_TOO_BIG } = MBEDTLS_ERR_HMAC_DRBG;
        // One seed per context: seeding twice re-keys HMAC with the old V (hmac_drbg_seed
        // keys with "the V memory location, which is currently all 0").
        expect(rets(both(line, 'SHA256', [seed(bytes(257))]).lib)).to.deep.equal([INPUT_TOO_BIG]);
        expect(rets(both(line, 'SHA256', [{ op: 'set-entropy-len', length: 224 }, seed(bytes(48))]).lib)).to.deep.equal([null, 0]);
        expect(rets(both(line, 'SHA256', [{ op: 'set-entropy-len', length: 224 }, seed(bytes(49))]).lib)).to.deep.equal([null, INPUT_TOO_BIG]);
        const { lib } = both(line, 'SHA256', [
          seed(bytes(256)), gen(1024), gen(1025), gen(1, bytes(256)), gen(1, bytes(257)),
          { op: 'set-entropy-len', length: 200 }, { op: 'reseed', additional: bytes(184) }, { op: 'reseed', additional: bytes(185) },
        ]);
        expect(rets(lib)).to.deep.equal([0, 0, REQUEST_TOO_BIG, 0, INPUT_TOO_BIG, null, 0, INPUT_TOO_BIG]);
      });

      it('seed_buf: no entropy source, so no reseed ever, even with prediction resistance', () => {
        const { lib } = both(line, 'SHA512', [
          { op: 'seed-buf', data: bytes(64) }, { op: 'set-pr', on: true }, { op: 'set-reseed-interval', interval: 1 },
          gen(64), gen(64), gen(0, bytes(3)), gen(64),
        ]);
        expect(requests(lib).flat()).to.deep.equal([]);
      });

      it('reseed interval 2 and a 0-byte generate that still counts', () => {
        const { lib } = both(line, 'SHA1', [seed(), { op: 'set-reseed-interval', interval: 2 }, gen(0), gen(20), gen(20)]);
        expect(requests(lib).slice(2)).to.deep.equal([[], [], [16]]);
      });
    });
  }
});
