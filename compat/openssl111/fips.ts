/**
 * FIPS_mode_set / FIPS_mode (crypto/o_fips.c; 1.1.1 has no man page for them). Real 1.1.1 has no
 * FIPS module: FIPS_mode_set(1) fails with CRYPTO_R_FIPS_MODE_NOT_SUPPORTED and FIPS_mode() stays
 * 0. randshim instead switches to the FIPS behaviour of OpenSSL commit 3a50a8a9 ("Ignore entropy
 * from RAND_add()/RAND_seed() in FIPS mode", 3.0 development branch, April 2019, never in a 1.1.1
 * release; the RAND_DRBG(7) of that branch): after drbg_add's argument checks (a negative num or
 * randomness still makes RAND_add a no-op), randomness is forced to 0, so the buffer of RAND_add()
 * and RAND_seed() is only ever additional data and never credited as entropy. In FIPS mode
 * RAND_add(buf, n, r) therefore behaves as 1.1.1's RAND_add(buf, n, 0) for every r >= 0 (and
 * NaN), which the scenario suite checks bit for bit against both 1.1.1 oracles.
 *
 * Nothing else changes: no self-tests, no restriction of DRBG types or flags, no continuous RNG
 * test, no effect on RAND_DRBG_reseed / RAND_poll or on callbacks a caller installs.
 */
import { cInt, refuse } from '../args/index.js';
import { state111 } from './state.js';

/**
 * FIPS_mode_set(onoff): 1 (the switch always succeeds in randshim).
 *
 * @see RAND_DRBG(7)
 */
export function FIPS_mode_set(onoff: number): number {
  const on = cInt(onoff);
  if (on === undefined) return refuse({ lib: 'CRYPTO', func: 'FIPS_MODE_SET' });
  state111().shared.fipsMode = on !== 0;
  return 1;
}

/**
 * FIPS_mode(): 1 when FIPS mode is on.
 *
 * @see RAND_DRBG(7)
 */
export function FIPS_mode(): number {
  return state111().shared.fipsMode ? 1 : 0;
}
