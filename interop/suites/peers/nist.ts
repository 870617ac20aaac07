/**
 * NIST CAVP DRBG vectors (vectors/evprand.json.gz, CAVS 14.3 as OpenSSL's evp_test carries
 * them) run through the peer libraries' own APIs and through randshim's conventions faces:
 * an independent answer for both. A CAVP case instantiates with Entropy, Nonce and the
 * personalization, optionally reseeds, generates twice (with AdditionalInputA, B) and checks
 * the second output; with prediction resistance each generate first reseeds from
 * EntropyPredictionResistanceA, B.
 *
 * Mapping onto Mbed TLS: entropy_len = |Entropy|; CTR_DRBG set_nonce_len(|Nonce|); HMAC_DRBG
 * always takes entropy_len / 2 nonce bytes, so only cases with |Nonce| = |Entropy| / 2 apply
 * (all of CAVS 14.3's). The entropy callback hands out Entropy, Nonce, then the reseed or
 * prediction-resistance entropy, each checked against the length asked for. Onto wolfSSL:
 * wc_RNG_HealthTest_ex takes no personalization and no additional input and only 128-byte
 * outputs: Hash_DRBG SHA-256 cases with neither.
 */
import { bytesEqual, fromHex } from '../../../provider/bytes.js';
import { MbedtlsCtrDrbg } from '../../../provider/conventions/mbedtls-ctr.js';
import { MbedtlsHmacDrbg, type MbedtlsDigest } from '../../../provider/conventions/mbedtls-hmac.js';
import { wolfsslHealthTest } from '../../../provider/conventions/wolfssl-hash.js';
import { loadEvpRand, type EvpRandCase, type EvpRandStanza } from '../../../vectors/evprand.js';
import { MbedtlsCtrOracle } from '../../builds/mbedtls/ctr-oracle.js';
import { MbedtlsHmacOracle } from '../../builds/mbedtls/hmac-oracle.js';
import type { MbedtlsBuild } from '../../builds/mbedtls/library.js';
import type { WolfsslBuild } from '../../builds/wolfssl/library.js';
import type { MbedtlsConfig } from './mbedtls-campaign.js';
import type { MbedtlsFace } from './steps.js';

export interface NistTotals {
  /** Cases run on both sides. */
  readonly cases: number;
  /** Output bytes checked against NIST, per side. */
  readonly bytes: number;
  /** Cases where the library's output differs from NIST's (ids). */
  readonly libraryFailures: readonly string[];
  readonly randshimFailures: readonly string[];
  /** Cases that do not map onto the library's API, and why (counted, never run). */
  readonly notApplicable: number;
}

const MBEDTLS_DIGEST_OF: Record<string, MbedtlsDigest> = {
  'SHA-1': 'SHA1', 'SHA-224': 'SHA224', 'SHA-256': 'SHA256', 'SHA-384': 'SHA384', 'SHA-512': 'SHA512',
};

function stanzasFor(config: MbedtlsConfig): EvpRandStanza[] {
  return loadEvpRand().stanzas.filter((s) => (config === 'CTR'
    ? s.rand === 'CTR-DRBG' && s.cipher === 'AES-256-CTR' && s.derivationFunction
    : s.rand === 'HMAC-DRBG' && s.digest !== undefined && MBEDTLS_DIGEST_OF[s.digest] === config));
}

const hexOrNull = (hex: string | undefined): Uint8Array | null => (hex === undefined || hex === '' ? null : fromHex(hex));

/** A callback that hands out `queue` in order, each only for a request of its own length. */
function queueSource(queue: Uint8Array[]): (length: number) => Uint8Array | null {
  return (length: number) => {
    const next = queue.shift();
    return next !== undefined && next.length === length ? next : null;
  };
}

/** One CAVP case on an Mbed TLS face: the second output, or null if a call failed. */
function runMbedtlsCase(face: MbedtlsFace, config: MbedtlsConfig, stanza: EvpRandStanza, c: EvpRandCase): Uint8Array | null {
  const entropy = fromHex(c.Entropy ?? '');
  const nonce = fromHex(c.Nonce ?? '');
  const queue = [entropy, nonce];
  if (c.ReseedEntropy !== undefined) queue.push(fromHex(c.ReseedEntropy));
  if (stanza.predictionResistance) {
    queue.push(fromHex(c.EntropyPredictionResistanceA ?? ''), fromHex(c.EntropyPredictionResistanceB ?? ''));
  }
  face.setEntropyLen(entropy.length);
  if (config === 'CTR' && (face.setNonceLen as (n: number) => number).call(face, nonce.length) !== 0) return null;
  if (stanza.predictionResistance) face.setPredictionResistance(true);
  if (face.seed(queueSource(queue), hexOrNull(c.PersonalisationString)) !== 0) return null;
  if (c.ReseedEntropy !== undefined && face.reseed(hexOrNull(c.ReseedAdditionalInput)) !== 0) return null;
  const out = new Uint8Array(stanza.generateBits / 8);
  if (face.randomWithAdd(out, hexOrNull(c.AdditionalInputA)) !== 0) return null;
  if (face.randomWithAdd(out, hexOrNull(c.AdditionalInputB)) !== 0) return null;
  return out;
}

export function runNistOnMbedtls(build: MbedtlsBuild, config: MbedtlsConfig, limit = Infinity): NistTotals {
  let cases = 0;
  let bytes = 0;
  let notApplicable = 0;
  const libraryFailures: string[] = [];
  const randshimFailures: string[] = [];
  for (const stanza of stanzasFor(config)) {
    for (const c of stanza.cases) {
      if (cases >= limit) break;
      const entropyLen = (c.Entropy ?? '').length / 2;
      if (config !== 'CTR' && (c.Nonce ?? '').length / 2 !== Math.floor(entropyLen / 2)) {
        notApplicable++;
        continue;
      }
      const id = `${stanza.title} (line ${stanza.line}) #${c.index}`;
      const expected = fromHex(c.Output ?? '');
      const oracle = config === 'CTR' ? new MbedtlsCtrOracle(build) : new MbedtlsHmacOracle(build, config);
      let fromLibrary: Uint8Array | null;
      try {
        fromLibrary = runMbedtlsCase(oracle, config, stanza, c);
      } finally {
        oracle.close();
      }
      const model = config === 'CTR' ? new MbedtlsCtrDrbg(build.line) : new MbedtlsHmacDrbg(build.line, config);
      const fromRandshim = runMbedtlsCase(model, config, stanza, c);
      model.free();
      cases++;
      bytes += expected.length;
      if (fromLibrary === null || !bytesEqual(fromLibrary, expected)) libraryFailures.push(id);
      if (fromRandshim === null || !bytesEqual(fromRandshim, expected)) randshimFailures.push(id);
    }
  }
  return { cases, bytes, libraryFailures, randshimFailures, notApplicable };
}

export function runNistOnWolfssl(build: WolfsslBuild): NistTotals {
  let cases = 0;
  let bytes = 0;
  let notApplicable = 0;
  const libraryFailures: string[] = [];
  const randshimFailures: string[] = [];
  for (const stanza of loadEvpRand().stanzas) {
    if (stanza.rand !== 'HASH-DRBG' || stanza.digest !== 'SHA-256') continue;
    for (const c of stanza.cases) {
      const usesInputs = stanza.predictionResistance || hexOrNull(c.PersonalisationString) !== null
        || hexOrNull(c.AdditionalInputA) !== null || hexOrNull(c.AdditionalInputB) !== null
        || hexOrNull(c.ReseedAdditionalInput) !== null || stanza.generateBits !== 1024;
      if (usesInputs) {
        notApplicable++;
        continue;
      }
      const input = {
        reseed: c.ReseedEntropy !== undefined, nonce: hexOrNull(c.Nonce), seedA: fromHex(c.Entropy ?? ''),
        seedB: hexOrNull(c.ReseedEntropy), outputSize: 128,
      };
      const expected = fromHex(c.Output ?? '');
      const id = `${stanza.title} (line ${stanza.line}) #${c.index}`;
      const lib = build.healthTest(input);
      const ours = wolfsslHealthTest(input);
      cases++;
      bytes += expected.length;
      if (lib.ret !== 0 || !bytesEqual(lib.output, expected)) libraryFailures.push(id);
      if (ours.ret !== 0 || !bytesEqual(ours.output, expected)) randshimFailures.push(id);
    }
  }
  return { cases, bytes, libraryFailures, randshimFailures, notApplicable };
}
