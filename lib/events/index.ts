import "server-only";
import { getHostTarget } from "@/lib/hosts";
import type { EventHub } from "./hub";
import { storeTarget } from "@/lib/db/config";
import { createLiveEvents } from "./live-events";
import { createSharedLiveEvents } from "./shared-watcher";

// The process-wide hub. Kept on globalThis because Next.js may evaluate this
// module once per route bundle; two hubs would mean two SSH subscriptions per host.

const KEY = Symbol.for("switchyard.liveEvents");
type Holder = { [KEY]?: EventHub };

export function liveEvents(): EventHub {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    // On PostgreSQL several servers may share the store: they share each host's
    // event script too (shared-watcher.ts). PGlite is one process: the plain hub.
    const store = storeTarget();
    holder[KEY] =
      store.kind === "postgres"
        ? createSharedLiveEvents({ resolveTarget: getHostTarget, databaseUrl: store.url })
        : createLiveEvents({ resolveTarget: getHostTarget });
  }
  return holder[KEY];
}

export { createLiveEvents, type LiveEventsOptions } from "./live-events";
export type { EventHub, HubMessage, HubListener } from "./hub";
export type { ChangeReason, HostChange, HostLiveStatus, LiveState } from "./types";
