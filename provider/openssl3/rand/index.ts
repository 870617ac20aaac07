/**
 * OpenSSL 3's default RAND chain (seed source -> primary -> public / private) as a provider
 * module, with its `[random]` configuration and the EVP_RAND calls it is built from.
 */
export {
  DefaultChain3x, POLL_SALT, type ChainLevel, type DefaultChainOptions,
} from './default-chain.js';
export {
  applyRandomSection, DEFAULT_DRBG_CIPHER, DEFAULT_DRBG_NAME, DEFAULT_SEED_NAME,
  PRIMARY_RESEED_INTERVAL, PRIMARY_RESEED_TIME_INTERVAL, SECONDARY_RESEED_INTERVAL,
  SECONDARY_RESEED_TIME_INTERVAL, randomSectionEntries, type RandomConfig, type RandomConfigKey, type RandomSection,
} from './random-config.js';
export { evpEnableLocking, evpGenerate, evpGetState, evpInstantiate, evpReseed } from './evp-rand.js';
export { newRandCtx, type RandEnvironment } from './evp-rand-fetch.js';
export { parsePropertyQuery } from '../core/properties.js';
