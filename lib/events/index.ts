import "server-only";
import { getHostTarget } from "@/lib/hosts";
import type { EventHub } from "./hub";
import { createLiveEvents } from "./live-events";

// The process-wide hub. Kept on globalThis because Next.js may evaluate this
// module once per route bundle; two hubs would mean two SSH subscriptions per host.

const KEY = Symbol.for("switchyard.liveEvents");
type Holder = { [KEY]?: EventHub };

export function liveEvents(): EventHub {
  const holder = globalThis as Holder;
  holder[KEY] ??= createLiveEvents({ resolveTarget: getHostTarget });
  return holder[KEY];
}

export { createLiveEvents, type LiveEventsOptions } from "./live-events";
export type { EventHub, HubMessage, HubListener } from "./hub";
export type { ChangeReason, HostChange, HostLiveStatus, LiveState } from "./types";
