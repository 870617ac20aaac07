/**
 * The entropy callback the peer libraries pull seed material through, in Mbed TLS's shape
 * (`int (*f_entropy)(void *p_entropy, unsigned char *output, size_t len)`, mbedtls/ctr_drbg.h):
 * asked for exactly `length` bytes, it returns them, or null where the C callback would
 * return non-zero (the DRBG then fails with its ENTROPY_SOURCE_FAILED code).
 */
export type EntropySource = (length: number) => Uint8Array | null;
