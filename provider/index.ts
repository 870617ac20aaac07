/**
 * randshim's provider: NIST SP 800-90A DRBGs (CTR, Hash, HMAC) in the shape of OpenSSL 3's
 * providers/implementations/rands, on a choice of primitive backends.
 */
export { Drbg, type DrbgOptions, type ImportStateOptions, type GenerateOptions, type InstantiateOptions, type ReseedOptions } from './drbg.js';
export { DrbgCtx, DEFAULT_PERS_3X, DEFAULT_RESEED_INTERVAL, DEFAULT_RESEED_TIME_INTERVAL, type DrbgCtxOptions } from './openssl3/rands/drbg.js';
export { TestRand } from './openssl3/rands/test-rand.js';
export { SeedSrc } from './openssl3/rands/seed-src.js';
export { osEntropy, RAND_POOL_MAX_LENGTH, type EntropyPoll } from './rand-pool/os-pool.js';
export { defaultNonce } from './platform/os-entropy.js';
export { FortunaSeedSrc, type FortunaSeedSrcOptions, type FortunaSeedSrcState } from './openssl3/rands/fortuna-seed-src.js';
export * as fortuna from './fortuna/index.js';
export { fortunaEntropyCallbacks, type FortunaEntropyCallbacks } from './fortuna-111.js';
export type { CleanupEntropyFn, GetEntropyFn } from './openssl111/drbg-lib.js';
export { RandState, getUintParam, type RandImpl, type RandParams, type RandParamName } from './openssl3/rands/rand-impl.js';
export { RandshimError } from './exceptions.js';
export { DrbgError, raise, errorQueue, throwOnFailure, ERR_NUM_ERRORS, type ErrLib, type RaisedError } from './err/queue.js';
export { ctrLimits, DRBG_MAX_LENGTH, DRBG_MAX_REQUEST, type DrbgLimits, type Mechanism, type MechanismConfig, type MechanismType } from './sp800-90a/index.js';
export { getBackend, BACKEND_NAMES, AVAILABLE_BACKEND_NAMES, DEFAULT_BACKEND_NAME, SUPPORTED_DIGESTS, findDigest, findCtrCipher, type BackendName, type PrimitiveBackend, type DigestId } from './sp800-90a/primitives/index.js';
export * as bytes from './bytes.js';
export { ProviderStore, PROVIDER_NAMES, RAND_ALGORITHM_NAMES, type ProviderName, type RandAlgorithmName, type RandMethod } from './openssl3/core/provider-store.js';
export { RandomProviderDesignation, type RandomProviderCandidate } from './openssl3/core/random-provider.js';
export { RandBase } from './openssl3/rands/rand-base.js';
export * as params from './openssl3/core/params.js';
export { CloneGuard, realmCloneGuard, counterSources, COUNTERS_ENV, type CloneGuardOptions, type CloneDiversifier, type CloneEvent, type CloneEventKind, type WatchedCounter } from './platform/clone-guard.js';
export { openGenerationCounter, openVmclock, openSysgenid, detectGenerationCounters, GenerationCounterError, VMCLOCK, type GenerationCounter, type GenerationCounterOptions, type CounterAccess, type DetectedCounter } from './platform/generation-counter.js';
export { DrbgStateError, type DrbgStateReason } from './openssl3/rands/state-transport.js';
export { kernelRandom, currentForkId } from './platform/os-entropy.js';
// Types the exports above name in their signatures, so that callers (and the API reference) can
// name them too.
export type { Rand111Environment } from './openssl111/drbg-context.js';
export type { SharedDrbgs111Options } from './openssl111/shared-drbgs.js';
export type { ChainLevel, DefaultChainOptions } from './openssl3/rand/default-chain.js';
export type { RandEnvironment } from './openssl3/rand/evp-rand-fetch.js';
export type { UnconfiguredMechanism } from './openssl3/rands/drbg.js';
export type { PropertyDefinition } from './openssl3/core/properties.js';
export type { AesKeyLength, CtrCipherInfo, DigestInfo } from './sp800-90a/primitives/algorithms.js';
export type { AesCipher, Hasher, KeyedMac } from './sp800-90a/primitives/backend.js';
export type { CounterOpener } from './platform/clone-guard.js';
export type { GenerationCounterErrorCode } from './platform/generation-counter.js';
