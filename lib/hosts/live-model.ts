import type { NetworkRow } from "@/lib/domain/host/snapshot-rows";
import type { HostRef } from "@/lib/domain/host/snapshot";

// The live host model: per watched host, the rows of the last networks read,
// served without an SSH round trip while they are known to be current.
//
// A host's rows are current when all of these hold:
// - the model is subscribed to the host's events (a browser has the host's
//   event stream open, or did less than WATCH_GRACE_MS ago) and the stream is
//   "live" now and was live when the read started;
// - no event, status change or resync arrived since that read started (every
//   hub message bumps the host's epoch; a read remembers the epoch it began in);
// - the read is younger than MAX_AGE_MS.
// Anything libvirt sends no event for (autostart, leases, kernel facts) can be
// stale in a current model, so every answer served from it is followed by one
// background read (revalidation); when that read's rows differ, the host's
// listeners are told (the browser refetches, from the model just refreshed).
// Nothing is ever changed from the model: plans re-read the host themselves.

/** A served model is never older than this; past it the page reads the host on its critical path. */
export const MAX_AGE_MS = 60_000;
/** The model's own subscription outlives the host's last browser stream by this much (reloads, navigations). */
export const WATCH_GRACE_MS = 5_000;
/** Memory bound: at most this many hosts' rows, and this many bytes of them (JSON length), least recently used out first. */
export const MAX_HOSTS = 256;
export const MAX_BYTES = 8 << 20;

export type HostRows = { host: HostRef; rows: NetworkRow[] };

/** What a page or the rows route hands the browser. */
export type ServedRows = HostRows & {
  /** "model": no SSH round trip was made for this answer; "read": the host was read for it. */
  source: "model" | "read";
  /** A background read is running; ask again with settle to get its answer. */
  revalidating: boolean;
};

export type HubStatusMessage = { type: "change" } | { type: "status"; state: "connecting" | "live" | "down" };

export interface LiveModelDeps {
  /** Subscribes to one host's events (the hub's public interface); returns the unsubscribe. */
  subscribe(hostId: string, listener: (message: HubStatusMessage) => void): () => void;
  /** Reads the host's networks (one SSH exec). Throws what the read throws. */
  read(hostId: string): Promise<HostRows>;
  /** Runs `work` after the current response has been sent (next/server's after()). */
  defer(work: () => void): void;
  now?: () => number;
  /** false: every answer is read on the critical path (SWITCHYARD_LIVE_MODEL=off; the bench's comparison). */
  enabled?: boolean;
}

type Watch = { refs: number; live: boolean; epoch: number; unsubscribe: () => void; graceTimer: ReturnType<typeof setTimeout> | null };

type View = {
  rows: HostRows;
  bytes: number;
  readAt: number;
  /** The epoch the read began in, or -1 when the stream was not live then. */
  epoch: number;
};

export type LiveModelStats = { hosts: number; bytes: number; watched: number; served: number; read: number; revalidations: number; changedOnRevalidation: number };

let epochs = 0;
const nextEpoch = () => ++epochs;

export class LiveModel {
  private readonly watches = new Map<string, Watch>();
  /** Insertion order is recency: the first entry is the least recently used. */
  private readonly views = new Map<string, View>();
  private readonly listeners = new Map<string, Set<() => void>>();
  /** Each host's latest background read: `started` once it runs; until then it covers every answer served meanwhile. */
  private readonly revalidations = new Map<string, { started: boolean; done: Promise<void> }>();
  private bytes = 0;
  private readonly counters = { served: 0, read: 0, revalidations: 0, changedOnRevalidation: 0 };
  private readonly now: () => number;

  constructor(private readonly deps: LiveModelDeps) {
    this.now = deps.now ?? Date.now;
  }

  /**
   * A browser opened the host's event stream: the model follows the host's
   * events until WATCH_GRACE_MS after the last such stream closes. Returns the release.
   */
  watch(hostId: string): () => void {
    let watch = this.watches.get(hostId);
    if (!watch) {
      const created: Watch = { refs: 0, live: false, epoch: nextEpoch(), unsubscribe: () => {}, graceTimer: null };
      this.watches.set(hostId, created);
      created.unsubscribe = this.deps.subscribe(hostId, (message) => {
        // Any message may mean the host changed or events were lost: nothing read before it is current.
        created.epoch = nextEpoch();
        if (message.type === "status") created.live = message.state === "live";
      });
      watch = created;
    }
    if (watch.graceTimer) clearTimeout(watch.graceTimer);
    watch.graceTimer = null;
    watch.refs += 1;
    const held = watch;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      held.refs -= 1;
      if (held.refs > 0) return;
      held.graceTimer = setTimeout(() => {
        if (held.refs > 0 || this.watches.get(hostId) !== held) return;
        held.unsubscribe();
        this.watches.delete(hostId);
        this.drop(hostId);
      }, WATCH_GRACE_MS);
      held.graceTimer.unref?.();
    };
  }

  /** Told when a background read finds rows that differ from the ones served. Returns the unsubscribe. */
  listen(hostId: string, onChange: () => void): () => void {
    let set = this.listeners.get(hostId);
    if (!set) this.listeners.set(hostId, (set = new Set()));
    set.add(onChange);
    return () => {
      set.delete(onChange);
      if (set.size === 0 && this.listeners.get(hostId) === set) this.listeners.delete(hostId);
    };
  }

  /** Whether the host's rows can be served without reading it. */
  isCurrent(hostId: string): boolean {
    const view = this.views.get(hostId);
    const watch = this.watches.get(hostId);
    if (this.deps.enabled === false) return false;
    return !!view && !!watch && watch.live && view.epoch === watch.epoch && this.now() - view.readAt <= MAX_AGE_MS;
  }

  /**
   * The host's rows for a page or the rows route. From a current model: no SSH
   * round trip, and a background read that starts after the response (one
   * that has not started yet covers every answer served before it starts).
   * Otherwise one read on the critical path, as before. With `settle`, the
   * latest background read is awaited and none is started: the follow-up a
   * browser sends when its answer said `revalidating`.
   */
  async serve(hostId: string, options: { settle?: boolean } = {}): Promise<ServedRows> {
    const pending = this.revalidations.get(hostId);
    if (options.settle && pending) await pending.done;
    const view = this.views.get(hostId);
    if (view && this.isCurrent(hostId)) {
      this.touch(hostId, view);
      this.counters.served += 1;
      // Every answer from the model is followed by a read that starts after it: a change made just before
      // this request (say, right after the previous background read began) must still reach the page.
      const latest = this.revalidations.get(hostId);
      if (!options.settle && !(latest && !latest.started)) this.revalidate(hostId);
      return { ...view.rows, source: "model", revalidating: this.revalidations.has(hostId) };
    }
    this.counters.read += 1;
    return { ...(await this.readAndRecord(hostId)), source: "read", revalidating: false };
  }

  /** Something changed the host through Switchyard (a plan ran): read it afresh next time. */
  forget(hostId: string): void {
    const watch = this.watches.get(hostId);
    if (watch) watch.epoch = nextEpoch();
    this.drop(hostId);
  }

  stats(): LiveModelStats {
    return { hosts: this.views.size, bytes: this.bytes, watched: this.watches.size, ...this.counters };
  }

  /** Drops everything (tests, shutdown). */
  clear(): void {
    for (const watch of this.watches.values()) {
      if (watch.graceTimer) clearTimeout(watch.graceTimer);
      watch.unsubscribe();
    }
    this.watches.clear();
    this.views.clear();
    this.bytes = 0;
  }

  private async readAndRecord(hostId: string): Promise<HostRows> {
    const watch = this.watches.get(hostId);
    const epoch = watch?.live ? watch.epoch : -1;
    const rows = await this.deps.read(hostId);
    this.record(hostId, rows, epoch);
    return rows;
  }

  private revalidate(hostId: string): void {
    this.counters.revalidations += 1;
    // One at a time per host: a read already running began before this answer, so this one waits for it.
    const previous = this.revalidations.get(hostId)?.done ?? Promise.resolve();
    let respond!: () => void;
    const responded = new Promise<void>((resolve) => (respond = resolve));
    // After the response; the timer is a fallback should the framework never call back.
    this.deps.defer(respond);
    setTimeout(respond, 2_000).unref?.();
    const entry = { started: false, done: Promise.resolve() };
    entry.done = Promise.all([previous, responded])
      .then(() => {
        entry.started = true;
        const before = JSON.stringify(this.views.get(hostId)?.rows.rows ?? null);
        return this.readAndRecord(hostId).then(
          (rows) => JSON.stringify(rows.rows) !== before,
          () => {
            // A failed read: the host is in trouble; serve nothing stale, let pages read and show why.
            this.drop(hostId);
            return true;
          },
        );
      })
      .then((changed) => {
        if (this.revalidations.get(hostId) === entry) this.revalidations.delete(hostId);
        if (!changed) return;
        this.counters.changedOnRevalidation += 1;
        for (const onChange of [...(this.listeners.get(hostId) ?? [])]) {
          try {
            onChange();
          } catch (error) {
            console.error(`live model: a listener of ${hostId} failed:`, error);
          }
        }
      });
    this.revalidations.set(hostId, entry);
  }

  private record(hostId: string, rows: HostRows, epoch: number): void {
    const old = this.views.get(hostId);
    const bytes = JSON.stringify(rows).length;
    if (old) this.bytes -= old.bytes;
    this.views.delete(hostId);
    this.views.set(hostId, { rows, bytes, readAt: this.now(), epoch });
    this.bytes += bytes;
    while (this.views.size > MAX_HOSTS || this.bytes > MAX_BYTES) {
      const oldest = this.views.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
  }

  private touch(hostId: string, view: View): void {
    this.views.delete(hostId);
    this.views.set(hostId, view);
  }

  private drop(hostId: string): void {
    const view = this.views.get(hostId);
    if (!view) return;
    this.bytes -= view.bytes;
    this.views.delete(hostId);
  }
}
