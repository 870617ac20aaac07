/**
 * Handles (`RAND_DRBG *`, `EVP_RAND_CTX *`): after its free a handle is dangling in C (a use
 * is undefined behaviour); randshim remembers freed handles and refuses them, as it refuses a
 * value that is not a handle of the expected kind.
 */
const freed = new WeakSet<object>();

/** Marks a handle freed: every later use is refused. */
export function markFreed(handle: object): void {
  freed.add(handle);
}

/** Whether `handle` was freed. */
export function isFreed(handle: object): boolean {
  return freed.has(handle);
}

/** `v` when it is a live handle of class `kind`, null for NULL, undefined for anything else
 * (a freed handle, another object, a number...). */
export function cHandle<T extends object>(v: unknown, kind: { readonly prototype: T }): T | null | undefined {
  if (v === null) return null;
  if (typeof v !== 'object' || !Object.prototype.isPrototypeOf.call(kind.prototype, v) || freed.has(v)) return undefined;
  return v as T;
}
