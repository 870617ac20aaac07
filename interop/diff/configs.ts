/** The mechanism configurations the differential campaigns cover. */
import type { DrbgConfig } from '../driver.js';

const AES = ['AES-128-CTR', 'AES-192-CTR', 'AES-256-CTR'] as const;
export const DIGESTS = [
  'SHA1', 'SHA2-224', 'SHA2-256', 'SHA2-384', 'SHA2-512', 'SHA2-512/224', 'SHA2-512/256',
  'SHA3-224', 'SHA3-256', 'SHA3-384', 'SHA3-512',
] as const;

export const CTR_CONFIGS: readonly DrbgConfig[] = AES.flatMap((cipher) => [
  { mechanism: 'CTR-DRBG' as const, cipher, useDf: true },
  { mechanism: 'CTR-DRBG' as const, cipher, useDf: false },
]);

export const ALL_CONFIGS: readonly DrbgConfig[] = [
  ...CTR_CONFIGS,
  ...DIGESTS.map((digest) => ({ mechanism: 'HASH-DRBG' as const, digest })),
  ...DIGESTS.map((digest) => ({ mechanism: 'HMAC-DRBG' as const, digest })),
];

export function configLabel(c: DrbgConfig): string {
  if (c.mechanism === 'CTR-DRBG') return `CTR ${c.cipher}${c.useDf === false ? ' no-df' : ' df'}`;
  return `${c.mechanism === 'HASH-DRBG' ? 'HASH' : 'HMAC'} ${c.digest}`;
}
