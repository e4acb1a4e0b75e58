import type { HostChange, HostLiveStatus } from "./types";

// Fans one watcher per host out to any number of listeners (SSE clients).
// A host's watcher starts when its first listener arrives and stops `lingerMs`
// after its last one leaves, so a page reload or a quick navigation between
// pages of the same host reuses the running subscription.

export type HubMessage = { type: "change"; change: HostChange } | { type: "status"; status: HostLiveStatus };
export type HubListener = (message: HubMessage) => void;

export interface Watcher {
  readonly status: HostLiveStatus;
  start(): void;
  stop(): void;
}

export interface WatcherEvents {
  change(change: HostChange): void;
  status(status: HostLiveStatus): void;
}

export type WatcherFactory = (hostId: string, events: WatcherEvents) => Watcher;

interface Entry {
  watcher: Watcher;
  listeners: Set<HubListener>;
  stopTimer: ReturnType<typeof setTimeout> | null;
}

export class EventHub {
  private readonly hosts = new Map<string, Entry>();

  constructor(private readonly createWatcher: WatcherFactory, private readonly lingerMs = 30_000) {}

  /** Listens to one host; the listener first gets the current status. Returns the unsubscribe function. */
  subscribe(hostId: string, listener: HubListener): () => void {
    const entry = this.hosts.get(hostId) ?? this.open(hostId);
    if (entry.stopTimer) clearTimeout(entry.stopTimer);
    entry.stopTimer = null;
    entry.listeners.add(listener);
    listener({ type: "status", status: entry.watcher.status });
    let done = false;
    return () => {
      if (done) return;
      done = true;
      entry.listeners.delete(listener);
      if (entry.listeners.size === 0) this.scheduleStop(hostId, entry);
    };
  }

  /** Hosts with a running watcher (for diagnostics and tests). */
  activeHosts(): string[] {
    return [...this.hosts.keys()];
  }

  /** Stops every watcher now (tests, shutdown). */
  stopAll(): void {
    for (const [hostId, entry] of this.hosts) {
      if (entry.stopTimer) clearTimeout(entry.stopTimer);
      entry.watcher.stop();
      this.hosts.delete(hostId);
    }
  }

  private open(hostId: string): Entry {
    const entry: Entry = { watcher: undefined as unknown as Watcher, listeners: new Set(), stopTimer: null };
    const deliver = (message: HubMessage) => {
      // A throwing listener (a closed stream) must not break delivery to the rest.
      for (const listener of [...entry.listeners]) {
        try {
          listener(message);
        } catch (error) {
          console.error(`live events: a listener of ${hostId} failed:`, error);
        }
      }
    };
    entry.watcher = this.createWatcher(hostId, {
      change: (change) => deliver({ type: "change", change }),
      status: (status) => deliver({ type: "status", status }),
    });
    this.hosts.set(hostId, entry);
    entry.watcher.start();
    return entry;
  }

  private scheduleStop(hostId: string, entry: Entry) {
    entry.stopTimer = setTimeout(() => {
      if (entry.listeners.size > 0 || this.hosts.get(hostId) !== entry) return;
      entry.watcher.stop();
      this.hosts.delete(hostId);
    }, this.lingerMs);
    // A lingering watcher must not keep a process (a test, a CLI) alive.
    entry.stopTimer.unref?.();
  }
}
