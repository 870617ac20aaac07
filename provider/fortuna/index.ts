/**
 * Fortuna, bit-exact with mirage-crypto-rng 0.10.7: accumulator (pools.ts), generator
 * (generator.ts), their schedule (fortuna.ts) and the event sources (event-sources.ts).
 */
export { Fortuna, FortunaUnseededError, FORTUNA_MIN_POOL_SIZE, FORTUNA_MIN_RESEED_INTERVAL_NS, type FortunaEventHandle, type FortunaOptions, type FortunaState } from './fortuna.js';
export { FORTUNA_POOLS, type FortunaPoolState } from './pools.js';
export { FORTUNA_CHUNK, FORTUNA_BLOCK, FORTUNA_KEY_SIZE } from './generator.js';
export { bootstrapSeed, EventLoopJitter, feedPools, feedPoolsFromOs, frameEvent, jitterSample, osFrame, whirlwindBootstrap, FORTUNA_SOURCE, type NanoClock, type OsBytes } from './event-sources.js';
export { ForgePrng, forgeWeakSeedFile, type ForgePrngOptions, type SeedFile } from './forge-prng.js';
