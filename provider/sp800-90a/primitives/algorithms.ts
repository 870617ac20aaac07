/**
 * The one table of algorithm names: every digest, block cipher and MAC OpenSSL 3.0's default
 * provider holds under a name a DRBG can be given (providers/implementations/include/prov/
 * names.h: canonical name first, then OpenSSL's aliases, matched case-insensitively), with what
 * the mechanisms need to know of the ones randshim implements (output size, block size, key
 * length, the name EVP_MD_get0_name / EVP_CIPHER_get0_name report). The others are listed so
 * that a fetch of them succeeds as in OpenSSL and the DRBG then refuses them, rather than the
 * fetch failing: extendable-output digests (SHAKE, KECCAK-KMAC), which OpenSSL's DRBGs refuse
 * too, and algorithms OpenSSL has but randshim does not implement (MD5, SM3, BLAKE2, RIPEMD-160,
 * ARIA, Camellia, SM4, the MACs besides HMAC; KECCAK-n in the lines after 3.0).
 */
export type DigestId =
  | 'SHA1' | 'SHA2-224' | 'SHA2-256' | 'SHA2-384' | 'SHA2-512' | 'SHA2-512/224' | 'SHA2-512/256'
  | 'SHA3-224' | 'SHA3-256' | 'SHA3-384' | 'SHA3-512';

export interface DigestInfo {
  /** OpenSSL's canonical name (what EVP_MD_get0_name returns). */
  readonly id: DigestId;
  /** Output length in bytes (EVP_MD_get_size). */
  readonly size: number;
  /** Input block length in bytes (EVP_MD_get_block_size), used by HMAC. */
  readonly blockSize: number;
  /** The name node:crypto knows it by. */
  readonly nodeName: string;
}

/** How randshim holds a digest name: one it runs, an extendable-output function (found, then
 * refused by the DRBGs), or one OpenSSL has that randshim does not implement. */
export type DigestKind = 'implemented' | 'xof' | 'unimplemented';

export interface DigestEntry {
  /** The name EVP_MD_get0_name reports. */
  readonly name: string;
  /** Every name OpenSSL fetches it by, upper case, the canonical one included. */
  readonly aliases: readonly string[];
  readonly kind: DigestKind;
  /** What the mechanisms need, for the digests randshim implements. */
  readonly info?: DigestInfo;
  /** A name later OpenSSL lines have and 3.0's default provider does not (libcrypto.so.3
   * 3.0.19 fetches none of the KECCAK-n digests): a 3.0 lookup does not find it. */
  readonly notIn30?: true;
}

function implemented(info: DigestInfo, aliases: readonly string[]): DigestEntry {
  return { name: info.id, aliases, kind: 'implemented', info };
}

export const DIGEST_TABLE: readonly DigestEntry[] = [
  implemented({ id: 'SHA1', size: 20, blockSize: 64, nodeName: 'sha1' }, ['SHA1', 'SHA-1', 'SSL3-SHA1']),
  implemented({ id: 'SHA2-224', size: 28, blockSize: 64, nodeName: 'sha224' }, ['SHA2-224', 'SHA-224', 'SHA224']),
  implemented({ id: 'SHA2-256', size: 32, blockSize: 64, nodeName: 'sha256' }, ['SHA2-256', 'SHA-256', 'SHA256']),
  implemented({ id: 'SHA2-384', size: 48, blockSize: 128, nodeName: 'sha384' }, ['SHA2-384', 'SHA-384', 'SHA384']),
  implemented({ id: 'SHA2-512', size: 64, blockSize: 128, nodeName: 'sha512' }, ['SHA2-512', 'SHA-512', 'SHA512']),
  implemented({ id: 'SHA2-512/224', size: 28, blockSize: 128, nodeName: 'sha512-224' },
    ['SHA2-512/224', 'SHA-512/224', 'SHA512-224']),
  implemented({ id: 'SHA2-512/256', size: 32, blockSize: 128, nodeName: 'sha512-256' },
    ['SHA2-512/256', 'SHA-512/256', 'SHA512-256']),
  implemented({ id: 'SHA3-224', size: 28, blockSize: 144, nodeName: 'sha3-224' }, ['SHA3-224']),
  implemented({ id: 'SHA3-256', size: 32, blockSize: 136, nodeName: 'sha3-256' }, ['SHA3-256']),
  implemented({ id: 'SHA3-384', size: 48, blockSize: 104, nodeName: 'sha3-384' }, ['SHA3-384']),
  implemented({ id: 'SHA3-512', size: 64, blockSize: 72, nodeName: 'sha3-512' }, ['SHA3-512']),
  { name: 'SHAKE-128', aliases: ['SHAKE-128', 'SHAKE128'], kind: 'xof' },
  { name: 'SHAKE-256', aliases: ['SHAKE-256', 'SHAKE256'], kind: 'xof' },
  { name: 'KECCAK-KMAC-128', aliases: ['KECCAK-KMAC-128', 'KECCAK-KMAC128'], kind: 'xof' },
  { name: 'KECCAK-KMAC-256', aliases: ['KECCAK-KMAC-256', 'KECCAK-KMAC256'], kind: 'xof' },
  { name: 'MD5', aliases: ['MD5', 'SSL3-MD5'], kind: 'unimplemented' },
  { name: 'MD5-SHA1', aliases: ['MD5-SHA1'], kind: 'unimplemented' },
  { name: 'SM3', aliases: ['SM3'], kind: 'unimplemented' },
  { name: 'BLAKE2S-256', aliases: ['BLAKE2S-256', 'BLAKE2S256'], kind: 'unimplemented' },
  { name: 'BLAKE2B-512', aliases: ['BLAKE2B-512', 'BLAKE2B512'], kind: 'unimplemented' },
  { name: 'RIPEMD-160', aliases: ['RIPEMD-160', 'RIPEMD160', 'RIPEMD', 'RMD160'], kind: 'unimplemented' },
  { name: 'KECCAK-224', aliases: ['KECCAK-224'], kind: 'unimplemented', notIn30: true },
  { name: 'KECCAK-256', aliases: ['KECCAK-256'], kind: 'unimplemented', notIn30: true },
  { name: 'KECCAK-384', aliases: ['KECCAK-384'], kind: 'unimplemented', notIn30: true },
  { name: 'KECCAK-512', aliases: ['KECCAK-512'], kind: 'unimplemented', notIn30: true },
];

/** A digest name as the table holds it. */
export interface DigestLookup {
  /** The name EVP_MD_get0_name reports. */
  readonly name: string;
  readonly kind: DigestKind;
  /** Present when `kind` is 'implemented'. */
  readonly info?: DigestInfo;
}

/** Looks a digest up by any OpenSSL name or alias (case-insensitive); undefined when OpenSSL
 * 3.0's default provider has no digest of that name. */
export function lookupDigest(name: string): DigestLookup | undefined {
  const upper = name.toUpperCase();
  return DIGEST_TABLE.find((d) => d.notIn30 !== true && d.aliases.includes(upper));
}

/** The digest randshim implements under `name` (any OpenSSL name or alias); undefined if none. */
export function findDigest(name: string): DigestInfo | undefined {
  return lookupDigest(name)?.info;
}

/** Every digest randshim supports, by canonical name. */
export const SUPPORTED_DIGESTS: readonly DigestId[] = DIGEST_TABLE.flatMap((d) => (d.info === undefined ? [] : [d.info.id]));

export type AesKeyLength = 16 | 24 | 32;

export interface CtrCipherInfo {
  /** OpenSSL's canonical name, e.g. AES-256-CTR (EVP_CIPHER_get0_name). */
  readonly name: string;
  readonly keyLength: AesKeyLength;
}

/** The block ciphers that have both a CTR and an ECB mode (a CTR-DRBG fetches both); the key
 * length is present for the ones randshim implements. */
export const BLOCK_CIPHER_TABLE: readonly { readonly name: string; readonly keyLength?: AesKeyLength }[] = [
  { name: 'AES-128', keyLength: 16 }, { name: 'AES-192', keyLength: 24 }, { name: 'AES-256', keyLength: 32 },
  { name: 'ARIA-128' }, { name: 'ARIA-192' }, { name: 'ARIA-256' },
  { name: 'CAMELLIA-128' }, { name: 'CAMELLIA-192' }, { name: 'CAMELLIA-256' }, { name: 'SM4' },
];

const CTR_CIPHERS: readonly CtrCipherInfo[] = BLOCK_CIPHER_TABLE.flatMap(({ name, keyLength }) =>
  (keyLength === undefined ? [] : [{ name: `${name}-CTR`, keyLength }]));

/** How randshim holds a "<cipher>-CTR" or "<cipher>-ECB" name: the AES CTR cipher it runs (or
 * true for an AES ECB name), 'unimplemented' for a cipher OpenSSL has that randshim does not
 * implement, undefined when OpenSSL's default provider has no such cipher. */
export function lookupBlockCipher(name: string, mode: 'CTR' | 'ECB'): CtrCipherInfo | true | 'unimplemented' | undefined {
  const upper = name.toUpperCase();
  const entry = BLOCK_CIPHER_TABLE.find((c) => `${c.name}-${mode}` === upper);
  if (entry === undefined) return undefined;
  if (entry.keyLength === undefined) return 'unimplemented';
  return mode === 'ECB' ? true : CTR_CIPHERS.find((c) => c.name === upper);
}

/** Looks an AES-CTR cipher up by name (case-insensitive). */
export function findCtrCipher(name: string): CtrCipherInfo | undefined {
  const upper = name.toUpperCase();
  return CTR_CIPHERS.find((c) => c.name === upper);
}

/** The MACs of OpenSSL 3.0's default provider, by every name; randshim implements HMAC only. */
export const MAC_TABLE: readonly { readonly aliases: readonly string[]; readonly implemented: boolean }[] = [
  { aliases: ['HMAC'], implemented: true },
  { aliases: ['BLAKE2BMAC'], implemented: false },
  { aliases: ['BLAKE2SMAC'], implemented: false },
  { aliases: ['CMAC'], implemented: false },
  { aliases: ['GMAC'], implemented: false },
  { aliases: ['KMAC-128', 'KMAC128'], implemented: false },
  { aliases: ['KMAC-256', 'KMAC256'], implemented: false },
  { aliases: ['POLY1305'], implemented: false },
  { aliases: ['SIPHASH'], implemented: false },
];

/** True for HMAC, 'unimplemented' for another MAC OpenSSL has, undefined for an unknown name. */
export function lookupMac(name: string): true | 'unimplemented' | undefined {
  const upper = name.toUpperCase();
  const entry = MAC_TABLE.find((m) => m.aliases.includes(upper));
  if (entry === undefined) return undefined;
  return entry.implemented ? true : 'unimplemented';
}
