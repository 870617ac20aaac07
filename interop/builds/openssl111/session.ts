/**
 * Everything one process needs to drive an OpenSSL 1.1.1 libcrypto deterministically: the
 * function table, the callback hub, and whether the private `state` field can be read (decided
 * once, by validating the computed struct layout on the loaded library).
 */
import { drainErrors111 } from './error-codes.js';
import { validateLayout111, readState111, type LayoutCheck } from './drbg-layout.js';
import type { Libcrypto111 } from './libcrypto.js';
import { CallbackHub } from './seed-callbacks.js';
import type { DrbgPtr } from './c-types.js';

export interface Session111 {
  readonly lib: Libcrypto111;
  readonly hub: CallbackHub;
  /** Whether (and on what evidence) `state` is read from the struct. */
  readonly layout: LayoutCheck;
  /** OpenSSL_version(OPENSSL_VERSION) of the bound library. */
  readonly version: string;
  /** The DRBG's state when the layout was validated, else undefined. */
  readState(drbg: DrbgPtr): number | undefined;
  close(): void;
}

export function openSession111(lib: Libcrypto111): Session111 {
  const hub = new CallbackHub();
  lib.ERR_clear_error();
  const layout = validateLayout111(lib, hub.all);
  drainErrors111(lib);
  return {
    lib,
    hub,
    layout,
    version: lib.OpenSSL_version(0),
    readState: layout.ok ? readState111 : () => undefined,
    close: () => hub.close(),
  };
}
