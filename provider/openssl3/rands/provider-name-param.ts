/**
 * The DRBGs' `provider-name` parameter (OSSL_PROV_PARAM_CORE_PROV_NAME), settable from 3.6
 * (provider/openssl3/lines.ts drbgSettableProviderName): the provider to fetch the cipher or
 * digest from first (providers/implementations/rands/drbg_ctr.c.in:
 * drbg_ctr_set_ctx_params_locked, evp_cipher_fetch_from_prov; drbg_hash.c.in and drbg_hmac.c.in:
 * drbg_fetch_*_from_prov, which fall back to the ordinary fetch on any failure).
 */
import { OSSL_PARAM_UTF8_STRING, type OSSL_PARAM } from '../core/param-memory.js';
import { OSSL_PARAM_locate_const, paramCString } from '../core/ossl-param.js';
import type { PropertyDefinition } from '../core/properties.js';
import type { RandParamName } from '../core/rand-params.js';
import { lineBehaviour } from '../lines.js';

/** The settable names the running line lists between a DRBG type's own and the common ones. */
export function providerNameSettable(): readonly RandParamName[] {
  return lineBehaviour().drbgSettableProviderName ? ['provider-name'] : [];
}

/**
 * CTR-DRBG's check of a given `provider-name`: a UTF-8 string naming a provider
 * ossl_provider_find can find, or the set fails (return 0, nothing raised). randshim's DRBG
 * knows one provider for certain, its own (`definition`), and answers "not found" for any
 * other name. True when there is no such parameter or the line has none.
 */
export function providerNameFound(params: readonly OSSL_PARAM[], definition: PropertyDefinition): boolean {
  if (!lineBehaviour().drbgSettableProviderName) return true;
  const p = OSSL_PARAM_locate_const(params, 'provider-name');
  if (p === null) return true;
  if (p.data_type !== OSSL_PARAM_UTF8_STRING) return false;
  return paramCString(p) === definition.get('provider');
}
