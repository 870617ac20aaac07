/**
 * What one per-line entry point shows of its line (test/build/line-entries.spec.ts), the same
 * code in Node and inside the esbuild bundle: the line a call through the entry runs under (a
 * callback invoked from inside its ERR_print_errors_cb reads activeLine()), and two answers in
 * which the OpenSSL lines differ (the spec gives OpenSSL's).
 */
import type { Personality3 } from '../../compat/openssl3-lines/personality.js';
import { activeLine } from '../../provider/openssl3/lines.js';

export interface LineObservation {
  readonly line: string | null;
  /** Whether EVP_RAND_fetch finds "CTR-DRBG " (with a trailing space). */
  readonly fetchTrimsName: boolean;
  /** ERR_reason_error_string of PROV reason 252 (PROV_R_REPEATED_PARAMETER where it exists). */
  readonly provReason252: string | null;
}

export function observeLine(p: Personality3): LineObservation {
  let line: string | null = null;
  p.ERR_clear_error();
  p.EVP_RAND_fetch(null, 'NO-SUCH-RAND', null); // raises, so that ERR_print_errors_cb calls back
  p.ERR_print_errors_cb(() => {
    line = activeLine();
    return 1;
  }, null);
  const fetchTrimsName = p.EVP_RAND_fetch(null, 'CTR-DRBG ', null) !== null;
  p.ERR_clear_error();
  return { line, fetchTrimsName, provReason252: p.ERR_reason_error_string(p.ERR_PACK(p.ERR_LIB_PROV, 0, 252)) };
}
