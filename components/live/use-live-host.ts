"use client";

import { useLiveEvents, type LiveView } from "./use-live-events";

/** Live updates for one host (id or name): its queries refetch when libvirt reports a change. */
export function useLiveHost(host: string): LiveView {
  return useLiveEvents(`/api/events?host=${encodeURIComponent(host)}`);
}

/** Live updates for every registered host, for fleet-wide pages. */
export function useLiveFleet(): LiveView {
  return useLiveEvents("/api/events");
}
