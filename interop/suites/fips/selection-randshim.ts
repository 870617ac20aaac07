/**
 * The randshim side of the selection cases (./selection.ts): each step through randshim's
 * personality of the line (compat/openssl3-lines: compat/3.5, 3.6, 4.0), its default library
 * context reset first (RANDSHIM_3_reset), where OSSL_PROVIDER_load(null, "fips") loads
 * randshim's FIPS provider model.
 */
import { createPersonality3, type Personality3 } from '../../../compat/openssl3-lines/personality.js';
import type { OpenSSL3Line } from '../../../provider/openssl3/lines.js';
import type { ReportedError } from '../differential/driver.js';
import type { SelectionCase, SelectionResult, SelectionStep } from './selection.js';

function drain(R: Personality3): ReportedError[] {
  const out: ReportedError[] = [];
  for (let e = R.ERR_get_error(); e !== 0; e = R.ERR_get_error()) {
    const d = R.describeError3(e);
    out.push({ lib: d?.lib ?? '?', reason: d?.reason ?? '?' });
  }
  return out;
}

function step(R: Personality3, s: SelectionStep): string {
  switch (s.op) {
    case 'load':
      return R.OSSL_PROVIDER_load(null, s.name) === null ? '0' : '1';
    case 'available':
      return String(R.OSSL_PROVIDER_available(null, s.name));
    case 'fetch': {
      const rand = R.EVP_RAND_fetch(null, s.name, s.propq);
      return rand === null ? 'null' : R.OSSL_PROVIDER_get0_name(R.EVP_RAND_get0_provider(rand));
    }
    case 'enable-fips':
      return String(R.EVP_default_properties_enable_fips(null, s.enable));
    case 'is-fips-enabled':
      return String(R.EVP_default_properties_is_fips_enabled(null));
    case 'set-defaults':
      return String(R.EVP_set_default_properties(null, s.query));
    case 'set-algorithm': {
      const rand = R.EVP_RAND_fetch(null, s.name, s.propq);
      if (rand === null) return 'null';
      const drbg = R.EVP_RAND_CTX_new(rand, null);
      if (drbg === null) return 'no ctx';
      try {
        const set = [
          ...(s.properties === undefined ? [] : [R.OSSL_PARAM_construct_utf8_string('properties', s.properties, 0)]),
          R.OSSL_PARAM_construct_utf8_string(s.name === 'CTR-DRBG' ? 'cipher' : 'digest', s.algorithm, 0), R.OSSL_PARAM_construct_end()];
        const ret = R.EVP_RAND_CTX_set_params(drbg, set);
        const ind = { value: 0 }; // as the C side's array starts (a provider may leave it)
        const got = R.EVP_RAND_CTX_get_params(drbg, [R.OSSL_PARAM_construct_int('fips-indicator', ind), R.OSSL_PARAM_construct_end()]);
        return `ret ${ret} ind ${got === 1 ? String(ind.value) : 'none'}`;
      } finally {
        R.EVP_RAND_CTX_free(drbg);
      }
    }
    default:
      throw new TypeError(`unknown step ${JSON.stringify(s)}`);
  }
}

export function runSelectionRandshim(line: OpenSSL3Line, selection: SelectionCase): SelectionResult[] {
  const R = createPersonality3(line);
  R.RANDSHIM_3_reset();
  R.ERR_clear_error();
  try {
    R.OSSL_PROVIDER_load(null, 'fips');
    drain(R);
    return selection.steps.map((s) => ({ value: step(R, s), errors: drain(R) }));
  } finally {
    R.RANDSHIM_3_reset();
  }
}
