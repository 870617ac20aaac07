/**
 * The WebAssembly AES of provider/sp800-90a/primitives/pure/aes.wat: the committed bytes
 * (pure/aes-wasm.ts) are the assembly of the committed source, and what only this layer does
 * (requests longer than the 64 KiB block area, several key schedules sharing one instance,
 * re-keying, clearing) gives OpenSSL's AES (node:crypto) byte for byte.
 */
import { expect } from 'chai';
import { createCipheriv, randomBytes } from 'node:crypto';
import { toHex } from '../../provider/bytes.js';
import { WASM_HEX } from '../../provider/sp800-90a/primitives/pure/aes-wasm.js';
import { AesKeySchedule } from '../../provider/sp800-90a/primitives/pure/aes.js';
import { WAT_MODULES, assembleWat, generatedPath, renderModule } from '../../scripts/build/wat-modules.js';

const ctrWant = (key: Uint8Array, iv: Uint8Array, n: number): Buffer =>
  createCipheriv(`aes-${key.length * 8}-ctr`, key, iv).update(Buffer.alloc(n));

function ecbWant(key: Uint8Array, data: Uint8Array): Buffer {
  const ecb = createCipheriv(`aes-${key.length * 8}-ecb`, key, null);
  ecb.setAutoPadding(false);
  return ecb.update(data);
}

describe('pure AES in WebAssembly (pure/aes.wat)', () => {
  it('the committed aes-wasm.ts is the assembly of aes.wat (wabt)', async () => {
    expect(WAT_MODULES).to.deep.equal(['provider/sp800-90a/primitives/pure/aes.wat']);
    const bytes = await assembleWat(WAT_MODULES[0]);
    expect(toHex(bytes)).to.equal(WASM_HEX);
    expect(generatedPath(WAT_MODULES[0])).to.equal('provider/sp800-90a/primitives/pure/aes-wasm.ts');
    expect(renderModule(WAT_MODULES[0], bytes)).to.contain(`(${bytes.length} bytes)`);
  });

  it('CTR keystreams longer than the block area equal OpenSSL, counter carries across chunks', () => {
    // 64 KiB + 17 and 2.5 chunks; counters whose low 32 bits and all 128 bits wrap inside them.
    let bytes = 0;
    const counters = ['00000000000000000000000000000000', '0102030405060708090a0b0cffffeffe',
      'ffffffffffffffffffffffffffffefff', 'fffffffffffffffffffffffffffff000'];
    for (const keyLen of [16, 24, 32]) {
      for (const ctr of counters) {
        for (const [n, offset] of [[65553, 0], [163840 + 5, 1], [65536, 0]] as const) {
          const key = randomBytes(keyLen);
          const iv = Buffer.from(ctr, 'hex');
          const backing = new Uint8Array(n + 2);
          const out = backing.subarray(offset, offset + n);
          new AesKeySchedule(key).ctrKeystream(iv, out);
          expect(Buffer.from(out).equals(ctrWant(key, iv, n)), `AES-${keyLen * 8} ${ctr} n ${n}`).to.equal(true);
          expect(iv.toString('hex'), 'counter not modified').to.equal(ctr);
          bytes += n;
        }
      }
    }
    expect(bytes).to.equal(3 * 4 * (65553 + 163845 + 65536));
  });

  it('ECB longer than the block area, in place, equals OpenSSL', () => {
    let blocks = 0;
    for (const keyLen of [16, 24, 32]) {
      const key = randomBytes(keyLen);
      const data = new Uint8Array(randomBytes(65536 + 48));
      const want = ecbWant(key, data);
      new AesKeySchedule(key).encryptBlocks(data, data);
      expect(Buffer.from(data).equals(want), `AES-${keyLen * 8}`).to.equal(true);
      blocks += data.length / 16;
    }
    expect(blocks).to.equal(3 * 4099);
  });

  it('interleaved key schedules, re-keyed in place, each give their own key\'s output', () => {
    // One WebAssembly instance serves every schedule: the round keys in its memory must follow
    // whichever schedule runs, and a re-key must replace them.
    const a = new AesKeySchedule(randomBytes(32));
    const b = new AesKeySchedule(randomBytes(16));
    let compared = 0;
    for (let i = 0; i < 60; i++) {
      const keyA = randomBytes([16, 24, 32][i % 3]);
      const keyB = randomBytes([32, 16, 24][i % 3]);
      if (i % 2 === 0) a.setKey(keyA);
      b.setKey(keyB);
      const iv = randomBytes(16);
      const n = [32, 48, 100, 4096][i % 4];
      const outB = new Uint8Array(n);
      b.ctrKeystream(iv, outB);
      expect(Buffer.from(outB).equals(ctrWant(keyB, iv, n)), `b step ${i}`).to.equal(true);
      if (i % 2 === 0) {
        const outA = new Uint8Array(n);
        a.ctrKeystream(iv, outA);
        expect(Buffer.from(outA).equals(ctrWant(keyA, iv, n)), `a step ${i}`).to.equal(true);
        const block = new Uint8Array(randomBytes(16));
        const wantBlock = ecbWant(keyA, block);
        a.encryptBlocks(block, block);
        expect(Buffer.from(block).equals(wantBlock), `a ecb step ${i}`).to.equal(true);
        compared += 2;
      }
      compared++;
    }
    expect(compared).to.equal(60 + 30 * 2);
  });

  it('a cleared schedule refuses to encrypt (no output from zeroed round keys) until re-keyed', () => {
    const key = randomBytes(32);
    const s = new AesKeySchedule(key);
    const out = new Uint8Array(32);
    s.ctrKeystream(new Uint8Array(16), out);
    s.clear();
    expect(() => s.ctrKeystream(new Uint8Array(16), new Uint8Array(32))).to.throw(RangeError, 'without a key');
    expect(() => s.encryptBlocks(new Uint8Array(16), new Uint8Array(16))).to.throw(RangeError, 'without a key');
    s.setKey(key);
    const again = new Uint8Array(32);
    s.ctrKeystream(new Uint8Array(16), again);
    expect(toHex(again)).to.equal(toHex(out));
    expect(Buffer.from(again).equals(ctrWant(key, new Uint8Array(16), 32))).to.equal(true);
  });
});
