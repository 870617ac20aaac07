/**
 * The generated OSSL_PARAM decoders of OpenSSL 3.6 and later (util/perl/OpenSSL/paramnames.pm:
 * output_param_decoder, expanded into every providers/implementations/rands/*.c.in): before an
 * implementation reads or writes anything, its get_ctx_params / set_ctx_params walks the whole
 * array and matches each key against the names it knows (strcmp, case-sensitive); a known key
 * met a second time fails the call with PROV_R_REPEATED_PARAMETER ("param %s is repeated"), so
 * nothing is written. Unknown keys are skipped, as OSSL_PARAM_locate skips them. Lines before
 * 3.6 locate the first entry of a key and never see the second.
 */
import { raise } from '../../err/queue.js';
import { lineBehaviour } from '../lines.js';
import type { OSSL_PARAM } from './param-memory.js';

/** The decoder's pass over `params` for an implementation that knows `known` (the keys of its
 * gettable or settable list): false, after raising PROV_R_REPEATED_PARAMETER, when the running
 * line refuses the array. */
export function paramsDecoded(params: readonly OSSL_PARAM[] | null, known: readonly (string | null)[]): boolean {
  if (params === null || !lineBehaviour().repeatedParamKeyRefused) return true;
  const seen = new Set<string>();
  for (const p of params) {
    if (p.key === null) break;
    if (!known.includes(p.key)) continue;
    if (seen.has(p.key)) {
      raise('PROV', 'REPEATED_PARAMETER');
      return false;
    }
    seen.add(p.key);
  }
  return true;
}

/** The keys of a descriptor table (known_gettable_ctx_params and the like). */
export function tableKeys(table: readonly OSSL_PARAM[] | null): string[] {
  const out: string[] = [];
  for (const p of table ?? []) {
    if (p.key === null) break;
    out.push(p.key);
  }
  return out;
}
