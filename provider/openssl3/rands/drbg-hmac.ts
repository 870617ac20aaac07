/**
 * HMAC-DRBG's type-specific half (providers/implementations/rands/drbg_hmac.c, 3.0): the
 * "digest" parameter (hmac->digest, which the "digest" getter and the strength follow) and
 * the MAC context ("mac", which must be HMAC; it runs with the digest the same call names).
 * Without a MAC context instantiate fails with PROV_R_MISSING_MAC. A MAC context created while
 * no digest is set makes OpenSSL size everything from a NULL digest (EVP_R_MESSAGE_DIGEST_IS_NULL,
 * strength 256) and crash on first use; randshim reproduces the former and refuses the latter.
 * What changed in later lines (the direct fetch, sizing, no `mac` in 4.0, a held XOF) is read
 * from provider/openssl3/lines.ts.
 */
import { popToMark, raise, setMark } from '../../err/queue.js';
import { lineBehaviour } from '../lines.js';
import { digestDrbgLimits } from '../../sp800-90a/digest-limits.js';
import { HmacDrbgMechanism } from '../../sp800-90a/hmac-drbg.js';
import type { DrbgLimits } from '../../sp800-90a/mechanism.js';
import { OSSL_PARAM_UTF8_STRING, type OSSL_PARAM } from '../core/param-memory.js';
import {
  OSSL_PARAM_get_utf8_string_ptr, OSSL_PARAM_locate, OSSL_PARAM_locate_const, OSSL_PARAM_set_utf8_string, paramCString,
} from '../core/ossl-param.js';
import type { DigestInfo } from '../../sp800-90a/primitives/algorithms.js';
import type { RandParamName } from './rand-impl.js';
import { fetchDigest, fetchMac } from './fetch-algorithms.js';
import { loadDigestFromParams } from './drbg-digest-param.js';
import { fetchDigestDirect, utf8Properties } from './drbg-digest-first.js';
import { utf8Param } from './utf8-param.js';
import { adoptState, openLimits, type DrbgVariant, type VariantEnv, MechanismHolder } from './drbg-variant.js';

/** A `mac` or `properties` of another type than UTF-8: the MAC load fails, raising what
 * OSSL_PARAM_get_utf8_string_ptr raises where the line reads it so (3.6), quietly elsewhere. */
function mistypedString(p: OSSL_PARAM): false {
  if (lineBehaviour().macctxLoadReadsStringPtr) OSSL_PARAM_get_utf8_string_ptr(p, { value: null });
  return false;
}

/** The list without `mac` on a line that has no such parameter (4.0). */
const withoutMacUnlessListed = (list: readonly RandParamName[]): readonly RandParamName[] =>
  (lineBehaviour().hmacMacParam ? list : list.filter((key) => key !== 'mac'));

/** (size_t)-1: hmac->blocklen after EVP_MD_get_size(NULL). */
const SIZE_MAX = 2 ** 64 - 1;

export class HmacVariant extends MechanismHolder<HmacDrbgMechanism> implements DrbgVariant {
  readonly type = 'HMAC-DRBG' as const;
  /** hmac->digest. */
  private md: DigestInfo | null = null;
  /** What the "digest" getter reports (EVP_MD_get0_name of hmac/hash->digest). */
  private mdName: string | null = null;
  /** hmac->ctx: null, or an HMAC context with the digest set on it (null: none yet). */
  private mac: { digest: DigestInfo | null } | null = null;
  /** The limits were last computed from a NULL digest: OpenSSL would memset (size_t)-1 bytes
   * of K at the next instantiate and crash; randshim refuses to run. */
  private nullSized = false;
  limits: DrbgLimits = openLimits(0);
  private readonly gettableWithMac: readonly RandParamName[] = ['mac', 'digest'];
  private readonly settableWithMac: readonly RandParamName[] = ['properties', 'digest', 'mac'];

  /** 4.0 lists no `mac` (drbg_hmac_gettable/settable_ctx_params). */
  get gettable(): readonly RandParamName[] {
    return withoutMacUnlessListed(this.gettableWithMac);
  }

  get settable(): readonly RandParamName[] {
    return withoutMacUnlessListed(this.settableWithMac);
  }

  constructor(private readonly env: VariantEnv) {
    super();
  }

  get algorithmName(): string | null {
    return this.mdName;
  }

  /** drbg_hmac_set_ctx_params up to ossl_drbg_set_ctx_params: 3.5 and 4.0 try the direct
   * fetch first (drbg_fetch_algs_from_prov), every line falls back to the full search. */
  setParams(params: OSSL_PARAM[]): boolean {
    const line = lineBehaviour();
    const direct = line.hmacDigestFetchedFirst ? this.fetchAlgsDirect(params, line.hmacMacParam) : 'fallback';
    if (direct === 'refused') return false;
    if (direct === 'fallback' && !this.loadAlgs(params, line.hmacMacParam)) return false;
    if (this.md === null && this.mdName !== null) {
      // hmac->digest is still a refused XOF: every set (and instantiate) checks it again
      raise('PROV', 'XOF_DIGESTS_NOT_ALLOWED');
      return false;
    }
    if (this.mac !== null) {
      if (this.md === null) {
        // 3.5+ sizes only with both a digest and a MAC context
        if (!line.hmacSizedFromNullDigest) return this.adoptDigest();
        // hmac->blocklen = EVP_MD_get_size(NULL) = (size_t)-1; strength = 64 * (int)(blocklen >> 3)
        // = -64, which as unsigned exceeds 256 and is clamped to it.
        raise('EVP', 'MESSAGE_DIGEST_IS_NULL');
        this.limits = { ...this.limits, strength: 256, seedlen: SIZE_MAX, minEntropyLen: 32, minNonceLen: 16 };
        this.nullSized = true;
      } else {
        this.limits = digestDrbgLimits(this.md, this.md.size);
        this.nullSized = false;
      }
    }
    return this.adoptDigest();
  }

  /** The working state follows the MAC context's digest (K and V carry over). */
  private adoptDigest(): boolean {
    const digest = this.mac?.digest ?? null;
    if (digest !== null && (this.mech === null || this.mech.algorithmName !== digest.id)) {
      const next = new HmacDrbgMechanism(digest, this.env.backend);
      adoptState(next, this.mech);
      this.mech = next;
    }
    return true;
  }

  /** drbg_fetch_algs_from_prov without `provider-name` (3.5, 4.0): a UTF-8 digest fetched
   * directly, then a fresh MAC context for it, `mac` (3.5, default "HMAC") or always HMAC
   * with the UTF-8 properties (4.0: ossl_prov_macctx_load). 'done': nothing else read;
   * 'fallback': with whatever it raised dropped; 'refused': an XOF was taken, MAC context and
   * all, and ossl_drbg_verify_digest refused it (the set fails, the DRBG cannot run). 3.5 needs
   * a digest (PROV_R_INVALID_DIGEST); 4.0 without one has nothing to do. */
  private fetchAlgsDirect(params: OSSL_PARAM[], macParam: boolean): 'done' | 'fallback' | 'refused' {
    const md = fetchDigestDirect(params, this.env);
    if (md === 'absent') return macParam ? 'fallback' : 'done';
    if (md === null) return 'fallback';
    let macName = 'HMAC';
    let macPropq: string | null = null;
    if (macParam) {
      const p = OSSL_PARAM_locate_const(params, 'mac');
      if (p !== null) {
        // OSSL_PARAM_get_utf8_string_ptr, else PROV_R_VALUE_ERROR (dropped)
        const name = p.data_type === OSSL_PARAM_UTF8_STRING && p.data !== null ? paramCString(p) : null;
        if (name === null) return 'fallback';
        macName = name;
      }
      // EVP_MAC_CTX_free(*macctx) before the fetch: a MAC that cannot be had leaves none
      this.mac = null;
    } else {
      const props = OSSL_PARAM_locate_const(params, 'properties');
      if (props !== null && props.data_type !== OSSL_PARAM_UTF8_STRING) return 'fallback';
      macPropq = utf8Properties(params);
    }
    const mark = setMark();
    const fetched = fetchMac(macName, macPropq, this.env.definition);
    popToMark(mark);
    if (fetched !== true) return 'fallback';
    if ('xof' in md) {
      this.md = null;
      this.mdName = md.xof;
      this.mac = { digest: null };
      raise('PROV', 'XOF_DIGESTS_NOT_ALLOWED');
      return 'refused';
    }
    this.md = md;
    this.mdName = md.id;
    this.mac = { digest: md };
    return 'done';
  }

  /** The full search: ossl_prov_digest_load_from_params, then the MAC context. Up to 3.6 that
   * is ossl_prov_macctx_load_from_params (`mac` names it); 4.0 makes an HMAC context for the
   * digest the call names (ossl_prov_macctx_load with "HMAC"). */
  private loadAlgs(params: OSSL_PARAM[], macParam: boolean): boolean {
    if (!macParam && OSSL_PARAM_locate_const(params, 'digest') === null) return true;
    const props = OSSL_PARAM_locate_const(params, 'properties');
    if (props !== null && props.data_type !== OSSL_PARAM_UTF8_STRING && lineBehaviour().hmacMistypedPropertiesTakeAlgs) {
      this.takeAlgsDespiteProperties(params.filter((p) => p.key !== 'properties'), props);
      return false;
    }
    const load = loadDigestFromParams(params, this.env);
    if (load.md !== undefined) this.md = load.md;
    if (load.mdName !== undefined) this.mdName = load.mdName;
    if (!load.ok) {
      // 3.5+ loads the MAC context before ossl_drbg_verify_digest refuses an XOF: the context
      // then runs with the XOF and fails every use
      if (this.md === null && this.mdName !== null && lineBehaviour().xofDigestFailsSilently) this.macTakesXof(params);
      return false;
    }
    if (this.md === null && this.mdName !== null && !lineBehaviour().xofDigestFailsSilently) {
      // 3.0 checks a held XOF before it loads any MAC context
      raise('PROV', 'XOF_DIGESTS_NOT_ALLOWED');
      return false;
    }
    if (macParam) return this.loadMac(params, load.propq);
    this.mac = { digest: this.md };
    return true;
  }

  /** 3.6 with a mistyped `properties`: the digest and the MAC the call names are taken without
   * a query, but the MAC context is not given the digest, and the set fails unsized. A fresh MAC
   * context then cannot run (instantiate fails); an older one keeps its digest while the next
   * sizing follows the new one, which randshim does not reproduce byte for byte. The 3.6 library
   * also raises CRYPTO_R_PARAM_OF_INCOMPATIBLE_TYPE (crypto/params.c). */
  private takeAlgsDespiteProperties(params: OSSL_PARAM[], props: OSSL_PARAM): void {
    // a digest that cannot be fetched changes nothing and leaves no error
    const md = fetchDigestDirect(params, this.env);
    if (md === null) return;
    if (md !== 'absent') {
      if ('xof' in md) return;
      this.md = md;
      this.mdName = md.id;
    }
    // the MAC load reads the mistyped properties (and raises on 3.6)
    mistypedString(props);
    const p = OSSL_PARAM_locate_const(params, 'mac');
    if (p !== null) {
      const name = p.data_type === OSSL_PARAM_UTF8_STRING && p.data !== null ? paramCString(p) : null;
      if (name === null) return;
      this.mac = fetchMac(name, null, this.env.definition) === true ? { digest: null } : null;
    }
  }

  /** The MAC context (a fresh one when `mac` names HMAC) given the XOF the same call named. */
  private macTakesXof(params: OSSL_PARAM[]): void {
    const p = OSSL_PARAM_locate_const(params, 'mac');
    if (p === null) {
      if (this.mac !== null) this.mac.digest = null;
      return;
    }
    const name = p.data_type === OSSL_PARAM_UTF8_STRING && p.data !== null ? paramCString(p) : null;
    if (name !== null && fetchMac(name, null, this.env.definition) === true) this.mac = { digest: null };
  }

  /** ossl_prov_macctx_load_from_params(&hmac->ctx, params, NULL, NULL, NULL, libctx). */
  private loadMac(params: OSSL_PARAM[], propq: string | null): boolean {
    let macName: string | null = null;
    let p = OSSL_PARAM_locate_const(params, 'mac');
    if (p !== null) {
      if (p.data_type !== OSSL_PARAM_UTF8_STRING) return mistypedString(p);
      // NULL data is macname NULL: no MAC is fetched, the call goes on (as libcrypto.so.3 does).
      if (p.data !== null) {
        const name = utf8Param(p);
        if (name === null) return false;
        macName = name.text;
      }
    }
    p = OSSL_PARAM_locate_const(params, 'properties');
    if (p !== null && p.data_type !== OSSL_PARAM_UTF8_STRING) return mistypedString(p);
    if (macName !== null) {
      // EVP_MAC_fetch, then a fresh EVP_MAC_CTX (or none if the fetch failed).
      const fetched = fetchMac(macName, propq, this.env.definition);
      this.mac = fetched === true ? { digest: null } : null;
      if (fetched === 'unimplemented') {
        // A MAC OpenSSL has (CMAC, KMAC...) but randshim's HMAC-DRBG cannot run with: refused.
        raise('PROV', 'MISSING_MAC');
      }
      if (this.mac === null) return false;
    }
    if (this.mac === null) return true;
    // ossl_prov_set_macctx: the same call's "digest" goes to the MAC context.
    p = OSSL_PARAM_locate_const(params, 'digest');
    if (p !== null) {
      const digestName = utf8Param(p);
      if (digestName === null) return false;
      const fetched = fetchDigest(digestName.text, propq, this.env.definition);
      if (typeof fetched !== 'object' || fetched === null || 'xof' in fetched) {
        this.mac = null;
        return false;
      }
      this.mac.digest = fetched;
    }
    return true;
  }

  /** drbg_hmac_get_ctx_params up to ossl_drbg_get_ctx_params. */
  getParams(params: OSSL_PARAM[]): boolean {
    // 4.0 has no `mac`: the key is not one it reads
    let p = lineBehaviour().hmacMacParam ? OSSL_PARAM_locate(params, 'mac') : null;
    if (p !== null && (this.mac === null || !OSSL_PARAM_set_utf8_string(p, 'HMAC'))) return false;
    p = OSSL_PARAM_locate(params, 'digest');
    if (p !== null && (this.mdName === null || !OSSL_PARAM_set_utf8_string(p, this.mdName))) return false;
    return true;
  }

  /** The mechanism to run, or null: no MAC context (PROV_R_MISSING_MAC at instantiate), or a
   * MAC context without a digest (OpenSSL fails or crashes inside EVP_MAC_init). */
  private running(instantiating: boolean): HmacDrbgMechanism | null {
    if (this.mac === null) {
      if (instantiating) raise('PROV', 'MISSING_MAC');
      return null;
    }
    return this.mac.digest === null || this.nullSized ? null : this.mech;
  }

  instantiate(entropy: Uint8Array | null, nonce: Uint8Array | null, pers: Uint8Array | null): boolean {
    return this.running(true)?.instantiate(entropy, nonce, pers) ?? false;
  }

  reseed(entropy: Uint8Array | null, adin: Uint8Array | null): boolean {
    return this.running(false)?.reseed(entropy, adin) ?? false;
  }

  generate(out: Uint8Array, adin: Uint8Array | null, generateCounter: number, adinlen?: number): boolean {
    return this.running(false)?.generate(out, adin, generateCounter, adinlen) ?? false;
  }
}
