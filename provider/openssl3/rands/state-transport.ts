/**
 * A DRBG's state as bytes, to move it to another thread or process (postMessage, a
 * SharedArrayBuffer, a file). Moving a state is copying it: the sender may go on using it, or
 * the bytes may be restored twice. So a restored DRBG is depleted by default: it reseeds from
 * its own source before its first output, and fails (no output) when it cannot.
 *
 * Layout: "RSDS" | u8 format version (1) | u32 LE header length | header (UTF-8 JSON: the
 * mechanism configuration and the counters, nothing secret) | the working state (CTR: Key || V;
 * Hash: V || C; HMAC: K || V). Whoever holds the bytes holds the DRBG's secrets: wipe them
 * (`bytes.fill(0)`) once restored.
 */
import { utf8 } from '../../bytes.js';
import { RandshimError } from '../../exceptions.js';
import type { MechanismConfig } from '../../sp800-90a/index.js';
import { RandState } from './rand-impl.js';

const MAGIC = Uint8Array.from([0x52, 0x53, 0x44, 0x53]);
const FORMAT_VERSION = 1;

/** What the header carries: enough to rebuild the DRBG around the working state. */
export interface DrbgStateHeader {
  readonly mechanism: MechanismConfig;
  readonly state: RandState;
  readonly generateCounter: number;
  readonly reseedInterval: number;
  readonly reseedTime: number;
  readonly reseedTimeInterval: number;
  readonly reseedCounter: number;
}

/** Why a state cannot be moved: not randshim's format, another version, damaged, not READY,
 * or a working state that does not fit its mechanism. */
export type DrbgStateReason =
  | 'NOT_A_DRBG_STATE' | 'UNSUPPORTED_FORMAT' | 'TRUNCATED' | 'DAMAGED_HEADER' | 'UNKNOWN_MECHANISM'
  | 'BAD_COUNTER' | 'NOT_INSTANTIATED' | 'WORKING_STATE_MISMATCH';

/** A state that cannot be exported or restored. */
export class DrbgStateError extends RandshimError {
  declare readonly reason: DrbgStateReason;

  constructor(reason: DrbgStateReason, message: string) {
    super(reason, message);
  }
}

export function encodeDrbgState(header: DrbgStateHeader, working: Uint8Array): Uint8Array {
  const head = utf8(JSON.stringify(header));
  const out = new Uint8Array(MAGIC.length + 1 + 4 + head.length + working.length);
  out.set(MAGIC, 0);
  out[4] = FORMAT_VERSION;
  new DataView(out.buffer).setUint32(5, head.length, true);
  out.set(head, 9);
  out.set(working, 9 + head.length);
  return out;
}

export function decodeDrbgState(bytes: Uint8Array): { header: DrbgStateHeader; working: Uint8Array } {
  if (!(bytes instanceof Uint8Array) || bytes.length < 9 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new DrbgStateError('NOT_A_DRBG_STATE', 'not a randshim DRBG state (no "RSDS" header)');
  }
  if (bytes[4] !== FORMAT_VERSION) throw new DrbgStateError('UNSUPPORTED_FORMAT', `DRBG state format ${bytes[4]} is not supported (expected ${FORMAT_VERSION})`);
  const headLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(5, true);
  if (9 + headLength > bytes.length) throw new DrbgStateError('TRUNCATED', 'DRBG state is truncated');
  let header: DrbgStateHeader;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(9, 9 + headLength))) as DrbgStateHeader;
  } catch {
    throw new DrbgStateError('DAMAGED_HEADER', 'DRBG state header is damaged');
  }
  checkHeader(header);
  return { header, working: bytes.subarray(9 + headLength) };
}

function checkHeader(h: DrbgStateHeader): void {
  const m = h?.mechanism as { type?: unknown } | undefined;
  if (m === undefined || !['CTR-DRBG', 'HASH-DRBG', 'HMAC-DRBG'].includes(m.type as string)) {
    throw new DrbgStateError('UNKNOWN_MECHANISM', 'DRBG state names no known mechanism');
  }
  for (const k of ['generateCounter', 'reseedInterval', 'reseedCounter'] as const) {
    if (!Number.isInteger(h[k]) || h[k] < 0 || h[k] > 0xffffffff) throw new DrbgStateError('BAD_COUNTER', `DRBG state has a bad ${k}`);
  }
  for (const k of ['reseedTime', 'reseedTimeInterval'] as const) {
    if (!Number.isSafeInteger(h[k])) throw new DrbgStateError('BAD_COUNTER', `DRBG state has a bad ${k}`);
  }
  if (h.state !== RandState.READY) throw new DrbgStateError('NOT_INSTANTIATED', 'only an instantiated (READY) DRBG state can be restored');
}
