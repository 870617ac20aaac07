/**
 * SEED-SRC (OpenSSL 3 providers/implementations/rands/seed_src.c): the stateless OS entropy
 * source at the root of the 3.x default chain. Strength 1024, max_request 128; it refuses to
 * have a parent; get_seed returns max(ceil(entropy / 8), min_len) fresh OS bytes or fails when
 * that exceeds max_len.
 */
import type { OSSL_PARAM } from '../core/param-memory.js';
import type { RandImpl } from './rand-impl.js';
import { getSourceCtxParams, seedBuffer, SeedSource } from './seed-source.js';
import { osEntropy, type EntropyPoll } from '../../rand-pool/os-pool.js';
import { lineBehaviour } from '../lines.js';
import { paramsDecoded, tableKeys } from '../core/param-decoder.js';

/** ossl_rand_pool_adin_mix_in (3.5+): pool[i % len] ^= adin[i] for every adin byte. */
function mixInAdin(pool: Uint8Array, adin: Uint8Array | null): void {
  if (adin === null || pool.length === 0 || !lineBehaviour().seedSrcMixesAdin) return;
  for (let i = 0; i < adin.length; i++) pool[i % pool.length] ^= adin[i];
}

export class SeedSrc extends SeedSource implements RandImpl {
  readonly algorithm = 'SEED-SRC';
  private readonly poll: EntropyPoll;

  /** `poll` replaces the OS (tests pin entropy through it). */
  constructor(poll: EntropyPoll = osEntropy) {
    super();
    this.poll = poll;
  }

  generate(out: Uint8Array, strength: number, pr = false, adin: Uint8Array | null = null): boolean {
    if (!this.requireReady()) return false;
    void pr;
    return this.pull(out, strength, adin);
  }

  /** ossl_rand_pool_new(strength, 1, outlen, outlen) then acquire entropy (and, 3.5+, mix
   * the additional input in). */
  private pull(out: Uint8Array, strength: number, adin: Uint8Array | null): boolean {
    const got = this.poll(strength, out.length, out.length);
    if (got === null || got.length === 0) return false;
    mixInAdin(got, adin);
    out.set(got.subarray(0, out.length));
    got.fill(0);
    return true;
  }

  reseed(): boolean {
    return this.requireReady();
  }

  getSeed(entropy: number, minLen: number, maxLen: number, pr: boolean, adin: Uint8Array): Uint8Array | null {
    // 3.0: OPENSSL_secure_malloc(0) returns NULL; 3.5+: an empty pool is too weak
    const zeroLengthReason = lineBehaviour().zeroSeedIsTooWeak ? 'ENTROPY_SOURCE_STRENGTH_TOO_WEAK' : 'MALLOC_FAILURE';
    const seed = seedBuffer(entropy, minLen, maxLen, zeroLengthReason);
    if (seed === null) return null;
    // 3.0 seed_get_seed calls seed_src_generate (state checked); 3.5's polls its own pool
    const ok = lineBehaviour().seedSrcGetSeedStateless ? this.pull(seed, 0, adin) : this.generate(seed, 0, pr, adin);
    return ok ? seed : null;
  }

  /** seed_src_get_ctx_params: state, strength 1024 (OSSL_PARAM_set_int), max_request 128.
   * SEED-SRC has no set_ctx_params and no settable_ctx_params. */
  getCtxParamArray(params: OSSL_PARAM[]): boolean {
    // 3.6+: seed_src_get_ctx_params_decoder refuses a repeated key first
    if (!paramsDecoded(params, tableKeys(this.gettableCtxParamArray()))) return false;
    return getSourceCtxParams(params, { state: this.state, strength: 1024, maxRequest: 128 });
  }
}
