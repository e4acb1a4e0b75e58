import "server-only";
import { randomUUID } from "node:crypto";
import { forgetSnapshotHint } from "@/lib/libvirt/host-snapshot";
import { HostWatcher } from "./host-watcher";
import { EventHub, type Watcher, type WatcherEvents } from "./hub";
import { hostLeaseKey, LEASE_RETRY_MS } from "./lease";
import type { LiveEventsOptions } from "./live-events";
import { parseRelayed, relayAsk, relayChange, relayReleased, relayStatus, type Relayed } from "./notify-relay";
import { openStoreChannel, type StoreChannel } from "./store-channel";
import { sshStreamOpener } from "./transport-stream";
import type { ChangeReason, HostLiveStatus } from "./types";

// Live events when several servers share one PostgreSQL. Each server's hub
// still makes one watcher per host its browsers listen to (and none for other
// hosts: a server never dials a host for events nobody asked it about), but
// that watcher runs the host's event script only while it holds the host's
// lease (lease.ts). The holder relays every change and status over NOTIFY;
// the others pass them to their browsers as if they were their own, and retry
// the lease every 2 s, so when the holder dies one of them takes over and the
// host's event script runs again within a few seconds, once.

type Local = { hostId: string; events: WatcherEvents; relayed(message: Relayed): void; channelState(up: boolean): void };

class SharedWatcher implements Watcher {
  private current: HostLiveStatus;
  private local: HostWatcher | null = null;
  private holding = false;
  private claiming = false;
  private stopped = true;
  private retry: ReturnType<typeof setInterval> | null = null;
  private readonly key: bigint;

  constructor(
    private readonly hostId: string,
    private readonly events: WatcherEvents,
    private readonly channel: StoreChannel,
    private readonly serverId: string,
    private readonly makeLocal: (sink: { change(reason: ChangeReason): void; status(status: HostLiveStatus): void }) => HostWatcher,
  ) {
    this.current = { hostId, state: "connecting" };
    this.key = hostLeaseKey(hostId);
  }

  get status(): HostLiveStatus {
    return this.current;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.claim(true);
    this.retry = setInterval(() => void this.claim(false), LEASE_RETRY_MS);
    this.retry.unref?.();
  }

  stop(): void {
    this.stopped = true;
    if (this.retry) clearInterval(this.retry);
    this.retry = null;
    this.local?.stop();
    this.local = null;
    if (this.holding) {
      this.holding = false;
      // Unlock first, then say so: a server that hears "released" finds the lock free.
      void this.channel.unlock(this.key).then(() => this.channel.publish(relayReleased(this.serverId, this.hostId)));
    }
  }

  /** A message from another server about this host. */
  relayed(message: Relayed): void {
    if (this.stopped) return;
    if (message.kind === "ask") {
      if (this.holding) void this.channel.publish(relayStatus(this.serverId, this.current));
      return;
    }
    if (message.kind === "released") return void this.claim(false);
    // Whatever a non-holder hears is the holder's; a holder hearing another's is a stale message.
    if (this.holding) return;
    if (message.kind === "change") {
      forgetSnapshotHint(this.hostId);
      this.events.change({ hostId: this.hostId, reason: message.reason });
    } else if (message.kind === "status") {
      this.show(message.status);
    }
  }

  /** The event connection dropped (every lease went with it) or came back. */
  channelState(up: boolean): void {
    if (this.stopped) return;
    if (up) return void this.claim(true);
    this.local?.stop();
    this.local = null;
    this.holding = false;
    this.show({ hostId: this.hostId, state: "down", message: "This server lost its connection to the store for live events; reconnecting." });
  }

  private show(status: HostLiveStatus) {
    this.current = status;
    this.events.status(status);
  }

  private async claim(ask: boolean): Promise<void> {
    if (this.stopped || this.holding || this.claiming || !this.channel.up) return;
    this.claiming = true;
    try {
      const got = await this.channel.tryLock(this.key);
      if (!got) {
        if (ask) await this.channel.publish(relayAsk(this.serverId, this.hostId));
        return;
      }
      if (this.stopped || !this.channel.up) {
        if (this.channel.up) await this.channel.unlock(this.key);
        return;
      }
      this.holding = true;
      this.local = this.makeLocal({
        change: (reason) => {
          forgetSnapshotHint(this.hostId);
          this.events.change({ hostId: this.hostId, reason });
          void this.channel.publish(relayChange(this.serverId, this.hostId, reason));
        },
        status: (status) => {
          this.show(status);
          void this.channel.publish(relayStatus(this.serverId, status));
        },
      });
      this.local.start();
    } finally {
      this.claiming = false;
    }
  }
}

export interface SharedLiveEventsOptions extends LiveEventsOptions {
  databaseUrl: string;
}

/** An EventHub, plus closing its event connection (tests; a server keeps it for its lifetime). */
export type SharedEventHub = EventHub & { closeChannel(): Promise<void> };

/** A hub whose watchers share each host's event script with every server on the same PostgreSQL. */
export function createSharedLiveEvents({ databaseUrl, resolveTarget, lingerMs, ...watcherOptions }: SharedLiveEventsOptions): SharedEventHub {
  const channel = openStoreChannel(databaseUrl);
  const serverId = randomUUID();
  const open = sshStreamOpener(resolveTarget);
  const watchers = new Map<string, Set<Local>>();
  channel.onMessage((payload) => {
    const message = parseRelayed(payload);
    if (!message || message.from === serverId) return;
    for (const watcher of watchers.get(message.hostId) ?? []) watcher.relayed(message);
  });
  channel.onState((up) => {
    for (const set of watchers.values()) for (const watcher of set) watcher.channelState(up);
  });
  const hub = new EventHub((hostId, events) => {
    const watcher = new SharedWatcher(hostId, events, channel, serverId, (sink) => new HostWatcher(hostId, sink, { open, ...watcherOptions }));
    const entry: Local = { hostId, events, relayed: (m) => watcher.relayed(m), channelState: (up) => watcher.channelState(up) };
    return {
      get status() {
        return watcher.status;
      },
      start() {
        const set = watchers.get(hostId) ?? new Set<Local>();
        set.add(entry);
        watchers.set(hostId, set);
        watcher.start();
      },
      stop() {
        watcher.stop();
        const set = watchers.get(hostId);
        set?.delete(entry);
        if (set?.size === 0) watchers.delete(hostId);
      },
    };
  }, lingerMs);
  return Object.assign(hub, { closeChannel: () => channel.close() });
}
