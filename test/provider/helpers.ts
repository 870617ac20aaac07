/** Shared fixtures for provider specs. */
import { DrbgCtx, type DrbgCtxOptions } from '../../provider/openssl3/rands/drbg.js';
import { TestRand } from '../../provider/openssl3/rands/test-rand.js';
import { captureErrors, type RaisedError } from '../../provider/err/queue.js';
import type { MechanismConfig } from '../../provider/sp800-90a/index.js';

/** One configuration of every mechanism and key size / digest size class. */
export const CONFIGS: readonly MechanismConfig[] = [
  { type: 'CTR-DRBG', cipher: 'AES-128-CTR', useDf: true },
  { type: 'CTR-DRBG', cipher: 'AES-192-CTR', useDf: true },
  { type: 'CTR-DRBG', cipher: 'AES-256-CTR', useDf: true },
  { type: 'CTR-DRBG', cipher: 'AES-128-CTR', useDf: false },
  { type: 'CTR-DRBG', cipher: 'AES-192-CTR', useDf: false },
  { type: 'CTR-DRBG', cipher: 'AES-256-CTR', useDf: false },
  { type: 'HASH-DRBG', digest: 'SHA1' },
  { type: 'HASH-DRBG', digest: 'SHA2-256' },
  { type: 'HASH-DRBG', digest: 'SHA2-512' },
  { type: 'HASH-DRBG', digest: 'SHA3-384' },
  { type: 'HMAC-DRBG', digest: 'SHA2-224' },
  { type: 'HMAC-DRBG', digest: 'SHA2-512/256' },
  { type: 'HMAC-DRBG', digest: 'SHA3-512' },
];

export function describeConfig(c: MechanismConfig): string {
  return c.type === 'CTR-DRBG' ? `CTR ${c.cipher}${c.useDf === false ? ' no-df' : ''}` : `${c.type} ${c.digest}`;
}

export const pattern = (len: number, start = 0): Uint8Array => Uint8Array.from({ length: len }, (_, i) => (start + i) & 0xff);

/** A DRBG under a TEST-RAND parent holding `entropy` and `nonce`. */
export function underTestRand(
  mechanism: MechanismConfig, entropyLen: number, nonceLen: number, extra: Partial<DrbgCtxOptions> = {},
): { ctx: DrbgCtx; parent: TestRand } {
  const parent = TestRand.create(256, pattern(entropyLen), pattern(nonceLen, 0x80));
  parent.instantiate(0);
  const ctx = DrbgCtx.create({ mechanism, parent, ...extra });
  if (ctx === null) throw new Error('create failed');
  return { ctx, parent };
}

/** Runs an OpenSSL-semantics call and returns its result with the reasons it raised. */
export function call<T>(op: () => T): { result: T; reasons: string[]; raised: RaisedError[] } {
  const { result, raised } = captureErrors(op);
  return { result, raised, reasons: raised.map((e) => e.reason) };
}
