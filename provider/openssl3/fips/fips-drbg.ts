/**
 * A DRBG as the FIPS provider of OpenSSL 3.5 / 3.6 / 4.0 runs it: randshim's drbg.c state
 * machine ({@link DrbgCtx} with `fips`, which already takes caller entropy on reseed as
 * additional input only, drbg.c ossl_prov_drbg_reseed_unlocked) plus the FIPS_MODULE rules of
 * the type-specific set_ctx_params:
 *
 * - digest rule (drbg.c ossl_drbg_verify_digest, fipsindicator.c ossl_FIPS_IND_on_unapproved):
 *   an unapproved digest is refused with PROV_R_DIGEST_NOT_ALLOWED when both the module's
 *   `drbg-no-trunc-md` and the context's `digest-check` (default 1) ask for strictness;
 *   otherwise it is accepted. Either way the indicator is cleared for good.
 * - `fips-indicator` on every FIPS DRBG (OSSL_FIPS_IND_GET_CTX_PARAM): 1 unless cleared.
 * - the derivation function is mandatory (drbg_ctr.c drbg_ctr_init, FIPS_MODULE): 3.5 and 3.6
 *   refuse use_derivation_function = 0 with PROV_R_DERIVATION_FUNCTION_INIT_FAILED; 4.0's
 *   FIPS parameter decoder does not know the key ('!fips' in drbg_ctr.inc.in), so it is ignored.
 * - 4.0's HMAC-DRBG takes no `mac`: HMAC is implied and a given `mac` is ignored.
 */
import { raise } from '../../err/queue.js';
import type { OSSL_PARAM } from '../core/param-memory.js';
import {
  OSSL_PARAM_construct_utf8_string, OSSL_PARAM_get_int, OSSL_PARAM_locate, OSSL_PARAM_locate_const, OSSL_PARAM_set_int,
} from '../core/ossl-param.js';
import { utf8Param } from '../rands/utf8-param.js';
import { DrbgCtx, type DrbgCtxOptions } from '../rands/drbg.js';
import { classifyFipsDrbgDigest } from './approved-digests.js';

export type FipsLine = '3.5' | '3.6' | '4.0';

/** The module configuration the rules depend on (fipsmodule.cnf of fipsinstall). */
export interface FipsModuleConfig {
  readonly line: FipsLine;
  /** `drbg-no-trunc-md` (fipsinstall -no_drbg_truncated_digests). */
  readonly drbgNoTruncMd: boolean;
}

export class FipsDrbgCtx extends DrbgCtx {
  /** OSSL_FIPS_IND approved flag: cleared by a tolerated unapproved digest, never set again. */
  private approved = true;
  /** The context's `digest-check` (OSSL_FIPS_IND_SETTABLE0), -1 = unset (strict). */
  private digestCheck = -1;
  /** 4.0: the implied HMAC has been set on the mechanism. */
  private macImplied = false;

  private constructor(options: DrbgCtxOptions, readonly module: FipsModuleConfig) {
    super({ ...options, fips: true });
  }

  /** EVP_RAND_CTX_new of a FIPS DRBG with nothing configured (set cipher/digest with
   * set_ctx_params), refusing a parent weaker than the DRBG (PROV_R_PARENT_STRENGTH_TOO_WEAK). */
  static createFips(options: DrbgCtxOptions, module: FipsModuleConfig): FipsDrbgCtx | null {
    const drbg = new FipsDrbgCtx(options, module);
    if (drbg.parent !== null) {
      const p = { strength: 0 };
      if (!drbg.parent.getCtxParams(['strength'], p)) return null;
      if (drbg.strength > p.strength) {
        raise('PROV', 'PARENT_STRENGTH_TOO_WEAK');
        return null;
      }
    }
    return drbg;
  }

  get fipsIndicator(): number {
    return this.approved ? 1 : 0;
  }

  override setCtxParamArray(params: OSSL_PARAM[] | null): boolean {
    if (params === null) return super.setCtxParamArray(params);
    // the FIPS build takes no "properties" for its cipher or digest fetch: any query is
    // accepted and the FIPS provider's own algorithm used (shown on the real fips.so)
    let list = params.filter((p) => p.key !== 'properties');
    // OSSL_FIPS_IND_SET_CTX_PARAM comes first in drbg_hash/hmac_set_ctx_params
    const check = OSSL_PARAM_locate_const(list, 'digest-check');
    if (check !== null && this.algorithm !== 'CTR-DRBG') {
      const v = { value: 0 };
      if (!OSSL_PARAM_get_int(check, v)) return false;
      this.digestCheck = Number(v.value);
    }
    const df = OSSL_PARAM_locate_const(list, 'use_derivation_function');
    if (df !== null && this.algorithm === 'CTR-DRBG') {
      if (this.module.line === '4.0') {
        list = list.filter((p) => p !== df);
      } else {
        const v = { value: 0 };
        if (OSSL_PARAM_get_int(df, v) && Number(v.value) === 0) {
          raise('PROV', 'DERIVATION_FUNCTION_INIT_FAILED');
          return false;
        }
      }
    }
    if (this.algorithm === 'HMAC-DRBG' && this.module.line === '4.0') {
      // 4.0's HMAC-DRBG has no "mac" parameter: HMAC is implied (drbg_hmac.c drbg_hmac_new)
      list = list.filter((p) => p.key !== 'mac');
      if (!this.macImplied) {
        list = [OSSL_PARAM_construct_utf8_string('mac', 'HMAC', 0), ...list];
        this.macImplied = true;
      }
    }
    const digest = OSSL_PARAM_locate_const(list, 'digest');
    if (digest !== null && this.algorithm !== 'CTR-DRBG') {
      const digestName = utf8Param(digest);
      if (digestName === null) return false; // utf8Param raised the reason
      const verdict = classifyFipsDrbgDigest(digestName.text);
      if (verdict === 'absent') {
        raise('EVP', 'UNSUPPORTED'); // EVP_MD_fetch from the FIPS provider finds nothing
        return false;
      }
      if (verdict !== 'approved') {
        // ossl_FIPS_IND_on_unapproved clears the indicator first, whether or not it then refuses
        this.approved = false;
        if (this.module.drbgNoTruncMd && this.digestCheck !== 0) {
          raise('PROV', 'DIGEST_NOT_ALLOWED');
          return false;
        }
        // a tolerated XOF has no fixed size: drbg_hash/hmac_set_ctx_params give up, no reason
        if (verdict === 'xof') return false;
      }
    }
    return super.setCtxParamArray(list);
  }

  override getCtxParamArray(params: OSSL_PARAM[]): boolean {
    const ind = OSSL_PARAM_locate(params, 'fips-indicator');
    if (ind !== null && !OSSL_PARAM_set_int(ind, this.fipsIndicator)) return false;
    return super.getCtxParamArray(params);
  }
}
