/**
 * The RAND parameters of OpenSSL 3.0 (include/openssl/core_names.h, EVP_RAND(3)) with
 * their C types, and the bridge between the provider's plain-object parameters
 * ({@link RandParams}) and OSSL_PARAM arrays, so that every implementation has one
 * get_ctx_params / set_ctx_params written against OSSL_PARAM the way OpenSSL's is.
 */
import { OSSL_PARAM_INTEGER, OSSL_PARAM_OCTET_STRING, OSSL_PARAM_UNSIGNED_INTEGER, OSSL_PARAM_UTF8_STRING, type OSSL_PARAM } from './param-memory.js';
import {
  OSSL_PARAM_construct_end, OSSL_PARAM_construct_int, OSSL_PARAM_construct_octet_string, OSSL_PARAM_construct_size_t,
  OSSL_PARAM_construct_time_t, OSSL_PARAM_construct_uint, OSSL_PARAM_construct_utf8_string, OSSL_PARAM_DEFN,
  OSSL_PARAM_modified, paramCString,
} from './ossl-param.js';

/** The parameters of OpenSSL 3's core_names.h that RAND implementations report or accept
 * (OSSL_RAND_PARAM_* and OSSL_DRBG_PARAM_*). Absent keys are not reported / not set. */
export interface RandParams {
  state?: number;
  strength?: number;
  max_request?: number;
  min_entropylen?: number;
  max_entropylen?: number;
  min_noncelen?: number;
  max_noncelen?: number;
  max_perslen?: number;
  max_adinlen?: number;
  reseed_counter?: number;
  reseed_time?: number;
  reseed_requests?: number;
  reseed_time_interval?: number;
  cipher?: string;
  digest?: string;
  mac?: string;
  properties?: string;
  use_derivation_function?: number;
  test_entropy?: Uint8Array;
  test_nonce?: Uint8Array;
  /** TEST-RAND's xorshift mode switch (3.5+, test_rng.c OSSL_RAND_PARAM_GENERATE). */
  generate?: number;
  /** OSSL_PROV_PARAM_CORE_PROV_NAME: the DRBGs' settable "provider-name" (3.6+). */
  'provider-name'?: string;
}

export type RandParamName = keyof RandParams;

/** The C types parameters travel as. */
export type ParamCType = 'int' | 'uint' | 'size_t' | 'time_t' | 'uint64' | 'utf8' | 'octets';

/**
 * The types the implementations' known_gettable_ctx_params / known_settable_ctx_params
 * declare (drbg_local.h OSSL_PARAM_DRBG_*_CTX_COMMON, drbg_ctr.c, test_rng.c, seed_src.c).
 * Note what the declarations do not say: strength is written with OSSL_PARAM_set_int, and
 * reseed_time_interval (declared uint64) is read and written as time_t.
 */
export const DECLARED_PARAM_TYPES: Readonly<Record<RandParamName, ParamCType>> = {
  state: 'int',
  strength: 'uint',
  max_request: 'size_t',
  min_entropylen: 'size_t',
  max_entropylen: 'size_t',
  min_noncelen: 'size_t',
  max_noncelen: 'size_t',
  max_perslen: 'size_t',
  max_adinlen: 'size_t',
  reseed_counter: 'uint',
  reseed_time: 'time_t',
  reseed_requests: 'uint',
  reseed_time_interval: 'uint64',
  cipher: 'utf8',
  digest: 'utf8',
  mac: 'utf8',
  properties: 'utf8',
  use_derivation_function: 'int',
  test_entropy: 'octets',
  test_nonce: 'octets',
  generate: 'uint',
  'provider-name': 'utf8',
};

/**
 * The types OpenSSL's own callers use when they build a parameter (get_parent_strength and
 * EVP_RAND_get_strength: uint; EVP_RAND_generate's max_request: size_t; EVP_RAND_get_state:
 * int; get_parent_reseed_count: uint), and for the rest the type the implementations convert
 * to. The plain-object API goes through these.
 */
const NATURAL_PARAM_TYPES: Readonly<Record<RandParamName, ParamCType>> = {
  ...DECLARED_PARAM_TYPES,
  reseed_time_interval: 'time_t',
};

/** A descriptor entry (data NULL, size 0) as in a known_*_ctx_params table. */
export function paramDescriptor(name: RandParamName): OSSL_PARAM {
  switch (DECLARED_PARAM_TYPES[name]) {
    case 'int': return OSSL_PARAM_DEFN(name, OSSL_PARAM_INTEGER, null, 4);
    case 'uint': return OSSL_PARAM_DEFN(name, OSSL_PARAM_UNSIGNED_INTEGER, null, 4);
    case 'size_t':
    case 'uint64': return OSSL_PARAM_DEFN(name, OSSL_PARAM_UNSIGNED_INTEGER, null, 8);
    case 'time_t': return OSSL_PARAM_DEFN(name, OSSL_PARAM_INTEGER, null, 8);
    case 'utf8': return OSSL_PARAM_DEFN(name, OSSL_PARAM_UTF8_STRING, null, 0);
    default: return OSSL_PARAM_DEFN(name, OSSL_PARAM_OCTET_STRING, null, 0);
  }
}

/** A terminated descriptor table for `names`. */
export function paramDescriptors(names: readonly RandParamName[]): OSSL_PARAM[] {
  return [...names.map(paramDescriptor), OSSL_PARAM_construct_end()];
}

/** Room for a string read back through the object API. */
const STRING_ROOM = 256;

function paramFor(name: RandParamName, value: number | string | Uint8Array | undefined): OSSL_PARAM {
  switch (NATURAL_PARAM_TYPES[name]) {
    case 'int': return OSSL_PARAM_construct_int(name, { value: (value as number | undefined) ?? 0 });
    case 'uint': return OSSL_PARAM_construct_uint(name, { value: (value as number | undefined) ?? 0 });
    case 'size_t':
    case 'uint64': return OSSL_PARAM_construct_size_t(name, { value: (value as number | undefined) ?? 0 });
    case 'time_t': return OSSL_PARAM_construct_time_t(name, { value: (value as number | undefined) ?? 0 });
    case 'utf8':
      return value === undefined
        ? OSSL_PARAM_construct_utf8_string(name, new Uint8Array(STRING_ROOM), STRING_ROOM)
        : OSSL_PARAM_construct_utf8_string(name, value as string, 0);
    default: {
      const bytes = (value as Uint8Array | undefined) ?? new Uint8Array(0);
      return OSSL_PARAM_construct_octet_string(name, bytes, bytes.length);
    }
  }
}

/** The OSSL_PARAM array a set_ctx_params receives for `params` (keys in object order). */
export function paramsToArray(params: RandParams): OSSL_PARAM[] {
  const out: OSSL_PARAM[] = [];
  for (const [name, value] of Object.entries(params) as [RandParamName, RandParams[RandParamName]][]) {
    if (value !== undefined) out.push(paramFor(name, value));
  }
  out.push(OSSL_PARAM_construct_end());
  return out;
}

/**
 * get_ctx_params through an array: asks for `wanted` (each with its natural type) and, when the
 * implementation succeeds, copies into `into` every value it wrote (a parameter it does not
 * know stays absent). Returns what the implementation returned.
 */
export function getThroughArray(get: (params: OSSL_PARAM[]) => boolean, wanted: readonly RandParamName[],
  into: RandParams): boolean {
  const params = wanted.map((name) => paramFor(name, undefined));
  params.push(OSSL_PARAM_construct_end());
  if (!get(params)) return false;
  for (const p of params) {
    if (p.key === null || OSSL_PARAM_modified(p) === 0) continue;
    const name = p.key as RandParamName;
    const v = p.data?.value;
    if (p.data_type === OSSL_PARAM_UTF8_STRING) {
      (into as Record<string, unknown>)[name] = paramCString(p) ?? '';
    } else if (typeof v === 'number' || typeof v === 'bigint') {
      (into as Record<string, unknown>)[name] = Number(v);
    }
  }
  return true;
}
