/**
 * The CPU's time-stamp counter, read through the running process's own OPENSSL_rdtsc (the
 * x86-64 `rdtsc` routine of crypto/x86_64cpuid.pl): Node 20 exports its bundled OpenSSL 3's, the
 * Node 16 binary its OpenSSL 1.1.1v's; libcrypto.so.1.1 does not export it. Bound here as
 * returning all 64 bits (the assembly computes rdx:rax), whatever the C prototype says, so that
 * a caller can tell which part of it OpenSSL uses. Null when the symbol is not there.
 */
import koffi from 'koffi';

let rdtsc: (() => bigint) | null | undefined;

export function readTsc(): bigint | null {
  if (rdtsc === undefined) {
    try {
      const f = koffi.load(null as unknown as string).func('uint64_t OPENSSL_rdtsc(void)');
      rdtsc = () => BigInt(f() as number | bigint);
    } catch {
      rdtsc = null;
    }
  }
  return rdtsc === null ? null : rdtsc();
}
