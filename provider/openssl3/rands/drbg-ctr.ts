/**
 * CTR-DRBG's type-specific half (providers/implementations/rands/drbg_ctr.c, 3.0):
 * "use_derivation_function" (default 1) and "cipher" (a name ending in CTR; its ECB sibling is
 * fetched too), drbg_ctr_init, init_lengths and get/set_ctx_params, in OpenSSL's order.
 */
import { raise } from '../../err/queue.js';
import { lineBehaviour } from '../lines.js';
import { ctrLimits, CtrDrbgMechanism } from '../../sp800-90a/ctr-drbg.js';
import type { DrbgLimits } from '../../sp800-90a/mechanism.js';
import { OSSL_PARAM_UTF8_STRING, type OSSL_PARAM } from '../core/param-memory.js';
import {
  OSSL_PARAM_get_int, OSSL_PARAM_locate, OSSL_PARAM_locate_const, OSSL_PARAM_set_int, OSSL_PARAM_set_utf8_string,
  paramCString,
} from '../core/ossl-param.js';
import type { CtrCipherInfo } from '../../sp800-90a/primitives/algorithms.js';
import type { RandParamName } from './rand-impl.js';
import { fetchCtrCipher, fetchEcbCipher } from './fetch-algorithms.js';
import { utf8Param } from './utf8-param.js';
import { adoptState, openLimits, type DrbgVariant, type VariantEnv, MechanismHolder } from './drbg-variant.js';

export class CtrVariant extends MechanismHolder<CtrDrbgMechanism> implements DrbgVariant {
  readonly type = 'CTR-DRBG' as const;
  /** ctr->use_df. */
  useDf = true;
  /** ctr->cipher_ctr: what "cipher" reports; null before a cipher is set or after a failed fetch. */
  private cipher: CtrCipherInfo | null = null;
  /** The initialised cipher contexts with the working state (drbg_ctr_init). */
  /** drbg_ctr_init re-initialises the contexts without a key; until instantiate keys them,
   * every use fails in the cipher (PROV_R_NO_KEY_SET). */
  private keyless = false;
  limits: DrbgLimits = openLimits(0);

  constructor(private readonly env: VariantEnv) {
    super();
  }

  get algorithmName(): string | null {
    return this.cipher?.name ?? null;
  }

  readonly gettable: readonly RandParamName[] = ['cipher', 'use_derivation_function'];
  readonly settable: readonly RandParamName[] = ['properties', 'cipher', 'use_derivation_function'];

  /** drbg_ctr_init: cipher contexts for the current cipher and use_df, strength = 8 keylen. */
  private init(): boolean {
    if (this.cipher === null) {
      raise('PROV', 'MISSING_CIPHER');
      return false;
    }
    const next = new CtrDrbgMechanism(this.cipher, this.useDf, this.env.backend);
    adoptState(next, this.mech);
    this.mech = next;
    this.keyless = true;
    this.limits = ctrLimits(this.cipher.keyLength, this.useDf);
    return true;
  }

  /** drbg_ctr_set_ctx_params up to ossl_drbg_set_ctx_params. */
  setParams(params: OSSL_PARAM[]): boolean {
    let cipherInit = false;
    let p = OSSL_PARAM_locate_const(params, 'use_derivation_function');
    const i = { value: 0 };
    if (p !== null && OSSL_PARAM_get_int(p, i)) {
      this.useDf = i.value !== 0;
      cipherInit = true;
    }
    let propq: string | null = null;
    p = OSSL_PARAM_locate_const(params, 'properties');
    if (p !== null) {
      // 3.6+ takes a mistyped "properties" as none (drbg_ctr_set_ctx_params_locked)
      if (p.data_type === OSSL_PARAM_UTF8_STRING) propq = paramCString(p);
      else if (!lineBehaviour().ctrMistypedPropertiesIgnored) return false;
    }
    p = OSSL_PARAM_locate_const(params, 'cipher');
    if (p !== null) {
      if (p.data_type !== OSSL_PARAM_UTF8_STRING || p.data_size < 3) return false;
      const cipherName = utf8Param(p);
      if (cipherName === null) return false;
      const { text: base, bytes } = cipherName;
      // OPENSSL_strcasecmp("CTR", base + data_size - 3)
      const tailBytes = bytes.subarray(p.data_size - 3);
      const tailEnd = tailBytes.indexOf(0);
      const tail = new TextDecoder().decode(tailEnd < 0 ? tailBytes : tailBytes.subarray(0, tailEnd));
      if (tail.toUpperCase() !== 'CTR') {
        raise('PROV', 'REQUIRE_CTR_MODE_CIPHER');
        return false;
      }
      // ecb = strndup(base, data_size); strcpy(ecb + data_size - 3, "ECB")
      const prefix = new TextDecoder().decode(bytes.subarray(0, p.data_size - 3));
      const ecbName = prefix.includes('\u0000') ? prefix.slice(0, prefix.indexOf('\u0000')) : `${prefix}ECB`;
      const ctr = fetchCtrCipher(base, propq, this.env.definition);
      const ecb = fetchEcbCipher(ecbName, propq, this.env.definition);
      this.cipher = typeof ctr === 'object' ? ctr : null;
      if (this.cipher === null || ecb !== true) {
        this.cipher = null;
        raise('PROV', 'UNABLE_TO_FIND_CIPHERS');
        return false;
      }
      cipherInit = true;
    }
    if (cipherInit && !this.init()) return false;
    return true;
  }

  /** drbg_ctr_get_ctx_params up to ossl_drbg_get_ctx_params. */
  getParams(params: OSSL_PARAM[]): boolean {
    let p = OSSL_PARAM_locate(params, 'use_derivation_function');
    if (p !== null && !OSSL_PARAM_set_int(p, this.useDf ? 1 : 0)) return false;
    p = OSSL_PARAM_locate(params, 'cipher');
    if (p !== null && (this.cipher === null || !OSSL_PARAM_set_utf8_string(p, this.cipher.name))) return false;
    return true;
  }

  instantiate(entropy: Uint8Array | null, nonce: Uint8Array | null, pers: Uint8Array | null): boolean {
    // drbg_ctr_instantiate returns 0 on NULL entropy first (a parentless DRBG of strength 0
    // gets none, which the pool hands out as NULL: the real 4.0 shows only
    // ERROR_INSTANTIATING_DRBG for `seed = CTR-DRBG`)
    if (entropy === null || entropy.length === 0) return false;
    if (this.mech === null) {
      // OpenSSL then dereferences its NULL cipher context (EVP_CipherInit_ex) and crashes;
      // randshim refuses.
      raise('PROV', 'MISSING_CIPHER');
      return false;
    }
    this.keyless = false;
    return this.mech.instantiate(entropy, nonce, pers);
  }

  /** An imported Key is a key: the contexts are keyed as after instantiate. */
  override importState(state: Uint8Array): boolean {
    if (!super.importState(state)) return false;
    this.keyless = false;
    return true;
  }

  reseed(entropy: Uint8Array | null, adin: Uint8Array | null): boolean {
    if (entropy === null || this.mech === null) return false;
    if (this.keyless) return noKey();
    return this.mech.reseed(entropy, adin);
  }

  generate(out: Uint8Array, adin: Uint8Array | null, generateCounter: number): boolean {
    if (this.mech === null) return false;
    if (this.keyless) {
      // drbg_ctr_generate: without additional input the first cipher call comes after
      // memset(out, 0, outlen), so the caller gets zeros; with it, ctr_update fails first.
      if (adin === null || adin.length === 0) out.fill(0);
      return noKey();
    }
    return this.mech.generate(out, adin, generateCounter);
  }
}

function noKey(): false {
  raise('PROV', 'NO_KEY_SET');
  return false;
}
