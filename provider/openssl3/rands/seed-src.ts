/**
 * SEED-SRC (OpenSSL 3 providers/implementations/rands/seed_src.c): the stateless OS entropy
 * source at the root of the 3.x default chain. Strength 1024, max_request 128; it refuses to
 * have a parent; get_seed returns max(ceil(entropy / 8), min_len) fresh OS bytes or fails when
 * that exceeds max_len.
 */
import { raise } from '../../err/queue.js';
import type { OSSL_PARAM } from '../core/param-memory.js';
import { OSSL_PARAM_locate, OSSL_PARAM_set_int, OSSL_PARAM_set_size_t } from '../core/ossl-param.js';
import { paramDescriptors } from '../core/rand-params.js';
import { RandBase } from './rand-base.js';
import { RandState, type RandImpl } from './rand-impl.js';
import { osEntropy, type EntropyPoll } from '../../rand-pool/os-pool.js';
import { lineBehaviour } from '../lines.js';
import { paramsDecoded, tableKeys } from '../core/param-decoder.js';

/** ossl_rand_pool_adin_mix_in (3.5+): pool[i % len] ^= adin[i] for every adin byte. */
function mixInAdin(pool: Uint8Array, adin: Uint8Array | null): void {
  if (adin === null || pool.length === 0 || !lineBehaviour().seedSrcMixesAdin) return;
  for (let i = 0; i < adin.length; i++) pool[i % pool.length] ^= adin[i];
}

export class SeedSrc extends RandBase implements RandImpl {
  readonly algorithm = 'SEED-SRC';
  private state: RandState = RandState.UNINITIALISED;
  private readonly poll: EntropyPoll;

  /** `poll` replaces the OS (tests pin entropy through it). */
  constructor(poll: EntropyPoll = osEntropy) {
    super();
    this.poll = poll;
  }

  instantiate(): boolean {
    this.state = RandState.READY;
    return true;
  }

  uninstantiate(): boolean {
    this.state = RandState.UNINITIALISED;
    return true;
  }

  private requireReady(): boolean {
    if (this.state === RandState.READY) return true;
    raise('PROV', this.state === RandState.ERROR ? 'IN_ERROR_STATE' : 'NOT_INSTANTIATED');
    return false;
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
    let needed = entropy >= 0 ? Math.ceil(entropy / 8) : 0;
    if (needed < minLen) needed = minLen;
    if (needed > maxLen) {
      raise('PROV', 'ENTROPY_SOURCE_STRENGTH_TOO_WEAK');
      return null;
    }
    if (needed === 0) {
      // 3.0: OPENSSL_secure_malloc(0) returns NULL; 3.5+: an empty pool is too weak
      raise('PROV', lineBehaviour().zeroSeedIsTooWeak ? 'ENTROPY_SOURCE_STRENGTH_TOO_WEAK' : 'MALLOC_FAILURE');
      return null;
    }
    const seed = new Uint8Array(needed);
    // 3.0 seed_get_seed calls seed_src_generate (state checked); 3.5's polls its own pool
    const ok = lineBehaviour().seedSrcGetSeedStateless ? this.pull(seed, 0, adin) : this.generate(seed, 0, pr, adin);
    return ok ? seed : null;
  }

  clearSeed(seed: Uint8Array): void {
    seed.fill(0);
  }

  enableLocking(): boolean {
    return true;
  }

  lock(): boolean {
    return true;
  }

  unlock(): void {}

  verifyZeroization(): boolean {
    return true;
  }

  /** seed_src_get_ctx_params: state, strength 1024 (OSSL_PARAM_set_int), max_request 128.
   * SEED-SRC has no set_ctx_params and no settable_ctx_params. */
  getCtxParamArray(params: OSSL_PARAM[]): boolean {
    // 3.6+: seed_src_get_ctx_params_decoder refuses a repeated key first
    if (!paramsDecoded(params, tableKeys(this.gettableCtxParamArray()))) return false;
    let p = OSSL_PARAM_locate(params, 'state');
    if (p !== null && !OSSL_PARAM_set_int(p, this.state)) return false;
    p = OSSL_PARAM_locate(params, 'strength');
    if (p !== null && !OSSL_PARAM_set_int(p, 1024)) return false;
    p = OSSL_PARAM_locate(params, 'max_request');
    if (p !== null && !OSSL_PARAM_set_size_t(p, 128)) return false;
    return true;
  }

  gettableCtxParamArray(): OSSL_PARAM[] {
    return paramDescriptors(['state', 'strength', 'max_request']);
  }

  settableCtxParamArray(): null {
    return null;
  }

  free(): void {}
}
