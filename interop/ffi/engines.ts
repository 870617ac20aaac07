/**
 * Engine selection: one lazily created instance per engine and process (each engine keeps its
 * own libc bindings and library handles).
 */
import { FfiRsEngine } from './ffirs-engine.js';
import { KoffiEngine } from './koffi-engine.js';
import type { EngineName, FfiEngine } from './types.js';

export const DEFAULT_ENGINE: EngineName = 'koffi';

export const ENGINE_NAMES: readonly EngineName[] = ['koffi', 'ffi-rs'];

let koffiEngine: KoffiEngine | undefined;
let ffiRsEngine: FfiRsEngine | undefined;

/** The koffi engine (the one with synchronous callbacks). Throws if koffi cannot load. */
export function koffi(): KoffiEngine {
  koffiEngine ??= new KoffiEngine();
  return koffiEngine;
}

/** The named engine. Throws if its package cannot load on this platform. */
export function getEngine(name: EngineName = DEFAULT_ENGINE): FfiEngine {
  if (name === 'koffi') return koffi();
  if (name === 'ffi-rs') {
    ffiRsEngine ??= new FfiRsEngine();
    return ffiRsEngine;
  }
  throw new TypeError(`unknown FFI engine ${String(name)}`);
}
