/**
 * Selecting the FIPS provider the OpenSSL way, on the real line and through randshim's
 * personality of it (compat/3.5, compat/3.6, compat/4.0): OSSL_PROVIDER_load(ctx, "fips"),
 * property queries (fips=yes, ?fips=yes, -fips, provider=...), EVP_default_properties_enable_fips
 * and EVP_set_default_properties, and what a FIPS DRBG made through EVP_RAND_CTX_new reports
 * (its fips-indicator after set_ctx_params, the refusal of a digest the FIPS provider lacks, the
 * "properties" parameter it ignores). Replaces the code-reading test/compat/evp-rand-fips.spec.ts.
 */
import { expect } from 'chai';
import { compareSelection, type SelectionComparison } from '../../interop/suites/fips/suite.js';
import { selectionCases, type SelectionStep } from '../../interop/suites/fips/selection.js';
import { FIPS_LINES, installedConfig } from './real-provider.js';

/** The real provider's answer to the first step of case `c` that matches `want`. */
function answer(result: SelectionComparison, c: number, want: Partial<SelectionStep> & { op: string }, nth = 0): string {
  const steps = selectionCases()[c].steps;
  const matches = steps.flatMap((s, i) => (Object.entries(want).every(([k, v]) => (s as Record<string, unknown>)[k] === v) ? [i] : []));
  const at = matches[nth];
  if (at === undefined) throw new Error(`no step ${JSON.stringify(want)}`);
  const r = result.real[c][at];
  return [r.value, ...r.errors.map((e) => `${e.lib}:${e.reason}`)].join(' ');
}

describe('selecting the FIPS provider the OpenSSL way: the real line and randshim\'s personality', () => {
  for (const line of FIPS_LINES) {
    describe(`${line}`, () => {
      let result: SelectionComparison;
      before(async () => {
        result = await compareSelection(installedConfig(line, 'default'));
      });

      it('randshim\'s personality answers every step as the real line does (count compared)', () => {
        expect(result.mismatches).to.deep.equal([]);
        expect([result.cases, result.steps]).to.deep.equal([3, 113]);
      });

      it('fips=yes and provider=fips fetch the FIPS DRBGs; TEST-RAND is fips=no', () => {
        expect(answer(result, 0, { op: 'fetch', name: 'CTR-DRBG', propq: 'fips=yes' })).to.equal('fips');
        expect(answer(result, 0, { op: 'fetch', name: 'HMAC-DRBG', propq: 'provider=fips' })).to.equal('fips');
        expect(answer(result, 0, { op: 'fetch', name: 'TEST-RAND', propq: 'fips=yes' })).to.equal('null EVP:UNSUPPORTED');
        expect(answer(result, 0, { op: 'fetch', name: 'TEST-RAND', propq: 'provider=fips,fips=no' })).to.equal('fips');
        expect(answer(result, 0, { op: 'fetch', name: 'CTR-DRBG', propq: null })).to.equal('default');
      });

      it('EVP_default_properties_enable_fips routes every fetch to the FIPS provider, and back', () => {
        expect(answer(result, 1, { op: 'is-fips-enabled' }, 0)).to.equal('0');
        expect(answer(result, 1, { op: 'is-fips-enabled' }, 1)).to.equal('1');
        expect(answer(result, 1, { op: 'fetch', name: 'CTR-DRBG', propq: null }, 0)).to.equal('fips');
        expect(answer(result, 1, { op: 'fetch', name: 'TEST-RAND', propq: null }, 0)).to.equal('null EVP:UNSUPPORTED');
        expect(answer(result, 1, { op: 'fetch', name: 'CTR-DRBG', propq: '-fips' }, 0)).to.equal('default');
        expect(answer(result, 1, { op: 'fetch', name: 'CTR-DRBG', propq: null }, 1)).to.equal('default');
      });

      it('a FIPS DRBG reports its indicator, refuses MD5 and ignores "properties"', () => {
        const set = (name: string, propq: string, algorithm: string, properties?: string): string =>
          answer(result, 2, { op: 'set-algorithm', name, propq, algorithm, ...(properties === undefined ? {} : { properties }) });
        expect(set('HASH-DRBG', 'fips=yes', 'SHA2-256')).to.equal('ret 1 ind 1');
        expect(set('HMAC-DRBG', 'fips=yes', 'SHA3-512')).to.equal('ret 1 ind 1');
        expect(set('HASH-DRBG', 'fips=yes', 'SHA2-224')).to.equal('ret 1 ind 0');
        expect(set('HASH-DRBG', 'fips=yes', 'MD5')).to.equal('ret 0 ind 1 EVP:UNSUPPORTED');
        expect(set('HASH-DRBG', 'fips=yes', 'SHA2-256', 'provider=nonesuch')).to.equal('ret 1 ind 1');
        // the default provider's CTR-DRBG does use the query: its CTR and ECB fetches both fail
        expect(set('CTR-DRBG', 'provider=default', 'AES-256-CTR', 'provider=nonesuch'))
          .to.equal('ret 0 ind 0 EVP:UNSUPPORTED EVP:UNSUPPORTED PROV:UNABLE_TO_FIND_CIPHERS');
      });
    });
  }
});
