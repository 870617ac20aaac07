/**
 * Names the packed error codes of an OpenSSL 3 error queue the way randshim names its own
 * (provider/err/queue.ts): `{ lib, reason }` with the macro suffixes, e.g. ERR_PACK(ERR_LIB_PROV,
 * 0, PROV_R_REQUEST_TOO_LARGE_FOR_DRBG) → { lib: 'PROV', reason: 'REQUEST_TOO_LARGE_FOR_DRBG' }.
 * Decoding mirrors ERR_GET_LIB / ERR_GET_REASON / ERR_SYSTEM_ERROR of include/openssl/err.h.
 */
import type { LibCrypto3 } from './libcrypto.js';
import type { ReportedError } from '../../suites/differential/driver.js';
import { COMMON_REASONS, ERR_LIBS, LATER_LINE_REASONS, LIB_REASONS } from './reasons.js';

const ERR_SYSTEM_FLAG = 0x80000000;
const ERR_LIB_OFFSET = 23;
const ERR_LIB_MASK = 0xff;
const ERR_REASON_MASK = 0x7fffff;
const ERR_RFLAG_COMMON = 2 << 18;
const ERR_LIB_SYS = 2;

const hex = (n: number): string => `0x${n.toString(16)}`;

/** The library and reason of one packed code; unknown parts are given in hex. */
export function describeError3(code: number): ReportedError {
  if (code >= ERR_SYSTEM_FLAG) {
    // ERR_raise(ERR_LIB_SYS, errno): the reason is the errno value.
    return { lib: ERR_LIBS.get(ERR_LIB_SYS) ?? 'SYS', reason: `ERRNO_${code - ERR_SYSTEM_FLAG}` };
  }
  const libNumber = (code >>> ERR_LIB_OFFSET) & ERR_LIB_MASK;
  const reasonNumber = code & ERR_REASON_MASK;
  const lib = ERR_LIBS.get(libNumber) ?? hex(libNumber);
  const reason = (reasonNumber & ERR_RFLAG_COMMON) !== 0
    ? COMMON_REASONS.get(reasonNumber)
    : LIB_REASONS.get(lib)?.get(reasonNumber) ?? LATER_LINE_REASONS.get(lib)?.get(reasonNumber);
  return { lib, reason: reason ?? hex(code) };
}

/** Empties this thread's error queue (ERR_get_error until 0), oldest first, decoded. Takes
 * any ERR_get_error with 3.x packing: the system library's, or compat/openssl3's. */
export function drainErrors3(crypto: Pick<LibCrypto3, 'ERR_get_error'>): ReportedError[] {
  const out: ReportedError[] = [];
  for (let code = crypto.ERR_get_error(); code !== 0; code = crypto.ERR_get_error()) {
    out.push(describeError3(code));
  }
  return out;
}
