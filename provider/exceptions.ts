/**
 * The one exception base of the provider's idiomatic API. The C-shaped layers never throw:
 * they return OpenSSL's 0 / NULL and raise OpenSSL's reasons onto the error queue
 * (err/queue.ts). What does throw (the Drbg class, the state transport, the generation
 * counters) throws a subclass, whose `reason` is a machine-readable code: OpenSSL's reason
 * for a {@link DrbgError}, randshim's own for the others.
 */
export class RandshimError extends Error {
  /** An upper-case code, e.g. REQUEST_TOO_LARGE_FOR_DRBG, BAD_LAYOUT. */
  readonly reason: string;

  constructor(reason: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.reason = reason;
  }
}
