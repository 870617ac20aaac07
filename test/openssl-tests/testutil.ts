/**
 * OpenSSL's test framework (test/testutil.h: TEST_true, TEST_int_eq, TEST_mem_eq, ...) over
 * chai, so that a ported test reads like its C. Deliberate difference: OpenSSL's macros print
 * and return 0, and the test decides whether to go on (`goto err`, `failures++`); these throw
 * (chai's AssertionError), so the first failed assertion ends the test case. Either way the
 * case fails; only the number of failure messages differs.
 */
import { expect } from 'chai';
import { toHex } from '../../provider/bytes.js';

/** TEST_true(v): v != 0. */
export function TEST_true(v: number | boolean, what: string): true {
  expect(Number(v), `TEST_true(${what})`).to.not.equal(0);
  return true;
}

/** TEST_false(v): v == 0. */
export function TEST_false(v: number | boolean, what: string): true {
  expect(Number(v), `TEST_false(${what})`).to.equal(0);
  return true;
}

/** TEST_ptr(p): p != NULL; returns p. */
export function TEST_ptr<T>(p: T | null | undefined, what: string): T {
  expect(p, `TEST_ptr(${what})`).to.not.equal(null);
  expect(p, `TEST_ptr(${what})`).to.not.equal(undefined);
  return p as T;
}

/** TEST_ptr_eq(a, b): the same object. */
export function TEST_ptr_eq(a: unknown, b: unknown, what: string): true {
  expect(a === b, `TEST_ptr_eq(${what})`).to.equal(true);
  return true;
}

/** TEST_ptr_ne(a, b): different objects. */
export function TEST_ptr_ne(a: unknown, b: unknown, what: string): true {
  expect(a !== b, `TEST_ptr_ne(${what})`).to.equal(true);
  return true;
}

/** TEST_int_eq / TEST_uint_eq. */
export function TEST_int_eq(a: number, b: number, what: string): true {
  expect(a, `TEST_int_eq(${what})`).to.equal(b);
  return true;
}

/** TEST_int_ne. */
export function TEST_int_ne(a: number, b: number, what: string): true {
  expect(a, `TEST_int_ne(${what})`).to.not.equal(b);
  return true;
}

/** TEST_int_le / TEST_time_t_le: a <= b. */
export function TEST_int_le(a: number, b: number, what: string): true {
  expect(a, `TEST_le(${what})`).to.be.at.most(b);
  return true;
}

/** TEST_int_ge / TEST_uint_ge / TEST_time_t_ge: a >= b. */
export function TEST_int_ge(a: number, b: number, what: string): true {
  expect(a, `TEST_ge(${what})`).to.be.at.least(b);
  return true;
}

/** TEST_int_gt: a > b. */
export function TEST_int_gt(a: number, b: number, what: string): true {
  expect(a, `TEST_int_gt(${what})`).to.be.above(b);
  return true;
}

/** TEST_mem_eq(a, alen, b, blen): same length, same bytes (compared as hex for a readable
 * failure). */
export function TEST_mem_eq(a: Uint8Array, alen: number, b: Uint8Array, blen: number, what: string): true {
  expect(alen, `TEST_mem_eq(${what}): lengths`).to.equal(blen);
  expect(toHex(b.subarray(0, blen)), `TEST_mem_eq(${what})`).to.equal(toHex(a.subarray(0, alen)));
  return true;
}

/** TEST_mem_ne(a, alen, b, blen): different lengths or different bytes. */
export function TEST_mem_ne(a: Uint8Array, alen: number, b: Uint8Array, blen: number, what: string): true {
  const same = alen === blen && toHex(a.subarray(0, alen)) === toHex(b.subarray(0, blen));
  expect(same, `TEST_mem_ne(${what})`).to.equal(false);
  return true;
}

/** time(NULL). */
export function time(): number {
  return Math.floor(Date.now() / 1000);
}
