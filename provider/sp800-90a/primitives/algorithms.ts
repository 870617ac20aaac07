/**
 * The digests and block ciphers the DRBG mechanisms accept, under the names OpenSSL 3 fetches
 * them by (case-insensitive, with OpenSSL's aliases), and what the mechanisms need to know of
 * each: output size, block size, and the name EVP_MD_get0_name / EVP_CIPHER_get0_name report.
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

const DIGESTS: readonly (DigestInfo & { aliases: readonly string[] })[] = [
  { id: 'SHA1', size: 20, blockSize: 64, nodeName: 'sha1', aliases: ['SHA1', 'SHA-1', 'SSL3-SHA1'] },
  { id: 'SHA2-224', size: 28, blockSize: 64, nodeName: 'sha224', aliases: ['SHA2-224', 'SHA-224', 'SHA224'] },
  { id: 'SHA2-256', size: 32, blockSize: 64, nodeName: 'sha256', aliases: ['SHA2-256', 'SHA-256', 'SHA256'] },
  { id: 'SHA2-384', size: 48, blockSize: 128, nodeName: 'sha384', aliases: ['SHA2-384', 'SHA-384', 'SHA384'] },
  { id: 'SHA2-512', size: 64, blockSize: 128, nodeName: 'sha512', aliases: ['SHA2-512', 'SHA-512', 'SHA512'] },
  {
    id: 'SHA2-512/224', size: 28, blockSize: 128, nodeName: 'sha512-224',
    aliases: ['SHA2-512/224', 'SHA-512/224', 'SHA512-224'],
  },
  {
    id: 'SHA2-512/256', size: 32, blockSize: 128, nodeName: 'sha512-256',
    aliases: ['SHA2-512/256', 'SHA-512/256', 'SHA512-256'],
  },
  { id: 'SHA3-224', size: 28, blockSize: 144, nodeName: 'sha3-224', aliases: ['SHA3-224'] },
  { id: 'SHA3-256', size: 32, blockSize: 136, nodeName: 'sha3-256', aliases: ['SHA3-256'] },
  { id: 'SHA3-384', size: 48, blockSize: 104, nodeName: 'sha3-384', aliases: ['SHA3-384'] },
  { id: 'SHA3-512', size: 64, blockSize: 72, nodeName: 'sha3-512', aliases: ['SHA3-512'] },
];

/** Extendable-output functions OpenSSL 3 knows; the Hash and HMAC DRBGs refuse them
 * (PROV_R_XOF_DIGESTS_NOT_ALLOWED). */
const XOF_NAMES: readonly string[] = [
  'SHAKE-128', 'SHAKE128', 'SHAKE-256', 'SHAKE256', 'KECCAK-KMAC-128', 'KECCAK-KMAC128',
  'KECCAK-KMAC-256', 'KECCAK-KMAC256',
];

/** Looks a digest up by any OpenSSL name or alias (case-insensitive); undefined if unknown. */
export function findDigest(name: string): DigestInfo | undefined {
  const upper = name.toUpperCase();
  return DIGESTS.find((d) => d.aliases.includes(upper));
}

/** True when `name` is one of OpenSSL's XOF digests. */
export function isXofDigest(name: string): boolean {
  return XOF_NAMES.includes(name.toUpperCase());
}

/** Every digest randshim supports, by canonical name. */
export const SUPPORTED_DIGESTS: readonly DigestId[] = DIGESTS.map((d) => d.id);

export type AesKeyLength = 16 | 24 | 32;

export interface CtrCipherInfo {
  /** OpenSSL's canonical name, e.g. AES-256-CTR (EVP_CIPHER_get0_name). */
  readonly name: string;
  readonly keyLength: AesKeyLength;
}

const CTR_CIPHERS: readonly CtrCipherInfo[] = [
  { name: 'AES-128-CTR', keyLength: 16 },
  { name: 'AES-192-CTR', keyLength: 24 },
  { name: 'AES-256-CTR', keyLength: 32 },
];

/** Looks an AES-CTR cipher up by name (case-insensitive). */
export function findCtrCipher(name: string): CtrCipherInfo | undefined {
  const upper = name.toUpperCase();
  return CTR_CIPHERS.find((c) => c.name === upper);
}
