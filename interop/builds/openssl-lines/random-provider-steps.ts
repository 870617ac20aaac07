/**
 * The random provider sequences of 3.5+ (crypto/rand/rand_lib.c: RAND_bytes_ex,
 * RAND_priv_bytes_ex, RAND_set1_random_provider, random_conf_init, RAND_set0_public /
 * RAND_set0_private; crypto/evp/evp_rand.c: EVP_RAND_CTX_up_ref), written once against
 * {@link RandomProviderApi} and run on a line's real library (./random-provider-libcrypto.ts, in
 * the line's child) and on randshim's personality of that line
 * (./random-provider-randshim.ts). Each step records the return code, the bytes when they are
 * deterministic (a TEST-RAND's entropy) or only whether they came (OS-seeded), and the decoded
 * error queue, so the two runs compare step by step.
 */
import { toHex } from '../../../provider/bytes.js';
import type { ReportedError } from '../../suites/differential/driver.js';

/** How a sequence's library context starts. `none`: nothing loaded (the default provider comes
 * by fallback); `fips`: the line's FIPS provider (and base, on the real side) loaded;
 * `config`: FIPS, base and default loaded, then `[random] random_provider = NAME`. */
export type RandomProviderSetup =
  | { readonly kind: 'none' }
  | { readonly kind: 'fips' }
  | { readonly kind: 'config'; readonly randomProvider: string };

/** A handle to an EVP_RAND_CTX the sequence made (an index on either side). */
export type CtxHandle = number;

/** The calls a sequence makes; every method leaves its errors on the queue for errors(). */
export interface RandomProviderApi {
  /** A fresh library context set up as asked; the setup's return code (1 on success). */
  fresh(setup: RandomProviderSetup): number;
  /** RAND_bytes_ex (priv false) or RAND_priv_bytes_ex (true) of `out.length` bytes, strength 0. */
  bytes(priv: boolean, out: Uint8Array): number;
  /** OSSL_PROVIDER_load(ctx, "fips") once more (an activation: the random provider hook runs). */
  loadFipsAgain(): number;
  /** RAND_set1_random_provider(ctx, OSSL_PROVIDER_load(ctx, name)), or (ctx, NULL). */
  setRandomProvider(name: 'default' | 'fips' | null): number;
  /** TEST-RAND fetched, created without parent, strength 256, `test_entropy` = entropy,
   * instantiated: the handle, or null if any step failed. */
  newTestRand(entropy: Uint8Array): CtxHandle | null;
  /** RAND_set0_public (priv false) or RAND_set0_private (true) of the handle (null: NULL). */
  set0(priv: boolean, ctx: CtxHandle | null): number;
  /** RAND_get0_public / RAND_get0_private(ctx) == the handle's context: 1 or 0. */
  get0Is(priv: boolean, ctx: CtxHandle): number;
  /** RAND_get0_public / RAND_get0_private(ctx) != NULL: 1 or 0. */
  get0Exists(priv: boolean): number;
  /** EVP_RAND_CTX_up_ref. */
  upRef(ctx: CtxHandle): number;
  /** EVP_RAND_CTX_free (returns nothing: 1 recorded). */
  free(ctx: CtxHandle): void;
  /** EVP_RAND_get_state. */
  state(ctx: CtxHandle): number;
  /** The error queue, emptied, oldest first. */
  errors(): ReportedError[];
  /** Frees the library context (and what it owns). */
  close(): void;
}

export interface RandomProviderStep {
  readonly call: string;
  readonly ret: number | null;
  readonly out?: string;
  readonly errors: readonly ReportedError[];
}

export interface RandomProviderRun {
  readonly name: string;
  readonly steps: readonly RandomProviderStep[];
}

/** 48 bytes a TEST-RAND hands out in order: 0x00, 0x01, ... */
const ENTROPY = Uint8Array.from({ length: 48 }, (_, i) => i);

const both = [false, true] as const;
/** RAND_set0_/RAND_get0_'s suffix. */
const fn = (priv: boolean): string => (priv ? 'priv' : 'public');

class Recorder {
  readonly steps: RandomProviderStep[] = [];
  constructor(private readonly api: RandomProviderApi) {}

  step(call: string, ret: number | null, out?: string): number | null {
    this.steps.push({ call, ret, ...(out === undefined ? {} : { out }), errors: this.api.errors() });
    return ret;
  }

  /** RAND_(priv_)bytes_ex of 16: the bytes as hex when they are the TEST-RAND's, else only
   * that 16 OS-seeded bytes came. */
  bytes(priv: boolean, label: string): void {
    const out = new Uint8Array(16);
    const ret = this.api.bytes(priv, out);
    const hex = toHex(out);
    const fromTestRand = toHex(ENTROPY).includes(hex) && hex !== '00'.repeat(16);
    const shown = ret === 1 ? (fromTestRand ? hex : '16 random bytes') : undefined;
    this.step(`${priv ? 'RAND_priv_bytes_ex' : 'RAND_bytes_ex'} 16 ${label}`, ret, shown);
  }

  /** RAND_set1_random_provider(name), then 16 bytes labelled with who should answer now. */
  switchTo(name: 'default' | 'fips' | null, priv: boolean, label: string): void {
    this.step(`RAND_set1_random_provider ${name ?? 'NULL'}`, this.api.setRandomProvider(name));
    this.bytes(priv, label);
  }

  /** A TEST-RAND handing out {@link ENTROPY}, made RAND_set0_public / _private's DRBG and checked
   * to be what RAND_get0_* returns; null (after recording the failure) when it could not be made. */
  installTestRand(priv: boolean): CtxHandle | null {
    const t = this.api.newTestRand(ENTROPY);
    this.step('TEST-RAND with 48 bytes of test_entropy', t === null ? 0 : 1);
    if (t === null) return null;
    this.step(`RAND_set0_${fn(priv)} TEST-RAND`, this.api.set0(priv, t));
    this.step(`RAND_get0_${fn(priv)} is the TEST-RAND`, this.api.get0Is(priv, t));
    return t;
  }
}

type Sequence = (api: RandomProviderApi, r: Recorder) => void;

/** A fresh context set up as `setup`, then for the public and the private DRBG: 16 bytes from
 * whoever answers first, then each RAND_set1_random_provider switch with who answers after it. */
function switching(setup: RandomProviderSetup, fresh: string, first: string,
  switches: readonly (readonly [name: 'default' | 'fips' | null, answers: string])[]): Sequence {
  return (api, r) => {
    r.step(fresh, api.fresh(setup));
    for (const priv of both) {
      r.bytes(priv, first);
      for (const [name, answers] of switches) r.switchTo(name, priv, answers);
    }
  };
}

/** The sequences, by name. */
export const RANDOM_PROVIDER_SEQUENCES: readonly (readonly [string, Sequence])[] = [
  ['fips not loaded: the chain answers; set1(default) stops it; NULL restores it',
    switching({ kind: 'none' }, 'fresh (nothing loaded)', '(chain)',
      [['default', '(random provider default)'], [null, '(chain again)']])],
  ['fips loaded: the fips random provider answers; default, NULL, fips again',
    switching({ kind: 'fips' }, 'fresh (fips loaded)', '(random provider fips)',
      [['default', '(random provider default)'], [null, '(chain)'], ['fips', '(random provider fips again)']])],
  ['fips loaded: RAND_bytes bypasses a RAND_set0_public TEST-RAND until set1(NULL)', (api, r) => {
    r.step('fresh (fips loaded)', api.fresh({ kind: 'fips' }));
    for (const priv of both) {
      if (r.installTestRand(priv) === null) continue;
      r.bytes(priv, '(random provider fips, not the TEST-RAND)');
      r.switchTo(null, priv, '(the TEST-RAND)');
      r.step('RAND_set1_random_provider fips', api.setRandomProvider('fips'));
    }
  }],
  ...['default', 'nosuchprov', 'fips', 'DEFAULT'].map((name): readonly [string, Sequence] => [
    `[random] random_provider = ${name} (fips, base, default loaded first)`, (api, r) => {
      r.step(`fresh (config random_provider = ${name})`, api.fresh({ kind: 'config', randomProvider: name }));
      // a TEST-RAND under each: its bytes show the chain answered, OS-seeded ones a provider
      for (const priv of both) {
        const t = api.newTestRand(ENTROPY);
        r.step(`RAND_set0_${fn(priv)} TEST-RAND`, t === null ? 0 : api.set0(priv, t));
      }
      for (const priv of both) r.bytes(priv, `(after random_provider = ${name})`);
      r.step('OSSL_PROVIDER_load fips again', api.loadFipsAgain());
      for (const priv of both) r.bytes(priv, '(after fips activated again)');
      r.step('RAND_set1_random_provider NULL', api.setRandomProvider(null));
      for (const priv of both) r.bytes(priv, '(the chain: TEST-RAND)');
    }]),
  ['RAND_set0_public / _private: a TEST-RAND replaces the chain DRBG; set1(default) bypasses it', (api, r) => {
    r.step('fresh (nothing loaded)', api.fresh({ kind: 'none' }));
    for (const priv of both) {
      r.step(`RAND_get0_${fn(priv)} exists`, api.get0Exists(priv));
      if (r.installTestRand(priv) === null) continue;
      r.bytes(priv, '(TEST-RAND)');
      r.switchTo('default', priv, '(random provider default)');
      r.switchTo(null, priv, '(TEST-RAND again)');
      r.step(`RAND_set0_${fn(priv)} NULL`, api.set0(priv, null));
      r.step(`RAND_get0_${fn(priv)} exists (a new chain DRBG)`, api.get0Exists(priv));
      r.bytes(priv, '(new chain DRBG)');
    }
  }],
  ['EVP_RAND_CTX_up_ref: a context survives one free and RAND_set0_public replacing it', (api, r) => {
    r.step('fresh (nothing loaded)', api.fresh({ kind: 'none' }));
    const a = api.newTestRand(ENTROPY);
    const b = api.newTestRand(ENTROPY);
    r.step('two TEST-RANDs', a !== null && b !== null ? 1 : 0);
    if (a === null || b === null) return;
    r.step('EVP_RAND_CTX_up_ref A', api.upRef(a));
    r.step('EVP_RAND_CTX_up_ref A', api.upRef(a));
    api.free(a);
    r.step('EVP_RAND_CTX_free A', 1);
    r.step('EVP_RAND_get_state A', api.state(a));
    r.step('RAND_set0_public A', api.set0(false, a));
    r.bytes(false, '(A)');
    r.step('RAND_set0_public B (frees one reference of A)', api.set0(false, b));
    r.step('EVP_RAND_get_state A', api.state(a));
    r.step('RAND_get0_public is B', api.get0Is(false, b));
    r.bytes(false, '(B)');
    api.free(a);
    r.step('EVP_RAND_CTX_free A (the last reference)', 1);
  }],
];

/** Runs every sequence on `api`, each in its own fresh library context. */
export function runRandomProviderSequences(api: RandomProviderApi): RandomProviderRun[] {
  return RANDOM_PROVIDER_SEQUENCES.map(([name, sequence]) => {
    const r = new Recorder(api);
    try {
      sequence(api, r);
    } finally {
      api.close();
    }
    return { name, steps: r.steps };
  });
}
