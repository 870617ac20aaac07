/**
 * How compat/ refuses an argument, the same way in every function of both personalities:
 * ERR_R_PASSED_INVALID_ARGUMENT (a value C cannot express, a freed or foreign handle, a
 * JavaScript buffer shorter than the length C was given) or ERR_R_PASSED_NULL_PARAMETER (NULL
 * where OpenSSL would dereference it), raised for the function's library (and, in 1.1.1, its
 * RAND_F_* function code when randerr.h has one), then 0 or NULL returned by the caller.
 */
import { raise, type ErrLib } from '../../provider/err/queue.js';

/** Where a refusal is raised: ERR_LIB_* and, for 1.1.1, the function code's suffix. */
export interface ArgSite {
  readonly lib: ErrLib;
  readonly func?: string;
}

/** Raises ERR_R_PASSED_INVALID_ARGUMENT at `site`; returns 0 for `return refuse(site)`. */
export function refuse(site: ArgSite): 0 {
  raise(site.lib, 'PASSED_INVALID_ARGUMENT', site.func);
  return 0;
}

/** Raises ERR_R_PASSED_NULL_PARAMETER at `site`; returns 0. */
export function refuseNull(site: ArgSite): 0 {
  raise(site.lib, 'PASSED_NULL_PARAMETER', site.func);
  return 0;
}
