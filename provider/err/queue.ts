/**
 * The error queue, and the provider's exception for what a call raised onto it.
 *
 * OpenSSL keeps a per-thread queue of packed (library, reason) codes that ERR_raise pushes onto.
 * The DRBG cores here do the same: they push {@link RaisedError}s onto the queue of the current
 * JavaScript realm (a worker thread has its own module instance, hence its own queue, like
 * OpenSSL's thread-local queue). compat/ reads that queue through ERR_get_error and friends;
 * the idiomatic provider API instead takes what a call raised off the queue and throws it as a
 * {@link DrbgError}.
 */

import { RandshimError } from '../exceptions.js';

/** The OpenSSL libraries whose reasons the DRBG layer raises. */
export type ErrLib = 'RAND' | 'PROV' | 'EVP' | 'CRYPTO';

/** One raised error: the library, the reason macro's suffix (e.g. `REQUEST_TOO_LARGE_FOR_DRBG`)
 * and, for OpenSSL 1.1.1 which packs function codes, the function macro's suffix. */
export interface RaisedError {
  readonly lib: ErrLib;
  readonly reason: string;
  readonly func?: string;
}

const queue: RaisedError[] = [];
/** Sequence number of every queued entry: what one call raised can be found even after the
 * queue dropped its oldest entries or the call consumed some (ERR_get_error). */
const sequence = new WeakMap<RaisedError, number>();
let raisedTotal = 0;

/** ERR_raise: pushes an error onto the current realm's queue. OpenSSL's queue is a ring of
 * ERR_NUM_ERRORS (16) slots whose top never meets its bottom (err_get_slot), so it keeps the
 * newest 15 entries, dropping the oldest; so do we. */
export function raise(lib: ErrLib, reason: string, func?: string): void {
  const entry: RaisedError = func === undefined ? { lib, reason } : { lib, reason, func };
  sequence.set(entry, ++raisedTotal);
  queue.push(entry);
  if (queue.length > ERR_NUM_ERRORS - 1) queue.shift();
}

/** OpenSSL's ERR_NUM_ERRORS: the depth of the per-thread queue. */
export const ERR_NUM_ERRORS = 16;

/** The live queue, oldest first. compat/ consumes it; nothing else should mutate it. */
export function errorQueue(): RaisedError[] {
  return queue;
}

/** Thrown by the provider API when an operation fails. `errors` lists what OpenSSL would have
 * pushed onto its error queue, oldest first; `reason` is the last (outermost) one. */
export class DrbgError extends RandshimError {
  readonly errors: readonly RaisedError[];
  readonly lib: ErrLib;

  constructor(errors: readonly RaisedError[], message?: string) {
    const last = errors[errors.length - 1] ?? { lib: 'PROV' as const, reason: 'UNSPECIFIED' };
    super(last.reason, message ?? `${last.lib}: ${last.reason.toLowerCase().replace(/_/g, ' ')}` +
      (errors.length > 1 ? ` (after ${errors.slice(0, -1).map((e) => e.reason).join(', ')})` : ''));
    this.errors = errors;
    this.lib = last.lib;
  }
}

/**
 * Runs an OpenSSL-semantics operation (returning 1/0 and raising onto the queue) and converts
 * it into the provider's exception style: throws a {@link DrbgError} carrying what the call
 * raised if it returned 0 or raised anything, otherwise returns normally. What the call raised
 * is removed from the queue either way.
 */
export function throwOnFailure(op: () => number | boolean): void {
  const { result: ok, raised } = captureErrors(op);
  if (!ok || raised.length > 0) {
    throw new DrbgError(raised.length > 0 ? raised : [{ lib: 'PROV', reason: 'UNSPECIFIED' }]);
  }
}

/** ERR_set_mark: a mark for {@link popToMark}. */
export function setMark(): number {
  return raisedTotal;
}

/** ERR_pop_to_mark: removes (and returns, oldest first) every entry raised after `mark` that is
 * still queued. */
export function popToMark(mark: number): RaisedError[] {
  const popped: RaisedError[] = [];
  for (let i = queue.length - 1; i >= 0 && (sequence.get(queue[i]) ?? 0) > mark; i--) popped.unshift(queue.pop() as RaisedError);
  return popped;
}

/** Runs `op` and takes what it raised (and left queued) off the queue. */
export function captureErrors<T>(op: () => T): { result: T; raised: RaisedError[] } {
  const mark = setMark();
  const result = op();
  return { result, raised: popToMark(mark) };
}
