/**
 * Scenarios about RAND_DRBG objects: RAND_DRBG_new / secure_new / set / free with valid and
 * invalid types and flags, RAND_DRBG_set_defaults and RAND_DRBG_set_reseed_defaults and their
 * effect on objects created later (RAND_DRBG_new(3), RAND_DRBG_set_reseed_interval(3)).
 */
import type { RawCall } from '../../raw-calls-111/calls.js';
import {
  bytes, lengthOnly, NID_128, NID_192, NID_256, NO_DF, RESTORE_DEFAULTS, scenario, type Scenario111, type StepLike,
} from '../scenario.js';

const newPeek = (bind: string, type: number, flags: number, extra: Partial<{ parent: string; secure: boolean }> = {}): RawCall[] => [
  { fn: extra.secure ? 'RAND_DRBG_secure_new' : 'RAND_DRBG_new', type, flags, bind, ...(extra.parent ? { parent: extra.parent } : {}) },
  { fn: 'peek', drbg: bind },
];

const newTypes = scenario('new-types-and-flags',
  'RAND_DRBG_new / secure_new: the three AES-CTR types with and without df (limits table), type 0 with flags 0 ' +
  '(the defaults) and with flags (no method), unknown and negative types (NULL, UNSUPPORTED_DRBG_TYPE), flags ' +
  'that 1.1.1 stores without validating (and truncates to 16 bits), parent strength checks', [
    [NID_128, NID_192, NID_256].flatMap((type) => [0, NO_DF].flatMap((flags) => newPeek(`d${type}.${flags}`, type, flags))),
    newPeek('secure', NID_192, NO_DF, { secure: true }),
    newPeek('defaults', 0, 0),
    newPeek('no-method', 0, NO_DF),
    { fn: 'RAND_DRBG_new', type: 999, flags: 0, bind: 'unknown' },
    { fn: 'RAND_DRBG_new', type: 1, flags: NO_DF, bind: 'rsadsi' },
    { fn: 'RAND_DRBG_secure_new', type: -906, flags: 0, bind: 'negative' },
    { fn: 'RAND_DRBG_new', type: 418, flags: 0, bind: 'aes-128-ecb' },
    newPeek('flag2', NID_256, 0x2),
    newPeek('flag-hmac-3.0-dev', NID_256, 0x2 | 0x4 | 0x8 | 0x10),
    newPeek('flag-high-bits', NID_128, 0x10001),
    newPeek('flag-ffff', NID_192, 0xffff),
    newPeek('flag-10000', NID_192, 0x10000),
    { fn: 'RAND_DRBG_new', type: NID_256, flags: 0, parent: `d${NID_128}.0`, bind: 'stronger-child' },
    { fn: 'RAND_DRBG_secure_new', type: NID_256, flags: NO_DF, parent: `d${NID_192}.1`, bind: 'stronger-child-2' },
    newPeek('weaker-child', NID_128, 0, { parent: `d${NID_256}.0` }),
    newPeek('equal-child', NID_192, NO_DF, { parent: `d${NID_192}.0` }),
    newPeek('child-of-no-df', NID_128, 0, { parent: `d${NID_128}.1` }),
    newPeek('no-method-child', 0, NO_DF, { parent: `d${NID_256}.0` }),
    { fn: 'RAND_DRBG_new', type: NID_128, flags: 0, parent: 'no-method', bind: 'child-of-no-method' },
    { fn: 'RAND_DRBG_free', drbg: 'weaker-child' },
    { fn: 'RAND_DRBG_free', drbg: 'no-method' },
  ]);

const S = 'set-src';
const setScenario = scenario('set-retype',
  'RAND_DRBG_set on new, READY and ERROR objects: same type (back to UNINITIALISED, implicit re-instantiation), ' +
  'new type and flags (limits), 0/0 = the defaults, type 0 with flags = no method (every operation then fails with ' +
  '1.1.1\'s errors), unknown type (type and flags reset to 0), and back to a working type', [
    { fn: 'source', name: S, entropy: bytes(48, 1), nonce: bytes(16, 2) },
    { fn: 'RAND_DRBG_new', type: NID_256, flags: 0, bind: 'd' },
    { fn: 'RAND_DRBG_set_callbacks', drbg: 'd', source: S },
    { fn: 'RAND_DRBG_instantiate', drbg: 'd', pers: bytes(5, 3) },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 16 },
    { fn: 'RAND_DRBG_set', drbg: 'd', type: NID_256, flags: 0 },
    { fn: 'peek', drbg: 'd' },
    { fn: 'RAND_DRBG_set_callbacks', drbg: 'd', source: S },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 16, adin: bytes(3, 4) },
    { fn: 'peek', drbg: 'd' },
    { fn: 'RAND_DRBG_set', drbg: 'd', type: NID_128, flags: NO_DF },
    { fn: 'peek', drbg: 'd' },
    { fn: 'RAND_DRBG_instantiate', drbg: 'd', pers: '' },
    { fn: 'source', name: S, entropy: bytes(32, 5) },
    { fn: 'RAND_DRBG_instantiate', drbg: 'd', pers: bytes(32, 6) },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 33, adin: bytes(32, 7) },
    { fn: 'RAND_DRBG_set', drbg: 'd', type: 0, flags: 0 },
    { fn: 'peek', drbg: 'd' },
    { fn: 'RAND_DRBG_set', drbg: 'd', type: 0, flags: NO_DF },
    { fn: 'peek', drbg: 'd' },
    { fn: 'RAND_DRBG_instantiate', drbg: 'd', pers: '' },
    { fn: 'RAND_DRBG_instantiate', drbg: 'd' },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 8 },
    { fn: 'RAND_DRBG_bytes', drbg: 'd', outlen: 8 },
    { fn: 'RAND_DRBG_reseed', drbg: 'd' },
    { fn: 'RAND_DRBG_uninstantiate', drbg: 'd' },
    { fn: 'RAND_DRBG_instantiate', drbg: 'd', pers: '' },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 8 },
    { fn: 'RAND_DRBG_set', drbg: 'd', type: 12345, flags: NO_DF },
    { fn: 'peek', drbg: 'd' },
    { fn: 'RAND_DRBG_set', drbg: 'd', type: NID_192, flags: 0 },
    { fn: 'peek', drbg: 'd' },
    { fn: 'source', name: S, entropy: bytes(24, 8), nonce: bytes(12, 9) },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 20 },
    lengthOnly({ fn: 'RAND_DRBG_bytes', drbg: 'd', outlen: 20 }),
    { fn: 'RAND_DRBG_set', drbg: 'd', type: 0, flags: 2 },
    { fn: 'RAND_DRBG_bytes', drbg: 'd', outlen: 20 },
    { fn: 'RAND_DRBG_set', drbg: 'd', type: NID_192, flags: 0x10000 },
    { fn: 'peek', drbg: 'd' },
    { fn: 'RAND_DRBG_set_callbacks', drbg: 'd', source: null },
    { fn: 'RAND_DRBG_generate', drbg: 'd', outlen: 20 },
    { fn: 'peek', drbg: 'd' },
  ] as StepLike[]);

const defaults = scenario('set-defaults',
  'RAND_DRBG_set_defaults: only the three AES-CTR types and flag 0x1 are accepted (type 0, unknown types, 3.0-dev ' +
  'flags refused with their reasons, nothing changed); accepted defaults apply to RAND_DRBG_new(0, 0) and ' +
  'RAND_DRBG_set(d, 0, 0) afterwards, never to existing objects', [
    { fn: 'RAND_DRBG_new', type: 0, flags: 0, bind: 'before' },
    { fn: 'RAND_DRBG_set_defaults', type: 0, flags: 0 },
    { fn: 'RAND_DRBG_set_defaults', type: 0, flags: NO_DF },
    { fn: 'RAND_DRBG_set_defaults', type: 999, flags: 0 },
    { fn: 'RAND_DRBG_set_defaults', type: NID_128, flags: 0x2 },
    { fn: 'RAND_DRBG_set_defaults', type: NID_128, flags: 0x10001 },
    { fn: 'RAND_DRBG_set_defaults', type: -1, flags: 0x2 },
    { fn: 'RAND_DRBG_new', type: 0, flags: 0, bind: 'unchanged' },
    { fn: 'peek', drbg: 'unchanged' },
    { fn: 'RAND_DRBG_set_defaults', type: NID_128, flags: NO_DF },
    { fn: 'peek', drbg: 'before' },
    { fn: 'RAND_DRBG_new', type: 0, flags: 0, bind: 'after' },
    { fn: 'peek', drbg: 'after' },
    { fn: 'RAND_DRBG_new', type: 0, flags: 0, parent: 'before', bind: 'child' },
    { fn: 'peek', drbg: 'child' },
    { fn: 'RAND_DRBG_set', drbg: 'before', type: 0, flags: 0 },
    { fn: 'peek', drbg: 'before' },
    { fn: 'RAND_DRBG_set_defaults', type: NID_192, flags: 0 },
    { fn: 'RAND_DRBG_new', type: 0, flags: NO_DF, bind: 'flags-only' },
    { fn: 'peek', drbg: 'flags-only' },
    { fn: 'RAND_DRBG_new', type: 0, flags: 0, bind: 'after-192' },
    { fn: 'peek', drbg: 'after-192' },
    ...RESTORE_DEFAULTS,
    { fn: 'RAND_DRBG_new', type: 0, flags: 0, bind: 'restored' },
    { fn: 'peek', drbg: 'restored' },
  ]);

const reseedDefaults = scenario('set-reseed-defaults',
  'RAND_DRBG_set_reseed_defaults: all or nothing (each of the four values just over its cap refuses the call), ' +
  'exactly the caps and negative times accepted; the values apply to DRBGs created afterwards (master values to ' +
  'parentless ones, slave values to children), not to existing ones', [
    { fn: 'RAND_DRBG_new', type: NID_256, flags: 0, bind: 'old' },
    { fn: 'RAND_DRBG_set_reseed_defaults', masterInterval: (1 << 24) + 1, slaveInterval: 1, masterTime: 1, slaveTime: 1 },
    { fn: 'RAND_DRBG_set_reseed_defaults', masterInterval: 1, slaveInterval: (1 << 24) + 1, masterTime: 1, slaveTime: 1 },
    { fn: 'RAND_DRBG_set_reseed_defaults', masterInterval: 1, slaveInterval: 1, masterTime: (1 << 20) + 1, slaveTime: 1 },
    { fn: 'RAND_DRBG_set_reseed_defaults', masterInterval: 1, slaveInterval: 1, masterTime: 1, slaveTime: (1 << 20) + 1 },
    { fn: 'RAND_DRBG_new', type: NID_256, flags: 0, bind: 'unchanged' },
    { fn: 'peek', drbg: 'unchanged' },
    { fn: 'RAND_DRBG_set_reseed_defaults', masterInterval: 10, slaveInterval: 20, masterTime: 30, slaveTime: 40 },
    { fn: 'RAND_DRBG_new', type: NID_256, flags: 0, bind: 'master-like' },
    { fn: 'peek', drbg: 'master-like' },
    { fn: 'RAND_DRBG_new', type: NID_128, flags: 0, parent: 'master-like', bind: 'slave-like' },
    { fn: 'peek', drbg: 'slave-like' },
    { fn: 'peek', drbg: 'old' },
    { fn: 'RAND_DRBG_set_reseed_defaults', masterInterval: 1 << 24, slaveInterval: 0, masterTime: 1 << 20, slaveTime: -7 },
    { fn: 'RAND_DRBG_secure_new', type: NID_192, flags: NO_DF, bind: 'caps' },
    { fn: 'peek', drbg: 'caps' },
    { fn: 'RAND_DRBG_new', type: NID_192, flags: 0, parent: 'caps', bind: 'negative-time' },
    { fn: 'peek', drbg: 'negative-time' },
    ...RESTORE_DEFAULTS,
    { fn: 'RAND_DRBG_new', type: NID_256, flags: 0, bind: 'restored' },
    { fn: 'peek', drbg: 'restored' },
  ]);

export const OBJECT_SCENARIOS: readonly Scenario111[] = [newTypes, setScenario, defaults, reseedDefaults];
