/**
 * FIPS DRBG life-cycle scenarios over TEST-RAND parents (no CRNG-TEST between them): the states
 * EVP_RAND_get_state reports, the errors and refusals of providers/implementations/rands/drbg.c
 * (ossl_prov_drbg_instantiate / _generate / _reseed / _uninstantiate) and the fips-indicator
 * after each step, for the three FIPS DRBGs. The point is not the output (both providers run
 * the same SP 800-90A mechanisms) but what the FIPS build refuses and how it recovers: too
 * little entropy, requests above the DRBG's strength, use before instantiation and after
 * uninstantiation, algorithms the FIPS provider does not have, parents weaker than the DRBG.
 */
import type { LineId } from '../../builds/fips-provider/configs.js';
import type { FipsChain, FipsParams, FipsStep } from './scenario.js';

const ENTROPY = Array.from({ length: 96 }, (_, i) => ((i * 53 + 1) & 0xff).toString(16).padStart(2, '0')).join('');
const NONCE = '2021222324252627';

type DrbgType = 'CTR-DRBG' | 'HASH-DRBG' | 'HMAC-DRBG';

/** The configuration each mechanism is tried with (3.5/3.6 FIPS HMAC-DRBG needs "mac"). */
function configOf(type: DrbgType, line: LineId): FipsParams {
  if (type === 'CTR-DRBG') return { cipher: 'AES-256-CTR' };
  if (type === 'HASH-DRBG') return { digest: 'SHA2-512' };
  return line === '4.0' ? { digest: 'SHA2-256' } : { mac: 'HMAC', digest: 'SHA2-256' };
}

type Parent = FipsChain['parent'];

function chain(name: string, type: DrbgType, params: FipsParams, steps: FipsStep[],
  parent: Parent = { strength: 256, entropy: ENTROPY, nonce: NONCE }): FipsChain {
  return { name, drbg: { type, params }, crng: false, parent, steps };
}

const instantiate: FipsStep = { op: 'instantiate', target: 'drbg', pers: 'life cycle', strength: 256 };
const generate = (length = 32, extra: Partial<{ pr: boolean; adin: string }> = {}): FipsStep => ({ op: 'generate', target: 'drbg', length, ...extra });

/** The scenarios for one line, every mechanism. */
export function drbgCases(line: LineId): FipsChain[] {
  const out: FipsChain[] = [];
  for (const type of ['CTR-DRBG', 'HASH-DRBG', 'HMAC-DRBG'] as const) {
    const params = configOf(type, line);
    out.push(
      chain(`${type} generate before instantiate`, type, params, [generate(), instantiate, generate()]),
      chain(`${type} instantiate above its strength`, type, params, [
        { op: 'instantiate', target: 'drbg', strength: 512 }, instantiate, generate()]),
      chain(`${type} generate with and without prediction resistance`, type, params, [instantiate,
        { op: 'generate', target: 'drbg', length: 16, pr: false }, generate(16, { pr: true, adin: '01' })]),
      chain(`${type} uninstantiate, generate, instantiate again`, type, params, [instantiate, generate(),
        { op: 'uninstantiate', target: 'drbg' }, generate(), instantiate, generate(48)]),
      chain(`${type} reseed and prediction resistance`, type, params, [instantiate,
        { op: 'reseed', target: 'drbg', pr: true, adin: 'aa55' }, generate(64, { pr: true }),
        { op: 'reseed', target: 'drbg' }, generate(1000, { adin: 'ff'.repeat(40) })]),
      chain(`${type} entropy runs out`, type, params, [instantiate, generate(),
        { op: 'set-entropy', entropy: ENTROPY.slice(0, 16) }, generate(32, { pr: true }), generate(),
        { op: 'set-entropy', entropy: ENTROPY }, generate(32, { pr: true }), generate()]),
      chain(`${type} over a weaker parent`, type, params, [instantiate, generate()],
        { strength: 112, entropy: ENTROPY, nonce: NONCE }),
      chain(`${type} no entropy at all`, type, params, [instantiate, generate()],
        { strength: 256, entropy: '' }),
    );
  }
  out.push(
    chain('CTR-DRBG AES-128-CTR strength 128', 'CTR-DRBG', { cipher: 'AES-128-CTR' }, [
      { op: 'instantiate', target: 'drbg', strength: 192 }, { op: 'instantiate', target: 'drbg', strength: 128 }, generate()]),
    chain('CTR-DRBG AES-192-CTR', 'CTR-DRBG', { cipher: 'AES-192-CTR' }, [instantiate, generate()]),
    chain('CTR-DRBG AES-128-ECB refused', 'CTR-DRBG', { cipher: 'AES-128-ECB' }, []),
    chain('CTR-DRBG no cipher', 'CTR-DRBG', {}, [instantiate]),
    // digests the FIPS provider lacks (EVP_MD_fetch fails) and XOFs (unapproved; no size);
    // SHA2-256/192 joined fips_digests in 3.6 and randshim has no implementation of it
    ...['MD5', 'SM3', 'BLAKE2S-256', 'RIPEMD-160', 'SHAKE-128', 'KECCAK-256', 'MD5-SHA1', ...(line === '3.5' ? ['SHA2-256/192'] : [])]
      .map((digest) => chain(`HASH-DRBG ${digest} refused`, 'HASH-DRBG', { digest }, [])),
    ...['MD5', 'SHAKE-256'].map((digest) => chain(`HMAC-DRBG ${digest} refused`, 'HMAC-DRBG',
      { ...(line === '4.0' ? {} : { mac: 'HMAC' }), digest }, [])),
    chain('HASH-DRBG no digest', 'HASH-DRBG', {}, [instantiate]),
    chain('HASH-DRBG digest changed after instantiate', 'HASH-DRBG', { digest: 'SHA1' }, [instantiate, generate(),
      { op: 'set', target: 'drbg', params: { digest: 'SHA2-256' } }, generate()]),
  );
  return out;
}
