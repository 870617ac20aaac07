/**
 * RAND_DRBG_bytes' 24-byte additional data {pid, 4 zero bytes, thread id, timer}, proven against
 * real OpenSSL 1.1.1: C's pid and pthread_self() are reported by the oracle and its timer value
 * is found inside the time-stamp-counter bracket of the call (interop/suites/rand-drbg/additional-
 * data.ts). Then randshim's RAND_DRBG_bytes, through the compat API with its environment pinned
 * to those values, must give C's bytes, including a two-chunk request (65536 + 16 bytes) that C
 * serves with the same additional data on both chunks.
 */
import { expect } from 'chai';
import {
  RAND_DRBG_bytes, RAND_DRBG_free, RAND_DRBG_instantiate, RAND_DRBG_new, RAND_DRBG_set_callbacks, RANDSHIM_111_reset,
} from '../../compat/openssl111/index.js';
import type { Oracle111 } from '../../interop/builds/openssl111/oracle.js';
import { discoverBuilds, type Discovery } from '../../interop/builds/registry.js';
import { ADDITIONAL_DATA_CALLS, proveAdditionalData } from '../../interop/suites/rand-drbg/additional-data.js';
import { fromHex, toHex } from '../../provider/bytes.js';

function available(d: Discovery<'rand-drbg-111'>): Oracle111 {
  if (!d.available) expect.fail(`${d.name} unavailable: ${d.reason}`);
  return d.handle;
}

/** randshim's compat RAND_DRBG_bytes with the environment pinned. */
function compatBytes(pid: number, threadId: number, timer: bigint, outlen: number): string {
  RANDSHIM_111_reset({ forkId: () => pid, threadId: () => threadId, timerBits: () => timer });
  try {
    const source = ADDITIONAL_DATA_CALLS[0];
    if (source.fn !== 'source' || source.entropy === undefined) throw new Error('unexpected first call');
    const entropy = fromHex(source.entropy);
    const drbg = RAND_DRBG_new(904, 1, null);
    if (drbg === null) throw new Error('RAND_DRBG_new failed');
    expect(RAND_DRBG_set_callbacks(drbg, (_d, pout) => {
      pout.value = Uint8Array.from(entropy);
      return entropy.length;
    }, null, null, null)).to.equal(1);
    expect(RAND_DRBG_instantiate(drbg, new Uint8Array(0), 0)).to.equal(1);
    const out = new Uint8Array(outlen);
    expect(RAND_DRBG_bytes(drbg, out, outlen)).to.equal(1);
    RAND_DRBG_free(drbg);
    return toHex(out);
  } finally {
    RANDSHIM_111_reset();
  }
}

describe('RAND_DRBG_bytes additional data against real OpenSSL 1.1.1', function () {
  const oracles: Oracle111[] = [];

  before(async function () {
    oracles.push(...(await discoverBuilds('rand-drbg-111')).map(available));
  });

  after(async function () {
    for (const o of oracles) await o.close();
  });

  it('{pid, zero padding, pthread_self(), low 32 bits of the TSC}: found in C, reproduced by randshim, same on every chunk', async function () {
    for (const o of oracles) {
      const proof = await proveAdditionalData(o);
      console.log(`      ${proof.oracle}: ${proof.detail}`);
      expect(proof.timer, proof.detail).to.be.a('bigint');
      expect(proof.timerWidth, 'get_timer_bits keeps only the low 32 bits (uint32_t OPENSSL_rdtsc)').to.equal('low32');
      expect(proof.chunksReproduced, proof.detail).to.equal(true);
      expect(proof.reproduced.map((r) => r.output.length / 2)).to.deep.equal([16, 65536 + 16]);
      // the same through the compat API a porter calls
      for (const r of proof.reproduced) {
        expect(compatBytes(proof.pid, proof.threadId, r.timer, r.output.length / 2)).to.equal(r.output);
      }
    }
  });
});
