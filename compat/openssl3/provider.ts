/**
 * Providers and default properties (OSSL_PROVIDER(3), EVP_set_default_properties(3)) for the
 * default library context (`libctx` must be null). This is how randshim's FIPS mode is
 * switched on, as in OpenSSL 3:
 *
 *   OSSL_PROVIDER_load(null, 'fips');                 // randshim's FIPS-behaviour provider
 *   EVP_default_properties_enable_fips(null, 1);      // every fetch now adds "fips=yes"
 *   // or, per fetch: EVP_RAND_fetch(null, 'CTR-DRBG', 'fips=yes')
 *
 * The FIPS-behaviour provider's DRBGs differ from the default provider's where OpenSSL's
 * drbg.c is compiled with FIPS_MODULE (from code reading only: there is no FIPS provider to run
 * against): see provider/openssl3/core/provider-store.ts. The default provider is always loaded.
 */
import { raise } from '../../provider/err/queue.js';
import { state3 } from './state.js';

/** The default library context. randshim has no other. */
export type OSSL_LIB_CTX = null;

/** A loaded provider (OSSL_PROVIDER). */
export class OSSL_PROVIDER {
  /** @internal */
  constructor(readonly name: string) {}
}

const providers = new Map<string, OSSL_PROVIDER>();

function providerObject(name: string): OSSL_PROVIDER {
  let p = providers.get(name);
  if (p === undefined) {
    p = new OSSL_PROVIDER(name);
    providers.set(name, p);
  }
  return p;
}

/** OSSL_PROVIDER_load(libctx, name): "default" or "fips"; anything else fails (NULL, with
 * ERR_R_INIT_FAIL from CRYPTO: randshim cannot load provider modules). */
export function OSSL_PROVIDER_load(libctx: OSSL_LIB_CTX, name: string): OSSL_PROVIDER | null {
  void libctx;
  if (!state3().store.load(name)) {
    raise('CRYPTO', 'INIT_FAIL');
    return null;
  }
  return providerObject(name);
}

/** OSSL_PROVIDER_unload(prov): 1. The default provider stays loaded. */
export function OSSL_PROVIDER_unload(prov: OSSL_PROVIDER): number {
  if (prov.name === 'fips') state3().store.unload('fips');
  return 1;
}

/** OSSL_PROVIDER_available(libctx, name): 1 when the provider is loaded. */
export function OSSL_PROVIDER_available(libctx: OSSL_LIB_CTX, name: string): number {
  void libctx;
  return state3().store.isLoaded(name) ? 1 : 0;
}

/** OSSL_PROVIDER_get0_name(prov). */
export function OSSL_PROVIDER_get0_name(prov: OSSL_PROVIDER): string {
  return prov.name;
}

/** @internal The provider object of a loaded provider name. */
export function providerNamed(name: string): OSSL_PROVIDER {
  return providerObject(name);
}

/** EVP_set_default_properties(libctx, propq): 0 (EVP_R_DEFAULT_QUERY_PARSE_ERROR) if it does
 * not parse. */
export function EVP_set_default_properties(libctx: OSSL_LIB_CTX, propq: string | null): number {
  void libctx;
  return state3().store.setDefaultProperties(propq) ? 1 : 0;
}

/** EVP_default_properties_enable_fips(libctx, enable): merges "fips=yes" (enable != 0) or
 * "-fips" into the default properties. */
export function EVP_default_properties_enable_fips(libctx: OSSL_LIB_CTX, enable: number): number {
  void libctx;
  return state3().store.enableFips(enable !== 0) ? 1 : 0;
}

/** EVP_default_properties_is_fips_enabled(libctx). */
export function EVP_default_properties_is_fips_enabled(libctx: OSSL_LIB_CTX): number {
  void libctx;
  return state3().store.isFipsEnabled() ? 1 : 0;
}
