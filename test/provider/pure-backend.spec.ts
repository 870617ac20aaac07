/**
 * The pure backend (provider/sp800-90a/primitives/pure-backend.ts) and the fast paths it shares
 * with the node backend, against node:crypto (OpenSSL): the one-block SHA-2 path at the lengths
 * around its edge (seedlen 55 / 111 bytes), HMAC's word-built outer block, SHA-1, and the CTR
 * keystream's counter-mode caching across carries out of the counter's low bytes.
 */
import { expect } from 'chai';
import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { SUPPORTED_DIGESTS, findDigest } from '../../provider/sp800-90a/primitives/algorithms.js';
import { pureBackend } from '../../provider/sp800-90a/primitives/pure-backend.js';

/** Lengths on both sides of one block with padding (55/56 for SHA-256, 111/112 for SHA-512). */
const LENGTHS = [0, 1, 3, 4, 20, 27, 28, 31, 32, 33, 48, 54, 55, 56, 57, 64, 65, 110, 111, 112, 113, 128, 129, 300];

describe('pure backend against node:crypto', () => {
  it('every supported digest, as one part and split, at lengths around one block', () => {
    let compared = 0;
    for (const name of SUPPORTED_DIGESTS) {
      const info = findDigest(name);
      if (info === undefined) throw new Error(`no digest ${name}`);
      const hasher = pureBackend.hasher(info);
      for (const len of LENGTHS) {
        const data = randomBytes(len);
        const want = createHash(info.nodeName).update(data).digest('hex');
        const out = new Uint8Array(info.size + 3);
        hasher.hashInto([data], out, 3);
        expect(Buffer.from(out.subarray(3)).toString('hex'), `${name} len ${len}`).to.equal(want);
        const split = len >> 1;
        hasher.hashInto([data.subarray(0, split), data.subarray(split)], out, 0);
        expect(Buffer.from(out.subarray(0, info.size)).toString('hex'), `${name} split ${len}`).to.equal(want);
        expect(Buffer.from(pureBackend.digest(info, [data])).toString('hex')).to.equal(want);
        compared += 3;
      }
    }
    expect(compared).to.equal(SUPPORTED_DIGESTS.length * LENGTHS.length * 3);
  });

  it('HMAC for every supported digest, keys shorter and longer than a block, chained as HMAC_DRBG does', () => {
    let compared = 0;
    for (const name of SUPPORTED_DIGESTS) {
      const info = findDigest(name);
      if (info === undefined) throw new Error(`no digest ${name}`);
      const mac = pureBackend.mac(info);
      for (const keyLen of [0, info.size, info.blockSize, info.blockSize + 1]) {
        const key = randomBytes(keyLen);
        mac.setKey(key);
        // V = HMAC(K, V) chained ten times: digest-sized messages take the one-block path.
        let v = new Uint8Array(randomBytes(info.size));
        for (let i = 0; i < 10; i++) {
          const want = createHmac(info.nodeName, key).update(v).digest();
          const out = new Uint8Array(info.size);
          mac.macInto([v], out, 0);
          expect(Buffer.from(out).equals(want), `${name} key ${keyLen} step ${i}`).to.equal(true);
          v = out;
          compared++;
        }
        for (const len of LENGTHS) {
          const data = randomBytes(len);
          const out = new Uint8Array(info.size);
          mac.macInto([data], out, 0);
          expect(Buffer.from(out).equals(createHmac(info.nodeName, key).update(data).digest()), `${name} len ${len}`).to.equal(true);
          compared++;
        }
      }
    }
    expect(compared).to.equal(SUPPORTED_DIGESTS.length * 4 * (10 + LENGTHS.length));
  });

  it('AES-CTR keystreams equal OpenSSL, with the counter near every carry boundary', () => {
    let bytes = 0;
    let cases = 0;
    for (const keyLen of [16, 24, 32] as const) {
      for (let r = 0; r < 120; r++) {
        const key = randomBytes(keyLen);
        const iv = randomBytes(16);
        // Low bytes at ff..ff of 1 to 16 bytes, or just under a low-byte carry, or all ones.
        if (r % 3 === 0) iv.fill(0xff, 15 - (r % 16));
        if (r % 3 === 1) iv[15] = 0xf0 + (r % 16);
        if (r % 40 === 2) iv.fill(0xff);
        const n = [1, 15, 16, 17, 255, 4096, 4111, 8200][r % 8];
        const want = createCipheriv(`aes-${keyLen * 8}-ctr`, key, iv).update(Buffer.alloc(n));
        const out = new Uint8Array(n);
        const aes = pureBackend.aes(key);
        aes.ctrKeystream(iv, out);
        expect(Buffer.from(out).equals(want), `AES-${keyLen * 8} iv ${iv.toString('hex')} n ${n}`).to.equal(true);
        bytes += n;
        cases++;
      }
    }
    expect(cases).to.equal(360);
    expect(bytes).to.equal(3 * 15 * (1 + 15 + 16 + 17 + 255 + 4096 + 4111 + 8200));
  });

  it('AES-CTR keystreams equal OpenSSL at every output alignment (word stores and byte stores)', () => {
    // From 64 bytes on, whole blocks are stored as words into a view of a 4-aligned output;
    // other offsets and the final partial block take byte stores.
    let bytes = 0;
    let cases = 0;
    for (const keyLen of [16, 24, 32] as const) {
      for (const n of [63, 64, 65, 100, 4099]) {
        for (let offset = 0; offset < 4; offset++) {
          const key = randomBytes(keyLen);
          const iv = randomBytes(16);
          const want = createCipheriv(`aes-${keyLen * 8}-ctr`, key, iv).update(Buffer.alloc(n));
          const backing = new Uint8Array(n + 8).fill(0xa5);
          const out = backing.subarray(offset, offset + n);
          pureBackend.aes(key).ctrKeystream(iv, out);
          expect(Buffer.from(out).equals(want), `AES-${keyLen * 8} n ${n} offset ${offset}`).to.equal(true);
          // Nothing written outside the request.
          expect(backing.subarray(0, offset).every((b) => b === 0xa5)).to.equal(true);
          expect(backing.subarray(offset + n).every((b) => b === 0xa5)).to.equal(true);
          bytes += n;
          cases++;
        }
      }
    }
    expect(cases).to.equal(3 * 5 * 4);
    expect(bytes).to.equal(3 * 4 * (63 + 64 + 65 + 100 + 4099));
  });

  it('hashgen (cached rounds 0..12) equals SHA-224/256 of V, V + 1, ... across every carry', () => {
    // Independent reference: node:crypto over V + i computed with BigInt, modulo 2^440.
    const MOD = 1n << 440n;
    const toBytes = (x: bigint): Buffer => Buffer.from(x.toString(16).padStart(110, '0'), 'hex');
    let blocks = 0;
    let cases = 0;
    for (const name of ['SHA2-224', 'SHA2-256'] as const) {
      const info = findDigest(name)!;
      const hasher = pureBackend.hasher(info);
      for (let r = 0; r < 12; r++) {
        const v = randomBytes(55);
        // Carries out of byte 54, out of bytes 52..54 (into word 12), through several words, and
        // out of V entirely (all ones wraps to zero); the rest random.
        if (r % 4 === 1) v.fill(0xff, 52);
        if (r % 4 === 2) v.fill(0xff, 40);
        if (r === 3 || r === 7) v.fill(0xff);
        if (r % 4 === 0) v[54] = 0xfe;
        const n = [1, 27, 28, 31, 32, 33, 64, 100, 1000][r % 9];
        const before = Buffer.from(v);
        const out = new Uint8Array(n);
        expect(hasher.hashgen?.(v, out)).to.equal(true);
        const want: Buffer[] = [];
        let x = BigInt(`0x${v.toString('hex')}`);
        for (let got = 0; got < n; got += info.size) {
          want.push(createHash(info.nodeName).update(toBytes(x)).digest());
          x = (x + 1n) % MOD;
          blocks++;
        }
        expect(Buffer.from(out).equals(Buffer.concat(want).subarray(0, n)), `${name} V ${before.toString('hex')} n ${n}`).to.equal(true);
        expect(v.equals(before), 'V is not modified').to.equal(true);
        cases++;
      }
      // Other lengths (SHA-512's 111-byte seedlen) are declined with nothing written.
      const untouched = new Uint8Array(32);
      expect(hasher.hashgen?.(new Uint8Array(111), untouched)).to.equal(false);
      expect(untouched.every((b) => b === 0)).to.equal(true);
    }
    expect(cases).to.equal(24);
    expect(blocks).to.be.greaterThan(24);
  });
});
