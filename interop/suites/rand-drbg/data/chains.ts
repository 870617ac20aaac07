/**
 * Scenarios about DRBG chains (RAND_DRBG_new(3) with a parent, RAND_DRBG_set_callbacks(3)):
 * a child pulls 1.5x entropy from its parent with its own address as additional input unless it
 * has a nonce callback; callbacks on parents and children; parent strength; a parent that must
 * instantiate or reseed while serving a child; prediction resistance through a chain.
 */
import type { RawCall } from '../../raw-calls-111/calls.js';
import { bytes, DEFAULT_PERS, lengthOnly, NID_128, NID_192, NID_256, NO_DF, scenario, type Scenario111, type StepLike } from '../scenario.js';

const parentChild = scenario('parent-child-pulls',
  'Children without callbacks pull seed material from their parent (1.5x strength at instantiate, strength at ' +
  'reseed) through RAND_DRBG_generate with their own address as additional input: outputs bit for bit; a child ' +
  'given callbacks with a nonce uses them instead (separate nonce, no 1.5x); a grandchild; a parent that is ' +
  'instantiated implicitly, or reseeds by count, while serving a child (traced on its source); reseed propagation ' +
  'is off for user DRBGs', [
    { fn: 'source', name: 'p', entropy: bytes(32, 1), nonce: bytes(16, 2) },
    { fn: 'RAND_DRBG_new', type: NID_256, flags: 0, bind: 'parent' },
    { fn: 'RAND_DRBG_set_callbacks', drbg: 'parent', source: 'p' },
    { fn: 'RAND_DRBG_set_reseed_interval', drbg: 'parent', interval: 3 },
    { fn: 'RAND_DRBG_new', type: NID_256, flags: 0, parent: 'parent', bind: 'c256' },
    { fn: 'RAND_DRBG_new', type: NID_128, flags: 0, parent: 'parent', bind: 'c128' },
    { fn: 'RAND_DRBG_new', type: NID_192, flags: NO_DF, parent: 'parent', bind: 'c192nodf' },
    { fn: 'RAND_DRBG_new', type: NID_128, flags: 0, parent: 'c256', bind: 'grandchild' },
    { fn: 'RAND_DRBG_instantiate', drbg: 'c256', pers: bytes(4, 3) },
    { fn: 'peek', drbg: 'parent' },
    { fn: 'RAND_DRBG_generate', drbg: 'c256', outlen: 32 },
    { fn: 'RAND_DRBG_instantiate', drbg: 'c128', pers: '' },
    { fn: 'RAND_DRBG_generate', drbg: 'c128', outlen: 32, adin: bytes(9, 4) },
    { fn: 'RAND_DRBG_instantiate', drbg: 'c192nodf', pers: bytes(40, 5) },
    { fn: 'RAND_DRBG_generate', drbg: 'c192nodf', outlen: 32, adin: bytes(40, 6) },
    { fn: 'peek', drbg: 'parent' },
    { fn: 'RAND_DRBG_generate', drbg: 'grandchild', outlen: 24 },
    { fn: 'RAND_DRBG_reseed', drbg: 'c256', adin: bytes(6, 7) },
    { fn: 'RAND_DRBG_generate', drbg: 'c256', outlen: 32 },
    { fn: 'RAND_DRBG_reseed', drbg: 'c128', predictionResistance: true },
    { fn: 'RAND_DRBG_generate', drbg: 'c128', outlen: 16, predictionResistance: true, adin: bytes(5, 8) },
    { fn: 'peek', drbg: 'parent' },
    { fn: 'peek', drbg: 'c256' },
    { fn: 'source', name: 'c', entropy: bytes(32, 9), nonce: bytes(16, 10) },
    { fn: 'RAND_DRBG_new', type: NID_256, flags: 0, parent: 'parent', bind: 'own' },
    { fn: 'RAND_DRBG_set_callbacks', drbg: 'own', source: 'c' },
    { fn: 'RAND_DRBG_generate', drbg: 'own', outlen: 32 },
    { fn: 'RAND_DRBG_reseed', drbg: 'own' },
    { fn: 'RAND_DRBG_generate', drbg: 'own', outlen: 32 },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'parent' },
    { fn: 'source', name: 'p', entropy: bytes(40, 11), nonce: bytes(20, 12) },
    { fn: 'RAND_DRBG_new', type: NID_192, flags: 0, parent: 'parent', bind: 'late' },
    { fn: 'RAND_DRBG_generate', drbg: 'late', outlen: 32 },
    { fn: 'peek', drbg: 'parent' },
    { fn: 'peek', drbg: 'late' },
    { fn: 'RAND_DRBG_free', drbg: 'grandchild' },
  ]);

const failures = scenario('parent-child-failures',
  'A child whose parent fails: parent entropy missing (parent and child errors, both in ERROR), recovery of both ' +
  'once the parent\'s entropy returns; a parent re-typed weaker than its child (PARENT_STRENGTH_TOO_WEAK from the ' +
  'entropy callback); a child with NULL callbacks; prediction resistance through a parent without a callback that ' +
  'supports it', [
    { fn: 'source', name: 'p', entropy: '', nonce: bytes(16, 20) },
    { fn: 'RAND_DRBG_new', type: NID_256, flags: 0, bind: 'parent' },
    { fn: 'RAND_DRBG_set_callbacks', drbg: 'parent', source: 'p' },
    { fn: 'RAND_DRBG_new', type: NID_256, flags: 0, parent: 'parent', bind: 'child' },
    { fn: 'RAND_DRBG_instantiate', drbg: 'child', pers: '' },
    { fn: 'peek', drbg: 'parent' },
    { fn: 'RAND_DRBG_generate', drbg: 'child', outlen: 8 },
    { fn: 'source', name: 'p', entropy: bytes(32, 21) },
    { fn: 'RAND_DRBG_generate', drbg: 'child', outlen: 8 },
    { fn: 'peek', drbg: 'parent' },
    { fn: 'peek', drbg: 'child' },
    { fn: 'RAND_DRBG_set', drbg: 'parent', type: NID_128, flags: 0 },
    { fn: 'RAND_DRBG_set_callbacks', drbg: 'parent', source: 'p' },
    { fn: 'RAND_DRBG_reseed', drbg: 'child' },
    { fn: 'RAND_DRBG_generate', drbg: 'child', outlen: 8 },
    { fn: 'RAND_DRBG_new', type: NID_128, flags: 0, parent: 'parent', bind: 'ok-child' },
    { fn: 'RAND_DRBG_generate', drbg: 'ok-child', outlen: 8 },
    { fn: 'RAND_DRBG_new', type: NID_128, flags: 0, parent: 'parent', bind: 'null-cb' },
    { fn: 'RAND_DRBG_set_callbacks', drbg: 'null-cb', source: null },
    { fn: 'RAND_DRBG_instantiate', drbg: 'null-cb', pers: '' },
    { fn: 'RAND_DRBG_new', type: NID_256, flags: 0, bind: 'os-parent' },
    { fn: 'RAND_DRBG_new', type: NID_128, flags: NO_DF, parent: 'os-parent', bind: 'os-child' },
    lengthOnly({ fn: 'RAND_DRBG_generate', drbg: 'os-child', outlen: 8 }),
    { fn: 'RAND_DRBG_generate', drbg: 'os-child', outlen: 8, predictionResistance: true },
    { fn: 'peek', drbg: 'os-parent' },
    { fn: 'peek', drbg: 'os-child' },
    lengthOnly({ fn: 'RAND_DRBG_generate', drbg: 'os-child', outlen: 8 }),
    { fn: 'peek', drbg: 'os-parent' },
  ] as StepLike[]);

/** The default-callbacks view of a child: what get_entropy asks through the chain. */
const nonceSwitch = scenario('child-nonce-callback',
  'A child with callbacks including get_nonce asks its source for strength bits of entropy and strength/2 of ' +
  'nonce (no 1.5x); the same source with the nonce missing fails with ERROR_RETRIEVING_NONCE; given 1.1.1\'s ' +
  'own entropy callback back without a nonce callback (default_callbacks), it pulls 1.5x from its parent again', [
    { fn: 'source', name: 'p', entropy: bytes(48, 30), nonce: bytes(24, 31) },
    { fn: 'RAND_DRBG_new', type: NID_256, flags: 0, bind: 'parent' },
    { fn: 'RAND_DRBG_set_callbacks', drbg: 'parent', source: 'p' },
    { fn: 'RAND_DRBG_instantiate', drbg: 'parent', pers: DEFAULT_PERS },
    { fn: 'source', name: 'k', entropy: bytes(24, 32), nonce: '' },
    { fn: 'RAND_DRBG_new', type: NID_192, flags: 0, parent: 'parent', bind: 'child' },
    { fn: 'RAND_DRBG_set_callbacks', drbg: 'child', source: 'k' },
    { fn: 'RAND_DRBG_instantiate', drbg: 'child', pers: '' },
    { fn: 'source', name: 'k', nonce: bytes(12, 33) },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'child' },
    { fn: 'RAND_DRBG_instantiate', drbg: 'child', pers: '' },
    { fn: 'RAND_DRBG_generate', drbg: 'child', outlen: 24 },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'child' },
    { fn: 'default_callbacks', drbg: 'child', nonce: false },
    { fn: 'RAND_DRBG_instantiate', drbg: 'child', pers: '' },
    { fn: 'RAND_DRBG_generate', drbg: 'child', outlen: 24 },
    { fn: 'peek', drbg: 'parent' },
    // entropy callbacks without nonce callbacks: the 1.5x request (strength * 1.5 bits,
    // min_entropylen + min_noncelen, max_entropylen + max_noncelen) reaches the source
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'child' },
    { fn: 'RAND_DRBG_set_callbacks', drbg: 'child', source: 'k', nonce: false },
    { fn: 'RAND_DRBG_instantiate', drbg: 'child', pers: '' },
    { fn: 'source', name: 'k', entropy: bytes(36, 34) },
    { fn: 'RAND_DRBG_instantiate', drbg: 'child', pers: '' },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'child' },
    { fn: 'RAND_DRBG_instantiate', drbg: 'child', pers: '' },
    { fn: 'RAND_DRBG_reseed', drbg: 'child' },
    { fn: 'RAND_DRBG_generate', drbg: 'child', outlen: 24 },
    { fn: 'RAND_DRBG_new', type: NID_128, flags: 0, bind: 'parentless' },
    { fn: 'RAND_DRBG_set_callbacks', drbg: 'parentless', source: 'k', nonce: false },
    { fn: 'RAND_DRBG_instantiate', drbg: 'parentless', pers: '' },
    { fn: 'RAND_DRBG_generate', drbg: 'parentless', outlen: 24 },
    { fn: 'RAND_DRBG_new', type: NID_128, flags: NO_DF, bind: 'parentless-nodf' },
    { fn: 'RAND_DRBG_set_callbacks', drbg: 'parentless-nodf', source: 'k', nonce: false },
    { fn: 'RAND_DRBG_instantiate', drbg: 'parentless-nodf', pers: '' },
  ]);

export const CHAIN_SCENARIOS: readonly Scenario111[] = [parentChild, failures, nonceSwitch];

export type { RawCall };
