/**
 * Replays a mirage-crypto script (script.ts) on randshim: `fortuna` steps on provider/fortuna's
 * Fortuna (with a scripted clock when the script asks for one), `hmac` steps on randshim's
 * SP 800-90A HMAC_DRBG mechanism (SHA-256) in mirage-crypto's conventions:
 *
 * - Hmac_drbg's first `reseed cs` is Instantiate with entropy_input || nonce || pers = cs, a
 *   later one Reseed with entropy_input || additional_input = cs (both are HMAC_DRBG_Update of
 *   cs, from K = 0^32, V = 1^32 the first time);
 * - its `generate n` is Generate with no additional input (0.10.7 takes none);
 * - no reseed counter, no reseed interval, no prediction resistance, no request limit.
 *
 * Two corners where 0.10.7 is not SP 800-90A's HMAC_DRBG are NOT replayed here (the campaign
 * never writes them; test/fortuna/mirage-hmac.spec.ts shows each): `reseed` of empty data runs
 * Update's second round anyway (10.1.2.2 step 3 returns after the first), and `generate 0`
 * does not compute V = HMAC(K, V) before its Update (OpenSSL's drbg_hmac.c does, randshim too).
 */
import { fromHex, toHex } from '../../../provider/bytes.js';
import { Fortuna, FortunaUnseededError, type FortunaEventHandle } from '../../../provider/fortuna/index.js';
import { frameEvent } from '../../../provider/fortuna/event-sources.js';
import { HmacDrbgMechanism } from '../../../provider/sp800-90a/hmac-drbg.js';
import { findDigest, getBackend, type BackendName } from '../../../provider/sp800-90a/primitives/index.js';
import type { MirageAnswer, MirageStep } from './script.js';

const OK: MirageAnswer = { ok: true };
const UNSEEDED: MirageAnswer = { error: 'unseeded' };

interface HmacState {
  readonly mechanism: HmacDrbgMechanism;
  seeded: boolean;
}

/** Coverage figures of a replay (what the scripts made randshim's Fortuna do). */
export interface ReplayStats {
  /** Reseeds from the pools, summed over the script's generators. */
  poolReseeds: number;
  /** The most pools one such reseed took (pool i joins when 2^i divides the reseed count). */
  widestReseed: number;
}

/** randshim's answers to `steps`, in the driver's answer format; `stats`, when given, receives
 * the replay's coverage figures. */
export function replayOnRandshim(steps: readonly MirageStep[], backend: BackendName = 'node', stats?: ReplayStats): MirageAnswer[] {
  let clock = 0n;
  let fortuna: Fortuna | null = null;
  let hmac: HmacState | null = null;
  let handles = new Map<number, FortunaEventHandle>();
  const answers: MirageAnswer[] = [];
  const retire = (f: Fortuna | null): void => {
    if (f === null) return;
    const count = f.state().reseedCount;
    if (stats !== undefined && count > 0) {
      stats.poolReseeds += count;
      // The widest reseed up to `count` is the one at the largest power of two <= count.
      stats.widestReseed = Math.max(stats.widestReseed, Math.floor(Math.log2(count)) + 1);
    }
    f.free();
  };
  const handleFor = (f: Fortuna, source: number): FortunaEventHandle => {
    let h = handles.get(source);
    if (h === undefined) {
      h = f.accumulate(source);
      handles.set(source, h);
    }
    return h;
  };
  for (const step of steps) {
    switch (step.op) {
      case 'version':
        answers.push({ version: 'randshim' });
        break;
      case 'fortuna':
        retire(fortuna);
        hmac?.mechanism.uninstantiate();
        hmac = null;
        fortuna = new Fortuna({ backend, ...(step.time ? { clock: () => clock } : {}) });
        handles = new Map();
        answers.push(OK);
        break;
      case 'hmac':
        retire(fortuna);
        fortuna = null;
        hmac?.mechanism.uninstantiate();
        hmac = { mechanism: new HmacDrbgMechanism(findDigest('SHA2-256')!, getBackend(backend)), seeded: false };
        answers.push(OK);
        break;
      case 'clock':
        clock = BigInt.asIntN(64, BigInt(step.ns));
        answers.push(OK);
        break;
      case 'header':
        answers.push({ out: toHex(frameEvent(step.source, fromHex(step.data))) });
        break;
      case 'reseed':
        if (fortuna !== null) fortuna.reseed(fromHex(step.data));
        else if (hmac !== null) {
          const data = fromHex(step.data);
          if (hmac.seeded) hmac.mechanism.reseed(data, null);
          else hmac.mechanism.instantiate(data, null, null);
          hmac.seeded = true;
        } else throw new Error('reseed before fortuna or hmac');
        answers.push(OK);
        break;
      case 'acc':
      case 'handle':
        if (fortuna === null) throw new Error(`${step.op} needs a fortuna generator`);
        if (step.op === 'acc') handleFor(fortuna, step.source)(fromHex(step.data));
        else {
          handles.delete(step.source);
          handleFor(fortuna, step.source);
        }
        answers.push(OK);
        break;
      case 'generate':
        if (fortuna !== null) {
          try {
            answers.push({ out: toHex(fortuna.generate(step.n)) });
          } catch (e) {
            if (!(e instanceof FortunaUnseededError)) throw e;
            answers.push(UNSEEDED);
          }
        } else if (hmac !== null) {
          if (!hmac.seeded) answers.push(UNSEEDED);
          else {
            const out = new Uint8Array(step.n);
            hmac.mechanism.generate(out, null, 0);
            answers.push({ out: toHex(out) });
          }
        } else throw new Error('generate before fortuna or hmac');
        break;
      case 'seeded':
        answers.push({ seeded: fortuna !== null ? fortuna.seeded : hmac !== null && hmac.seeded });
        break;
    }
  }
  retire(fortuna);
  hmac?.mechanism.uninstantiate();
  return answers;
}
