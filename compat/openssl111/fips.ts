/**
 * FIPS_mode_set(3) / FIPS_mode(3). Real 1.1.1 has no FIPS module (FIPS_mode_set(1) fails with
 * CRYPTO_R_FIPS_MODE_NOT_SUPPORTED). randshim instead switches to the FIPS behaviour RAND_DRBG(7)
 * documents, as implemented by OpenSSL commit 3a50a8a9 (3.0 development branch, April 2019,
 * never in a 1.1.1 release): RAND_add() and RAND_seed() ignore `randomness`, so their buffer is
 * only ever additional data and never credited as entropy. Nothing else changes (no self-tests,
 * no restriction of DRBG types, no continuous RNG test).
 */
import { state111 } from './state.js';

/** FIPS_mode_set(onoff): 1 (the switch always succeeds in randshim). */
export function FIPS_mode_set(onoff: number): number {
  state111().shared.fipsMode = onoff !== 0;
  return 1;
}

/** FIPS_mode(): 1 when FIPS mode is on. */
export function FIPS_mode(): number {
  return state111().shared.fipsMode ? 1 : 0;
}
