/**
 * The steps of a peers campaign: the Mbed TLS calls (CTR_DRBG and HMAC_DRBG) as data, one
 * executor that applies them to any face with Mbed TLS's method names (the real library
 * through interop/builds/mbedtls, or randshim's provider/conventions), and the entropy stream
 * both sides pull from: the same seed gives both the same bytes, and every request (its
 * length) is recorded so the entropy traces are compared too.
 */
import { toHex } from '../../../provider/bytes.js';
import type { EntropySource } from '../../../provider/conventions/entropy-source.js';
import { SeededRandom } from '../differential/generator.js';

export type PeerStep =
  | { readonly op: 'set-entropy-len'; readonly length: number }
  | { readonly op: 'set-nonce-len'; readonly length: number }
  | { readonly op: 'set-pr'; readonly on: boolean }
  | { readonly op: 'set-reseed-interval'; readonly interval: number }
  | { readonly op: 'seed'; readonly custom: Uint8Array | null }
  | { readonly op: 'seed-buf'; readonly data: Uint8Array | null }
  | { readonly op: 'reseed'; readonly additional: Uint8Array | null }
  | { readonly op: 'update'; readonly additional: Uint8Array | null }
  | { readonly op: 'update-void'; readonly additional: Uint8Array | null }
  | { readonly op: 'random'; readonly length: number; readonly additional: Uint8Array | null }
  /** The entropy source fails its next request (the callback returns non-zero). */
  | { readonly op: 'fail-next-entropy' };

export interface PeerCase {
  readonly id: string;
  /** Seed of the case's entropy stream. */
  readonly entropySeed: number;
  readonly steps: readonly PeerStep[];
}

/** What one step did: the return code (null for void calls), the output, and the lengths the
 * DRBG asked its entropy source for during the call. */
export interface StepOutcome {
  readonly ret: number | null;
  readonly output: string | null;
  readonly entropyRequests: readonly number[];
}

/** The calls both faces offer (HMAC faces lack setNonceLen/updateTruncating, CTR seedBuf). */
export interface MbedtlsFace {
  setEntropyLen(length: number): void;
  setNonceLen?(length: number): number;
  setPredictionResistance(on: boolean): void;
  setReseedInterval(interval: number): void;
  seed(source: EntropySource, custom: Uint8Array | null): number;
  seedBuf?(data: Uint8Array | null): number;
  reseed(additional: Uint8Array | null): number;
  update(additional: Uint8Array | null): number;
  updateTruncating?(additional: Uint8Array | null): void;
  randomWithAdd(out: Uint8Array, additional: Uint8Array | null): number;
}

/** A reproducible entropy stream with a request log and one-shot failure injection. */
export class EntropyStream {
  private readonly random: SeededRandom;
  private failNext = false;
  private log: number[] = [];
  readonly source: EntropySource;

  constructor(seed: number) {
    this.random = new SeededRandom(seed);
    this.source = (length: number): Uint8Array | null => {
      this.log.push(length);
      if (this.failNext) {
        this.failNext = false;
        return null;
      }
      return this.random.bytes(length);
    };
  }

  failNextRequest(): void {
    this.failNext = true;
  }

  /** The requests since the last call, and a fresh log. */
  takeRequests(): number[] {
    const taken = this.log;
    this.log = [];
    return taken;
  }
}

function lenOf(bytes: Uint8Array | null): string {
  return bytes === null ? 'NULL' : String(bytes.length);
}

/** A one-line description of a step, for mismatch reports. */
export function describeStep(step: PeerStep): string {
  switch (step.op) {
    case 'set-entropy-len': return `set_entropy_len(${step.length})`;
    case 'set-nonce-len': return `set_nonce_len(${step.length})`;
    case 'set-pr': return `set_prediction_resistance(${step.on ? 'ON' : 'OFF'})`;
    case 'set-reseed-interval': return `set_reseed_interval(${step.interval})`;
    case 'seed': return `seed(custom ${lenOf(step.custom)})`;
    case 'seed-buf': return `seed_buf(data ${lenOf(step.data)})`;
    case 'reseed': return `reseed(additional ${lenOf(step.additional)})`;
    case 'update': return `update(additional ${lenOf(step.additional)})`;
    case 'update-void': return `void update(additional ${lenOf(step.additional)})`;
    case 'random': return `random_with_add(${step.length}, additional ${lenOf(step.additional)})`;
    case 'fail-next-entropy': return 'entropy source fails next';
  }
}

/** Applies one step to `face`, pulling entropy from `stream`. */
export function runStep(face: MbedtlsFace, stream: EntropyStream, step: PeerStep): StepOutcome {
  let ret: number | null = null;
  let output: string | null = null;
  switch (step.op) {
    case 'set-entropy-len': face.setEntropyLen(step.length); break;
    case 'set-nonce-len': ret = (face.setNonceLen as (n: number) => number).call(face, step.length); break;
    case 'set-pr': face.setPredictionResistance(step.on); break;
    case 'set-reseed-interval': face.setReseedInterval(step.interval); break;
    case 'seed': ret = face.seed(stream.source, step.custom); break;
    case 'seed-buf': ret = (face.seedBuf as (d: Uint8Array | null) => number).call(face, step.data); break;
    case 'reseed': ret = face.reseed(step.additional); break;
    case 'update': ret = face.update(step.additional); break;
    case 'update-void': (face.updateTruncating as (d: Uint8Array | null) => void).call(face, step.additional); break;
    case 'random': {
      const out = new Uint8Array(step.length);
      ret = face.randomWithAdd(out, step.additional);
      output = toHex(out);
      break;
    }
    case 'fail-next-entropy': stream.failNextRequest(); break;
  }
  return { ret, output, entropyRequests: stream.takeRequests() };
}
