/**
 * FIPS DRBG scenarios over TEST-RAND parents for the approved-service rules: every digest for
 * HASH-DRBG and HMAC-DRBG (the matrix is run under both drbg-no-trunc-md settings), the
 * digest-check relaxation, the mandatory derivation function, caller entropy on reseed, and the
 * CAVP CTR vector of the DRBG self-test. Steps that crash the real library are left out (a
 * refused digest is never generated with, a refused use_df=0 is never instantiated).
 */
import type { FipsChain, FipsParams, FipsStep } from './scenario.js';
import type { LineId } from '../../builds/fips-provider/configs.js';

export const MATRIX_DIGESTS = ['SHA1', 'SHA2-224', 'SHA2-256', 'SHA2-384', 'SHA2-512', 'SHA2-512/224', 'SHA2-512/256',
  'SHA3-224', 'SHA3-256', 'SHA3-384', 'SHA3-512', 'SHA256', 'SHA-512'] as const;

const ENTROPY = Array.from({ length: 64 }, (_, i) => ((i * 29 + 7) & 0xff).toString(16).padStart(2, '0')).join('');
const NONCE = '000102030405060708090a0b0c0d0e0f';

const use: FipsStep[] = [
  { op: 'instantiate', target: 'drbg', pers: 'fips matrix', strength: 128 },
  { op: 'generate', target: 'drbg', length: 32, adin: '0badc0de' },
];

function drbgChain(name: string, type: 'CTR-DRBG' | 'HASH-DRBG' | 'HMAC-DRBG', params: FipsParams, steps: FipsStep[]): FipsChain {
  return { name, drbg: { type, params }, crng: false, parent: { strength: 256, entropy: ENTROPY, nonce: NONCE }, steps };
}

/** The digest matrix. `strict`: the configuration refuses truncated digests (refused digests
 * get no further step: the real library would loop on a generate with them). */
export function digestMatrix(line: LineId, strict: boolean): FipsChain[] {
  const out: FipsChain[] = [];
  const approved = new Set(['SHA1', 'SHA2-256', 'SHA2-512', 'SHA3-256', 'SHA3-512', 'SHA256', 'SHA-512']);
  for (const type of ['HASH-DRBG', 'HMAC-DRBG'] as const) {
    // 3.6's FIPS HMAC-DRBG needs "mac" before it instantiates; 3.5 accepts HMAC, 4.0 ignores it
    const mac = type === 'HMAC-DRBG' && line !== '4.0' ? { mac: 'HMAC' } : {};
    for (const digest of MATRIX_DIGESTS) {
      const refused = strict && !approved.has(digest);
      out.push(drbgChain(`${type} ${digest}`, type, { ...mac, digest }, refused ? [] : use));
      for (const check of [0, 1]) {
        if (approved.has(digest) && digest !== 'SHA2-256') continue;
        const refusedHere = strict && check === 1 && !approved.has(digest);
        out.push(drbgChain(`${type} ${digest} digest-check=${check}`, type, { ...mac, 'digest-check': check, digest }, refusedHere ? [] : use));
      }
    }
  }
  return out;
}

/** The CAVP CTR_DRBG vector of the DRBG self-test (AES-128 use df, PR), as an EVP_RAND run. */
export function cavpCtrChain(): FipsChain {
  return {
    name: 'CTR_DRBG.rsp AES-128 df PR COUNT 0', drbg: { type: 'CTR-DRBG', params: { cipher: 'AES-128-CTR' } }, crng: false,
    parent: { strength: 256, entropy: '92898f31fa1cff6d182f260643dff818', nonce: 'c2a4d972c3b9b697' },
    steps: [
      { op: 'instantiate', target: 'drbg', strength: 128, persHex: 'ea65ee60264e7eb60e8268c4373c5c0b' },
      { op: 'set-entropy', entropy: '20728a06f86f8dd441e272b7c42ce810' },
      { op: 'generate', target: 'drbg', length: 64, pr: true, adin: '1a40fae3cc6c7ca0f8daba59236dad1d' },
      { op: 'set-entropy', entropy: '3db0f094f305503317863e2208f7a501' },
      { op: 'generate', target: 'drbg', length: 64, pr: true, adin: '9f72766cc746e5ed2e532012bc59318c' },
    ],
  };
}

/** df mandatory, caller entropy on reseed (additional input only; CTR refuses, then restarts). */
export function ruleChains(line: LineId): FipsChain[] {
  const dfOff: FipsStep[] = line === '4.0' ? use : [];
  return [
    drbgChain('CTR use_derivation_function=0', 'CTR-DRBG', { use_derivation_function: 0, cipher: 'AES-256-CTR' }, dfOff),
    drbgChain('CTR use_derivation_function=1', 'CTR-DRBG', { use_derivation_function: 1, cipher: 'AES-256-CTR' }, use),
    ...(['CTR-DRBG', 'HASH-DRBG', 'HMAC-DRBG'] as const).map((type) => drbgChain(`${type} reseed with caller entropy`, type,
      type === 'CTR-DRBG' ? { cipher: 'AES-256-CTR' } : { ...(type === 'HMAC-DRBG' && line !== '4.0' ? { mac: 'HMAC' } : {}), digest: 'SHA2-256' }, [
        ...use,
        { op: 'reseed', target: 'drbg', entropy: ENTROPY.slice(0, 96), adin: 'a1' },
        { op: 'generate', target: 'drbg', length: 32 },
        { op: 'reseed', target: 'drbg', adin: 'a2' },
        { op: 'generate', target: 'drbg', length: 32, pr: true },
      ])),
  ];
}
