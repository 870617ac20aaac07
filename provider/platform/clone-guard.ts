/**
 * The clone guard: what tells every DRBG of a JavaScript realm that its memory may now exist
 * twice, so that it reseeds before producing another byte.
 *
 * A DRBG whose state is copied produces the same output in each copy. OpenSSL's only defence is
 * the process id compared on every generate (1.1.1d+, 3.x `openssl_get_fork_id`); the DRBGs
 * here keep that check (it is OpenSSL behaviour, see DrbgCtx / RandDrbg) and add this guard's
 * *epoch*: a number every DRBG records when it is (re)seeded and compares on every generate. The
 * epoch moves when
 *   - a V8 startup snapshot is built or restored (`node --build-snapshot`, single-executable
 *     applications): the heap, DRBG states included, is copied into every process started
 *     from the blob, whose pid may well be the same (a PID namespace's first process is 1);
 *   - a VM generation counter moves (Linux vmclock, sysgenid): the whole VM was restored from
 *     a snapshot or cloned, pid included;
 *   - the application says so ({@link CloneGuard.deplete}), e.g. on a hypervisor or platform
 *     restore notification the guard cannot see itself.
 * Between a snapshot's serialization and the deserialize callback of the restored process the
 * epoch is NaN, which equals nothing: any generate in that window (other serialize or
 * deserialize callbacks) reseeds.
 *
 * One guard per realm ({@link realmCloneGuard}): a worker thread loads its own module instances
 * and so has its own guard and its own DRBGs. Tests and embedders can give DRBGs a guard of
 * their own to keep their events apart.
 */
import { hostEnv, hostFs, startupSnapshot } from './host.js';
import { KNOWN_COUNTERS, openSysgenid, openVmclock, type CounterAccess } from './generation-counter.js';

/** A VM generation counter being watched: {@link GenerationCounter} from generation-counter.ts
 * satisfies it. `changed()` runs before every generate, so it must cost nanoseconds. */
export interface WatchedCounter {
  readonly name: string;
  changed(): boolean;
  /** The current value (compared across a snapshot: see CloneGuard.onSnapshotDeserialize). */
  value(): bigint;
  close(): void;
}

/** Opens a counter. `plainRead` asks for one that loads no native code (a plain read rather
 * than a mapping through ffi-rs): in a snapshot builder, whose heap cannot hold a native
 * mapping, and in a snapshot's deserialize callbacks, where Node forbids loading packages. */
export type CounterOpener = (plainRead: boolean) => WatchedCounter;

/** Why the epoch moved. */
export type CloneEventKind = 'snapshot-build' | 'snapshot-restore' | 'vm-generation' | 'deplete';

export interface CloneEvent {
  readonly kind: CloneEventKind;
  /** The epoch after the event. */
  readonly epoch: number;
  /** E.g. the counter that moved. */
  readonly detail?: string;
}

/** Produces per-clone bytes (an instance id, a MAC address, a coordinator's counter) mixed in
 * as additional input when a DRBG reseeds because of a clone signal. */
export type CloneDiversifier = () => Uint8Array;

interface Watch {
  readonly open: CounterOpener;
  counter: WatchedCounter | null;
  /** The value when the snapshot was serialized, to compare with the restored machine's. */
  valueAtSnapshot: bigint | null;
}

/** How many events a guard remembers (the oldest are dropped). */
const EVENT_LOG_LENGTH = 64;

export interface CloneGuardOptions {
  /** Watch the VM generation counters this machine has (see {@link counterSources}), opened
   * on the first check rather than at construction (with a plain read in a snapshot builder,
   * mapped once a restored process runs). Default false; the realm's guard sets it. */
  readonly watchMachineCounters?: boolean;
}

export class CloneGuard {
  private current = 1;
  /** Whether the machine's counters are still to be opened (on the first check). */
  private machineCountersPending: boolean;
  /** Whether counters opened with a plain read after a restore are to be reopened mapped. */
  private remapPending = false;
  /** Whether the next check has setting up to do (one of the two above): one branch per check. */
  private setupPending: boolean;
  /** True from loading in a snapshot builder until the restored process's deserialize
   * callback: counters opened in that window must not be native mappings (see CounterOpener). */
  private building = false;
  private readonly watches: Watch[] = [];
  /** The open counters, in a flat array for the per-generate loop. */
  private counters: WatchedCounter[] = [];
  private readonly log: CloneEvent[] = [];
  private readonly problems: string[] = [];
  private readonly counts: Record<CloneEventKind, number> = {
    'snapshot-build': 0, 'snapshot-restore': 0, 'vm-generation': 0, deplete: 0,
  };
  private snapshotPending = false;
  /** Whether snapshot build/restore moves the epoch. Off only to demonstrate the hazard. */
  snapshotDetection = true;
  /** Prediction resistance for every DRBG using this guard: each generate reseeds from the
   * OS first (s2n's default; in the 1.1.1 personality through the whole chain, see RandDrbg). */
  predictionResistance = false;
  /** Mixed in on reseeds caused by a clone signal; null: none. */
  diversifier: CloneDiversifier | null = null;

  constructor(options: CloneGuardOptions = {}) {
    this.machineCountersPending = options.watchMachineCounters ?? false;
    this.setupPending = this.machineCountersPending;
  }

  /**
   * The epoch a DRBG compares with the one it recorded at its last (re)seed. Reads every
   * watched counter first (a few nanoseconds each through a mapped page).
   */
  epoch(): number {
    if (this.setupPending) this.setUp();
    const counters = this.counters;
    for (let i = 0; i < counters.length; i++) {
      if (counters[i].changed()) this.bump('vm-generation', counters[i].name);
    }
    return this.snapshotPending ? Number.NaN : this.current;
  }

  /** Every DRBG using this guard reseeds before its next output (Mbed TLS's
   * psa_random_deplete): call it when the platform reports a restore the guard cannot see. */
  deplete(detail?: string): void {
    this.bump('deplete', detail);
  }

  /**
   * Watches a generation counter: `open` is called now and again after a snapshot restore
   * (a mapping or a file descriptor does not survive into the restored process), where a value
   * other than the one at serialization moves the epoch: the snapshot was taken of a machine
   * that has since been restored or cloned. Returns a function that stops watching and closes
   * the counter. Throws what `open` throws.
   */
  watch(open: CounterOpener): () => void {
    const w: Watch = { open, counter: open(this.building), valueAtSnapshot: null };
    this.watches.push(w);
    this.refreshCounters();
    return () => {
      const i = this.watches.indexOf(w);
      if (i < 0) return;
      this.watches.splice(i, 1);
      w.counter?.close();
      w.counter = null;
      this.refreshCounters();
    };
  }

  /** The names of the counters being watched. */
  get watchedCounters(): readonly string[] {
    return this.counters.map((c) => c.name);
  }

  /** The latest events, oldest first. */
  get events(): readonly CloneEvent[] {
    return this.log;
  }

  /** How many events of each kind this guard has seen. */
  get eventCounts(): Readonly<Record<CloneEventKind, number>> {
    return this.counts;
  }

  /** Marks the guard as living in a snapshot builder (see the private `building` field). */
  onSnapshotBuilding(): void {
    this.building = true;
  }

  /** Called by the serialize callback of a snapshot being built. */
  onSnapshotSerialize(): void {
    this.building = true;
    for (const w of this.watches) {
      w.valueAtSnapshot = w.counter?.value() ?? null;
      w.counter?.close();
      w.counter = null;
    }
    this.counters = [];
    if (!this.snapshotDetection) return;
    this.bump('snapshot-build');
    this.snapshotPending = true;
  }

  /** Called by the deserialize callback in a process started from the snapshot. */
  onSnapshotDeserialize(): void {
    this.building = false;
    for (const w of this.watches) {
      try {
        w.counter = w.open(true);
      } catch {
        // The restored machine lacks the device: the restore itself moves the epoch below.
        w.counter = null;
        continue;
      }
      if (w.valueAtSnapshot !== null && w.counter.value() !== w.valueAtSnapshot) {
        this.bump('vm-generation', `${w.counter.name} (since the snapshot)`);
      }
    }
    this.refreshCounters();
    this.setupPending = this.machineCountersPending;
    if (this.watches.length > 0) {
      // Mapping needs ffi-rs, which Node refuses to load before the deserialize main function
      // has started; an immediate runs once it has returned to the event loop.
      setImmediate(() => {
        this.remapPending = true;
        this.setupPending = true;
      });
    }
    if (!this.snapshotDetection) return;
    this.snapshotPending = false;
    this.bump('snapshot-restore');
  }

  /** What the first check (after construction or a restore) has to do, outside any snapshot
   * callback: open the machine's counters, or map those opened with a plain read. */
  private setUp(): void {
    this.setupPending = false;
    if (this.remapPending) {
      this.remapPending = false;
      for (const w of this.watches) {
        const old = w.counter;
        if (old === null) continue;
        if (old.changed()) this.bump('vm-generation', old.name);
        try {
          w.counter = w.open(false);
        } catch {
          continue; // keep the plain reader
        }
        old.close();
      }
      this.refreshCounters();
    }
    if (this.machineCountersPending) this.watchMachineCounters();
  }

  /** Watches each counter {@link counterSources} names that can be opened now. */
  private watchMachineCounters(): void {
    this.machineCountersPending = false;
    let sources: ReturnType<typeof counterSources>;
    try {
      sources = counterSources();
    } catch (e) {
      this.problems.push((e as Error).message);
      return;
    }
    for (const source of sources) {
      try {
        this.watch(source.open);
      } catch (e) {
        // Present but unusable (no generation counter, unreadable): nothing to watch, and
        // the report says why.
        this.problems.push(`${source.path}: ${(e as Error).message}`);
      }
    }
  }

  /** Why counters that were to be watched are not (a malformed variable, a device without a
   * generation counter): shown by the conformance report. */
  get counterProblems(): readonly string[] {
    return this.problems;
  }

  private refreshCounters(): void {
    this.counters = this.watches.flatMap((w) => (w.counter === null ? [] : [w.counter]));
  }

  private bump(kind: CloneEventKind, detail?: string): void {
    // Never 0 or negative, so a recorded epoch of NaN or 0 can mean "never seeded".
    this.current = this.current >= Number.MAX_SAFE_INTEGER ? 1 : this.current + 1;
    this.counts[kind]++;
    this.log.push(detail === undefined ? { kind, epoch: this.current } : { kind, epoch: this.current, detail });
    if (this.log.length > EVENT_LOG_LENGTH) this.log.shift();
  }
}

/** The environment variable naming the counters to watch instead of the machine's devices:
 * a comma-separated list of `vmclock:PATH` and `sysgenid:PATH`, or `none`. Read when the
 * realm's guard first checks, or in a restored snapshot when it is restored. */
export const COUNTERS_ENV = 'RANDSHIM_GENERATION_COUNTERS';

/** The counters the realm's guard watches: those named by {@link COUNTERS_ENV}, else the known
 * devices present on this machine. Throws for a malformed variable. */
export function counterSources(env: Readonly<Record<string, string | undefined>> = hostEnv, access: CounterAccess = 'auto'): { path: string; open: CounterOpener }[] {
  const spec = env[COUNTERS_ENV];
  const accessFor = (inSnapshotBuilder: boolean): CounterAccess => (inSnapshotBuilder ? 'pread' : access);
  if (spec === undefined || spec === '') {
    return KNOWN_COUNTERS.filter((k) => hostFs.existsSync(k.path)).map((k) => ({ path: k.path, open: (b: boolean) => k.open(accessFor(b)) }));
  }
  if (spec === 'none') return [];
  return spec.split(',').map((item) => {
    const colon = item.indexOf(':');
    const kind = item.slice(0, colon);
    const path = item.slice(colon + 1);
    if (colon < 0 || path === '' || (kind !== 'vmclock' && kind !== 'sysgenid')) {
      throw new Error(`${COUNTERS_ENV}: "${item}" is not vmclock:PATH or sysgenid:PATH`);
    }
    return { path, open: (b: boolean) => (kind === 'vmclock' ? openVmclock(path, accessFor(b)) : openSysgenid(path, accessFor(b))) };
  });
}

/** The guard of this realm, used by every DRBG not given another. */
export const realmCloneGuard = new CloneGuard({ watchMachineCounters: true });

// Callbacks can only be registered while the snapshot is being built, i.e. when this module
// is part of the snapshot; a process that loads randshim after starting has nothing to fear.
// A browser has no snapshot builder (startupSnapshot is absent there).
if (startupSnapshot?.isBuildingSnapshot()) {
  realmCloneGuard.onSnapshotBuilding();
  startupSnapshot.addSerializeCallback(() => realmCloneGuard.onSnapshotSerialize());
  startupSnapshot.addDeserializeCallback(() => realmCloneGuard.onSnapshotDeserialize());
}
