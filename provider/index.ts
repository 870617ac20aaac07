/**
 * randshim's provider: NIST SP 800-90A DRBGs (CTR, Hash, HMAC) in the shape of OpenSSL 3's
 * providers/implementations/rands, on a choice of primitive backends.
 */
export { Drbg, type DrbgOptions, type ImportStateOptions, type GenerateOptions, type InstantiateOptions, type ReseedOptions } from './drbg/drbg.js';
export { DrbgCtx, DEFAULT_PERS_3X, DEFAULT_RESEED_INTERVAL, DEFAULT_RESEED_TIME_INTERVAL, type DrbgCtxOptions } from './drbg/ctx.js';
export { TestRand } from './entropy/test-rand.js';
export { SeedSrc } from './entropy/seed-src.js';
export { osEntropy, defaultNonce, RAND_POOL_MAX_LENGTH, type EntropyPoll } from './entropy/os.js';
export { RandState, getUintParam, type RandImpl, type RandParams, type RandParamName } from './rand.js';
export { DrbgError, raise, errorQueue, throwOnFailure, ERR_NUM_ERRORS, type ErrLib, type RaisedError } from './errors.js';
export { createMechanism, ctrLimits, DRBG_MAX_LENGTH, DRBG_MAX_REQUEST, type DrbgLimits, type Mechanism, type MechanismConfig, type MechanismType } from './mechanisms/index.js';
export { getBackend, BACKEND_NAMES, SUPPORTED_DIGESTS, findDigest, findCtrCipher, type BackendName, type PrimitiveBackend, type DigestId } from './primitives/index.js';
export * as bytes from './bytes.js';
export { ProviderStore, PROVIDER_NAMES, RAND_ALGORITHM_NAMES, type ProviderName, type RandAlgorithmName, type RandMethod } from './providers.js';
export { RandBase } from './rand-base.js';
export * as params from './params/index.js';
export { CloneGuard, realmCloneGuard, counterSources, COUNTERS_ENV, type CloneGuardOptions, type CloneDiversifier, type CloneEvent, type CloneEventKind, type WatchedCounter } from './clone/guard.js';
export { openGenerationCounter, openVmclock, openSysgenid, detectGenerationCounters, GenerationCounterError, VMCLOCK, type GenerationCounter, type GenerationCounterOptions, type CounterAccess, type DetectedCounter } from './clone/generation-counter.js';
export { DrbgStateError } from './clone/drbg-state.js';
export { kernelRandom, currentForkId } from './entropy/os.js';
