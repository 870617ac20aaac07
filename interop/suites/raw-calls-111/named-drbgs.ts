/**
 * The DRBGs one run of raw calls (./calls.ts) has named, kept alike on both sides: a real
 * libcrypto's RAND_DRBG pointers (./run-libcrypto.ts) and randshim's RAND_DRBG objects
 * (./run-randshim.ts). A call names the DRBG it works on (`drbg`) or the one it binds (`bind`);
 * traced callbacks name the DRBG they were called for by what the side knows it by (`K`: an
 * address, or the object itself).
 */
import type { Name, RawCall } from './calls.js';

export class NamedDrbgs<D, K> {
  private readonly byName = new Map<Name, D>();
  /** Bound to a DRBG this run made (RAND_DRBG_new): freed when the run ends. */
  private readonly created = new Set<Name>();

  constructor(private readonly keyOf: (d: D) => K) {}

  /** The DRBG `call` names; throws when no call has bound that name. */
  get(call: RawCall, name: Name): D {
    const d = this.byName.get(name);
    if (d === undefined) throw new Error(`${call.fn}: no DRBG named ${name}`);
    return d;
  }

  /** Binds `name` to what a call returned; false for NULL (nothing bound). `owned`: this run
   * made it, so frees it at its end. */
  bind(name: Name, d: D | null, owned: boolean): d is D {
    if (d === null) return false;
    this.byName.set(name, d);
    if (owned) this.created.add(name);
    return true;
  }

  /** RAND_DRBG_free(name) was called: the name is unbound. */
  forget(name: Name): void {
    this.byName.delete(name);
    this.created.delete(name);
  }

  /** The DRBG whose state is reported after `call`: the one it works on or binds, unless freed. */
  target(call: RawCall): D | undefined {
    if (call.fn === 'RAND_DRBG_free') return undefined;
    return 'drbg' in call ? this.byName.get(call.drbg) : 'bind' in call ? this.byName.get(call.bind) : undefined;
  }

  /** Runs `op` (one call) and returns its result with every name bound before or after it, by
   * key: a DRBG the call frees keeps its name in the call's traces. */
  namedAround<T>(op: () => T): { result: T; names: Map<K, Name> } {
    const names = new Map<K, Name>();
    for (const [n, d] of this.byName) names.set(this.keyOf(d), n);
    const result = op();
    for (const [n, d] of this.byName) names.set(this.keyOf(d), n);
    return { result, names };
  }

  /** Calls `free` on each DRBG this run made and did not free. */
  freeCreated(free: (d: D) => void): void {
    for (const name of this.created) {
      const d = this.byName.get(name);
      if (d !== undefined) free(d);
    }
  }
}
