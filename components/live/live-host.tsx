"use client";

import { LiveBadge } from "./live-badge";
import { useLiveFleet, useLiveHost } from "./use-live-host";

/**
 * Drop into any page about one host: keeps that host's queries fresh from
 * libvirt events and shows a small live indicator.
 *   <LiveHost hostId={host} />
 */
export function LiveHost({ hostId }: { hostId: string }) {
  return <LiveBadge view={useLiveHost(hostId)} />;
}

/** The same for fleet-wide pages: every registered host's changes. */
export function LiveFleet() {
  return <LiveBadge view={useLiveFleet()} />;
}
