/**
 * randshim: OpenSSL's random-number layer in TypeScript. The everyday entry points; each
 * subpath (`randshim/provider`, `randshim/compat`, `randshim/compat/1.1.1`, `randshim/compat/3`)
 * has the rest.
 *
 *   import { Drbg, openssl3 } from 'randshim';
 *   const drbg = new Drbg({ mechanism: { type: 'CTR-DRBG', cipher: 'AES-256-CTR' } });
 *   openssl3.RAND_bytes(buf, buf.length);
 *
 * @packageDocumentation
 */
export {
  Drbg, DrbgError, RandshimError, getBackend, AVAILABLE_BACKEND_NAMES, DEFAULT_BACKEND_NAME, BACKEND_NAMES,
  type DrbgOptions, type GenerateOptions, type InstantiateOptions, type ReseedOptions, type BackendName,
  type MechanismConfig, type MechanismType,
} from './provider/index.js';
export { openssl111, openssl3 } from './compat/index.js';
