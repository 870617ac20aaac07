/**
 * A DRBG state that travels (Drbg.exportState / Drbg.importState) carries the whole SP 800-90A
 * working state, proven against NIST: for every NIST CAVP stanza without prediction resistance
 * (evprand.txt, 20 configurations), the first case is run up to its first generate, the state is
 * exported, and the second generate runs on the imported copy; its output must be NIST's
 * ReturnedBits. The same copy imported the safe way (reseed before use) must not produce them.
 */
import { expect } from 'chai';
import { fromHex, hexOrNull, toHex } from '../../provider/bytes.js';
import { CloneGuard, Drbg, TestRand, type MechanismConfig } from '../../provider/index.js';
import { loadEvpRand, type EvpRandStanza } from '../../vectors/evprand.js';

function mechanismOf(s: EvpRandStanza): MechanismConfig {
  if (s.rand === 'CTR-DRBG') return { type: 'CTR-DRBG', cipher: s.cipher as 'AES-128-CTR', useDf: s.derivationFunction };
  return { type: s.rand, digest: s.digest as 'SHA-256' };
}

describe('clone safety: DRBG state transport against NIST CAVP vectors', function () {
  it('an exported state, imported without reseed, produces NIST\'s second output; imported safely, it does not', () => {
    const stanzas = loadEvpRand().stanzas.filter((s) => !s.predictionResistance);
    let cases = 0;
    let bytes = 0;
    const configurations = new Set<string>();
    for (const stanza of stanzas) {
      const c = stanza.cases[0];
      const guard = new CloneGuard();
      const parent = TestRand.create(256, fromHex(c.Entropy ?? ''), hexOrNull(c.Nonce) ?? new Uint8Array(0));
      parent.instantiate(256);
      const original = new Drbg({ mechanism: mechanismOf(stanza), parent, cloneGuard: guard });
      original.instantiate({ strength: original.strength, personalization: hexOrNull(c.PersonalisationString) ?? new Uint8Array(0) });
      if (c.ReseedEntropy !== undefined) {
        parent.setCtxParams({ test_entropy: fromHex(c.ReseedEntropy) });
        original.reseed({ additionalInput: hexOrNull(c.ReseedAdditionalInput) ?? undefined });
      }
      const outLen = stanza.generateBits / 8;
      original.generate(outLen, { additionalInput: hexOrNull(c.AdditionalInputA) ?? undefined });
      const state = original.exportState();
      const copy = Drbg.importState(state, { parent, cloneGuard: guard, reseedBeforeUse: false });
      const safe = Drbg.importState(state, { parent, cloneGuard: guard });
      state.fill(0);
      const adinB = hexOrNull(c.AdditionalInputB) ?? undefined;
      const expected = (c.Output ?? '').toLowerCase();
      const where = `${stanza.title} line ${stanza.line}`;
      expect(toHex(copy.generate(outLen, { additionalInput: adinB })), where).to.equal(expected);
      expect(toHex(safe.generate(outLen, { additionalInput: adinB })), `${where} (reseeded copy)`).to.not.equal(expected);
      cases++;
      bytes += 2 * outLen;
      configurations.add(JSON.stringify(mechanismOf(stanza)));
    }
    expect(configurations.size, 'CTR x 3 keys x df/no-df, Hash x 7, HMAC x 7').to.equal(20);
    expect(cases).to.equal(640);
    console.log(`      state transport: ${cases} NIST cases over ${configurations.size} configurations, ${bytes} bytes compared`);
  });
});
