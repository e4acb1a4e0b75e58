"use client";

import { useLiveEvents, type LiveView } from "./use-live-events";
import { hostEventsHref } from "@/lib/routes";

/** Live updates for one host (id or name): its queries refetch when libvirt reports a change. */
export function useLiveHost(host: string): LiveView {
  return useLiveEvents(hostEventsHref(host));
}

/** Live updates for every registered host, for fleet-wide pages. */
export function useLiveFleet(): LiveView {
  return useLiveEvents("/api/events");
}
