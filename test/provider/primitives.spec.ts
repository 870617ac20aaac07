/**
 * The pure-JavaScript primitives of the forge backend against node:crypto (OpenSSL) and FIPS
 * known answers, over random inputs of many lengths.
 */
import { expect } from 'chai';
import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { fromHex, toHex } from '../../provider/bytes.js';
import { forgeBackend } from '../../provider/sp800-90a/primitives/forge-backend.js';
import { nodeBackend } from '../../provider/sp800-90a/primitives/node-backend.js';
import { SUPPORTED_DIGESTS, findDigest } from '../../provider/sp800-90a/primitives/algorithms.js';
import { sha3 } from '../../provider/sp800-90a/primitives/pure/sha3.js';
import { AesKeySchedule } from '../../provider/sp800-90a/primitives/pure/aes.js';
import { Sha2, Sha2Hmac, type Sha2Name } from '../../provider/sp800-90a/primitives/pure/sha2.js';
import { nodeNativeBackend } from '../../provider/sp800-90a/primitives/node-backend.js';

const LENGTHS = [0, 1, 3, 55, 56, 63, 64, 65, 71, 72, 73, 103, 104, 105, 127, 128, 135, 136, 137, 143, 144, 145, 200, 1000, 4096];

describe('primitive backends', () => {
  it('pure SHA-224 equals OpenSSL on FIPS 180-4 "abc" and on random inputs', () => {
    const sha224 = (parts: Uint8Array[]): Uint8Array => {
      const h = new Sha2('SHA2-224');
      for (const p of parts) h.update(p);
      const out = new Uint8Array(28);
      h.digestInto(out);
      return out;
    };
    expect(toHex(sha224([new TextEncoder().encode('abc')])))
      .to.equal('23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7');
    let compared = 0;
    for (const len of LENGTHS) {
      const data = randomBytes(len);
      const split = Math.floor(len / 3);
      expect(toHex(sha224([data.subarray(0, split), data.subarray(split)])), `len ${len}`)
        .to.equal(createHash('sha224').update(data).digest('hex'));
      compared++;
    }
    expect(compared).to.equal(LENGTHS.length);
  });

  for (const bits of [224, 256, 384, 512] as const) {
    it(`pure SHA3-${bits} equals OpenSSL on random inputs and FIPS 202 "abc"`, () => {
      const abc: Record<number, string> = {
        224: 'e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf',
        256: '3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532',
        384: 'ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b298d88cea927ac7f539f1edf228376d25',
        512: 'b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0',
      };
      expect(toHex(sha3(bits / 8 as 28 | 32 | 48 | 64, [new TextEncoder().encode('abc')]))).to.equal(abc[bits]);
      for (const len of LENGTHS) {
        const data = randomBytes(len);
        expect(toHex(sha3(bits / 8 as 28 | 32 | 48 | 64, [data])), `len ${len}`)
          .to.equal(createHash(`sha3-${bits}`).update(data).digest('hex'));
      }
    });
  }

  it('every supported digest and HMAC agrees between the forge and node backends', () => {
    let compared = 0;
    for (const id of SUPPORTED_DIGESTS) {
      const info = findDigest(id)!;
      for (const len of [0, 1, 55, 64, 111, 128, 1000]) {
        const data = randomBytes(len);
        const key = randomBytes(len % 3 === 0 ? info.blockSize + 5 : 32);
        const want = createHash(info.nodeName).update(data).digest('hex');
        expect(toHex(forgeBackend.digest(info, [data])), `${id} ${len}`).to.equal(want);
        expect(toHex(nodeBackend.digest(info, [data])), `${id} ${len}`).to.equal(want);
        const wantMac = createHmac(info.nodeName, key).update(data).digest('hex');
        expect(toHex(forgeBackend.hmac(info, key, [data])), `HMAC ${id} ${len}`).to.equal(wantMac);
        expect(toHex(nodeBackend.hmac(info, key, [data])), `HMAC ${id} ${len}`).to.equal(wantMac);
        compared += 4;
      }
    }
    expect(compared).to.equal(SUPPORTED_DIGESTS.length * 7 * 4);
  });

  it('AES-ECB on both backends equals the FIPS 197 appendix C known answers', () => {
    const plain = fromHex('00112233445566778899aabbccddeeff');
    const cases = [
      ['000102030405060708090a0b0c0d0e0f', '69c4e0d86a7b0430d8cdb78070b4c55a'],
      ['000102030405060708090a0b0c0d0e0f1011121314151617', 'dda97ca4864cdfe06eaf70a0ec0d7191'],
      ['000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', '8ea2b7ca516745bfeafc49904b496089'],
    ];
    for (const backend of [nodeBackend, forgeBackend]) {
      for (const [key, want] of cases) {
        const out = new Uint8Array(16);
        backend.aes(fromHex(key)).encryptBlocks(plain, out);
        expect(toHex(out), `${backend.name} ${key.length * 4}`).to.equal(want);
      }
    }
  });

  it('AES-CTR keystreams agree between backends, including a 128-bit counter wrap', () => {
    const counters = ['00000000000000000000000000000000', 'fffffffffffffffffffffffffffffffe', '0000000000000000ffffffffffffffff',
      '000000000000000000000000fffffffd'];
    let compared = 0;
    for (const keyLen of [16, 24, 32]) {
      const key = randomBytes(keyLen);
      for (const ctr of counters) {
        for (const len of [1, 15, 16, 17, 64, 100]) {
          const a = new Uint8Array(len);
          const b = new Uint8Array(len);
          nodeBackend.aes(key).ctrKeystream(fromHex(ctr), a);
          forgeBackend.aes(key).ctrKeystream(fromHex(ctr), b);
          expect(toHex(b), `${keyLen} ${ctr} ${len}`).to.equal(toHex(a));
          compared += len;
        }
      }
    }
    expect(compared).to.equal(3 * 4 * (1 + 15 + 16 + 17 + 64 + 100));
  });

  it('table AES equals OpenSSL AES-ECB for 600 random keys of each size, re-keyed in place', () => {
    let compared = 0;
    const schedule = new AesKeySchedule();
    for (const keyLen of [16, 24, 32]) {
      for (let i = 0; i < 200; i++) {
        const key = randomBytes(keyLen);
        const data = randomBytes(64);
        const out = new Uint8Array(64);
        schedule.setKey(key);
        schedule.encryptBlocks(data, out);
        const ecb = createCipheriv(`aes-${keyLen * 8}-ecb`, key, null);
        ecb.setAutoPadding(false);
        expect(toHex(out), `${keyLen} ${toHex(key)}`).to.equal(ecb.update(data).toString('hex'));
        compared++;
      }
    }
    expect(compared).to.equal(600);
  });

  it('pure SHA-2 and its HMAC (precomputed pads) equal OpenSSL for every variant, length and key size', () => {
    const names: Record<Sha2Name, string> = {
      'SHA2-224': 'sha224', 'SHA2-256': 'sha256', 'SHA2-384': 'sha384', 'SHA2-512': 'sha512',
      'SHA2-512/224': 'sha512-224', 'SHA2-512/256': 'sha512-256',
    };
    let compared = 0;
    for (const [id, nodeName] of Object.entries(names) as [Sha2Name, string][]) {
      const h = new Sha2(id);
      const m = new Sha2Hmac(id);
      for (const len of [0, 1, 55, 56, 63, 64, 65, 111, 112, 119, 127, 128, 129, 200, 1000]) {
        const data = randomBytes(len);
        const out = new Uint8Array(h.outputLen);
        h.reset().update(data.subarray(0, len >> 1)).update(data.subarray(len >> 1)).digestInto(out);
        expect(toHex(out), `${id} ${len}`).to.equal(createHash(nodeName).update(data).digest('hex'));
        for (const keyLen of [0, 20, 33, 63, 64, 128, 129]) {
          const key = randomBytes(keyLen);
          const mac = new Uint8Array(m.outputLen);
          m.setKey(key).macInto([data.subarray(0, 3), data.subarray(3)], mac, 0);
          expect(toHex(mac), `HMAC ${id} ${len} key ${keyLen}`).to.equal(createHmac(nodeName, key).update(data).digest('hex'));
          compared++;
        }
        compared++;
      }
    }
    expect(compared).to.equal(6 * 15 * 8);
  });

  it('the hybrid and native node backends agree on short and long CTR keystreams and MACs', () => {
    let compared = 0;
    for (const len of [1, 16, 255, 256, 257, 5000]) {
      const key = randomBytes(32);
      const counter = randomBytes(16);
      const a = new Uint8Array(len);
      const b = new Uint8Array(len);
      nodeBackend.aes(key).ctrKeystream(counter, a);
      nodeNativeBackend.aes(key).ctrKeystream(counter, b);
      expect(toHex(a)).to.equal(toHex(b));
      const info = findDigest('SHA2-512')!;
      const mac1 = nodeBackend.mac(info);
      const mac2 = nodeNativeBackend.mac(info);
      mac1.setKey(key);
      mac2.setKey(key);
      const data = randomBytes(len * 3);
      const o1 = new Uint8Array(64);
      const o2 = new Uint8Array(64);
      mac1.macInto([data], o1, 0);
      mac2.macInto([data], o2, 0);
      expect(toHex(o1)).to.equal(toHex(o2));
      compared += 2;
    }
    expect(compared).to.equal(12);
  });

  it('the node backend\'s AES-CTR keeps no stale keystream: native requests with the blocks after them, then short requests, against OpenSSL\'s AES-CTR', () => {
    // OpenSSL's AES-CTR through node:crypto, with the counter advanced in BigInt here: an
    // oracle that shares nothing with the backend's lookahead, counter addition or table AES.
    const names = { 16: 'aes-128-ctr', 24: 'aes-192-ctr', 32: 'aes-256-ctr' } as const;
    const plus = (counter: Uint8Array, blocks: number): Buffer => {
      const v = (BigInt(`0x${toHex(counter)}`) + BigInt(blocks)) % (1n << 128n);
      return Buffer.from(v.toString(16).padStart(32, '0'), 'hex');
    };
    const expected = (key: Uint8Array, counter: Uint8Array, n: number): string =>
      createCipheriv(names[key.length as 16 | 24 | 32], key, counter).update(Buffer.alloc(n)).toString('hex');
    let compared = 0;
    let bytes = 0;
    const check = (aes: ReturnType<typeof nodeBackend.aes>, key: Uint8Array, counter: Uint8Array, n: number, what: string): void => {
      const out = new Uint8Array(n);
      aes.ctrKeystream(counter, out);
      expect(toHex(out), what).to.equal(expected(key, counter, n));
      compared++;
      bytes += n;
    };
    for (const keyLen of [16, 24, 32] as const) {
      // Counters whose low bytes carry across the request, and one that wraps 2^128.
      for (const start of ['00112233445566778899aabbccddeeff', 'ffffffffffffffffffffffffffffff80', '0000000000000000ffffffffffffffff']) {
        const key = randomBytes(keyLen);
        const key2 = randomBytes(keyLen);
        const c = fromHex(start);
        const aes = nodeBackend.aes(key);
        for (const n of [256, 300, 4096, 65536]) {
          const next = plus(c, Math.ceil(n / 16));
          check(aes, key, c, n, `${keyLen} ${start} native ${n}`);
          check(aes, key, next, 48, `${keyLen} ${start} the 48 bytes after ${n}`);
          check(aes, key, next, 32, `${keyLen} ${start} the same counter again`);
          check(aes, key, c, n, `${keyLen} ${start} native ${n} again`);
          check(aes, key, plus(c, 1), 48, `${keyLen} ${start} another counter`);
          check(aes, key, c, n, `${keyLen} ${start} native ${n} before a re-key`);
          aes.setKey(key2);
          check(aes, key2, next, 48, `${keyLen} ${start} after a re-key`);
          aes.setKey(key);
        }
      }
    }
    expect(compared).to.equal(3 * 3 * 4 * 7);
    expect(bytes).to.equal(3 * 3 * 3 * (256 + 300 + 4096 + 65536) + 3 * 3 * 4 * (48 + 32 + 48 + 48));
  });
});
