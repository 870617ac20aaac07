/**
 * The OS entropy source with its pulls counted (and, for failure paths, switchable off): how the
 * clone-safety demonstrations show that a copy reseeded from the OS, or did not.
 */
import { osEntropy, type EntropyPoll } from '../../provider/rand-pool/os-pool.js';

export interface CountedEntropy {
  /** An EntropyPoll to hand to a DRBG or a personality reset. */
  readonly poll: EntropyPoll;
  /** How many times `poll` was called. */
  pulls(): number;
  /** While on, every pull fails (returns null), as an OS source that cannot be read. */
  fail(on: boolean): void;
}

export function countedOsEntropy(): CountedEntropy {
  let pulls = 0;
  let failing = false;
  return {
    poll: (entropy, minLen, maxLen) => {
      pulls++;
      return failing ? null : osEntropy(entropy, minLen, maxLen);
    },
    pulls: () => pulls,
    fail: (on) => { failing = on; },
  };
}
