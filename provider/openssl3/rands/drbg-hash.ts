/**
 * Hash-DRBG's type-specific half (providers/implementations/rands/drbg_hash.c, 3.0): the
 * "digest" parameter (fetched with "properties"; XOFs refused), strength and lengths from the
 * digest size, get/set_ctx_params in OpenSSL's order. Without a digest every use fails in
 * EVP_DigestInit_ex with EVP_R_NO_DIGEST_SET. The 3.5+ direct digest fetch and a held XOF's
 * silent failures are read from provider/openssl3/lines.ts.
 */
import { raise } from '../../err/queue.js';
import { digestDrbgLimits } from '../../sp800-90a/digest-limits.js';
import { HashDrbgMechanism } from '../../sp800-90a/hash-drbg.js';
import type { DrbgLimits } from '../../sp800-90a/mechanism.js';
import type { OSSL_PARAM } from '../core/param-memory.js';
import { OSSL_PARAM_locate, OSSL_PARAM_set_utf8_string } from '../core/ossl-param.js';
import type { DigestInfo } from '../../sp800-90a/primitives/algorithms.js';
import type { RandParamName } from './rand-impl.js';
import { loadDigestFromParams } from './drbg-digest-param.js';
import { fetchDigestDirect } from './drbg-digest-first.js';
import { lineBehaviour } from '../lines.js';
import { adoptState, openLimits, type DrbgVariant, type VariantEnv, MechanismHolder } from './drbg-variant.js';

/** HASH_PRNG_MAX_SEEDLEN and the small seedlen (bytes). */
const MAX_SEEDLEN = 111;
const SMALL_SEEDLEN = 55;

export class HashVariant extends MechanismHolder<HashDrbgMechanism> implements DrbgVariant {
  readonly type = 'HASH-DRBG' as const;
  /** hash->digest: the digest the parameters set (null: none, or a failed fetch). */
  private md: DigestInfo | null = null;
  /** What the "digest" getter reports (EVP_MD_get0_name of hmac/hash->digest). */
  private mdName: string | null = null;
  /** The working state, run with `md`. */
  limits: DrbgLimits = openLimits(MAX_SEEDLEN);
  readonly gettable: readonly RandParamName[] = ['digest'];
  readonly settable: readonly RandParamName[] = ['properties', 'digest'];

  constructor(private readonly env: VariantEnv) {
    super();
  }

  get algorithmName(): string | null {
    return this.mdName;
  }

  /** drbg_hash_set_ctx_params up to ossl_drbg_set_ctx_params. */
  setParams(params: OSSL_PARAM[]): boolean {
    // 3.5+: drbg_fetch_digest_from_prov first, the full search only when it fails
    const direct = lineBehaviour().hashDigestFetchedFirst ? fetchDigestDirect(params, this.env) : null;
    if (direct !== null && direct !== 'absent' && 'xof' in direct) {
      // taken, then refused by ossl_drbg_verify_digest: the DRBG keeps the XOF
      this.md = null;
      this.mdName = direct.xof;
      raise('PROV', 'XOF_DIGESTS_NOT_ALLOWED');
      return false;
    } else if (direct !== null && direct !== 'absent') {
      this.md = direct;
      this.mdName = direct.id;
    } else if (direct === null) {
      const load = loadDigestFromParams(params, this.env);
      if (load.md !== undefined) this.md = load.md;
      if (load.mdName !== undefined) this.mdName = load.mdName;
      if (!load.ok) return false;
    }
    if (this.xofHeld()) {
      // hash->digest is still the XOF: every set (and instantiate) checks it again
      raise('PROV', 'XOF_DIGESTS_NOT_ALLOWED');
      return false;
    }
    const md = this.md;
    if (md !== null) {
      // SP 800-90A 10.1 table 2: seedlen 440 bits up to 256-bit digests, else 888.
      this.limits = digestDrbgLimits(md, md.size > 32 ? MAX_SEEDLEN : SMALL_SEEDLEN);
      if (this.mech === null || this.mech.algorithmName !== md.id) {
        const next = new HashDrbgMechanism(md, this.env.backend);
        adoptState(next, this.mech);
        this.mech = next;
      }
    }
    return true;
  }

  /** A refused XOF is what hash->digest holds (its name is still reported). */
  private xofHeld(): boolean {
    return this.md === null && this.mdName !== null;
  }

  /** drbg_hash_get_ctx_params up to ossl_drbg_get_ctx_params. */
  getParams(params: OSSL_PARAM[]): boolean {
    const p = OSSL_PARAM_locate(params, 'digest');
    if (p !== null && (this.mdName === null || !OSSL_PARAM_set_utf8_string(p, this.mdName))) return false;
    return true;
  }

  /** The mechanism, or null after raising EVP_R_NO_DIGEST_SET (EVP_DigestInit_ex without a digest). */
  private running(): HashDrbgMechanism | null {
    if (this.md === null || this.mech === null) {
      // an XOF held (its name still reported) fails without an error from 3.5 on
      if (this.xofHeld() && lineBehaviour().xofDigestFailsSilently) return null;
      raise('EVP', 'NO_DIGEST_SET');
      return null;
    }
    return this.mech;
  }

  instantiate(entropy: Uint8Array | null, nonce: Uint8Array | null, pers: Uint8Array | null): boolean {
    return this.running()?.instantiate(entropy, nonce, pers) ?? false;
  }

  reseed(entropy: Uint8Array | null, adin: Uint8Array | null): boolean {
    return this.running()?.reseed(entropy, adin) ?? false;
  }

  generate(out: Uint8Array, adin: Uint8Array | null, generateCounter: number): boolean {
    return this.running()?.generate(out, adin, generateCounter) ?? false;
  }
}
