/**
 * OpenSSL's data for the ports, read from the fetched source packages (see
 * scripts/openssl-tests/lines.ts) instead of copied: drbgtest.h's NIST KAT arrays,
 * drbg_cavs_data.c.
 */
export { readSource, type OpensslLine } from '../../scripts/openssl-tests/lines.js';

/** C source without its comments (strings in these files hold no comment markers). */
export function stripCComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
}

/** Every `[static] [const] unsigned char NAME[] = { 0x.., ... };` of a C file whose entries are
 * all integer literals (others, e.g. ones starting with POINT_CONVERSION_UNCOMPRESSED, are left
 * out: a consumer asking for them fails on the missing name), by name. */
export function readCByteArrays(text: string): Map<string, Uint8Array> {
  const arrays = new Map<string, Uint8Array>();
  const decl = /(?:static\s+)?(?:const\s+)?unsigned\s+char\s+(\w+)\s*\[\s*\]\s*=\s*\{([^}]*)\}/g;
  for (const m of stripCComments(text).matchAll(decl)) {
    const body = m[2] ?? '';
    const bytes = body.split(',').map((t) => t.trim()).filter((t) => t !== '').map((t) => Number(t));
    if (bytes.some((b) => !Number.isInteger(b) || b < 0 || b > 255)) continue;
    arrays.set(m[1] ?? '', Uint8Array.from(bytes));
  }
  return arrays;
}
