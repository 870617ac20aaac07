/**
 * The DRBGs' `provider-name` parameter (OSSL_PROV_PARAM_CORE_PROV_NAME), settable from 3.6
 * (provider/openssl3/lines.ts drbgSettableProviderName): the provider to fetch the cipher or
 * digest from first (providers/implementations/rands/drbg_ctr.c.in:
 * drbg_ctr_set_ctx_params_locked; drbg_hash.c.in and drbg_hmac.c.in: drbg_fetch_*_from_prov,
 * which fall back to the ordinary fetch). Listed, and otherwise without effect on the outcome:
 * the real 3.6.5 and 4.0.3 libraries accept any value (a name no provider has, an integer)
 * and fetch as without it.
 */
import type { RandParamName } from '../core/rand-params.js';
import { lineBehaviour } from '../lines.js';

/** The settable names the running line lists between a DRBG type's own and the common ones. */
export function providerNameSettable(): readonly RandParamName[] {
  return lineBehaviour().drbgSettableProviderName ? ['provider-name'] : [];
}
