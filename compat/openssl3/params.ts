/**
 * OSSL_PARAM for porters (OSSL_PARAM(3), OSSL_PARAM_int(3)): the constructors, locate, typed
 * getters and setters with crypto/params.c's conversion and range rules, and
 * OSSL_PARAM_modified. The implementation is the provider's (provider/params), the same code
 * the RAND implementations read and write their parameters with. The C memory behind `data` is
 * a one-field box `{ value }`: see provider/openssl3/core/param-memory.ts.
 */
export {
  OSSL_PARAM_INTEGER, OSSL_PARAM_UNSIGNED_INTEGER, OSSL_PARAM_REAL, OSSL_PARAM_UTF8_STRING, OSSL_PARAM_OCTET_STRING,
  OSSL_PARAM_UTF8_PTR, OSSL_PARAM_OCTET_PTR, type OSSL_PARAM, type OSSL_PARAM_DATA, type ParamDataValue, type IntBox,
} from '../../provider/openssl3/core/param-memory.js';
export {
  OSSL_PARAM_UNMODIFIED, OSSL_PARAM_locate, OSSL_PARAM_locate_const, OSSL_PARAM_DEFN, OSSL_PARAM_construct_int,
  OSSL_PARAM_construct_uint, OSSL_PARAM_construct_long, OSSL_PARAM_construct_ulong, OSSL_PARAM_construct_int32,
  OSSL_PARAM_construct_uint32, OSSL_PARAM_construct_int64, OSSL_PARAM_construct_uint64, OSSL_PARAM_construct_size_t,
  OSSL_PARAM_construct_time_t, OSSL_PARAM_construct_double, OSSL_PARAM_construct_utf8_string,
  OSSL_PARAM_construct_octet_string, OSSL_PARAM_construct_utf8_ptr, OSSL_PARAM_construct_octet_ptr,
  OSSL_PARAM_construct_end, OSSL_PARAM_modified, OSSL_PARAM_set_all_unmodified, OSSL_PARAM_get_int, OSSL_PARAM_set_int,
  OSSL_PARAM_get_uint, OSSL_PARAM_set_uint, OSSL_PARAM_get_long, OSSL_PARAM_set_long, OSSL_PARAM_get_ulong,
  OSSL_PARAM_set_ulong, OSSL_PARAM_get_int32, OSSL_PARAM_set_int32, OSSL_PARAM_get_uint32, OSSL_PARAM_set_uint32,
  OSSL_PARAM_get_int64, OSSL_PARAM_set_int64, OSSL_PARAM_get_uint64, OSSL_PARAM_set_uint64, OSSL_PARAM_get_size_t,
  OSSL_PARAM_set_size_t, OSSL_PARAM_get_time_t, OSSL_PARAM_set_time_t, OSSL_PARAM_get_double, OSSL_PARAM_set_double,
  OSSL_PARAM_get_utf8_string, OSSL_PARAM_set_utf8_string, OSSL_PARAM_get_octet_string, OSSL_PARAM_set_octet_string,
  OSSL_PARAM_get_utf8_ptr, OSSL_PARAM_set_utf8_ptr, OSSL_PARAM_get_octet_ptr, OSSL_PARAM_set_octet_ptr,
  OSSL_PARAM_get_utf8_string_ptr, OSSL_PARAM_get_octet_string_ptr,
} from '../../provider/openssl3/core/ossl-param.js';
