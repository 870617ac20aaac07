/**
 * How a program selects the FIPS provider's RANDs, the OpenSSL way (man OSSL_PROVIDER(3),
 * EVP_set_default_properties(3), property(7); providers/fips/fipsprov.c: the DRBGs are
 * "provider=fips,fips=yes", TEST-RAND and CRNG-TEST "provider=fips,fips=no"): load the
 * providers, fetch by property query, turn the `fips=yes` default property on and off, and what
 * a FIPS DRBG made through EVP_RAND_CTX_new then reports (fips-indicator after set_ctx_params).
 * Run in a fresh library context of the real line that loaded the default provider and then
 * the FIPS configuration (fips + base), the order randshim's default context has (its default
 * provider is always there, fips comes with OSSL_PROVIDER_load), and on randshim's personality
 * of that line (compat/3.5, 3.6, 4.0).
 */
import type { ReportedError } from '../differential/driver.js';

export type SelectionStep =
  /** OSSL_PROVIDER_load(ctx, name) != NULL */
  | { readonly op: 'load'; readonly name: string }
  | { readonly op: 'available'; readonly name: string }
  /** EVP_RAND_fetch(ctx, name, propq): the provider's name, or "null" */
  | { readonly op: 'fetch'; readonly name: string; readonly propq: string | null }
  | { readonly op: 'enable-fips'; readonly enable: number }
  | { readonly op: 'is-fips-enabled' }
  | { readonly op: 'set-defaults'; readonly query: string | null }
  /** EVP_RAND_CTX_new(EVP_RAND_fetch(ctx, name, propq), NULL), set_ctx_params (properties, then
   * `algorithm` as the digest, or the cipher of a CTR-DRBG), then "ret <set_params> ind
   * <fips-indicator>", or "null" when nothing was fetched */
  | { readonly op: 'set-algorithm'; readonly name: string; readonly propq: string | null; readonly algorithm: string;
      readonly properties?: string };

export interface SelectionResult {
  readonly value: string;
  readonly errors: readonly ReportedError[];
}

export interface SelectionCase {
  readonly name: string;
  readonly steps: readonly SelectionStep[];
}

export function selectionCases(): SelectionCase[] {
  const fetches = (propqs: readonly (string | null)[], names = ['CTR-DRBG', 'HASH-DRBG', 'HMAC-DRBG', 'TEST-RAND']): SelectionStep[] =>
    propqs.flatMap((propq) => names.map((name): SelectionStep => ({ op: 'fetch', name, propq })));
  const queries = [null, 'fips=yes', '?fips=yes', 'fips=no', '-fips', 'provider=fips', 'provider=default', 'provider=fips,fips=no'];
  return [
    { name: 'provider loaded, fetch by property query', steps: [
      { op: 'available', name: 'fips' }, { op: 'available', name: 'default' }, { op: 'load', name: 'fips' },
      ...fetches(queries)] },
    { name: 'fips=yes as the default property', steps: [
      { op: 'is-fips-enabled' }, { op: 'enable-fips', enable: 1 }, { op: 'is-fips-enabled' },
      ...fetches(queries),
      { op: 'enable-fips', enable: 0 }, { op: 'is-fips-enabled' }, ...fetches([null]),
      { op: 'set-defaults', query: 'fips=yes' }, { op: 'is-fips-enabled' }, ...fetches([null, '-fips']),
      { op: 'set-defaults', query: null }, { op: 'is-fips-enabled' }, ...fetches([null])] },
    { name: 'a FIPS DRBG through EVP_RAND_CTX_new: indicator and digest fetch', steps: [
      ...['SHA2-256', 'SHA2-224', 'SHA3-512', 'SHA2-512/256'].flatMap((digest): SelectionStep[] => [
        { op: 'set-algorithm', name: 'HASH-DRBG', propq: 'fips=yes', algorithm: digest },
        { op: 'set-algorithm', name: 'HMAC-DRBG', propq: 'fips=yes', algorithm: digest },
        { op: 'set-algorithm', name: 'HASH-DRBG', propq: 'provider=default', algorithm: digest }]),
      { op: 'set-algorithm', name: 'HASH-DRBG', propq: 'fips=yes', algorithm: 'MD5' },
      { op: 'set-algorithm', name: 'HASH-DRBG', propq: 'fips=yes', algorithm: 'SHA2-256', properties: 'provider=nonesuch' },
      { op: 'set-algorithm', name: 'CTR-DRBG', propq: 'fips=yes', algorithm: 'AES-256-CTR' },
      { op: 'set-algorithm', name: 'CTR-DRBG', propq: 'fips=yes', algorithm: 'AES-256-CTR', properties: 'provider=nonesuch' },
      { op: 'set-algorithm', name: 'CTR-DRBG', propq: 'provider=default', algorithm: 'AES-256-CTR', properties: 'provider=nonesuch' },
      { op: 'set-algorithm', name: 'HASH-DRBG', propq: 'fips=yes', algorithm: 'SHA2-256', properties: 'provider=default' },
      { op: 'set-algorithm', name: 'HASH-DRBG', propq: 'fips=yes', algorithm: 'SHA2-256', properties: 'fips=yes' },
      { op: 'enable-fips', enable: 1 },
      { op: 'set-algorithm', name: 'HASH-DRBG', propq: null, algorithm: 'SHA2-384' }] },
  ];
}
