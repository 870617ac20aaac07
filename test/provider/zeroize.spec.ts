/**
 * Uninstantiate zeroizes the working state (SP 800-90A 9.4): the very buffers that held key,
 * V, C and df material are all zero afterwards, for every mechanism on both backends.
 */
import { expect } from 'chai';
import { Drbg } from '../../provider/drbg.js';
import { BACKEND_NAMES } from '../../provider/sp800-90a/primitives/index.js';
import { RandState } from '../../provider/openssl3/rands/rand-impl.js';
import { CONFIGS, describeConfig, underTestRand } from './helpers.js';

describe('zeroization', () => {
  for (const backend of BACKEND_NAMES) {
    for (const config of CONFIGS) {
      it(`${describeConfig(config)} on ${backend}: secrets non-zero while ready, zero after uninstantiate`, () => {
        const { ctx, parent } = underTestRand(config, 64, 32);
        const drbg = new Drbg({ mechanism: config, parent, backend });
        drbg.instantiate({ personalization: new Uint8Array([1, 2, 3]) });
        drbg.generate(100, { additionalInput: new Uint8Array([4, 5]) });
        const buffers = drbg.ctx.secretBuffers();
        expect(buffers.length).to.be.greaterThan(1);
        expect(buffers.some((b) => b.some((x) => x !== 0))).to.equal(true);
        expect(drbg.verifyZeroization()).to.equal(false);
        drbg.uninstantiate();
        expect(drbg.state).to.equal(RandState.UNINITIALISED);
        for (const b of buffers) expect(b.every((x) => x === 0)).to.equal(true);
        expect(drbg.verifyZeroization()).to.equal(true);
        void ctx;
      });
    }
  }
});
