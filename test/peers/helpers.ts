/**
 * Shared by the peers specs: the real libraries (a missing one fails the spec with the
 * installer's hint; nothing is skipped) and a readable report of campaign mismatches.
 */
import { loadMbedtls, type MbedtlsBuild, type MbedtlsLine } from '../../interop/builds/mbedtls/library.js';
import { loadWolfssl, type WolfsslBuild } from '../../interop/builds/wolfssl/library.js';
import type { PeerMismatch } from '../../interop/suites/peers/compare.js';

export function mbedtls(line: MbedtlsLine): MbedtlsBuild {
  const loaded = loadMbedtls(line);
  if (!loaded.ok) throw new Error(`Mbed TLS ${line} unavailable: ${loaded.reason}`);
  return loaded.build;
}

export function wolfssl(): WolfsslBuild {
  const loaded = loadWolfssl();
  if (!loaded.ok) throw new Error(`wolfSSL unavailable: ${loaded.reason}`);
  return loaded.build;
}

export function describeMismatches(mismatches: readonly PeerMismatch[]): string {
  return mismatches.slice(0, 3).map((m) => `${m.caseId} step ${m.step} ${m.call}: library ${JSON.stringify(m.library)
    .slice(0, 200)} randshim ${JSON.stringify(m.randshim).slice(0, 200)}`).join('\n');
}
