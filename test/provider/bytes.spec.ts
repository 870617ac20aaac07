/**
 * provider/bytes.ts hex conversion against Node's own (Buffer's 'hex' encoding, an independent
 * implementation): every length across the short/long switch, random bytes, both cases on
 * input, and every malformed string refused with a TypeError.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { fromHex, toHex } from '../../provider/bytes.js';

describe('provider/bytes: hex against Buffer', () => {
  it('toHex equals Buffer hex, fromHex inverts it (upper and lower case)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
      const hex = Buffer.from(bytes).toString('hex');
      expect(toHex(bytes)).to.equal(hex);
      expect(Buffer.from(fromHex(hex)).equals(Buffer.from(bytes))).to.equal(true);
      expect(Buffer.from(fromHex(hex.toUpperCase())).equals(Buffer.from(bytes))).to.equal(true);
    }), { numRuns: 2000 });
  });

  it('fromHex refuses odd lengths and non-hex characters', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => {
      const valid = s.length % 2 === 0 && /^[0-9a-fA-F]*$/.test(s);
      if (valid) expect(fromHex(s)).to.have.length(s.length / 2);
      else expect(() => fromHex(s)).to.throw(TypeError);
    }), { numRuns: 2000 });
    for (const bad of ['0', 'zz', '0g', ' 0', '0 ', '\u00e10', '+1', '0x']) expect(() => fromHex(bad), bad).to.throw(TypeError);
  });
});
